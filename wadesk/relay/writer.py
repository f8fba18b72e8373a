"""Group commit: one writer thread, one connection, many callers per COMMIT.

With `synchronous=FULL` every COMMIT waits for an fsync (milliseconds on a VPS disk).
One transaction per webhook would cap the relay at a few hundred webhooks a second;
here, whatever is queued while one COMMIT is being written joins the next one:

    BEGIN IMMEDIATE
      SAVEPOINT w; fn1(conn); RELEASE w        -- each caller in its own savepoint,
      SAVEPOINT w; fn2(conn); ROLLBACK TO w    -- so a failing fn undoes only itself
      ...
    COMMIT                                      -- one fsync for all of them
    -> every caller's future resolves (result or exception) after the COMMIT

If the COMMIT itself fails (disk full, I/O error), every caller of that group gets the
error and nothing of the group is stored, so no caller is ever told "stored" wrongly.

Under load (the last group held more than one call) a new group waits a moment while
calls keep arriving, at most GATHER_MAX_S: fewer, fuller COMMITs cost less CPU per
webhook, and an idle relay never waits.

Callers of one kind can also share the work, not only the COMMIT: a callable with a
`combine` attribute (a plain function, `combine(conn, fns) -> [result per fn]`) is run
together with the callables next to it in the queue that carry the same `combine`,
in ONE savepoint (the webhook intake: one lookup and one INSERT for dozens of
webhooks). If `combine` raises, that savepoint is rolled back and each of them runs
alone in its own savepoint, as above: sharing never changes who gets which outcome.
"""

from __future__ import annotations

import asyncio
import logging
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from wadesk.store import events
from wadesk.store._db import Savepoint, begin_immediate, commit, rollback
from wadesk.store.connection import checkpoint, stop_auto_checkpoints

log = logging.getLogger(__name__)

# A bound on one group: keeps the time one transaction holds the lock (and the latency
# of its first caller) small even under a flood.
MAX_GROUP = 512
# Checkpoints (copying the WAL into the database file, with its own fsync) run on a
# thread of their own every CHECKPOINT_EVERY_S instead of inside whichever COMMIT
# crosses SQLite's 1000-page mark: that COMMIT's callers would wait for it, and pages
# rewritten many times between two checkpoints are copied once.
CHECKPOINT_EVERY_S = 0.5
# Gathering a group under load (see _take_group): steps, and the most it waits in all.
GATHER_STEP_S = 0.0006
GATHER_MAX_S = 0.004
_STOP = object()


