"""Statuses only move forward, whatever order Meta sends them in."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wadesk.store.ingest import apply_outgoing_message
from wadesk.store.messages import get_message
from wadesk.store.statuses import RANK, StatusOutcome, apply_status, next_status

from .factories import outgoing

STATUSES = ["sent", "delivered", "read", "played", "failed"]


def _sent(conn: Any, **fields: Any) -> int:
    return apply_outgoing_message(conn, outgoing(wamid="wamid.s", **fields)).message_id


def test_forward_and_per_status_times(conn: Any) -> None:
    message_id = _sent(conn)
    assert apply_status(conn, wamid="wamid.s", status="sent", ts=10) is StatusOutcome.ADVANCED
    assert apply_status(conn, wamid="wamid.s", status="delivered", ts=20) is StatusOutcome.ADVANCED
    assert apply_status(conn, wamid="wamid.s", status="read", ts=30) is StatusOutcome.ADVANCED
    m = get_message(conn, message_id)
    assert (m.status, m.sent_at, m.delivered_at, m.read_at) == ("read", 10, 20, 30)


def test_a_late_sent_or_delivered_never_undoes_read(conn: Any) -> None:
    message_id = _sent(conn)
    apply_status(conn, wamid="wamid.s", status="read", ts=30)
    assert apply_status(conn, wamid="wamid.s", status="delivered", ts=20) is StatusOutcome.RECORDED
    assert apply_status(conn, wamid="wamid.s", status="sent", ts=10) is StatusOutcome.RECORDED
    m = get_message(conn, message_id)
    assert (m.status, m.sent_at, m.delivered_at, m.read_at) == ("read", 10, 20, 30)


def test_duplicates_change_nothing(conn: Any) -> None:
    message_id = _sent(conn)
    apply_status(conn, wamid="wamid.s", status="delivered", ts=20)
    assert apply_status(conn, wamid="wamid.s", status="delivered", ts=25) is StatusOutcome.RECORDED
    assert get_message(conn, message_id).delivered_at == 20


def test_failed_after_delivered_but_read_proves_delivery(conn: Any) -> None:
    message_id = _sent(conn)
    apply_status(conn, wamid="wamid.s", status="delivered", ts=20)
    apply_status(conn, wamid="wamid.s", status="failed", ts=21, error_code=131026, error_reason="undeliverable")
    m = get_message(conn, message_id)
    assert (m.status, m.error_code, m.error_reason, m.failed_at) == ("failed", 131026, "undeliverable", 21)
    assert apply_status(conn, wamid="wamid.s", status="sent", ts=22) is StatusOutcome.RECORDED
    assert get_message(conn, message_id).status == "failed"
    assert apply_status(conn, wamid="wamid.s", status="read", ts=30) is StatusOutcome.ADVANCED
    assert get_message(conn, message_id).status == "read"


def test_failed_never_undoes_read(conn: Any) -> None:
    message_id = _sent(conn)
    apply_status(conn, wamid="wamid.s", status="read", ts=30)
    apply_status(conn, wamid="wamid.s", status="failed", ts=31, error_code=131000)
    m = get_message(conn, message_id)
    assert m.status == "read" and m.error_code is None and m.failed_at == 31


def test_status_before_the_wamid_is_known_matches_the_client_id(conn: Any) -> None:
    message_id = apply_outgoing_message(conn, outgoing(wamid=None, client_id="c-77")).message_id
    outcome = apply_status(conn, wamid="wamid.77", client_id="c-77", status="sent", ts=5)
    assert outcome is StatusOutcome.ADVANCED
    m = get_message(conn, message_id)
    assert (m.wamid, m.status) == ("wamid.77", "sent")


def test_unknown_message_and_bad_status(conn: Any) -> None:
    assert apply_status(conn, wamid="wamid.x", status="read", ts=1) is StatusOutcome.UNKNOWN_MESSAGE
    with pytest.raises(ValueError):
        apply_status(conn, wamid="wamid.x", status="seen", ts=1)


def test_outgoing_applied_with_a_status(conn: Any) -> None:
    message_id = _sent(conn, status="delivered", ts=99)
    m = get_message(conn, message_id)
    assert (m.status, m.delivered_at, m.sent_at) == ("delivered", 99, None)


def test_the_order_is_total() -> None:
    ranks = sorted(RANK, key=RANK.get)
    assert ranks == ["pending", "sent", "delivered", "failed", "read", "played"]
    for a, b in itertools.product(RANK, repeat=2):
        assert next_status(a, b) == next_status(b, a) == max(a, b, key=RANK.get)


@given(st.lists(st.sampled_from(STATUSES), min_size=1, max_size=8), st.randoms())
def test_any_arrival_order_gives_the_same_end_state(statuses: list[str], rng: Any) -> None:
    shuffled = statuses[:]
    rng.shuffle(shuffled)
    end_a = end_b = "pending"
    for status in statuses:
        end_a = next_status(end_a, status)
    for status in shuffled:
        end_b = next_status(end_b, status)
    assert end_a == end_b
    if "read" in statuses or "played" in statuses:
        assert end_a in ("read", "played")
    elif "failed" in statuses:
        assert end_a == "failed"


@pytest.mark.parametrize("order", list(itertools.permutations(["sent", "delivered", "read", "failed"])))
def test_stored_end_state_is_independent_of_order(conn: Any, order: tuple[str, ...]) -> None:
    wamid = "wamid." + "-".join(order)
    message_id = apply_outgoing_message(conn, outgoing(wamid=wamid)).message_id
    for ts, status in enumerate(order):
        apply_status(conn, wamid=wamid, status=status, ts=100 + ts)
    m = get_message(conn, message_id)
    assert m.status == "read"
    assert None not in (m.sent_at, m.delivered_at, m.read_at, m.failed_at)
