"""Reads the desktop's inbox needs besides the keyset pages: single rows by id and
small batches by a list of ids (one bound JSON array, never a variable number of
placeholders). Every query here is a primary-key or unique-index lookup, so each costs
well under a millisecond on the UI thread.
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
from wadesk.store.messages import Message

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
