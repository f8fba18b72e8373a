"""Messages: applying incoming and outgoing ones idempotently, and reading them back.

Identity: a message born at Meta is known by its wamid; one typed on a desktop is
known first by the client id that desktop made (local echo), and gets its wamid when
Meta accepts it. Applying the same message twice (a repeated webhook, a re-synced
event) finds the existing row and changes nothing.

A conversation's history is read newest first in pages of (ts, id) keysets: the cost
of a page is the same at the bottom of a 100,000-message chat as at its top.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from wadesk.store import conversations, statuses
from wadesk.store._db import Connection, execute, query_all, query_one, transaction
from wadesk.store.contacts import ContactInfo, upsert_contact_in_tx

ORIGINS = ("cloud", "phone", "history", "automation")


@dataclass(frozen=True, slots=True)
class MediaInfo:
    """What Meta tells about a message's media (the file itself is in media_files)."""

    media_id: str | None = None
    mime: str | None = None
    size: int | None = None
    filename: str | None = None
    sha256: str | None = None


@dataclass(frozen=True, slots=True)
class IncomingMessage:
    wamid: str
    phone_number_id: str
    contact: ContactInfo
    type: str
    ts: int
    text: str | None = None  # the body, or the caption of media
    reply_to_wamid: str | None = None
    media: MediaInfo | None = None
    origin: str = "cloud"  # 'history': coexistence backfill, not unread
    raw_json: str | None = None


@dataclass(frozen=True, slots=True)
class OutgoingMessage:
    """A message the business sent: from wadesk, an automation, or the phone app
    (coexistence echo, origin 'phone'). Needs a wamid, a client id, or both."""

    phone_number_id: str
    contact: ContactInfo
    type: str
    ts: int
    wamid: str | None = None
    client_id: str | None = None
    text: str | None = None
    reply_to_wamid: str | None = None
    media: MediaInfo | None = None
    agent_id: str | None = None
    origin: str = "cloud"
    status: str = "pending"
    raw_json: str | None = None


@dataclass(frozen=True, slots=True)
class ApplyResult:
    message_id: int
    conversation_id: int
    created: bool


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

_INSERT = (
    "INSERT INTO messages(conversation_id, wamid, client_id, direction, type, ts, text,"
    " reply_to_wamid, status, sent_at, agent_id, origin, media_id, media_mime, media_size,"
    " media_filename, media_sha256, raw_json)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"
)


def _media_values(media: MediaInfo | None) -> tuple:
    if media is None:
        return (None, None, None, None, None)
    return (media.media_id, media.mime, media.size, media.filename, media.sha256)


def _check_origin(origin: str) -> None:
    if origin not in ORIGINS:
        raise ValueError(f"unknown origin {origin!r}")


def apply_incoming_message(conn: Connection, msg: IncomingMessage) -> ApplyResult:
    """Store a customer's message once; bumps unread and the 24-hour window."""
    _check_origin(msg.origin)
    with transaction(conn):
        found = query_one(conn, "SELECT id, conversation_id FROM messages WHERE wamid = ?", (msg.wamid,))
        if found is not None:
            return ApplyResult(found[0], found[1], False)
        contact = upsert_contact_in_tx(conn, msg.contact)
        conversation_id = conversations.get_or_create_conversation(
            conn, contact.id, msg.phone_number_id, now=msg.ts
        )
        row = query_one(
            conn,
            _INSERT,
            (
                conversation_id, msg.wamid, None, "in", msg.type, msg.ts, msg.text,
                msg.reply_to_wamid, None, None, None, msg.origin, *_media_values(msg.media),
                msg.raw_json,
            ),
        )
        assert row is not None
        conversations.record_message(
            conn, conversation_id, row[0], msg.ts,
            from_customer=True, counts_as_unread=msg.origin != "history",
        )
        return ApplyResult(row[0], conversation_id, True)


