"""Interactive messages: reply buttons and lists, with Meta's limits checked on build."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

from wadesk.cloud import _checks as check
from wadesk.cloud.errors import CloudValidationError

BUTTONS_MAX = 3
BUTTON_TITLE_MAX = 20
BUTTON_ID_MAX = 256
INTERACTIVE_BODY_MAX = 1024
FOOTER_MAX = 60
HEADER_TEXT_MAX = 60
LIST_ROWS_MAX = 10
LIST_SECTIONS_MAX = 10
ROW_TITLE_MAX = 24
ROW_DESCRIPTION_MAX = 72
ROW_ID_MAX = 200
SECTION_TITLE_MAX = 24
LIST_BUTTON_MAX = 20


class HeaderMedia(Protocol):
    """messages.Image, Video or Document used as a button message's header."""

    type: ClassVar[str]

    def to_payload(self) -> Any: ...


def _common(body: str, footer: str | None) -> None:
    check.not_blank("interactive.body", check.text(
        "interactive.body", body, max_len=INTERACTIVE_BODY_MAX, min_len=1))
    check.optional_text("interactive.footer", footer, max_len=FOOTER_MAX, min_len=1)


def _header(header: str | HeaderMedia | None, *, media_allowed: bool) -> dict[str, Any] | None:
    if header is None:
        return None
    if isinstance(header, str):
        check.text("interactive.header", header, max_len=HEADER_TEXT_MAX, min_len=1)
        return {"type": "text", "text": header}
    kind = getattr(header, "type", None)
    if not media_allowed or kind not in ("image", "video", "document"):
        raise CloudValidationError("interactive.header", "must be text" +
                                   (", an image, a video or a document" if media_allowed else ""))
    return {"type": kind, kind: header.to_payload()}


def _unique(field: str, ids: list[str]) -> None:
    if len(set(ids)) != len(ids):
        raise CloudValidationError(field, "must be unique")


@dataclass(frozen=True, slots=True)
class ReplyButton:
    id: str
    title: str

    def __post_init__(self) -> None:
        check.text("button.id", self.id, max_len=BUTTON_ID_MAX, min_len=1)
        check.not_blank("button.title",
                        check.text("button.title", self.title, max_len=BUTTON_TITLE_MAX, min_len=1))


@dataclass(frozen=True, slots=True)
class Buttons:
    """Up to three quick-reply buttons under a body text."""

    type: ClassVar[str] = "button"
    body: str
    buttons: tuple[ReplyButton, ...]
    header: str | HeaderMedia | None = None
    footer: str | None = None

    def __post_init__(self) -> None:
        _common(self.body, self.footer)
        check.count("interactive.buttons", tuple(self.buttons), min_items=1, max_items=BUTTONS_MAX)
        _unique("button.id", [b.id for b in self.buttons])
        _header(self.header, media_allowed=True)

    def to_payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "type": "button",
            "body": {"text": self.body},
            "action": {"buttons": [{"type": "reply", "reply": {"id": b.id, "title": b.title}}
                                   for b in self.buttons]},
        }
        header = _header(self.header, media_allowed=True)
        if header:
            payload["header"] = header
        if self.footer:
            payload["footer"] = {"text": self.footer}
        return payload


@dataclass(frozen=True, slots=True)
class ListRow:
    id: str
    title: str
    description: str | None = None

    def __post_init__(self) -> None:
        check.text("row.id", self.id, max_len=ROW_ID_MAX, min_len=1)
        check.not_blank("row.title", check.text("row.title", self.title,
                                                max_len=ROW_TITLE_MAX, min_len=1))
        check.optional_text("row.description", self.description, max_len=ROW_DESCRIPTION_MAX)


@dataclass(frozen=True, slots=True)
class ListSection:
    rows: tuple[ListRow, ...]
    title: str | None = None

    def __post_init__(self) -> None:
        check.count("section.rows", tuple(self.rows), min_items=1, max_items=LIST_ROWS_MAX)
        check.optional_text("section.title", self.title, max_len=SECTION_TITLE_MAX, min_len=1)


@dataclass(frozen=True, slots=True)
class ListMessage:
    """A menu of up to ten rows behind one button."""

    type: ClassVar[str] = "list"
    body: str
    button: str
    sections: tuple[ListSection, ...]
    header: str | None = None
    footer: str | None = None

    def __post_init__(self) -> None:
        _common(self.body, self.footer)
        check.not_blank("list.button", check.text("list.button", self.button,
                                                  max_len=LIST_BUTTON_MAX, min_len=1))
        check.count("list.sections", tuple(self.sections), min_items=1,
                    max_items=LIST_SECTIONS_MAX)
        rows = [row for section in self.sections for row in section.rows]
        if len(rows) > LIST_ROWS_MAX:
            raise CloudValidationError("list.rows", f"has {len(rows)} rows, at most "
                                       f"{LIST_ROWS_MAX} allowed in all sections together")
        _unique("row.id", [row.id for row in rows])
        if len(self.sections) > 1 and any(not s.title for s in self.sections):
            raise CloudValidationError("section.title", "is required when there are several")
        _header(self.header, media_allowed=False)

    def to_payload(self) -> dict[str, Any]:
        sections = []
        for section in self.sections:
            rows = []
            for row in section.rows:
                item = {"id": row.id, "title": row.title}
                if row.description:
                    item["description"] = row.description
                rows.append(item)
            sections.append({"title": section.title, "rows": rows} if section.title
                            else {"rows": rows})
        payload: dict[str, Any] = {
            "type": "list",
            "body": {"text": self.body},
            "action": {"button": self.button, "sections": sections},
        }
        header = _header(self.header, media_allowed=False)
        if header:
            payload["header"] = header
        if self.footer:
            payload["footer"] = {"text": self.footer}
        return payload
