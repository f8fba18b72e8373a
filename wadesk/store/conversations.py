"""Conversations: one per contact per business number, and the inbox list.

The list is paged by keyset on (last_activity_at, id), newest first; every filter has
an index already in that order (see migration 1), so a page costs the same at the top
of the inbox and ten thousand conversations down.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from wadesk.store._db import Connection, execute, execute_many, query_all, query_one, transaction
from wadesk.store.contacts import COLUMNS as CONTACT_COLUMNS
from wadesk.store.contacts import Contact


@dataclass(frozen=True, slots=True)
class Conversation:
    id: int
    contact_id: int
    phone_number_id: str
    last_activity_at: int
    last_message_id: int | None
    unread_count: int
    last_customer_msg_at: int | None
    assignee_id: str | None
    archived: bool
    created_at: int


@dataclass(frozen=True, slots=True)
class ConversationCursor:
    """Where the next page of the list starts (exclusive)."""

    last_activity_at: int
    id: int


@dataclass(frozen=True, slots=True)
class LastMessagePreview:
    id: int
    type: str
    text: str | None
    direction: str
    status: str | None
    revoked: bool


@dataclass(frozen=True, slots=True)
class ConversationSummary:
    """One row of the inbox list."""

    conversation: Conversation
    contact: Contact
    last_message: LastMessagePreview | None

    @property
    def cursor(self) -> ConversationCursor:
        return ConversationCursor(self.conversation.last_activity_at, self.conversation.id)


@dataclass(frozen=True, slots=True)
class ConversationFilter:
    """Which conversations the list shows; the defaults are the inbox."""

    unread: bool = False
    label_id: int | None = None
    assignee_id: str | None = None
    unassigned: bool = False
    archived: bool | None = False  # None: archived and not archived alike
    phone_number_id: str | None = None


COLUMNS = (
    "id, contact_id, phone_number_id, last_activity_at, last_message_id, unread_count,"
    " last_customer_msg_at, assignee_id, archived, created_at"
)
_C_COLUMNS = ", ".join(f"c.{name.strip()}" for name in COLUMNS.split(","))
_K_COLUMNS = ", ".join(f"k.{name.strip()}" for name in CONTACT_COLUMNS.split(","))


def _conversation(row: tuple) -> Conversation:
    return Conversation(*row[:8], bool(row[8]), row[9])


def find_conversation_id(conn: Connection, contact_id: int, phone_number_id: str) -> int | None:
    row = query_one(
        conn,
        "SELECT id FROM conversations WHERE contact_id = ? AND phone_number_id = ?",
        (contact_id, phone_number_id),
    )
    return row[0] if row else None


def get_or_create_conversation(
    conn: Connection, contact_id: int, phone_number_id: str, *, now: int
) -> int:
    """The id of the conversation with this contact on this number (made if new).
    Runs inside the caller's transaction."""
    found = find_conversation_id(conn, contact_id, phone_number_id)
    if found is not None:
        return found
    row = query_one(
        conn,
        "INSERT INTO conversations(contact_id, phone_number_id, created_at) VALUES (?, ?, ?)"
        " RETURNING id",
        (contact_id, phone_number_id, now),
    )
    assert row is not None
    return row[0]


def get_conversation(conn: Connection, conversation_id: int) -> Conversation | None:
    row = query_one(conn, f"SELECT {COLUMNS} FROM conversations WHERE id = ?", (conversation_id,))
    return _conversation(row) if row else None


@dataclass(slots=True)
class ActivityUpdate:
    """What a batch of new messages does to one conversation (summed up, so that a
    burst of messages in one chat costs one UPDATE)."""

    conversation_id: int
    newest_ts: int = -1
    newest_message_id: int = 0
    unread: int = 0
    customer_ts: int | None = None

    def add(self, message_id: int, ts: int, *, from_customer: bool, counts_as_unread: bool) -> None:
        # ">=": of messages with the same second, the later one applied is the preview.
        if ts >= self.newest_ts:
            self.newest_ts, self.newest_message_id = ts, message_id
        if counts_as_unread:
            self.unread += 1
        if from_customer and (self.customer_ts is None or ts > self.customer_ts):
            self.customer_ts = ts


_RECORD_ACTIVITY = """
UPDATE conversations SET
    last_message_id = CASE WHEN ?1 >= last_activity_at THEN ?2 ELSE last_message_id END,
    last_activity_at = max(last_activity_at, ?1),
    unread_count = unread_count + ?3,
    last_customer_msg_at = CASE WHEN ?4 IS NULL THEN last_customer_msg_at
                                ELSE max(coalesce(last_customer_msg_at, 0), ?4) END,
    archived = CASE WHEN ?3 > 0 THEN 0 ELSE archived END
WHERE id = ?5
"""


def record_activity(conn: Connection, updates: Iterable[ActivityUpdate]) -> None:
    """Move activity, preview and counters of conversations that got new messages.

    A customer's message un-archives the conversation: in a team inbox a new question
    needs someone's attention. Backfilled history counts for the 24-hour window (it is
    when the customer wrote) but not as unread. Runs inside the caller's transaction."""
    rows = [
        (u.newest_ts, u.newest_message_id, u.unread, u.customer_ts, u.conversation_id)
        for u in updates
    ]
    if rows:
        execute_many(conn, _RECORD_ACTIVITY, rows)


