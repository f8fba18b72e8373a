"""Reading a conversation's history: keyset pages, newest first, never OFFSET."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from wadesk.store.ingest import apply_messages
from wadesk.store.messages import (
    MessageCursor,
    get_message,
    get_message_by_client_id,
    get_message_by_wamid,
    page_messages,
)

from .factories import incoming, outgoing


def _history(conn: Any, timestamps: list[int]) -> int:
    results = apply_messages(conn, [incoming(f"m{i}", ts=ts) for i, ts in enumerate(timestamps)])
    return results[0].conversation_id


def _all_pages(conn: Any, conversation_id: int, limit: int) -> list[list[int]]:
    pages, before = [], None
    while True:
        page = page_messages(conn, conversation_id, before=before, limit=limit)
        if not page:
            return pages
        pages.append([m.id for m in page])
        before = page[-1].cursor


def test_newest_first_in_pages(conn: Any) -> None:
    conversation_id = _history(conn, [100 + i for i in range(120)])
    first = page_messages(conn, conversation_id, limit=50)
    assert [m.text for m in first[:2]] == ["m119", "m118"]
    older = page_messages(conn, conversation_id, before=first[-1].cursor, limit=50)
    assert older[0].text == "m69"
    pages = _all_pages(conn, conversation_id, 50)
    assert [len(p) for p in pages] == [50, 50, 20]


def test_same_second_messages_are_neither_skipped_nor_repeated(conn: Any) -> None:
    conversation_id = _history(conn, [5] * 7 + [6] * 7 + [5] * 3)
    pages = _all_pages(conn, conversation_id, 4)
    flat = [mid for page in pages for mid in page]
    assert len(flat) == len(set(flat)) == 17
    rows = [get_message(conn, mid) for mid in flat]
    assert [(m.ts, m.id) for m in rows] == sorted(((m.ts, m.id) for m in rows), reverse=True)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=20), min_size=1, max_size=40), st.integers(1, 9))
def test_paging_covers_everything_exactly_once(tmp_path_factory: Any, timestamps: list[int], limit: int) -> None:
    import os

    from wadesk.store.connection import open_database

    path = tmp_path_factory.mktemp("paging") / "p.db"
    conn = open_database(path, key=os.urandom(32), create=True)
    try:
        conversation_id = _history(conn, timestamps)
        flat = [mid for page in _all_pages(conn, conversation_id, limit) for mid in page]
        assert len(flat) == len(set(flat)) == len(timestamps)
    finally:
        conn.close()


def test_a_conversation_never_shows_another_ones_messages(conn: Any) -> None:
    mine = apply_messages(conn, [incoming("meins", n=1), incoming("deins", n=2)])
    page = page_messages(conn, mine[0].conversation_id)
    assert [m.text for m in page] == ["meins"]
    assert page_messages(conn, 999_999) == []
    assert page_messages(conn, mine[0].conversation_id, before=MessageCursor(0, 0)) == []


def test_lookups(conn: Any) -> None:
    results = apply_messages(conn, [incoming(wamid="wamid.a"), outgoing(wamid=None, client_id="c-a")])
    assert get_message_by_wamid(conn, "wamid.a").id == results[0].message_id
    assert get_message_by_client_id(conn, "c-a").id == results[1].message_id
    assert get_message_by_wamid(conn, "wamid.none") is None
    assert get_message(conn, 123456) is None
