"""Meta's sending rules: the 24-hour customer service window, the throughput limit per
business number and the pair rate limit per customer. All read the simulated clock."""

from __future__ import annotations

from dataclasses import dataclass

from wadesk.sim import errors
from wadesk.sim.clock import SimClock
from wadesk.sim.config import SimConfig

WINDOW_SECONDS = 24 * 3600


@dataclass(slots=True)
class TokenBucket:
    """`capacity` messages at once, refilled at `rate` per second."""

    rate: float
    capacity: float
    tokens: float
    updated: float

    def take(self, now: float) -> bool:
        self.tokens = min(self.capacity, self.tokens + max(0.0, now - self.updated) * self.rate)
        self.updated = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return True
        return False


class ServiceWindows:
    """When each customer last wrote to each business number."""

    def __init__(self, clock: SimClock) -> None:
        self.clock = clock
        self._last_inbound: dict[tuple[str, str], float] = {}

    def customer_wrote(self, phone_number_id: str, customer_key: str, at: float | None = None) -> None:
        self._last_inbound[(phone_number_id, customer_key)] = self.clock.now() if at is None else at

    def closes_at(self, phone_number_id: str, customer_key: str) -> float | None:
        last = self._last_inbound.get((phone_number_id, customer_key))
        return None if last is None else last + WINDOW_SECONDS

    def is_open(self, phone_number_id: str, customer_key: str) -> bool:
        closes = self.closes_at(phone_number_id, customer_key)
        return closes is not None and self.clock.now() < closes


class RateLimits:
    """Throughput (per number, -> 130429) and pair rate (per number and customer, -> 131056)."""

    def __init__(self, config: SimConfig, clock: SimClock) -> None:
        self.clock = clock
        self.throughput = config.throughput
        self.throughput_burst = config.throughput_burst or max(1, int(config.throughput))
        self.pair_interval = config.pair_rate_interval
        self.pair_burst = config.pair_rate_burst
        self._numbers: dict[str, TokenBucket] = {}
        self._pairs: dict[tuple[str, str], TokenBucket] = {}

    def configure(self, *, throughput: float | None = None, throughput_burst: int | None = None,
                  pair_rate_interval: float | None = None, pair_rate_burst: int | None = None) -> None:
        if throughput is not None:
            self.throughput = throughput
            self.throughput_burst = throughput_burst or max(1, int(throughput))
        elif throughput_burst is not None:
            self.throughput_burst = throughput_burst
        if pair_rate_interval is not None:
            self.pair_interval = pair_rate_interval
        if pair_rate_burst is not None:
            self.pair_burst = pair_rate_burst
        self._numbers.clear()
        self._pairs.clear()

    def check(self, phone_number_id: str, customer_key: str) -> None:
        """Charge one message or raise the limit Meta would answer with.

        The throughput bucket is charged first: a message refused for throughput never
        reached the pair limiter, as at Meta."""
        now = self.clock.now()
        bucket = self._numbers.get(phone_number_id)
        if bucket is None:
            bucket = self._numbers[phone_number_id] = TokenBucket(
                self.throughput, self.throughput_burst, self.throughput_burst, now
            )
        pair = self._pairs.get((phone_number_id, customer_key))
        if pair is None:
            pair = self._pairs[(phone_number_id, customer_key)] = TokenBucket(
                1.0 / self.pair_interval, self.pair_burst, self.pair_burst, now
            )
        if not bucket.take(now):
            raise errors.GraphError(
                130429,
                f"Message failed to send because there were too many messages sent from this "
                f"phone number ({self.throughput:g} messages per second).",
            )
        if not pair.take(now):
            bucket.tokens = min(bucket.capacity, bucket.tokens + 1.0)  # not sent, not counted
            raise errors.GraphError(
                131056,
                "Message failed to send because there were too many messages sent from this "
                "phone number to the same phone number in a short period of time.",
            )

    def snapshot(self) -> dict[str, object]:
        return {
            "throughput": self.throughput,
            "throughput_burst": self.throughput_burst,
            "pair_rate_interval": self.pair_interval,
            "pair_rate_burst": self.pair_burst,
        }
