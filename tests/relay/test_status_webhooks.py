"""The shortcut for plain status webhooks gives exactly what the general way gives.

`translate_statuses` may decline (None) whatever it likes; where it answers, its
translation must equal parse_webhook + translate of the same envelope, for every
recorded payload and for thousands of mutations of the status payloads (the mutations
of tests/cloud/test_webhook_property.py: dropped keys, values of other types, keys
inserted).
"""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.cloud.test_webhook_property import PAYLOADS, _mutate
from wadesk.cloud.webhook_parser import OBJECT, InvalidWebhook, parse_webhook
from wadesk.relay.status_webhooks import translate_statuses
from wadesk.relay.webhook_events import Translation, translate

STATUS_PAYLOADS = sorted(name for name in PAYLOADS if name.startswith("status_"))
NUMBER = "106540352242922"
NUMBER_SETS = ((), (NUMBER,), ("999999999999999",))


def _general(envelope: dict[str, Any], numbers: tuple[str, ...]) -> Translation | None:
    try:
        return translate(parse_webhook(envelope), numbers)
    except InvalidWebhook:
        return None


def _same(a: Translation, b: Translation) -> bool:
    return (a.entries, a.counters, a.ignored_numbers) == (b.entries, b.counters, b.ignored_numbers)


def _check(envelope: dict[str, Any], numbers: tuple[str, ...]) -> bool:
    """True when the shortcut answered (and then it answered right)."""
    fast = translate_statuses(copy.deepcopy(envelope), numbers)
    if fast is None:
        return False
    general = _general(envelope, numbers)
    assert general is not None, "the shortcut took what the parser refuses"
    assert _same(fast, general)
    return True


def test_the_recorded_status_webhooks_take_the_shortcut_with_the_same_entries():
    assert STATUS_PAYLOADS
    answered = [name for name in STATUS_PAYLOADS if _check(PAYLOADS[name], ())]
    # sent, delivered, read, played come the short way; failed (errors) and unknown do not
    assert {"status_sent", "status_delivered", "status_read"} <= set(answered)
    assert "status_failed" not in answered and "status_unknown" not in answered


def test_every_recorded_payload_is_declined_or_translated_alike():
    for name, envelope in PAYLOADS.items():
        for numbers in NUMBER_SETS:
            _check(envelope, numbers)


def test_a_number_this_relay_does_not_serve_takes_the_general_way():
    envelope = PAYLOADS["status_read"]
    assert translate_statuses(copy.deepcopy(envelope), ("999999999999999",)) is None
    assert translate(parse_webhook(envelope), ("999999999999999",)).ignored_numbers


EDGES = [
    ("recipient_id", ""), ("recipient_id", 491701111111), ("recipient_id", None),
    ("recipient_user_id", ""), ("biz_opaque_callback_data", ""),
    ("biz_opaque_callback_data", 7), ("pricing", []), ("pricing", {"category": 5}),
    ("pricing", {}), ("timestamp", 1700000000), ("timestamp", "-1"), ("timestamp", "1e9"),
    ("id", 12345), ("id", ""), ("status", "deleted"), ("status", "READ"), ("errors", []),
    ("conversation", "x"),
]


def test_edge_values_are_declined_or_translated_alike():
    answered = 0
    for key, value in EDGES:
        envelope = copy.deepcopy(PAYLOADS["status_sent"])
        envelope["entry"][0]["changes"][0]["value"]["statuses"][0][key] = value
        for numbers in NUMBER_SETS:
            answered += _check(envelope, numbers)
    assert answered  # some of them take the shortcut


def test_an_unhashable_status_name_is_declined_not_an_error():
    envelope = copy.deepcopy(PAYLOADS["status_read"])
    envelope["entry"][0]["changes"][0]["value"]["statuses"][0]["status"] = ["read"]
    assert translate_statuses(envelope, ()) is None


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_mutated_status_webhooks_are_declined_or_translated_alike(data):
    name = data.draw(st.sampled_from(STATUS_PAYLOADS), label="payload")
    envelope = copy.deepcopy(PAYLOADS[name])
    _mutate(data, envelope)
    if envelope.get("object") != OBJECT or not isinstance(envelope.get("entry"), list):
        return  # the intake answers 400 before either way is asked
    _check(envelope, data.draw(st.sampled_from(NUMBER_SETS), label="numbers"))
