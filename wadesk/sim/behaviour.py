"""What simulated customers do: open conversations, ask, answer the business, send
photos, documents, voice notes and locations, react, edit and revoke.

Every choice comes from the customer's own generator seeded with the run's seed, so
the same seed and the same sequence of calls give the same conversation.
"""

from __future__ import annotations

import asyncio
import random
from datetime import datetime, timedelta, timezone
from typing import Any

try:
    from zoneinfo import ZoneInfo

    BERLIN: Any = ZoneInfo("Europe/Berlin")
except Exception:  # no tz database (a bare Windows Python): winter time is close enough
    BERLIN = timezone(timedelta(hours=1))

GENERIC = {
    "de": ("Hallo, danke für die Nachricht!", "Wer ist da?", "Okay, danke."),
    "en": ("Hi, thanks for your message!", "Who is this?", "Okay, thanks."),
}


class Behaviour:
    def __init__(self, sim: Any) -> None:
        self.sim = sim
        self._chatter_rng = random.Random(f"chatter:{sim.config.seed}")
        self.chatter_interval: float | None = sim.config.chatter
        self.auto_answers: bool = sim.config.customers
        self._task: asyncio.Task[None] | None = None

    # Choices ----------------------------------------------------------------------
    def line(self, customer: Any) -> str:
        persona = customer.persona
        if persona is None:
            return customer.rng.choice(GENERIC.get(customer.language, GENERIC["en"]))
        return customer.rng.choice(persona.followups + persona.openers)

    def next_spec(self, customer: Any) -> dict[str, Any]:
        """The customer's next spontaneous message."""
        rng, persona = customer.rng, customer.persona
        customer.steps += 1
        if persona is None:
            return {"type": "text", "text": self.line(customer)}
        number = self.sim.account.default_number.phone_number_id
        if not customer.sent or not self.sim.windows.is_open(number, customer.identity):
            return {"type": "text", "text": rng.choice(persona.openers)}
        options = [("text", 40), ("audio", 8)]
        if persona.photos:
            options.append(("image", 12))
        if persona.documents:
            options.append(("document", 8))
        if persona.location:
            options.append(("location", 6))
        if customer.received:
            options.append(("reaction", 8))
        if customer.last_sent("text"):
            options.append(("edit", 8))
        if customer.last_sent():
            options.append(("revoke", 3))
        kind = rng.choices([k for k, _ in options], weights=[w for _, w in options])[0]
        if kind == "text":
            spec: dict[str, Any] = {"type": "text", "text": rng.choice(persona.followups)}
            if customer.received and rng.random() < 0.2:
                spec["reply_to"] = customer.received[-1]
            return spec
        if kind == "image":
            file, caption = rng.choice(persona.photos)
            return {"type": "image", "file": file, "caption": caption}
        if kind == "document":
            file, filename, caption = rng.choice(persona.documents)
            return {"type": "document", "file": file, "filename": filename, "caption": caption}
        if kind == "audio":
            return {"type": "audio", "file": "sprachnachricht.ogg", "voice": True}
        if kind == "location":
            lat, lon, name, address = persona.location
            return {"type": "location", "latitude": lat, "longitude": lon, "name": name, "address": address}
        if kind == "reaction":
            return {"type": "reaction", "message_id": customer.received[-1],
                    "emoji": rng.choice(persona.reactions)}
        if kind == "edit":
            original = customer.last_sent("text")
            return {"type": "edit", "original_message_id": original["id"],
                    "text": rng.choice(persona.corrections)}
        return {"type": "revoke", "original_message_id": customer.last_sent()["id"]}

    def answer_spec(self, customer: Any, sent: Any) -> dict[str, Any] | None:
        """How a persona answers a message from the business (None: it doesn't)."""
        persona, rng = customer.persona, customer.rng
        if persona is None or sent.type == "reaction":
            return None
        if sent.type == "interactive":
            interactive = sent.body["interactive"]
            action = interactive.get("action", {})
            if interactive.get("type") == "button":
                reply = rng.choice(action["buttons"])["reply"]
                return {"type": "interactive", "button_reply": {"id": reply["id"], "title": reply["title"]},
                        "reply_to": sent.id}
            if interactive.get("type") == "list":
                row = rng.choice([r for s in action["sections"] for r in s["rows"]])
                reply = {k: row[k] for k in ("id", "title", "description") if k in row}
                return {"type": "interactive", "list_reply": reply, "reply_to": sent.id}
        if sent.type == "template" and sent.quick_replies and rng.random() < 0.7:
            title = rng.choice(sent.quick_replies)
            return {"type": "button", "payload": title, "text": title, "reply_to": sent.id}
        if rng.random() < 0.15:
            return {"type": "reaction", "message_id": sent.id, "emoji": rng.choice(persona.reactions)}
        return {"type": "text", "text": rng.choice(persona.answers)}

    def local_hour(self) -> int:
        return datetime.fromtimestamp(self.sim.clock.now(), BERLIN).hour

    def pick_chatty(self) -> Any:
        """A persona who is awake at this simulated hour (anyone if nobody is)."""
        hour = self.local_hour()
        people = self.sim.customers.personas()
        awake = [c for c in people if any(a <= hour < b for a, b in c.persona.active_hours)]
        return self._chatter_rng.choice(awake or people)

    # The demo's chatter -----------------------------------------------------------
    def step(self) -> dict[str, Any]:
        """One spontaneous message from a chatty persona, now."""
        from wadesk.sim.inbound import receive

        customer = self.pick_chatty()
        return {"customer": customer.key, "message": receive(self.sim, customer, self.next_spec(customer))}

    def set_chatter(self, interval: float | None) -> None:
        self.chatter_interval = interval if interval and interval > 0 else None
        if self._task is not None:
            self._task.cancel()
            self._task = None
        if self.chatter_interval is not None:
            self._task = self.sim.spawn(self._chatter())

    async def _chatter(self) -> None:
        while self.chatter_interval is not None:
            await asyncio.sleep(self.chatter_interval * self._chatter_rng.uniform(0.5, 1.5))
            self.step()

    async def answer_later(self, customer: Any, sent: Any) -> None:
        from wadesk.sim.inbound import receive

        spec = self.answer_spec(customer, sent)
        if spec is None:
            return
        await asyncio.sleep(self.sim.config.reply_delay)
        if self.auto_answers:
            receive(self.sim, customer, spec, self.sim.account.numbers.get(sent.phone_number_id))
