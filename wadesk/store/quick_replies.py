"""Quick replies: a shortcut ("/hours") that expands to a prepared text.

Born on the relay like labels; a replica applies them under the relay's id.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from wadesk.store._db import Connection, execute, query_all, query_one, transaction


@dataclass(frozen=True, slots=True)
class QuickReply:
    id: int
    shortcut: str
    text: str
    created_at: int
    updated_at: int


_COLUMNS = "id, shortcut, text, created_at, updated_at"


def upsert_quick_reply(
    conn: Connection, shortcut: str, text: str, *, quick_reply_id: int | None = None
) -> QuickReply:
    shortcut = shortcut.strip()
    if not shortcut or not text:
        raise ValueError("a quick reply needs a shortcut and a text")
    now = int(time.time())
    with transaction(conn):
        row = query_one(
            conn,
            "INSERT INTO quick_replies(id, shortcut, text, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET shortcut = excluded.shortcut, text = excluded.text,"
            " updated_at = excluded.updated_at"
            f" RETURNING {_COLUMNS}",
            (quick_reply_id, shortcut, text, now, now),
        )
    assert row is not None
    return QuickReply(*row)


def delete_quick_reply(conn: Connection, quick_reply_id: int) -> bool:
    with transaction(conn):
        return execute(conn, "DELETE FROM quick_replies WHERE id = ?", (quick_reply_id,)) == 1


def list_quick_replies(conn: Connection) -> list[QuickReply]:
    return [
        QuickReply(*row)
        for row in query_all(conn, f"SELECT {_COLUMNS} FROM quick_replies ORDER BY shortcut")
    ]


def find_quick_replies(conn: Connection, typed: str, *, limit: int = 10) -> list[QuickReply]:
    """Quick replies whose shortcut starts with what the user typed (after the '/')."""
    # Escaped so that '%' and '_' typed by the user are plain characters.
    pattern = typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = query_all(
        conn,
        f"SELECT {_COLUMNS} FROM quick_replies WHERE shortcut LIKE ? ESCAPE '\\'"
        " ORDER BY shortcut LIMIT ?",
        (pattern, limit),
    )
    return [QuickReply(*row) for row in rows]
