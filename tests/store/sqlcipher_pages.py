"""Decrypting SQLCipher 4 pages ourselves, to look at what is really in a file.

wadesk's SQLCipher 4 settings: 4096-byte pages, each ending in 48 reserved bytes (a
16-byte IV and a 32-byte HMAC-SHA256, see connection.key_statements); AES-256-CBC over
the rest. Page 1 starts with the 16-byte
salt in plaintext. With a raw key (`x'…'`) the AES key is the key itself. The WAL is a
32-byte header and frames of a 24-byte header plus one such page.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
RESERVE = 48  # 16-byte IV + 32-byte HMAC-SHA256 (connection.CIPHER_HMAC)
SALT = 16
WAL_HEADER = 32
FRAME_HEADER = 24


def decrypt_page(page: bytes, key: bytes, *, first: bool) -> bytes:
    start = SALT if first else 0
    body = page[start : PAGE - RESERVE]
    iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(body) + decryptor.finalize()


def database_pages(path: Path, key: bytes) -> Iterator[bytes]:
    data = path.read_bytes()
    for number, offset in enumerate(range(0, len(data) - PAGE + 1, PAGE), start=1):
        yield decrypt_page(data[offset : offset + PAGE], key, first=number == 1)


def wal_pages(path: Path, key: bytes) -> Iterator[bytes]:
    """Every frame of a WAL, valid or left over from before a checkpoint."""
    if not path.exists():
        return
    data = path.read_bytes()
    offset = WAL_HEADER
    while offset + FRAME_HEADER + PAGE <= len(data):
        page_number = int.from_bytes(data[offset : offset + 4], "big")
        page = data[offset + FRAME_HEADER : offset + FRAME_HEADER + PAGE]
        yield decrypt_page(page, key, first=page_number == 1)
        offset += FRAME_HEADER + PAGE
