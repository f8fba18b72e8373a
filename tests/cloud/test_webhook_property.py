"""Property: whatever happens to a valid payload, the parser returns events or raises
InvalidWebhook — never KeyError, TypeError, AttributeError or anything else.

Mutations: drop keys, replace values with values of other types, insert keys (random
ones and ones the parser looks for), and truncate or corrupt the serialised bytes.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tests.cloud.conftest import all_payload_names, payload
from wadesk.cloud.webhook_parser import InvalidWebhook, parse_webhook

PAYLOADS = {name: payload(name) for name in all_payload_names()}
# Keys the parser reads: inserting them with odd values reaches deeper code paths.
KNOWN_KEYS = [
    "object", "entry", "id", "changes", "field", "value", "metadata", "phone_number_id",
    "display_phone_number", "contacts", "profile", "wa_id", "user_id", "messages", "statuses",
    "errors", "from", "from_user_id", "timestamp", "type", "text", "body", "image", "caption",
    "location", "latitude", "longitude", "interactive", "button_reply", "list_reply", "reaction",
    "emoji", "order", "product_items", "system", "edit", "message", "original_message_id",
    "revoke", "context", "referral", "conversation", "origin", "pricing", "billable", "status",
    "history", "threads", "history_context", "message_echoes", "state_sync", "event",
    "error_data", "code", "name", "phones", "emails", "addresses", "org", "unsupported",
]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8)
    | st.sampled_from(["", "0", "1767225600", "text", "image", "edit", "messages", "-1", "1e999"]),
    lambda children: st.lists(children, max_size=3)
    | st.dictionaries(st.sampled_from(KNOWN_KEYS) | st.text(max_size=4), children, max_size=3),
    max_leaves=8,
)


def _containers(node: Any, out: list[Any]) -> list[Any]:
    """Every dict and list inside `node`, the root first."""
    if isinstance(node, (dict, list)):
        out.append(node)
        for child in node.values() if isinstance(node, dict) else node:
            _containers(child, out)
    return out


def _mutate(data: st.DataObject, doc: dict[str, Any]) -> None:
    for _ in range(data.draw(st.integers(1, 4), label="mutations")):
        containers = _containers(doc, [])
        target = data.draw(st.sampled_from(containers), label="target")
        action = data.draw(st.sampled_from(["drop", "replace", "insert"]), label="action")
        if isinstance(target, dict):
            if action == "insert" or not target:
                key = data.draw(st.sampled_from(KNOWN_KEYS) | st.text(max_size=4), label="key")
                target[key] = data.draw(json_values, label="value")
            else:
                key = data.draw(st.sampled_from(sorted(target)), label="key")
                if action == "drop":
                    del target[key]
                else:
                    target[key] = data.draw(json_values, label="value")
        else:
            if action == "insert" or not target:
                target.insert(data.draw(st.integers(0, len(target))),
                              data.draw(json_values, label="value"))
            else:
                index = data.draw(st.integers(0, len(target) - 1), label="index")
                if action == "drop":
                    del target[index]
                else:
                    target[index] = data.draw(json_values, label="value")


def _parse(body: Any) -> None:
    try:
        events = parse_webhook(body)
    except InvalidWebhook:
        event("invalid")  # see --hypothesis-show-statistics: both outcomes must be common
        return
    event("parsed")
    assert isinstance(events, tuple)


SETTINGS = settings(max_examples=400, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@settings(SETTINGS, max_examples=1200)
@given(name=st.sampled_from(sorted(PAYLOADS)), data=st.data())
def test_mutated_dicts_raise_only_invalid_webhook(name: str, data: st.DataObject) -> None:
    doc = copy.deepcopy(PAYLOADS[name])
    _mutate(data, doc)
    _parse(doc)
    # The same document as bytes goes through json.loads (NaN/Infinity included).
    _parse(json.dumps(doc).encode())


@SETTINGS
@given(name=st.sampled_from(sorted(PAYLOADS)), data=st.data())
def test_truncated_and_corrupted_bytes_raise_only_invalid_webhook(
        name: str, data: st.DataObject) -> None:
    body = bytearray(json.dumps(PAYLOADS[name], ensure_ascii=False).encode())
    cut = data.draw(st.integers(0, len(body)), label="cut")
    _parse(bytes(body[:cut]))
    for _ in range(data.draw(st.integers(0, 3), label="flips")):
        index = data.draw(st.integers(0, len(body) - 1), label="index")
        body[index] = data.draw(st.integers(0, 255), label="byte")
    _parse(bytes(body))


@SETTINGS
@given(value=json_values)
def test_arbitrary_json_raises_only_invalid_webhook(value: Any) -> None:
    _parse(value if isinstance(value, dict) else json.dumps(value).encode())
    _parse({"object": "whatsapp_business_account", "entry": value})
    _parse({"object": "whatsapp_business_account",
            "entry": [{"id": "1", "changes": [{"field": "messages", "value": value}]}]})
