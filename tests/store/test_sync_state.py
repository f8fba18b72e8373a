from __future__ import annotations

from typing import Any

from wadesk.store.sync_state import get_sync_cursor, get_value, set_sync_cursor, set_value


def test_cursor_and_values(conn: Any) -> None:
    assert get_sync_cursor(conn) == 0
    set_sync_cursor(conn, 1234)
    set_sync_cursor(conn, 1240)
    assert get_sync_cursor(conn) == 1240
    assert get_value(conn, "relay_url") is None
    set_value(conn, "relay_url", "https://relay.example")
    assert get_value(conn, "relay_url") == "https://relay.example"
