"""Managing message templates of a WhatsApp Business Account (list, create, delete)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from wadesk.cloud import _checks as check
from wadesk.cloud._enum import LenientEnum
from wadesk.cloud.errors import CloudValidationError, MalformedResponseError

NAME_MAX = 512
HEADER_TEXT_MAX = 60
BODY_MAX = 1024
FOOTER_MAX = 60
BUTTONS_MAX = 10
_NAME = re.compile(r"[a-z0-9_]+")
_PLACEHOLDER = re.compile(r"\{\{\s*[A-Za-z0-9_]+\s*\}\}")


class TemplateStatus(LenientEnum):
    APPROVED = "APPROVED"
    PENDING = "PENDING"
    REJECTED = "REJECTED"
    PAUSED = "PAUSED"
    DISABLED = "DISABLED"
    IN_APPEAL = "IN_APPEAL"
    PENDING_DELETION = "PENDING_DELETION"
    DELETED = "DELETED"
    LIMIT_EXCEEDED = "LIMIT_EXCEEDED"
    UNKNOWN = "UNKNOWN"


class TemplateCategory(LenientEnum):
    MARKETING = "MARKETING"
    UTILITY = "UTILITY"
    AUTHENTICATION = "AUTHENTICATION"
    UNKNOWN = "UNKNOWN"


def _s(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _id(value: object) -> str | None:
    if isinstance(value, bool):
        return None
    return str(value) if isinstance(value, (str, int)) else None


@dataclass(frozen=True, slots=True)
class MessageTemplate:
    id: str
    name: str
    language: str | None
    status: TemplateStatus
    category: TemplateCategory
    parameter_format: str | None
    components: tuple[Mapping[str, Any], ...]
    raw: Mapping[str, Any] = field(repr=False)

    @classmethod
    def from_payload(cls, data: Mapping[str, Any]) -> MessageTemplate:
        components = data.get("components")
        return cls(
            id=_id(data.get("id")) or "",
            name=_s(data.get("name")) or "",
            language=_s(data.get("language")),
            status=TemplateStatus(data.get("status")),
            category=TemplateCategory(data.get("category")),
            parameter_format=_s(data.get("parameter_format")),
            components=tuple(c for c in components if isinstance(c, Mapping))
            if isinstance(components, list) else (),
            raw=data,
        )


@dataclass(frozen=True, slots=True)
class TemplatePage:
    templates: tuple[MessageTemplate, ...]
    after: str | None  # the cursor of the next page; None on the last one
    raw: Mapping[str, Any] = field(repr=False)

    @classmethod
    def from_response(cls, data: Mapping[str, Any]) -> TemplatePage:
        items = data.get("data")
        if not isinstance(items, list):
            raise MalformedResponseError("template list without data", http_status=200)
        paging = data.get("paging") if isinstance(data.get("paging"), Mapping) else {}
        cursors = paging.get("cursors") if isinstance(paging.get("cursors"), Mapping) else {}
        # Graph leaves `next` out on the last page but may still send cursors.
        after = _s(cursors.get("after")) if paging.get("next") else None
        return cls(
            templates=tuple(MessageTemplate.from_payload(t) for t in items
                            if isinstance(t, Mapping)),
            after=after or None,
            raw=data,
        )


@dataclass(frozen=True, slots=True)
class TemplateDefinition:
    """A new template to submit for review. Components stay in Meta's JSON shape."""

    name: str
    language: str
    category: TemplateCategory
    components: tuple[Mapping[str, Any], ...]
    parameter_format: str | None = None  # "POSITIONAL" or "NAMED"

    def __post_init__(self) -> None:
        check.text("template name", self.name, max_len=NAME_MAX, min_len=1)
        if not _NAME.fullmatch(self.name):
            raise CloudValidationError("template name", "may hold only a-z, 0-9 and _")
        check.text("template language", self.language, max_len=15, min_len=2)
        if not isinstance(self.category, TemplateCategory) or \
                self.category is TemplateCategory.UNKNOWN:
            raise CloudValidationError("template category", "must be a TemplateCategory")
        _check_components(self.components)

    def to_payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "name": self.name, "language": self.language, "category": str(self.category),
            "components": [dict(c) for c in self.components],
        }
        if self.parameter_format:
            payload["parameter_format"] = self.parameter_format
        return payload


def _check_components(components: tuple[Mapping[str, Any], ...]) -> None:
    kinds = [str(c.get("type", "")).upper() for c in components]
    if kinds.count("BODY") != 1:
        raise CloudValidationError("template components", "need exactly one BODY")
    for kind in ("HEADER", "FOOTER", "BUTTONS"):
        if kinds.count(kind) > 1:
            raise CloudValidationError("template components", f"have {kind} twice")
    for component, kind in zip(components, kinds):
        text = component.get("text")
        if kind == "HEADER" and str(component.get("format", "TEXT")).upper() == "TEXT":
            check.text("template header", text, max_len=HEADER_TEXT_MAX, min_len=1)
            if len(_PLACEHOLDER.findall(text)) > 1:
                raise CloudValidationError("template header", "takes at most one parameter")
        elif kind == "BODY":
            check.text("template body", text, max_len=BODY_MAX, min_len=1)
        elif kind == "FOOTER":
            check.text("template footer", text, max_len=FOOTER_MAX, min_len=1)
        elif kind == "BUTTONS":
            buttons = component.get("buttons")
            if not isinstance(buttons, list):
                raise CloudValidationError("template buttons", "must be a list")
            check.count("template buttons", tuple(buttons), min_items=1, max_items=BUTTONS_MAX)


@dataclass(frozen=True, slots=True)
class TemplateCreated:
    id: str
    status: TemplateStatus
    category: TemplateCategory
    raw: Mapping[str, Any] = field(repr=False)

    @classmethod
    def from_response(cls, data: Mapping[str, Any]) -> TemplateCreated:
        template_id = _id(data.get("id"))
        if not template_id:
            raise MalformedResponseError("template create answer without id", http_status=200)
        return cls(template_id, TemplateStatus(data.get("status")),
                   TemplateCategory(data.get("category")), data)
