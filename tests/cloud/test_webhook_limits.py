"""The parser at Meta's limits (1,000 updates, 3 MB) and on malformed envelopes."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from tests.cloud.conftest import payload
from wadesk.cloud.webhook_parser import InvalidWebhook, parse_webhook
from wadesk.cloud.webhook_types import HistoryChunk, InboundMessage, StatusUpdate

META = {"display_phone_number": "15550783881", "phone_number_id": "106540352242922"}


def _message(i: int) -> dict[str, Any]:
    return {"from": f"49151{i:08d}", "id": f"wamid.BATCH{i:06d}", "timestamp": str(1767225600 + i),
            "type": "text", "text": {"body": f"Nachricht {i} 🚲"}}


def _status(i: int) -> dict[str, Any]:
    return {"id": f"wamid.OUT{i:06d}", "status": ("sent", "delivered", "read")[i % 3],
            "timestamp": str(1767225600 + i), "recipient_id": f"49151{i:08d}"}


def _envelope(changes: list[dict[str, Any]]) -> dict[str, Any]:
    return {"object": "whatsapp_business_account",
            "entry": [{"id": "102290129340398", "changes": changes}]}


def test_batch_of_1000_updates() -> None:
    changes = []
    for i in range(1000):
        value: dict[str, Any] = {"messaging_product": "whatsapp", "metadata": META}
        if i % 2:
            value["statuses"] = [_status(i)]
        else:
            value["contacts"] = [{"profile": {"name": f"Kunde {i}"}, "wa_id": f"49151{i:08d}"}]
            value["messages"] = [_message(i)]
        changes.append({"field": "messages", "value": value})
    body = json.dumps(_envelope(changes)).encode()
    assert len(body) < 1_000_000
    events = parse_webhook(body)
    assert len(events) == 1000
    assert sum(isinstance(e, InboundMessage) for e in events) == 500
    assert sum(isinstance(e, StatusUpdate) for e in events) == 500
    assert events[0].sender.name == "Kunde 0" and events[998].sender.name == "Kunde 998"
    assert [e.id for e in events][:2] == ["wamid.BATCH000000", "wamid.OUT000001"]


def test_three_megabyte_body() -> None:
    messages = [{**_message(i), "text": {"body": ("Sehr lange Geschichte ä " * 200)[:4096]},
                 "history_context": {"status": "READ"}} for i in range(730)]
    value = {"messaging_product": "whatsapp", "metadata": META, "history": [{
        "metadata": {"phase": 1, "chunk_order": 3, "progress": 80},
        "threads": [{"id": "4915112345678", "messages": messages}]}]}
    body = json.dumps({"object": "whatsapp_business_account", "entry": [
        {"id": "102290129340398", "changes": [{"field": "history", "value": value}]}]},
        ensure_ascii=False).encode()
    assert 3_000_000 <= len(body) <= 3_300_000
    (chunk,) = parse_webhook(body)
    assert isinstance(chunk, HistoryChunk) and len(chunk.threads[0].messages) == 730
    assert len(chunk.threads[0].messages[-1].content.body) == 4096


def _text() -> dict[str, Any]:
    return payload("text")


def _mutated(path: str, new: Any) -> dict[str, Any]:
    """`path` like 'entry.0.changes.0.value.messages.0.id'; new=KeyError deletes."""
    data = _text()
    keys = [int(k) if k.isdigit() else k for k in path.split(".")]
    target = data
    for key in keys[:-1]:
        target = target[key]
    if new is KeyError:
        del target[keys[-1]]
    else:
        target[keys[-1]] = new
    return data


MSG = "entry.0.changes.0.value.messages.0"

MALFORMED: list[tuple[str, Any]] = [
    ("not json", b"this is not json"),
    ("empty body", b""),
    ("invalid utf-8", b'{"object": "\xff\xfe"}'),
    ("json array", b"[]"),
    ("json string", b'"whatsapp_business_account"'),
    ("json null", b"null"),
    ("NaN literal", b'{"object": NaN}'),
    ("deep nesting", b"[" * 100_000 + b"]" * 100_000),
    ("not bytes", 12345),
    ("wrong object", {**_text(), "object": "page"}),
    ("missing entry", {"object": "whatsapp_business_account"}),
    ("entry not a list", {"object": "whatsapp_business_account", "entry": {}}),
    ("entry item not object", {"object": "whatsapp_business_account", "entry": [1]}),
    ("missing entry id", _mutated("entry.0.id", KeyError)),
    ("entry id is a bool", _mutated("entry.0.id", True)),
    ("missing changes", _mutated("entry.0.changes", KeyError)),
    ("change not object", _mutated("entry.0.changes.0", "messages")),
    ("field not text", _mutated("entry.0.changes.0.field", 7)),
    ("value not object", _mutated("entry.0.changes.0.value", [])),
    ("no metadata", _mutated("entry.0.changes.0.value.metadata", KeyError)),
    ("no phone_number_id", _mutated("entry.0.changes.0.value.metadata.phone_number_id", None)),
    ("messages not a list", _mutated("entry.0.changes.0.value.messages", {"a": 1})),
    ("message not object", _mutated(MSG, "hi")),
    ("message without id", _mutated(MSG + ".id", KeyError)),
    ("message without timestamp", _mutated(MSG + ".timestamp", KeyError)),
    ("timestamp not digits", _mutated(MSG + ".timestamp", "yesterday")),
    ("timestamp negative", _mutated(MSG + ".timestamp", -5)),
    ("timestamp huge", _mutated(MSG + ".timestamp", "9" * 5000)),
    ("message without type", _mutated(MSG + ".type", KeyError)),
    ("text without body", _mutated(MSG + ".text", {})),
    ("text block a string", _mutated(MSG + ".text", "hello")),
    ("no sender at all", _mutated("entry.0.changes.0.value",
                                  {"metadata": META, "messages": [
                                      {"id": "wamid.X", "timestamp": "1", "type": "text",
                                       "text": {"body": "x"}}]})),
]


@pytest.mark.parametrize("body", [b for _, b in MALFORMED], ids=[n for n, _ in MALFORMED])
def test_malformed_envelope_raises_invalid_webhook(body: Any) -> None:
    with pytest.raises(InvalidWebhook):
        parse_webhook(body)


@pytest.mark.parametrize("fixture, path, value", [
    ("location", MSG + ".location.latitude", "52.5"),
    ("location", MSG + ".location.longitude", float("nan")),
    ("location", MSG + ".location.latitude", 10 ** 400),
    ("image", MSG + ".image.id", None),
    ("reaction", MSG + ".reaction.message_id", 5.5),
    ("revoke", MSG + ".revoke", None),
    ("status_read", "entry.0.changes.0.value.statuses.0.status", 3),
    ("status_read", "entry.0.changes.0.value.statuses.0.id", KeyError),
])
def test_broken_required_values_raise_invalid_webhook(fixture: str, path: str, value: Any) -> None:
    data = payload(fixture)
    keys = [int(k) if k.isdigit() else k for k in path.split(".")]
    target = data
    for key in keys[:-1]:
        target = target[key]
    if value is KeyError:
        del target[keys[-1]]
    else:
        target[keys[-1]] = value
    with pytest.raises(InvalidWebhook):
        parse_webhook(data)


def test_wrongly_typed_optional_values_read_as_absent() -> None:
    data = payload("image")
    image = data["entry"][0]["changes"][0]["value"]["messages"][0]
    image["image"].update(caption=5, mime_type=[], voice="yes", url={})
    image["context"] = "not an object"
    data["entry"][0]["changes"][0]["value"]["contacts"] = "nobody"
    (m,) = parse_webhook(data)
    assert m.content.caption is None and m.content.mime_type is None and not m.content.voice
    assert m.context is None and m.sender.name is None


def test_unknown_keys_everywhere_are_ignored() -> None:
    data = copy.deepcopy(payload("status_sent"))
    data["brand_new"] = {"x": 1}
    data["entry"][0]["also_new"] = [1, 2]
    data["entry"][0]["changes"][0]["value"]["statuses"][0]["pricing"]["future"] = True
    (s,) = parse_webhook(data)
    assert s.pricing.category == "service" and s.callback_data == "outbox:7f3c9a"


def test_empty_entry_list_is_an_empty_batch() -> None:
    assert parse_webhook(b'{"object":"whatsapp_business_account","entry":[]}') == ()
