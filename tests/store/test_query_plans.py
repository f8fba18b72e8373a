"""The UI thread's reads use an index in keyset order: no table scan, no sort.

Each query is captured from the real store function (trace callback) and explained
with EXPLAIN QUERY PLAN, so a change of the SQL or of the indexes cannot slip by."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from wadesk.store import conversations, labels, search
from wadesk.store.conversations import ConversationCursor, ConversationFilter
from wadesk.store.ingest import apply_messages
from wadesk.store.messages import MessageCursor, page_messages

from .factories import incoming


def _plans(conn: Any, call: Callable[[], Any]) -> list[str]:
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        call()
    finally:
        conn.set_trace_callback(None)
    plans = []
    for sql in statements:
        if sql.lstrip().upper().startswith("SELECT"):
            rows = conn.execute("EXPLAIN QUERY PLAN " + sql).fetchall()
            plans.append("\n".join(row[-1] for row in rows))
    assert plans, "no SELECT captured"
    return plans


@pytest.fixture
def filled(conn: Any) -> Any:
    apply_messages(conn, [incoming(f"Rechnung {i}", n=i % 5, ts=i) for i in range(50)])
    labels.upsert_label(conn, "VIP", "#ff0000")
    return conn


CASES: dict[str, Callable[[Any], Any]] = {
    "page": lambda c: page_messages(c, 1, limit=50),
    "next page": lambda c: page_messages(c, 1, before=MessageCursor(30, 30), limit=50),
    "inbox": lambda c: conversations.list_conversations(c, limit=100),
    "inbox next": lambda c: conversations.list_conversations(c, after=ConversationCursor(20, 3)),
    "unread": lambda c: conversations.list_conversations(c, ConversationFilter(unread=True)),
    "archived": lambda c: conversations.list_conversations(c, ConversationFilter(archived=True)),
    "assignee": lambda c: conversations.list_conversations(c, ConversationFilter(assignee_id="p1")),
    "unassigned": lambda c: conversations.list_conversations(c, ConversationFilter(unassigned=True)),
    "search": lambda c: search.search_messages(c, "rechnung"),
    "search next": lambda c: search.search_messages(c, "rechnung", before_id=20),
}


@pytest.mark.parametrize("name", CASES)
def test_keyset_reads_need_no_scan_and_no_sort(filled: Any, name: str) -> None:
    for plan in _plans(filled, lambda: CASES[name](filled)):
        assert "TEMP B-TREE" not in plan, plan
        for line in plan.splitlines():
            if "SCAN" in line:
                assert "VIRTUAL TABLE" in line, plan  # the FTS index walks its own doclist
