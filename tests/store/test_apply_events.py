"""apply_event: the same events give the same state on the relay and every replica."""

from __future__ import annotations

import secrets
import time

import pytest

from wadesk.store import messages, reactions
from wadesk.store.apply_events import HANDLERS, apply_event, register
from wadesk.store.connection import open_database
from wadesk.store.early_events import count_parked
from wadesk.store.state_dump import dump_state

CONTACT = {"wa_id": "491701111111", "user_id": None, "profile_name": "Ana", "username": None}


def _db(path, role="replica"):
    return open_database(path, key=secrets.token_bytes(32), role=role, create=True)


def incoming(wamid, ts=1_700_000_000, text="Hallo", media=None):
    return {"wamid": wamid, "phone_number_id": "p1", "contact": CONTACT, "type": "text", "ts": ts,
            "text": text, "reply_to_wamid": None, "media": media, "origin": "cloud",
            "raw": {"id": wamid}}


def outgoing(wamid, ts=1_700_000_010, client_id=None):
    return {"wamid": wamid, "client_id": client_id, "phone_number_id": "p1", "contact": CONTACT,
            "type": "text", "ts": ts, "text": "Antwort", "reply_to_wamid": None, "media": None,
            "agent_id": "3", "origin": "cloud", "status": "pending", "raw": None}


LOG = [
    ("status", {"wamid": "o1", "status": "delivered", "ts": 1_700_000_020, "client_id": None,
                "error_code": None, "error_reason": None}),
    ("reaction", {"wamid": "r1", "target_wamid": "m1", "reactor": "customer", "emoji": "👍",
                  "ts": 1_700_000_005, "agent_id": None}),
    ("message.in", incoming("m1", media={"media_id": "md1", "mime": "image/jpeg", "size": None,
                                         "filename": None, "sha256": None})),
    ("edit", {"wamid": "e1", "target_wamid": "m1", "text": "Hallo!", "ts": 1_700_000_006}),
    ("message.out", outgoing("o1")),
    ("status", {"wamid": "o1", "status": "sent", "ts": 1_700_000_015, "client_id": None,
                "error_code": None, "error_reason": None}),
    ("media.stored", {"wamid": "m1", "media_id": "md1", "mime": "image/jpeg", "size": 2048,
                      "sha256": "abc"}),
    ("message.echo", {**outgoing("o2", ts=1_700_000_030), "origin": "phone", "status": "sent"}),
    ("revoke", {"wamid": "v1", "target_wamid": "m2", "ts": 1_700_000_040}),
    ("message.in", incoming("m2", ts=1_700_000_035, text="Ups")),
    ("future.kind", {"anything": True}),
]


def test_early_events_wait_for_their_message_and_the_end_state_is_right(tmp_path):
    conn = _db(tmp_path / "a.db")
    for kind, payload in LOG[:2]:
        apply_event(conn, kind, payload)
    assert count_parked(conn) == 2
    for kind, payload in LOG[2:]:
        apply_event(conn, kind, payload)
    assert count_parked(conn) == 0
    m1 = messages.get_message_by_wamid(conn, "m1")
    assert m1.text == "Hallo!" and m1.media_size == 2048 and m1.media_sha256 == "abc"
    assert [r.emoji for r in reactions.reactions_for(conn, [m1.id])[m1.id]] == ["👍"]
    o1 = messages.get_message_by_wamid(conn, "o1")
    assert o1.status == "delivered" and o1.sent_at == 1_700_000_015
    assert messages.get_message_by_wamid(conn, "o2").origin == "phone"
    m2 = messages.get_message_by_wamid(conn, "m2")
    assert m2.revoked_at == 1_700_000_040 and m2.text is None


def test_replaying_the_same_log_later_gives_identical_state(tmp_path):
    first, second = _db(tmp_path / "a.db"), _db(tmp_path / "b.db", role="relay")
    for kind, payload in LOG:
        apply_event(first, kind, payload)
    time.sleep(1.1)  # a handler that read the clock would now differ
    for kind, payload in LOG:
        apply_event(second, kind, payload)
        apply_event(second, kind, payload)  # and applying twice changes nothing more
    assert dump_state(first) == dump_state(second)


def test_register_refuses_a_second_handler_for_a_kind():
    assert "message.in" in HANDLERS
    with pytest.raises(ValueError):
        register("message.in")(lambda conn, payload: None)


def test_team_events_do_not_read_the_applying_clock(tmp_path):
    events_ = [("label.created", {"label_id": 1, "name": "Rad", "colour": "#112233",
                                   "created_at": 1_700_000_000}),
               ("quick_reply.saved", {"quick_reply_id": 1, "shortcut": "hi", "text": "Hallo",
                                      "created_at": 1_700_000_000, "updated_at": 1_700_000_100})]
    first, second = _db(tmp_path / "a.db"), _db(tmp_path / "b.db")
    for kind, payload in events_:
        apply_event(first, kind, payload)
    time.sleep(1.1)
    for kind, payload in events_:
        apply_event(second, kind, payload)
    assert dump_state(first) == dump_state(second)
