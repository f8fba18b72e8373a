"""The steps of a send as database writes: each changes the send's record, appends the
event that tells every desktop, and applies it, in one transaction (ctx.write).

    queue_send      checks (client id, conversation, 24-hour window), records the send
                    and its local echo (send.queued): every desktop shows it pending;
                    a file uploaded for it moves onto the message (outgoing_media.py)
    record_accepted Meta took it: send.accepted with the wamid
    record_failed   Meta refused it: send.failed with the code and a plain reason
    record_retry    a retryable error: queued again for later (send.retrying)
    record_unknown  the answer was lost: send.unknown, settled later by a status

These functions run on the writer thread; they raise ApiError for a request that
cannot be accepted, which rolls back only this caller's savepoint.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from wadesk.cloud.errors import CloudValidationError
from wadesk.cloud.messages import Recipient, build_message_body
from wadesk.core import send_failure_texts as texts
from wadesk.relay.access import ApiError
from wadesk.relay.event_write import emit
from wadesk.relay.send_request import SendRequest
from wadesk.store import conversations, people, relay_sends, relay_uploads
from wadesk.store.apply_team_events import conversation_ref, find_conversation
from wadesk.store.contacts import Contact, find_contact, get_contact
from wadesk.store.people import Device, Person
from wadesk.store.relay_sends import SendRecord
from wadesk.store.relay_uploads import Upload

WINDOW_S = 24 * 3600


@dataclass(frozen=True, slots=True)
class Queued:
    record: SendRecord
    new: bool  # False: this client id was known, `record` is its earlier outcome
    claimed: bool = False  # recorded as `sending`: the caller makes the call now


def queue_send(
    conn: Any,
    req: SendRequest,
    person: Person,
    device: Device,
    *,
    phone_number_ids: tuple[str, ...],
    claim: bool = False,
    now: float | None = None,
) -> Queued:
    """Record the send and its local echo. With `claim`, the send is marked `sending`
    at once (the caller holds a rate token and calls Meta right after the commit),
    unless an earlier send to the same person is still open: then it queues behind it."""
    now = time.time() if now is None else now
    known = relay_sends.get_send(conn, req.client_id)
    if known is not None:
        if known.request_hash != req.request_hash:
            raise ApiError(409, "client_id_reused", texts.SEND_CLIENT_ID_REUSED)
        return Queued(known, False)
    contact, conversation_id, phone_number_id, last_customer_at = _target(
        conn, req, phone_number_ids, int(now))
    if req.kind != "template" and (last_customer_at is None or now - last_customer_at >= WINDOW_S):
        raise ApiError(422, "window_closed", texts.WINDOW_CLOSED)
    recipient = contact.user_id if not contact.wa_id else contact.wa_id
    try:
        body = build_message_body(Recipient.of(recipient), req.content, reply_to=req.reply_to,
                                  callback_data=req.client_id)
    except CloudValidationError as exc:
        raise ApiError(400, "invalid_message", f"{exc}.") from None
    claimed = claim and not relay_sends.has_open_send(conn, phone_number_id, recipient)
    record = relay_sends.add_send(
        conn, client_id=req.client_id, request_hash=req.request_hash, person_id=person.id,
        device_id=device.id, conversation_id=conversation_id, phone_number_id=phone_number_id,
        recipient=recipient, kind=req.kind, body=body, sending=claimed, now=now)
    reaction = body.get("reaction") or {}
    media, upload = _media_block(conn, req)
    emit(conn, "send.queued", {
        "client_id": req.client_id,
        "conversation": conversation_ref(conversation_id, phone_number_id, contact.wa_id,
                                         contact.user_id),
        "phone_number_id": phone_number_id,
        "contact": {"wa_id": contact.wa_id, "user_id": contact.user_id,
                    "profile_name": contact.profile_name, "username": contact.username},
        "type": req.kind, "ts": int(now), "text": req.echo_text,
        "reply_to_wamid": req.reply_to, "media": media, "agent_id": str(person.id),
        "target_wamid": reaction.get("message_id"), "emoji": reaction.get("emoji"),
        "content": req.content_payload,
    }, actor_id=person.id, dedupe_key=f"send:{req.client_id}")
    if upload is not None:
        # The relay's copy of the file goes with the message, so GET /api/v1/media/{media
        # id} serves it to every desktop from the moment they see send.queued.
        relay_uploads.attach_upload(conn, upload, req.client_id)
    # The audit says who sent what kind where; the text stays out of it.
    people.audit(conn, person, "message.sent", f"conversation:{conversation_id}",
                 {"client_id": req.client_id, "type": req.kind, "device_id": device.id})
    return Queued(record, True, claimed)


def _media_block(conn: Any, req: SendRequest) -> tuple[dict[str, Any] | None, Upload | None]:
    """send.queued's `media`: the request's, completed from the relay's copy of the
    upload it names (mime, size, sha256), and that copy (None if the relay has none)."""
    media = req.media
    if media is None or not media.get("media_id"):
        return media, None
    upload = relay_uploads.get_upload(conn, media["media_id"])
    if upload is None:
        return media, None
    filled = {**media, **upload.facts()}
    if req.kind == "document" and not filled.get("filename"):
        filled["filename"] = upload.filename
    return filled, upload


def _target(
    conn: Any, req: SendRequest, phone_number_ids: tuple[str, ...], now: int
) -> tuple[Contact, int, str, int | None]:
    if req.conversation_id is not None:
        conversation = conversations.get_conversation(conn, req.conversation_id)
        if conversation is None:
            raise ApiError(404, "conversation_not_found", texts.CONVERSATION_NOT_FOUND)
        contact = get_contact(conn, conversation.contact_id)
        assert contact is not None  # a foreign key
        _check_number(conversation.phone_number_id, phone_number_ids)
        return (contact, conversation.id, conversation.phone_number_id,
                conversation.last_customer_msg_at)
    assert req.to is not None
    phone_number_id = req.to.get("phone_number_id") or (phone_number_ids[0] if phone_number_ids
                                                        else None)
    if not phone_number_id:
        raise ApiError(400, "no_phone_number", texts.NO_PHONE_NUMBER)
    _check_number(phone_number_id, phone_number_ids)
    ref = {"id": None, "phone_number_id": phone_number_id, "wa_id": req.to.get("wa_id"),
           "user_id": req.to.get("user_id")}
    conversation_id = find_conversation(conn, ref, now)
    assert conversation_id is not None
    conversation = conversations.get_conversation(conn, conversation_id)
    contact = find_contact(conn, wa_id=ref["wa_id"], user_id=ref["user_id"])
    assert conversation is not None and contact is not None
    return contact, conversation_id, phone_number_id, conversation.last_customer_msg_at


def _check_number(phone_number_id: str, configured: tuple[str, ...]) -> None:
    if configured and phone_number_id not in configured:
        raise ApiError(400, "unknown_phone_number", texts.UNKNOWN_PHONE_NUMBER)


def _reaction_facts(record: SendRecord) -> dict[str, Any]:
    reaction = (record.body or {}).get("reaction") or {}
    return {"target_wamid": reaction.get("message_id"), "emoji": reaction.get("emoji")}


def record_accepted(conn: Any, record: SendRecord, wamid: str) -> bool:
    if not relay_sends.mark_accepted(conn, record.client_id, wamid):
        return False
    emit(conn, "send.accepted", {
        "client_id": record.client_id, "wamid": wamid, "ts": int(time.time()),
        "type": record.kind, "agent_id": str(record.person_id) if record.person_id else None,
        **_reaction_facts(record),
    }, dedupe_key=f"send.accepted:{record.client_id}")
    return True


def record_failed(conn: Any, record: SendRecord, code: int | None, reason: str,
                  wamid: str | None = None) -> bool:
    if not relay_sends.mark_failed(conn, record.client_id, code=code, reason=reason, wamid=wamid):
        return False
    emit(conn, "send.failed", {
        "client_id": record.client_id, "error_code": code, "reason": reason,
        "ts": int(time.time()), "type": record.kind,
    }, dedupe_key=f"send.failed:{record.client_id}")
    return True


def record_retry(conn: Any, record: SendRecord, at: float, code: int | None, reason: str) -> bool:
    if not relay_sends.reschedule(conn, record.client_id, at=at, code=code, reason=reason):
        return False
    emit(conn, "send.retrying", {
        "client_id": record.client_id, "attempt": record.attempts + 1, "retry_at": at,
        "error_code": code, "reason": reason,
    })
    return True


def record_unknown(conn: Any, record: SendRecord, reason: str) -> bool:
    if not relay_sends.mark_unknown(conn, record.client_id, reason=reason):
        return False
    emit(conn, "send.unknown", {"client_id": record.client_id, "reason": reason,
                                "ts": int(time.time())})
    return True


def record_cloud_state(conn: Any, state: str, message: str, token_fingerprint: str | None) -> None:
    """The relay's standing with the Cloud API, e.g. "token_expired" (stops sending)."""
    current = relay_sends.get_state(conn, "cloud_state")
    relay_sends.set_state(conn, "cloud_state", state)
    relay_sends.set_state(conn, "cloud_state_token", token_fingerprint)
    if current != state:
        emit(conn, "cloud.state", {"state": state, "message": message, "ts": int(time.time())})


def send_view(record: SendRecord) -> dict[str, Any]:
    """The answer of POST /api/v1/messages for a send's current state."""
    error = None
    if record.state in ("failed", "queued", "unknown") and record.error_reason:
        error = {"code": record.error_code, "message": record.error_reason}
    return {
        "client_id": record.client_id,
        "state": record.state,
        "wamid": record.wamid,
        "conversation_id": record.conversation_id,
        "attempts": record.attempts,
        "retry_at": record.next_attempt_at if record.state == "queued" and record.attempts else None,
        "error": error,
    }
