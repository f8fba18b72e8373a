"""Labels (name and colour) and their links to conversations and messages.

Labels are born in the team (on the relay), so a replica stores them under the
relay's ids: pass `label_id` when applying a synced label; leave it out on the relay.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from wadesk.store._db import Connection, execute, query_all, query_one, transaction


@dataclass(frozen=True, slots=True)
class Label:
    id: int
    name: str
    colour: str
    created_at: int


_COLUMNS = "id, name, colour, created_at"


def upsert_label(
    conn: Connection, name: str, colour: str, *, label_id: int | None = None
) -> Label:
    """Create a label, or rename / recolour the one with `label_id`."""
    name = name.strip()
    if not name:
        raise ValueError("a label needs a name")
    with transaction(conn):
        row = query_one(
            conn,
            "INSERT INTO labels(id, name, colour, created_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET name = excluded.name, colour = excluded.colour"
            f" RETURNING {_COLUMNS}",
            (label_id, name, colour, int(time.time())),
        )
    assert row is not None
    return Label(*row)


def delete_label(conn: Connection, label_id: int) -> bool:
    with transaction(conn):
        return execute(conn, "DELETE FROM labels WHERE id = ?", (label_id,)) == 1


def list_labels(conn: Connection) -> list[Label]:
    return [Label(*row) for row in query_all(conn, f"SELECT {_COLUMNS} FROM labels ORDER BY name")]


def set_conversation_label(
    conn: Connection, conversation_id: int, label_id: int, present: bool = True
) -> bool:
    """Add (or with present=False remove) a label on a conversation; True if changed."""
    with transaction(conn):
        if present:
            sql = "INSERT OR IGNORE INTO conversation_labels(conversation_id, label_id) VALUES (?, ?)"
        else:
            sql = "DELETE FROM conversation_labels WHERE conversation_id = ? AND label_id = ?"
        return execute(conn, sql, (conversation_id, label_id)) == 1


def set_message_label(conn: Connection, message_id: int, label_id: int, present: bool = True) -> bool:
    """Add (or with present=False remove) a label on a message; True if changed."""
    with transaction(conn):
        if present:
            sql = "INSERT OR IGNORE INTO message_labels(message_id, label_id) VALUES (?, ?)"
        else:
            sql = "DELETE FROM message_labels WHERE message_id = ? AND label_id = ?"
        return execute(conn, sql, (message_id, label_id)) == 1


def conversation_labels(conn: Connection, conversation_id: int) -> list[Label]:
    rows = query_all(
        conn,
        "SELECT l.id, l.name, l.colour, l.created_at FROM conversation_labels cl"
        " JOIN labels l ON l.id = cl.label_id WHERE cl.conversation_id = ? ORDER BY l.name",
        (conversation_id,),
    )
    return [Label(*row) for row in rows]


def message_labels(conn: Connection, message_id: int) -> list[Label]:
    rows = query_all(
        conn,
        "SELECT l.id, l.name, l.colour, l.created_at FROM message_labels ml"
        " JOIN labels l ON l.id = ml.label_id WHERE ml.message_id = ? ORDER BY l.name",
        (message_id,),
    )
    return [Label(*row) for row in rows]
