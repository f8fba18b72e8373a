"""The inbox: newest activity first, keyset pages, filters."""

from __future__ import annotations

from typing import Any

import pytest

from wadesk.store import labels
from wadesk.store.conversations import (
    ConversationFilter,
    get_conversation,
    list_conversations,
    mark_read,
    set_archived,
    set_assignee,
)
from wadesk.store.ingest import apply_incoming_message, apply_messages, apply_outgoing_message

from .factories import incoming, outgoing


@pytest.fixture
def inbox(conn: Any) -> dict[int, int]:
    """Five customers; customer n wrote last at ts 100 * n. Returns n -> conversation id."""
    results = apply_messages(conn, [incoming(f"von {n}", n=n, ts=100 * n) for n in range(1, 6)])
    return {n: r.conversation_id for n, r in zip(range(1, 6), results)}


def _ns(conn: Any, inbox: dict[int, int], flt: ConversationFilter = ConversationFilter(), **kw: Any) -> list[int]:
    by_id = {cid: n for n, cid in inbox.items()}
    return [by_id[s.conversation.id] for s in list_conversations(conn, flt, **kw)]


def test_most_recent_activity_first(conn: Any, inbox: dict[int, int]) -> None:
    assert _ns(conn, inbox) == [5, 4, 3, 2, 1]
    apply_outgoing_message(conn, outgoing("Antwort", n=2, ts=1000))
    assert _ns(conn, inbox) == [2, 5, 4, 3, 1]
    summary = list_conversations(conn, limit=1)[0]
    assert summary.last_message.text == "Antwort" and summary.last_message.direction == "out"
    assert summary.contact.display_name == "Kunde 2"


def test_keyset_pages(conn: Any, inbox: dict[int, int]) -> None:
    first = list_conversations(conn, limit=2)
    second = list_conversations(conn, after=first[-1].cursor, limit=2)
    third = list_conversations(conn, after=second[-1].cursor, limit=2)
    ids = [s.conversation.id for s in first + second + third]
    assert ids == [inbox[n] for n in (5, 4, 3, 2, 1)]


def test_unread_and_mark_read(conn: Any, inbox: dict[int, int]) -> None:
    assert mark_read(conn, inbox[3]) is not None
    assert mark_read(conn, inbox[1]) is not None
    assert _ns(conn, inbox, ConversationFilter(unread=True)) == [5, 4, 2]
    assert get_conversation(conn, inbox[3]).unread_count == 0


def test_mark_read_returns_the_newest_customer_wamid(conn: Any) -> None:
    first = apply_incoming_message(conn, incoming(wamid="wamid.1", ts=1))
    apply_incoming_message(conn, incoming(wamid="wamid.2", ts=2))
    apply_outgoing_message(conn, outgoing(ts=3))
    assert mark_read(conn, first.conversation_id) == "wamid.2"


def test_assignee_filters(conn: Any, inbox: dict[int, int]) -> None:
    set_assignee(conn, inbox[2], "p-anna")
    set_assignee(conn, inbox[4], "p-anna")
    set_assignee(conn, inbox[5], "p-ben")
    assert _ns(conn, inbox, ConversationFilter(assignee_id="p-anna")) == [4, 2]
    assert _ns(conn, inbox, ConversationFilter(unassigned=True)) == [3, 1]
    set_assignee(conn, inbox[2], None)
    assert _ns(conn, inbox, ConversationFilter(unassigned=True)) == [3, 2, 1]


def test_label_filter(conn: Any, inbox: dict[int, int]) -> None:
    vip = labels.upsert_label(conn, "VIP", "#d4af37")
    labels.set_conversation_label(conn, inbox[1], vip.id)
    labels.set_conversation_label(conn, inbox[4], vip.id)
    assert _ns(conn, inbox, ConversationFilter(label_id=vip.id)) == [4, 1]
    assert _ns(conn, inbox, ConversationFilter(label_id=vip.id, unread=True)) == [4, 1]


def test_archived(conn: Any, inbox: dict[int, int]) -> None:
    set_archived(conn, inbox[3], True)
    assert _ns(conn, inbox) == [5, 4, 2, 1]
    assert _ns(conn, inbox, ConversationFilter(archived=True)) == [3]
    assert _ns(conn, inbox, ConversationFilter(archived=None)) == [5, 4, 3, 2, 1]
    assert not set_archived(conn, 999, True)


def test_filter_by_business_number(conn: Any) -> None:
    apply_messages(conn, [incoming(phone_number_id="111", ts=1), incoming(phone_number_id="222", ts=2)])
    only = list_conversations(conn, ConversationFilter(phone_number_id="111"))
    assert [s.conversation.phone_number_id for s in only] == ["111"]
