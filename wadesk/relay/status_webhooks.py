"""The common webhook, translated straight from its JSON: one change of delivery statuses.

Three of every four webhooks at Meta's ceiling are status reports of messages the
business sent ("sent", "delivered", "read"), each a small envelope of one change. The
general way (wadesk.cloud's typed parse, then webhook_events.translate) builds a typed
event per item and then the log entry from it; here the log entries are built from the
dicts directly, about three times faster.

This is a shortcut, not a second parser: it answers only for envelopes whose every
value is of the plain, expected shape, and returns None for anything else (another
field, a message, errors, an unexpected type, a number this relay does not serve ...),
which then takes the general way. Where it answers, its answer is exactly the general
way's (tests/relay/test_status_webhooks.py checks that on recorded and generated
envelopes).
"""

from __future__ import annotations

from typing import Any

from wadesk.relay.webhook_events import LOGGED_STATUSES, LogEntry, Translation

_VALUE_KEYS = frozenset({"messaging_product", "metadata", "contacts", "statuses"})


def translate_statuses(envelope: dict[str, Any],
                       phone_number_ids: tuple[str, ...]) -> Translation | None:
    """The translation of a plain status webhook, or None (take the general way)."""
    entries = envelope.get("entry")
    if type(entries) is not list or len(entries) != 1:
        return None
    entry = entries[0]
    if type(entry) is not dict or not _text(entry.get("id")):
        return None
    changes = entry.get("changes")
    if type(changes) is not list or len(changes) != 1:
        return None
    change = changes[0]
    if type(change) is not dict or change.get("field") != "messages":
        return None
    value = change.get("value")
    if type(value) is not dict or not _VALUE_KEYS.issuperset(value):
        return None
    metadata = value.get("metadata")
    if type(metadata) is not dict:
        return None
    number = metadata.get("phone_number_id")
    if not _text(number) or (phone_number_ids and number not in phone_number_ids):
        return None
    statuses = value.get("statuses")
    if type(statuses) is not list or not statuses:
        return None
    out = Translation()
    for item in statuses:
        entry_ = _status(item, number)
        if entry_ is None:
            return None
        out.entries.append(entry_)
    return out


def _status(s: Any, number: str) -> LogEntry | None:
    if type(s) is not dict or "errors" in s:
        return None
    wamid, name, ts = s.get("id"), s.get("status"), s.get("timestamp")
    if not _text(wamid) or type(name) is not str or name not in LOGGED_STATUSES \
            or type(ts) is not str \
            or not (ts.isascii() and ts.isdigit() and len(ts) < 20):
        return None
    recipient, recipient_user = s.get("recipient_id"), s.get("recipient_user_id")
    callback = s.get("biz_opaque_callback_data")
    if not (_text_or_none(recipient) and _text_or_none(recipient_user)
            and (callback is None or type(callback) is str)):
        return None
    pricing = s.get("pricing")
    if pricing is None:
        category = None
    elif type(pricing) is dict and type(category := pricing.get("category")) in (str, type(None)):
        pass
    else:
        return None
    return LogEntry("status", {
        "wamid": wamid, "status": name, "ts": int(ts), "client_id": callback,
        "phone_number_id": number, "recipient_id": recipient or None,
        "recipient_user_id": recipient_user or None,
        "error_code": None, "error_title": None, "error_reason": None,
        "pricing_category": category,
    }, f"status:{wamid}:{name}")


def _text(value: Any) -> bool:
    return type(value) is str and value != ""


def _text_or_none(value: Any) -> bool:
    return value is None or type(value) is str
