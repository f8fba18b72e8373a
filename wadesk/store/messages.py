"""Reading messages: single rows, and a conversation's history page by page.

History is read newest first in pages of (ts, id) keysets, never OFFSET: the cost of
a page is the same at the bottom of a 100,000-message chat as at its top. Writing
messages is in ingest.py (new ones), statuses.py, edits.py and deletion.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from wadesk.store._db import Connection, query_all, query_one

# Writing lives in ingest.py; these names are re-exported so that callers can keep
# one import for "messages" (e.g. the self-test).
from wadesk.store.ingest import (  # noqa: F401
    ApplyResult,
    IncomingMessage,
    MediaInfo,
    OutgoingMessage,
    add_local_echo,
    apply_incoming_message,
    apply_messages,
    apply_outgoing_message,
    assign_wamid,
)


@dataclass(frozen=True, slots=True)
class MessageCursor:
    """Where the next (older) page starts, exclusive."""

    ts: int
    id: int


@dataclass(frozen=True, slots=True)
class Message:
    id: int
    conversation_id: int
    wamid: str | None
    client_id: str | None
    direction: str
    type: str
    ts: int
    text: str | None
    reply_to_wamid: str | None
    status: str | None
    sent_at: int | None
    delivered_at: int | None
    read_at: int | None
    played_at: int | None
    failed_at: int | None
    error_code: int | None
    error_reason: str | None
    agent_id: str | None
    origin: str
    edited_at: int | None
    revoked_at: int | None
    media_id: str | None
    media_mime: str | None
    media_size: int | None
    media_filename: str | None
    media_sha256: str | None
    media_file: str | None  # the encrypted local copy, once downloaded

    @property
    def cursor(self) -> MessageCursor:
        return MessageCursor(self.ts, self.id)

    @property
    def media(self) -> MediaInfo | None:
        if self.media_id is None and self.media_filename is None and self.media_mime is None:
            return None
        return MediaInfo(
            self.media_id, self.media_mime, self.media_size, self.media_filename, self.media_sha256
        )


# The raw JSON and the media key stay out of rows the UI reads page by page.
COLUMNS = (
    "id, conversation_id, wamid, client_id, direction, type, ts, text, reply_to_wamid,"
    " status, sent_at, delivered_at, read_at, played_at, failed_at, error_code,"
    " error_reason, agent_id, origin, edited_at, revoked_at, media_id, media_mime,"
    " media_size, media_filename, media_sha256, media_file"
)


def get_message(conn: Connection, message_id: int) -> Message | None:
    row = query_one(conn, f"SELECT {COLUMNS} FROM messages WHERE id = ?", (message_id,))
    return Message(*row) if row else None


def get_message_by_wamid(conn: Connection, wamid: str) -> Message | None:
    row = query_one(conn, f"SELECT {COLUMNS} FROM messages WHERE wamid = ?", (wamid,))
    return Message(*row) if row else None


def get_message_by_client_id(conn: Connection, client_id: str) -> Message | None:
    row = query_one(conn, f"SELECT {COLUMNS} FROM messages WHERE client_id = ?", (client_id,))
    return Message(*row) if row else None


def get_raw_json(conn: Connection, message_id: int) -> str | None:
    """The payload as Meta sent it (for export and debugging; never logged)."""
    row = query_one(conn, "SELECT raw_json FROM messages WHERE id = ?", (message_id,))
    return row[0] if row else None


_PAGE_FIRST = (
    f"SELECT {COLUMNS} FROM messages WHERE conversation_id = ?"
    " ORDER BY ts DESC, id DESC LIMIT ?"
)
_PAGE_BEFORE = (
    f"SELECT {COLUMNS} FROM messages WHERE conversation_id = ? AND (ts, id) < (?, ?)"
    " ORDER BY ts DESC, id DESC LIMIT ?"
)


def page_messages(
    conn: Connection,
    conversation_id: int,
    *,
    before: MessageCursor | None = None,
    limit: int = 50,
) -> list[Message]:
    """The newest `limit` messages older than `before` (or the newest of all), newest first."""
    if before is None:
        rows = query_all(conn, _PAGE_FIRST, (conversation_id, limit))
    else:
        rows = query_all(conn, _PAGE_BEFORE, (conversation_id, before.ts, before.id, limit))
    return [Message(*row) for row in rows]
