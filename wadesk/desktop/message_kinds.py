"""What kind of thing a message is, for the eye: a photo, a voice message, a location.

The store keeps Meta's message type and the media's mime type; the list preview and
the bubbles both need the same finer kinds (a voice message is an audio message that
WhatsApp recorded as Opus in Ogg), so they are decided here once.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from wadesk.desktop.rich_text import to_plain

TEXT = "text"
PHOTO = "photo"
VIDEO = "video"
VOICE = "voice"
AUDIO = "audio"
DOCUMENT = "document"
STICKER = "sticker"
LOCATION = "location"
CONTACT = "contact"
TEMPLATE = "template"
REPLY_BUTTON = "reply_button"
SYSTEM = "system"
DELETED = "deleted"
UNSUPPORTED = "unsupported"

MEDIA_KINDS = (PHOTO, VIDEO, VOICE, AUDIO, DOCUMENT, STICKER)

_BY_TYPE = {
    "text": TEXT,
    "image": PHOTO,
    "video": VIDEO,
    "document": DOCUMENT,
    "sticker": STICKER,
    "location": LOCATION,
    "contacts": CONTACT,
    "template": TEMPLATE,
    "interactive": REPLY_BUTTON,
    "button": REPLY_BUTTON,
    "system": SYSTEM,
}


def kind_of(message_type: str, mime: str | None = None, *, revoked: bool = False) -> str:
    if revoked:
        return DELETED
    if message_type == "audio":
        # WhatsApp records voice messages as Opus in Ogg; other audio is a sent file.
        return VOICE if (mime or "audio/ogg").lower().startswith("audio/ogg") else AUDIO
    return _BY_TYPE.get(message_type, UNSUPPORTED)


def kind_label(kind: str) -> str:
    """The word the preview shows for a message without text."""
    labels = {
        PHOTO: QCoreApplication.translate("message_kinds", "Photo"),
        VIDEO: QCoreApplication.translate("message_kinds", "Video"),
        VOICE: QCoreApplication.translate("message_kinds", "Voice message"),
        AUDIO: QCoreApplication.translate("message_kinds", "Audio"),
        DOCUMENT: QCoreApplication.translate("message_kinds", "Document"),
        STICKER: QCoreApplication.translate("message_kinds", "Sticker"),
        LOCATION: QCoreApplication.translate("message_kinds", "Location"),
        CONTACT: QCoreApplication.translate("message_kinds", "Contact"),
        TEMPLATE: QCoreApplication.translate("message_kinds", "Template"),
        REPLY_BUTTON: QCoreApplication.translate("message_kinds", "Button reply"),
        SYSTEM: QCoreApplication.translate("message_kinds", "Notice"),
        DELETED: QCoreApplication.translate("message_kinds", "This message was deleted"),
        UNSUPPORTED: QCoreApplication.translate("message_kinds", "This message type is not supported"),
    }
    return labels.get(kind, "")


def preview_text(kind: str, text: str | None) -> str:
    """One line for the conversation list: the text (or caption), else the kind's word."""
    if kind == DELETED:
        return kind_label(kind)
    if text:
        return to_plain(text)
    if kind == TEXT:
        return ""
    return kind_label(kind)


def preview_icon(kind: str) -> str | None:
    """The glyph (views/glyphs.py) in front of a preview, if the kind has one."""
    return {
        PHOTO: "camera",
        VIDEO: "video",
        VOICE: "mic",
        AUDIO: "music",
        DOCUMENT: "document",
        STICKER: "sticker",
        LOCATION: "pin",
        CONTACT: "person",
        DELETED: "blocked",
        UNSUPPORTED: "warning",
    }.get(kind)
