"""The people on the other side: the personas, and anyone else the business writes to."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from wadesk.sim.personas import PERSONAS, Persona


@dataclass(slots=True)
class Customer:
    key: str
    name: str
    wa_id: str | None
    user_id: str | None
    username: str | None = None
    language: str = "de"
    persona: Persona | None = None
    rng: random.Random = field(default_factory=random.Random)
    sent: list[dict[str, Any]] = field(default_factory=list)  # messages this customer sent
    received: list[str] = field(default_factory=list)  # wamids the business sent to them
    read_up_to: str | None = None  # last of their messages the business marked read
    typing_until: float | None = None
    steps: int = 0

    @property
    def identity(self) -> str:
        """The key of this customer's service window and pair rate limit."""
        return self.wa_id or self.user_id or self.key

    def contact(self) -> dict[str, Any]:
        """The ``contacts[]`` block of an inbound webhook."""
        profile: dict[str, Any] = {"name": self.name}
        if self.username:
            profile["username"] = self.username
        contact: dict[str, Any] = {"profile": profile}
        if self.wa_id:
            contact["wa_id"] = self.wa_id
        if self.user_id:
            contact["user_id"] = self.user_id
        return contact

    def last_sent(self, *types: str) -> dict[str, Any] | None:
        for message in reversed(self.sent):
            if not message.get("_revoked") and (not types or message["type"] in types):
                return message
        return None

    def to_json(self, windows: Any = None, phone_number_id: str | None = None) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.key, "name": self.name, "wa_id": self.wa_id, "user_id": self.user_id,
            "username": self.username, "language": self.language, "persona": self.persona is not None,
            "messages_sent": len(self.sent), "messages_received": len(self.received),
            "read_up_to": self.read_up_to, "typing_until": self.typing_until,
        }
        if windows is not None and phone_number_id is not None:
            data["window_closes_at"] = windows.closes_at(phone_number_id, self.identity)
        return data


class Crowd:
    def __init__(self, sim: Any) -> None:
        self.sim = sim
        self.all: dict[str, Customer] = {}
        for persona in PERSONAS:
            self.all[persona.key] = Customer(
                persona.key, persona.name, persona.wa_id, persona.user_id, persona.username,
                persona.language, persona, random.Random(f"{sim.config.seed}:{persona.key}"),
            )

    def personas(self) -> list[Customer]:
        return [c for c in self.all.values() if c.persona is not None]

    def find(self, ref: str) -> Customer | None:
        """By key, wa_id (any formatting), or business-scoped user id."""
        if ref in self.all:
            return self.all[ref]
        digits = "".join(ch for ch in ref if ch.isdigit())
        for customer in self.all.values():
            if ref == customer.user_id or (digits and digits == customer.wa_id and not ref.count(".")):
                return customer
        return None

    def for_recipient(self, wa_id: str | None, user_id: str | None) -> Customer:
        """The customer a send goes to; strangers become customers without a persona."""
        for customer in self.all.values():
            if (wa_id and customer.wa_id == wa_id) or (user_id and customer.user_id == user_id):
                return customer
        return self.add(name="", wa_id=wa_id, user_id=user_id)

    def add(self, *, name: str, wa_id: str | None, user_id: str | None = None,
            username: str | None = None, language: str = "de", key: str | None = None) -> Customer:
        key = key or wa_id or user_id
        if not key:
            raise ValueError("a customer needs a wa_id or a user_id")
        if key in self.all:
            raise ValueError(f"customer {key!r} exists")
        customer = Customer(key, name or key, wa_id, user_id, username, language, None,
                            random.Random(f"{self.sim.config.seed}:{key}"))
        self.all[key] = customer
        return customer
