"""Every sentence that says why a message or note did not go out: one table for the
relay, which sends these English source texts, and for the desktop, which shows them
in its user's language (wadesk.desktop.failure_text).

No Qt here (the relay runs without it): QT_TRANSLATE_NOOP below only returns its text,
and marks it for pyside6-lupdate, which goes by the call's name
(resources/build_resources.py lists this module among its sources). A sentence with
%1, %2 ... is filled in with `fill` by the relay and recognised again by `source_of`
on the desktop, so its words are translated and its values kept.
"""

from __future__ import annotations

import re

CONTEXT = "SendFailure"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    return text


# -- why a send failed (send.failed events, failed statuses, the relay's cloud state) --

WINDOW_CLOSED = QT_TRANSLATE_NOOP(
    "SendFailure",
    "More than 24 hours since the customer's last message: only a template can be sent.")
# The relay's standing while its token is dead (cloud.state, and why a send waits):
# messages are taken and wait on the relay, incoming files wait to be fetched.
TOKEN_EXPIRED = QT_TRANSLATE_NOOP(
    "SendFailure",
    "The Cloud API token expired or was revoked: an owner or admin must give the relay a "
    "new one (on the server: `wadesk relay set-token`). Until then, messages wait on the "
    "relay and customers' photos and files wait to be fetched; both go on as soon as it "
    "has a new one.")
# An upload cannot wait: Meta names the file only once it has it.
TOKEN_EXPIRED_UPLOAD = QT_TRANSLATE_NOOP(
    "SendFailure",
    "The Cloud API token expired or was revoked, so WhatsApp takes no files until an owner "
    "or admin gives the relay a new one; the file waits on this computer and is sent then.")
# A send that failed for good with 190 (only a status webhook can say so; the relay's
# own calls refused with 190 wait for a new token instead).
TOKEN_REFUSED = QT_TRANSLATE_NOOP(
    "SendFailure",
    "WhatsApp refused the relay's Cloud API token (expired or revoked), so this message "
    "was not sent.")
NEVER_CONFIRMED = QT_TRANSLATE_NOOP(
    "SendFailure",
    "WhatsApp never confirmed this message, so it may or may not have arrived. Send it "
    "again only if the customer did not get it.")
OUTCOME_UNKNOWN = QT_TRANSLATE_NOOP(
    "SendFailure",
    "The answer from WhatsApp was lost; the relay waits for WhatsApp's status report "
    "instead of sending the message twice.")

# Meta's codes that have a sentence of their own.
BY_CODE: dict[int, str] = {
    131047: WINDOW_CLOSED,
    131026: QT_TRANSLATE_NOOP(
        "SendFailure",
        "WhatsApp could not deliver this message: the number may not use WhatsApp, or the "
        "customer has not accepted WhatsApp's latest terms."),
    131021: QT_TRANSLATE_NOOP(
        "SendFailure",
        "This is the business's own number: a message cannot be sent to itself."),
    130403: QT_TRANSLATE_NOOP(
        "SendFailure", "This customer cannot be reached from this business number."),
    131050: QT_TRANSLATE_NOOP(
        "SendFailure", "The customer has turned off marketing messages from this business."),
    131049: QT_TRANSLATE_NOOP(
        "SendFailure",
        "WhatsApp held this marketing message back because the customer recently received "
        "many; try again tomorrow."),
    131048: QT_TRANSLATE_NOOP(
        "SendFailure",
        "WhatsApp limited sending from this number after spam reports; check the number's "
        "quality rating in WhatsApp Manager."),
    132000: QT_TRANSLATE_NOOP(
        "SendFailure",
        "The number of template parameters does not match the approved template."),
    132001: QT_TRANSLATE_NOOP(
        "SendFailure",
        "This template does not exist in this language or is not approved yet."),
    132005: QT_TRANSLATE_NOOP(
        "SendFailure", "The template is too long once its parameters are filled in."),
    132007: QT_TRANSLATE_NOOP(
        "SendFailure", "The template was refused under WhatsApp's content policy."),
    132012: QT_TRANSLATE_NOOP("SendFailure", "A template parameter has the wrong format."),
    132015: QT_TRANSLATE_NOOP("SendFailure", "This template is paused because of low quality."),
    132016: QT_TRANSLATE_NOOP("SendFailure", "This template is disabled because of low quality."),
    133010: QT_TRANSLATE_NOOP(
        "SendFailure", "The business number is not registered with the Cloud API."),
}

# One per family of codes (wadesk.cloud.errors; relay/send_errors.py maps the classes).
NO_PERMISSION = QT_TRANSLATE_NOOP(
    "SendFailure",
    "The Cloud API token lacks a permission (whatsapp_business_messaging): check the Meta "
    "app's setup.")
NOT_SET_UP = QT_TRANSLATE_NOOP(
    "SendFailure", "The WhatsApp account is not set up for sending: check WhatsApp Manager.")
ACCOUNT_RESTRICTED = QT_TRANSLATE_NOOP(
    "SendFailure",
    "The WhatsApp account is restricted or locked, so nothing can be sent: check WhatsApp "
    "Manager.")
