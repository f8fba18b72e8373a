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


# Transactions and savepoints spelled out, for the callers that run their own: the
# relay's group-commit writer (one BEGIN ... COMMIT around many callers, each in a
# savepoint) and the loops that skip one bad item of a batch without losing the rest.
def begin_immediate(conn: Connection) -> None:
    _run(conn, "BEGIN IMMEDIATE")


def commit(conn: Connection) -> None:
    _run(conn, "COMMIT")


def rollback(conn: Connection) -> None:
    """Roll back the open transaction, if SQLite has not already; never raises."""
    _rollback(conn)


class Savepoint:
    """A named savepoint whose statements are built once (the group-commit writer opens
    and releases one per caller: each step is one method call and one execute).

        point.open(conn)
        try:
            one_item(conn)
        except Exception:
            point.undo(conn)     # only this item's writes go; raises if the whole
            ...                  # transaction is gone (the caller must not go on)
        else:
            point.release(conn)
    """

    __slots__ = ("_open", "_release", "_undo")

    def __init__(self, name: str) -> None:
        if not name.isidentifier():
            raise ValueError("a savepoint name must be a plain identifier")
        self._open = f"SAVEPOINT {name}"
        self._release = f"RELEASE {name}"
        self._undo = f"ROLLBACK TO {name}"

    def open(self, conn: Connection) -> None:
        conn.execute(self._open)

    def release(self, conn: Connection) -> None:
        conn.execute(self._release)

    def undo(self, conn: Connection) -> None:
        """Undo everything since open() and release the savepoint. Raises when it cannot
        (SQLite already rolled back the whole transaction, after SQLITE_FULL say): the
        caller must then give up the whole transaction, not go on without one."""
        conn.execute(self._undo)
        conn.execute(self._release)

