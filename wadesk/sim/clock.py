"""The simulated clock.

It runs with real time but can be moved forward (`advance`) or stopped (`freeze`), so a
test can jump 25 hours ahead to close a customer service window or let media download
URLs expire. Every rule that depends on time (window, rate limits, URL and media
lifetimes, token expiry, timestamps in webhooks) reads this clock; the short real delays
between status webhooks do not.
"""

from __future__ import annotations

import time


class SimClock:
    def __init__(self, start: float | None = None) -> None:
        self._wall_at_start = time.time() if start is None else float(start)
        self._mono_at_start = time.monotonic()
        self._offset = 0.0
        self._frozen_at: float | None = None

    def now(self) -> float:
        """Simulated Unix time in seconds."""
        if self._frozen_at is not None:
            return self._frozen_at
        return self._wall_at_start + (time.monotonic() - self._mono_at_start) + self._offset

    def timestamp(self) -> str:
        """Unix seconds as a string, as Meta writes them in webhooks."""
        return str(int(self.now()))

    def advance(self, seconds: float) -> float:
        if seconds < 0:
            raise ValueError("the simulated clock only moves forward")
        if self._frozen_at is not None:
            self._frozen_at += seconds
        else:
            self._offset += seconds
        return self.now()

    def set(self, when: float) -> float:
        """Jump to `when` (Unix seconds); only forward, like `advance`."""
        return self.advance(max(0.0, when - self.now()))

    @property
    def frozen(self) -> bool:
        return self._frozen_at is not None

    def freeze(self) -> None:
        """Stop the clock: rate limits stop refilling until `advance` or `unfreeze`."""
        if self._frozen_at is None:
            self._frozen_at = self.now()

    def unfreeze(self) -> None:
        if self._frozen_at is not None:
            now = self._frozen_at
            self._frozen_at = None
            self._offset += now - self.now()

    def snapshot(self) -> dict[str, object]:
        return {"now": self.now(), "timestamp": self.timestamp(), "frozen": self.frozen}
