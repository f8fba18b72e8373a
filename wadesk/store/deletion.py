"""Deleting a message, and erasing everything about a contact (GDPR Art. 17).

What goes: the rows (secure_delete zeroes their bytes in the file), the search index
entries (the FTS5 trigger, with FTS5 secure-delete, removes the words themselves),
reactions and label links (foreign keys cascade), queued sends, and the encrypted
media files. Old page images can still sit in the WAL until a checkpoint: callers run
connection.checkpoint() after an erasure so that no copy is left anywhere.

Migration backups (`*.bak-vN`) made before the deletion still hold the old data; they
are encrypted with the same key and are the caller's to remove.
"""

from __future__ import annotations

from pathlib import Path

from wadesk.store import conversations
from wadesk.store._db import Connection, execute, query_all, query_one, transaction
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


def erase_contact(conn: Connection, contact_id: int, media_dir: Path) -> int:
    """Erase a contact with all their conversations, messages, notes and media; the
    number of messages erased."""
    with transaction(conn):
        rows = query_all(
            conn,
            "SELECT m.client_id, m.media_file FROM messages m"
            " JOIN conversations c ON c.id = m.conversation_id WHERE c.contact_id = ?",
            (contact_id,),
        )
        client_ids = [client_id for client_id, _ in rows if client_id is not None]
        for client_id in client_ids:
            execute(conn, "DELETE FROM outbox WHERE client_id = ?", (client_id,))
        # Messages first, explicitly, so each one's FTS trigger runs before the cascade.
        execute(
            conn,
            "DELETE FROM messages WHERE conversation_id IN"
            " (SELECT id FROM conversations WHERE contact_id = ?)",
            (contact_id,),
        )
        execute(conn, "DELETE FROM contacts WHERE id = ?", (contact_id,))  # cascades the rest
    for _, media_file in rows:
        if media_file:
            delete_media_file(media_dir, media_file)
    return len(rows)
