"""POST /{phone-number-id}/messages: what is accepted, what is refused, and the answer."""

from __future__ import annotations

import base64

import pytest

from tests.sim.conftest import EMMA, JONAS, KIEZ_BSUID, assert_meta_error


def test_text_send_answers_like_meta(sim):
    sim.say("jonas", {"text": "Hallo"})
    answer = sim.send_text("+49 (170) 123-4567", "Hallo Jonas, klar!")
    assert answer.status_code == 200
    body = answer.json()
    assert body["messaging_product"] == "whatsapp"
    assert body["contacts"] == [{"input": "+49 (170) 123-4567", "wa_id": JONAS}]
    [message] = body["messages"]
    assert message["id"].startswith("wamid.")
    raw = base64.b64decode(message["id"][len("wamid."):])
    assert JONAS.encode() in raw
    [recorded] = sim.sent()
    assert recorded["id"] == message["id"]
    assert recorded["text"] == "Hallo Jonas, klar!"
    assert recorded["customer"] == "jonas"


def test_message_ids_are_unique(sim):
    sim.say("jonas", {"text": "Hallo"})
    ids = {sim.send_text(JONAS, f"n{i}").json()["messages"][0]["id"] for i in range(5)}
    assert len(ids) == 5


def test_send_to_business_scoped_user_id(sim):
    sim.say("kiezradler", {"text": "Hey"})
    answer = sim.send({"recipient": KIEZ_BSUID, "type": "text", "text": {"body": "Hi!"}})
    assert answer.status_code == 200
    assert answer.json()["contacts"] == [{"input": KIEZ_BSUID, "user_id": KIEZ_BSUID}]


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        ({"to": JONAS, "type": "text", "text": {"body": "x" * 4097}}, 100),
        ({"to": JONAS, "type": "text", "text": {"body": ""}}, 100),
        ({"to": JONAS, "type": "text"}, 100),
        ({"type": "text", "text": {"body": "x"}}, 100),
        ({"to": "not a number!", "type": "text", "text": {"body": "x"}}, 100),
        ({"to": JONAS, "type": "hologram", "hologram": {}}, 100),
        ({"to": JONAS, "type": "text", "text": {"body": "x"}, "biz_opaque_callback_data": "c" * 513}, 100),
        ({"to": JONAS, "type": "image", "image": {"link": "https://example.org/a.jpg", "caption": "c" * 1025}}, 100),
        ({"to": JONAS, "type": "image", "image": {"id": "1", "link": "https://example.org/a.jpg"}}, 100),
        ({"to": JONAS, "type": "image", "image": {"link": "ftp://example.org/a.jpg"}}, 100),
        ({"to": JONAS, "type": "location", "location": {"latitude": 91, "longitude": 0}}, 100),
        ({"to": JONAS, "type": "contacts", "contacts": [{"name": {}}]}, 100),
        ({"to": JONAS, "type": "reaction", "reaction": {"message_id": "wamid.x", "emoji": "👍"},
          "context": {"message_id": "wamid.y"}}, 100),
        ({"to": JONAS, "recipient_type": "group", "type": "text", "text": {"body": "x"}}, 100),
    ],
    ids=["body-too-long", "body-empty", "no-text-object", "no-recipient", "bad-to", "unknown-type",
         "callback-too-long", "caption-too-long", "id-and-link", "non-http-link", "latitude",
         "contact-without-name", "reaction-with-context", "group"],
)
def test_invalid_requests_are_refused_with_100(sim, payload, code):
    assert_meta_error(sim.send(payload), code)
    assert sim.sent() == []


def _buttons(count: int, title: str = "Ja") -> dict:
    return {"type": "button", "body": {"text": "Passt Donnerstag?"},
            "action": {"buttons": [{"type": "reply", "reply": {"id": f"b{i}", "title": f"{title}{i}"}}
                                   for i in range(count)]}}


