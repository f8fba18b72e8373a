"""Media files at rest: AES-256-GCM, one random key per file, kept in the message row.

A file is useless without the (encrypted) database, so the media folder can be backed
up, synced or stolen without revealing anything but sizes. Plaintext exists only in
memory: reading decrypts into bytes, never into a cache file. Deleting the message
deletes its file (see deletion.py); the key goes with the row (secure_delete zeroes it).

File layout: MAGIC, a 12-byte nonce, then ciphertext with GCM's 16-byte tag. The file
name is bound in as associated data, so swapping two files is detected.
"""

from __future__ import annotations

import os
import secrets
import time
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from wadesk.store._db import Connection, execute, query_all, query_one, transaction
from wadesk.store.errors import StoreError

MAGIC = b"WDM1"
_NONCE_BYTES = 12
_SUFFIX = ".wdm"


class MediaFileError(StoreError):
    """A media file is missing, damaged or does not belong to its message."""


def save_media(conn: Connection, message_id: int, data: bytes, media_dir: Path) -> str:
    """Encrypt `data` as the message's local media file; returns the file name.

    A previous file of the message is replaced (and deleted)."""
    media_dir.mkdir(parents=True, exist_ok=True)
    name = secrets.token_hex(16) + _SUFFIX
    key = AESGCM.generate_key(bit_length=256)
    nonce = os.urandom(_NONCE_BYTES)
    sealed = MAGIC + nonce + AESGCM(key).encrypt(nonce, data, _aad(name))
    path = media_dir / name
    _write_durably(path, sealed)
    try:
        with transaction(conn):
            old = query_one(conn, "SELECT media_file FROM messages WHERE id = ?", (message_id,))
            if old is None:
                raise MediaFileError(f"No message {message_id} to attach media to.")
            execute(
                conn,
                "UPDATE messages SET media_file = ?, media_key = ? WHERE id = ?",
                (name, key, message_id),
            )
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    if old[0]:
        delete_media_file(media_dir, old[0])
    return name


def read_media(conn: Connection, message_id: int, media_dir: Path) -> bytes | None:
    """The decrypted media of a message, or None if it has no local file (both steps of
    sealed_media at once, on the connection's thread)."""
    from wadesk.store import sealed_media  # it builds on this module's file format

    sealed = sealed_media.locate_media(conn, message_id)
    return None if sealed is None else sealed_media.open_sealed(media_dir, sealed)


def delete_media_file(media_dir: Path, name: str) -> None:
    # Names come from our own column; refuse anything that could leave the folder.
    if os.sep in name or (os.altsep and os.altsep in name) or not name.endswith(_SUFFIX):
        raise MediaFileError("Refusing to delete a file outside the media folder.")
    (media_dir / name).unlink(missing_ok=True)


def remove_orphan_files(conn: Connection, media_dir: Path, *, min_age_s: float = 0.0,
                        now: float | None = None) -> int:
    """Delete media files no message refers to (left by a crash between a delete's
    commit and its unlink, or the other way round, and those of an erased customer);
    the number removed.

    `min_age_s`: spare files younger than this. Another connection (the UI saving an
    attachment) writes its file before the row that names it commits; while other
    connections may write, a sweep passes a grace period so it never takes such a file.
    """
    if not media_dir.is_dir():
        return 0
    known = {row[0] for row in query_all(conn, "SELECT media_file FROM messages WHERE media_file IS NOT NULL")}
    if query_one(conn, "SELECT 1 FROM sqlite_master WHERE name = 'relay_uploads'"):
        # On the relay, uploads no send has named yet hold files of their own.
        known |= {row[0] for row in query_all(conn, "SELECT media_file FROM relay_uploads")}
    newest = (time.time() if now is None else now) - min_age_s
    removed = 0
    for path in media_dir.iterdir():
        orphan = path.suffix == _SUFFIX and path.name not in known
        if not (orphan or path.name.endswith(_SUFFIX + ".tmp")):
            continue
        try:
            if min_age_s and path.stat().st_mtime > newest:
                continue
            path.unlink(missing_ok=True)
        except FileNotFoundError:
            continue
        removed += orphan
    return removed


def _aad(name: str) -> bytes:
    return MAGIC + name.encode("ascii")


def _write_durably(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
