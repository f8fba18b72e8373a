"""Media at rest: AES-256-GCM per file, key in the row, plaintext only in memory."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from wadesk.store.ingest import apply_incoming_message
from wadesk.store.media_files import (
    MediaFileError,
    delete_media_file,
    read_media,
    remove_orphan_files,
    save_media,
)

from .factories import image, incoming

JPEG = b"\xff\xd8\xff\xe0" + b"JFIF Urlaubsfoto vom Strand " * 200


def test_round_trip_and_nothing_readable_on_disk(conn: Any, media_dir: Path) -> None:
    message_id = apply_incoming_message(conn, image()).message_id
    name = save_media(conn, message_id, JPEG, media_dir)
    stored = (media_dir / name).read_bytes()
    assert b"Urlaubsfoto" not in stored and b"JFIF" not in stored
    assert len(stored) == len(JPEG) + 4 + 12 + 16
    assert read_media(conn, message_id, media_dir) == JPEG
    assert [p.name for p in media_dir.iterdir()] == [name]  # no temp or cache files


def test_each_file_has_its_own_key(conn: Any, media_dir: Path) -> None:
    a = apply_incoming_message(conn, image()).message_id
    b = apply_incoming_message(conn, image()).message_id
    save_media(conn, a, JPEG, media_dir)
    save_media(conn, b, JPEG, media_dir)
    keys = [row[0] for row in conn.execute("SELECT media_key FROM messages WHERE media_key IS NOT NULL")]
    assert len(keys) == 2 and keys[0] != keys[1] and all(len(k) == 32 for k in keys)


def test_replacing_deletes_the_old_file(conn: Any, media_dir: Path) -> None:
    message_id = apply_incoming_message(conn, image()).message_id
    first = save_media(conn, message_id, b"first", media_dir)
    second = save_media(conn, message_id, b"second", media_dir)
    assert not (media_dir / first).exists()
    assert read_media(conn, message_id, media_dir) == b"second"
    assert [p.name for p in media_dir.iterdir()] == [second]


def test_tampering_and_swapping_are_detected(conn: Any, media_dir: Path) -> None:
    a = apply_incoming_message(conn, image()).message_id
    b = apply_incoming_message(conn, image()).message_id
    name_a = save_media(conn, a, b"aaaa", media_dir)
    name_b = save_media(conn, b, b"bbbb", media_dir)
    sealed = bytearray((media_dir / name_a).read_bytes())
    sealed[-1] ^= 1
    (media_dir / name_a).write_bytes(bytes(sealed))
    with pytest.raises(MediaFileError, match="damaged"):
        read_media(conn, a, media_dir)
    # Same key would not help either: the file name is bound into each file.
    (media_dir / name_a).write_bytes((media_dir / name_b).read_bytes())
    with pytest.raises(MediaFileError):
        read_media(conn, a, media_dir)
    (media_dir / name_b).unlink()
    with pytest.raises(MediaFileError, match="missing"):
        read_media(conn, b, media_dir)


def test_no_file_no_message(conn: Any, media_dir: Path) -> None:
    text_id = apply_incoming_message(conn, incoming()).message_id
    assert read_media(conn, text_id, media_dir) is None
    assert read_media(conn, 999, media_dir) is None
    with pytest.raises(MediaFileError):
        save_media(conn, 999, b"x", media_dir)
    assert list(media_dir.iterdir()) == []


def test_orphans_are_removed(conn: Any, media_dir: Path) -> None:
    message_id = apply_incoming_message(conn, image()).message_id
    kept = save_media(conn, message_id, b"keep", media_dir)
    (media_dir / (os.urandom(16).hex() + ".wdm")).write_bytes(b"orphan")
    (media_dir / "half.wdm.tmp").write_bytes(b"interrupted write")
    (media_dir / "notes.txt").write_text("not ours")
    assert remove_orphan_files(conn, media_dir) == 1
    assert sorted(p.name for p in media_dir.iterdir()) == sorted([kept, "notes.txt"])


def test_deleting_refuses_paths_outside_the_folder(media_dir: Path) -> None:
    with pytest.raises(MediaFileError):
        delete_media_file(media_dir, "../wadesk.db")
    with pytest.raises(MediaFileError):
        delete_media_file(media_dir, "settings.json")
