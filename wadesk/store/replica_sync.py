"""What a desktop replica's sync worker keeps and reads beyond the shared tables.

The relay and a replica number their rows independently (a replica makes local echoes,
and may start from a later state), so the relay is always addressed by *its* ids.
They come with the events (every message event and every team event that names a
conversation carries the relay's reference) and with send answers; the relay's id of
each local conversation is kept in `relay_conversations` (migration 6), which drops an
entry together with its conversation. The other small state lives in `sync_state` as
key/value rows:

    team_people            -> {"<person id>": {"name", "role", "disabled"}} (JSON), so the
                              team's names show even when the app starts offline
    device_token           -> only on a computer without a keychain (passphrase mode):
                              the relay token, encrypted with the rest of the database
    upload:<client id>     -> the relay's media id of a send's uploaded file: a retried
                              send must name the same file, or the relay (which keys
                              sends on client id + content) would refuse it as a reuse

Everything here is an indexed read or a one-row write.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from wadesk.store._db import (
    Connection,
    execute,
    execute_many,
    query_all,
    query_one,
    transaction,
)
from wadesk.store.sync_state import get_value, set_value

_TEAM_KEY = "team_people"
_UPLOAD_PREFIX = "upload:"
# How far back (in message rows) the start-up scan looks for media still to download:
# recent enough to matter, small enough to stay a few milliseconds on a huge history.
MEDIA_SCAN_ROWS = 5_000


@dataclass(frozen=True, slots=True)
class MessageRef:
    id: int
    conversation_id: int
    direction: str
    agent_id: str | None
    has_media: bool
    media_file: str | None


_REMEMBER = (
    "INSERT INTO relay_conversations(conversation_id, relay_id) VALUES (?, ?)"
    " ON CONFLICT (conversation_id) DO UPDATE SET relay_id = excluded.relay_id"
    " WHERE relay_id != excluded.relay_id"
)


def remember_relay_conversation(conn: Connection, local_id: int, relay_id: int) -> None:
    """The relay calls local conversation `local_id` `relay_id` (the latest word wins)."""
    execute(conn, _REMEMBER, (int(local_id), int(relay_id)))


def remember_relay_conversations(conn: Connection, pairs: Iterable[tuple[int, int]]) -> None:
    """remember_relay_conversation for many (local id, relay id) pairs at once."""
    rows = [(int(local), int(relay)) for local, relay in pairs]
    if rows:
        execute_many(conn, _REMEMBER, rows)


def existing_conversations(conn: Connection, ids: list[int]) -> set[int]:
    """Those of `ids` that are conversations here (still)."""
    rows = query_all(conn, "SELECT id FROM conversations WHERE id IN (SELECT value FROM json_each(?))",
                     (json.dumps([int(i) for i in ids]),))
    return {row[0] for row in rows}


def relay_conversation_id(conn: Connection, local_id: int) -> int | None:
    """The relay's id of a local conversation, if the relay ever named it."""
    row = query_one(conn, "SELECT relay_id FROM relay_conversations WHERE conversation_id = ?",
                    (int(local_id),))
    return int(row[0]) if row else None


def local_conversation_id(conn: Connection, relay_id: int) -> int | None:
    """The local conversation the relay calls `relay_id`: the one the relay named so
    (the newest, should two have been told the same id), else the conversation with the
    same id if the relay never named it otherwise (one known only from events logged
    before they carried references: a replica replaying the log in order numbers its
    conversations as the relay does)."""
    row = query_one(
        conn,
        "SELECT conversation_id FROM relay_conversations WHERE relay_id = ?"
        " ORDER BY conversation_id DESC LIMIT 1",
        (int(relay_id),),
    )
    if row is None:
        row = query_one(
            conn,
            "SELECT c.id FROM conversations c"
            " LEFT JOIN relay_conversations r ON r.conversation_id = c.id"
            " WHERE c.id = ? AND r.conversation_id IS NULL",
            (int(relay_id),),
        )
    return int(row[0]) if row else None


