"""The relay's copies of incoming media: what still has to be fetched from Meta, the
facts a stored file adds to its message, and lookups for the media API.

Meta's media ids die after 7 days, so the relay fetches every incoming file at once
(wadesk/relay/media_api.py) and keeps it encrypted with media_files.save_media. What is
still missing is derived from the messages themselves (media id known, no local file,
not revoked), so a restart simply picks up where the downloads stopped.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from wadesk.store import media_files
from wadesk.store._db import Connection, execute, query_all, query_one

MEDIA_ID_LIFETIME_S = 7 * 24 * 3600


@dataclass(frozen=True, slots=True)
class MissingMedia:
    message_id: int
    wamid: str
    media_id: str
    ts: int


@dataclass(frozen=True, slots=True)
class StoredMedia:
    message_id: int
    wamid: str | None
    mime: str | None
    filename: str | None
    size: int | None


def missing_media(conn: Connection, *, since_ts: int, limit: int = 1000) -> list[MissingMedia]:
    """Incoming messages newer than `since_ts` whose file is not stored yet."""
    rows = query_all(
        conn,
        "SELECT id, wamid, media_id, ts FROM messages"
        " WHERE media_id IS NOT NULL AND media_file IS NULL AND revoked_at IS NULL"
        " AND direction = 'in' AND wamid IS NOT NULL AND ts >= ? ORDER BY id LIMIT ?",
        (since_ts, limit),
    )
    return [MissingMedia(*row) for row in rows]


def media_target(conn: Connection, wamid: str) -> MissingMedia | None:
    """The message `wamid` if it still waits for its file."""
    row = query_one(
        conn,
        "SELECT id, wamid, media_id, ts FROM messages WHERE wamid = ? AND media_id IS NOT NULL"
        " AND media_file IS NULL AND revoked_at IS NULL",
        (wamid,),
    )
    return MissingMedia(*row) if row else None


def find_stored_media(conn: Connection, key: str) -> StoredMedia | None:
    """The message whose stored file `key` names: a wamid, a Meta media id, or a
    message row id (digits)."""
    sql = (
        "SELECT id, wamid, media_mime, media_filename, media_size FROM messages"
        " WHERE {} = ? AND media_file IS NOT NULL LIMIT 1"
    )
    for column in ("wamid", "media_id"):
        row = query_one(conn, sql.format(column), (key,))
        if row:
            return StoredMedia(*row)
    if key.isdigit() and len(key) < 19:
        row = query_one(conn, sql.format("id"), (int(key),))
        if row:
            return StoredMedia(*row)
    return None


def record_media_facts(
    conn: Connection, wamid: str, *, mime: str | None, size: int | None, sha256: str | None
) -> bool:
    """What the download told about the file (media.stored), kept where Meta's webhook
    left a gap; False when the message is unknown."""
    return (
        execute(
            conn,
            "UPDATE messages SET media_mime = coalesce(media_mime, ?),"
            " media_size = coalesce(media_size, ?), media_sha256 = coalesce(media_sha256, ?)"
            " WHERE wamid = ?",
            (mime, size, sha256, wamid),
        )
        == 1
    )


def media_file_of(conn: Connection, wamid: str) -> str | None:
    """The local file name of message `wamid` (for deleting it after a revoke)."""
    row = query_one(conn, "SELECT media_file FROM messages WHERE wamid = ?", (wamid,))
    return row[0] if row else None


def seal_media_file(data: bytes, media_dir: Path) -> tuple[str, bytes]:
    """Encrypt `data` into a new file of the media folder, in media_files' format, and
    fsync it; (file name, key). Runs off the writer thread, so the fsync of a large file
    never holds up the group commit; `attach_media_file` then records it."""
    media_dir.mkdir(parents=True, exist_ok=True)
    name = secrets.token_hex(16) + ".wdm"
    key = AESGCM.generate_key(bit_length=256)
    nonce = os.urandom(12)
    sealed = media_files.MAGIC + nonce + AESGCM(key).encrypt(
        nonce, data, media_files.MAGIC + name.encode("ascii"))
    tmp = media_dir / (name + ".tmp")
    with tmp.open("wb") as handle:
        handle.write(sealed)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, media_dir / name)
    return name, key


def attach_media_file(conn: Connection, message_id: int, name: str, key: bytes) -> bool:
    """Point a message at its sealed file (inside the caller's transaction); False if
    the message is gone or revoked meanwhile (the caller then deletes the file)."""
    return (
        execute(
            conn,
            "UPDATE messages SET media_file = ?, media_key = ? WHERE id = ? AND revoked_at IS NULL"
            " AND media_file IS NULL",
            (name, key, message_id),
        )
        == 1
    )
