"""Mia and Tom, the demo's colleagues: now and then one of them takes a waiting
conversation or answers a customer, through the relay's API like any desktop.

They leave the newest customer messages to the user (only what has waited a while
is theirs), so trying the demo is never a race against a script.
"""

from __future__ import annotations

import logging
import random
import threading
import time
import uuid
from typing import Any

import httpx

from wadesk.store import conversations
from wadesk.store.conversations import ConversationFilter

log = logging.getLogger(__name__)

ANSWERS = (
    "Hallo! Ich schaue mir das gleich an und melde mich.",
    "Danke für die Nachricht! Komm gern vorbei, wir sind bis 19 Uhr da.",
    "Das bekommen wir hin. Bring das Rad einfach morgen vormittag vorbei.",
    "Ist notiert – ich gebe dir Bescheid, sobald wir mehr wissen.",
)
WAITED_S = 90  # a customer message is left to the user for this long


class DemoColleagues:
    def __init__(self, relay: Any, relay_url: str, tokens: dict[str, str], person_ids: dict[str, int], *,
                 every_s: float = 40.0, names: tuple[str, ...] = ("Mia", "Tom"), seed: int | None = None) -> None:
        self.relay = relay
        self.relay_url = relay_url
        self.tokens = tokens
        self.person_ids = person_ids
        self.every_s = every_s
        self.names = names
        self._rng = random.Random(seed)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="wadesk-demo-colleagues", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5.0)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.wait(self.every_s * self._rng.uniform(0.6, 1.4)):
            try:
                self.act_once()
            except Exception as exc:  # a demo colleague never takes the demo down
                log.info("demo colleague skipped a turn: %s", type(exc).__name__)

    def _waiting(self, name: str) -> list[Any]:
        """What has waited a while and is unassigned or already `name`'s."""
        now = time.time()

        def read(conn: Any) -> list[Any]:
            return conversations.list_conversations(conn, ConversationFilter(), limit=30)

        found = self.relay.call(lambda: self.relay.ctx.read(read))
        return [s for s in found if s.last_message is not None and s.last_message.direction == "in"
                and s.conversation.last_customer_msg_at is not None
                and WAITED_S < now - s.conversation.last_customer_msg_at < 20 * 3600
                and s.conversation.assignee_id in (None, str(self.person_ids[name]))]

    def act_once(self, name: str | None = None) -> str | None:
        """One colleague does one thing; returns what ("assigned", "answered") or None."""
        name = name or self._rng.choice(self.names)
        waiting = self._waiting(name)
        if not waiting:
            return None
        headers = {"Authorization": f"Bearer {self.tokens[name]}"}
        summary = self._rng.choice(waiting)
        conversation = summary.conversation
        with httpx.Client(base_url=self.relay_url, headers=headers, timeout=15.0) as api:
            if conversation.assignee_id is None:
                api.post(f"/api/v1/conversations/{conversation.id}/assign",
                         json={"assignee_id": self.person_ids[name]}).raise_for_status()
                return "assigned"
            if conversation.assignee_id != str(self.person_ids[name]):
                return None  # a colleague's (or the user's) conversation: hands off
            api.post("/api/v1/messages", json={
                "client_id": f"demo-{uuid.uuid4().hex}", "conversation_id": conversation.id, "type": "text",
                "text": {"body": self._rng.choice(ANSWERS)}}).raise_for_status()
            return "answered"
