"""Edits and revocations ("delete for everyone") of messages.

An edit replaces the text (the search index follows by trigger); of several edits
arriving out of order the newest wins. A revoked message keeps only its place in the
chat: text, caption, file name, raw JSON and the media file are removed, and later
edits are ignored.
"""

from __future__ import annotations

from pathlib import Path

from wadesk.store._db import Connection, execute, query_one, transaction
from wadesk.store.media_files import delete_media_file


def apply_edit(
    conn: Connection, wamid: str, text: str | None, ts: int, *, raw_json: str | None = None
) -> bool:
    """Replace the text of message `wamid` as edited at `ts`; False when unknown,
    revoked, or already edited later."""
    with transaction(conn):
        changed = execute(
            conn,
            "UPDATE messages SET text = ?, edited_at = ?, raw_json = coalesce(?, raw_json)"
            " WHERE wamid = ? AND revoked_at IS NULL AND (edited_at IS NULL OR edited_at <= ?)",
            (text, ts, raw_json, wamid, ts),
        )
    return changed == 1


def apply_revoke(conn: Connection, wamid: str, ts: int, media_dir: Path | None = None) -> bool:
    """Mark message `wamid` revoked at `ts` and drop its content; False when unknown."""
    with transaction(conn):
        row = query_one(conn, "SELECT id, media_file FROM messages WHERE wamid = ?", (wamid,))
        if row is None:
            return False
        execute(
            conn,
            "UPDATE messages SET revoked_at = coalesce(revoked_at, ?), text = NULL,"
            " media_filename = NULL, raw_json = NULL, media_file = NULL, media_key = NULL"
            " WHERE id = ?",
            (ts, row[0]),
        )
    if row[1] and media_dir is not None:
        delete_media_file(media_dir, row[1])
    return True
