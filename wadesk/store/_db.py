"""The thin layer every store module runs its SQL through.

It keeps two promises in one place: SQL only ever gets bound parameters, and driver
exceptions for known environment problems (disk full, corruption found mid-query, a
held lock) come out as the store's typed errors.

Connections are DB-API connections from `sqlcipher3` (the app) or `sqlite3` (only the
benchmark's plain baseline), always in autocommit mode (`isolation_level=None`) so
that transactions are exactly the ones `transaction()` opens.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Protocol

from wadesk.store.errors import translate

Params = Sequence[Any]


class Connection(Protocol):
    """What the store needs of a DB-API connection (sqlcipher3 or sqlite3)."""

    @property
    def in_transaction(self) -> bool: ...

    def execute(self, sql: str, parameters: Params = ..., /) -> Any: ...

    def executemany(self, sql: str, parameters: Any, /) -> Any: ...

    def close(self) -> None: ...


def query_all(conn: Connection, sql: str, params: Params = ()) -> list[tuple[Any, ...]]:
    try:
        return conn.execute(sql, params).fetchall()
    except Exception as exc:
        _reraise(exc)
        raise


def query_one(conn: Connection, sql: str, params: Params = ()) -> tuple[Any, ...] | None:
    try:
        return conn.execute(sql, params).fetchone()
    except Exception as exc:
        _reraise(exc)
        raise


def execute(conn: Connection, sql: str, params: Params = ()) -> int:
    """Run one write statement; the number of rows it changed."""
    try:
        return conn.execute(sql, params).rowcount
    except Exception as exc:
        _reraise(exc)
        raise


def insert(conn: Connection, sql: str, params: Params = ()) -> int:
    """Run one INSERT; the new row's rowid."""
    try:
        return conn.execute(sql, params).lastrowid
    except Exception as exc:
        _reraise(exc)
        raise


def execute_many(conn: Connection, sql: str, rows: Any) -> None:
    try:
        conn.executemany(sql, rows)
    except Exception as exc:
        _reraise(exc)
        raise


def _reraise(exc: Exception) -> None:
    typed = translate(exc)
    if typed is not None:
        raise typed from exc


@contextmanager
def transaction(conn: Connection) -> Iterator[None]:
    """One atomic unit of writes.

    Outside a transaction this is BEGIN IMMEDIATE ... COMMIT (immediate: take the write
    lock up front, so two writers never deadlock on a lock upgrade). Inside one (the
    sync worker applies a batch of events and its cursor together) it simply joins
    it: an error must then roll back the whole outer transaction, which leaving the
    outer `with transaction(...)` block does. No savepoint per call on purpose: each
    one makes FTS5 flush its pending terms to disk and SQLite copy every page it
    touches, which made batched ingest several times slower.
    """
    if conn.in_transaction:
        yield
        return
    _run(conn, "BEGIN IMMEDIATE")
    try:
        yield
        _run(conn, "COMMIT")
    except BaseException:
        _rollback(conn)
        raise


def _rollback(conn: Connection) -> None:
    # SQLite may already have rolled back by itself (e.g. after SQLITE_FULL); a failing
    # ROLLBACK must not hide the error that brought us here.
    if conn.in_transaction:
        try:
            conn.execute("ROLLBACK")
        except Exception:
            pass


def _run(conn: Connection, sql: str) -> None:
    try:
        conn.execute(sql)
    except Exception as exc:
        _reraise(exc)
        raise
