"""From a webhook POST body to typed events.

Check the signature on the raw bytes first (wadesk.cloud.signature), then call
`parse_webhook`. It raises InvalidWebhook and nothing else: when the envelope is not
JSON, not an object, lacks entry/changes, or a required value (an id, a timestamp, a
message's own block) is missing or of the wrong type. Unknown fields, unknown message
types and new enum values are not errors; they come out as UnknownChange,
UnknownContent and UNKNOWN members. Keep the raw body before parsing: a batch with one
broken item is refused as a whole.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import Any

import orjson

from wadesk.cloud._webhook_read import (
    Obj,
    ident,
    lenient_objs,
    obj,
    objs,
    opt_obj,
    opt_str,
    req_id,
    req_obj,
    req_str,
    req_timestamp,
    to_int,
)
from wadesk.cloud.webhook_messages import (
    read_content,
    read_context,
    read_errors,
    read_referral,
)
from wadesk.cloud.webhook_types import (
    AccountEvent,
    AccountUpdate,
    AppStateSync,
    CapabilityUpdate,
    Conversation,
    DeliveryStatus,
    HistoryChunk,
    HistoryMessage,
    HistoryThread,
    InboundMessage,
    InvalidWebhook,
    MessageEcho,
    Pricing,
    QualityEvent,
    QualityUpdate,
    Sender,
    StatusUpdate,
    TemplateEvent,
    TemplateStatusUpdate,
    UnknownChange,
    WebhookErrors,
    WebhookEvent,
)

__all__ = ["InvalidWebhook", "parse_webhook", "loads_envelope"]

OBJECT = "whatsapp_business_account"


def _reject_constant(name: str) -> float:
    raise InvalidWebhook(f"{name} is not JSON")


# One decoder for all: json.loads with an argument builds a new decoder on every call.
_DECODER = json.JSONDecoder(parse_constant=_reject_constant)

# A body that can hold a lone UTF-16 surrogate: a high \uD800-\uDBFF escape not followed
# by a low one, a low \uDC00-\uDFFF escape not after a high one, or (decoded with
# surrogatepass) the raw UTF-8 form ED A0-BF. Emoji sent as escaped pairs are not
# suspect, so the common body costs a scan for "\u" escapes; a suspect one (rare) costs
# a walk of the envelope.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
_RAW_SURROGATE = re.compile(rb"\xed[\xa0-\xbf]")
_SURROGATE_PAIR = re.compile(rb"\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# A number of 19 digits or more (after ":", "[" or ","): orjson would turn it into a
# float where the standard library keeps the integer. Text that merely looks like one
# only costs the slower way.
_BIG_NUMBER = re.compile(rb"[:\[,]\s*-?\d{19}")


def loads_envelope(body: bytes | str | Mapping[str, Any]) -> Obj:
    """The envelope as a dict; raises InvalidWebhook for anything that isn't one."""
    if type(body) is not bytes:  # the relay's case first: ABC checks cost a microsecond
        if isinstance(body, Mapping):
            return body
        if not isinstance(body, (bytes, bytearray, str)):
            raise InvalidWebhook("a webhook body is bytes, text or a dict")
    try:
        if isinstance(body, str):
            suspect = not body.isascii() or _has_lone_surrogate_escape(body.encode("ascii"))
        else:  # as json.loads does: UTF-8/16/32, by the first bytes ("{" and no NUL: UTF-8)
            encoding = "utf-8" if body[:1] == b"{" and body[1:2] != b"\x00" \
                else json.detect_encoding(body)
            suspect = encoding != "utf-8" or _has_lone_surrogate_escape(body) or (
                b"\xed" in body and _RAW_SURROGATE.search(body) is not None)
            if not suspect and _BIG_NUMBER.search(body) is None:
                try:  # orjson: the same values, several times faster
                    return obj(orjson.loads(body), "envelope")
                except orjson.JSONDecodeError:
                    pass  # whatever orjson refuses gets the standard library's verdict
            body = body.decode(encoding, "surrogatepass")
        data = _DECODER.decode(body)
        if suspect:
            data = _without_lone_surrogates(data)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError, UnicodeDecodeError
        raise InvalidWebhook(f"not JSON: {type(exc).__name__}") from None
    return obj(data, "envelope")


def _has_lone_surrogate_escape(body: bytes) -> bool:
    """Whether some surrogate escape is not half of a high-low pair (two C-level scans:
    every escape is paired exactly when the pairs account for all of them)."""
    if b"\\u" not in body:
        return False
    halves = len(_SURROGATE_ESCAPE.findall(body))
    return halves != 0 and halves != 2 * len(_SURROGATE_PAIR.findall(body))


