"""Fetching incoming media from Meta at once, and keeping it encrypted.

Meta's media ids die after 7 days and its download URLs after 5 minutes, so the relay
fetches every incoming file as soon as the message is committed, in the background
(the webhook's 200 never waits for it), with retries. The file is sealed with its own
AES-GCM key off the writer thread, then one write attaches it to the message and logs
`media.stored`, which tells every desktop it can fetch it from GET /api/v1/media/….

What is still missing is derived from the messages (see store/relay_media.py), so a
restart re-queues whatever was not fetched; failures are retried with capped backoff
until the id is older than 7 days or Meta says the file is gone for good.

A dead Cloud API token (190) is no reason to give a file up: the fetch waits, without
asking Meta again, until the relay has a new token (`token_renewed()`, called by
PUT /api/v1/cloud-token; a restart with a new token re-queues it anyway). The refusal
stops sending too (Sender.token_refused), unless the token was replaced meanwhile:
then the file is simply fetched again with the new one.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

from wadesk.cloud.errors import AuthenticationError, CloudError
from wadesk.relay.context import RelayContext
from wadesk.store import events, relay_media
from wadesk.store.apply_events import apply_event

log = logging.getLogger("wadesk.relay.media")

WORKERS = 2
FIRST_RETRY_S = 2.0
MAX_RETRY_S = 600.0
MEDIA_KINDS = ("message.in", "message.out", "message.echo")


class MediaFetcher:
    def __init__(self, ctx: RelayContext, *, first_retry_s: float = FIRST_RETRY_S) -> None:
        self.ctx = ctx
        self.first_retry_s = first_retry_s
        self.max_retry_s = MAX_RETRY_S
        self.queue: asyncio.Queue[str] = asyncio.Queue()
        self.attempts: dict[str, int] = {}
        self.first_failure: dict[str, float] = {}  # monotonic time, by wamid
        self.queued: set[str] = set()
        # Media that wait for a new Cloud API token, by wamid.
        self.waiting_for_token: set[str] = set()
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

    def token_renewed(self) -> None:
        """The relay has a new Cloud API token: fetch what waited for it."""
        waiting, self.waiting_for_token = self.waiting_for_token, set()
        if waiting:
            log.info("media fetches resumed with a new Cloud API token",
                     extra={"count": len(waiting)})
        for wamid in sorted(waiting):
            self.enqueue(wamid)

    def _token_is_dead(self) -> bool:
        sender = getattr(self.ctx, "sender", None)
        return bool(sender is not None and sender.token_expired)

    async def _work(self) -> None:
        while True:
            wamid = await self.queue.get()
            self.queued.discard(wamid)
            if self._token_is_dead():
                # Meta would only refuse it again; token_renewed() brings it back.
                self.waiting_for_token.add(wamid)
                continue
            cloud = self.ctx.cloud  # the token this fetch is made with
            try:
                await self.fetch(wamid, cloud)
            except asyncio.CancelledError:
                raise
            except AuthenticationError as exc:
                await self._token_refused(wamid, cloud, exc)
            except Exception as exc:
                self._retry_later(wamid, exc)

    async def _token_refused(self, wamid: str, used: Any, exc: AuthenticationError) -> None:
        sender = getattr(self.ctx, "sender", None)
        if sender is not None:
            await sender.token_refused(used, exc.code)
        # Decided with no await in between, so a token set meanwhile cannot be missed:
        # either it was set already (fetch again now) or its token_renewed() comes later.
        if used is self.ctx.cloud:
            log.warning("media fetch waits for a new Cloud API token",
                        extra={"wamid": wamid, "code": exc.code})
            self.waiting_for_token.add(wamid)
        else:
            self.enqueue(wamid)

    async def fetch(self, wamid: str, cloud: Any = None) -> bool:
        """Fetch, seal and attach the media of message `wamid` (with the Cloud client
        `cloud`, the relay's by default); False if nothing to do."""
        target = await self.ctx.read(lambda conn: relay_media.media_target(conn, wamid))
        if target is None:
            self.attempts.pop(wamid, None)
            return False
        downloaded = await (cloud or self.ctx.cloud).download_media(target.media_id)
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
        self.first_failure.pop(wamid, None)
        self.stored += 1
        self.ctx.stats["media_stored"] += 1
        log.info("media stored", extra={"wamid": wamid, "bytes": payload["size"]})
        return True

    def _retry_later(self, wamid: str, exc: Exception) -> None:
        attempt = self.attempts.get(wamid, 0) + 1
        self.attempts[wamid] = attempt
        first = self.first_failure.setdefault(wamid, time.monotonic())
        retryable = not isinstance(exc, CloudError) or exc.retryable
        code = getattr(exc, "code", None)
        # Retried for as long as the media id can live (Meta keeps it 7 days from the
        # message, which is older than our first failure): a longer outage at Meta or
        # on this server's network must not lose a customer's photo.
        id_dead = time.monotonic() - first >= relay_media.MEDIA_ID_LIFETIME_S
        if not retryable or id_dead:
            self.failed += 1
            self.ctx.stats["media_failed"] += 1
            self.attempts.pop(wamid, None)
            self.first_failure.pop(wamid, None)
            log.warning("media not fetched", extra={"wamid": wamid, "error": type(exc).__name__,
                                                    "code": code, "attempts": attempt})
            return
        delay = min(self.first_retry_s * 2 ** min(attempt - 1, 30), self.max_retry_s)
        log.info("media fetch will be retried", extra={"wamid": wamid, "error": type(exc).__name__,
                                                       "code": code, "in_s": delay})

        async def later() -> None:
            await asyncio.sleep(delay)
            self.enqueue(wamid)

        self.ctx.spawn(later())
