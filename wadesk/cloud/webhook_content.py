"""What a message in a webhook contains, one frozen dataclass per kind.

Shared by inbound messages, coexistence echoes, history chunks and edits. Kinds Meta
adds later arrive as UnknownContent with their JSON, so they can be shown and stored.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Union

from wadesk.cloud._enum import LenientEnum
from wadesk.cloud.contact_cards import ContactCard
from wadesk.cloud.errors import CloudApiError, family_for_code
from wadesk.cloud.media import MediaKind


class MessageType(LenientEnum):
    TEXT = "text"
    IMAGE = "image"
    VIDEO = "video"
    AUDIO = "audio"
    STICKER = "sticker"
    DOCUMENT = "document"
    LOCATION = "location"
    CONTACTS = "contacts"
    INTERACTIVE = "interactive"
    BUTTON = "button"
    REACTION = "reaction"
    ORDER = "order"
    SYSTEM = "system"
    EDIT = "edit"
    REVOKE = "revoke"
    UNSUPPORTED = "unsupported"
    UNKNOWN = "unknown"


class SystemType(LenientEnum):
    USER_CHANGED_NUMBER = "user_changed_number"
    CUSTOMER_IDENTITY_CHANGED = "customer_identity_changed"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class TextContent:
    body: str


@dataclass(frozen=True, slots=True)
class MediaContent:
    """Image, video, audio, sticker or document; fetch the bytes by `id` within 7 days."""

    kind: MediaKind
    id: str
    mime_type: str | None = None
    sha256: str | None = None
    caption: str | None = None
    filename: str | None = None
    voice: bool = False
    animated: bool = False
    url: str | None = None


@dataclass(frozen=True, slots=True)
class LocationContent:
    latitude: float
    longitude: float
    name: str | None = None
    address: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class ContactsContent:
    contacts: tuple[ContactCard, ...]


@dataclass(frozen=True, slots=True)
class ButtonReplyContent:
    """The customer tapped one of our reply buttons."""

    id: str
    title: str | None


@dataclass(frozen=True, slots=True)
class ListReplyContent:
    id: str
    title: str | None
    description: str | None


@dataclass(frozen=True, slots=True)
class TemplateButtonContent:
    """The customer tapped a quick-reply button of a template we sent."""

    payload: str | None
    text: str | None


@dataclass(frozen=True, slots=True)
class ReactionContent:
    message_id: str
    emoji: str | None  # None: the customer removed their reaction

    @property
    def removed(self) -> bool:
        return self.emoji is None


@dataclass(frozen=True, slots=True)
class OrderItem:
    product_retailer_id: str | None
    quantity: int
    item_price: float | None
    currency: str | None


@dataclass(frozen=True, slots=True)
class OrderContent:
    catalog_id: str | None
    text: str | None
    items: tuple[OrderItem, ...]


@dataclass(frozen=True, slots=True)
class SystemContent:
    """A number change (`new_wa_id`) or a changed identity key; no contacts block comes."""

    type: SystemType
    body: str | None
    new_wa_id: str | None
    customer: str | None


@dataclass(frozen=True, slots=True)
class EditContent:
    original_message_id: str
    content: MessageContent | None  # the new text or caption, if Meta sent one
    type_name: str | None


@dataclass(frozen=True, slots=True)
class RevokeContent:
    """The customer deleted a message for everyone."""

    original_message_id: str


@dataclass(frozen=True, slots=True)
class UnsupportedContent:
    """Show as "unsupported message" (Meta reports errors code 131051 with it)."""

    unsupported_type: str | None


@dataclass(frozen=True, slots=True)
class UnknownContent:
    """A kind this code does not know yet, kept whole so nothing is lost."""

    type_name: str
    raw: Mapping[str, Any] = field(repr=False)


MessageContent = Union[
    TextContent, MediaContent, LocationContent, ContactsContent, ButtonReplyContent,
    ListReplyContent, TemplateButtonContent, ReactionContent, OrderContent, SystemContent,
    EditContent, RevokeContent, UnsupportedContent, UnknownContent,
]


@dataclass(frozen=True, slots=True)
class MessageContext:
    """A quoted message (`reply_to_id`) and/or forwarding marks."""

    reply_to_id: str | None
    reply_to_from: str | None
    forwarded: bool
    frequently_forwarded: bool
    referred_product: Mapping[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class Referral:
    """The click-to-WhatsApp ad or post that started this conversation."""

    source_url: str | None
    source_id: str | None
    source_type: str | None
    headline: str | None
    body: str | None
    media_type: str | None
    ctwa_clid: str | None
    raw: Mapping[str, Any] = field(repr=False)


@dataclass(frozen=True, slots=True)
class WebhookError:
    code: int | None
    title: str | None
    message: str | None
    details: str | None
    raw: Mapping[str, Any] = field(repr=False)

    @property
    def family(self) -> type[CloudApiError]:
        """The error family, e.g. WindowClosedError for a failed 131047 status."""
        return family_for_code(self.code)
