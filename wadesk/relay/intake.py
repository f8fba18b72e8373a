"""Meta's webhooks: the verification handshake and the signed POSTs.

The order of checks is the point of this module; each step rejects before anything is
parsed or stored, and nothing ever answers 500:

    method        GET (handshake) or POST, else 405
    size          Content-Length or the streamed body over 3 MB -> 413
    content type  application/json, else 415
    signature     X-Hub-Signature-256 over the raw bytes: missing 401, wrong 403
    envelope      not JSON / not a WhatsApp envelope -> 400 (Meta never sends that)
    items         parsed with wadesk.cloud (a plain status report: status_webhooks.py,
                  same entries, faster); see "A broken item" below
    store         one group-committed write (durable, synchronous=FULL) -> 200
                  (intake_store.py: the webhooks of one commit group are stored together)

A broken item: the cloud parser refuses a whole batch when one of its items is
malformed. Answering 400 would make Meta retry the identical body for days (it can
never succeed) and, if it goes on, throttle or disable the subscription, delaying
every other message. So a signed, well-formed envelope whose items do not all parse
is split into single-item envelopes; the items that parse are stored, each broken one
is counted (`webhook_items_rejected`), logged by ids only and kept in the quarantine
(in the same transaction as the rest; `wadesk relay quarantine replay` applies it once
the parser knows better), and Meta gets its 200. An entry that parses but fails to
apply is quarantined likewise (intake_store.py). Each stored item is whole: nothing is
ever half-stored.

Numbers this relay does not serve are logged (ids only) and answered 200, so that Meta
stops retrying. `smb_app_state_sync` (the phone's address book) is counted, never kept.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from starlette.routing import BaseRoute, Route

from wadesk.cloud import signature
from wadesk.cloud.webhook_parser import OBJECT, InvalidWebhook, loads_envelope, parse_webhook
from wadesk.cloud.webhook_types import WebhookEvent
from wadesk.exception_place import innermost_frame
from wadesk.relay.context import RelayContext
from wadesk.relay.intake_store import IntakeWrite
from wadesk.relay.status_webhooks import translate_statuses
from wadesk.relay.webhook_events import Translation, translate

log = logging.getLogger("wadesk.relay.intake")

MAX_BODY = 3 * 1024 * 1024
_SIG_HEADER = signature.HEADER.lower().encode()
_SPLIT_KEYS = ("messages", "statuses", "message_echoes", "history")


class Reject(Exception):
    """A request refused: its status and the relay's error shape."""

    def __init__(self, status: int, code: str, message: str) -> None:
        self.status, self.code, self.message = status, code, message


def too_large() -> Reject:
    return Reject(413, "too_large", "A webhook body may be at most 3 MB.")


def routes(ctx: RelayContext) -> list[BaseRoute]:
    return [Route("/webhook", WebhookIntake(ctx))]


