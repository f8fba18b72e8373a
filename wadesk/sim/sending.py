"""POST /{phone-number-id}/messages: accept (or refuse) a message, then report its fate
in status webhooks, as Meta does.

A 200 only means accepted. What happens next is decided at acceptance and played out
with short real delays: sent -> delivered -> read; a reaction only ever gets ``sent``;
a free-form message outside the customer service window, a message to a number that is
not on WhatsApp or with unusable media gets a single ``failed`` status.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from wadesk.sim import errors, validation
from wadesk.sim.bodies import json_body
from wadesk.sim.errors import WINDOW_CLOSED_DETAILS, status_error

CONVERSATION_SECONDS = 24 * 3600


@dataclass(slots=True)
class SentMessage:
    id: str
    phone_number_id: str
    customer: str
    to: str
    wa_id: str | None
    user_id: str | None
    type: str
    body: dict[str, Any]
    timestamp: float
    callback_data: str | None
    category: str  # service | utility | marketing | authentication
    billable: bool
    pricing_type: str  # free_customer_service | regular
    plan: list[str]
    failure: tuple[int, str] | None = None
    template_id: str | None = None
    text: str | None = None
    quick_replies: list[str] = field(default_factory=list)
    statuses: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "phone_number_id": self.phone_number_id, "customer": self.customer,
            "to": self.to, "wa_id": self.wa_id, "user_id": self.user_id, "type": self.type,
            "text": self.text, "request": self.body, "timestamp": str(int(self.timestamp)),
            "biz_opaque_callback_data": self.callback_data, "category": self.category,
            "template_id": self.template_id, "planned_statuses": self.plan,
            "statuses": [s["status"] for s in self.statuses],
        }


class Outbox:
    """Every message the business sent (what GET /_sim/messages shows)."""

    def __init__(self, sim: Any) -> None:
        self.sim = sim
        self.items: list[SentMessage] = []
        self.by_id: dict[str, SentMessage] = {}
        self._conversations: dict[tuple[str, str, str], tuple[str, float]] = {}

    def add(self, message: SentMessage) -> None:
        self.items.append(message)
        self.by_id[message.id] = message

    def conversation(self, message: SentMessage) -> tuple[str, float]:
        key = (message.phone_number_id, message.customer, message.category)
        current = self._conversations.get(key)
        if current is None or current[1] <= message.timestamp:
            current = (self.sim.ids.hex(32), message.timestamp + CONVERSATION_SECONDS)
            self._conversations[key] = current
        return current


def _plan(sim: Any, request: validation.SendRequest, customer: Any, number: Any,
          window_open: bool) -> tuple[list[str], tuple[int, str] | None]:
    wa_id = request.wa_id
    if wa_id is not None and not 8 <= len(wa_id) <= 15:
        return ["failed"], (131026, "Message undeliverable: the number is not a WhatsApp user.")
    if sim.faults.take("undeliverable") is not None:
        return ["failed"], (131026, "Message undeliverable.")
    if request.type != "template" and not window_open:
        return ["failed"], (131047, WINDOW_CLOSED_DETAILS)
    if request.type in validation.MEDIA_TYPES and request.content.get("id"):
        problem = _media_problem(sim, request)
        if problem:
            return ["failed"], (131053, problem)
    if request.type == "reaction":
        return ["sent"], None
    if sim.faults.take("failed_after_delivered") is not None:
        return ["sent", "delivered", "failed"], (131026, "Message undeliverable: failed on another device.")
    if request.type == "audio" and request.content.get("voice"):
        return ["sent", "delivered", "read", "played"], None  # the customer listened to it
    return ["sent", "delivered", "read"], None


def _media_problem(sim: Any, request: validation.SendRequest) -> str | None:
    media = sim.media.get(request.content["id"])
    if media is None:
        return f"Media with id {request.content['id']} does not exist or has expired."
    mime = media.mime_type.split(";")[0]
    expected = {"image": ("image/jpeg", "image/png"), "sticker": ("image/webp",)}.get(request.type)
    if expected and mime not in expected:
        return f"A {request.type} message cannot carry {mime}."
    if request.type in ("audio", "video", "document") and media.kind != request.type:
        return f"A {request.type} message cannot carry {mime}."
    if request.type == "audio" and request.content.get("voice") and mime != "audio/ogg":
        return "Voice messages must be OGG/OPUS audio."
    return None


async def send(sim: Any, request: Any, phone_number_id: str) -> dict[str, Any]:
    number = sim.account.number(phone_number_id)
    parsed = validation.parse(await json_body(request))
    if isinstance(parsed, validation.ReadRequest):
        return mark_read(sim, number, parsed)
    if parsed.wa_id and parsed.wa_id == number.wa_id:
        raise errors.GraphError(131021, "Sender and recipient phone number is the same.")
    customer = sim.customers.for_recipient(parsed.wa_id, parsed.user_id)
    template = rendered = None
    if parsed.type == "template":
        template, rendered = sim.templates.check_send(parsed.content)
    sim.limits.check(phone_number_id, customer.identity)

    window_open = sim.windows.is_open(phone_number_id, customer.identity)
    plan, failure = _plan(sim, parsed, customer, number, window_open)
    if template is not None:
        category = template.category.lower()
        free = window_open and category == "utility"
    else:
        category, free = "service", True
    wa_id = parsed.wa_id or customer.wa_id
    message = SentMessage(
        id=sim.ids.wamid(wa_id or customer.user_id), phone_number_id=phone_number_id,
        customer=customer.key, to=parsed.to, wa_id=wa_id, user_id=customer.user_id,
        type=parsed.type, body=parsed.body, timestamp=sim.clock.now(), callback_data=parsed.callback_data,
        category=category, billable=not free,
        pricing_type="free_customer_service" if free else "regular", plan=plan, failure=failure,
        template_id=template.id if template else None,
        text=rendered if template else (parsed.content.get("body") if parsed.type == "text" else None),
        quick_replies=[b["text"] for b in ((template.component("BUTTONS") or {}).get("buttons", [])
                                           if template else []) if b.get("type") == "QUICK_REPLY"],
    )
    sim.outbox.add(message)
    if plan[0] != "failed":  # what never reached the phone cannot be reacted to
        customer.received.append(message.id)
    customer.typing_until = None  # the typing indicator ends with the reply
    out_of_order = len(plan) > 1 and sim.faults.take("out_of_order") is not None
    sim.spawn(play_statuses(sim, message, number, customer, out_of_order))
    if parsed.user_id and not parsed.wa_id:
        contact: dict[str, Any] = {"input": parsed.to, "user_id": parsed.user_id}
    else:
        contact = {"input": parsed.to, "wa_id": wa_id}
    reply: dict[str, Any] = {"messaging_product": "whatsapp", "contacts": [contact],
                             "messages": [{"id": message.id}]}
    if parsed.type == "template":
        reply["messages"][0]["message_status"] = "accepted"
    return reply


def mark_read(sim: Any, number: Any, request: validation.ReadRequest) -> dict[str, Any]:
    entry = sim.inbound.by_id.get(request.message_id)
    if entry is None or entry["phone_number_id"] != number.phone_number_id:
        raise errors.invalid_parameter(f"Message {request.message_id} was not found for this number.")
    customer = sim.customers.find(entry["customer"])
    for item in sim.inbound.items:  # reading one marks the earlier ones too
        if item["customer"] == entry["customer"] and item["phone_number_id"] == number.phone_number_id:
            item["read"] = True
        if item is entry:
            break
    if customer is not None:
        customer.read_up_to = request.message_id
        if request.typing:
            customer.typing_until = sim.clock.now() + 25
    return {"success": True}


def status_item(sim: Any, message: SentMessage, status: str, at: float) -> dict[str, Any]:
    item: dict[str, Any] = {"id": message.id, "status": status, "timestamp": str(int(at))}
    if message.wa_id:
        item["recipient_id"] = message.wa_id
    if message.user_id:
        item["recipient_user_id"] = message.user_id
    if message.callback_data is not None:
        item["biz_opaque_callback_data"] = message.callback_data
    if status == "failed":
        code, details = message.failure or (131000, "Something went wrong.")
        item["errors"] = [status_error(code, details)]
    elif status in ("sent", "delivered") and message.type != "reaction":
        conversation_id, expires = sim.outbox.conversation(message)
        conversation: dict[str, Any] = {"id": conversation_id, "origin": {"type": message.category}}
        if status == "sent":
            conversation["expiration_timestamp"] = str(int(expires))
        item["conversation"] = conversation
        item["pricing"] = {"billable": message.billable, "pricing_model": "PMP",
                           "category": message.category, "type": message.pricing_type}
    return item


def _delay(sim: Any, plan: list[str], index: int) -> float | None:
    sent, delivered, read = sim.config.status_delays
    status = plan[index]
    if status == "failed":
        if index == 0:
            return sent if sent is not None else 0.0
        previous = _delay(sim, plan, index - 1)
        return (previous or 0.0) + 0.05
    if status == "played":
        return None if read is None else read + 0.05
    return {"sent": sent, "delivered": delivered, "read": read}[status]


async def play_statuses(sim: Any, message: SentMessage, number: Any, customer: Any,
                        out_of_order: bool) -> None:
    started = asyncio.get_running_loop().time()
    held: list[dict[str, Any]] = []
    for index, status in enumerate(message.plan):
        delay = _delay(sim, message.plan, index)
        if delay is None:
            continue
        wait = started + delay - asyncio.get_running_loop().time()
        if wait > 0:
            await asyncio.sleep(wait)
        item = status_item(sim, message, status, sim.clock.now())
        message.statuses.append(item)
        if out_of_order:
            held.append(item)
        else:
            sim.webhooks.send(sim.envelopes.statuses(number, [item]))
    for index, item in enumerate(reversed(held)):
        if index:
            await asyncio.sleep(0.03)  # separate POSTs, far enough apart to arrive in this order
        sim.webhooks.send(sim.envelopes.statuses(number, [item]))
    if message.failure is None and message.statuses and sim.behaviour.auto_answers:
        await sim.behaviour.answer_later(customer, message)
