"""Rate limits: a token bucket that keeps the relay under the number's throughput
(80/s by default), and when a login limit lifts (login_retry_after).

Meta answers 130429 once a number sends faster than its tier allows, and every such
answer costs a retry. The bucket spaces the calls instead: `rate` tokens per second,
at most `capacity` saved up. The capacity is kept small (a tenth of a second's worth)
so that a burst after a quiet minute is smoothed, and the calls reach Meta at the
rate even when network delays bunch them up a little.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable


class TokenBucket:
    def __init__(
        self, rate: float, capacity: float | None = None, *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        self.rate = float(rate)
        self.capacity = float(capacity if capacity is not None else max(1.0, rate / 10))
        self._clock = clock
        self._tokens = self.capacity
        self._updated = clock()
        self._lock = asyncio.Lock()

    def _refill(self) -> None:
        now = self._clock()
        self._tokens = min(self.capacity, self._tokens + (now - self._updated) * self.rate)
        self._updated = now

    def try_take(self) -> bool:
        self._refill()
        if self._tokens >= 1.0:
            self._tokens -= 1.0
            return True
        return False

    def wait_time(self) -> float:
        """Seconds until one token is there (0 if one is there now)."""
        self._refill()
        return max(0.0, (1.0 - self._tokens) / self.rate)

    async def acquire(self) -> None:
        """Wait for a token. Waiters are served first come, first served."""
        async with self._lock:
            while not self.try_take():
                await asyncio.sleep(self.wait_time())


def login_retry_after(failures_newest_first: list[int], allowed: int, window_s: int,
                      now: int) -> int | None:
    """Seconds until a login limit lifts, or None when it does not hold.

    A key is limited while at least `allowed` of its failures are younger than
    `window_s` (a failure counts during its first `window_s` seconds). The limit lifts
    when the `allowed`-th newest of them grows too old: that is the time left, not the
    whole window (a client told to wait 15 minutes after 14 of them had passed would
    wait almost twice as long as needed)."""
    recent = [at for at in failures_newest_first if now - at < window_s]
    if len(recent) < allowed:
        return None
    return max(1, recent[allowed - 1] + window_s - now)
