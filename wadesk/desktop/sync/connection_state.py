"""Online, reconnecting or offline: what the status bar says, and how long to wait.

Pure bookkeeping, no I/O: the worker reports each answer and each failure, and asks
for the next delay. The delays grow exponentially with jitter (so that twenty PCs of
a shop do not all knock at the same second after the relay restarts) up to a cap.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

ONLINE, RECONNECTING, OFFLINE = "online", "reconnecting", "offline"


class ConnectionState:
    def __init__(self, *, backoff_base_s: float = 1.0, backoff_cap_s: float = 30.0, offline_after_s: float = 20.0,
                 clock: Callable[[], float] = time.monotonic, rng: random.Random | None = None) -> None:
        self.state = RECONNECTING  # until the first answer
        self.failures = 0
        self._since: float | None = None
        self._base, self._cap, self._offline_after = backoff_base_s, backoff_cap_s, offline_after_s
        self._clock = clock
        self._rng = rng or random.Random()

    def answered(self) -> bool:
        """The relay answered; True when this is a change (we were not online)."""
        changed = self.state != ONLINE
        self.state, self.failures, self._since = ONLINE, 0, None
        return changed

    def failed(self) -> bool:
        """A request found no relay; True when the shown state changes."""
        now = self._clock()
        if self._since is None:
            self._since = now
        self.failures += 1
        new = OFFLINE if now - self._since >= self._offline_after else RECONNECTING
        changed = new != self.state
        self.state = new
        return changed

    def restarting(self) -> bool:
        """A part of the worker failed and starts again: not "online" until the relay has
        answered anew (the offline clock is not started: the network may be fine).
        True when the shown state changes."""
        if self.state != ONLINE:
            return False  # reconnecting already, or offline (no relay, signed out), which says more
        self.state = RECONNECTING
        return True

    def signed_out(self) -> None:
        self.state = OFFLINE

    def delay(self, attempts: int | None = None) -> float:
        """Seconds before the next try after `attempts` failures (default: so far)."""
        n = max(1, self.failures if attempts is None else attempts)
        raw = min(self._cap, self._base * 2 ** (n - 1))
        return raw * self._rng.uniform(0.8, 1.0)