def _without_lone_surrogates(value: Any) -> Any:
    """`value` with every lone UTF-16 surrogate replaced by U+FFFD.

    Meta can cut an emoji in half (a text truncated between the two halves of a
    surrogate pair); the rest of the message is worth keeping, and no UTF-8 store can
    hold the half."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value) if not value.isascii() else value
    if isinstance(value, dict):
        return {_without_lone_surrogates(k): _without_lone_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_lone_surrogates(item) for item in value]
    return value


def parse_webhook(body: bytes | str | Mapping[str, Any]) -> tuple[WebhookEvent, ...]:
    """All events of one webhook POST, in the order Meta listed them."""
    envelope = loads_envelope(body)
    if envelope.get("object") != OBJECT:
        raise InvalidWebhook(f"object must be {OBJECT!r}")
    events: list[WebhookEvent] = []
    entries = envelope.get("entry")
    if not isinstance(entries, list):
        raise InvalidWebhook("entry must be a list")
    for entry in entries:
        entry = obj(entry, "entry[]")
        waba_id = req_id(entry, "id", "entry")
        changes = entry.get("changes")
        if not isinstance(changes, list):
            raise InvalidWebhook("entry.changes must be a list")
        for change in changes:
            change = obj(change, "change")
            field = req_str(change, "field", "change")
            reader = _FIELDS.get(field)
            if reader is None:
                events.append(UnknownChange(waba_id=waba_id, phone_number_id=None,
                                            display_phone_number=None, raw=change, field=field))
                continue
            events.extend(reader(waba_id, req_obj(change, "value", f"change[{field}]")))
    return tuple(events)


class _Origin:
    """The routing facts every event of one change shares."""

    __slots__ = ("waba_id", "phone_number_id", "display_phone_number")

    def __init__(self, waba_id: str, value: Obj, *, required: bool) -> None:
        metadata = opt_obj(value, "metadata")
        if required:
            metadata = req_obj(value, "metadata", "value")
            req_id(metadata, "phone_number_id", "value.metadata")
        self.waba_id = waba_id
        self.phone_number_id = ident(metadata.get("phone_number_id")) if metadata else None
        self.display_phone_number = ident(metadata.get("display_phone_number")) if metadata \
            else None

    def kw(self, raw: Obj) -> dict[str, Any]:
        return {"waba_id": self.waba_id, "phone_number_id": self.phone_number_id,
                "display_phone_number": self.display_phone_number, "raw": raw}


def _senders(contacts: list[Obj]) -> tuple[dict[str, Obj], dict[str, Obj]]:
    by_wa_id: dict[str, Obj] = {}
    by_user_id: dict[str, Obj] = {}
    for contact in contacts:
        if (wa_id := ident(contact.get("wa_id"))) is not None:
            by_wa_id[wa_id] = contact
        if (user_id := ident(contact.get("user_id"))) is not None:
            by_user_id[user_id] = contact
    return by_wa_id, by_user_id


def _sender(m: Obj, contacts: list[Obj], index: tuple[dict[str, Obj], dict[str, Obj]],
            where: str) -> Sender:
    wa_id, user_id = ident(m.get("from")), ident(m.get("from_user_id"))
    contact = (index[0].get(wa_id or "") or index[1].get(user_id or "")
               or (contacts[0] if len(contacts) == 1 else {}))
    profile = opt_obj(contact, "profile") or {}
    wa_id = wa_id or ident(contact.get("wa_id"))
    user_id = user_id or ident(contact.get("user_id"))
    if wa_id is None and user_id is None:
        raise InvalidWebhook(f"{where} has neither from nor from_user_id")
    return Sender(wa_id, user_id, opt_str(profile, "name"), opt_str(profile, "username"))


def _messages(waba_id: str, value: Obj) -> list[WebhookEvent]:
    origin = _Origin(waba_id, value, required=True)
    contacts = lenient_objs(value.get("contacts"))
    index = _senders(contacts)
    events: list[WebhookEvent] = []
    for m in objs(value.get("messages"), "value.messages"):
        kind, type_name, content = read_content(m, "message")
        events.append(InboundMessage(
            **origin.kw(m), id=req_id(m, "id", "message"), timestamp=req_timestamp(m, "message"),
            type=kind, type_name=type_name, sender=_sender(m, contacts, index, "message"),
            content=content, context=read_context(m), referral=read_referral(m),
            errors=read_errors(m.get("errors")),
        ))
    for s in objs(value.get("statuses"), "value.statuses"):
        events.append(_status(origin, s))
    errors = read_errors(value.get("errors"))
    if errors:
        events.append(WebhookErrors(**origin.kw(value), errors=errors))
    return events


def _status(origin: _Origin, s: Obj) -> StatusUpdate:
    status_name = req_str(s, "status", "status")
    conversation = opt_obj(s, "conversation")
    origin_block = opt_obj(conversation, "origin") if conversation else None
    pricing = opt_obj(s, "pricing")
    billable = pricing.get("billable") if pricing else None
    return StatusUpdate(
        **origin.kw(s), id=req_id(s, "id", "status"), status=DeliveryStatus(status_name),
        status_name=status_name, timestamp=req_timestamp(s, "status"),
        recipient_id=ident(s.get("recipient_id")),
        recipient_user_id=ident(s.get("recipient_user_id")),
        callback_data=opt_str(s, "biz_opaque_callback_data"),
        conversation=Conversation(
            ident(conversation.get("id")),
            opt_str(origin_block, "type") if origin_block else None,
            to_int(conversation.get("expiration_timestamp")),
        ) if conversation else None,
        pricing=Pricing(
            billable if isinstance(billable, bool) else None, opt_str(pricing, "pricing_model"),
            opt_str(pricing, "type"), opt_str(pricing, "category"),
        ) if pricing else None,
        errors=read_errors(s.get("errors")),
    )


def _echoes(waba_id: str, value: Obj) -> list[WebhookEvent]:
    origin = _Origin(waba_id, value, required=True)
    events: list[WebhookEvent] = []
    for m in objs(value.get("message_echoes"), "value.message_echoes"):
        kind, type_name, content = read_content(m, "echo")
        events.append(MessageEcho(
            **origin.kw(m), id=req_id(m, "id", "echo"), timestamp=req_timestamp(m, "echo"),
            type=kind, type_name=type_name, from_=ident(m.get("from")), to=ident(m.get("to")),
            to_user_id=ident(m.get("to_user_id")), content=content, context=read_context(m),
        ))
    return events


def _history(waba_id: str, value: Obj) -> list[WebhookEvent]:
    origin = _Origin(waba_id, value, required=True)
    events: list[WebhookEvent] = []
    for chunk in objs(value.get("history"), "value.history"):
        metadata = opt_obj(chunk, "metadata") or {}
        threads = []
        for thread in objs(chunk.get("threads"), "history.threads"):
            messages = []
            for m in objs(thread.get("messages"), "history.messages"):
                kind, type_name, content = read_content(m, "history message")
                context = opt_obj(m, "history_context")
                status = opt_str(context, "status") if context else None
                messages.append(HistoryMessage(
                    id=req_id(m, "id", "history message"),
                    timestamp=req_timestamp(m, "history message"), type=kind,
                    type_name=type_name, from_=ident(m.get("from")), to=ident(m.get("to")),
                    content=content, status=DeliveryStatus(status) if status else None, raw=m,
                ))
            threads.append(HistoryThread(req_id(thread, "id", "history.thread"),
                                         tuple(messages)))
        events.append(HistoryChunk(
            **origin.kw(chunk), phase=to_int(metadata.get("phase")),
            chunk_order=to_int(metadata.get("chunk_order")),
            progress=to_int(metadata.get("progress")), threads=tuple(threads),
            errors=read_errors(chunk.get("errors")),
        ))
    return events


def _app_state_sync(waba_id: str, value: Obj) -> list[WebhookEvent]:
    # Address-book entries: counted, never kept (raw stays empty on purpose).
    entries = value.get("state_sync")
    count = len(entries) if isinstance(entries, list) else 0
    return [AppStateSync(**_Origin(waba_id, value, required=False).kw({}), entries=count)]


def _template_status(waba_id: str, value: Obj) -> list[WebhookEvent]:
    return [TemplateStatusUpdate(
        **_Origin(waba_id, value, required=False).kw(value),
        event=TemplateEvent(opt_str(value, "event") or "UNKNOWN"),
        template_id=ident(value.get("message_template_id")),
        template_name=opt_str(value, "message_template_name"),
        language=opt_str(value, "message_template_language"),
        reason=opt_str(value, "reason"),
    )]


def _quality(waba_id: str, value: Obj) -> list[WebhookEvent]:
    origin = _Origin(waba_id, value, required=False)
    if origin.display_phone_number is None:
        origin.display_phone_number = ident(value.get("display_phone_number"))
    return [QualityUpdate(**origin.kw(value),
                          event=QualityEvent(opt_str(value, "event") or "UNKNOWN"),
                          current_limit=opt_str(value, "current_limit"))]


def _account(waba_id: str, value: Obj) -> list[WebhookEvent]:
    return [AccountUpdate(**_Origin(waba_id, value, required=False).kw(value),
                          event=AccountEvent(opt_str(value, "event") or "UNKNOWN"),
                          phone_number=ident(value.get("phone_number")))]


def _capability(waba_id: str, value: Obj) -> list[WebhookEvent]:
    return [CapabilityUpdate(
        **_Origin(waba_id, value, required=False).kw(value),
        max_daily_conversation_per_phone=to_int(value.get("max_daily_conversation_per_phone")),
        max_phone_numbers_per_business=to_int(value.get("max_phone_numbers_per_business")),
    )]


_FIELDS: dict[str, Callable[[str, Obj], list[WebhookEvent]]] = {
    "messages": _messages,
    "smb_message_echoes": _echoes,
    "history": _history,
    "smb_app_state_sync": _app_state_sync,
    "message_template_status_update": _template_status,
    "phone_number_quality_update": _quality,
    "account_update": _account,
    "business_capability_update": _capability,
}
