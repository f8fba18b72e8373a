"""Who of the team is typing where: kept in memory only, delivered with every sync.

POST /api/v1/conversations/{id}/typing (send_api.py) records that this person types in
this conversation until now + TYPING_S. Every /api/v1/sync answer carries the entries
that have not expired (sync_api.py); nothing of it goes to the durable log or the
database: it is worthless a few seconds later, and a restart rightly forgets it.

A new entry wakes the parked long-polls so colleagues see it at once. A person who
keeps typing posts again every few seconds; that only extends the entry, and wakes
the polls again only when the extension is worth announcing (the `until` they were
last told would lapse within REANNOUNCE_S), so one typist costs at most one wake-up
every few seconds, whatever the desktop's pace.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from wadesk.relay.long_poll import parked_polls

TYPING_S = 10.0
REANNOUNCE_S = 5.0
MAX_ENTRIES = 10_000  # a bound on memory whatever the callers do


class TeamPresence:
    def __init__(self, wake: Callable[[], None]) -> None:
        self._wake = wake
        # (relay conversation id, person id) -> (until, until as last announced)
        self._typing: dict[tuple[int, str], tuple[float, float]] = {}

    def typing(self, conversation_id: int, person_id: str, *, now: float | None = None) -> float:
        """Record that `person_id` types in `conversation_id`; the entry's `until`."""
        now = time.time() if now is None else now
        until = now + TYPING_S
        key = (conversation_id, person_id)
        known = self._typing.get(key)
        if known is None or known[1] - now < REANNOUNCE_S:
            self._typing[key] = (until, until)
            if len(self._typing) > MAX_ENTRIES:
                self._prune(now)
            self._wake()
        else:
            self._typing[key] = (until, known[1])
        return until

    def current(self, *, now: float | None = None) -> list[dict[str, Any]]:
        """The unexpired entries, in the shape of the sync answer's `presence`."""
        now = time.time() if now is None else now
        if not self._typing:
            return []
        self._prune(now)
        return [{"conversation_id": conversation_id, "person_id": person_id, "what": "typing",
                 "until": round(until, 3)}
                for (conversation_id, person_id), (until, _told) in self._typing.items()]

    def _prune(self, now: float) -> None:
        for key in [k for k, (until, _told) in self._typing.items() if until <= now]:
            del self._typing[key]


def team_presence(ctx: Any) -> TeamPresence:
    """The one TeamPresence of a relay context (made on first use)."""
    presence = getattr(ctx, "team_presence", None)
    if presence is None:
        presence = ctx.team_presence = TeamPresence(parked_polls(ctx).nudge)
    return presence