def message_ref(conn: Connection, *, wamid: str | None = None,
                client_id: str | None = None) -> MessageRef | None:
    """The local message a relay event names (by wamid first, then by client id)."""
    for column, value in (("wamid", wamid), ("client_id", client_id)):
        if not value:
            continue
        # Column name from the fixed tuple above; the value is bound.
        row = query_one(
            conn,
            "SELECT id, conversation_id, direction, agent_id,"
            " (media_id IS NOT NULL OR media_mime IS NOT NULL), media_file"
            f" FROM messages WHERE {column} = ?",
            (value,),
        )
        if row is not None:
            return MessageRef(row[0], row[1], row[2], row[3], bool(row[4]), row[5])
    return None


def conversation_of_note(conn: Connection, note_id: int) -> int | None:
    row = query_one(conn, "SELECT conversation_id FROM notes WHERE id = ?", (note_id,))
    return row[0] if row else None


def total_unread(conn: Connection) -> int:
    """Unread customer messages over all open conversations (the tray's number)."""
    row = query_one(conn, "SELECT coalesce(sum(unread_count), 0) FROM conversations WHERE archived = 0")
    return int(row[0]) if row else 0


def newest_incoming(conn: Connection, conversation_id: int) -> tuple[int, str | None] | None:
    """(id, wamid) of the customer's newest message in a conversation."""
    row = query_one(
        conn,
        "SELECT id, wamid FROM messages WHERE conversation_id = ? AND direction = 'in'"
        " ORDER BY ts DESC, id DESC LIMIT 1",
        (conversation_id,),
    )
    return (row[0], row[1]) if row else None


def recent_media_to_fetch(conn: Connection, limit: int = 50) -> list[tuple[int, str]]:
    """(message id, wamid) of recent incoming media not downloaded yet, newest first.

    Only the last MEDIA_SCAN_ROWS rows are looked at (a rowid range, no full scan);
    older media is fetched when its message is synced or shown."""
    top = query_one(conn, "SELECT max(id) FROM messages")
    if top is None or top[0] is None:
        return []
    rows = query_all(
        conn,
        "SELECT id, wamid FROM messages WHERE id > ? AND direction = 'in' AND wamid IS NOT NULL"
        " AND media_id IS NOT NULL AND media_file IS NULL AND revoked_at IS NULL"
        " ORDER BY id DESC LIMIT ?",
        (top[0] - MEDIA_SCAN_ROWS, limit),
    )
    return [(row[0], row[1]) for row in rows]


def save_team(conn: Connection, people: dict[str, dict[str, Any]]) -> None:
    set_value(conn, _TEAM_KEY, json.dumps(people, separators=(",", ":"), sort_keys=True))


def load_team(conn: Connection) -> dict[str, dict[str, Any]]:
    value = get_value(conn, _TEAM_KEY)
    if not value:
        return {}
    try:
        loaded = json.loads(value)
    except ValueError:
        return {}
    return loaded if isinstance(loaded, dict) else {}


def remember_upload(conn: Connection, client_id: str, media_id: str) -> None:
    set_value(conn, f"{_UPLOAD_PREFIX}{client_id}", media_id)


def uploaded_media_id(conn: Connection, client_id: str) -> str | None:
    return get_value(conn, f"{_UPLOAD_PREFIX}{client_id}")


def forget_upload(conn: Connection, client_id: str) -> None:
    with transaction(conn):
        execute(conn, "DELETE FROM sync_state WHERE key = ?", (f"{_UPLOAD_PREFIX}{client_id}",))


def outbox_due_now(conn: Connection, now: int) -> int:
    """The relay is reachable again: waiting sends go now, not after their backoff.
    (Beside outbox.py, whose owner keeps its own API small; same table, same rules.)"""
    with transaction(conn):
        return execute(
            conn,
            "UPDATE outbox SET next_attempt_at = ? WHERE state = 'queued' AND next_attempt_at > ?",
            (now, now),
        )


def outbox_waiting(conn: Connection) -> int:
    """Items still to go out (failed ones wait for the user, not for the network)."""
    row = query_one(conn, "SELECT count(*) FROM outbox WHERE state != 'failed'")
    return int(row[0]) if row else 0


def set_device_token(conn: Connection, token: str | None) -> None:
    if token is None:
        with transaction(conn):
            execute(conn, "DELETE FROM sync_state WHERE key = 'device_token'")
    else:
        set_value(conn, "device_token", token)


def device_token(conn: Connection) -> str | None:
    return get_value(conn, "device_token")
