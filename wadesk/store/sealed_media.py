"""A message's media file read in two steps, so the slow one can leave the UI thread.

    sealed = locate_media(conn, message_id)    # the one primary-key read, on conn's thread
    data = open_sealed(media_dir, sealed)      # file read + AES-GCM, no database: any thread

media_files.read_media does both at once on the connection's thread, which is fine for
a photo but freezes a window for a second on a 100 MB document. SQLCipher connections
stay on the thread that opened them, so the lookup happens there and only the file's
name and key travel to a worker. Same file format and checks as media_files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from wadesk.store._db import Connection, query_one
from wadesk.store.media_files import _NONCE_BYTES, MAGIC, MediaFileError, _aad

_TAG_BYTES = 16


@dataclass(frozen=True, slots=True)
class SealedMedia:
    """Where a message's encrypted file is and its key (never in a repr: no key in a log)."""

    name: str
    key: bytes = field(repr=False)


def locate_media(conn: Connection, message_id: int) -> SealedMedia | None:
    """The message's local file and key, or None if it has none (not downloaded yet)."""
    row = query_one(conn, "SELECT media_file, media_key FROM messages WHERE id = ?", (message_id,))
    if row is None or row[0] is None or row[1] is None:
        return None
    return SealedMedia(str(row[0]), bytes(row[1]))


def open_sealed(media_dir: Path, sealed: SealedMedia) -> bytes:
    """The decrypted content. Raises MediaFileError if the file is missing, damaged or
    not this message's; OSError if it cannot be read (no permission)."""
    try:
        data = (media_dir / sealed.name).read_bytes()
    except FileNotFoundError:
        raise MediaFileError("The media file of this message is missing.") from None
    if not data.startswith(MAGIC) or len(data) < len(MAGIC) + _NONCE_BYTES + _TAG_BYTES:
        raise MediaFileError("The media file of this message is damaged.")
    nonce = data[len(MAGIC) : len(MAGIC) + _NONCE_BYTES]
    try:
        return AESGCM(sealed.key).decrypt(nonce, data[len(MAGIC) + _NONCE_BYTES :], _aad(sealed.name))
    except (InvalidTag, ValueError):  # ValueError: a key of the wrong length
        raise MediaFileError("The media file of this message is damaged.") from None