def refresh_preview(conn: Connection, conversation_id: int) -> None:
    """Point the preview at the newest remaining message (after a delete or merge).

    last_message_id has no foreign key on purpose: checking it would cost a lookup
    per new message, and ON DELETE SET NULL an index updated with every message.
    Whoever deletes messages calls this; a dangling id only hides the preview."""
    execute(
        conn,
        """
        UPDATE conversations SET last_message_id = (
            SELECT id FROM messages WHERE conversation_id = :c ORDER BY ts DESC, id DESC LIMIT 1)
        WHERE id = :c
        """,
        {"c": conversation_id},
    )


def merge_into(conn: Connection, *, source_id: int, target_id: int) -> None:
    """Move everything of one conversation into another and drop the first."""
    execute(conn, "UPDATE messages SET conversation_id = ? WHERE conversation_id = ?", (target_id, source_id))
    execute(conn, "UPDATE notes SET conversation_id = ? WHERE conversation_id = ?", (target_id, source_id))
    execute(
        conn,
        "INSERT OR IGNORE INTO conversation_labels(conversation_id, label_id)"
        " SELECT ?, label_id FROM conversation_labels WHERE conversation_id = ?",
        (target_id, source_id),
    )
    execute(
        conn,
        """
        UPDATE conversations SET
            last_activity_at = max(conversations.last_activity_at, s.last_activity_at),
            unread_count = conversations.unread_count + s.unread_count,
            last_customer_msg_at = nullif(max(coalesce(conversations.last_customer_msg_at, 0),
                                              coalesce(s.last_customer_msg_at, 0)), 0),
            assignee_id = coalesce(conversations.assignee_id, s.assignee_id)
        FROM (SELECT * FROM conversations WHERE id = :source) AS s
        WHERE conversations.id = :target
        """,
        {"source": source_id, "target": target_id},
    )
    execute(conn, "DELETE FROM conversations WHERE id = ?", (source_id,))
    refresh_preview(conn, target_id)


def list_conversations(
    conn: Connection,
    filter: ConversationFilter = ConversationFilter(),
    *,
    after: ConversationCursor | None = None,
    limit: int = 100,
) -> list[ConversationSummary]:
    """A page of the inbox, most recent activity first."""
    # Built only from the fixed fragments below; every value is bound.
    where: list[str] = []
    params: list[object] = []
    if filter.archived is not None:
        where.append("c.archived = ?")
        params.append(1 if filter.archived else 0)
    if filter.unread:
        where.append("c.unread_count > 0")
    if filter.unassigned:
        where.append("c.assignee_id IS NULL")
    elif filter.assignee_id is not None:
        where.append("c.assignee_id = ?")
        params.append(filter.assignee_id)
    if filter.label_id is not None:
        where.append(
            "EXISTS (SELECT 1 FROM conversation_labels cl"
            " WHERE cl.conversation_id = c.id AND cl.label_id = ?)"
        )
        params.append(filter.label_id)
    if filter.phone_number_id is not None:
        where.append("c.phone_number_id = ?")
        params.append(filter.phone_number_id)
    if after is not None:
        where.append("(c.last_activity_at, c.id) < (?, ?)")
        params.extend((after.last_activity_at, after.id))
    sql = (
        f"SELECT {_C_COLUMNS}, {_K_COLUMNS},"
        " m.id, m.type, m.text, m.direction, m.status, m.revoked_at"
        " FROM conversations c"
        " JOIN contacts k ON k.id = c.contact_id"
        " LEFT JOIN messages m ON m.id = c.last_message_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY c.last_activity_at DESC, c.id DESC LIMIT ?"
    )
    params.append(limit)
    summaries = []
    for row in query_all(conn, sql, params):
        preview = None
        if row[18] is not None:
            preview = LastMessagePreview(
                row[18], row[19], row[20], row[21], row[22], row[23] is not None
            )
        summaries.append(
            ConversationSummary(_conversation(row[:10]), Contact(*row[10:18]), preview)
        )
    return summaries


def mark_read(conn: Connection, conversation_id: int) -> str | None:
    """Clear the unread count; the wamid of the newest customer message, for the read
    receipt to Meta (which marks all earlier ones read too)."""
    with transaction(conn):
        execute(conn, "UPDATE conversations SET unread_count = 0 WHERE id = ?", (conversation_id,))
        row = query_one(
            conn,
            "SELECT wamid FROM messages WHERE conversation_id = ? AND direction = 'in'"
            " AND wamid IS NOT NULL ORDER BY ts DESC, id DESC LIMIT 1",
            (conversation_id,),
        )
    return row[0] if row else None


def set_assignee(conn: Connection, conversation_id: int, assignee_id: str | None) -> bool:
    with transaction(conn):
        return (
            execute(
                conn,
                "UPDATE conversations SET assignee_id = ? WHERE id = ?",
                (assignee_id, conversation_id),
            )
            == 1
        )


def set_archived(conn: Connection, conversation_id: int, archived: bool) -> bool:
    with transaction(conn):
        return (
            execute(
                conn,
                "UPDATE conversations SET archived = ? WHERE id = ?",
                (1 if archived else 0, conversation_id),
            )
            == 1
        )
