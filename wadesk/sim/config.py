"""Everything a simulator run can be told, with the defaults the demo uses.

Tests shorten the delays (`status_delays`, `webhook_backoff`) and switch the
customers' automatic behaviour off so that only what the test asks for happens.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class NumberConfig:
    """One business phone number of the simulated WhatsApp Business Account."""

    phone_number_id: str
    display_phone_number: str
    verified_name: str = "Radhaus Berlin"
    quality_rating: str = "GREEN"
    messaging_limit: str = "TIER_250"


DEFAULT_NUMBERS = (NumberConfig("106540352242922", "+49 30 1234567"),)


@dataclass(frozen=True, slots=True)
class SimConfig:
    host: str = "127.0.0.1"
    port: int = 0  # 0 picks a free port
    # Webhook delivery. Without a URL nothing is POSTed; deliveries are still logged.
    webhook_url: str | None = None
    verify_token: str | None = None  # random when not given
    app_secret: str | None = None  # random when not given
    token: str | None = None  # the access token; random when not given
    token_ttl: float | None = None  # simulated seconds until the token expires; None = never
    seed: int = 0
    # Real seconds after acceptance at which sent / delivered / read statuses go out;
    # None leaves that status out (e.g. a customer who never reads).
    status_delays: tuple[float | None, float | None, float | None] = (0.3, 1.0, 3.0)
    customers: bool = True  # personas answer the business by themselves
    reply_delay: float = 4.0  # real seconds before a persona answers
    chatter: float | None = None  # mean real seconds between spontaneous messages; None = off
    throughput: float = 80.0  # messages per second per business number (-> 130429)
    throughput_burst: int | None = None  # bucket size; defaults to one second's worth
    pair_rate_interval: float = 6.0  # sustained: one message per this many seconds per customer
    pair_rate_burst: int = 10  # short bursts to one customer allowed up to this many
    media_url_ttl: float = 300.0  # simulated seconds a media download URL stays valid
    webhook_backoff: float = 1.0  # first retry delay (real seconds); doubles per attempt
    webhook_backoff_max: float = 300.0
    webhook_max_attempts: int = 12
    webhook_timeout: float = 10.0
    webhook_concurrency: int = 8
    template_review_delay: float | None = 20.0  # real seconds until a new template is approved
    start_time: float | None = None  # simulated Unix time at start; None = now
    waba_id: str = "102290129340398"
    app_id: str = "1297834561209384"
    business_name: str = "Radhaus Berlin"
    numbers: tuple[NumberConfig, ...] = field(default=DEFAULT_NUMBERS)
    log_level: str = "warning"
