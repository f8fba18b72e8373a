"""Opening the encrypted database: key, checks, pragmas, migrations.

The order matters and is the point of this module. Nothing is written before the key
has been proven right by reading the schema, the schema version is known not to be
from the future, and the file is known to be a wadesk database of the requested role:
a wrong key, a damaged file or a newer file is reported and left exactly as it was
(switching to WAL, for example, writes the header, so it comes after all checks).
A database that needs migrating is copied first (`wadesk.db.bak-vN`, same key); how
long such a copy is kept, and that an erasure deletes it: migration_backups.py.

Keys: the desktop's key is 32 random bytes from the OS keychain, given to SQLCipher as
a raw key (`PRAGMA key = "x'…'"`, no key derivation, so opening takes milliseconds).
Where no keychain exists the user explicitly chooses a passphrase, and SQLCipher's own
PBKDF2 derives the key (slow on purpose, about a third of a second per open).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

import sqlcipher3

from wadesk.store import migration_backups, migrations
from wadesk.store._db import Connection, execute, query_one, transaction
from wadesk.store.errors import (
    CorruptDatabaseError,
    DatabaseFromFutureError,
    DatabaseMissingError,
    RoleMismatchError,
    StorageAccessError,
    StoreError,
    WrongKeyError,
    is_not_a_database,
    translate,
)

Role = Literal["replica", "relay"]

KEY_BYTES = 32
# 'wdsk' in the header marks our files, so another app's database is never migrated.
APPLICATION_ID = 0x7764736B
# Per connection. The working set of the UI (conversation list, an open chat, recent
# search hits) fits easily; every page that stays cached is a page not decrypted again.
CACHE_KIB = 32_000
BUSY_TIMEOUT_MS = 5_000
CIPHER_HMAC = "HMAC_SHA256"

_PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"
_PAGE_SIZE = 4096


def open_database(
    path: Path | str,
    *,
    key: bytes | None = None,
    passphrase: str | None = None,
    role: Role = "replica",
    create: bool = False,
    check_same_thread: bool = True,
) -> Any:
    """An open, checked, migrated sqlcipher3 connection in autocommit mode.

    Exactly one of `key` (32 raw bytes) and `passphrase` is given. Without `create`, a
    missing file raises DatabaseMissingError and nothing is created. Raises
    WrongKeyError, CorruptDatabaseError, DatabaseFromFutureError, RoleMismatchError,
    or another StoreError for environment problems; the file is then untouched.
    """
    if (key is None) == (passphrase is None):
        raise ValueError("give exactly one of key and passphrase")
    statements = key_statements(key=key, passphrase=passphrase)
    path = Path(path)

    def connect(target: Path, mode: str) -> Any:
        return sqlcipher3.connect(
            target.resolve().as_uri() + f"?mode={mode}",
            uri=True,
            isolation_level=None,
            check_same_thread=check_same_thread,
        )

    def key_connection(conn: Any) -> None:
        # Silence SQLCipher's own stderr logging: every failure it would log reaches
        # the caller as a typed error, and a GUI app has no one reading stderr.
        conn.execute("PRAGMA cipher_log_level = NONE")
        for statement in statements:
            conn.execute(statement)

    return _open(path, role, create, connect, key_connection)


def _open_plain_for_bench(path: Path | str, role: Role = "replica", driver: Any = sqlite3) -> Any:
    """The same schema, pragmas and migrations on an unencrypted database, through the
    stdlib's sqlite3 (or, with driver=sqlcipher3, SQLCipher's own SQLite without a key).

    Only for bench/store_bench.py's plain baseline: wadesk never stores history
    unencrypted."""

    def connect(target: Path, mode: str) -> Any:
        return driver.connect(
            target.resolve().as_uri() + f"?mode={mode}", uri=True, isolation_level=None
        )

    return _open(Path(path), role, True, connect, lambda conn: None, encrypted=False)


def checkpoint(conn: Connection, *, truncate: bool = True) -> bool:
    """Copy the WAL into the database file; True when it completed.

    TRUNCATE also empties the WAL file: after an erasure that is what removes the
    old page images (still encrypted, but readable to whoever has the key)."""
    mode = "TRUNCATE" if truncate else "PASSIVE"
    row = query_one(conn, f"PRAGMA wal_checkpoint({mode})")
    return row is not None and row[0] == 0


def stop_auto_checkpoints(conn: Connection) -> None:
    """No checkpoint inside a COMMIT any more on this connection: the relay's writer
    has them run on a thread of their own (relay/writer.py)."""
    execute(conn, "PRAGMA wal_autocheckpoint = 0")


def cipher_version(conn: Connection) -> str | None:
    """The SQLCipher version this connection runs on (None on plain SQLite)."""
    row = query_one(conn, "PRAGMA cipher_version")
    return None if row is None else str(row[0])


def backup_path(path: Path, version: int) -> Path:
    """Where the copy made before migrating from `version` goes (never overwritten;
    how long it is kept: migration_backups.py)."""
    candidate = path.with_name(f"{path.name}.bak-v{version}")
    counter = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.bak-v{version}.{counter}")
        counter += 1
    return candidate


def key_statements(*, key: bytes | None = None, passphrase: str | None = None) -> list[str]:
    """The statements that key a fresh SQLCipher connection for a wadesk database
    (exported for tools and tests that open a file without the store)."""
    # PRAGMA takes no bound parameters, so the key is formatted here and nowhere else.
    if key is not None:
        if not isinstance(key, bytes) or len(key) != KEY_BYTES:
            raise ValueError("the database key must be 32 bytes")
        keying = f"PRAGMA key = \"x'{key.hex()}'\""
    else:
        if not passphrase or "\x00" in passphrase:
            raise ValueError("the passphrase must be non-empty text without NUL characters")
        escaped = passphrase.replace("'", "''")
        keying = f"PRAGMA key = '{escaped}'"
    # SQLCipher 4 defaults throughout (AES-256, PBKDF2-HMAC-SHA512 with 256,000
    # iterations for passphrases, 4096-byte pages) except the page MAC: HMAC-SHA256
    # instead of HMAC-SHA512. Both authenticate a page equally well; SHA-256 runs at
    # twice the speed on CPUs with SHA extensions, and MACs are most of the work of
    # writing a page (a third less CPU per committed page, measured). Not stored in
    # the file: every connection must say it, or the key looks wrong.
    return [keying, f"PRAGMA cipher_hmac_algorithm = {CIPHER_HMAC}"]


def _open(
    path: Path,
    role: str,
    create: bool,
    connect: Callable[[Path, str], Any],
    key_connection: Callable[[Any], None],
    *,
    encrypted: bool = True,
) -> Any:
    if role not in migrations.ROLES:
        raise ValueError(f"unknown role {role!r}")
    exists = path.exists()
    if not exists and not create:
        raise DatabaseMissingError(f"There is no history database at {path}.", path)
    if exists and encrypted:
        _check_file(path, create)
        if Path(f"{path}-wal").exists():
            # A WAL left by a crash: closing a read-write connection would checkpoint
            # it into the file even when the key is wrong. So the checks run first on
            # a read-only connection, which can never write the file or the WAL.
            probe = _connect(connect, path, "ro")
            try:
                key_connection(probe)
                _checked_version(probe, path, role)
            finally:
                probe.close()
    # mode=rw never creates a file, so not even a race can make one appear.
    conn = _connect(connect, path, "rwc" if create else "rw")
    try:
        key_connection(conn)
        version = _checked_version(conn, path, role)
        _set_pragmas(conn, role)
        if version < migrations.LATEST:
            if version > 0:
                _backup(conn, path, version, connect, key_connection)
            _migrate(conn, path, role, backed_up=version > 0)
        else:
            # Copies made before earlier migrations live only as long as the policy
            # in migration_backups.py says.
            migration_backups.after_open(conn, path)
    except BaseException:
        conn.close()
        raise
    return conn


def _connect(connect: Callable[[Path, str], Any], path: Path, mode: str) -> Any:
    try:
        return connect(path, mode)
    except Exception as exc:
        raise StorageAccessError(f"The history database {path} cannot be opened.", path) from exc


def _checked_version(conn: Any, path: Path, role: str) -> int:
    """The schema version, once the key, the version and the file's identity are
    known to be right; reads only."""
    objects = _read_schema_size(conn, path)
    version = query_one(conn, "PRAGMA user_version")[0]
    if version > migrations.LATEST:
        raise DatabaseFromFutureError(version, migrations.LATEST, path)
    _check_identity(conn, path, version, objects, role)
    return version


def _check_file(path: Path, create: bool) -> None:
    """Reject what is certainly not an encrypted wadesk file before SQLite sees it."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(len(_PLAIN_SQLITE_HEADER))
    except OSError as exc:
        raise StorageAccessError(f"The history database {path} cannot be read.", path) from exc
    if size == 0:
        if create:
            return  # an empty file holds nothing to lose: SQLite treats it as new
        raise CorruptDatabaseError(f"The history database {path} is empty.", path)
    if head == _PLAIN_SQLITE_HEADER:
        raise CorruptDatabaseError(
            f"{path} is an unencrypted SQLite database, not a wadesk history.", path
        )
    if size % _PAGE_SIZE:
        raise CorruptDatabaseError(
            f"{path} is not a wadesk history database, or it is damaged (truncated).", path
        )


