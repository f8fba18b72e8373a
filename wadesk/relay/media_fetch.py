"""Fetching incoming media from Meta at once, and keeping it encrypted.

Meta's media ids die after 7 days and its download URLs after 5 minutes, so the relay
fetches every incoming file as soon as the message is committed, in the background
(the webhook's 200 never waits for it), with retries. The file is sealed with its own
AES-GCM key off the writer thread, then one write attaches it to the message and logs
`media.stored`, which tells every desktop it can fetch it from GET /api/v1/media/….

What is still missing is derived from the messages (see store/relay_media.py), so a
restart re-queues whatever was not fetched; failures are retried with capped backoff
until the id is older than 7 days or Meta says the file is gone for good.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

from wadesk.cloud.errors import CloudError
from wadesk.relay.context import RelayContext
from wadesk.store import events, relay_media
from wadesk.store.apply_events import apply_event

log = logging.getLogger("wadesk.relay.media")

WORKERS = 2
FIRST_RETRY_S = 2.0
MAX_RETRY_S = 600.0
MAX_ATTEMPTS = 12
MEDIA_KINDS = ("message.in", "message.out", "message.echo")


class MediaFetcher:
    def __init__(self, ctx: RelayContext, *, first_retry_s: float = FIRST_RETRY_S) -> None:
        self.ctx = ctx
        self.first_retry_s = first_retry_s
        self.queue: asyncio.Queue[str] = asyncio.Queue()
        self.attempts: dict[str, int] = {}
        self.queued: set[str] = set()
        self.stored = 0
        self.failed = 0

    async def start(self) -> None:
        since = int(time.time()) - relay_media.MEDIA_ID_LIFETIME_S
        missing = await self.ctx.read(lambda conn: relay_media.missing_media(conn, since_ts=since))
        for item in missing:
            self.enqueue(item.wamid)
        for n in range(WORKERS):
            self.ctx.spawn(self._work(), name=f"media-fetch-{n}")

    def enqueue(self, wamid: str) -> None:
        if wamid not in self.queued:
            self.queued.add(wamid)
            self.queue.put_nowait(wamid)

    def after_store(self, stored: Any) -> None:
        """Intake hook: queue the media of messages that were just logged."""
        for _seq, entry in stored.new:
            if entry.kind in MEDIA_KINDS and entry.payload.get("media"):
                self.enqueue(entry.payload["wamid"])

    async def _work(self) -> None:
        while True:
            wamid = await self.queue.get()
            self.queued.discard(wamid)
            try:
                await self.fetch(wamid)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                self._retry_later(wamid, exc)

    async def fetch(self, wamid: str) -> bool:
        """Fetch, seal and attach the media of message `wamid`; False if nothing to do."""
        target = await self.ctx.read(lambda conn: relay_media.media_target(conn, wamid))
        if target is None:
            self.attempts.pop(wamid, None)
            return False
        downloaded = await self.ctx.cloud.download_media(target.media_id)
        loop = asyncio.get_running_loop()
        name, key = await loop.run_in_executor(
            None, relay_media.seal_media_file, downloaded.content, self.ctx.config.media_dir)
        payload = {"wamid": wamid, "media_id": target.media_id,
                   "mime": downloaded.info.mime_type, "size": len(downloaded.content),
                   "sha256": downloaded.info.sha256}

        def attach(conn: Any) -> bool:
            if not relay_media.attach_media_file(conn, target.message_id, name, key):
                return False
            if events.append_event(conn, "media.stored", payload,
                                   dedupe_key=f"media:{wamid}") is not None:
                apply_event(conn, "media.stored", payload)
            return True

        if not await self.ctx.write(attach):
            (self.ctx.config.media_dir / name).unlink(missing_ok=True)
            return False
        self.attempts.pop(wamid, None)
        self.stored += 1
        self.ctx.stats["media_stored"] += 1
        log.info("media stored", extra={"wamid": wamid, "bytes": payload["size"]})
        return True

    def _retry_later(self, wamid: str, exc: Exception) -> None:
        attempt = self.attempts.get(wamid, 0) + 1
        self.attempts[wamid] = attempt
        retryable = not isinstance(exc, CloudError) or exc.retryable
        code = getattr(exc, "code", None)
        if not retryable or attempt >= MAX_ATTEMPTS:
            self.failed += 1
            self.ctx.stats["media_failed"] += 1
            self.attempts.pop(wamid, None)
            log.warning("media not fetched", extra={"wamid": wamid, "error": type(exc).__name__,
                                                    "code": code, "attempts": attempt})
            return
        delay = min(self.first_retry_s * 2 ** (attempt - 1), MAX_RETRY_S)
        log.info("media fetch will be retried", extra={"wamid": wamid, "error": type(exc).__name__,
                                                       "code": code, "in_s": delay})

        async def later() -> None:
            await asyncio.sleep(delay)
            self.enqueue(wamid)

        self.ctx.spawn(later())
