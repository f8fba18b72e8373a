"""Errors of the Cloud API client, grouped by what the caller should do next.

Meta documents its errors by `code` (and `error_data.details`), not by HTTP status: the
same status 400 can mean "fix your request", "wait" or "never again". So every error
answer is mapped by code to a family that carries a retry decision (`retryable`,
`retry_after`). Codes nobody knows yet become a plain `CloudApiError` that keeps
everything Meta said.

Two failures are about the network, not Meta:
- `RequestNotSentError`: the connection failed before the request left (safe to retry);
- `OutcomeUnknownError`: the request was sent and the answer was lost or unreadable.
  There is no idempotency key in the Cloud API, so a blind retry of a send may deliver
  the message twice; the relay reconciles through status webhooks instead.

Error texts never contain the access token: the transport scrubs Meta's answer before
an error is built, and nothing here formats request headers.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class CloudError(Exception):
    """Root of everything wadesk.cloud raises (except the webhook parser's InvalidWebhook)."""

    retryable: bool = False
    default_retry_after: float | None = None

    def __init__(
        self,
        message: str,
        *,
        code: int | None = None,
        subcode: int | None = None,
        details: str | None = None,
        fbtrace_id: str | None = None,
        http_status: int | None = None,
        retry_after: float | None = None,
        retryable: bool | None = None,
        raw: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.subcode = subcode
        self.details = details
        self.fbtrace_id = fbtrace_id
        self.http_status = http_status
        self.retry_after = retry_after if retry_after is not None else self.default_retry_after
        if retryable is not None:
            self.retryable = retryable
        self.raw: Mapping[str, Any] = raw or {}

    def __str__(self) -> str:
        parts = [self.message]
        if self.code is not None:
            parts.append(f"code {self.code}" + (f"/{self.subcode}" if self.subcode else ""))
        if self.details and self.details != self.message:
            parts.append(self.details)
        if self.http_status is not None:
            parts.append(f"HTTP {self.http_status}")
        if self.fbtrace_id:
            parts.append(f"fbtrace_id {self.fbtrace_id}")
        return " | ".join(parts)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, message={self.message!r})"


class CloudValidationError(CloudError, ValueError):
    """A request broke one of Meta's documented limits; it was never sent."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field} {problem}")
        self.field = field


class CloudApiError(CloudError):
    """Meta (or the network between us) answered with an error. Unknown codes land here."""


class AuthenticationError(CloudApiError):
    """190, 0: the token expired or is invalid. Stop sending and ask for a new token."""


class SetupError(CloudApiError):
    """The account is not set up for this call (133010: number not registered)."""


class CloudPermissionError(SetupError):
    """3, 10, 200–299: the token lacks a permission. A setup error, not a retry."""


class RateLimitError(CloudApiError):
    """4, 80007, 130429: app, account or throughput limit. Back off, then retry."""

    retryable = True
    default_retry_after = 60.0


class ThroughputLimitError(RateLimitError):
    """130429: the number's messages-per-second limit. Short back-off."""

    default_retry_after = 1.0


class PairRateLimitError(CloudApiError):
    """131056: too many messages to this one recipient. Retry that recipient later.

    Meta suggests 4^n seconds for the n-th retry; other recipients are unaffected."""

    retryable = True
    default_retry_after = 4.0

    @staticmethod
    def backoff(attempt: int) -> float:
        return float(4 ** max(1, attempt))


class MarketingCapError(CloudApiError):
    """131049: the per-user marketing cap; try this recipient again after at least 24 h."""

    retryable = True
    default_retry_after = 24 * 3600.0


class WindowClosedError(CloudApiError):
    """131047: more than 24 h since the customer's last message; only a template may go."""


class UndeliverableError(CloudApiError):
    """131026, 131021, 130403, 131050: this message cannot reach this user. Never retry."""


class OptedOutError(UndeliverableError):
    """131050: the user stopped marketing messages. Record the opt-out."""


class BadRequestError(CloudApiError):
    """100, 131008, 131009: a wrong or missing parameter. Fix the request."""


class TemplateError(CloudApiError):
    """132xxx: the template is missing, unapproved, paused or the parameters don't fit."""


class MediaError(CloudApiError):
    """131051–131053: media type unsupported, user media unavailable, upload failed."""


class AccountRestrictedError(CloudApiError):
    """368, 131031, 130497, 131048: the account is restricted or flagged. Stop sending."""


class TemporaryError(CloudApiError):
    """131000, 131016, 1, 2, 133004, 131057, HTTP 5xx: Meta is unwell. Retry later."""

    retryable = True
    default_retry_after = 5.0


class RequestNotSentError(TemporaryError):
    """The connection failed before the request left this machine: safe to retry."""


class OutcomeUnknownError(CloudApiError):
    """The request was sent but no usable answer came back (timeout, dropped connection,
    unreadable body). Meta may have acted on it; never retry a send blindly.
    `retryable` is True only for reads (GET), which change nothing."""


class MalformedResponseError(OutcomeUnknownError):
    """A success status with a body that is not the documented JSON."""


_EXACT: dict[int, type[CloudApiError]] = {
    0: AuthenticationError,
    190: AuthenticationError,
    3: CloudPermissionError,
    10: CloudPermissionError,
    4: RateLimitError,
    80007: RateLimitError,
    130429: ThroughputLimitError,
    131056: PairRateLimitError,
    131049: MarketingCapError,
    131047: WindowClosedError,
    131026: UndeliverableError,
    131021: UndeliverableError,
    130403: UndeliverableError,
    131050: OptedOutError,
    100: BadRequestError,
    131008: BadRequestError,
    131009: BadRequestError,
    131051: MediaError,
    131052: MediaError,
    131053: MediaError,
    133010: SetupError,
    368: AccountRestrictedError,
    131031: AccountRestrictedError,
    130497: AccountRestrictedError,
    131048: AccountRestrictedError,
    1: TemporaryError,
    2: TemporaryError,
    131000: TemporaryError,
    131016: TemporaryError,
    131057: TemporaryError,
    133004: TemporaryError,
}


def family_for_code(code: int | None) -> type[CloudApiError]:
    """The error class for a Meta error code; also useful for `failed` status webhooks."""
    if code is None:
        return CloudApiError
    if code in _EXACT:
        return _EXACT[code]
    if 200 <= code <= 299:
        return CloudPermissionError
    if 132000 <= code <= 132999:
        return TemplateError
    return CloudApiError


def _as_int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    return None


def _as_str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def error_from_body(
    body: object, *, http_status: int | None = None, retry_after: float | None = None
) -> CloudApiError | None:
    """The error described by Meta's `{"error": {...}}` body, or None if it isn't one."""
    if not isinstance(body, Mapping) or not isinstance(body.get("error"), Mapping):
        return None
    error = body["error"]
    code = _as_int(error.get("code"))
    data = error.get("error_data")
    details = _as_str(data.get("details")) if isinstance(data, Mapping) else _as_str(data)
    cls = family_for_code(code)
    retryable: bool | None = None
    if cls is CloudApiError:
        # An unknown code: trust Meta's own hint, else the HTTP status class.
        transient = error.get("is_transient")
        retryable = transient is True or (http_status is not None and http_status >= 500)
    return cls(
        _as_str(error.get("message")) or _as_str(error.get("error_user_msg")) or "Cloud API error",
        code=code,
        subcode=_as_int(error.get("error_subcode")),
        details=details,
        fbtrace_id=_as_str(error.get("fbtrace_id")),
        http_status=http_status,
        retry_after=retry_after,
        retryable=retryable,
        raw=body,
    )


def error_from_status(http_status: int, *, retry_after: float | None = None) -> CloudApiError:
    """An error answer without Meta's body (a proxy, a load balancer, an outage page)."""
    message = f"HTTP {http_status} without a Cloud API error body"
    if http_status >= 500:
        return TemporaryError(message, http_status=http_status, retry_after=retry_after)
    if http_status == 429:
        return RateLimitError(message, http_status=http_status, retry_after=retry_after)
    if http_status == 401:
        return AuthenticationError(message, http_status=http_status)
    return CloudApiError(message, http_status=http_status)