def apply_outgoing_message(conn: Connection, msg: OutgoingMessage) -> ApplyResult:
    """Store a message the business sent, once; merges with its local echo by client id."""
    _check_origin(msg.origin)
    if msg.wamid is None and msg.client_id is None:
        raise ValueError("an outgoing message needs a wamid or a client id")
    with transaction(conn):
        found = _find(conn, msg.wamid, msg.client_id)
        if found is not None:
            message_id, conversation_id = found
            if msg.wamid is not None:
                _attach_wamid(conn, message_id, msg.wamid)
            if msg.status != "pending":
                statuses.apply_status_to(conn, message_id, msg.status, msg.ts)
            return ApplyResult(message_id, conversation_id, False)
        contact = upsert_contact_in_tx(conn, msg.contact)
        conversation_id = conversations.get_or_create_conversation(
            conn, contact.id, msg.phone_number_id, now=msg.ts
        )
        message_id = _insert_outgoing(conn, conversation_id, msg)
        return ApplyResult(message_id, conversation_id, True)


def add_local_echo(
    conn: Connection,
    conversation_id: int,
    *,
    client_id: str,
    type: str,
    text: str | None,
    ts: int | None = None,
    agent_id: str | None = None,
    reply_to_wamid: str | None = None,
    media: MediaInfo | None = None,
) -> ApplyResult:
    """Show a message the user just sent at once, as pending, before any network."""
    ts = int(time.time()) if ts is None else ts
    with transaction(conn):
        found = _find(conn, None, client_id)
        if found is not None:
            return ApplyResult(found[0], found[1], False)
        msg = OutgoingMessage(
            phone_number_id="", contact=ContactInfo(), type=type, ts=ts, client_id=client_id,
            text=text, reply_to_wamid=reply_to_wamid, media=media, agent_id=agent_id,
        )
        return ApplyResult(_insert_outgoing(conn, conversation_id, msg), conversation_id, True)


def _insert_outgoing(conn: Connection, conversation_id: int, msg: OutgoingMessage) -> int:
    if msg.status not in statuses.RANK:
        raise ValueError(f"unknown status {msg.status!r}")
    row = query_one(
        conn,
        _INSERT,
        (
            conversation_id, msg.wamid, msg.client_id, "out", msg.type, msg.ts, msg.text,
            msg.reply_to_wamid, "pending", None, msg.agent_id, msg.origin,
            *_media_values(msg.media), msg.raw_json,
        ),
    )
    assert row is not None
    if msg.status != "pending":
        statuses.apply_status_to(conn, row[0], msg.status, msg.ts)
    conversations.record_message(
        conn, conversation_id, row[0], msg.ts, from_customer=False, counts_as_unread=False
    )
    return row[0]


def _find(conn: Connection, wamid: str | None, client_id: str | None) -> tuple[int, int] | None:
    if client_id is not None:
        row = query_one(conn, "SELECT id, conversation_id FROM messages WHERE client_id = ?", (client_id,))
        if row is not None:
            return row[0], row[1]
    if wamid is not None:
        row = query_one(conn, "SELECT id, conversation_id FROM messages WHERE wamid = ?", (wamid,))
        if row is not None:
            return row[0], row[1]
    return None


def assign_wamid(conn: Connection, client_id: str, wamid: str) -> bool:
    """Meta accepted the message with this client id and named it `wamid`."""
    with transaction(conn):
        found = _find(conn, None, client_id)
        if found is None:
            return False
        _attach_wamid(conn, found[0], wamid)
        return True


def _attach_wamid(conn: Connection, message_id: int, wamid: str) -> None:
    holder = query_one(conn, "SELECT id, client_id FROM messages WHERE wamid = ?", (wamid,))
    if holder is None:
        execute(conn, "UPDATE messages SET wamid = ? WHERE id = ? AND wamid IS NULL", (wamid, message_id))
        return
    if holder[0] == message_id:
        return
    # The same message already arrived under its wamid alone (e.g. its status webhook's
    # event synced first): keep that row, give it the client id, drop the echo.
    client_id = query_one(conn, "SELECT client_id FROM messages WHERE id = ?", (message_id,))[0]
    echo = get_message(conn, message_id)
    execute(conn, "DELETE FROM messages WHERE id = ?", (message_id,))
    if holder[1] is None:
        execute(conn, "UPDATE messages SET client_id = ? WHERE id = ?", (client_id, holder[0]))
    if echo is not None:
        conversations.refresh_preview(conn, echo.conversation_id)


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