@pytest.mark.parametrize(
    "interactive",
    [
        _buttons(4),
        _buttons(2, title="A very long button title"),
        {**_buttons(1), "body": {"text": "x" * 1025}},
        {**_buttons(1), "footer": {"text": "f" * 61}},
        {"type": "list", "body": {"text": "Was brauchen Sie?"},
         "action": {"button": "Auswahl", "sections": [
             {"title": "Werkstatt", "rows": [{"id": f"r{i}", "title": f"Zeile {i}"} for i in range(11)]}]}},
        {"type": "list", "body": {"text": "Was brauchen Sie?"},
         "action": {"button": "Auswahl", "sections": [
             {"title": "Werkstatt", "rows": [{"id": "r1", "title": "t" * 25}]}]}},
    ],
    ids=["four-buttons", "button-title-21", "body-1025", "footer-61", "eleven-rows", "row-title-25"],
)
def test_interactive_limits_are_131009(sim, interactive):
    sim.say("jonas", {"text": "Hallo"})
    assert_meta_error(sim.send({"to": JONAS, "type": "interactive", "interactive": interactive}), 131009)


def test_every_message_type_is_accepted(sim):
    sim.say("emma", {"text": "Hi"})
    link = "https://example.org/file"
    payloads = [
        {"type": "text", "text": {"body": "Hi Emma", "preview_url": True}},
        {"type": "image", "image": {"link": link + ".jpg", "caption": "Your bike"}},
        {"type": "video", "video": {"link": link + ".mp4"}},
        {"type": "audio", "audio": {"link": link + ".ogg", "voice": True}},
        {"type": "document", "document": {"link": link + ".pdf", "filename": "quote.pdf", "caption": "Quote"}},
        {"type": "sticker", "sticker": {"link": link + ".webp"}},
        {"type": "location", "location": {"latitude": 52.507, "longitude": 13.45, "name": "Radhaus",
                                          "address": "Boxhagener Straße 42"}},
        {"type": "contacts", "contacts": [{"name": {"formatted_name": "Radhaus Werkstatt"},
                                           "phones": [{"phone": "+49 30 1234567", "type": "WORK"}]}]},
        {"type": "interactive", "interactive": _buttons(3)},
        {"type": "interactive", "interactive": {
            "type": "list", "body": {"text": "Pick"}, "footer": {"text": "Radhaus"},
            "action": {"button": "Options", "sections": [
                {"title": "Rent", "rows": [{"id": "city", "title": "City bike", "description": "12 €/day"}]},
                {"title": "Repair", "rows": [{"id": "flat", "title": "Flat tyre"}]}]}}},
        {"type": "interactive", "interactive": {
            "type": "cta_url", "body": {"text": "Book online"},
            "action": {"name": "cta_url", "parameters": {"display_text": "Book", "url": "https://radhaus.example"}}}},
        {"type": "text", "text": {"body": "Quoted"}, "context": {"message_id": "wamid.abc"}},
    ]
    for payload in payloads:
        answer = sim.send({"to": EMMA, **payload})
        assert answer.status_code == 200, (payload, answer.text)
    assert [m["type"] for m in sim.sent()] == [p["type"] for p in payloads]


def test_sender_equal_to_recipient_is_131021(sim):
    assert_meta_error(sim.send_text("+49 30 1234567"), 131021)


def test_form_encoded_send_is_accepted(sim):
    sim.say("jonas", {"text": "Hallo"})
    answer = sim.graph.post(f"/{sim.pid}/messages", data={
        "messaging_product": "whatsapp", "to": JONAS, "type": "text", "text": '{"body": "per Formular"}'})
    assert answer.status_code == 200, answer.text


def test_mark_read_and_typing_indicator(sim):
    first = sim.say("jonas", {"text": "Hallo"})
    second = sim.say("jonas", {"text": "Noch da?"})
    answer = sim.send({"status": "read", "message_id": second["id"]})
    assert answer.status_code == 200
    assert answer.json() == {"success": True}
    inbound = sim.control.get("/inbound", params={"customer": "jonas"}).json()["data"]
    assert [e["read"] for e in inbound] == [True, True]  # marking one marks the earlier ones
    typing = sim.send({"status": "read", "message_id": first["id"], "typing_indicator": {"type": "text"}})
    assert typing.json() == {"success": True}
    assert sim.control.get("/customers/jonas").json()["typing_until"] is not None
    assert sim.sent() == []  # neither is a message


def test_mark_read_of_unknown_message_is_100(sim):
    assert_meta_error(sim.send({"status": "read", "message_id": "wamid.unknown"}), 100)
    assert_meta_error(sim.send({"status": "delivered", "message_id": "wamid.unknown"}), 100)