class GroupCommitWriter:
    def __init__(
        self,
        connect: Callable[[], Any],
        *,
        on_commit: Callable[[int], None] | None = None,
    ) -> None:
        """`connect()` opens the writer's connection on the writer thread;
        `on_commit(latest_seq)` is called (on the writer thread) after every commit
        that moved the event log forward, before the callers' futures resolve."""
        self._connect = connect
        self._on_commit = on_commit
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._started: Future[None] = Future()
        self._conn: Any = None
        self._checkpointer: threading.Thread | None = None
        self._stopping = threading.Event()
        self._last_group = 0
        self.groups = 0  # statistics for the benchmark and /healthz
        self.calls = 0

    def start(self) -> Future[None]:
        self._thread = threading.Thread(target=self._run, name="wadesk-relay-writer", daemon=True)
        self._thread.start()
        return self._started

    def submit(self, fn: Callable[[Any], Any]) -> Future[Any]:
        """From any thread: a concurrent Future of fn's result, resolved after COMMIT."""
        future: Future[Any] = Future()
        if self._thread is None or not self._thread.is_alive():
            future.set_exception(RuntimeError("the relay's writer is not running"))
            return future
        self._queue.put((fn, future))
        return future

    def submit_async(self, fn: Callable[[Any], Any],
                     loop: asyncio.AbstractEventLoop | None = None) -> asyncio.Future[Any]:
        """From a running event loop (`loop`, if the caller knows it: asking costs a
        system call): an asyncio Future. All of a group's futures of one loop are
        resolved by ONE call_soon_threadsafe (one wake-up of the loop, not one per
        caller)."""
        loop = loop or asyncio.get_running_loop()
        future: asyncio.Future[Any] = loop.create_future()
        if self._thread is None or not self._thread.is_alive():
            future.set_exception(RuntimeError("the relay's writer is not running"))
            return future
        self._queue.put((fn, (loop, future)))
        return future

    def stop(self, timeout: float = 30.0) -> None:
        if self._thread is None:
            return
        self._stopping.set()
        if self._checkpointer is not None:
            self._checkpointer.join(timeout)
            self._checkpointer = None
        self._queue.put(_STOP)
        self._thread.join(timeout)
        self._thread = None

    def _checkpoint_loop(self) -> None:
        try:
            conn = self._connect()
        except Exception:
            log.exception("the checkpoint thread could not open the database")
            return
        try:
            while not self._stopping.wait(CHECKPOINT_EVERY_S):
                try:
                    # PASSIVE never waits for (or blocks) the writer or the readers.
                    checkpoint(conn, truncate=False)
                except Exception as exc:
                    log.warning("checkpoint failed", extra={"error": type(exc).__name__})
        finally:
            conn.close()

    # The writer thread ------------------------------------------------------------
    def _run(self) -> None:
        try:
            self._conn = self._connect()
            stop_auto_checkpoints(self._conn)
            self._last_seq = events.latest_seq(self._conn)
        except BaseException as exc:
            self._started.set_exception(exc)
            return
        self._checkpointer = threading.Thread(target=self._checkpoint_loop,
                                              name="wadesk-relay-checkpoint", daemon=True)
        self._checkpointer.start()
        self._started.set_result(None)
        try:
            while True:
                group, stopping = self._take_group()
                if group:
                    self._commit_group(group)
                if stopping:
                    break
        finally:
            self._fail_pending(RuntimeError("the relay's writer stopped"))
            try:
                # Leave a small WAL behind: the next start (and backups) read less.
                checkpoint(self._conn, truncate=True)
            except Exception:
                pass
            try:
                self._conn.close()
            except Exception:
                pass

    def _take_group(self) -> tuple[list[tuple[Callable[[Any], Any], Future[Any]]], bool]:
        first = self._queue.get()
        if first is _STOP:
            return [], True
        group = [first]
        stopping = self._drain(group)
        if self._last_group > 1:
            # Under load: the answers of the last group have just gone out and their
            # clients' next requests are arriving, but the event loop needs the GIL to
            # read them. Waiting a moment while they keep coming makes one COMMIT of
            # what would otherwise be two or three (less CPU per webhook, and sooner
            # answered); an idle relay (last group of one) never waits.
            waited = 0.0
            while not stopping and len(group) < MAX_GROUP and waited < GATHER_MAX_S:
                time.sleep(GATHER_STEP_S)
                waited += GATHER_STEP_S
                if self._queue.empty():
                    break
                stopping = self._drain(group)
        self._last_group = len(group)
        return group, stopping

    def _drain(self, group: list[Any]) -> bool:
        """Move what is queued into `group` (up to MAX_GROUP); True at the stop mark."""
        while len(group) < MAX_GROUP:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                return False
            if item is _STOP:
                return True
            group.append(item)
        return False

    def _commit_group(self, group: list[tuple[Callable[[Any], Any], Future[Any]]]) -> None:
        conn = self._conn
        outcomes: list[tuple[bool, Any]] = []
        try:
            begin_immediate(conn)
            i = 0
            while i < len(group):
                combine = getattr(group[i][0], "combine", None)
                j = i + 1
                if combine is None:
                    outcomes.append(_call_alone(conn, group[i][0]))
                else:
                    while j < len(group) and getattr(group[j][0], "combine", None) is combine:
                        j += 1
                    outcomes.extend(_call_combined(conn, combine, [fn for fn, _ in group[i:j]]))
                i = j
            latest = events.latest_seq(conn)
            commit(conn)
        except BaseException as exc:
            log.error("group commit failed", extra={"calls": len(group), "error": type(exc).__name__})
            rollback(conn)
            for _fn, target in group:
                _fail(target, exc)
            return
        self.groups += 1
        self.calls += len(group)
        if latest > self._last_seq:
            self._last_seq = latest
            if self._on_commit is not None:
                self._on_commit(latest)
        by_loop: dict[Any, list[tuple[asyncio.Future[Any], bool, Any]]] = {}
        for (_fn, target), (ok, value) in zip(group, outcomes):
            if isinstance(target, tuple):
                by_loop.setdefault(target[0], []).append((target[1], ok, value))
            elif ok:
                target.set_result(value)
            else:
                target.set_exception(value)
        for loop, results in by_loop.items():
            try:
                loop.call_soon_threadsafe(_resolve, results)
            except RuntimeError:  # that loop is closed: nobody waits any more
                pass

    def _fail_pending(self, exc: BaseException) -> None:
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                return
            if item is not _STOP:
                _fail(item[1], exc)


# Each caller's savepoint (its statements are built once, not per call).
_EACH = Savepoint("w")


def _call_alone(conn: Any, fn: Callable[[Any], Any]) -> tuple[bool, Any]:
    _EACH.open(conn)
    try:
        result = fn(conn)
    except BaseException as exc:  # the caller gets it; the others go on
        _EACH.undo(conn)
        return False, exc
    _EACH.release(conn)
    return True, result


def _call_combined(conn: Any, combine: Callable[[Any, list[Any]], list[Any]],
                   fns: list[Callable[[Any], Any]]) -> list[tuple[bool, Any]]:
    _EACH.open(conn)
    try:
        results = combine(conn, fns)
        if len(results) != len(fns):
            raise RuntimeError("combine returned a result count that does not match")
    except Exception as exc:
        _EACH.undo(conn)
        # Not an error of its own: one of them has a problem, and running them one by
        # one tells which (each caller gets its own outcome).
        log.warning("combined write failed; running its calls one by one",
                    extra={"calls": len(fns), "error": type(exc).__name__})
        return [_call_alone(conn, fn) for fn in fns]
    _EACH.release(conn)
    return [(True, result) for result in results]


def _resolve(results: list[tuple[asyncio.Future[Any], bool, Any]]) -> None:
    for future, ok, value in results:
        if future.done():  # the caller was cancelled (e.g. its client went away)
            continue
        if ok:
            future.set_result(value)
        else:
            future.set_exception(value)


def _fail(target: Any, exc: BaseException) -> None:
    if isinstance(target, tuple):
        loop, future = target
        try:
            loop.call_soon_threadsafe(_resolve, [(future, False, exc)])
        except RuntimeError:
            pass
    elif not target.done():
        target.set_exception(exc)
