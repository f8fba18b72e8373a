"""A canonical dump of the shared state tables, to compare two stores row by row.

The relay and every replica apply the same events in the same order, so their shared
state must be identical, row ids included. This is what tests (and a "verify sync"
diagnostic) compare. Columns that are local by nature are left out: where a machine
keeps its own copy of a media file and that file's key.
"""

from __future__ import annotations

from typing import Any

from wadesk.store._db import Connection, query_all

# table -> ORDER BY; every column except the local ones below is compared.
SHARED_TABLES = {
    "contacts": "id",
    "conversations": "id",
    "messages": "id",
    "reactions": "message_id, reactor",
    "labels": "id",
    "conversation_labels": "conversation_id, label_id",
    "message_labels": "message_id, label_id",
    "notes": "id",
    "quick_replies": "id",
    "early_events": "id",
    "automation_settings": "id",
    "business_hours": "weekday, opens",
    "consents": "id",
}
LOCAL_COLUMNS = {"messages": frozenset({"media_file", "media_key"})}


def shared_columns(conn: Connection, table: str) -> list[str]:
    # Table names come from SHARED_TABLES above, never from a caller.
    columns = [row[1] for row in query_all(conn, f"PRAGMA table_info({table})")]
    return [c for c in columns if c not in LOCAL_COLUMNS.get(table, frozenset())]


def dump_state(conn: Connection) -> dict[str, list[tuple[Any, ...]]]:
    """{table: rows in a fixed order} for every shared table this store has."""
    present = {row[0] for row in query_all(conn, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    dump: dict[str, list[tuple[Any, ...]]] = {}
    for table, order in SHARED_TABLES.items():
        if table not in present:
            continue
        columns = ", ".join(shared_columns(conn, table))
        dump[table] = query_all(conn, f"SELECT {columns} FROM {table} ORDER BY {order}")
    return dump
