"""What a desktop asks to send, checked and turned into a Cloud API request.

The desktop posts the message in the Cloud API's own shape (the object that goes under
the type's key), so the format is documented by Meta and nothing is lost:

    {"client_id": "c-7f3a…", "conversation_id": 12, "type": "text",
     "text": {"body": "Guten Tag!"}, "reply_to": "wamid.…"}

Each kind is built into wadesk.cloud's content types, which check Meta's limits (a
4097-character text fails here with the field's name, not at Meta). `to` may replace
`conversation_id` for a first message to a number: {"phone_number_id", "wa_id" |
"user_id"} (outside a window that needs a template anyway).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeGuard

from wadesk.cloud.contact_cards import ContactCard
from wadesk.cloud.errors import CloudValidationError
from wadesk.cloud.interactive import (
    Buttons,
    ListMessage,
    ListRow,
    ListSection,
    ReplyButton,
)
from wadesk.cloud.messages import (
    Audio,
    Contacts,
    Document,
    Image,
    Location,
    MessageContent,
    Reaction,
    Sticker,
    Text,
    Video,
)
from wadesk.cloud.template_messages import (
    CurrencyParameter,
    DateTimeParameter,
    LocationParameter,
    MediaParameter,
    PayloadParameter,
    TemplateComponent,
    TemplateMessage,
    TemplateParameter,
    TextParameter,
)
from wadesk.core.template_text import fallback_text
from wadesk.relay.api_util import is_bounded_id

KINDS = ("text", "image", "video", "audio", "document", "sticker", "location", "contacts",
         "interactive", "reaction", "template")
MEDIA_KINDS = ("image", "video", "audio", "document", "sticker")
# Made by the desktop: a UUID or similar. It travels to Meta as biz_opaque_callback_data
# (≤ 512) and back in every status webhook, so keep it short and plain.
_CLIENT_ID = re.compile(r"[A-Za-z0-9_\-.:]{8,100}")


def is_client_id(value: object) -> TypeGuard[str]:
    """A client-made id as sends (and notes) take it."""
    return isinstance(value, str) and _CLIENT_ID.fullmatch(value) is not None


class RequestError(ValueError):
    """The request cannot be sent as it is; the text names the field."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True, slots=True)
class SendRequest:
    client_id: str
    kind: str
    content: MessageContent
    conversation_id: int | None
    to: dict[str, str | None] | None  # {"phone_number_id", "wa_id", "user_id"}
    reply_to: str | None
    request_hash: str  # the same client id must always mean the same message
    # A template as the customer reads it, rendered by the relay from its template list
    # (templates_api.with_template_text); not part of the request, nor of its hash.
    template_text: str | None = None

    @property
    def content_payload(self) -> Any:
        return self.content.to_payload()

    @property
    def echo_text(self) -> str | None:
        """What the conversation list and search show for the local echo."""
        c = self.content
        if isinstance(c, Text):
            return c.body
        if isinstance(c, (Image, Video, Document)):
            return c.caption or None
        if isinstance(c, Location):
            return ", ".join(part for part in (c.name, c.address) if part) or None
        if isinstance(c, Contacts):
            return ", ".join(card.name.formatted_name for card in c.contacts)
        if isinstance(c, (Buttons, ListMessage)):
            return c.body
        if isinstance(c, TemplateMessage):
            # Without the template's words (not rendered), its name and the values.
            return self.template_text or fallback_text(c.to_payload())
        return None

    @property
    def media(self) -> dict[str, Any] | None:
        c = self.content
        if not isinstance(c, (Image, Video, Audio, Document, Sticker)):
            return None
        return {"media_id": c.id, "mime": None, "size": None,
                "filename": c.filename if isinstance(c, Document) else None, "sha256": None}


def parse(body: object) -> SendRequest:
    """The checked request, or RequestError saying what is wrong."""
    if not isinstance(body, Mapping):
        raise RequestError("The request must be a JSON object.")
    client_id = body.get("client_id")
    if not is_client_id(client_id):
        raise RequestError("client_id must be 8 to 100 letters, digits or - _ . :", "client_id")
    kind = body.get("type")
    if kind not in KINDS:
        raise RequestError(f"type must be one of {', '.join(KINDS)}.", "type")
    conversation_id, to = _target(body)
    reply_to = body.get("reply_to")
    if reply_to is not None and (not isinstance(reply_to, str) or not 1 <= len(reply_to) <= 512):
        raise RequestError("reply_to must be the wamid of the message to quote.", "reply_to")
    if reply_to is not None and kind == "reaction":
        raise RequestError("A reaction cannot quote a message.", "reply_to")
    obj = body.get(kind)
    try:
        content = _BUILDERS[kind](obj)
    except CloudValidationError as exc:
        raise RequestError(f"{exc}.", kind) from None
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError):
        raise RequestError(f"{kind} is not a valid {kind} object.", kind) from None
    canonical = {"type": kind, "content": content.to_payload(), "conversation_id": conversation_id,
                 "to": to, "reply_to": reply_to}
    digest = hashlib.sha256(
        json.dumps(canonical, sort_keys=True, separators=(",", ":")).encode()).hexdigest()
    return SendRequest(client_id, kind, content, conversation_id, to, reply_to, digest)


