"""The relay's shared machinery: the database (one writer, many readers), the event
notification for long-polls, and the Cloud API client.

Every handler of the relay reaches the database through a RelayContext:

    seq = await ctx.write(lambda conn: intake.store(conn, items))   # durable on return
    rows = await ctx.read(lambda conn: events.events_since(conn, 0, 100))

Writes run on ONE writer thread (see writer.py) and are group-committed: whatever
arrived while the previous COMMIT was being fsynced goes into the next transaction,
each callable in its own savepoint. So 50 concurrent webhooks cost one fsync, not 50,
and a failing callable rolls back only itself.

Reads run on a small pool of threads, each with its own connection (WAL: readers never
block the writer and see only committed data).
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections import Counter
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from wadesk.cloud.client import CloudClient
from wadesk.relay.config import RelayConfig
from wadesk.relay.writer import GroupCommitWriter
from wadesk.store import events
from wadesk.store.connection import open_database

T = TypeVar("T")
log = logging.getLogger(__name__)

OTHER_WRITERS_S = 2.0  # see _watch_other_writers
READER_THREADS = 4


class RelayContext:
    """One per running relay. `start()` before use, `stop()` at the end."""

    def __init__(self, config: RelayConfig, *, cloud: CloudClient | None = None) -> None:
        self.config = config
        self.cloud: CloudClient = cloud or CloudClient(
            config.access_token or "unset",
            phone_number_id=config.phone_number_ids[0] if config.phone_number_ids else None,
            waba_id=config.waba_id or None,
            app_id=config.app_id or None,
            base_url=config.graph_base_url,
            api_version=config.graph_version,
        )
        self._writer: GroupCommitWriter | None = None
        self._readers: ThreadPoolExecutor | None = None
        self._local = threading.local()
        self._reader_conns: list[Any] = []
        self._reader_lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._latest_seq = 0
        self._background: set[asyncio.Task[Any]] = set()
        # Hooks run on the event loop after each commit that appended events
        # (e.g. the media downloader watching for new incoming media).
        self._after_commit: list[Callable[[int, int], None]] = []
        # Services of the relay (the sender, the media downloader) that start once the
        # database is open and stop before it closes, so calls under way can still
        # record their outcome. app.py's lifespan runs them.
        self.on_start: list[Callable[[], Awaitable[None]]] = []
        self.on_stop: list[Callable[[], Awaitable[None]]] = []
        # In-memory figures since start, for /healthz (the durable ones are `counters`).
        self.stats: Counter[str] = Counter()
        self.started = False

    # Life cycle -------------------------------------------------------------------
    async def start(self) -> None:
        if self.started:
            return
        if not self.config.db_key:
            raise ValueError("RelayConfig.db_key is required to open the relay database")
        self._loop = asyncio.get_running_loop()
        self.config.data_dir.mkdir(parents=True, exist_ok=True)
        self._writer = GroupCommitWriter(
            lambda: open_database(self.config.database, key=self.config.db_key, role="relay",
                                  create=True, check_same_thread=False),
            on_commit=self._committed_from_thread,
        )
        await asyncio.wrap_future(self._writer.start())
        self._latest_seq = await self.write(events.latest_seq)
        self._readers = ThreadPoolExecutor(READER_THREADS, thread_name_prefix="wadesk-relay-read")
        self.started = True
        self.spawn(self._watch_other_writers(), name="other-writers")

    async def _watch_other_writers(self) -> None:
        """Events written by another process (`wadesk relay quarantine replay` while the
        relay runs) reach the desktops within OTHER_WRITERS_S, not only with the relay's
        next commit of its own: the newest seq is read again now and then (one indexed
        read)."""
        while True:
            await asyncio.sleep(OTHER_WRITERS_S)
            try:
                latest = await self.read(events.latest_seq)
            except Exception as exc:  # the database is failing: the writer reports that
                log.debug("latest seq not read", extra={"error": type(exc).__name__})
                continue
            self._announce(latest)

    async def stop(self) -> None:
        if not self.started:
            return
        self.started = False
        for task in list(self._background):
            task.cancel()
        if self._background:
            await asyncio.gather(*self._background, return_exceptions=True)
        if self._writer is not None:
            await asyncio.get_running_loop().run_in_executor(None, self._writer.stop)
        if self._readers is not None:
            self._readers.shutdown(wait=True)
        with self._reader_lock:
            for conn in self._reader_conns:
                try:
                    conn.close()
                except Exception:  # closing at shutdown: nothing left to protect
                    pass
            self._reader_conns.clear()
        await self.cloud.aclose()

    # Database ---------------------------------------------------------------------
    async def write(self, fn: Callable[[Any], T]) -> T:
        """fn(conn) in the group transaction; returns once the COMMIT is durable."""
        if self._writer is None:
            raise RuntimeError("the relay context is not started")
        return await self._writer.submit_async(fn, self._loop)

    def write_future(self, fn: Callable[[Any], T]) -> asyncio.Future[T]:
        """As `write`, for a caller on the relay's loop that takes a callback instead of
        awaiting (the webhook protocol)."""
        if self._writer is None or self._loop is None:
            raise RuntimeError("the relay context is not started")
        return self._writer.submit_async(fn, self._loop)

    async def read(self, fn: Callable[[Any], T]) -> T:
        """fn(conn) on a reader connection (committed data only)."""
        if self._readers is None:
            raise RuntimeError("the relay context is not started")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._readers, self._read, fn)

    def _read(self, fn: Callable[[Any], T]) -> T:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = open_database(self.config.database, key=self.config.db_key, role="relay")
            self._local.conn = conn
            with self._reader_lock:
                self._reader_conns.append(conn)
        return fn(conn)

    @property
    def write_figures(self) -> dict[str, int]:
        """Commits since start and the writes they held (for benchmarks, /healthz)."""
        writer = self._writer
        return {"commit_groups": writer.groups if writer else 0,
                "writes": writer.calls if writer else 0}

    # Events -----------------------------------------------------------------------
    @property
    def latest_seq(self) -> int:
        """The newest committed event's sequence number, as last announced."""
        return self._latest_seq

    def add_commit_hook(self, hook: Callable[[int, int], None]) -> None:
        """hook(previous_latest_seq, new_latest_seq) on the loop after new events."""
        self._after_commit.append(hook)

    def _committed_from_thread(self, latest: int) -> None:
        loop = self._loop
        if loop is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(self._announce, latest)
            except RuntimeError:  # the loop closed meanwhile: nobody is waiting
                pass

    def _announce(self, latest: int) -> None:
        if latest <= self._latest_seq:
            return
        previous, self._latest_seq = self._latest_seq, latest
        for hook in self._after_commit:
            try:
                hook(previous, latest)
            except Exception:
                log.exception("commit hook failed")

    # Background work ----------------------------------------------------------------
    def spawn(self, coro: Any, *, name: str | None = None) -> asyncio.Task[Any]:
        """A task the context keeps alive and cancels at stop()."""
        task = asyncio.get_running_loop().create_task(coro, name=name)
        self._background.add(task)
        task.add_done_callback(self._background.discard)
        return task
