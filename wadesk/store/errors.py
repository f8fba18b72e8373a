"""The store's typed errors.

Known environment problems (a wrong key, a damaged file, a file from a newer wadesk, a
full disk, a file another program holds or cannot access) get their own classes so
the app can tell the user what happened; anything else is a bug and propagates as the
driver's own exception. No error path ever creates, truncates, repairs or overwrites a
database file: recovery is always the user's explicit choice.

Texts are meant for the user and never contain keys or message contents.
"""

from __future__ import annotations

from pathlib import Path

# SQLite primary result codes (the low byte of an extended code).
_SQLITE_PERM = 3
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26


class StoreError(Exception):
    """Base of every error the store raises on purpose."""

    def __init__(self, message: str, path: Path | str | None = None) -> None:
        super().__init__(message)
        self.path = Path(path) if path is not None else None


class DatabaseMissingError(StoreError):
    """The file does not exist and the caller did not ask to create it."""


class WrongKeyError(StoreError):
    """SQLCipher cannot decrypt the file with the given key or passphrase."""


class CorruptDatabaseError(StoreError):
    """Not a database, not a wadesk database, or damaged."""


class DatabaseFromFutureError(StoreError):
    """Written by a newer wadesk: this version does not know its schema."""

    def __init__(self, found: int, known: int, path: Path | str | None = None) -> None:
        super().__init__(
            f"This history was written by a newer version of wadesk (schema {found}; "
            f"this version knows up to {known}). Update wadesk to open it.",
            path,
        )
        self.found = found
        self.known = known


class RoleMismatchError(StoreError):
    """A relay database opened as a desktop replica, or the other way round."""


class DiskFullError(StoreError):
    """SQLITE_FULL: the disk (or the database's size limit) is full."""


class DatabaseBusyError(StoreError):
    """Another connection or program holds a lock for longer than the busy timeout."""


class StorageAccessError(StoreError):
    """The file cannot be opened, read or written (permissions, read-only medium, I/O)."""


def translate(exc: BaseException, path: Path | str | None = None) -> StoreError | None:
    """The StoreError for a driver exception that reports a known environment
    problem, or None when `exc` is something else (most likely a bug)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return None
    primary = code & 0xFF
    if primary == _SQLITE_FULL:
        return DiskFullError("The disk is full: wadesk could not save its history.", path)
    if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return CorruptDatabaseError("The history database is damaged.", path)
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return DatabaseBusyError("The history database is in use by another program.", path)
    if primary in (_SQLITE_PERM, _SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_CANTOPEN):
        return StorageAccessError(
            "The history database cannot be read or written (permissions or disk error).", path
        )
    return None


def is_not_a_database(exc: BaseException) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return isinstance(code, int) and (code & 0xFF) == _SQLITE_NOTADB
