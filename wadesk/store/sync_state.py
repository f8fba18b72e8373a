"""Small key/value state of the store's owner: the sync cursor, and the like.

Set the cursor in the same transaction as the events it covers, so that a crash can
never skip an event or apply one twice.
"""

from __future__ import annotations

from wadesk.store._db import Connection, execute, query_one, transaction

SYNC_CURSOR = "sync_cursor"


def get_value(conn: Connection, key: str) -> str | None:
    row = query_one(conn, "SELECT value FROM sync_state WHERE key = ?", (key,))
    return row[0] if row else None


def set_value(conn: Connection, key: str, value: str) -> None:
    with transaction(conn):
        execute(
            conn,
            "INSERT INTO sync_state(key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )


def get_sync_cursor(conn: Connection) -> int:
    """The sequence number of the last relay event applied (0: none yet)."""
    value = get_value(conn, SYNC_CURSOR)
    return int(value) if value is not None else 0


def set_sync_cursor(conn: Connection, seq: int) -> None:
    set_value(conn, SYNC_CURSOR, str(int(seq)))
