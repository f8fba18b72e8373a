"""Webhook delivery as Meta does it: verify the endpoint first (hub.challenge), then
POST each payload signed with the app secret (X-Hub-Signature-256), retrying with
exponential backoff on anything but a 2xx answer or no answer at all.

Every payload is its own asyncio task, so one slow or failing delivery does not hold
the others back (and order is not guaranteed, as at Meta).
"""

from __future__ import annotations

import asyncio
import functools
import json
import secrets
import ssl
from collections import deque
from dataclasses import dataclass, field
from typing import Any

import httpx

from wadesk.cloud.signature import HEADER, sign

LOG_SIZE = 5000


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """One verified TLS context per process: building one costs tens of milliseconds."""
    return ssl.create_default_context()


@dataclass(slots=True)
class Delivery:
    id: int
    payload: dict[str, Any]
    body: bytes
    duplicate_of: int | None = None
    state: str = "pending"  # pending | delivered | dropped | refused | no_url
    attempts: list[dict[str, Any]] = field(default_factory=list)

    def summary(self, with_payload: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "state": self.state, "attempts": self.attempts,
                                "duplicate_of": self.duplicate_of}
        if with_payload:
            data["payload"] = self.payload
        return data


@dataclass(slots=True)
class Verification:
    status: str = "unverified"  # unverified | verified | failed | unreachable
    detail: str = ""
    at: float | None = None


class WebhookDispatcher:
    def __init__(self, sim: Any) -> None:
        self.sim = sim
        self.url: str | None = sim.config.webhook_url
        self.verification = Verification()
        self.log: deque[Delivery] = deque(maxlen=LOG_SIZE)
        self._next_id = 1
        self._client: httpx.AsyncClient | None = None
        self._verify_lock: asyncio.Lock | None = None
        self._slots: asyncio.Semaphore | None = None
        self.counts = {"delivered": 0, "dropped": 0, "refused": 0, "failed_attempts": 0}

    # Configuration ----------------------------------------------------------------
    def configure(self, url: str | None, verify_token: str | None = None) -> None:
        self.url = url
        if verify_token:
            self.sim.account.verify_token = verify_token
        self.verification = Verification()

    def _http(self) -> httpx.AsyncClient:
        if self._client is None:
            self._client = httpx.AsyncClient(timeout=self.sim.config.webhook_timeout, verify=_tls_context())
        return self._client

    async def close(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    # Verification -----------------------------------------------------------------
    async def verify(self, force: bool = False) -> Verification:
        """The GET handshake. `failed` (wrong answer) stops delivery until reconfigured;
        `unreachable` is tried again before the next delivery attempt."""
        if self._verify_lock is None:
            self._verify_lock = asyncio.Lock()
        async with self._verify_lock:
            if self.url is None:
                return self.verification
            if not force and self.verification.status in ("verified", "failed"):
                return self.verification
            challenge = str(secrets.randbelow(10**9) + 10**9)
            params = {"hub.mode": "subscribe", "hub.verify_token": self.sim.account.verify_token,
                      "hub.challenge": challenge}
            try:
                answer = await self._http().get(self.url, params=params)
            except httpx.HTTPError as exc:
                self.verification = Verification("unreachable", f"{type(exc).__name__}: {exc}",
                                                 self.sim.clock.now())
                return self.verification
            if answer.status_code == 200 and answer.text.strip() == challenge:
                self.verification = Verification("verified", "challenge echoed", self.sim.clock.now())
            elif answer.status_code >= 500:
                self.verification = Verification("unreachable", f"HTTP {answer.status_code}",
                                                 self.sim.clock.now())
            else:
                detail = (f"HTTP {answer.status_code}" if answer.status_code != 200
                          else "the answer did not echo hub.challenge")
                self.verification = Verification("failed", detail, self.sim.clock.now())
            return self.verification

    # Delivery ---------------------------------------------------------------------
    def send(self, payload: dict[str, Any]) -> Delivery:
        """Queue one payload (and, under the duplicate fault, a second copy)."""
        delivery = self._record(payload)
        self.sim.spawn(self._deliver(delivery))
        if self.sim.faults.take("duplicate_webhooks") is not None:
            copy = self._record(payload, duplicate_of=delivery.id)
            self.sim.spawn(self._deliver(copy, delay=0.05))
        return delivery

    def _record(self, payload: dict[str, Any], duplicate_of: int | None = None) -> Delivery:
        # Meta sends (and signs) the escaped-unicode form: "ä" travels as "\u00e4". A
        # receiver that re-encodes JSON before checking the signature fails against it.
        body = json.dumps(payload, ensure_ascii=True, separators=(",", ":")).encode()
        delivery = Delivery(self._next_id, payload, body, duplicate_of)
        self._next_id += 1
        self.log.append(delivery)
        return delivery

    async def _deliver(self, delivery: Delivery, delay: float = 0.0) -> None:
        if delay:
            await asyncio.sleep(delay)
        config = self.sim.config
        backoff = config.webhook_backoff
        for attempt in range(1, config.webhook_max_attempts + 1):
            if self.url is None:
                delivery.state = "no_url"
                return
            verification = await self.verify()
            if verification.status == "failed":
                delivery.state = "refused"
                self.counts["refused"] += 1
                return
            if verification.status == "verified" and await self._post(delivery):
                delivery.state = "delivered"
                self.counts["delivered"] += 1
                return
            if verification.status != "verified":
                delivery.attempts.append({"at": self.sim.clock.now(), "status": None,
                                          "error": f"verification {verification.status}: "
                                                   f"{verification.detail}"})
            self.counts["failed_attempts"] += 1
            if attempt < config.webhook_max_attempts:
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, config.webhook_backoff_max)
        delivery.state = "dropped"
        self.counts["dropped"] += 1

    async def _post(self, delivery: Delivery) -> bool:
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.sim.config.webhook_concurrency)
        headers = {"Content-Type": "application/json", HEADER: sign(delivery.body, self.sim.account.app_secret),
                   "User-Agent": "facebookexternalua"}
        async with self._slots:
            try:
                answer = await self._http().post(self.url or "", content=delivery.body, headers=headers)
            except httpx.HTTPError as exc:
                delivery.attempts.append({"at": self.sim.clock.now(), "status": None,
                                          "error": f"{type(exc).__name__}: {exc}"})
                return False
        delivery.attempts.append({"at": self.sim.clock.now(), "status": answer.status_code, "error": None})
        return 200 <= answer.status_code < 300

    # Introspection ----------------------------------------------------------------
    def pending(self) -> int:
        return sum(1 for d in self.log if d.state == "pending")

    def snapshot(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "verification": {"status": self.verification.status, "detail": self.verification.detail,
                             "at": self.verification.at},
            "pending": self.pending(),
            **self.counts,
        }
