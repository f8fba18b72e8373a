"""Customers' messages as Meta delivers them: the ``messages[]`` item, the contact
block, the media behind it, and the opened service window.

A message is described by a *spec*, the body of ``POST /_sim/customers/{id}/say``:

    {"type": "text", "text": "Hallo"}                      (type defaults to text)
    {"type": "image", "file": "hinterrad.jpg", "caption": "..."}   (or "data" base64 + "mime_type")
    {"type": "document", "file": "kaufbeleg.pdf", "filename": "Beleg.pdf"}
    {"type": "audio", "file": "sprachnachricht.ogg", "voice": true}
    {"type": "video" | "sticker", "data": "...", "mime_type": "..."}
    {"type": "location", "latitude": 52.5, "longitude": 13.4, "name": "...", "address": "..."}
    {"type": "contacts", "contacts": [...]}
    {"type": "reaction", "message_id": "wamid...", "emoji": "👍"}   (no emoji: removed)
    {"type": "interactive", "button_reply": {"id", "title"}} / {"list_reply": {...}}
    {"type": "button", "payload": "...", "text": "..."}
    {"type": "edit", "original_message_id": "...", "text": "..."}
    {"type": "revoke", "original_message_id": "..."}
    {"type": "unsupported", "unsupported_type": "poll"}
    {"type": "raw", "message": {...any messages[] item...}, "contacts": false}
Common keys: "reply_to" (a wamid: adds context), "forwarded" (true / "frequently"),
"phone_number_id" (which business number; the first by default).
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from wadesk.sim import errors
from wadesk.sim.samples import SAMPLES, sample_bytes

MEDIA_TYPES = ("image", "video", "audio", "document", "sticker")
DEFAULT_FILES = {"image": "hinterrad.jpg", "document": "kaufbeleg.pdf", "audio": "sprachnachricht.ogg"}


class SpecError(ValueError):
    pass


def build(sim: Any, customer: Any, spec: dict[str, Any], number: Any) -> dict[str, Any]:
    """The ``messages[]`` item for `spec`; registers media and records it on the customer."""
    kind = spec.get("type", "text")
    message: dict[str, Any] = {}
    if customer.wa_id:
        message["from"] = customer.wa_id
    if customer.user_id:
        message["from_user_id"] = customer.user_id
    message["id"] = sim.ids.wamid(customer.wa_id or customer.user_id)
    message["timestamp"] = sim.clock.timestamp()
    if kind == "raw":
        raw = spec.get("message")
        if not isinstance(raw, dict) or "type" not in raw:
            raise SpecError("raw needs a 'message' object with a 'type'")
        message = {**message, **raw}
    else:
        message["type"] = kind
        message.update(_content(sim, kind, spec, number))
    context: dict[str, Any] = {}
    if spec.get("reply_to"):
        context = {"from": number.wa_id, "id": str(spec["reply_to"])}
    if spec.get("forwarded"):
        context["frequently_forwarded" if spec["forwarded"] == "frequently" else "forwarded"] = True
    if context:
        message["context"] = context
    customer.sent.append({"id": message["id"], "type": message["type"],
                          "text": (message.get("text") or {}).get("body")})
    if message["type"] == "revoke":
        original = next((m for m in customer.sent if m["id"] == message["revoke"]["original_message_id"]), None)
        if original is not None:
            original["_revoked"] = True
    return message


def _content(sim: Any, kind: str, spec: dict[str, Any], number: Any) -> dict[str, Any]:
    if kind == "text":
        text = spec.get("text")
        if not isinstance(text, str) or not text:
            raise SpecError("text needs a non-empty 'text'")
        return {"text": {"body": text}}
    if kind in MEDIA_TYPES:
        return {kind: _media(sim, kind, spec, number)}
    if kind == "location":
        try:
            location = {"latitude": float(spec["latitude"]), "longitude": float(spec["longitude"])}
        except (KeyError, TypeError, ValueError):
            raise SpecError("location needs numeric 'latitude' and 'longitude'") from None
        for key in ("name", "address", "url"):
            if spec.get(key):
                location[key] = spec[key]
        return {"location": location}
    if kind == "contacts":
        if not isinstance(spec.get("contacts"), list):
            raise SpecError("contacts needs a 'contacts' array")
        return {"contacts": spec["contacts"]}
    if kind == "reaction":
        if not spec.get("message_id"):
            raise SpecError("reaction needs 'message_id'")
        reaction = {"message_id": spec["message_id"]}
        if spec.get("emoji"):
            reaction["emoji"] = spec["emoji"]
        return {"reaction": reaction}
    if kind == "interactive":
        for reply in ("button_reply", "list_reply"):
            if isinstance(spec.get(reply), dict):
                return {"interactive": {"type": reply, reply: spec[reply]}}
        raise SpecError("interactive needs 'button_reply' or 'list_reply'")
    if kind == "button":
        return {"button": {"payload": str(spec.get("payload", spec.get("text", ""))),
                           "text": str(spec.get("text", ""))}}
    if kind == "edit":
        if not spec.get("original_message_id") or not spec.get("text"):
            raise SpecError("edit needs 'original_message_id' and 'text'")
        return {"edit": {"original_message_id": spec["original_message_id"],
                         "message": {"type": "text", "text": {"body": spec["text"]}}}}
    if kind == "revoke":
        if not spec.get("original_message_id"):
            raise SpecError("revoke needs 'original_message_id'")
        return {"revoke": {"original_message_id": spec["original_message_id"]}}
    if kind == "unsupported":
        return {"errors": [errors.status_error(131051, "Message type is currently not supported.")],
                "unsupported": {"type": str(spec.get("unsupported_type", "unknown"))}}
    raise SpecError(f"unknown message type {kind!r}")


def _media(sim: Any, kind: str, spec: dict[str, Any], number: Any) -> dict[str, Any]:
    if spec.get("data"):
        try:
            data = base64.b64decode(spec["data"], validate=True)
        except (binascii.Error, ValueError):
            raise SpecError("'data' must be base64") from None
        mime = spec.get("mime_type")
        if not mime:
            raise SpecError("'data' needs a 'mime_type'")
        filename = spec.get("filename")
    else:
        name = spec.get("file") or DEFAULT_FILES.get(kind)
        if name not in SAMPLES:
            raise SpecError(f"unknown sample file {name!r}; known: {', '.join(SAMPLES)}")
        data, mime, filename = sample_bytes(name), SAMPLES[name], spec.get("filename", name)
    media = sim.media.add(data, mime, number.phone_number_id, inbound=True, filename=filename)
    item: dict[str, Any] = {"mime_type": mime, "sha256": media.sha256, "id": media.id}
    if sim.public_url:
        item["url"] = sim.media.download_url(media, sim.public_url)
    if spec.get("caption") and kind in ("image", "video", "document"):
        item["caption"] = spec["caption"]
    if kind == "document":
        item["filename"] = filename or "document"
    if kind == "audio":
        item["voice"] = bool(spec.get("voice", mime.startswith("audio/ogg")))
    if kind == "sticker":
        item["animated"] = bool(spec.get("animated", False))
    return item


def receive(sim: Any, customer: Any, spec: dict[str, Any], number: Any | None = None,
            *, deliver: bool = True) -> dict[str, Any]:
    """A customer's message arrives: build it, open the window, POST the webhook."""
    number = number or sim.account.default_number
    message = build(sim, customer, spec, number)
    if message["type"] != "system":
        sim.windows.customer_wrote(number.phone_number_id, customer.identity)
    sim.inbound.record(number.phone_number_id, customer, message)
    if deliver:
        contacts = [] if spec.get("contacts") is False else [customer.contact()]
        sim.webhooks.send(sim.envelopes.messages(number, contacts, [message]))
    return message