class WebhookIntake:
    """A bare ASGI endpoint: the hot path of the relay skips Request/Response objects."""

    def __init__(self, ctx: RelayContext) -> None:
        self.ctx = ctx
        self.verifier = signature.Verifier(ctx.config.app_secret)
        self.numbers = tuple(ctx.config.phone_number_ids)
        self._warned_numbers: set[str] = set()
        self._suppressed: dict[str, list[float | int]] = {}
        # Set by media_api when it runs: called with the new log entries after a commit.
        self.after_store: list[Any] = []
        ctx.intake = self  # type: ignore[attr-defined]

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        method = scope["method"]
        try:
            if method == "POST":
                headers = dict(scope["headers"])  # the last value wins for repeated names
                self.check_headers(headers)
                write = self.accept(headers, await _read_body(receive))
                if write is not None:
                    try:
                        stored = await self.ctx.write(write)
                    except Exception as exc:
                        raise self.not_stored(exc) from None
                    self.stored(stored)
                status, body, ctype = self.ok()
            elif method in ("GET", "HEAD"):
                status, body, ctype = self._handshake(scope)
            else:
                raise Reject(405, "method_not_allowed", "Use GET or POST on /webhook.")
        except Reject as rej:
            status, body, ctype = self.refused(rej)
        headers = [(b"content-type", ctype), (b"content-length", str(len(body)).encode())]
        if status == 405:
            headers.append((b"allow", b"GET, POST"))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": b"" if method == "HEAD" else body})

    # GET: the subscription handshake ---------------------------------------------------
    def _handshake(self, scope: dict[str, Any]) -> tuple[int, bytes, bytes]:
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        first = lambda name: (query.get(name) or [None])[0]  # noqa: E731
        answer = signature.subscription_challenge(
            first("hub.mode"), first("hub.verify_token"), first("hub.challenge"),
            self.ctx.config.verify_token,
        )
        if answer is None:
            self._warn_rarely("webhook verification refused")
            raise Reject(403, "verification_failed", "The verify token does not match.")
        log.info("webhook verification answered")
        return 200, answer.encode(), b"text/plain; charset=utf-8"

    # POST: a signed batch of events ----------------------------------------------------
    # Four steps, each plain (no await), so that the HTTP layer can run them without an
    # ASGI task (webhook_protocol.py); __call__ above is the ASGI way through them.
    def check_headers(self, headers: dict[bytes, bytes]) -> None:
        """Before the body is read: its announced size and its type."""
        length = headers.get(b"content-length")
        if length is not None:
            if not length.isdigit():
                raise Reject(400, "bad_request", "Content-Length is not a number.")
            if int(length) > MAX_BODY:
                raise too_large()
        ctype = headers.get(b"content-type", b"").split(b";", 1)[0].strip().lower()
        if ctype != b"application/json":
            raise Reject(415, "unsupported_media_type", "Webhooks must be application/json.")

    def accept(self, headers: dict[bytes, bytes], body: bytes) -> IntakeWrite | None:
        """The signature checked and the body parsed: what to store (None: nothing)."""
        given = headers.get(_SIG_HEADER)
        if given is None:
            raise Reject(401, "signature_missing", "The X-Hub-Signature-256 header is missing.")
        if not self.verifier.is_valid(body, given.decode("latin-1")):
            self._warn_rarely("webhook signature mismatch")
            raise Reject(403, "signature_invalid", "The webhook signature does not match.")
        envelope = self._envelope(body)
        translation = translate_statuses(envelope, self.numbers)  # the common case, quickly
        rejected: list[dict[str, Any]] = []
        if translation is None:
            parsed, rejected = self._parse(envelope)
            translation = translate(parsed, self.numbers)
        if rejected:
            translation.count("webhook_items_rejected", len(rejected))
        self._note_ignored(translation)
        if translation.entries or translation.counters:
            return IntakeWrite(translation, rejected)
        return None

    def stored(self, stored: Any) -> None:
        """After the COMMIT: figures, revoked media files, the media fetcher's hook."""
        self.ctx.stats["events_stored"] += len(stored.new)
        self.ctx.stats["events_duplicate"] += stored.duplicates
        self.ctx.stats["webhook_entries_quarantined"] += stored.quarantined
        for name in stored.files_to_delete:
            _delete_media_file(self.ctx.config.media_dir, name)
        for hook in self.after_store:
            try:
                hook(stored)
            except Exception as exc:  # stored all the same: Meta gets its 200
                self.ctx.stats["webhook_hook_failed"] += 1
                log.error("after-store hook failed", extra={
                    "error": type(exc).__name__, "at": innermost_frame(exc)})

    def not_stored(self, exc: BaseException) -> Reject:
        """The disk or the database failed: not stored, so not 200. Meta keeps the
        webhook and retries; /healthz turns "degraded"."""
        log.error("webhook not stored", extra={"error": type(exc).__name__})
        return Reject(503, "unavailable", "The relay cannot store webhooks now.")

    def ok(self) -> tuple[int, bytes, bytes]:
        self.ctx.stats["webhook_200"] += 1
        # No body: the answer goes out in one write.
        return 200, b"", b"text/plain; charset=utf-8"

    def refused(self, rej: Reject) -> tuple[int, bytes, bytes]:
        self.ctx.stats[f"webhook_{rej.status}"] += 1
        return rej.status, error_json(rej.code, rej.message), b"application/json"

    def _envelope(self, body: bytes) -> dict[str, Any]:
        try:
            envelope = loads_envelope(body)
        except InvalidWebhook:
            raise Reject(400, "invalid_json", "The body is not a JSON object.") from None
        if envelope.get("object") != OBJECT or not isinstance(envelope.get("entry"), list):
            raise Reject(400, "not_a_webhook", "The body is not a WhatsApp webhook envelope.")
        return envelope  # type: ignore[return-value]

    def _parse(self, envelope: dict[str, Any]) -> tuple[tuple[WebhookEvent, ...], list[dict[str, Any]]]:
        try:
            return parse_webhook(envelope), []
        except InvalidWebhook as exc:
            return self._salvage(envelope, str(exc))

    def _salvage(self, envelope: dict[str, Any],
                 reason: str) -> tuple[tuple[WebhookEvent, ...], list[dict[str, Any]]]:
        """The items that parse, and the single-item envelopes that do not (to be
        quarantined with the write)."""
        kept: list[WebhookEvent] = []
        rejected: list[dict[str, Any]] = []
        for part in _single_item_envelopes(envelope):
            try:
                kept.extend(parse_webhook(part))
            except InvalidWebhook as exc:
                rejected.append(part)
                log.info("webhook item rejected", extra={"entry_ids": _entry_ids(part),
                                                         "reason": _short(str(exc))})
        if not rejected and not kept:
            raise Reject(400, "not_a_webhook", "The body is not a WhatsApp webhook envelope.")
        self.ctx.stats["webhook_items_rejected"] += len(rejected)
        log.warning("webhook batch salvaged", extra={
            "kept": len(kept), "rejected": len(rejected), "reason": _short(reason)})
        return tuple(kept), rejected

    def _warn_rarely(self, what: str) -> None:
        """A flood of forged requests must not flood the log: one line per kind per
        minute, with how many there were since the last one."""
        now = time.monotonic()
        seen = self._suppressed.setdefault(what, [0.0, 0])
        seen[1] += 1
        if now - seen[0] >= 60.0:
            log.warning(what, extra={"count": seen[1]})
            seen[0], seen[1] = now, 0

    def _note_ignored(self, translation: Translation) -> None:
        for number in translation.ignored_numbers:
            level = logging.DEBUG if number in self._warned_numbers else logging.WARNING
            self._warned_numbers.add(number)
            log.log(level, "webhook for a phone number this relay does not serve",
                    extra={"phone_number_id": number})


