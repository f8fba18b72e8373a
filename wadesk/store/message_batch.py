"""The machinery behind ingest.apply_messages: one batch of new messages, written with
a few statements instead of several per message."""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence

from wadesk.store import conversations, statuses
from wadesk.store._db import Connection, execute, execute_many, query_all, query_one
from wadesk.store.contacts import ContactInfo, upsert_contact_in_tx
from wadesk.store.message_inputs import ApplyResult, IncomingMessage, OutgoingMessage

_INSERTABLE = frozenset(
    (
        "id", "conversation_id", "wamid", "client_id", "direction", "type", "ts", "text",
        "reply_to_wamid", "status", "sent_at", "delivered_at", "read_at", "played_at",
        "failed_at", "agent_id", "origin", "media_id", "media_mime", "media_size",
        "media_filename", "media_sha256", "raw_json",
    )
)


@functools.lru_cache(maxsize=64)
def _insert_sql(columns: tuple[str, ...]) -> str:
    """An INSERT naming only the columns that have a value.

    Binding None costs the sqlcipher3 driver ~2 us per parameter (it looks for an
    adapter every time); a message has 10 to 15 empty columns, which made them the
    most expensive part of ingest. Columns left out default to NULL. The names come
    from _INSERTABLE only, and a handful of shapes covers every kind of message."""
    assert _INSERTABLE.issuperset(columns)
    return (
        f"INSERT INTO messages({', '.join(columns)})"
        f" VALUES ({', '.join('?' for _ in columns)})"
    )


def attach_wamid(conn: Connection, message_id: int, wamid: str) -> tuple[int, int]:
    """Give a message its wamid; returns the surviving (id, conversation id).

    If the wamid already names another row (the same message arrived under its wamid
    alone, e.g. as an echo) that row is kept, it takes the client id, and the echo goes."""
    holder = query_one(conn, "SELECT id, client_id, conversation_id FROM messages WHERE wamid = ?", (wamid,))
    if holder is None:
        execute(conn, "UPDATE messages SET wamid = ? WHERE id = ? AND wamid IS NULL", (wamid, message_id))
        row = query_one(conn, "SELECT id, conversation_id FROM messages WHERE id = ?", (message_id,))
        assert row is not None
        return row[0], row[1]
    if holder[0] == message_id:
        return holder[0], holder[2]
    echo = query_one(conn, "SELECT client_id, conversation_id FROM messages WHERE id = ?", (message_id,))
    execute(conn, "DELETE FROM messages WHERE id = ?", (message_id,))
    if echo is not None:
        if holder[1] is None:
            execute(conn, "UPDATE messages SET client_id = ? WHERE id = ?", (echo[0], holder[0]))
        conversations.refresh_preview(conn, echo[1])
    return holder[0], holder[2]