def _read_schema_size(conn: Any, path: Path) -> int:
    """Prove the key by decrypting page 1 and reading the schema."""
    try:
        return conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except Exception as exc:
        if is_not_a_database(exc):
            # SQLCipher cannot tell a wrong key from a damaged first page: both fail the
            # page's HMAC. _check_file has already ruled out what can be told apart.
            raise WrongKeyError(
                "The history database cannot be decrypted with this key. Either the key "
                "is wrong or the start of the file is damaged.",
                path,
            ) from exc
        typed = translate(exc, path)
        if typed is not None:
            raise typed from exc
        raise


def _check_identity(conn: Any, path: Path, version: int, objects: int, role: str) -> None:
    application_id = query_one(conn, "PRAGMA application_id")[0]
    if version == 0:
        if objects or application_id not in (0, APPLICATION_ID):
            raise CorruptDatabaseError(f"{path} is not a wadesk history database.", path)
        return
    if application_id != APPLICATION_ID:
        raise CorruptDatabaseError(f"{path} is not a wadesk history database.", path)
    row = query_one(conn, "SELECT value FROM store_meta WHERE key = 'role'")
    if row is None or row[0] != role:
        found = row[0] if row else "unknown"
        raise RoleMismatchError(
            f"{path} belongs to a wadesk {found}, not to a {role}.", path
        )


