"""Wrong key, corrupt file, future schema, full disk: typed errors, and the file is
byte-for-byte what it was (no new -wal/-shm beside it either)."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from wadesk.store import migrations
from wadesk.store.connection import checkpoint, open_database
from wadesk.store.errors import (
    CorruptDatabaseError,
    DatabaseFromFutureError,
    DiskFullError,
    RoleMismatchError,
    StoreError,
    WrongKeyError,
)
from wadesk.store.ingest import apply_incoming_message, apply_messages
from wadesk.store.messages import get_message_by_wamid

from .factories import incoming, raw_sqlcipher


def _make_store(path: Path, key: bytes, messages: int = 20) -> None:
    conn = open_database(path, key=key, create=True)
    apply_messages(conn, [incoming(f"Nachricht {i}", n=i % 3) for i in range(messages)])
    conn.close()  # the last connection checkpoints and removes the -wal


def _snapshot(folder: Path) -> dict[str, bytes]:
    # The -shm is SQLite's rebuildable index of the WAL, holding no data; a read-only
    # check may (re)build it. The database and its WAL are what must not change.
    return {
        path.name: path.read_bytes()
        for path in sorted(folder.iterdir())
        if path.is_file() and not path.name.endswith("-shm")
    }


@contextmanager
def _unchanged(folder: Path) -> Iterator[None]:
    before = _snapshot(folder)
    yield
    assert _snapshot(folder) == before


def test_wrong_key(db_path: Path, key: bytes) -> None:
    _make_store(db_path, key)
    with _unchanged(db_path.parent):
        for attempt in range(2):
            with pytest.raises(WrongKeyError):
                open_database(db_path, key=os.urandom(32), create=bool(attempt))


def _crashed_copy(db_path: Path, key: bytes, folder: str, *, shm: bool = True) -> Path:
    """The files as a crash leaves them: a live WAL holding the last commits."""
    conn = open_database(db_path, key=key, create=True)
    apply_incoming_message(conn, incoming(wamid="wamid.in-wal"))
    copies = db_path.parent / folder
    copies.mkdir()
    for suffix in ("", "-wal", "-shm") if shm else ("", "-wal"):
        (copies / f"wadesk.db{suffix}").write_bytes(Path(f"{db_path}{suffix}").read_bytes())
    conn.close()
    assert (copies / "wadesk.db-wal").stat().st_size > 0
    return copies / "wadesk.db"


@pytest.mark.parametrize("shm", [True, False])
def test_wrong_key_with_a_wal_left_by_a_crash(db_path: Path, key: bytes, shm: bool) -> None:
    crashed = _crashed_copy(db_path, key, "copy", shm=shm)
    with _unchanged(crashed.parent):
        with pytest.raises(WrongKeyError):
            open_database(crashed, key=os.urandom(32))
    conn = open_database(crashed, key=key)
    assert get_message_by_wamid(conn, "wamid.in-wal") is not None
    conn.close()


def test_future_database_with_a_wal_left_by_a_crash(db_path: Path, key: bytes) -> None:
    crashed = _crashed_copy(db_path, key, "copy")
    raw = raw_sqlcipher(crashed, key)
    raw.execute("PRAGMA wal_autocheckpoint = 0")
    raw.execute(f"PRAGMA user_version = {migrations.LATEST + 7}")
    # Leave the WAL in place, as after a crash of that newer wadesk.
    (crashed.parent / "saved-wal").write_bytes(Path(f"{crashed}-wal").read_bytes())
    (crashed.parent / "saved-db").write_bytes(crashed.read_bytes())
    raw.close()
    Path(f"{crashed}-wal").write_bytes((crashed.parent / "saved-wal").read_bytes())
    crashed.write_bytes((crashed.parent / "saved-db").read_bytes())
    with _unchanged(crashed.parent):
        with pytest.raises(DatabaseFromFutureError):
            open_database(crashed, key=key)


@pytest.mark.parametrize(
    "damage",
    ["garbage", "text", "truncated", "plaintext_sqlite"],
)
def test_not_a_database(db_path: Path, key: bytes, damage: str) -> None:
    if damage == "garbage":
        db_path.write_bytes(os.urandom(4096 * 3 + 100))
    elif damage == "text":
        db_path.write_text("Dies ist keine Datenbank.\n" * 50, encoding="utf-8")
    elif damage == "truncated":
        _make_store(db_path, key)
        db_path.write_bytes(db_path.read_bytes()[:5000])
    else:
        plain = sqlite3.connect(db_path)
        plain.execute("CREATE TABLE t(x)")
        plain.commit()
        plain.close()
    with _unchanged(db_path.parent):
        for create in (False, True):
            with pytest.raises(CorruptDatabaseError):
                open_database(db_path, key=key, create=create)


def test_a_damaged_first_page_cannot_be_told_from_a_wrong_key(db_path: Path, key: bytes) -> None:
    _make_store(db_path, key)
    data = bytearray(db_path.read_bytes())
    data[100:116] = bytes(16)
    db_path.write_bytes(bytes(data))
    with _unchanged(db_path.parent):
        with pytest.raises((WrongKeyError, CorruptDatabaseError)):
            open_database(db_path, key=key)


def test_a_damaged_page_inside_is_reported_when_read(db_path: Path, key: bytes) -> None:
    _make_store(db_path, key, messages=400)
    data = bytearray(db_path.read_bytes())
    pages = len(data) // 4096
    for page in range(2, pages):  # everything but the schema page
        data[page * 4096 + 200 : page * 4096 + 232] = os.urandom(32)
    db_path.write_bytes(bytes(data))
    with _unchanged(db_path.parent):
        with pytest.raises(CorruptDatabaseError):
            conn = open_database(db_path, key=key)
            try:
                conn.execute("SELECT count(*), max(text) FROM messages").fetchall()
                from wadesk.store.messages import page_messages

                page_messages(conn, 1, limit=1000)
            finally:
                conn.close()


def test_database_from_the_future(db_path: Path, key: bytes) -> None:
    _make_store(db_path, key)
    raw = raw_sqlcipher(db_path, key)
    raw.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    raw.close()
    with _unchanged(db_path.parent):
        for create in (False, True):
            with pytest.raises(DatabaseFromFutureError) as caught:
                open_database(db_path, key=key, create=create)
    assert caught.value.found == migrations.LATEST + 1
    assert caught.value.known == migrations.LATEST
    assert "newer version" in str(caught.value)


def test_role_mismatch_leaves_the_file_alone(db_path: Path, key: bytes) -> None:
    _make_store(db_path, key)
    with _unchanged(db_path.parent):
        with pytest.raises(RoleMismatchError):
            open_database(db_path, key=key, role="relay")


def test_disk_full(db_path: Path, key: bytes) -> None:
    """SQLITE_FULL, made real by a page limit: typed error, nothing half-written, and
    the database file itself untouched by the failed transaction."""
    conn = open_database(db_path, key=key, create=True)
    apply_incoming_message(conn, incoming(wamid="wamid.before"))
    checkpoint(conn)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    before = db_path.read_bytes()
    big = [incoming("x" * 3000, wamid=f"wamid.full.{i}") for i in range(50)]
    with pytest.raises(DiskFullError) as caught:
        apply_messages(conn, big)
    assert isinstance(caught.value, StoreError)
    assert not conn.in_transaction
    assert get_message_by_wamid(conn, "wamid.full.0") is None
    assert get_message_by_wamid(conn, "wamid.before") is not None
    assert db_path.read_bytes() == before
    conn.close()