def _target(body: Mapping[str, Any]) -> tuple[int | None, dict[str, str | None] | None]:
    conversation_id = body.get("conversation_id")
    to = body.get("to")
    if (conversation_id is None) == (to is None):
        raise RequestError("Give either conversation_id or to.", "conversation_id")
    if conversation_id is not None:
        if not is_bounded_id(conversation_id):
            raise RequestError("conversation_id must be a whole number from 1 to 2^63-1.",
                               "conversation_id")
        return conversation_id, None
    if not isinstance(to, Mapping):
        raise RequestError("to must be an object with phone_number_id and wa_id or user_id.", "to")
    wa_id = to.get("wa_id")
    user_id = to.get("user_id")
    if isinstance(wa_id, str):
        wa_id = "".join(ch for ch in wa_id if ch.isdigit())
        if not 8 <= len(wa_id) <= 15:
            raise RequestError("to.wa_id is not a phone number.", "to")
    elif wa_id is not None:
        raise RequestError("to.wa_id must be text.", "to")
    if user_id is not None and (not isinstance(user_id, str) or not 3 <= len(user_id) <= 128):
        raise RequestError("to.user_id is not a business-scoped user id.", "to")
    if not wa_id and not user_id:
        raise RequestError("to needs a wa_id or a user_id.", "to")
    phone_number_id = to.get("phone_number_id")
    if phone_number_id is not None and not isinstance(phone_number_id, str):
        raise RequestError("to.phone_number_id must be text.", "to")
    return None, {"phone_number_id": phone_number_id, "wa_id": wa_id or None,
                  "user_id": user_id or None}


def _obj(value: object) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise TypeError("not an object")
    return value


def _opt_str(value: object) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise TypeError("not text")


def _text(v: object) -> Text:
    o = _obj(v)
    return Text(o["body"], bool(o.get("preview_url", False)))


def _media(cls: type) -> Any:
    def build(v: object) -> Any:
        o = _obj(v)
        kwargs: dict[str, Any] = {"id": _opt_str(o.get("id")), "link": _opt_str(o.get("link"))}
        if cls in (Image, Video, Document):
            kwargs["caption"] = _opt_str(o.get("caption")) or None
        if cls is Document:
            kwargs["filename"] = _opt_str(o.get("filename")) or None
        if cls is Audio:
            kwargs["voice"] = bool(o.get("voice", False))
        return cls(**kwargs)
    return build


def _location(v: object) -> Location:
    o = _obj(v)
    return Location(o["latitude"], o["longitude"], _opt_str(o.get("name")),
                    _opt_str(o.get("address")))


def _contacts(v: object) -> Contacts:
    if not isinstance(v, list) or not v:
        raise TypeError("contacts must be a list of cards")
    return Contacts(tuple(ContactCard.from_payload(_obj(card)) for card in v))


def _header(o: Mapping[str, Any]) -> Any:
    header = o.get("header")
    if header is None:
        return None
    header = _obj(header)
    kind = header.get("type")
    if kind == "text":
        return header["text"]
    if kind in ("image", "video", "document"):
        return _media({"image": Image, "video": Video, "document": Document}[kind])(header[kind])
    raise ValueError("unknown header type")


def _interactive(v: object) -> Buttons | ListMessage:
    o = _obj(v)
    body = _obj(o["body"])["text"]
    footer = _obj(o["footer"])["text"] if o.get("footer") is not None else None
    action = _obj(o["action"])
    if o.get("type") == "button":
        buttons = tuple(ReplyButton(_obj(b["reply"])["id"], _obj(b["reply"])["title"])
                        for b in action["buttons"])
        return Buttons(body, buttons, header=_header(o), footer=footer)
    if o.get("type") == "list":
        sections = tuple(
            ListSection(tuple(ListRow(r["id"], r["title"], _opt_str(r.get("description")))
                              for r in _obj(s)["rows"]), _opt_str(s.get("title")))
            for s in action["sections"])
        header = _header(o)
        return ListMessage(body, action["button"], sections, header=header, footer=footer)
    raise ValueError("interactive.type must be button or list")


def _reaction(v: object) -> Reaction:
    o = _obj(v)
    return Reaction(o["message_id"], o.get("emoji", "") or "")


def _parameter(p: object) -> TemplateParameter:
    o = _obj(p)
    kind = o.get("type")
    if kind == "text":
        return TextParameter(o["text"], _opt_str(o.get("parameter_name")))
    if kind == "currency":
        c = _obj(o["currency"])
        return CurrencyParameter(c["fallback_value"], c["code"], int(c["amount_1000"]))
    if kind == "date_time":
        return DateTimeParameter(_obj(o["date_time"])["fallback_value"])
    if kind in ("image", "video", "document"):
        m = _obj(o[kind])
        return MediaParameter(kind, _opt_str(m.get("id")), _opt_str(m.get("link")),
                              _opt_str(m.get("filename")))
    if kind == "location":
        loc = _obj(o["location"])
        return LocationParameter(loc["latitude"], loc["longitude"], _opt_str(loc.get("name")),
                                 _opt_str(loc.get("address")))
    if kind == "payload":
        return PayloadParameter(o["payload"])
    raise ValueError("unknown template parameter type")


def _template(v: object) -> TemplateMessage:
    o = _obj(v)
    language = o["language"]
    code = _obj(language)["code"] if isinstance(language, Mapping) else language
    components = []
    for c in o.get("components") or ():
        c = _obj(c)
        index = c.get("index")
        components.append(TemplateComponent(
            c["type"], tuple(_parameter(p) for p in c.get("parameters") or ()),
            sub_type=c.get("sub_type"), index=int(index) if index is not None else None))
    return TemplateMessage(o["name"], code, tuple(components))


_BUILDERS: dict[str, Any] = {
    "text": _text,
    "image": _media(Image),
    "video": _media(Video),
    "audio": _media(Audio),
    "document": _media(Document),
    "sticker": _media(Sticker),
    "location": _location,
    "contacts": _contacts,
    "interactive": _interactive,
    "reaction": _reaction,
    "template": _template,
}
