"""From parsed webhook events (wadesk.cloud) to relay log entries: kind, payload,
dedupe key. Pure functions, no I/O: the intake calls them before it queues a write.

Payload shapes are listed in wadesk/store/apply_events.py. Dedupe keys name what Meta
identifies uniquely, so a repeated webhook (or the same wamid in another batch, or as
an echo and again in a history chunk) becomes one event:

    msg:<wamid>             a message, whatever way it arrived (in, echo, history)
    status:<wamid>:<name>   one delivery status of one message
    reaction:<wamid>        a reaction message (its own wamid)
    edit:<wamid> / revoke:<wamid>
    meta:<sha256 of the change>   template / quality / account notices
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from wadesk.cloud.webhook_content import (
    ButtonReplyContent,
    ContactsContent,
    EditContent,
    ListReplyContent,
    LocationContent,
    MediaContent,
    MessageContent,
    OrderContent,
    ReactionContent,
    RevokeContent,
    SystemContent,
    TemplateButtonContent,
    TextContent,
)
from wadesk.cloud.webhook_types import (
    AccountUpdate,
    AppStateSync,
    HistoryChunk,
    InboundMessage,
    MessageEcho,
    QualityUpdate,
    StatusUpdate,
    TemplateStatusUpdate,
    WebhookEvent,
)

# Statuses the state tables know; others ("deleted", new names) are counted, not logged.
LOGGED_STATUSES = frozenset({"sent", "delivered", "read", "played", "failed"})


@dataclass(frozen=True, slots=True)
class LogEntry:
    kind: str
    payload: dict[str, Any]
    dedupe_key: str


@dataclass(slots=True)
class Translation:
    entries: list[LogEntry] = field(default_factory=list)
    counters: dict[str, int] = field(default_factory=dict)
    # ids only, for the structured log: never texts
    ignored_numbers: set[str] = field(default_factory=set)

    def count(self, name: str, by: int = 1) -> None:
        self.counters[name] = self.counters.get(name, 0) + by


def translate(events: Iterable[WebhookEvent], phone_number_ids: tuple[str, ...]) -> Translation:
    """Log entries for the events of one webhook POST, in Meta's order.

    Events for business numbers this relay does not serve are skipped (and named in
    `ignored_numbers`); with no numbers configured, every number is served."""
    out = Translation()
    allowed = frozenset(phone_number_ids)
    for event in events:
        if allowed and event.phone_number_id is not None and event.phone_number_id not in allowed:
            out.ignored_numbers.add(event.phone_number_id)
            out.count("webhook_ignored_number")
            continue
        if isinstance(event, InboundMessage):
            _inbound(event, out)
        elif isinstance(event, StatusUpdate):
            _status(event, out)
        elif isinstance(event, MessageEcho):
            _echo(event, out)
        elif isinstance(event, HistoryChunk):
            _history(event, out)
        elif isinstance(event, AppStateSync):
            # The phone's address book (coexistence): never stored, only counted.
            out.count("app_state_sync_dropped")
            out.count("app_state_sync_entries_dropped", event.entries)
        elif isinstance(event, TemplateStatusUpdate):
            out.entries.append(_notice("template.status", event, {
                "template_id": event.template_id, "name": event.template_name,
                "language": event.language, "event": event.event.value, "reason": event.reason,
            }))
        elif isinstance(event, QualityUpdate):
            out.entries.append(_notice("number.quality", event, {
                "phone_number_id": event.phone_number_id, "event": event.event.value,
                "current_limit": event.current_limit,
            }))
        elif isinstance(event, AccountUpdate):
            out.entries.append(_notice("account.update", event, {
                "event": event.event.value, "phone_number": event.phone_number,
            }))
        else:
            out.count(f"webhook_unhandled_{type(event).__name__}")
    return out


# Messages ---------------------------------------------------------------------------
def _contact(wa_id: str | None, user_id: str | None, name: str | None = None,
             username: str | None = None) -> dict[str, Any]:
    return {"wa_id": wa_id, "user_id": user_id, "profile_name": name, "username": username}


def content_text(content: MessageContent) -> str | None:
    """What a person reads of a message, for the chat line and for search."""
    if isinstance(content, TextContent):
        return content.body
    if isinstance(content, MediaContent):
        return content.caption
    if isinstance(content, LocationContent):
        return ", ".join(part for part in (content.name, content.address) if part) or None
    if isinstance(content, (ButtonReplyContent, ListReplyContent)):
        return content.title
    if isinstance(content, TemplateButtonContent):
        return content.text or content.payload
    if isinstance(content, OrderContent):
        return content.text
    if isinstance(content, SystemContent):
        return content.body
    if isinstance(content, ContactsContent):
        names = [card.name.formatted_name for card in content.contacts
                 if getattr(card, "name", None) and getattr(card.name, "formatted_name", None)]
        return ", ".join(names) or None
    return None


def _media(content: MessageContent) -> dict[str, Any] | None:
    if not isinstance(content, MediaContent):
        return None
    return {"media_id": content.id, "mime": content.mime_type, "size": None,
            "filename": content.filename, "sha256": content.sha256}


def _message_payload(wamid: str, phone_number_id: str, contact: dict[str, Any], type_name: str,
                     ts: int, content: MessageContent, reply_to: str | None,
                     raw: Any) -> dict[str, Any]:
    return {
        "wamid": wamid, "phone_number_id": phone_number_id, "contact": contact,
        "type": type_name, "ts": ts, "text": content_text(content), "reply_to_wamid": reply_to,
        "media": _media(content), "raw": dict(raw) if raw is not None else None,
    }


def _inbound(event: InboundMessage, out: Translation) -> None:
    sender = event.sender
    content = event.content
    contact = _contact(sender.wa_id, sender.user_id, sender.name, sender.username)
    if isinstance(content, ReactionContent):
        out.entries.append(LogEntry("reaction", {
            "wamid": event.id, "target_wamid": content.message_id, "reactor": "customer",
            "emoji": content.emoji, "ts": event.timestamp, "agent_id": None,
            "phone_number_id": event.phone_number_id, "contact": contact,
        }, f"reaction:{event.id}"))
        return
    if isinstance(content, EditContent):
        text = content_text(content.content) if content.content is not None else None
        out.entries.append(LogEntry("edit", {
            "wamid": event.id, "target_wamid": content.original_message_id, "text": text,
            "ts": event.timestamp,
        }, f"edit:{event.id}"))
        return
    if isinstance(content, RevokeContent):
        out.entries.append(LogEntry("revoke", {
            "wamid": event.id, "target_wamid": content.original_message_id, "ts": event.timestamp,
        }, f"revoke:{event.id}"))
        return
    reply_to = event.context.reply_to_id if event.context else None
    payload = _message_payload(event.id, event.phone_number_id or "", contact, event.type_name,
                               event.timestamp, content, reply_to, event.raw)
    payload["origin"] = "cloud"
    out.entries.append(LogEntry("message.in", payload, f"msg:{event.id}"))


def _echo(event: MessageEcho, out: Translation) -> None:
    content = event.content
    contact = _contact(event.to, event.to_user_id)
    if isinstance(content, ReactionContent):
        out.entries.append(LogEntry("reaction", {
            "wamid": event.id, "target_wamid": content.message_id, "reactor": "business",
            "emoji": content.emoji, "ts": event.timestamp, "agent_id": None,
            "phone_number_id": event.phone_number_id, "contact": contact,
        }, f"reaction:{event.id}"))
        return
    if isinstance(content, (EditContent, RevokeContent)):
        _inbound_like_change(event.id, event.timestamp, content, out)
        return
    reply_to = event.context.reply_to_id if event.context else None
    payload = _message_payload(event.id, event.phone_number_id or "", contact, event.type_name,
                               event.timestamp, content, reply_to, event.raw)
    payload.update(client_id=None, agent_id=None, origin="phone", status="sent")
    out.entries.append(LogEntry("message.echo", payload, f"msg:{event.id}"))


def _inbound_like_change(wamid: str, ts: int, content: EditContent | RevokeContent,
                         out: Translation) -> None:
    if isinstance(content, EditContent):
        text = content_text(content.content) if content.content is not None else None
        out.entries.append(LogEntry("edit", {"wamid": wamid, "target_wamid":
                                             content.original_message_id, "text": text,
                                             "ts": ts}, f"edit:{wamid}"))
    else:
        out.entries.append(LogEntry("revoke", {"wamid": wamid, "target_wamid":
                                               content.original_message_id, "ts": ts},
                                    f"revoke:{wamid}"))


def _history(event: HistoryChunk, out: Translation) -> None:
    for thread in event.threads:
        for m in thread.messages:
            contact = _contact(thread.id, None)
            if isinstance(m.content, (ReactionContent, EditContent, RevokeContent)):
                out.count("history_items_skipped")
                continue
            payload = _message_payload(m.id, event.phone_number_id or "", contact, m.type_name,
                                       m.timestamp, m.content, None, m.raw)
            payload["origin"] = "history"
            if m.from_ == thread.id:
                out.entries.append(LogEntry("message.in", payload, f"msg:{m.id}"))
            else:
                status = m.status.value if m.status is not None else "sent"
                payload.update(client_id=None, agent_id=None,
                               status=status if status in LOGGED_STATUSES else "sent")
                out.entries.append(LogEntry("message.out", payload, f"msg:{m.id}"))


def _status(event: StatusUpdate, out: Translation) -> None:
    name = event.status_name
    if name not in LOGGED_STATUSES:
        out.count("status_unlogged")
        return
    error = event.errors[0] if event.errors else None
    out.entries.append(LogEntry("status", {
        "wamid": event.id, "status": name, "ts": event.timestamp,
        "client_id": event.callback_data, "phone_number_id": event.phone_number_id,
        "recipient_id": event.recipient_id, "recipient_user_id": event.recipient_user_id,
        "error_code": error.code if error else None,
        "error_title": error.title if error else None,
        "error_reason": (error.details or error.message or error.title) if error else None,
        "pricing_category": event.pricing.category if event.pricing else None,
    }, f"status:{event.id}:{name}"))


def _notice(kind: str, event: WebhookEvent, payload: dict[str, Any]) -> LogEntry:
    digest = hashlib.sha256(
        json.dumps(event.raw, sort_keys=True, separators=(",", ":")).encode()
    ).hexdigest()[:32]
    return LogEntry(kind, payload, f"meta:{kind}:{digest}")