class MessageBatch:
    """Per-batch state; lives for one call inside one transaction (the write lock).

    New rows are collected and written with executemany under ids assigned here
    (max(id) + 1 onwards, what SQLite itself would pick): safe because the batch holds
    the write lock, and it saves a driver round trip per message. Pending rows (and the
    conversations' counters) are written before any statement touches existing rows, so
    triggers never meet a row the index has not seen.

    A batch ends in exactly the state its messages applied one at a time would give,
    row ids and timestamps included: the relay applies a run of webhooks as one batch
    while every replica applies the same events one by one, and both must agree
    (tests/store/test_apply_batch.py holds them side by side)."""

    def __init__(self, conn: Connection, items: Sequence[IncomingMessage | OutgoingMessage]) -> None:
        self.conn = conn
        self.by_wamid: dict[str, tuple[int, int]] = {}
        self.by_client_id: dict[str, tuple[int, int]] = {}
        self.conversation_for: dict[tuple[str | None, ...], int] = {}
        self.stored_contacts: dict[tuple[str, str, str], tuple] = {}
        self.activity: dict[int, conversations.ActivityUpdate] = {}
        self.pending: dict[tuple[str, ...], list[tuple]] = {}
        row = query_one(conn, "SELECT coalesce(max(id), 0) + 1 FROM messages")
        assert row is not None
        self.next_id = self.flushed_id = row[0]
        self._prefetch_messages(items)
        self._prefetch_conversations(items)

    def _prefetch_messages(self, items: Sequence[IncomingMessage | OutgoingMessage]) -> None:
        # One query for the whole batch instead of one per message; the JSON array is a
        # single bound parameter.
        wamids = [item.wamid for item in items if item.wamid]
        client_ids = [i.client_id for i in items if isinstance(i, OutgoingMessage) and i.client_id]
        for column, keys, known in (
            ("wamid", wamids, self.by_wamid),
            ("client_id", client_ids, self.by_client_id),
        ):
            if keys:
                rows = query_all(
                    self.conn,
                    f"SELECT {column}, id, conversation_id FROM messages"
                    f" WHERE {column} IN (SELECT value FROM json_each(?))",
                    (json.dumps(keys),),
                )
                known.update((row[0], (row[1], row[2])) for row in rows)

    def _prefetch_conversations(self, items: Sequence[IncomingMessage | OutgoingMessage]) -> None:
        """The stored contacts of the batch, with their conversations, in two queries."""
        user_ids = {i.contact.user_id for i in items if i.contact.user_id}
        wa_ids = {i.contact.wa_id for i in items if i.contact.wa_id and not i.contact.user_id}
        for column, keys in (("user_id", user_ids), ("wa_id", wa_ids)):
            if not keys:
                continue
            rows = query_all(
                self.conn,
                "SELECT k.wa_id, k.user_id, k.username, k.profile_name, c.phone_number_id, c.id"
                " FROM contacts k JOIN conversations c ON c.contact_id = k.id"
                f" WHERE k.{column} IN (SELECT value FROM json_each(?))",
                (json.dumps(sorted(keys)),),
            )
            key_index = 1 if column == "user_id" else 0
            for row in rows:
                self.stored_contacts[(column, row[key_index], row[4])] = row

    def known(self, wamid: str | None, client_id: str | None) -> tuple[int, int] | None:
        if client_id is not None and client_id in self.by_client_id:
            return self.by_client_id[client_id]
        if wamid is not None and wamid in self.by_wamid:
            return self.by_wamid[wamid]
        return None

    def apply(self, item: IncomingMessage | OutgoingMessage) -> ApplyResult:
        client_id = item.client_id if isinstance(item, OutgoingMessage) else None
        found = self.known(item.wamid, client_id)
        if found is not None:
            if isinstance(item, OutgoingMessage):
                self.finish()  # the rows and counters so far, before existing rows change
                found = self._update_outgoing(found, item)
            return ApplyResult(found[0], found[1], False)
        conversation_id = self._conversation(item.contact, item.phone_number_id, item.ts)
        return ApplyResult(self.insert(conversation_id, item), conversation_id, True)

    def flush(self) -> None:
        """Write the pending rows and add them to the search index."""
        for columns, rows in self.pending.items():
            execute_many(self.conn, _insert_sql(columns), rows)
        self.pending.clear()
        if self.next_id > self.flushed_id:
            # One statement per batch: see message_fts in migration 1 for why new
            # messages are not indexed by a trigger.
            execute(
                self.conn,
                "INSERT INTO message_fts(rowid, text, media_filename)"
                " SELECT id, text, media_filename FROM messages WHERE id >= ? AND id < ?",
                (self.flushed_id, self.next_id),
            )
            self.flushed_id = self.next_id

    def finish(self) -> None:
        self.flush()
        if self.activity:
            conversations.record_activity(self.conn, self.activity.values())
            self.activity.clear()

    def _update_outgoing(self, found: tuple[int, int], item: OutgoingMessage) -> tuple[int, int]:
        if item.wamid is not None:
            before = found[0]
            found = attach_wamid(self.conn, before, item.wamid)
            if found[0] != before:
                # The row merged into its echo is gone: forget it, and hand out ids from
                # max(id) + 1 again, as a batch of its own would.
                for known in (self.by_wamid, self.by_client_id):
                    for key in [k for k, v in known.items() if v[0] == before]:
                        del known[key]
                row = query_one(self.conn, "SELECT coalesce(max(id), 0) + 1 FROM messages")
                assert row is not None
                self.next_id = self.flushed_id = row[0]
            self._remember_stored(found[0])
        if item.status != "pending":
            statuses.apply_status_to(self.conn, found[0], item.status, item.ts)
        return found

    def _remember_stored(self, message_id: int) -> None:
        """Look a message up by the ids its row holds now, not by those of the item that
        found it (a wamid match does not give the row the item's client id)."""
        row = query_one(self.conn, "SELECT wamid, client_id, conversation_id FROM messages"
                        " WHERE id = ?", (message_id,))
        if row is None:
            return
        if row[0] is not None:
            self.by_wamid[row[0]] = (message_id, row[2])
        if row[1] is not None:
            self.by_client_id[row[1]] = (message_id, row[2])

    def _conversation(self, contact: ContactInfo, phone_number_id: str, ts: int) -> int:
        # The fields, not the dataclass: its generated __hash__ is Python code.
        key = (
            contact.wa_id, contact.user_id, contact.profile_name, contact.username, phone_number_id
        )
        conversation_id = self.conversation_for.get(key)
        if conversation_id is not None:
            return conversation_id
        conversation_id = self._stored_conversation(contact, phone_number_id)
        if conversation_id is None:
            if contact.wa_id and contact.user_id:
                # Linking both ids can merge two contacts' conversations: the rows and
                # counters so far go first, as if each message had been applied alone.
                self.finish()
            # The message's own time, never this machine's clock: the relay and every
            # replica must store the same row.
            known = self._contact_is_stored(contact)
            contact_id = upsert_contact_in_tx(self.conn, contact, now=ts).id
            if known:
                # The upsert may have changed stored contacts (a new name, a merge, a
                # recycled number), so what the batch knew of them is looked up afresh.
                # A brand-new contact changes nothing the batch knew.
                self.conversation_for.clear()
                self.stored_contacts.clear()
            conversation_id = conversations.get_or_create_conversation(
                self.conn, contact_id, phone_number_id, now=ts
            )
        self.conversation_for[key] = conversation_id
        return conversation_id

    def _contact_is_stored(self, contact: ContactInfo) -> bool:
        """Whether a contact row holds this WhatsApp id or this BSUID already."""
        row = query_one(
            self.conn,
            "SELECT EXISTS (SELECT 1 FROM contacts WHERE wa_id = ?)"
            " OR EXISTS (SELECT 1 FROM contacts WHERE user_id = ?)",
            (contact.wa_id or "", contact.user_id or ""),
        )
        return bool(row and row[0])

    def _stored_conversation(self, contact: ContactInfo, phone_number_id: str) -> int | None:
        """The conversation if the contact is stored exactly as described (else the
        caller upserts the contact)."""
        if contact.user_id:
            row = self.stored_contacts.get(("user_id", contact.user_id, phone_number_id))
        else:
            row = self.stored_contacts.get(("wa_id", contact.wa_id or "", phone_number_id))
        if row is None:
            return None
        if (
            (contact.wa_id is None or contact.wa_id == row[0])
            and (contact.user_id is None or contact.user_id == row[1])
            and (contact.username is None or contact.username == row[2])
            and (contact.profile_name is None or contact.profile_name == row[3])
        ):
            return row[5]
        return None

    def insert(self, conversation_id: int, item: IncomingMessage | OutgoingMessage) -> int:
        message_id = self.next_id
        self.next_id += 1
        incoming = isinstance(item, IncomingMessage)
        # Only the columns with a value (see _insert_sql); built by hand because this
        # runs once per message of every batch.
        columns = ["id", "conversation_id", "type", "ts", "origin", "direction"]
        values: list[object] = [
            message_id, conversation_id, item.type, item.ts, item.origin, "in" if incoming else "out"
        ]
        if item.wamid is not None:
            columns.append("wamid")
            values.append(item.wamid)
            self.by_wamid[item.wamid] = (message_id, conversation_id)
        if item.text is not None:
            columns.append("text")
            values.append(item.text)
        if item.raw_json is not None:
            columns.append("raw_json")
            values.append(item.raw_json)
        if item.reply_to_wamid is not None:
            columns.append("reply_to_wamid")
            values.append(item.reply_to_wamid)
        if not incoming:
            assert isinstance(item, OutgoingMessage)
            columns.append("status")
            values.append(item.status)
            if item.status != "pending":
                columns.append(item.status + "_at")
                values.append(item.ts)
            for column, value in (("client_id", item.client_id), ("agent_id", item.agent_id)):
                if value is not None:
                    columns.append(column)
                    values.append(value)
            if item.client_id is not None:
                self.by_client_id[item.client_id] = (message_id, conversation_id)
        media = item.media
        if media is not None:
            for column, value in (
                ("media_id", media.media_id), ("media_mime", media.mime),
                ("media_size", media.size), ("media_filename", media.filename),
                ("media_sha256", media.sha256),
            ):
                if value is not None:
                    columns.append(column)
                    values.append(value)
        shape = tuple(columns)
        rows = self.pending.get(shape)
        if rows is None:
            rows = self.pending[shape] = []
        rows.append(values)
        update = self.activity.get(conversation_id)
        if update is None:
            update = self.activity[conversation_id] = conversations.ActivityUpdate(conversation_id)
        update.add(
            message_id, item.ts,
            from_customer=incoming, counts_as_unread=incoming and item.origin != "history",
        )
        return message_id
