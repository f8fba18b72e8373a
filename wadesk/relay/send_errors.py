"""What a failed send means for a person, and when to try it again.

Meta's error texts are written for developers ("(#131047) Re-engagement message"),
so every family of codes gets one plain sentence a shop assistant understands; the
code itself travels along for whoever has to dig deeper. The sentences are the
table in wadesk.core.send_failure_texts (in English; the desktop translates them).
Retrying follows the families in wadesk.cloud.errors: throughput (130429), pair rate
(131056, 4^n s), Meta unwell (5xx, 131000 ...), and a request that never left this
machine.
"""

from __future__ import annotations

import random

from wadesk.cloud import errors as e
from wadesk.core import send_failure_texts as texts
from wadesk.core.send_failure_texts import (  # noqa: F401 - the relay's names for them
    NEVER_CONFIRMED,
    OUTCOME_UNKNOWN,
    TOKEN_EXPIRED,
    TOKEN_EXPIRED_UPLOAD,
    TOKEN_REFUSED,
    WINDOW_CLOSED,
)

_BY_FAMILY: tuple[tuple[type[e.CloudError], str], ...] = (
    (e.AuthenticationError, TOKEN_REFUSED),
    (e.CloudPermissionError, texts.NO_PERMISSION),
    (e.SetupError, texts.NOT_SET_UP),
    (e.AccountRestrictedError, texts.ACCOUNT_RESTRICTED),
    (e.UndeliverableError, texts.UNDELIVERABLE),
    (e.TemplateError, texts.TEMPLATE_REFUSED),
    (e.MediaError, texts.MEDIA_UNUSABLE),
    (e.BadRequestError, texts.BAD_REQUEST),
    (e.ThroughputLimitError, texts.THROUGHPUT_GIVEN_UP),
    (e.PairRateLimitError, texts.PAIR_RATE_GIVEN_UP),
    (e.RateLimitError, texts.RATE_LIMIT_GIVEN_UP),
    (e.TemporaryError, texts.UNWELL_GIVEN_UP),
    (e.CloudValidationError, texts.BREAKS_LIMITS),
)


def reason_for(error: BaseException) -> str:
    """One plain sentence for a person; never the message text, never a token."""
    code = getattr(error, "code", None)
    if isinstance(code, int) and code in texts.BY_CODE:
        return texts.BY_CODE[code]
    for family, sentence in _BY_FAMILY:
        if isinstance(error, family):
            return sentence
    if isinstance(code, int):
        return texts.fill(texts.REFUSED_WITH_CODE, code)
    return texts.REFUSED


def reason_for_code(code: int | None) -> str:
    """For `failed` status webhooks, which carry only a code."""
    family = e.family_for_code(code)
    return reason_for(family("status", code=code))


def retry_delay(error: BaseException, attempt: int, *, base: float, cap: float) -> float:
    """Seconds until the next try after the `attempt`-th failed one (1-based): capped
    exponential back-off with jitter, never sooner than Meta asked for."""
    if isinstance(error, e.PairRateLimitError):
        # Meta's advice for one recipient: 4^n seconds. Scaled by `base` so that tests
        # need not wait minutes; base=1 is Meta's figure.
        delay = base * error.backoff(attempt)
    else:
        delay = base * (2 ** (attempt - 1))
        hint = getattr(error, "retry_after", None)
        if hint and not isinstance(error, e.TemporaryError):
            delay = max(delay, min(float(hint), cap) * min(1.0, base))
    delay = min(delay, cap)
    # ±20 %: many sends hitting the same limit must not all come back in one instant.
    return delay * random.uniform(0.8, 1.2)


def is_retryable(error: BaseException) -> bool:
    if isinstance(error, e.OutcomeUnknownError):
        return False  # maybe sent: settled by the status webhook, never re-sent
    return bool(getattr(error, "retryable", False)) and not isinstance(error, e.MarketingCapError)
