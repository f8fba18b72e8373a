"""What POST /{phone-number-id}/messages accepts, checked field by field as Meta does:
missing or malformed fields -> 100, values outside Meta's limits -> 131009 (interactive)
or 100 (text body, captions, callback data)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from wadesk.sim import errors
from wadesk.sim.errors import invalid_parameter as bad
from wadesk.sim.errors import value_not_valid as not_valid

MESSAGE_TYPES = ("text", "image", "video", "audio", "document", "sticker", "location", "contacts",
                 "interactive", "reaction", "template")
MEDIA_TYPES = ("image", "video", "audio", "document", "sticker")
INTERACTIVE_TYPES = ("button", "list", "cta_url", "flow", "location_request_message", "product",
                     "product_list", "catalog_message", "address_message", "call_permission_request")
_PHONE_CHARS = re.compile(r"^[0-9+\-\s().]+$")
_BSUID = re.compile(r"^[A-Z]{2}\.[0-9A-Za-z]+$")
_URL = re.compile(r"^https?://\S+$")


@dataclass(frozen=True, slots=True)
class SendRequest:
    """A message to send, checked; `to` is the input as given, `wa_id` its digits."""

    type: str
    content: Any
    to: str
    wa_id: str | None
    user_id: str | None
    context_id: str | None
    callback_data: str | None
    body: dict[str, Any]


@dataclass(frozen=True, slots=True)
class ReadRequest:
    message_id: str
    typing: bool


def _obj(value: Any, name: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise bad(f"The parameter {name} is required and must be an object.")
    return value


def _text(value: Any, name: str, limit: int, *, required: bool = True, code: int = 100) -> str | None:
    if value is None and not required:
        return None
    if not isinstance(value, str) or (required and not value):
        raise bad(f"The parameter {name} is required and must be a non-empty string.")
    if len(value) > limit:
        detail = f"Param {name} must be at most {limit} characters long."
        raise not_valid(detail) if code == 131009 else bad(detail)
    return value


def parse(body: Any) -> SendRequest | ReadRequest:
    if not isinstance(body, dict):
        raise bad("The request body must be a JSON object.")
    if body.get("messaging_product") != "whatsapp":
        raise bad("The parameter messaging_product is required and must be 'whatsapp'.")
    if "status" in body:
        return _parse_read(body)
    recipient_type = body.get("recipient_type", "individual")
    if recipient_type != "individual":
        raise bad("Param recipient_type must be 'individual'.")
    to, wa_id, user_id = _recipient(body)
    kind = body.get("type", "text")
    if kind not in MESSAGE_TYPES:
        raise bad(f"Param type must be one of {{{', '.join(MESSAGE_TYPES)}}}.")
    if kind not in body:
        raise bad(f"The parameter {kind} is required.")
    content = CHECKS[kind](body[kind])
    context_id = None
    if "context" in body:
        if kind == "reaction":
            raise bad("Param context is not allowed for reaction messages.")
        context_id = _text(_obj(body["context"], "context").get("message_id"), "context['message_id']", 512)
    callback = _text(body.get("biz_opaque_callback_data"), "biz_opaque_callback_data", 512, required=False)
    return SendRequest(kind, content, to, wa_id, user_id, context_id, callback, body)


def _parse_read(body: dict[str, Any]) -> ReadRequest:
    if body["status"] != "read":
        raise bad("Param status must be 'read'.")
    message_id = _text(body.get("message_id"), "message_id", 512)
    typing = "typing_indicator" in body
    if typing and _obj(body["typing_indicator"], "typing_indicator").get("type") != "text":
        raise bad("Param typing_indicator['type'] must be 'text'.")
    return ReadRequest(str(message_id), typing)


def _recipient(body: dict[str, Any]) -> tuple[str, str | None, str | None]:
    to = body.get("to")
    if to is not None:
        if not isinstance(to, str) or not to.strip():
            raise bad("Param to must be a non-empty string.")
        if _BSUID.match(to.strip()):
            return to, None, to.strip()
        if not _PHONE_CHARS.match(to):
            raise bad(f"Param to must be a phone number, not {to!r}.")
        return to, "".join(ch for ch in to if ch.isdigit()), None
    recipient = body.get("recipient")
    if recipient is None:
        raise bad("The parameter to is required.")
    if not isinstance(recipient, str) or not _BSUID.match(recipient):
        raise bad("Param recipient must be a business-scoped user id such as DE.13491208655302741918.")
    return recipient, None, recipient


def _check_text(value: Any) -> dict[str, Any]:
    text = _obj(value, "text")
    _text(text.get("body"), "text['body']", 4096)
    if "preview_url" in text and not isinstance(text["preview_url"], bool):
        raise bad("Param text['preview_url'] must be a boolean.")
    return text


def _media(kind: str):
    def check(value: Any) -> dict[str, Any]:
        media = _obj(value, kind)
        has_id, has_link = bool(media.get("id")), bool(media.get("link"))
        if has_id == has_link:
            raise bad(f"Param {kind} must have either 'id' or 'link'.")
        if has_link and (not isinstance(media["link"], str) or not _URL.match(media["link"])):
            raise bad(f"Param {kind}['link'] must be an http(s) URL.")
        if has_id and not isinstance(media["id"], str):
            raise bad(f"Param {kind}['id'] must be a string.")
        if "caption" in media:
            if kind in ("audio", "sticker"):
                raise bad(f"Param {kind}['caption'] is not allowed.")
            _text(media["caption"], f"{kind}['caption']", 1024)
        if kind == "document" and "filename" in media:
            _text(media["filename"], "document['filename']", 240)
        if kind == "audio" and "voice" in media and not isinstance(media["voice"], bool):
            raise bad("Param audio['voice'] must be a boolean.")
        return media
    return check


def _number(value: Any, name: str, limit: float) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise bad(f"Param {name} must be a number.") from None
    if not -limit <= number <= limit:
        raise bad(f"Param {name} must be between {-limit:g} and {limit:g}.")
    return number


def _check_location(value: Any) -> dict[str, Any]:
    location = _obj(value, "location")
    _number(location.get("latitude"), "location['latitude']", 90)
    _number(location.get("longitude"), "location['longitude']", 180)
    for name in ("name", "address"):
        _text(location.get(name), f"location['{name}']", 1000, required=False)
    return location


def _check_contacts(value: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not value:
        raise bad("Param contacts must be a non-empty array.")
    for index, contact in enumerate(value):
        name = _obj(_obj(contact, f"contacts[{index}]").get("name"), f"contacts[{index}]['name']")
        _text(name.get("formatted_name"), f"contacts[{index}]['name']['formatted_name']", 1000)
        for phone in contact.get("phones") or []:
            _text(_obj(phone, "phones[]").get("phone"), f"contacts[{index}]['phones'][]['phone']", 100)
    return value


def _check_reaction(value: Any) -> dict[str, Any]:
    reaction = _obj(value, "reaction")
    _text(reaction.get("message_id"), "reaction['message_id']", 512)
    emoji = reaction.get("emoji", "")
    if not isinstance(emoji, str):
        raise bad("Param reaction['emoji'] must be a string.")
    if len(emoji) > 10:
        raise not_valid("Param reaction['emoji'] must be a single emoji.")
    return reaction


def _check_template(value: Any) -> dict[str, Any]:
    return _obj(value, "template")  # checked against the account's templates when sending


def _check_interactive(value: Any) -> dict[str, Any]:
    interactive = _obj(value, "interactive")
    kind = interactive.get("type")
    if kind not in INTERACTIVE_TYPES:
        raise bad(f"Param interactive['type'] must be one of {{{', '.join(INTERACTIVE_TYPES)}}}.")
    body = interactive.get("body")
    if kind not in ("product", "product_list") or body is not None:
        _text(_obj(body, "interactive['body']").get("text"), "interactive['body']['text']", 1024, code=131009)
    if "footer" in interactive:
        _text(_obj(interactive["footer"], "interactive['footer']").get("text"),
              "interactive['footer']['text']", 60, code=131009)
    if "header" in interactive:
        _check_header(_obj(interactive["header"], "interactive['header']"))
    action = _obj(interactive.get("action"), "interactive['action']")
    if kind == "button":
        _check_buttons(action)
    elif kind == "list":
        _check_list(action)
    elif kind == "cta_url":
        params = _obj(action.get("parameters"), "interactive['action']['parameters']")
        _text(params.get("display_text"), "interactive['action']['parameters']['display_text']", 20, code=131009)
        if not isinstance(params.get("url"), str) or not _URL.match(params["url"]):
            raise bad("Param interactive['action']['parameters']['url'] must be an http(s) URL.")
    return interactive


def _check_header(header: dict[str, Any]) -> None:
    kind = header.get("type")
    if kind == "text":
        _text(header.get("text"), "interactive['header']['text']", 60, code=131009)
    elif kind in ("image", "video", "document"):
        _media(kind)(header.get(kind))
    else:
        raise bad("Param interactive['header']['type'] must be text, image, video or document.")


def _check_buttons(action: dict[str, Any]) -> None:
    buttons = action.get("buttons")
    if not isinstance(buttons, list) or not buttons:
        raise bad("Param interactive['action']['buttons'] is required.")
    if len(buttons) > 3:
        raise not_valid("Buttons count is invalid. Min count: 1, Max count: 3.")
    ids = set()
    for button in buttons:
        reply = _obj(_obj(button, "buttons[]").get("reply"), "buttons[]['reply']")
        if button.get("type") != "reply":
            raise bad("Param interactive['action']['buttons'][]['type'] must be 'reply'.")
        title, button_id = reply.get("title"), reply.get("id")
        if not isinstance(title, str) or not 1 <= len(title) <= 20:
            raise not_valid("Button title length invalid. Min length: 1, Max length: 20.")
        if not isinstance(button_id, str) or not 1 <= len(button_id) <= 256:
            raise not_valid("Button id length invalid. Min length: 1, Max length: 256.")
        if button_id in ids:
            raise not_valid("Button ids must be unique.")
        ids.add(button_id)


def _check_list(action: dict[str, Any]) -> None:
    _text(action.get("button"), "interactive['action']['button']", 20, code=131009)
    sections = action.get("sections")
    if not isinstance(sections, list) or not sections:
        raise bad("Param interactive['action']['sections'] is required.")
    if len(sections) > 10:
        raise not_valid("Sections count is invalid. Min count: 1, Max count: 10.")
    rows_total, ids = 0, set()
    for section in sections:
        section = _obj(section, "sections[]")
        if len(sections) > 1 or "title" in section:
            _text(section.get("title"), "sections[]['title']", 24, code=131009)
        rows = section.get("rows")
        if not isinstance(rows, list) or not rows:
            raise bad("Param sections[]['rows'] is required.")
        for row in rows:
            row = _obj(row, "rows[]")
            _text(row.get("id"), "rows[]['id']", 200, code=131009)
            _text(row.get("title"), "rows[]['title']", 24, code=131009)
            _text(row.get("description"), "rows[]['description']", 72, required=False, code=131009)
            if row["id"] in ids:
                raise not_valid("Row ids must be unique.")
            ids.add(row["id"])
        rows_total += len(rows)
    if rows_total > 10:
        raise not_valid("Total row count exceed max allowed count: 10")


CHECKS = {
    "text": _check_text,
    "image": _media("image"),
    "video": _media("video"),
    "audio": _media("audio"),
    "document": _media("document"),
    "sticker": _media("sticker"),
    "location": _check_location,
    "contacts": _check_contacts,
    "interactive": _check_interactive,
    "reaction": _check_reaction,
    "template": _check_template,
}

__all__ = ["MEDIA_TYPES", "ReadRequest", "SendRequest", "errors", "parse"]
