"""Reads the relay's team endpoints need that the shared store modules do not offer."""

from __future__ import annotations

from wadesk.store._db import Connection, execute, query_one


def newest_incoming_wamid(conn: Connection, conversation_id: int) -> str | None:
    """The customer's newest message in a conversation: a read receipt for it marks all
    earlier ones read too. Walks messages_by_conversation newest first."""
    row = query_one(
        conn,
        "SELECT wamid FROM messages WHERE conversation_id = ? AND direction = 'in'"
        " AND wamid IS NOT NULL ORDER BY ts DESC, id DESC LIMIT 1",
        (conversation_id,),
    )
    return row[0] if row else None


def setup_code_owner(conn: Connection, code_hash: str, now: int) -> int | None:
    """Whose valid, unused setup code this is, without using it up (a code typed with
    the wrong name must not be burnt)."""
    row = query_one(
        conn,
        "SELECT person_id FROM setup_codes WHERE code_hash = ? AND used_at IS NULL"
        " AND expires_at > ?",
        (code_hash, now),
    )
    return row[0] if row else None


def clear_password(conn: Connection, person_id: int) -> None:
    """For a reset: the person logs in with a new setup code and chooses a new password."""
    execute(conn, "UPDATE people SET password_hash = NULL WHERE id = ?", (person_id,))


def enable_person(conn: Connection, person_id: int) -> bool:
    return execute(
        conn, "UPDATE people SET disabled_at = NULL WHERE id = ? AND disabled_at IS NOT NULL",
        (person_id,),
    ) == 1


def count_active_owners(conn: Connection) -> int:
    row = query_one(conn, "SELECT count(*) FROM people WHERE role = 'owner' AND disabled_at IS NULL")
    return int(row[0]) if row else 0


def get_device(conn: Connection, device_id: int) -> tuple[int, int, str, int | None] | None:
    """(id, person_id, name, revoked_at) of a device."""
    row = query_one(conn, "SELECT id, person_id, name, revoked_at FROM devices WHERE id = ?",
                    (device_id,))
    return (row[0], row[1], row[2], row[3]) if row else None


# The team's objects are born on the relay, under ids the relay hands out; the event
# carries the id so that every replica stores them under the same one.
_ID_TABLES = {"labels": "labels", "notes": "notes", "quick_replies": "quick_replies"}


def next_id(conn: Connection, table: str) -> int:
    name = _ID_TABLES[table]  # a fixed name, never caller text
    row = query_one(conn, f"SELECT coalesce(max(id), 0) + 1 FROM {name}")
    return int(row[0]) if row else 1


def get_note(conn: Connection, note_id: int) -> tuple[int, int, str | None] | None:
    """(id, conversation_id, author_id) of a note."""
    row = query_one(conn, "SELECT id, conversation_id, author_id FROM notes WHERE id = ?", (note_id,))
    return (row[0], row[1], row[2]) if row else None


def label_exists(conn: Connection, label_id: int) -> bool:
    return query_one(conn, "SELECT 1 FROM labels WHERE id = ?", (label_id,)) is not None


def label_named(conn: Connection, name: str) -> int | None:
    row = query_one(conn, "SELECT id FROM labels WHERE name = ?", (name.strip(),))
    return row[0] if row else None


def quick_reply_with_shortcut(conn: Connection, shortcut: str) -> int | None:
    row = query_one(conn, "SELECT id FROM quick_replies WHERE shortcut = ?", (shortcut.strip(),))
    return row[0] if row else None


def get_quick_reply(conn: Connection, quick_reply_id: int) -> tuple[int, str, str] | None:
    row = query_one(conn, "SELECT id, shortcut, text FROM quick_replies WHERE id = ?",
                    (quick_reply_id,))
    return (row[0], row[1], row[2]) if row else None


def stamp_label(conn: Connection, label_id: int, created_at: int) -> None:
    """Give a label the relay's creation time (labels.upsert_label takes the applying
    machine's clock, and a replica must end with the relay's values)."""
    execute(conn, "UPDATE labels SET created_at = ? WHERE id = ?", (created_at, label_id))


def stamp_quick_reply(conn: Connection, quick_reply_id: int, created_at: int,
                      updated_at: int) -> None:
    execute(conn, "UPDATE quick_replies SET created_at = ?, updated_at = ? WHERE id = ?",
            (created_at, updated_at, quick_reply_id))


def quick_reply_created_at(conn: Connection, quick_reply_id: int) -> int | None:
    row = query_one(conn, "SELECT created_at FROM quick_replies WHERE id = ?", (quick_reply_id,))
    return int(row[0]) if row else None


def label_created_at(conn: Connection, label_id: int) -> int | None:
    row = query_one(conn, "SELECT created_at FROM labels WHERE id = ?", (label_id,))
    return int(row[0]) if row else None
