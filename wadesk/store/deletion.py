"""Deleting a message, and erasing everything about a contact (GDPR Art. 17).

What goes: the rows (secure_delete zeroes their bytes in the file), the search index
entries (the FTS5 trigger, with FTS5 secure-delete, removes the words themselves),
reactions and label links (foreign keys cascade), queued sends, and the encrypted
media files; consent records shrink to the minimal proof described in consents.py.
Old page images can still sit in the WAL until a checkpoint: callers run
connection.checkpoint() after an erasure so that no copy is left anywhere.

Migration backups (`*.bak-vN`) made before the deletion still hold the old data: an
erasure that comes as a `contact.erased` event deletes them all (apply_privacy_events.py,
migration_backups.py); after a single message is deleted they expire by that policy.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wadesk.store import consents, conversations
from wadesk.store._db import Connection, execute, query_all, query_one, transaction
from wadesk.store.contacts import get_contact
from wadesk.store.media_files import delete_media_file


def delete_message(conn: Connection, message_id: int, media_dir: Path) -> bool:
    """Delete one message and all that hangs on it; False if there was none."""
    with transaction(conn):
        row = query_one(
            conn,
            "SELECT conversation_id, client_id, media_file FROM messages WHERE id = ?",
            (message_id,),
        )
        if row is None:
            return False
        conversation_id, client_id, media_file = row
        if client_id is not None:
            execute(conn, "DELETE FROM outbox WHERE client_id = ?", (client_id,))
        execute(conn, "DELETE FROM messages WHERE id = ?", (message_id,))
        conversations.refresh_preview(conn, conversation_id)
    # After the commit: a rollback must not leave a row whose file is gone.
    if media_file:
        delete_media_file(media_dir, media_file)
    return True


@dataclass(frozen=True, slots=True)
class Footprint:
    """What of some contacts is on this machine: what the UI shows of them."""

    conversation_ids: tuple[int, ...]
    message_ids: tuple[int, ...]
    client_ids: tuple[str, ...]  # their messages' (a send may still hang on one)


def footprint(conn: Connection, contact_ids: list[int]) -> Footprint:
    """The conversations and messages of these contacts (read before erasing them)."""
    conversation_ids: list[int] = []
    message_ids: list[int] = []
    client_ids: list[str] = []
    for contact_id in contact_ids:
        conversation_ids += [row[0] for row in query_all(
            conn, "SELECT id FROM conversations WHERE contact_id = ? ORDER BY id", (contact_id,))]
    for conversation_id in conversation_ids:
        for message_id, client_id in query_all(
                conn, "SELECT id, client_id FROM messages WHERE conversation_id = ?", (conversation_id,)):
            message_ids.append(message_id)
            if client_id is not None:
                client_ids.append(client_id)
    return Footprint(tuple(conversation_ids), tuple(message_ids), tuple(client_ids))


@dataclass(frozen=True, slots=True)
class ErasedRows:
    messages: int
    media_files: list[str]  # the caller deletes them after its commit
    consents_dropped: int


def erase_contact(conn: Connection, contact_id: int, media_dir: Path) -> int:
    """Erase a contact with all their conversations, messages, notes and media; the
    number of messages erased. Their consent records become minimal proof (consents.py)
    under a fresh random salt."""
    with transaction(conn):
        contact = get_contact(conn, contact_id)
        if contact is None:
            return 0
        proofs = consents.proofs_of(conn, contact.wa_id, contact.user_id, secrets.token_hex(16))
        erased = erase_contact_rows(conn, contact_id, proofs)
    for media_file in erased.media_files:
        delete_media_file(media_dir, media_file)
    return erased.messages


def erase_contact_rows(conn: Connection, contact_id: int,
                       consent_proofs: list[dict[str, Any]]) -> ErasedRows:
    """erase_contact's database part, in the caller's transaction: the rows go, the
    names of the media files to delete come back (to be unlinked after the commit, so
    that a rollback never leaves a row whose file is gone). The contact's consent
    records are replaced by `consent_proofs` (consents.proofs_of's shape).

    Also dropped: sends still queued on this machine and events parked for the
    contact's messages (a replica's record of the relay's ids for the conversations
    goes with them by its foreign key)."""
    contact = get_contact(conn, contact_id)
    if contact is None:
        return ErasedRows(0, [], 0)
    rows = query_all(
        conn,
        "SELECT m.client_id, m.media_file, m.wamid FROM messages m"
        " JOIN conversations c ON c.id = m.conversation_id WHERE c.contact_id = ?",
        (contact_id,),
    )
    for client_id, _, wamid in rows:
        if client_id is not None:
            execute(conn, "DELETE FROM outbox WHERE client_id = ?", (client_id,))
        if wamid is not None:
            execute(conn, "DELETE FROM early_events WHERE wamid = ?", (wamid,))
    # Messages first, explicitly, so each one's FTS trigger runs before the cascade.
    execute(
        conn,
        "DELETE FROM messages WHERE conversation_id IN"
        " (SELECT id FROM conversations WHERE contact_id = ?)",
        (contact_id,),
    )
    execute(conn, "DELETE FROM contacts WHERE id = ?", (contact_id,))  # cascades the rest
    dropped = consents.replace_with_proofs(conn, contact.wa_id, contact.user_id, consent_proofs)
    return ErasedRows(len(rows), [name for _, name, _ in rows if name], dropped)
