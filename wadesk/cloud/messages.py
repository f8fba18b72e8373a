"""Outgoing messages: who to send to, what to send, and what Meta answered.

Each content type checks Meta's documented limits when it is built, so a bad request
fails where it is made, with the field's name, and never costs a call. `to_payload()`
gives the object that goes under the type's key in the send body.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Union

from wadesk.cloud import _checks as check
from wadesk.cloud._enum import LenientEnum
from wadesk.cloud.contact_cards import ContactCard
from wadesk.cloud.errors import CloudValidationError, MalformedResponseError
from wadesk.cloud.interactive import Buttons, ListMessage
from wadesk.cloud.template_messages import TemplateMessage

BODY_MAX = 4096
CAPTION_MAX = 1024
CALLBACK_DATA_MAX = 512

# Meta accepts +, -, spaces and brackets around the digits; E.164 has at most 15 digits.
_PHONE = re.compile(r"\+?[0-9 ()\-]+")
# A business-scoped user id: country code, a dot, digits (e.g. DE.13491208655302741918).
_BSUID = re.compile(r"[A-Z]{2}\.[A-Za-z0-9]+")


@dataclass(frozen=True, slots=True)
class Recipient:
    """A phone number (`to`) or, since 2026, a business-scoped user id (`recipient`)."""

    phone: str | None = None
    user_id: str | None = None

    def __post_init__(self) -> None:
        check.exactly_one("recipient", phone=self.phone, user_id=self.user_id)
        if self.phone is not None:
            if not isinstance(self.phone, str):
                raise CloudValidationError("to", "must be text")
            digits = sum(c in "0123456789" for c in self.phone)
            if not _PHONE.fullmatch(self.phone) or not 3 <= digits <= 15:
                raise CloudValidationError("to", "is not a phone number")
        elif not isinstance(self.user_id, str) or not 3 <= len(self.user_id) <= 128 or any(
            c.isspace() for c in self.user_id
        ):
            raise CloudValidationError("recipient", "is not a business-scoped user id")

    @classmethod
    def of(cls, value: str | Recipient) -> Recipient:
        """A phone number or a BSUID, told apart by shape."""
        if isinstance(value, Recipient):
            return value
        if isinstance(value, str) and _BSUID.fullmatch(value):
            return cls(user_id=value)
        return cls(phone=value)

    def to_payload(self) -> dict[str, str]:
        return {"to": self.phone} if self.phone is not None else {"recipient": str(self.user_id)}


@dataclass(frozen=True, slots=True)
class Text:
    type: ClassVar[str] = "text"
    body: str
    preview_url: bool = False

    def __post_init__(self) -> None:
        check.not_blank("text.body",
                        check.text("text.body", self.body, max_len=BODY_MAX, min_len=1))

    def to_payload(self) -> dict[str, Any]:
        return {"body": self.body, "preview_url": bool(self.preview_url)}


@dataclass(frozen=True, slots=True)
class _Media:
    """Media by the id of an upload or by a public https link."""

    type: ClassVar[str] = "media"
    id: str | None = None
    link: str | None = None

    def __post_init__(self) -> None:
        check.exactly_one(self.type, id=self.id, link=self.link)
        if self.id is not None:
            check.segment(f"{self.type}.id", self.id)
        elif not isinstance(self.link, str) or not self.link.startswith(("https://", "http://")):
            raise CloudValidationError(f"{self.type}.link", "must be an http(s) URL")

    def _ref(self) -> dict[str, Any]:
        return {"id": self.id} if self.id is not None else {"link": self.link}

    def to_payload(self) -> dict[str, Any]:
        return self._ref()


@dataclass(frozen=True, slots=True)
class _CaptionedMedia(_Media):
    caption: str | None = None

    def __post_init__(self) -> None:
        _Media.__post_init__(self)
        check.optional_text(f"{self.type}.caption", self.caption, max_len=CAPTION_MAX)

    def to_payload(self) -> dict[str, Any]:
        payload = self._ref()
        if self.caption:
            payload["caption"] = self.caption
        return payload


@dataclass(frozen=True, slots=True)
class Image(_CaptionedMedia):
    type: ClassVar[str] = "image"


@dataclass(frozen=True, slots=True)
class Video(_CaptionedMedia):
    type: ClassVar[str] = "video"


@dataclass(frozen=True, slots=True)
class Document(_CaptionedMedia):
    type: ClassVar[str] = "document"
    filename: str | None = None

    def __post_init__(self) -> None:
        _CaptionedMedia.__post_init__(self)
        check.optional_text("document.filename", self.filename, max_len=240, min_len=1)

    def to_payload(self) -> dict[str, Any]:
        payload = _CaptionedMedia.to_payload(self)
        if self.filename:
            payload["filename"] = self.filename
        return payload


@dataclass(frozen=True, slots=True)
class Audio(_Media):
    """`voice=True` shows it as a voice note; Meta allows that only for OGG/OPUS."""

    type: ClassVar[str] = "audio"
    voice: bool = False

    def to_payload(self) -> dict[str, Any]:
        payload = self._ref()
        if self.voice:
            payload["voice"] = True
        return payload


@dataclass(frozen=True, slots=True)
class Sticker(_Media):
    type: ClassVar[str] = "sticker"


@dataclass(frozen=True, slots=True)
class Location:
    type: ClassVar[str] = "location"
    latitude: float
    longitude: float
    name: str | None = None
    address: str | None = None

    def __post_init__(self) -> None:
        check.coordinate("location.latitude", self.latitude, limit=90)
        check.coordinate("location.longitude", self.longitude, limit=180)
        check.optional_text("location.name", self.name, max_len=1000)
        check.optional_text("location.address", self.address, max_len=1000)

    def to_payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {"latitude": self.latitude, "longitude": self.longitude}
        if self.name:
            payload["name"] = self.name
        if self.address:
            payload["address"] = self.address
        return payload


@dataclass(frozen=True, slots=True)
class Contacts:
    type: ClassVar[str] = "contacts"
    contacts: tuple[ContactCard, ...]

    def __post_init__(self) -> None:
        if not isinstance(self.contacts, tuple) or not self.contacts:
            raise CloudValidationError("contacts", "needs at least one contact card")
        for card in self.contacts:
            card.validate()

    def to_payload(self) -> list[dict[str, Any]]:
        return [card.to_payload() for card in self.contacts]


@dataclass(frozen=True, slots=True)
class Reaction:
    """An emoji on a message; the empty string removes our reaction."""

    type: ClassVar[str] = "reaction"
    message_id: str
    emoji: str = ""

    def __post_init__(self) -> None:
        check.text("reaction.message_id", self.message_id, max_len=512, min_len=1)
        # One emoji can be several code points (flags, skin tones, ZWJ families).
        check.text("reaction.emoji", self.emoji, max_len=32)

    @property
    def removes(self) -> bool:
        return self.emoji == ""

    def to_payload(self) -> dict[str, Any]:
        return {"message_id": self.message_id, "emoji": self.emoji}


MessageContent = Union[
    Text, Image, Video, Audio, Document, Sticker, Location, Contacts,
    Buttons, ListMessage, Reaction, TemplateMessage,
]


def build_message_body(
    recipient: Recipient,
    content: MessageContent,
    *,
    reply_to: str | None = None,
    callback_data: str | None = None,
) -> dict[str, Any]:
    """The JSON body of POST /{phone-number-id}/messages."""
    body: dict[str, Any] = {"messaging_product": "whatsapp", "recipient_type": "individual"}
    body.update(recipient.to_payload())
    kind = "interactive" if isinstance(content, (Buttons, ListMessage)) else content.type
    body["type"] = kind
    body[kind] = content.to_payload()
    if reply_to is not None:
        if isinstance(content, Reaction):
            raise CloudValidationError("context", "is not allowed on reactions")
        body["context"] = {"message_id": check.text("context.message_id", reply_to,
                                                    max_len=512, min_len=1)}
    if callback_data is not None:
        body["biz_opaque_callback_data"] = check.text(
            "biz_opaque_callback_data", callback_data, max_len=CALLBACK_DATA_MAX
        )
    return body


class MessageStatus(LenientEnum):
    """Only paced (marketing) templates report one; everything else has None."""

    ACCEPTED = "accepted"
    HELD_FOR_QUALITY_ASSESSMENT = "held_for_quality_assessment"
    PAUSED = "paused"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class SendResult:
    """Meta accepted the message (that is all a 200 means: delivery comes by webhook)."""

    wamid: str
    input: str | None
    wa_id: str | None
    user_id: str | None
    message_status: MessageStatus | None
    raw: Mapping[str, Any] = field(repr=False)

    @classmethod
    def from_response(cls, data: Mapping[str, Any]) -> SendResult:
        messages = data.get("messages")
        first = messages[0] if isinstance(messages, list) and messages else None
        wamid = first.get("id") if isinstance(first, dict) else None
        if not isinstance(wamid, str) or not wamid:
            # Meta answered 200 yet we cannot tell which message it made: treat it as
            # sent-but-unknown so that nobody retries it blindly.
            raise MalformedResponseError("send answer without messages[0].id", http_status=200)
        contacts = data.get("contacts")
        contact = contacts[0] if isinstance(contacts, list) and contacts else {}
        contact = contact if isinstance(contact, dict) else {}
        status = first.get("message_status")

        def _str(value: object) -> str | None:
            return value if isinstance(value, str) else None

        return cls(
            wamid=wamid,
            input=_str(contact.get("input")),
            wa_id=_str(contact.get("wa_id")),
            user_id=_str(contact.get("user_id")),
            message_status=MessageStatus(status) if isinstance(status, str) else None,
            raw=data,
        )
