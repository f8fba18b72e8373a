"""After a deletion (and a checkpoint) the text is nowhere: not in the database file,
not in the WAL, not in the search index, not anywhere under the profile directory.

The files are encrypted, so a plain grep proves little on its own: the test decrypts
every page of the database and every frame of the WAL with the key (tests/store/
sqlcipher_pages.py) and looks there too, and first shows that it does find the marker
before the deletion."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from wadesk.store.connection import checkpoint, open_database
from wadesk.store.deletion import delete_message, erase_contact
from wadesk.store.ingest import apply_messages
from wadesk.store.media_files import save_media
from wadesk.store.messages import get_message_by_wamid
from wadesk.store.search import search_messages

from .factories import image, incoming, indexed_terms
from .sqlcipher_pages import database_pages, wal_pages

MARKER = "Quokkafeuerzangenbowle7319"  # one token, unique in the whole profile
FOLDED = MARKER.lower()


def _found_in_decrypted_files(db_path: Path, key: bytes, needle: bytes) -> list[str]:
    places = []
    for number, page in enumerate(database_pages(db_path, key), start=1):
        if needle in page:
            places.append(f"db page {number}")
    for number, page in enumerate(wal_pages(Path(f"{db_path}-wal"), key), start=1):
        if needle in page:
            places.append(f"wal frame {number}")
    return places


def _found_in_raw_files(profile: Path, needles: list[bytes]) -> list[str]:
    return [
        str(path)
        for path in profile.rglob("*")
        if path.is_file() and any(needle in path.read_bytes() for needle in needles)
    ]


def _needles(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.lower().encode("utf-8"), text.encode("utf-16-le")]


@pytest.fixture
def store(profile: Path, db_path: Path, key: bytes) -> Any:
    conn = open_database(db_path, key=key, create=True)
    filler = [incoming(f"Alltag {i}: Lieferung am Dienstag, danke!", n=i % 4, ts=i) for i in range(300)]
    apply_messages(conn, filler[:150])
    apply_messages(conn, [
        incoming(f"Mein Geheimwort ist {MARKER}, bitte vergessen", wamid="wamid.secret", ts=500,
                 raw_json=f'{{"text": {{"body": "{MARKER}"}}}}'),
    ])
    apply_messages(conn, filler[150:])
    yield conn
    conn.close()


def test_the_decrypting_check_does_see_the_marker_before(store: Any, db_path: Path, key: bytes) -> None:
    checkpoint(store)
    assert _found_in_decrypted_files(db_path, key, MARKER.encode())
    assert FOLDED in indexed_terms(store)
    # ... while the raw files never show it: they are encrypted.
    assert _found_in_raw_files(db_path.parent, _needles(MARKER)) == []


def test_deleted_message_leaves_no_trace(store: Any, profile: Path, db_path: Path, key: bytes, media_dir: Path) -> None:
    message = get_message_by_wamid(store, "wamid.secret")
    assert delete_message(store, message.id, media_dir)
    assert checkpoint(store, truncate=True)

    assert search_messages(store, MARKER) == []
    assert FOLDED not in indexed_terms(store)
    # The index stores terms prefix-compressed: look for the marker's tail as well.
    for table in ("message_fts_data", "message_fts_idx", "messages", "message_fts_docsize"):
        for row in store.execute(f"SELECT * FROM {table}"):
            for value in row:
                if isinstance(value, bytes):
                    assert FOLDED[4:].encode() not in value, table
                elif isinstance(value, str):
                    assert FOLDED[4:] not in value.lower(), table
    assert Path(f"{db_path}-wal").stat().st_size == 0
    assert _found_in_decrypted_files(db_path, key, MARKER.encode()) == []
    assert _found_in_decrypted_files(db_path, key, FOLDED[4:].encode()) == []  # index suffixes
    assert _found_in_raw_files(profile, _needles(MARKER)) == []


def test_erased_contact_and_media_leave_no_trace(profile: Path, db_path: Path, key: bytes, media_dir: Path) -> None:
    conn = open_database(db_path, key=key, create=True)
    apply_messages(conn, [incoming(f"Füllung {i}", n=2, ts=i) for i in range(100)])
    result = apply_messages(conn, [image(f"Foto für {MARKER}", n=7, ts=200, wamid="wamid.photo")])[0]
    save_media(conn, result.message_id, b"JPEG " + MARKER.encode() * 10, media_dir)
    contact_id = conn.execute(
        "SELECT contact_id FROM conversations WHERE id = ?", (result.conversation_id,)
    ).fetchone()[0]
    checkpoint(conn)
    assert _found_in_decrypted_files(db_path, key, MARKER.encode())

    erase_contact(conn, contact_id, media_dir)
    checkpoint(conn, truncate=True)
    assert _found_in_decrypted_files(db_path, key, MARKER.encode()) == []
    assert _found_in_decrypted_files(db_path, key, "4915100000007".encode()) == []  # the number
    assert _found_in_raw_files(profile, _needles(MARKER)) == []
    assert FOLDED not in indexed_terms(conn)
    conn.close()
