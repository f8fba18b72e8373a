"""The WhatsApp business profile: what customers see when they tap the business name.

There are no opening hours in it: wadesk keeps business hours itself.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from wadesk.cloud import _checks as check
from wadesk.cloud._enum import LenientEnum
from wadesk.cloud.errors import CloudValidationError, MalformedResponseError

PROFILE_FIELDS = ("about", "address", "description", "email", "profile_picture_url",
                  "websites", "vertical")
ABOUT_MAX = 139
ADDRESS_MAX = 256
DESCRIPTION_MAX = 512
EMAIL_MAX = 128
WEBSITES_MAX = 2
WEBSITE_MAX = 256
PHOTO_TYPES = ("image/jpeg", "image/png")

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")


class Vertical(LenientEnum):
    UNDEFINED = "UNDEFINED"
    OTHER = "OTHER"
    AUTO = "AUTO"
    BEAUTY = "BEAUTY"
    APPAREL = "APPAREL"
    EDU = "EDU"
    ENTERTAIN = "ENTERTAIN"
    EVENT_PLAN = "EVENT_PLAN"
    FINANCE = "FINANCE"
    GROCERY = "GROCERY"
    GOVT = "GOVT"
    HOTEL = "HOTEL"
    HEALTH = "HEALTH"
    NONPROFIT = "NONPROFIT"
    PROF_SERVICES = "PROF_SERVICES"
    RETAIL = "RETAIL"
    TRAVEL = "TRAVEL"
    RESTAURANT = "RESTAURANT"
    NOT_A_BIZ = "NOT_A_BIZ"
    ALCOHOL = "ALCOHOL"
    ONLINE_GAMBLING = "ONLINE_GAMBLING"
    PHYSICAL_GAMBLING = "PHYSICAL_GAMBLING"
    OTC_DRUGS = "OTC_DRUGS"
    UNKNOWN = "UNKNOWN"


def _s(value: object) -> str | None:
    return value if isinstance(value, str) else None


@dataclass(frozen=True, slots=True)
class BusinessProfile:
    about: str | None
    address: str | None
    description: str | None
    email: str | None
    profile_picture_url: str | None
    websites: tuple[str, ...]
    vertical: Vertical | None
    raw: Mapping[str, Any] = field(repr=False)

    @classmethod
    def from_response(cls, data: Mapping[str, Any]) -> BusinessProfile:
        items = data.get("data")
        if not isinstance(items, list) or not items or not isinstance(items[0], dict):
            raise MalformedResponseError("business profile answer without data[0]",
                                         http_status=200)
        p = items[0]
        websites = p.get("websites")
        vertical = p.get("vertical")
        return cls(
            about=_s(p.get("about")),
            address=_s(p.get("address")),
            description=_s(p.get("description")),
            email=_s(p.get("email")),
            profile_picture_url=_s(p.get("profile_picture_url")),
            websites=tuple(w for w in websites if isinstance(w, str))
            if isinstance(websites, list) else (),
            vertical=Vertical(vertical) if isinstance(vertical, str) else None,
            raw=p,
        )


@dataclass(frozen=True, slots=True)
class BusinessProfileUpdate:
    """Only the fields that are not None are sent; "" clears the optional texts."""

    about: str | None = None
    address: str | None = None
    description: str | None = None
    email: str | None = None
    websites: tuple[str, ...] | None = None
    vertical: Vertical | None = None
    profile_picture_handle: str | None = None

    def __post_init__(self) -> None:
        if self.about is not None:
            check.not_blank("about", check.text("about", self.about, max_len=ABOUT_MAX,
                                                min_len=1))
        check.optional_text("address", self.address, max_len=ADDRESS_MAX)
        check.optional_text("description", self.description, max_len=DESCRIPTION_MAX)
        check.optional_text("email", self.email, max_len=EMAIL_MAX)
        if self.email and not _EMAIL.fullmatch(self.email):
            raise CloudValidationError("email", "is not an email address")
        if self.websites is not None:
            check.count("websites", tuple(self.websites), max_items=WEBSITES_MAX)
            for site in self.websites:
                check.text("website", site, max_len=WEBSITE_MAX, min_len=1)
                if not site.startswith(("http://", "https://")):
                    raise CloudValidationError("website", "must start with http:// or https://")
        if self.vertical is not None and (
                not isinstance(self.vertical, Vertical) or self.vertical is Vertical.UNKNOWN):
            raise CloudValidationError("vertical", "must be one of Meta's verticals")
        check.optional_text("profile_picture_handle", self.profile_picture_handle,
                            max_len=10_000, min_len=1)
        if all(getattr(self, name) is None for name in self.__slots__):
            raise CloudValidationError("profile update", "changes nothing")

    def to_payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {"messaging_product": "whatsapp"}
        for name in self.__slots__:
            value = getattr(self, name)
            if value is None:
                continue
            payload[name] = list(value) if name == "websites" else str(value)
        return payload


def upload_session_id(data: Mapping[str, Any]) -> str:
    """The `upload:…` id from step 1 of the resumable upload."""
    value = data.get("id")
    if not isinstance(value, str) or not value.startswith("upload:"):
        raise MalformedResponseError("resumable upload answer without an upload: id",
                                     http_status=200)
    return value


def upload_handle(data: Mapping[str, Any]) -> str:
    """The file handle `h` from step 2, used as profile_picture_handle."""
    value = data.get("h")
    if not isinstance(value, str) or not value:
        raise MalformedResponseError("resumable upload answer without a handle",
                                     http_status=200)
    return value