UNDELIVERABLE = QT_TRANSLATE_NOOP(
    "SendFailure", "WhatsApp cannot deliver this message to this customer.")
TEMPLATE_REFUSED = QT_TRANSLATE_NOOP(
    "SendFailure", "WhatsApp refused the template: check its name, language and parameters.")
MEDIA_UNUSABLE = QT_TRANSLATE_NOOP(
    "SendFailure",
    "WhatsApp could not use the attached file: its type is not supported, or the upload "
    "has expired. Attach it again.")
BAD_REQUEST = QT_TRANSLATE_NOOP(
    "SendFailure", "WhatsApp refused the message as incomplete or invalid.")
THROUGHPUT_GIVEN_UP = QT_TRANSLATE_NOOP(
    "SendFailure",
    "WhatsApp's sending limit for this number was reached too often; the message was "
    "given up.")
PAIR_RATE_GIVEN_UP = QT_TRANSLATE_NOOP(
    "SendFailure",
    "Too many messages to this customer in a short time; the message was given up.")
RATE_LIMIT_GIVEN_UP = QT_TRANSLATE_NOOP(
    "SendFailure",
    "WhatsApp's call limit for this account was reached too often; the message was given up.")
UNWELL_GIVEN_UP = QT_TRANSLATE_NOOP(
    "SendFailure",
    "WhatsApp was not reachable or unwell for too long; the message was given up.")
BREAKS_LIMITS = QT_TRANSLATE_NOOP("SendFailure", "The message breaks one of WhatsApp's limits.")
REFUSED_WITH_CODE = QT_TRANSLATE_NOOP("SendFailure", "WhatsApp refused the message (error %1).")
REFUSED = QT_TRANSLATE_NOOP("SendFailure", "WhatsApp refused the message.")

# -- why the relay refused a send, an upload or a note (its ApiError messages) ----------

CONVERSATION_NOT_FOUND = QT_TRANSLATE_NOOP("SendFailure", "There is no such conversation.")
SEND_CLIENT_ID_REUSED = QT_TRANSLATE_NOOP(
    "SendFailure", "This client_id was already used for a different message.")
NOTE_CLIENT_ID_REUSED = QT_TRANSLATE_NOOP(
    "SendFailure", "This client_id was already used for a different note.")
NO_PHONE_NUMBER = QT_TRANSLATE_NOOP(
    "SendFailure", "The relay has no business number configured.")
UNKNOWN_PHONE_NUMBER = QT_TRANSLATE_NOOP(
    "SendFailure", "This business number is not configured on the relay.")
MEDIA_TYPE_REFUSED = QT_TRANSLATE_NOOP(
    "SendFailure", "WhatsApp does not take files of type %1.")  # %1: image/heic
MEDIA_TOO_LARGE = QT_TRANSLATE_NOOP(
    "SendFailure",  # %1: image, video, audio, document or sticker
    "WhatsApp takes %1 files up to %2 KB; this one has %3 KB.")
MEDIA_EMPTY = QT_TRANSLATE_NOOP("SendFailure", "The file is empty.")
NOTE_TOO_LONG = QT_TRANSLATE_NOOP(
    "SendFailure", "A note can have at most %1 characters; this one has %2.")

# -- the desktop's own --------------------------------------------------------------------

MEDIA_MISSING = QT_TRANSLATE_NOOP(
    "SendFailure", "The file of this message is no longer on this computer.")
# Why an item failed that went wrong again and again on this PC (not a refusal by the
# relay or WhatsApp).
SEND_ERROR = QT_TRANSLATE_NOOP(
    "SendFailure",
    "This could not be sent because of an unexpected error on this computer; it was tried "
    "several times.")


def _all_sentences() -> tuple[str, ...]:
    found = [value for name, value in globals().items()
             if name.isupper() and name != "CONTEXT" and isinstance(value, str)]
    found.extend(BY_CODE.values())
    return tuple(dict.fromkeys(found))  # in order, each once


SENTENCES: tuple[str, ...] = _all_sentences()
_PLACEHOLDER = re.compile(r"%(\d)")
_PLAIN = frozenset(s for s in SENTENCES if not _PLACEHOLDER.search(s))
# A filled-in sentence is recognised by its words around the values.
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(_PLACEHOLDER.sub("(.+?)", re.escape(s)), re.DOTALL), s)
    for s in SENTENCES if _PLACEHOLDER.search(s))


def fill(sentence: str, *values: object) -> str:
    """`sentence` with %1, %2 ... replaced by `values`, in one pass (a value that holds
    "%2" stays as it is; a placeholder without a value, too)."""
    def value(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return str(values[index]) if 0 <= index < len(values) else match.group(0)

    return _PLACEHOLDER.sub(value, sentence)


def source_of(text: str) -> tuple[str, tuple[str, ...]] | None:
    """The table's sentence `text` was made from and the values filled in; None for a
    text this table does not have (an older or newer relay, Meta's own words)."""
    if text in _PLAIN:
        return text, ()
    for pattern, sentence in _PATTERNS:
        match = pattern.fullmatch(text)
        if match is not None:
            return sentence, match.groups()
    return None
