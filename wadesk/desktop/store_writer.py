"""The UI's own writes to the store, run on the sync worker's database thread.

    writer = StoreWriter(conn)                 # the UI's connection: the fallback
    writer.use(worker.db.submit)               # from now on writes go to that thread
    writer.write(fn, on_done, on_error)        # fn(conn) there; on_done(result) here

The UI thread never waits for a write: `fn` runs on the database thread, in order with
the sync's own writes, and its result comes back by a queued signal, so `on_done` and
`on_error` always run on the UI thread. That thread drains its queue before it closes
(DbThread.close), so a send pressed just before quitting is kept. Without a database
thread (none attached yet, or it has already stopped) the write runs at once on the
UI's connection: losing it would be worse than a short wait.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[Exception], None]


class StoreWriter(QObject):
    _finished = Signal(object)  # (on_done, on_error, result, error), from the database thread

    def __init__(self, conn: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._conn = conn
        self._submit: Callable[..., Any] | None = None
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def use(self, submit: Callable[..., Any] | None) -> None:
        """`submit(fn)` runs fn(conn) on the database thread and returns its future
        (DbThread.submit); None: write on the UI's connection."""
        self._submit = submit

    def write(self, fn: Callable[[Any], Any], on_done: Done | None = None, on_error: Failed | None = None) -> None:
        submit = self._submit
        if submit is not None:
            try:
                future = submit(fn)
            except RuntimeError:  # the thread has stopped (quitting): write here instead
                future = None
            if future is not None:
                future.add_done_callback(lambda f: self._report(f, on_done, on_error))
                return
        try:
            result = fn(self._conn)
        except Exception as exc:  # noqa: BLE001 - handed to on_error like a threaded failure
            self._deliver((on_done, on_error, None, exc))
        else:
            self._deliver((on_done, on_error, result, None))

    def _report(self, future: Any, on_done: Done | None, on_error: Failed | None) -> None:
        """On the database thread: send the outcome to the UI thread."""
        if future.cancelled():
            return
        error = future.exception()
        try:
            self._finished.emit((on_done, on_error, None if error else future.result(), error))
        except RuntimeError:  # the window is gone (quitting): the write itself is kept
            pass

    def _deliver(self, outcome: tuple[Done | None, Failed | None, Any, Exception | None]) -> None:
        on_done, on_error, result, error = outcome
        if error is None:
            if on_done is not None:
                on_done(result)
            return
        if on_error is not None:
            on_error(error)
        else:
            log.error("a write of the user's action failed: %s", type(error).__name__)