async def _read_body(receive: Any) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise Reject(400, "disconnected", "The client went away.")
        chunk = message.get("body", b"")
        if chunk:
            size += len(chunk)
            if size > MAX_BODY:
                raise too_large()
            chunks.append(chunk)
        if not message.get("more_body", False):
            return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _delete_media_file(media_dir: Path, name: str) -> None:
    """The relay's copy of a revoked message's media: gone once the revocation is
    stored (the name comes from our own database; anything path-like is refused)."""
    if not name or "/" in name or "\\" in name or name.startswith("."):
        return
    try:
        (media_dir / name).unlink(missing_ok=True)
    except OSError as exc:
        log.warning("revoked media file not deleted", extra={"error": type(exc).__name__})


def _single_item_envelopes(envelope: dict[str, Any]) -> Iterable[dict[str, Any]]:
    """One envelope per change, and per item for the item lists of a change."""
    for entry in envelope.get("entry") or []:
        if not isinstance(entry, dict):
            yield {"object": OBJECT, "entry": [entry]}
            continue
        for change in entry.get("changes") or [None]:
            value = change.get("value") if isinstance(change, dict) else None
            lists = [k for k in _SPLIT_KEYS if isinstance(value, dict)
                     and isinstance(value.get(k), list)]
            if not lists:
                yield _wrap(entry, change)
                continue
            assert isinstance(value, dict) and isinstance(change, dict)
            rest = {k: v for k, v in value.items() if k not in _SPLIT_KEYS}
            for key in lists:
                for item in value[key]:
                    yield _wrap(entry, {**change, "value": {**rest, key: [item]}})


def _wrap(entry: dict[str, Any], change: Any) -> dict[str, Any]:
    return {"object": OBJECT, "entry": [{"id": entry.get("id"), "changes": [change]}]}


def _entry_ids(envelope: dict[str, Any]) -> list[str]:
    return [str(e.get("id")) for e in envelope.get("entry", []) if isinstance(e, dict)]


def _short(text: str) -> str:
    # Parser messages name fields, never values; cap them anyway.
    return text[:120]


def error_json(code: str, message: str) -> bytes:
    return json.dumps({"error": {"code": code, "message": message}}).encode()
