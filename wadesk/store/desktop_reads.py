"""Reads the desktop's inbox needs besides the keyset pages: single rows by id and
small batches by a list of ids (one bound JSON array, never a variable number of
placeholders), and a page of history around one message (a search hit). Every query
here is a primary-key, unique-index or keyset lookup, so each costs well under a
millisecond on the UI thread.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from wadesk.store._db import Connection, query_all
from wadesk.store.conversations import (
    _C_COLUMNS,
    _K_COLUMNS,
    ConversationSummary,
    LastMessagePreview,
    _conversation,
)
from wadesk.store.contacts import Contact
from wadesk.store.labels import Label
from wadesk.store.messages import COLUMNS as MESSAGE_COLUMNS
from wadesk.store.messages import Message, MessageCursor

_SUMMARY_SELECT = (
    f"SELECT {_C_COLUMNS}, {_K_COLUMNS},"
    " m.id, m.type, m.text, m.direction, m.status, m.revoked_at"
    " FROM conversations c"
    " JOIN contacts k ON k.id = c.contact_id"
    " LEFT JOIN messages m ON m.id = c.last_message_id"
)


def _ids(values: Sequence[int]) -> str:
    return json.dumps([int(value) for value in values])


def _summary(row: tuple) -> ConversationSummary:
    preview = None
    if row[18] is not None:
        preview = LastMessagePreview(row[18], row[19], row[20], row[21], row[22], row[23] is not None)
    return ConversationSummary(_conversation(row[:10]), Contact(*row[10:18]), preview)


def conversation_summary(conn: Connection, conversation_id: int) -> ConversationSummary | None:
    """One inbox row, as list_conversations builds it (to refresh a single row)."""
    rows = query_all(conn, _SUMMARY_SELECT + " WHERE c.id = ?", (conversation_id,))
    return _summary(rows[0]) if rows else None


def conversation_summaries(conn: Connection, conversation_ids: Sequence[int]) -> list[ConversationSummary]:
    """Inbox rows of these conversations, most recent activity first."""
    if not conversation_ids:
        return []
    rows = query_all(
        conn,
        _SUMMARY_SELECT + " WHERE c.id IN (SELECT value FROM json_each(?))"
        " ORDER BY c.last_activity_at DESC, c.id DESC",
        (_ids(conversation_ids),),
    )
    return [_summary(row) for row in rows]


def conversations_of_contacts(
    conn: Connection, contact_ids: Sequence[int], *, include_archived: bool = True
) -> list[ConversationSummary]:
    """Inbox rows of the conversations with these contacts (contact search hits)."""
    if not contact_ids:
        return []
    rows = query_all(
        conn,
        _SUMMARY_SELECT + " WHERE c.contact_id IN (SELECT value FROM json_each(?))"
        " AND (? OR c.archived = 0)"
        " ORDER BY c.last_activity_at DESC, c.id DESC",
        (_ids(contact_ids), 1 if include_archived else 0),
    )
    return [_summary(row) for row in rows]


def labels_for_conversations(conn: Connection, conversation_ids: Sequence[int]) -> dict[int, list[Label]]:
    """The labels of a page of conversations, by conversation id (ordered by name)."""
    if not conversation_ids:
        return {}
    rows = query_all(
        conn,
        "SELECT cl.conversation_id, l.id, l.name, l.colour, l.created_at"
        " FROM conversation_labels cl JOIN labels l ON l.id = cl.label_id"
        " WHERE cl.conversation_id IN (SELECT value FROM json_each(?))"
        " ORDER BY cl.conversation_id, l.name",
        (_ids(conversation_ids),),
    )
    result: dict[int, list[Label]] = {}
    for row in rows:
        result.setdefault(row[0], []).append(Label(*row[1:]))
    return result


def messages_by_wamids(conn: Connection, wamids: Sequence[str]) -> dict[str, Message]:
    """The messages with these wamids (the originals of quoted replies), by wamid."""
    if not wamids:
        return {}
    rows = query_all(
        conn,
        f"SELECT {MESSAGE_COLUMNS} FROM messages WHERE wamid IN (SELECT value FROM json_each(?))",
        (json.dumps(list(wamids)),),
    )
    return {row[2]: Message(*row) for row in rows}


def conversations_with_number(conn: Connection, wa_id: str) -> list[ConversationSummary]:
    """Inbox rows of the conversations with this WhatsApp number (most recent first)."""
    rows = query_all(
        conn,
        _SUMMARY_SELECT + " WHERE k.wa_id = ? ORDER BY c.last_activity_at DESC, c.id DESC",
        (wa_id,),
    )
    return [_summary(row) for row in rows]


def any_phone_number_id(conn: Connection) -> str | None:
    """A business number the replica has conversations on (the most recent one)."""
    rows = query_all(
        conn, "SELECT phone_number_id FROM conversations ORDER BY last_activity_at DESC, id DESC LIMIT 1")
    return rows[0][0] if rows else None


_PAGE_FROM = (
    f"SELECT {MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ? AND (ts, id) <= (?, ?)"
    " ORDER BY ts DESC, id DESC LIMIT ?"
)
_PAGE_AFTER = (
    f"SELECT {MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ? AND (ts, id) > (?, ?)"
    " ORDER BY ts, id LIMIT ?"
)


def page_around(
    conn: Connection, conversation_id: int, message_id: int, *, limit: int = 50
) -> tuple[list[Message], list[Message]] | None:
    """A page of history around a message (a search hit): the message and up to
    `limit` - 1 older ones, newest first (as messages.page_messages gives them), and up
    to `limit` newer ones, oldest first. None if the message is not in the conversation.
    Two keyset reads on the (conversation_id, ts, id) index."""
    rows = query_all(
        conn, f"SELECT {MESSAGE_COLUMNS} FROM messages WHERE id = ? AND conversation_id = ?",
        (message_id, conversation_id),
    )
    if not rows:
        return None
    target = Message(*rows[0])
    older = query_all(conn, _PAGE_FROM, (conversation_id, target.ts, target.id, limit))
    newer = query_all(conn, _PAGE_AFTER, (conversation_id, target.ts, target.id, limit))
    return [Message(*row) for row in older], [Message(*row) for row in newer]


def page_after(conn: Connection, conversation_id: int, after: MessageCursor, *, limit: int = 50) -> list[Message]:
    """Up to `limit` messages newer than `after`, oldest first (paging down again)."""
    rows = query_all(conn, _PAGE_AFTER, (conversation_id, after.ts, after.id, limit))
    return [Message(*row) for row in rows]
