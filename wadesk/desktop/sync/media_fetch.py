"""Downloading incoming media from the relay into the encrypted media store.

The relay keeps every incoming file (Meta's download links die after a few days);
a desktop fetches it by wamid once and keeps it encrypted (media_files). A file the
relay is still fetching from WhatsApp answers `media_pending` with Retry-After; it is
asked again a few times, or at once when the relay's `media.stored` event says the file
is there. Downloads run two at a time, beside the long-poll.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from wadesk.desktop.sync.relay_api import RelayApi, RelayAuthError, RelayRefused, RelayUnavailable
from wadesk.store import media_files, messages

log = logging.getLogger(__name__)


def _missing(conn: Any, message_id: int) -> bool:
    found = messages.get_message(conn, message_id)
    return found is not None and not found.media_file and found.revoked_at is None


def _save(conn: Any, message_id: int, data: bytes, media_dir: Path) -> int | None:
    """Store the file; the message's conversation id, or None if it is gone meanwhile."""
    found = messages.get_message(conn, message_id)
    if found is None or found.media_file:
        return None
    media_files.save_media(conn, message_id, data, media_dir)
    return found.conversation_id


class MediaFetcher:
    def __init__(self, api: RelayApi, db: Any, media_dir: Path, *, on_saved: Callable[[int, int], None],
                 on_signed_out: Callable[[str], Awaitable[None]], attempts: int = 8, retry_s: float = 5.0) -> None:
        self.api, self.db, self.media_dir = api, db, media_dir
        self._on_saved, self._on_signed_out = on_saved, on_signed_out
        self._attempts, self._retry_s = attempts, retry_s
        self._queue: asyncio.Queue[tuple[int, str, int]] = asyncio.Queue()
        self._known: set[int] = set()
        self._timers: set[asyncio.TimerHandle] = set()

    def want(self, message_id: int, wamid: str, *, now: bool = False) -> None:
        """Fetch a message's file; `now`: the relay has it (skip a pending wait)."""
        if message_id not in self._known or now:
            self._known.add(message_id)
            self._queue.put_nowait((message_id, wamid, 1))

    def _later(self, delay: float, entry: tuple[int, str, int]) -> None:
        handle: asyncio.TimerHandle

        def put() -> None:
            self._timers.discard(handle)
            self._queue.put_nowait(entry)

        handle = asyncio.get_running_loop().call_later(delay, put)
        self._timers.add(handle)

    async def run(self) -> None:
        try:
            while True:
                message_id, wamid, attempt = await self._queue.get()
                await self._fetch(message_id, wamid, attempt)
        finally:
            for handle in self._timers:
                handle.cancel()

    async def _fetch(self, message_id: int, wamid: str, attempt: int) -> None:
        if not await self.db.run(_missing, message_id):
            return  # fetched meanwhile (a retry and a media.stored crossed), or revoked
        try:
            data = await self.api.media(wamid)
        except RelayAuthError as exc:
            await self._on_signed_out(str(exc))
            return
        except RelayUnavailable as exc:
            if attempt < self._attempts:
                delay = exc.retry_after if exc.retry_after is not None else self._retry_s * attempt
                self._later(delay, (message_id, wamid, attempt + 1))
            else:
                self._known.discard(message_id)  # asked again at the next start
            return
        except RelayRefused as exc:
            log.info("media not available", extra={"message_id": message_id, "code": exc.code})
            return
        conversation_id = await self.db.run(_save, message_id, data, self.media_dir)
        if conversation_id is not None:
            self._on_saved(message_id, conversation_id)
