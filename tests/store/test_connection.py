"""Opening the encrypted database: create flag, keys, pragmas, roles."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from wadesk.store import connection, migrations
from wadesk.store.connection import checkpoint, open_database
from wadesk.store.errors import (
    CorruptDatabaseError,
    DatabaseMissingError,
    RoleMismatchError,
    WrongKeyError,
)
from wadesk.store.ingest import apply_incoming_message
from wadesk.store.messages import get_message_by_wamid

from .factories import incoming, raw_sqlcipher


def test_missing_file_is_never_created_without_create(db_path: Path, key: bytes) -> None:
    with pytest.raises(DatabaseMissingError):
        open_database(db_path, key=key)
    assert list(db_path.parent.iterdir()) == [db_path.parent / "media"]


def test_create_then_reopen_keeps_data(db_path: Path, key: bytes) -> None:
    conn = open_database(db_path, key=key, create=True)
    apply_incoming_message(conn, incoming("Grüße aus München", wamid="wamid.keep"))
    conn.close()
    conn = open_database(db_path, key=key)
    assert get_message_by_wamid(conn, "wamid.keep").text == "Grüße aus München"
    conn.close()


def test_the_file_is_encrypted(db_path: Path, key: bytes) -> None:
    conn = open_database(db_path, key=key, create=True)
    apply_incoming_message(conn, incoming("unverschlüsselt-sichtbar"))
    checkpoint(conn)
    conn.close()
    data = db_path.read_bytes()
    assert not data.startswith(b"SQLite format 3")
    assert "unverschlüsselt-sichtbar".encode() not in data
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(db_path).execute("SELECT * FROM sqlite_master").fetchall()


@pytest.mark.parametrize(("role", "synchronous"), [("replica", 1), ("relay", 2)])
def test_pragmas(tmp_path: Path, key: bytes, role: str, synchronous: int) -> None:
    conn = open_database(tmp_path / f"{role}.db", key=key, role=role, create=True)  # type: ignore[arg-type]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == synchronous
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2
    assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    assert conn.execute("PRAGMA application_id").fetchone()[0] == connection.APPLICATION_ID
    assert conn.execute("PRAGMA cipher_version").fetchone()[0].startswith("4.")
    assert conn.execute("PRAGMA cipher_hmac_algorithm").fetchone()[0] == "HMAC_SHA256"
    conn.close()


def test_passphrase_mode(db_path: Path) -> None:
    conn = open_database(db_path, passphrase="it's a 'quoted' Passwort ü", create=True)
    apply_incoming_message(conn, incoming(wamid="wamid.pass"))
    conn.close()
    conn = open_database(db_path, passphrase="it's a 'quoted' Passwort ü")
    assert get_message_by_wamid(conn, "wamid.pass") is not None
    conn.close()
    with pytest.raises(WrongKeyError):
        open_database(db_path, passphrase="it's a 'quoted' Passwort u")


def test_raw_key_and_passphrase_are_not_interchangeable(db_path: Path, key: bytes) -> None:
    open_database(db_path, key=key, create=True).close()
    with pytest.raises(WrongKeyError):
        open_database(db_path, passphrase=key.hex())


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({}, "exactly one"),
        ({"key": b"k" * 32, "passphrase": "x"}, "exactly one"),
        ({"key": b"short"}, "32 bytes"),
        ({"key": "k" * 32}, "32 bytes"),
        ({"passphrase": ""}, "non-empty"),
        ({"passphrase": "nul\x00byte"}, "NUL"),
    ],
)
def test_bad_keys_are_refused_before_touching_anything(db_path: Path, kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        open_database(db_path, create=True, **kwargs)
    assert not db_path.exists()


def test_unknown_role_is_refused(db_path: Path, key: bytes) -> None:
    with pytest.raises(ValueError):
        open_database(db_path, key=key, role="server", create=True)  # type: ignore[arg-type]
    assert not db_path.exists()


def test_a_replica_is_never_opened_as_relay(db_path: Path, key: bytes) -> None:
    open_database(db_path, key=key, create=True).close()
    with pytest.raises(RoleMismatchError):
        open_database(db_path, key=key, role="relay")


def test_a_foreign_encrypted_database_is_not_adopted(db_path: Path, key: bytes) -> None:
    foreign = raw_sqlcipher(db_path, key)
    foreign.execute("CREATE TABLE notes(x)")
    foreign.commit()
    foreign.close()
    with pytest.raises(CorruptDatabaseError, match="not a wadesk"):
        open_database(db_path, key=key, create=True)


def test_an_empty_file_counts_as_new_only_with_create(db_path: Path, key: bytes) -> None:
    db_path.touch()
    with pytest.raises(CorruptDatabaseError):
        open_database(db_path, key=key)
    assert db_path.stat().st_size == 0
    open_database(db_path, key=key, create=True).close()
    open_database(db_path, key=key).close()


def test_checkpoint_empties_the_wal(db_path: Path, key: bytes) -> None:
    conn = open_database(db_path, key=key, create=True)
    apply_incoming_message(conn, incoming())
    wal = Path(str(db_path) + "-wal")
    assert wal.stat().st_size > 0
    assert checkpoint(conn) is True
    assert wal.stat().st_size == 0
    conn.close()


def test_a_second_connection_reads_what_the_first_committed(db_path: Path, key: bytes) -> None:
    writer = open_database(db_path, key=key, create=True)
    reader = open_database(db_path, key=key)
    apply_incoming_message(writer, incoming(wamid="wamid.shared"))
    assert get_message_by_wamid(reader, "wamid.shared") is not None
    writer.close()
    reader.close()
