"""Everything the store holds on one contact, as one JSON document (GDPR Art. 15 and
20: a copy a business can hand to the customer, in a common machine-readable format).

Read in one read transaction, so the document is one consistent moment even while
messages keep arriving. Left out on purpose: the keys of the encrypted media files and
their local file names (they are this machine's, not the customer's data); the files
themselves are listed with their facts and fetched separately (the relay's media API).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from typing import Any

from wadesk.store import consents
from wadesk.store._db import Connection, query_all
from wadesk.store.contacts import get_contact

FORMAT = "wadesk.contact-export"
VERSION = 1

_MESSAGE_COLUMNS = (
    "id", "wamid", "client_id", "direction", "type", "ts", "text", "reply_to_wamid", "status",
    "sent_at", "delivered_at", "read_at", "played_at", "failed_at", "error_code",
    "error_reason", "agent_id", "origin", "edited_at", "revoked_at", "media_id", "media_mime",
    "media_size", "media_filename", "media_sha256",
)


def export_contact(conn: Connection, contact_id: int) -> dict[str, Any] | None:
    """The contact's document, or None if there is no such contact."""
    with _snapshot(conn):
        contact = get_contact(conn, contact_id)
        if contact is None:
            return None
        conversations = [_conversation(conn, row) for row in query_all(
            conn, "SELECT id, phone_number_id, created_at, last_activity_at,"
            " last_customer_msg_at, unread_count, assignee_id, archived FROM conversations"
            " WHERE contact_id = ? ORDER BY id", (contact_id,))]
        records = consents.consents_of(conn, contact.wa_id, contact.user_id)
    media = [
        {"conversation_id": conversation["id"], "message_id": message["id"],
         "wamid": message["wamid"], "mime": message["media"]["mime"],
         "size": message["media"]["size"], "filename": message["media"]["filename"],
         "sha256": message["media"]["sha256"], "stored": message["media"]["stored"]}
        for conversation in conversations for message in conversation["messages"]
        if message["media"] is not None
    ]
    contact_view = asdict(contact)
    return {
        "format": FORMAT, "version": VERSION,
        "contact": contact_view,
        "conversations": conversations,
        "consents": [_consent_view(c) for c in records],
        "media": media,
    }


def _conversation(conn: Connection, row: tuple[Any, ...]) -> dict[str, Any]:
    conversation_id = row[0]
    view: dict[str, Any] = {
        "id": conversation_id, "phone_number_id": row[1], "created_at": row[2],
        "last_activity_at": row[3], "last_customer_message_at": row[4], "unread_count": row[5],
        "assignee_id": row[6], "archived": bool(row[7]),
    }
    view["labels"] = [name for (name,) in query_all(
        conn, "SELECT l.name FROM conversation_labels cl JOIN labels l ON l.id = cl.label_id"
        " WHERE cl.conversation_id = ? ORDER BY l.name", (conversation_id,))]
    view["notes"] = [
        {"id": r[0], "author_id": r[1], "text": r[2], "created_at": r[3], "updated_at": r[4]}
        for r in query_all(conn, "SELECT id, author_id, text, created_at, updated_at FROM notes"
                           " WHERE conversation_id = ? ORDER BY created_at, id", (conversation_id,))
    ]
    reactions: dict[int, list[dict[str, Any]]] = {}
    for message_id, reactor, emoji, ts, agent_id in query_all(
            conn, "SELECT r.message_id, r.reactor, r.emoji, r.ts, r.agent_id FROM reactions r"
            " JOIN messages m ON m.id = r.message_id WHERE m.conversation_id = ?"
            " ORDER BY r.message_id, r.reactor", (conversation_id,)):
        reactions.setdefault(message_id, []).append(
            {"reactor": reactor, "emoji": emoji, "ts": ts, "agent_id": agent_id})
    message_labels: dict[int, list[str]] = {}
    for message_id, name in query_all(
            conn, "SELECT ml.message_id, l.name FROM message_labels ml"
            " JOIN labels l ON l.id = ml.label_id JOIN messages m ON m.id = ml.message_id"
            " WHERE m.conversation_id = ? ORDER BY l.name", (conversation_id,)):
        message_labels.setdefault(message_id, []).append(name)
    columns = ", ".join(_MESSAGE_COLUMNS)
    messages = []
    for message_row in query_all(
            conn, f"SELECT {columns}, media_file IS NOT NULL, raw_json FROM messages"
            " WHERE conversation_id = ? ORDER BY ts, id", (conversation_id,)):
        message = dict(zip(_MESSAGE_COLUMNS, message_row))
        stored, raw = message_row[-2], message_row[-1]
        facts = {name: message.pop(f"media_{name}") for name in
                 ("id", "mime", "size", "filename", "sha256")}
        message["media"] = ({**facts, "stored": bool(stored)}
                            if any(v is not None for v in facts.values()) else None)
        message["reactions"] = reactions.get(message["id"], [])
        message["labels"] = message_labels.get(message["id"], [])
        message["raw"] = json.loads(raw) if raw else None
        messages.append(message)
    view["messages"] = messages
    return view


def _consent_view(record: consents.Consent) -> dict[str, Any]:
    view = asdict(record)
    view.pop("subject_hash")
    view.pop("subject_salt")
    return view


@contextmanager
def _snapshot(conn: Connection) -> Iterator[None]:
    """One read transaction (a reader's consistent view); joins a caller's transaction."""
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.execute("COMMIT")
