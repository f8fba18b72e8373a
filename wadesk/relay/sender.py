"""The outbox worker: takes queued sends from relay_sends and calls the Cloud API.

- Durable: a send is recorded before anything goes out, and marked `sending` (durably)
  right before its call. After a crash, a send found `sending` may have reached Meta:
  it becomes `unknown`, never re-sent. Queued ones simply go out after the restart.
- Ordered per customer: only the oldest open send to one person is ever in flight, so
  a message waiting for a retry is not overtaken by the next one.
- Paced: a token bucket keeps to config.throughput_per_s (Meta's 80/s by default).
- Retries with capped exponential back-off for the retryable families; other errors
  fail at once with a plain reason.
- A lost answer (OutcomeUnknownError) makes the send `unknown`, never re-sent; the
  status webhook that carries the client id back settles it (unknown_sends.py).
- The usual send takes a fast path: the request that makes it holds a rate token,
  records it as `sending` in the same commit as its local echo, and calls Meta at once
  (two commits per message); only retries and sends that must wait go through the loop.
- A refused token (190) stops all sending until the relay gets a new token; the state
  is stored, so a restart with the same token does not hammer Meta again. Sends wait
  in the queue meanwhile (not failed), and go out once `token_renewed()` is called
  (PUT /api/v1/cloud-token) or the relay restarts with another token. A 190 that
  answers a call made with the old token after a new one was set is not the new
  token's fault: that send is simply queued again. Other calls refused with 190 (read
  receipts, media downloads and uploads) report it through `token_refused()`, which
  applies the same rule: only a refusal of the token still in use stops sending.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from wadesk.cloud import errors as cloud_errors
from wadesk.relay import send_log
from wadesk.relay.rate_limit import TokenBucket
from wadesk.relay.send_errors import TOKEN_EXPIRED, is_retryable, reason_for, retry_delay
from wadesk.relay.unknown_sends import UnknownSends
from wadesk.store import relay_sends
from wadesk.store.relay_sends import SendRecord

if TYPE_CHECKING:
    from wadesk.relay.context import RelayContext

log = logging.getLogger(__name__)

@dataclass(frozen=True, slots=True)
class SenderSettings:
    backoff_base_s: float = 1.0
    backoff_cap_s: float = 300.0
    max_attempts: int = 8
    max_in_flight: int = 64
    # An unknown send with no status for this long is reported failed (never re-sent).
    unknown_expiry_s: float = 6 * 3600
    housekeeping_every_s: float = 60.0


def token_fingerprint(token: str) -> str:
    """Tells "the token that was refused" from a new one without storing either."""
    return hashlib.sha256(("cloud-token:" + token).encode()).hexdigest()[:16]


class Sender:
    def __init__(self, ctx: RelayContext, settings: SenderSettings | None = None) -> None:
        self.ctx = ctx
        self.settings = settings or SenderSettings()
        self.bucket = TokenBucket(ctx.config.throughput_per_s)
        self.token_expired = False
        self.started = False
        self._wake = asyncio.Event()
        self._in_flight: dict[str, asyncio.Task[None]] = {}
        self._busy: set[tuple[str, str]] = set()
        self._changed: dict[str, list[Any]] = {}  # client id -> [event, waiters]
        self.reactions_in_flight = 0
        self._reserving = 0  # requests waiting for a rate token
        self.unknown = UnknownSends(self)
        self._queue_may_have_work = True
        self._loop_task: asyncio.Task[None] | None = None
        self.counts = {"accepted": 0, "failed": 0, "retried": 0, "unknown": 0,
                       "rate_limited": 0, "pair_limited": 0, "settled_by_status": 0}

    # Life cycle ----------------------------------------------------------------------
    async def start(self) -> None:
        if self.started:
            return
        self.started = True
        fingerprint = token_fingerprint(self.ctx.config.access_token or "")
        self.token_expired = await self.ctx.write(lambda conn: self._recover(conn, fingerprint))
        self.unknown.start()
        self._loop_task = self.ctx.spawn(self._run(), name="wadesk-relay-sender")

    def _recover(self, conn: Any, fingerprint: str) -> bool:
        """Whether sending is stopped by a refused token (a new token lifts that)."""
        self.unknown.recover(conn)
        expired = relay_sends.get_state(conn, "cloud_state") == "token_expired"
        if expired and relay_sends.get_state(conn, "cloud_state_token") != fingerprint:
            send_log.record_cloud_state(conn, "ok", "The relay has a new Cloud API token.", None)
            expired = False
        return expired

    async def stop(self) -> None:
        if not self.started:
            return
        self.started = False
        self._wake.set()
        tasks = list(self._in_flight.values())
        if self._loop_task is not None:
            self._loop_task.cancel()
            tasks.append(self._loop_task)
        # In-flight calls are left to finish: cancelling one mid-call would turn a
        # clean outcome into an unknown one.
        if tasks:
            await asyncio.wait(tasks, timeout=15)

    async def token_renewed(self) -> None:
        """The relay has a new Cloud API token (already in ctx.config and ctx.cloud):
        record that, and send what waited for it."""
        self.token_expired = False
        fingerprint = token_fingerprint(self.ctx.config.access_token or "")
        await self.ctx.write(lambda conn: send_log.record_cloud_state(
            conn, "ok", "The relay has a new Cloud API token.", fingerprint))
        log.info("sending resumed with a new Cloud API token")
        self.kick()

    async def token_refused(self, used: Any, code: int | None) -> bool:
        """A call made with the Cloud client `used` was refused with 190. If `used` is
        still the relay's client, its token is dead: sending stops and the team is told
        (cloud.state); True. A late refusal of a token replaced meanwhile stops nothing
        (False): the caller simply tries again with the new one."""
        if used is not self.ctx.cloud:
            return False
        if self.token_expired:
            return True  # already stopped and recorded
        fingerprint = self._stop_for_token(code)
        await self.ctx.write(lambda conn: send_log.record_cloud_state(
            conn, "token_expired", TOKEN_EXPIRED, fingerprint))
        return True

    def _stop_for_token(self, code: int | None) -> str:
        """Stop sending (before any await, so no send starts meanwhile); the refused
        token's fingerprint for the stored state."""
        self.token_expired = True
        log.error("the Cloud API refused the access token; sending stopped",
                  extra={"code": code})
        return token_fingerprint(self.ctx.config.access_token or "")

    def kick(self) -> None:
        """Something was queued or retried: look at the queue now."""
        self._queue_may_have_work = True
        self._wake.set()

    # The fast path: a new send goes out from the request that made it ----------------------
    async def reserve(self) -> bool:
        """Take a rate token for a send about to be recorded as `sending` (claimed).
        False when sending is stopped: the send is then only queued."""
        if self.token_expired or not self.started:
            return False
        if self._reserving >= max(1, int(self.bucket.rate * 2)):
            # Two seconds' worth already wait for a token: queue this one instead of
            # holding its request open; the loop sends it at the same pace.
            return False
        self._reserving += 1
        try:
            await self.bucket.acquire()
        finally:
            self._reserving -= 1
        return not self.token_expired

    def run_claimed(self, record: SendRecord) -> None:
        """Make the call of a send recorded as `sending` by queue_send(claim=True)."""
        self._busy.add((record.phone_number_id, record.recipient))
        if record.kind == "reaction":
            self.reactions_in_flight += 1
        self._in_flight[record.client_id] = self.ctx.spawn(self._send(record, claimed=True))

    def is_in_flight(self, client_id: str) -> bool:
        return client_id in self._in_flight

    # Waiting for an outcome (the API answers with it) -----------------------------------
    def waiter(self, client_id: str) -> asyncio.Event:
        """An event set at the next outcome of this send; register it before the send
        can start, so that a quick answer is not missed. Pair with wait or forget_waiter."""
        entry = self._changed.get(client_id)
        if entry is None:
            entry = self._changed[client_id] = [asyncio.Event(), 0]
        entry[1] += 1
        return entry[0]

    async def wait(self, client_id: str, event: asyncio.Event, timeout: float) -> None:
        try:
            await asyncio.wait_for(event.wait(), timeout)
        except asyncio.TimeoutError:
            pass
        finally:
            self.forget_waiter(client_id, event)

    def forget_waiter(self, client_id: str, event: asyncio.Event) -> None:
        entry = self._changed.get(client_id)
        if entry is not None and entry[0] is event:
            entry[1] -= 1
            if entry[1] <= 0:
                del self._changed[client_id]

    def announce(self, client_id: str) -> None:
        entry = self._changed.pop(client_id, None)
        if entry is not None:
            entry[0].set()

    # The loop ------------------------------------------------------------------------
    async def _run(self) -> None:
        next_housekeeping = 0.0
        while self.started:
            self._wake.clear()
            sleep = 5.0
            try:
                if time.monotonic() >= next_housekeeping:
                    next_housekeeping = time.monotonic() + self.settings.housekeeping_every_s
                    await self.unknown.expire(self.settings.unknown_expiry_s)
                if not self.token_expired:
                    sleep = await self._dispatch()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("sender loop failed; trying again")
                sleep = 1.0
            if len(self.unknown):  # wake for the expiry check too
                sleep = min(sleep, max(0.0, next_housekeeping - time.monotonic()))
            try:
                await asyncio.wait_for(self._wake.wait(), max(0.0, sleep))
            except asyncio.TimeoutError:
                pass

    async def _dispatch(self) -> float:
        room = self.settings.max_in_flight - len(self._in_flight)
        if room <= 0:
            return 5.0
        now = time.time()
        due, next_at = await self.ctx.read(
            lambda conn: (relay_sends.due_sends(conn, now=now, limit=room + len(self._busy)),
                          relay_sends.next_due_at(conn)))
        for record in due:
            key = (record.phone_number_id, record.recipient)
            if record.client_id in self._in_flight or key in self._busy:
                continue
            if len(self._in_flight) >= self.settings.max_in_flight:
                break
            self._busy.add(key)
            if record.kind == "reaction":
                self.reactions_in_flight += 1
            # Spawned on the context: a relay stopping cancels it, and a call cut off
            # that way stays `sending`, which the next start turns into `unknown`.
            self._in_flight[record.client_id] = self.ctx.spawn(self._send(record))
        if next_at is None and not due:
            self._queue_may_have_work = False
            return 5.0
        if next_at is None:
            return 5.0
        return max(0.0, min(5.0, next_at - time.time()))

    async def _send(self, record: SendRecord, *, claimed: bool = False) -> None:
        try:
            await self._attempt(record, claimed=claimed)
        except Exception:
            log.exception("send attempt failed unexpectedly", extra={"client_id": record.client_id})
            # Whether Meta has it is not known (the failure may be in recording the
            # answer): the safe state is unknown, settled by the status webhook.
            try:
                await self.unknown.lost(record)
            except Exception:
                log.exception("could not record an unknown send")
        finally:
            self._in_flight.pop(record.client_id, None)
            self._busy.discard((record.phone_number_id, record.recipient))
            if record.kind == "reaction":
                self.reactions_in_flight -= 1
            self.unknown.forget_seen(record.client_id)
            self.announce(record.client_id)
            if self._queue_may_have_work:
                # Sends to this person may wait behind this one; retries may be due.
                self._wake.set()

    async def _attempt(self, record: SendRecord, *, claimed: bool = False) -> None:
        if not claimed:
            await self.bucket.acquire()
            if self.token_expired or not self.started:
                return
            # Durably `sending` before the call: a crash from here on may have sent it.
            if not await self.ctx.write(
                    lambda conn: relay_sends.mark_sending(conn, record.client_id)):
                return
            record = _with_attempt(record)
        assert record.body is not None
        cloud = self.ctx.cloud  # the token this call is made with (see _token_refused)
        try:
            result = await cloud.send_payload(record.body, phone_number_id=record.phone_number_id)
        except cloud_errors.OutcomeUnknownError:
            self.counts["unknown"] += 1
            log.warning("send outcome unknown", extra={"client_id": record.client_id})
            await self.unknown.lost(record)
        except cloud_errors.AuthenticationError as exc:
            await self._token_refused(record, exc, cloud)
        except cloud_errors.CloudError as exc:
            await self._refused(record, exc)
        except Exception:
            # Not a Cloud API answer: a bug or the loop shutting down. Whether the call
            # went out is not known, so it is treated as a lost answer.
            log.exception("send call raised", extra={"client_id": record.client_id})
            self.counts["unknown"] += 1
            await self.unknown.lost(record)
        else:
            await self.ctx.write(lambda conn: send_log.record_accepted(conn, record, result.wamid))
            self.counts["accepted"] += 1
            log.info("send accepted", extra={"client_id": record.client_id,
                                             "attempt": record.attempts})

    async def _token_refused(self, record: SendRecord, exc: cloud_errors.CloudError,
                             used: Any) -> None:
        if used is not self.ctx.cloud:
            # Refused with the token that was replaced meanwhile: try again with the new one.
            await self.ctx.write(lambda conn: send_log.record_retry(
                conn, record, time.time(), exc.code, TOKEN_EXPIRED))
            self.kick()
            return
        fingerprint = self._stop_for_token(exc.code)

        def write(conn: Any) -> None:
            # Not the message's fault: it waits in the queue for a new token.
            send_log.record_retry(conn, record, time.time(), exc.code, TOKEN_EXPIRED)
            send_log.record_cloud_state(conn, "token_expired", TOKEN_EXPIRED, fingerprint)

        await self.ctx.write(write)
        self._queue_may_have_work = True

    async def _refused(self, record: SendRecord, exc: cloud_errors.CloudError) -> None:
        reason = reason_for(exc)
        if isinstance(exc, cloud_errors.ThroughputLimitError):
            self.counts["rate_limited"] += 1  # 130429: our bucket should prevent these
        elif isinstance(exc, cloud_errors.PairRateLimitError):
            self.counts["pair_limited"] += 1
        if is_retryable(exc) and record.attempts < self.settings.max_attempts:
            delay = retry_delay(exc, record.attempts, base=self.settings.backoff_base_s,
                                cap=self.settings.backoff_cap_s)
            self.counts["retried"] += 1
            log.info("send will be retried", extra={"client_id": record.client_id,
                                                    "code": exc.code, "delay_s": round(delay, 2)})
            await self.ctx.write(lambda conn: send_log.record_retry(
                conn, record, time.time() + delay, exc.code, reason))
            self._queue_may_have_work = True
            return
        self.counts["failed"] += 1
        log.info("send failed", extra={"client_id": record.client_id, "code": exc.code})
        await self.ctx.write(lambda conn: send_log.record_failed(conn, record, exc.code, reason))

    # For the status endpoint --------------------------------------------------------
    def snapshot(self) -> dict[str, Any]:
        return {"token_expired": self.token_expired, "in_flight": len(self._in_flight),
                "unknown_open": len(self.unknown), **self.counts}


def _with_attempt(record: SendRecord) -> SendRecord:
    return replace(record, attempts=record.attempts + 1, state="sending")