def burst(sim: Any, count: int, *, batched: bool, customers: list[Any] | None = None,
          number: Any | None = None) -> list[dict[str, Any]]:
    """`count` customer messages at once: one POST with every message, or one POST each."""
    number = number or sim.account.default_number
    people = customers or sim.customers.personas()
    changes = []
    messages = []
    for index in range(count):
        customer = people[index % len(people)]
        text = f"Nachricht {index + 1} von {count}: " + sim.behaviour.line(customer)
        message = receive(sim, customer, {"type": "text", "text": text}, number, deliver=not batched)
        messages.append(message)
        changes.append(("messages", sim.envelopes.message_value(number, [customer.contact()], [message])))
    if batched and changes:
        sim.webhooks.send(sim.envelopes.wrap(changes))
    return messages


class InboundLog:
    """Every message customers sent, by id (for mark-read and the control API)."""

    def __init__(self, sim: Any) -> None:
        self.sim = sim
        self.items: list[dict[str, Any]] = []
        self.by_id: dict[str, dict[str, Any]] = {}

    def record(self, phone_number_id: str, customer: Any, message: dict[str, Any]) -> None:
        entry = {"phone_number_id": phone_number_id, "customer": customer.key, "message": message,
                 "read": False}
        self.items.append(entry)
        self.by_id[message["id"]] = entry
