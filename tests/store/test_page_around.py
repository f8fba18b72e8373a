"""Reads for the desktop's search jump and its "new conversation": the page of history
around a message, paging down from it, and the conversations of a number."""

from __future__ import annotations

from typing import Any

import pytest

from wadesk.store import desktop_reads
from wadesk.store.ingest import apply_messages
from wadesk.store.messages import get_message_by_wamid

from .factories import incoming
from .test_query_plans import _plans


@pytest.fixture
def history(conn: Any) -> Any:
    # Two customers; some messages share a second, so the (ts, id) keyset is what orders them.
    apply_messages(conn, [incoming(f"Nachricht {i}", n=1, ts=1000 + i // 2, wamid=f"w{i}") for i in range(30)])
    apply_messages(conn, [incoming("Andere", n=2, ts=1000 + i, wamid=f"o{i}") for i in range(5)])
    return conn


def texts(rows) -> list[str]:
    return [m.text for m in rows]


def test_the_page_around_a_message_and_down_from_it(history: Any) -> None:
    hit = get_message_by_wamid(history, "w11")
    older, newer = desktop_reads.page_around(history, hit.conversation_id, hit.id, limit=4)
    assert texts(older) == ["Nachricht 11", "Nachricht 10", "Nachricht 9", "Nachricht 8"]  # newest first
    assert texts(newer) == ["Nachricht 12", "Nachricht 13", "Nachricht 14", "Nachricht 15"]  # oldest first
    more = desktop_reads.page_after(history, hit.conversation_id, newer[-1].cursor, limit=100)
    assert texts(more) == [f"Nachricht {i}" for i in range(16, 30)]
    assert desktop_reads.page_after(history, hit.conversation_id, more[-1].cursor) == []


def test_a_message_of_another_conversation_is_not_around(history: Any) -> None:
    other = get_message_by_wamid(history, "o1")
    mine = get_message_by_wamid(history, "w1")
    assert desktop_reads.page_around(history, mine.conversation_id, other.id) is None
    assert desktop_reads.page_around(history, mine.conversation_id, 10**9) is None


def test_conversations_of_a_number(history: Any) -> None:
    found = desktop_reads.conversations_with_number(history, "4915100000001")
    assert [s.contact.wa_id for s in found] == ["4915100000001"]
    assert desktop_reads.conversations_with_number(history, "4915100000999") == []
    assert desktop_reads.any_phone_number_id(history) == found[0].conversation.phone_number_id


def test_the_reads_use_the_indexes(history: Any) -> None:
    hit = get_message_by_wamid(history, "w11")
    pages = (lambda: desktop_reads.page_around(history, hit.conversation_id, hit.id),
             lambda: desktop_reads.page_after(history, hit.conversation_id, hit.cursor))
    for call in pages:
        for plan in _plans(history, call):
            assert "TEMP B-TREE" not in plan, plan  # keyset order straight from the index
            assert "SCAN" not in plan, plan
    # One row per business number at most: sorting those is free, a scan would not be.
    for plan in _plans(history, lambda: desktop_reads.conversations_with_number(history, "4915100000001")):
        assert "SCAN" not in plan, plan
