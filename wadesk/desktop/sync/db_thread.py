"""The sync worker's one database thread with its one writer connection.

The network loop never touches SQLite itself: applying a page of events, claiming
outbox items or saving a downloaded file runs here, in submission order, and the
loop awaits the result. The connection is opened on this thread (SQLCipher
connections stay on the thread that made them), so the key is given as an opener.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
from collections.abc import Callable
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")


class DbThread:
    def __init__(self, open_connection: Callable[[], Any]) -> None:
        self._open = open_connection
        self._conn: Any = None
        self._executor = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="wadesk-db")

    def _call(self, fn: Callable[..., T], args: tuple[Any, ...]) -> T:
        if self._conn is None:
            self._conn = self._open()
        return fn(self._conn, *args)

    def submit(self, fn: Callable[..., T], *args: Any) -> concurrent.futures.Future[T]:
        """Run `fn(conn, *args)` on the database thread."""
        return self._executor.submit(self._call, fn, args)

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.wrap_future(self.submit(fn, *args))

    def close(self) -> None:
        def close_connection() -> None:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

        try:
            self._executor.submit(close_connection).result(timeout=10)
        except Exception as exc:  # closing must never keep the app from quitting
            log.warning("closing the sync connection failed: %s", type(exc).__name__)
        self._executor.shutdown(wait=True)
