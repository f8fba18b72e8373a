from __future__ import annotations

from typing import Any

import pytest

from wadesk.store.quick_replies import (
    delete_quick_reply,
    find_quick_replies,
    list_quick_replies,
    upsert_quick_reply,
)


def test_quick_replies(conn: Any) -> None:
    hours = upsert_quick_reply(conn, "hours", "Mo–Fr 9–18 Uhr")
    upsert_quick_reply(conn, "hello", "Hallo! Wie können wir helfen?")
    upsert_quick_reply(conn, "100%", "Hundert Prozent")
    assert [q.shortcut for q in find_quick_replies(conn, "h")] == ["hello", "hours"]
    assert [q.shortcut for q in find_quick_replies(conn, "ho")] == ["hours"]
    assert [q.shortcut for q in find_quick_replies(conn, "%")] == []
    assert [q.shortcut for q in find_quick_replies(conn, "100%")] == ["100%"]
    changed = upsert_quick_reply(conn, "hours", "Mo–Sa 9–18 Uhr", quick_reply_id=hours.id)
    assert changed.id == hours.id and changed.text == "Mo–Sa 9–18 Uhr"
    assert delete_quick_reply(conn, hours.id)
    assert [q.shortcut for q in list_quick_replies(conn)] == ["100%", "hello"]
    with pytest.raises(ValueError):
        upsert_quick_reply(conn, " ", "x")
