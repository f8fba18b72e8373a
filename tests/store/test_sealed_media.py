"""A message's media read in two steps: the lookup on the connection's thread, the
file read and AES-GCM anywhere; the same content and the same refusals as read_media."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from wadesk.store.ingest import apply_incoming_message
from wadesk.store.media_files import MediaFileError, read_media, save_media
from wadesk.store.sealed_media import locate_media, open_sealed

from .factories import image

JPEG = b"\xff\xd8\xff\xe0" + b"JFIF Werkstattfoto " * 300


def test_the_two_steps_give_what_read_media_gives(conn: Any, media_dir: Path) -> None:
    message_id = apply_incoming_message(conn, image()).message_id
    assert locate_media(conn, message_id) is None  # not downloaded yet
    name = save_media(conn, message_id, JPEG, media_dir)
    sealed = locate_media(conn, message_id)
    assert sealed is not None and sealed.name == name
    assert open_sealed(media_dir, sealed) == JPEG == read_media(conn, message_id, media_dir)
    assert sealed.key.hex() not in repr(sealed)  # a logged value never shows the key
    assert locate_media(conn, 999_999) is None


def test_a_missing_swapped_or_damaged_file_is_refused(conn: Any, media_dir: Path) -> None:
    first = apply_incoming_message(conn, image()).message_id
    second = apply_incoming_message(conn, image()).message_id
    save_media(conn, first, JPEG, media_dir)
    save_media(conn, second, b"another photo", media_dir)
    a, b = locate_media(conn, first), locate_media(conn, second)
    a_bytes = (media_dir / a.name).read_bytes()
    (media_dir / a.name).write_bytes((media_dir / b.name).read_bytes())  # files swapped
    with pytest.raises(MediaFileError):
        open_sealed(media_dir, a)
    (media_dir / a.name).write_bytes(a_bytes[:-1] + bytes([a_bytes[-1] ^ 1]))
    with pytest.raises(MediaFileError):
        open_sealed(media_dir, a)
    (media_dir / a.name).unlink()
    with pytest.raises(MediaFileError):
        open_sealed(media_dir, a)
