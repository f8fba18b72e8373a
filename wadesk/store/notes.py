"""Internal notes on a conversation: seen by the team, never sent to the customer.

Like labels, notes are born on the relay; a replica applies them under the relay's id.
A note posted with a client-made id is logged under the event log's dedupe key
`note:<client id>`, so posting it again finds the first one (`logged_note`) instead of
adding a second: the id needs no column of its own.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

from wadesk.store._db import Connection, execute, query_all, query_one, transaction


@dataclass(frozen=True, slots=True)
class Note:
    id: int
    conversation_id: int
    author_id: str | None
    text: str
    created_at: int
    updated_at: int


_COLUMNS = "id, conversation_id, author_id, text, created_at, updated_at"


def upsert_note(
    conn: Connection,
    conversation_id: int,
    text: str,
    *,
    author_id: str | None = None,
    note_id: int | None = None,
    ts: int | None = None,
) -> Note:
    """Add a note, or change the text of the note with `note_id`."""
    ts = int(time.time()) if ts is None else ts
    with transaction(conn):
        row = query_one(
            conn,
            "INSERT INTO notes(id, conversation_id, author_id, text, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at"
            f" RETURNING {_COLUMNS}",
            (note_id, conversation_id, author_id, text, ts, ts),
        )
    assert row is not None
    return Note(*row)


def delete_note(conn: Connection, note_id: int) -> bool:
    with transaction(conn):
        return execute(conn, "DELETE FROM notes WHERE id = ?", (note_id,)) == 1


def notes_for(conn: Connection, conversation_id: int) -> list[Note]:
    """A conversation's notes, oldest first (they read like a thread)."""
    rows = query_all(
        conn,
        f"SELECT {_COLUMNS} FROM notes WHERE conversation_id = ? ORDER BY created_at, id",
        (conversation_id,),
    )
    return [Note(*row) for row in rows]


def note_dedupe_key(client_id: str) -> str:
    return f"note:{client_id}"


def logged_note(conn: Connection, client_id: str) -> dict[str, Any] | None:
    """The `note.added` payload logged under `client_id` (relay only: it reads the
    event log), or None if no note came with this id."""
    row = query_one(conn, "SELECT payload FROM events WHERE dedupe_key = ?",
                    (note_dedupe_key(client_id),))
    return json.loads(row[0]) if row else None
