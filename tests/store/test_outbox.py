from __future__ import annotations

from typing import Any

from wadesk.store import outbox


def test_queue_claim_retry_send(conn: Any) -> None:
    assert outbox.enqueue(conn, "c-1", {"to": "4915", "text": "Hallo"}, now=100)
    assert not outbox.enqueue(conn, "c-1", {"to": "4915", "text": "doppelt"}, now=101)
    outbox.enqueue(conn, "c-2", {"to": "4916", "text": "Zweite"}, now=102)
    claimed = outbox.claim_due(conn, now=150)
    assert [(i.client_id, i.state, i.attempts) for i in claimed] == [("c-1", "sending", 1), ("c-2", "sending", 1)]
    assert claimed[0].payload == {"to": "4915", "text": "Hallo"}
    assert outbox.claim_due(conn, now=150) == []  # already taken
    assert outbox.retry_later(conn, "c-1", next_attempt_at=300, error="timeout", now=151)
    assert outbox.mark_sent(conn, "c-2")
    assert outbox.claim_due(conn, now=200) == []
    again = outbox.claim_due(conn, now=300)
    assert [(i.client_id, i.attempts, i.last_error) for i in again] == [("c-1", 2, "timeout")]
    assert outbox.mark_failed(conn, "c-1", error="131026 undeliverable")
    assert [(i.client_id, i.state) for i in outbox.list_outbox(conn)] == [("c-1", "failed")]


def test_requeue_after_a_crash(conn: Any) -> None:
    outbox.enqueue(conn, "c-1", {}, now=1)
    outbox.claim_due(conn, now=2)
    assert outbox.requeue_interrupted(conn, now=10) == 1
    assert [(i.state, i.next_attempt_at) for i in outbox.list_outbox(conn)] == [("queued", 10)]
