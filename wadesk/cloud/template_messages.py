"""Sending an approved template: the only kind of message allowed outside the 24-hour window.

Parameters fill the template's {{1}} or {{name}} placeholders in the header, the body
and dynamic buttons. Whether their number matches the template is Meta's check (132000);
here only the shape and the documented limits are checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, ClassVar, Literal, Union

from wadesk.cloud import _checks as check
from wadesk.cloud.errors import CloudValidationError

TEMPLATE_NAME_MAX = 512
HEADER_TEXT_PARAM_MAX = 60
BUTTONS_MAX = 10
_LANGUAGE = re.compile(r"[a-z]{2,3}(_[A-Za-z]{2,4})?")
_PARAM_NAME = re.compile(r"[a-z0-9_]+")


@dataclass(frozen=True, slots=True)
class TextParameter:
    text: str
    name: str | None = None  # for templates with named ({{first_name}}) parameters

    def __post_init__(self) -> None:
        check.text("template parameter", self.text, max_len=32768, min_len=1)
        if self.name is not None and not _PARAM_NAME.fullmatch(self.name):
            raise CloudValidationError("template parameter_name", "must be lowercase a-z, 0-9, _")

    def to_payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {"type": "text", "text": self.text}
        if self.name is not None:
            payload["parameter_name"] = self.name
        return payload


@dataclass(frozen=True, slots=True)
class CurrencyParameter:
    fallback_value: str
    code: str
    amount_1000: int  # the amount times 1000, as Meta wants it

    def to_payload(self) -> dict[str, Any]:
        return {"type": "currency", "currency": {
            "fallback_value": self.fallback_value, "code": self.code,
            "amount_1000": self.amount_1000}}


@dataclass(frozen=True, slots=True)
class DateTimeParameter:
    fallback_value: str

    def to_payload(self) -> dict[str, Any]:
        return {"type": "date_time", "date_time": {"fallback_value": self.fallback_value}}


@dataclass(frozen=True, slots=True)
class MediaParameter:
    """An image, video or document header, by upload id or https link."""

    kind: Literal["image", "video", "document"]
    id: str | None = None
    link: str | None = None
    filename: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in ("image", "video", "document"):
            raise CloudValidationError("template media parameter", "must be image/video/document")
        check.exactly_one(f"template {self.kind}", id=self.id, link=self.link)

    def to_payload(self) -> dict[str, Any]:
        media: dict[str, Any] = {"id": self.id} if self.id else {"link": self.link}
        if self.filename and self.kind == "document":
            media["filename"] = self.filename
        return {"type": self.kind, self.kind: media}


@dataclass(frozen=True, slots=True)
class LocationParameter:
    latitude: float
    longitude: float
    name: str | None = None
    address: str | None = None

    def __post_init__(self) -> None:
        check.coordinate("template location.latitude", self.latitude, limit=90)
        check.coordinate("template location.longitude", self.longitude, limit=180)

    def to_payload(self) -> dict[str, Any]:
        loc: dict[str, Any] = {"latitude": self.latitude, "longitude": self.longitude}
        if self.name:
            loc["name"] = self.name
        if self.address:
            loc["address"] = self.address
        return {"type": "location", "location": loc}


@dataclass(frozen=True, slots=True)
class PayloadParameter:
    """What a quick-reply button sends back to us in the `button` webhook."""

    payload: str

    def __post_init__(self) -> None:
        check.text("template button payload", self.payload, max_len=1000)

    def to_payload(self) -> dict[str, Any]:
        return {"type": "payload", "payload": self.payload}


TemplateParameter = Union[TextParameter, CurrencyParameter, DateTimeParameter,
                          MediaParameter, LocationParameter, PayloadParameter]


@dataclass(frozen=True, slots=True)
class TemplateComponent:
    """Parameters for the header, the body or one button (by its index in the template)."""

    type: Literal["header", "body", "button"]
    parameters: tuple[TemplateParameter, ...] = ()
    sub_type: Literal["quick_reply", "url", "copy_code"] | None = None
    index: int | None = None

    def __post_init__(self) -> None:
        if self.type == "button":
            if self.sub_type is None or self.index is None or not 0 <= self.index < BUTTONS_MAX:
                raise CloudValidationError("template button", "needs sub_type and index 0..9")
        elif self.type == "header":
            if len(self.parameters) > 1:
                raise CloudValidationError("template header", "takes at most one parameter")
            for p in self.parameters:
                if isinstance(p, TextParameter):
                    check.text("template header parameter", p.text,
                               max_len=HEADER_TEXT_PARAM_MAX, min_len=1)
        elif self.type != "body":
            raise CloudValidationError("template component", "must be header, body or button")

    @classmethod
    def header(cls, parameter: TemplateParameter) -> TemplateComponent:
        return cls("header", (parameter,))

    @classmethod
    def body(cls, *parameters: TemplateParameter) -> TemplateComponent:
        return cls("body", tuple(parameters))

    @classmethod
    def button(cls, index: int, sub_type: Literal["quick_reply", "url", "copy_code"],
               *parameters: TemplateParameter) -> TemplateComponent:
        return cls("button", tuple(parameters), sub_type=sub_type, index=index)

    def to_payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {"type": self.type,
                                   "parameters": [p.to_payload() for p in self.parameters]}
        if self.type == "button":
            payload["sub_type"] = self.sub_type
            payload["index"] = str(self.index)  # Meta documents the index as a string
        return payload


@dataclass(frozen=True, slots=True)
class TemplateMessage:
    type: ClassVar[str] = "template"
    name: str
    language: str
    components: tuple[TemplateComponent, ...] = ()

    def __post_init__(self) -> None:
        check.text("template.name", self.name, max_len=TEMPLATE_NAME_MAX, min_len=1)
        if not _LANGUAGE.fullmatch(self.language):
            raise CloudValidationError("template.language", "must look like de or en_US")
        if sum(c.type == "header" for c in self.components) > 1 or sum(
                c.type == "body" for c in self.components) > 1:
            raise CloudValidationError("template.components", "has a header or body twice")

    def to_payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {"name": self.name, "language": {"code": self.language}}
        if self.components:
            payload["components"] = [c.to_payload() for c in self.components]
        return payload
