"""Sending endpoints: messages, media uploads, read receipts, the typing indicator.

    POST /api/v1/messages                 {"client_id", "conversation_id" | "to", "type",
                                           <type>: {...}, "reply_to"?}
        -> 200 {"client_id", "state": "accepted"|"failed", "wamid", "conversation_id",
                "attempts", "retry_at", "error": {"code", "message"} | null}
        -> 202 the same with state "queued" (a retry is due at retry_at), "sending"
               (still under way) or "unknown" (the answer was lost; the status webhook
               settles it). Posting the same client_id again never sends twice and
               answers with the send's state then; a different message under a used
               client_id is 409.
               While the Cloud API token is dead (error 190) a send is still taken:
               recorded and shown to the team as pending (send.queued), answered at
               once (no wait for Meta) as "queued" with "waiting_for": "cloud_token"
               and the reason in "error" (code 190), and sent once a new token is set.
        -> 422 window_closed, 404 conversation_not_found, 400 invalid_message
    GET  /api/v1/messages/{client_id}     the same view of one send
    POST /api/v1/media?filename=NAME      raw bytes, Content-Type = the file's type
        -> 201 {"media_id", "mime", "size", "filename", "kind", "kept"}   (checked
               against Meta's types and sizes before upload); 503 cloud_token_expired
               while the token is dead (Meta names a file only once it has it, so an
               upload cannot wait on the relay). The relay keeps an
               encrypted copy ("kept": true); the send naming the media id carries
               it to its message, and every desktop fetches it through
               GET /api/v1/media/{media_id} (outgoing_media.py)
    POST /api/v1/conversations/{id}/read  -> {"conversation_id", "wamid", "meta": "ok"|...}
    POST /api/v1/conversations/{id}/typing  the customer sees the typing indicator, and
               the team sees this person typing here for 10 s (the `presence` of every
               /api/v1/sync answer; presence.py)
    GET  /api/v1/sending                  the relay's standing with the Cloud API

Message texts go to Meta and into the encrypted log, never into logs.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route

from wadesk.cloud import errors as cloud_errors
from wadesk.cloud.media import SUPPORTED_MEDIA, MediaKind, base_mime
from wadesk.core import send_failure_texts as texts
from wadesk.relay import outgoing_media, send_log, send_request, templates_api
from wadesk.relay.access import ApiError, require
from wadesk.relay.api_util import ok, path_id, read_body, read_json
from wadesk.relay.event_write import emit
from wadesk.relay.presence import team_presence
from wadesk.relay.send_errors import TOKEN_EXPIRED, TOKEN_EXPIRED_UPLOAD, reason_for
from wadesk.relay.sender import Sender
from wadesk.store import conversations, relay_sends, team_queries
from wadesk.store.apply_team_events import conversation_ref
from wadesk.store.contacts import get_contact
from wadesk.store.relay_sends import OPEN_STATES, SendRecord

log = logging.getLogger(__name__)

# How long POST /messages waits for Meta's answer before it says "queued/sending":
# long enough for a normal send, short enough for a desktop to stay responsive.
ANSWER_WAIT_S = 10.0
# Meta's code for a dead token, given with a send that waits for a new one.
TOKEN_CODE = 190


def sender_for(ctx: Any) -> Sender:
    """The one Sender of a relay context (made on first use; tests may put
    `ctx.sender_settings` in place first)."""
    sender = getattr(ctx, "sender", None)
    if sender is None:
        sender = ctx.sender = Sender(ctx, getattr(ctx, "sender_settings", None))
    return sender


async def startup(ctx: Any) -> None:
    await sender_for(ctx).start()


async def shutdown(ctx: Any) -> None:
    sender = getattr(ctx, "sender", None)
    if sender is not None:
        await sender.stop()


def routes(ctx: Any) -> list[BaseRoute]:
    sender = sender_for(ctx)
    # Started with the relay (after the database is open), so a restarted relay resumes
    # its queue at once; app.py runs ctx.on_start hooks in its lifespan.
    ctx.on_start.append(sender.start)
    # Before the database closes: calls under way finish and record their answers
    # (cancelled mid-call they would become "unknown" and wait for a status webhook).
    ctx.on_stop.append(sender.stop)
    presence = team_presence(ctx)

    async def drop_stale_uploads() -> None:
        dropped = await outgoing_media.drop_stale_uploads(ctx)
        if dropped:
            log.info("stale uploads dropped", extra={"count": dropped})

    ctx.on_start.append(drop_stale_uploads)

    async def send_message(request: Request) -> JSONResponse:
        caller = await require(request, ctx, "send")
        try:
            req = send_request.parse(await read_json(request))
        except send_request.RequestError as exc:
            raise ApiError(400, "invalid_message", str(exc), extra={"field": exc.field}) from None
        # A template's words for every desktop's bubble (send.queued); never fails the send.
        req = await templates_api.with_template_text(ctx, req)
        if not sender.started:
            await sender.start()
        # With a dead token the send is taken all the same: reserve() gives no rate token
        # then, so it is recorded as queued (and shown pending everywhere) and the sender
        # takes it from the queue once a new token is set.
        numbers = tuple(ctx.config.phone_number_ids)
        # Registered before the write: the answer may come before we start waiting.
        waiter = sender.waiter(req.client_id)
        try:
            # The usual case costs two commits: recorded as `sending` with the rate token
            # already in hand, called at once, outcome recorded. A send that must wait
            # (an earlier one to the same person is open, or sending is stopped) queues.
            claim = await sender.reserve()

            async def record_and_start() -> send_log.Queued:
                queued = await ctx.write(lambda conn: send_log.queue_send(
                    conn, req, caller.person, caller.device, phone_number_ids=numbers,
                    claim=claim))
                if queued.claimed:
                    sender.run_claimed(queued.record)
                elif queued.new:
                    sender.kick()
                return queued

            # Shielded: once recorded as `sending`, the call must be made even if this
            # request is cancelled meanwhile.
            queued = await asyncio.shield(record_and_start())
        except BaseException:
            sender.forget_waiter(req.client_id, waiter)
            raise
        record = queued.record
        if record.state in OPEN_STATES and not waits_for_token(record):
            await sender.wait(req.client_id, waiter, ANSWER_WAIT_S)
            record = await ctx.read(lambda conn: relay_sends.get_send(conn, req.client_id)) or record
        else:
            # Nothing will happen to it before a new token: say so at once.
            sender.forget_waiter(req.client_id, waiter)
        return ok(send_view(record), 200 if record.settled else 202)

    def waits_for_token(record: SendRecord) -> bool:
        return record.state == "queued" and sender.token_expired

    def send_view(record: SendRecord) -> dict[str, Any]:
        view = send_log.send_view(record)
        if waits_for_token(record):
            view["waiting_for"] = "cloud_token"
            view["error"] = {"code": TOKEN_CODE, "message": TOKEN_EXPIRED}
        return view

    async def get_message_send(request: Request) -> JSONResponse:
        await require(request, ctx, "read")
        client_id = request.path_params["client_id"]
        record = await ctx.read(lambda conn: relay_sends.get_send(conn, client_id))
        if record is None:
            raise ApiError(404, "send_not_found", "The relay knows no send with this client_id.")
        return ok(send_view(record))

    async def upload_media(request: Request) -> JSONResponse:
        caller = await require(request, ctx, "send")
        mime = request.headers.get("content-type", "").strip()
        filename = (request.query_params.get("filename") or "file").strip()[:240] or "file"
        if not mime:
            raise ApiError(415, "unsupported_media_type", "Give the file's type as Content-Type.")
        declared = request.headers.get("content-length")
        # Refused before a byte is read when the declared size is already wrong.
        _check_media(mime, int(declared) if declared and declared.isdigit() else None)
        data = await read_body(request, SUPPORTED_MEDIA[base_mime(mime)][1])
        kind = _check_media(mime, len(data))
        if sender.token_expired:
            raise _token_expired_upload()
        cloud = ctx.cloud  # the token this upload is made with
        try:
            media_id = await cloud.upload_media(data, mime, filename=filename)
        except cloud_errors.CloudError as exc:
            raise await _cloud_failure(exc, sender, cloud) from None
        kept = await outgoing_media.keep_upload(ctx, media_id, data, base_mime(mime), filename,
                                                caller.person.id)
        log.info("media uploaded", extra={"size": len(data), "kind": str(kind), "kept": kept})
        return ok({"media_id": media_id, "mime": mime, "size": len(data), "filename": filename,
                   "kind": str(kind.value), "kept": kept}, 201)

    marked: dict[int, str] = {}  # conversation id -> the newest wamid Meta has as read

    async def mark_read(request: Request) -> JSONResponse:
        caller = await require(request, ctx, "read")
        return await _receipt(request, caller, typing=False)

    async def typing(request: Request) -> JSONResponse:
        caller = await require(request, ctx, "send")
        return await _receipt(request, caller, typing=True)

    async def _receipt(request: Request, caller: Any, *, typing: bool) -> JSONResponse:
        conversation_id = path_id(request, "conversation_id")

        def write(conn: Any) -> tuple[str | None, str]:
            conversation = conversations.get_conversation(conn, conversation_id)
            if conversation is None:
                raise ApiError(404, "conversation_not_found", "There is no such conversation.")
            contact = get_contact(conn, conversation.contact_id)
            assert contact is not None
            wamid = team_queries.newest_incoming_wamid(conn, conversation_id)
            if conversation.unread_count:
                emit(conn, "conversation.read", {
                    "conversation": conversation_ref(conversation.id, conversation.phone_number_id,
                                                     contact.wa_id, contact.user_id),
                    "wamid": wamid, "ts": int(time.time()), "by": str(caller.person.id),
                }, actor_id=caller.person.id)
            return wamid, conversation.phone_number_id

        wamid, phone_number_id = await ctx.write(write)
        if typing:
            # For the team at once, whatever Meta says: the conversation exists.
            presence.typing(conversation_id, str(caller.person.id))
        meta = "nothing_to_mark"
        if wamid is not None and not typing and marked.get(conversation_id) == wamid:
            meta = "ok"  # Meta has this receipt already: opening a chat again costs no call
        elif wamid is not None and not sender.token_expired:
            # Read receipts go to the same endpoint as messages: they share the pace.
            await sender.bucket.acquire()
            cloud = ctx.cloud  # the token this call is made with
            try:
                if typing:
                    await cloud.send_typing_indicator(wamid, phone_number_id=phone_number_id)
                else:
                    await cloud.mark_read(wamid, phone_number_id=phone_number_id)
                meta = "ok"
                marked[conversation_id] = wamid  # typing marks read too
            except cloud_errors.CloudError as exc:
                # The team's own read mark stands; Meta's blue ticks are a courtesy.
                log.info("read receipt failed", extra={"code": getattr(exc, "code", None)})
                meta = "failed"
                if isinstance(exc, cloud_errors.AuthenticationError):
                    # Stops sending only if that token is still the relay's: one
                    # replaced meanwhile was refused late, the new one is fine.
                    await sender.token_refused(cloud, exc.code)
        elif wamid is not None:
            meta = "cloud_token_expired"
        return ok({"conversation_id": conversation_id, "wamid": wamid, "meta": meta})

    async def sending_state(request: Request) -> JSONResponse:
        await require(request, ctx, "read")
        counts, state = await ctx.read(lambda conn: (
            relay_sends.count_by_state(conn), relay_sends.get_state(conn, "cloud_state")))
        return ok({
            "cloud": {"state": "token_expired" if sender.token_expired else (state or "ok"),
                      "message": TOKEN_EXPIRED if sender.token_expired else None},
            "sends": counts,
            "throughput_per_s": ctx.config.throughput_per_s,
            # Since this start: accepted, failed, retried, unknown, rate_limited (130429),
            # pair_limited (131056), settled_by_status, in_flight.
            "since_start": sender.snapshot(),
        })

    return [
        Route("/api/v1/messages", send_message, methods=["POST"]),
        Route("/api/v1/messages/{client_id}", get_message_send, methods=["GET"]),
        Route("/api/v1/media", upload_media, methods=["POST"]),
        Route("/api/v1/conversations/{conversation_id}/read", mark_read, methods=["POST"]),
        Route("/api/v1/conversations/{conversation_id}/typing", typing, methods=["POST"]),
        Route("/api/v1/sending", sending_state, methods=["GET"]),
    ]


def _token_expired_upload() -> ApiError:
    # Retry-After: the desktop keeps the file in its outbox and asks again now and then.
    return ApiError(503, "cloud_token_expired", TOKEN_EXPIRED_UPLOAD,
                    headers={"Retry-After": "30"})


def _check_media(mime: str, size: int | None) -> MediaKind:
    """Meta's types and sizes: 415 for a type WhatsApp does not take, 413 too big,
    400 empty. `size` None checks the type only."""
    entry = SUPPORTED_MEDIA.get(base_mime(mime))
    if entry is None:
        raise ApiError(415, "media_refused",
                       texts.fill(texts.MEDIA_TYPE_REFUSED, base_mime(mime) or "unknown"))
    kind, limit = entry
    if size is not None and size > limit:
        raise ApiError(413, "media_refused", texts.fill(
            texts.MEDIA_TOO_LARGE, kind.value, limit // 1024, (size + 1023) // 1024))
    if size is not None and size <= 0:
        raise ApiError(400, "media_refused", texts.MEDIA_EMPTY)
    return kind


async def _cloud_failure(exc: cloud_errors.CloudError, sender: Sender, used: Any) -> ApiError:
    if isinstance(exc, cloud_errors.AuthenticationError):
        if await sender.token_refused(used, exc.code):
            return _token_expired_upload()
        # Refused with the token replaced during the upload: the next try uses the new one.
        return ApiError(503, "cloud_unavailable", "The relay got a new Cloud API token during "
                        "the upload; try the upload again.", headers={"Retry-After": "1"})
    if isinstance(exc, (cloud_errors.TemporaryError, cloud_errors.OutcomeUnknownError,
                        cloud_errors.RateLimitError)):
        return ApiError(503, "cloud_unavailable",
                        "WhatsApp did not answer in time; try the upload again.",
                        headers={"Retry-After": "5"})
    return ApiError(502, "cloud_refused", reason_for(exc), extra={"meta_code": exc.code})