def _set_pragmas(conn: Any, role: str) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    mode = query_one(conn, "PRAGMA journal_mode = WAL")[0]
    if str(mode).lower() != "wal":
        raise StoreError(f"The history database could not switch to WAL (got {mode}).")
    if role == "relay":
        # The relay answers Meta's webhook with 200 only after a durable commit: a power
        # loss must not lose a message Meta will never send again.
        conn.execute("PRAGMA synchronous = FULL")
    else:
        # WAL + NORMAL survives any crash of the app (a commit is in the OS once COMMIT
        # returns); only a power loss can drop the last commits, and the replica re-syncs
        # them from the relay. FULL would add an fsync to every commit.
        conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA temp_store = MEMORY")  # no plaintext temp files beside the db
    conn.execute("PRAGMA secure_delete = ON")  # freed content is zeroed, not left behind
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")


def _backup(
    conn: Any,
    path: Path,
    version: int,
    connect: Callable[[Path, str], Any],
    key_connection: Callable[[Any], None],
) -> None:
    """An encrypted copy (same key) of the database as it is before migrating."""
    target = backup_path(path, version)
    try:
        copy = connect(target, "rwc")
        try:
            key_connection(copy)
            conn.backup(copy)
        finally:
            copy.close()
    except Exception as exc:
        target.unlink(missing_ok=True)
        typed = translate(exc, target)
        raise (typed or StoreError("The backup before the update failed.", target)) from exc


def _migrate(conn: Any, path: Path, role: str, *, backed_up: bool) -> None:
    with transaction(conn):
        # Read again under the write lock: another process may have migrated meanwhile.
        version = query_one(conn, "PRAGMA user_version")[0]
        if version > migrations.LATEST:
            raise DatabaseFromFutureError(version, migrations.LATEST, path)
        migrations.apply_pending(conn, version, role)
        if version == 0:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute("INSERT INTO store_meta(key, value) VALUES ('role', ?)", (role,))
        if backed_up:
            migration_backups.started(conn)
