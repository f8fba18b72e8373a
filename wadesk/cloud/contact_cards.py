"""Contact cards (vCard-like), the same shape whether we send one or a customer does.

These are cards a person chose to share in a chat, not an address book: wadesk shows
them in the conversation and never imports them anywhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from wadesk.cloud import _checks as check


def _s(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _items(value: object) -> list[Mapping[str, Any]]:
    return [v for v in value if isinstance(v, Mapping)] if isinstance(value, list) else []


def _compact(**values: str | None) -> dict[str, str]:
    return {k: v for k, v in values.items() if v is not None}


@dataclass(frozen=True, slots=True)
class ContactName:
    formatted_name: str
    first_name: str | None = None
    last_name: str | None = None
    middle_name: str | None = None
    prefix: str | None = None
    suffix: str | None = None


@dataclass(frozen=True, slots=True)
class ContactPhone:
    phone: str | None
    type: str | None = None
    wa_id: str | None = None


@dataclass(frozen=True, slots=True)
class ContactEmail:
    email: str
    type: str | None = None


@dataclass(frozen=True, slots=True)
class ContactUrl:
    url: str
    type: str | None = None


@dataclass(frozen=True, slots=True)
class ContactAddress:
    street: str | None = None
    city: str | None = None
    state: str | None = None
    zip: str | None = None
    country: str | None = None
    country_code: str | None = None
    type: str | None = None


@dataclass(frozen=True, slots=True)
class ContactOrg:
    company: str | None = None
    department: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class ContactCard:
    name: ContactName
    phones: tuple[ContactPhone, ...] = ()
    emails: tuple[ContactEmail, ...] = ()
    urls: tuple[ContactUrl, ...] = ()
    addresses: tuple[ContactAddress, ...] = ()
    org: ContactOrg | None = None
    birthday: str | None = None
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def validate(self) -> None:
        """For sending only: cards parsed from webhooks are kept as the customer sent them."""
        check.text("contacts.name.formatted_name", self.name.formatted_name,
                   max_len=1024, min_len=1)

    def to_payload(self) -> dict[str, Any]:
        n = self.name
        payload: dict[str, Any] = {"name": _compact(
            formatted_name=n.formatted_name, first_name=n.first_name, last_name=n.last_name,
            middle_name=n.middle_name, prefix=n.prefix, suffix=n.suffix)}
        if self.phones:
            payload["phones"] = [_compact(phone=p.phone, type=p.type, wa_id=p.wa_id)
                                 for p in self.phones]
        if self.emails:
            payload["emails"] = [_compact(email=e.email, type=e.type) for e in self.emails]
        if self.urls:
            payload["urls"] = [_compact(url=u.url, type=u.type) for u in self.urls]
        if self.addresses:
            payload["addresses"] = [_compact(
                street=a.street, city=a.city, state=a.state, zip=a.zip, country=a.country,
                country_code=a.country_code, type=a.type) for a in self.addresses]
        if self.org is not None:
            payload["org"] = _compact(company=self.org.company, department=self.org.department,
                                      title=self.org.title)
        if self.birthday:
            payload["birthday"] = self.birthday
        return payload

    @classmethod
    def from_payload(cls, data: Mapping[str, Any]) -> ContactCard:
        """Lenient: a customer's phone may send a card with almost nothing in it."""
        name = data.get("name") if isinstance(data.get("name"), Mapping) else {}
        formatted = _s(name.get("formatted_name")) or " ".join(
            p for p in (_s(name.get("first_name")), _s(name.get("last_name"))) if p
        ) or "?"
        org = data.get("org")
        return cls(
            name=ContactName(
                formatted_name=formatted, first_name=_s(name.get("first_name")),
                last_name=_s(name.get("last_name")), middle_name=_s(name.get("middle_name")),
                prefix=_s(name.get("prefix")), suffix=_s(name.get("suffix")),
            ),
            phones=tuple(ContactPhone(_s(p.get("phone")), _s(p.get("type")), _s(p.get("wa_id")))
                         for p in _items(data.get("phones"))),
            emails=tuple(ContactEmail(e["email"], _s(e.get("type")))
                         for e in _items(data.get("emails")) if _s(e.get("email"))),
            urls=tuple(ContactUrl(u["url"], _s(u.get("type")))
                       for u in _items(data.get("urls")) if _s(u.get("url"))),
            addresses=tuple(ContactAddress(
                street=_s(a.get("street")), city=_s(a.get("city")), state=_s(a.get("state")),
                zip=_s(a.get("zip")), country=_s(a.get("country")),
                country_code=_s(a.get("country_code")), type=_s(a.get("type")),
            ) for a in _items(data.get("addresses"))),
            org=ContactOrg(_s(org.get("company")), _s(org.get("department")), _s(org.get("title")))
            if isinstance(org, Mapping) else None,
            birthday=_s(data.get("birthday")),
            raw=data,
        )
