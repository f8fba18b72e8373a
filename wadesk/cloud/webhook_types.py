"""The typed events a webhook POST turns into.

Every event knows where it came from: the WABA (entry.id) and, for number-level
fields, the business number's phone_number_id and display number. Every event keeps
the JSON it was read from in `raw` — except AppStateSync, which carries address-book
entries that wadesk never keeps.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from wadesk.cloud._enum import LenientEnum
from wadesk.cloud.webhook_content import (
    MessageContent,
    MessageContext,
    MessageType,
    Referral,
    WebhookError,
)


class InvalidWebhook(ValueError):
    """The body is not a WhatsApp webhook envelope. The only thing the parser raises."""


class DeliveryStatus(LenientEnum):
    SENT = "sent"
    DELIVERED = "delivered"
    READ = "read"
    PLAYED = "played"
    FAILED = "failed"
    DELETED = "deleted"
    PENDING = "pending"
    ERROR = "error"  # history_context only
    UNKNOWN = "unknown"


class TemplateEvent(LenientEnum):
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"
    PENDING = "PENDING"
    PAUSED = "PAUSED"
    DISABLED = "DISABLED"
    FLAGGED = "FLAGGED"
    REINSTATED = "REINSTATED"
    IN_APPEAL = "IN_APPEAL"
    PENDING_DELETION = "PENDING_DELETION"
    LIMIT_EXCEEDED = "LIMIT_EXCEEDED"
    UNKNOWN = "UNKNOWN"


class QualityEvent(LenientEnum):
    FLAGGED = "FLAGGED"
    UNFLAGGED = "UNFLAGGED"
    UPGRADE = "UPGRADE"
    DOWNGRADE = "DOWNGRADE"
    ONBOARDING = "ONBOARDING"
    UNKNOWN = "UNKNOWN"


class AccountEvent(LenientEnum):
    VERIFIED_ACCOUNT = "VERIFIED_ACCOUNT"
    DISABLED_UPDATE = "DISABLED_UPDATE"
    ACCOUNT_VIOLATION = "ACCOUNT_VIOLATION"
    ACCOUNT_RESTRICTION = "ACCOUNT_RESTRICTION"
    ACCOUNT_DELETED = "ACCOUNT_DELETED"
    PARTNER_ADDED = "PARTNER_ADDED"
    PARTNER_REMOVED = "PARTNER_REMOVED"
    BUSINESS_PRIMARY_LOCATION_COUNTRY_UPDATE = "BUSINESS_PRIMARY_LOCATION_COUNTRY_UPDATE"
    UNKNOWN = "UNKNOWN"


@dataclass(frozen=True, slots=True, kw_only=True)
class WebhookEvent:
    waba_id: str
    phone_number_id: str | None
    display_phone_number: str | None
    raw: Mapping[str, Any] = field(repr=False)


@dataclass(frozen=True, slots=True)
class Sender:
    """Who wrote: a phone-number user (wa_id) and/or a business-scoped user id. Username
    users may have no wa_id at all."""

    wa_id: str | None
    user_id: str | None
    name: str | None
    username: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class InboundMessage(WebhookEvent):
    id: str
    timestamp: int
    type: MessageType
    type_name: str  # Meta's own word, also for types this code does not know
    sender: Sender
    content: MessageContent
    context: MessageContext | None = None
    referral: Referral | None = None
    errors: tuple[WebhookError, ...] = ()


@dataclass(frozen=True, slots=True)
class Conversation:
    id: str | None
    origin_type: str | None
    expiration_timestamp: int | None


@dataclass(frozen=True, slots=True)
class Pricing:
    billable: bool | None
    pricing_model: str | None
    type: str | None
    category: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class StatusUpdate(WebhookEvent):
    """Progress of a message we sent. They come out of order and sometimes twice."""

    id: str  # the wamid of our message
    status: DeliveryStatus
    status_name: str
    timestamp: int
    recipient_id: str | None
    recipient_user_id: str | None
    callback_data: str | None  # our biz_opaque_callback_data
    conversation: Conversation | None
    pricing: Pricing | None
    errors: tuple[WebhookError, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class WebhookErrors(WebhookEvent):
    """Errors Meta reports about the number as a whole (`value.errors`)."""

    errors: tuple[WebhookError, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class MessageEcho(WebhookEvent):
    """Coexistence: a message the owner typed in the Business App on the phone."""

    id: str
    timestamp: int
    type: MessageType
    type_name: str
    from_: str | None
    to: str | None
    to_user_id: str | None
    content: MessageContent
    context: MessageContext | None = None


@dataclass(frozen=True, slots=True)
class HistoryMessage:
    id: str
    timestamp: int
    type: MessageType
    type_name: str
    from_: str | None
    to: str | None
    content: MessageContent
    status: DeliveryStatus | None
    raw: Mapping[str, Any] = field(repr=False)


@dataclass(frozen=True, slots=True)
class HistoryThread:
    id: str  # the customer's WhatsApp id
    messages: tuple[HistoryMessage, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class HistoryChunk(WebhookEvent):
    """Coexistence onboarding: past chats (up to 180 days) in numbered chunks."""

    phase: int | None
    chunk_order: int | None
    progress: int | None
    threads: tuple[HistoryThread, ...]
    errors: tuple[WebhookError, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class AppStateSync(WebhookEvent):
    """Coexistence address-book sync. wadesk drops it: only the count survives, and
    `raw` is always empty."""

    entries: int


@dataclass(frozen=True, slots=True, kw_only=True)
class TemplateStatusUpdate(WebhookEvent):
    event: TemplateEvent
    template_id: str | None
    template_name: str | None
    language: str | None
    reason: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class QualityUpdate(WebhookEvent):
    event: QualityEvent
    current_limit: str | None  # e.g. TIER_2K; kept as text since Meta renames tiers


@dataclass(frozen=True, slots=True, kw_only=True)
class AccountUpdate(WebhookEvent):
    event: AccountEvent
    phone_number: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class CapabilityUpdate(WebhookEvent):
    max_daily_conversation_per_phone: int | None
    max_phone_numbers_per_business: int | None


@dataclass(frozen=True, slots=True, kw_only=True)
class UnknownChange(WebhookEvent):
    """A webhook field this code does not handle; `raw` is the whole change."""

    field: str
