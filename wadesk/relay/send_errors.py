"""What a failed send means for a person, and when to try it again.

Meta's error texts are written for developers ("(#131047) Re-engagement message"),
so every family of codes gets one plain sentence a shop assistant understands; the
code itself travels along for whoever has to dig deeper. Retrying follows the
families in wadesk.cloud.errors: throughput (130429), pair rate (131056, 4^n s),
Meta unwell (5xx, 131000 ...), and a request that never left this machine.
"""

from __future__ import annotations

import random

from wadesk.cloud import errors as e

WINDOW_CLOSED = ("More than 24 hours since the customer's last message: "
                 "only a template can be sent.")
# The relay's standing while its token is dead (cloud.state, and why a send waits):
# messages are taken and wait on the relay, incoming files wait to be fetched.
TOKEN_EXPIRED = ("The Cloud API token expired or was revoked: an owner or admin must give "
                 "the relay a new one (on the server: `wadesk relay set-token`). "
                 "Until then, messages wait on the relay and customers' photos and files "
                 "wait to be fetched; both go on as soon as it has a new one.")
# An upload cannot wait: Meta names the file only once it has it.
TOKEN_EXPIRED_UPLOAD = ("The Cloud API token expired or was revoked, so WhatsApp takes no "
                        "files until an owner or admin gives the relay a new one; the file "
                        "waits on this computer and is sent then.")
# A send that failed for good with 190 (only a status webhook can say so; the relay's
# own calls refused with 190 wait for a new token instead).
TOKEN_REFUSED = ("WhatsApp refused the relay's Cloud API token (expired or revoked), so "
                 "this message was not sent.")
NEVER_CONFIRMED = ("WhatsApp never confirmed this message, so it may or may not have "
                   "arrived. Send it again only if the customer did not get it.")
OUTCOME_UNKNOWN = ("The answer from WhatsApp was lost; the relay waits for WhatsApp's "
                   "status report instead of sending the message twice.")

_BY_CODE: dict[int, str] = {
    131047: WINDOW_CLOSED,
    131026: "WhatsApp could not deliver this message: the number may not use WhatsApp, "
            "or the customer has not accepted WhatsApp's latest terms.",
    131021: "This is the business's own number: a message cannot be sent to itself.",
    130403: "This customer cannot be reached from this business number.",
    131050: "The customer has turned off marketing messages from this business.",
    131049: "WhatsApp held this marketing message back because the customer recently "
            "received many; try again tomorrow.",
    131048: "WhatsApp limited sending from this number after spam reports; check the "
            "number's quality rating in WhatsApp Manager.",
    132000: "The number of template parameters does not match the approved template.",
    132001: "This template does not exist in this language or is not approved yet.",
    132005: "The template is too long once its parameters are filled in.",
    132007: "The template was refused under WhatsApp's content policy.",
    132012: "A template parameter has the wrong format.",
    132015: "This template is paused because of low quality.",
    132016: "This template is disabled because of low quality.",
    133010: "The business number is not registered with the Cloud API.",
}

_BY_FAMILY: tuple[tuple[type[e.CloudError], str], ...] = (
    (e.AuthenticationError, TOKEN_REFUSED),
    (e.CloudPermissionError, "The Cloud API token lacks a permission "
                             "(whatsapp_business_messaging): check the Meta app's setup."),
    (e.SetupError, "The WhatsApp account is not set up for sending: check WhatsApp Manager."),
    (e.AccountRestrictedError, "The WhatsApp account is restricted or locked, so nothing "
                               "can be sent: check WhatsApp Manager."),
    (e.UndeliverableError, "WhatsApp cannot deliver this message to this customer."),
    (e.TemplateError, "WhatsApp refused the template: check its name, language and "
                      "parameters."),
    (e.MediaError, "WhatsApp could not use the attached file: its type is not supported, "
                   "or the upload has expired. Attach it again."),
    (e.BadRequestError, "WhatsApp refused the message as incomplete or invalid."),
    (e.ThroughputLimitError, "WhatsApp's sending limit for this number was reached too "
                             "often; the message was given up."),
    (e.PairRateLimitError, "Too many messages to this customer in a short time; the "
                           "message was given up."),
    (e.RateLimitError, "WhatsApp's call limit for this account was reached too often; the "
                       "message was given up."),
    (e.TemporaryError, "WhatsApp was not reachable or unwell for too long; the message "
                       "was given up."),
    (e.CloudValidationError, "The message breaks one of WhatsApp's limits."),
)


def reason_for(error: BaseException) -> str:
    """One plain sentence for a person; never the message text, never a token."""
    code = getattr(error, "code", None)
    if isinstance(code, int) and code in _BY_CODE:
        return _BY_CODE[code]
    for family, sentence in _BY_FAMILY:
        if isinstance(error, family):
            return sentence
    if isinstance(code, int):
        return f"WhatsApp refused the message (error {code})."
    return "WhatsApp refused the message."


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
