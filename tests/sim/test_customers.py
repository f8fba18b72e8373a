"""Simulated customers: personas, what they send, determinism per seed, answers, chatter."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from tests.sim.conftest import JONAS, KIEZ_BSUID, wait_for


def _script(sim, steps: int = 12) -> list[dict]:
    """Each persona's next `steps` scripted messages, without ids and timestamps."""
    result = []
    for _ in range(steps):
        for who in ("jonas", "aylin", "sophie", "emma", "lukas", "kiezradler"):
            message = sim.say(who, {})
            message.pop("timestamp")
            for kind in ("image", "document", "audio"):
                if kind in message:
                    assert message[kind].pop("url").startswith(sim.server.base_url)  # per-run address
            result.append(message)
    return result


def test_personas_have_german_and_english_names(sim):
    customers = {c["id"]: c for c in sim.control.get("/customers").json()["data"]}
    assert customers["jonas"]["name"] == "Jonas Müller"
    assert customers["aylin"]["name"] == "Aylin Yıldız"
    assert customers["sophie"]["name"] == "Sophie Becker"
    assert customers["emma"]["name"] == "Emma Clarke" and customers["emma"]["language"] == "en"
    assert customers["lukas"]["name"] == "Lukas Schneider"
    assert customers["kiezradler"]["wa_id"] is None
    assert customers["kiezradler"]["user_id"] == KIEZ_BSUID


def test_same_seed_same_conversation(make_sim):
    first = _script(make_sim(seed=7))
    second = _script(make_sim(seed=7))
    assert first == second
    other = _script(make_sim(seed=8))
    assert other != first
    kinds = {m["type"] for m in first}
    assert {"text", "image", "audio", "edit", "revoke"} <= kinds


def test_scripted_messages_are_well_formed(make_sim):
    sim = make_sim(seed=3)
    sim.say("jonas", {"text": "Hallo"})
    sim.send_text(JONAS, "Hallo Jonas!")
    for message in _script(sim, 15):
        kind = message["type"]
        assert message["id"].startswith("wamid.")
        if kind == "text":
            assert message["text"]["body"]
        elif kind in ("image", "document", "audio"):
            assert message[kind]["id"] and message[kind]["sha256"] and message[kind]["mime_type"]
        elif kind == "location":
            assert isinstance(message["location"]["latitude"], float)
        elif kind == "reaction":
            assert message["reaction"]["message_id"].startswith("wamid.")
        elif kind == "edit":
            assert message["edit"]["original_message_id"].startswith("wamid.")
            assert message["edit"]["message"]["text"]["body"]
        elif kind == "revoke":
            assert message["revoke"]["original_message_id"].startswith("wamid.")
        else:
            raise AssertionError(f"unexpected scripted type {kind}")


def test_username_user_without_phone_number(sim, receiver):
    sim.say("kiezradler", {"text": "Wann habt ihr offen?"})
    [post] = wait_for(lambda: receiver.posts)
    [value] = post.values()
    assert value["contacts"] == [{"profile": {"name": "Kiez Radler", "username": "kiezradler"},
                                  "user_id": KIEZ_BSUID}]
    [message] = value["messages"]
    assert "from" not in message
    assert message["from_user_id"] == KIEZ_BSUID


def test_every_spec_type(sim, receiver):
    business = sim.say("jonas", {"text": "Hallo"})
    wamid = sim.send_text(JONAS, "Moin!").json()["messages"][0]["id"]
    specs = [
        {"type": "location", "latitude": 52.5, "longitude": 13.45, "name": "Laden", "address": "Boxhagener Str."},
        {"type": "contacts", "contacts": [{"name": {"formatted_name": "Oma Müller"},
                                           "phones": [{"phone": "+49 30 555", "type": "HOME"}]}]},
        {"type": "reaction", "message_id": wamid, "emoji": "👍"},
        {"type": "reaction", "message_id": wamid},
        {"type": "interactive", "button_reply": {"id": "yes", "title": "Ja"}},
        {"type": "interactive", "list_reply": {"id": "r1", "title": "Inspektion", "description": "ab 49 €"}},
        {"type": "button", "payload": "Termin bestätigen", "text": "Termin bestätigen"},
        {"type": "edit", "original_message_id": business["id"], "text": "Hallo!!"},
        {"type": "revoke", "original_message_id": business["id"]},
        {"type": "unsupported", "unsupported_type": "poll"},
        {"type": "text", "text": "Weitergeleitet", "forwarded": True, "reply_to": wamid},
        {"type": "raw", "contacts": False, "message": {"type": "system", "system": {
            "body": "Jonas changed their phone number", "wa_id": "491709999999", "type": "user_changed_number"}}},
        {"type": "raw", "message": {"type": "order", "order": {"catalog_id": "1", "text": "Bitte", "product_items": [
            {"product_retailer_id": "schlauch-28", "quantity": 2, "item_price": 6.9, "currency": "EUR"}]}}},
    ]
    ids = [sim.say("jonas", spec)["id"] for spec in specs]
    arrived = wait_for(lambda: len(receiver.messages()) == len(specs) + 1 and receiver.messages())
    by_id = {m["id"]: m for m in arrived}  # webhooks may arrive in any order, as at Meta
    by_type = {}
    for message_id in ids:
        by_type.setdefault(by_id[message_id]["type"], []).append(by_id[message_id])
    assert by_type["reaction"][0]["reaction"] == {"message_id": wamid, "emoji": "👍"}
    assert by_type["reaction"][1]["reaction"] == {"message_id": wamid}
    assert by_type["interactive"][0]["interactive"]["type"] == "button_reply"
    assert by_type["interactive"][1]["interactive"]["list_reply"]["description"] == "ab 49 €"
    assert by_type["edit"][0]["edit"]["original_message_id"] == business["id"]
    assert by_type["revoke"][0]["revoke"] == {"original_message_id": business["id"]}
    assert by_type["unsupported"][0]["errors"][0]["code"] == 131051
    assert by_type["text"][0]["context"] == {"from": "49301234567", "id": wamid, "forwarded": True}
    assert by_type["order"][0]["order"]["product_items"][0]["currency"] == "EUR"
    system_post = next(p for p in receiver.posts if b"user_changed_number" in p.body)
    assert "contacts" not in system_post.values()[0]


def test_bad_specs_are_control_errors(sim):
    for spec in ({"type": "text"}, {"type": "image", "file": "nope.jpg"}, {"type": "teleport"},
                 {"type": "location", "latitude": "north"}):
        answer = sim.control.post("/customers/jonas/say", json=spec)
        assert answer.status_code == 400, spec
    assert sim.control.post("/customers/nobody/say", json={"text": "x"}).status_code == 404


def test_new_customer_by_control_api(sim, receiver):
    added = sim.control.post("/customers", json={"name": "Mehmet Kaya", "wa_id": "+49 157 1111 2222"}).json()
    assert added["id"] == "4915711112222"
    sim.say("4915711112222", {"text": "Merhaba, habt ihr Fahrradschlösser?"})
    [post] = wait_for(lambda: receiver.posts)
    assert post.values()[0]["contacts"][0]["profile"]["name"] == "Mehmet Kaya"


def test_personas_answer_the_business(make_sim, receiver):
    sim = make_sim(webhook_url=receiver.url, customers=True, reply_delay=0.05)
    sim.say("sophie", {"text": "Ist mein Rad fertig?"})
    sim.send_text("491609876543", "Ja, Sie können es abholen.")
    wait_for(lambda: len(receiver.messages()) == 2)
    buttons = {"type": "button", "body": {"text": "Wann passt es?"}, "action": {"buttons": [
        {"type": "reply", "reply": {"id": "mo", "title": "Montag"}},
        {"type": "reply", "reply": {"id": "di", "title": "Dienstag"}}]}}
    sent = sim.send({"to": "491609876543", "type": "interactive", "interactive": buttons}).json()
    answer = wait_for(lambda: len(receiver.messages()) == 3 and receiver.messages()[2])
    assert answer["type"] == "interactive"
    assert answer["interactive"]["button_reply"]["id"] in ("mo", "di")
    assert answer["context"]["id"] == sent["messages"][0]["id"]


def test_no_answers_when_off(make_sim, receiver):
    sim = make_sim(webhook_url=receiver.url, customers=True, reply_delay=0.05)
    sim.control.post("/chatter", json={"auto_answers": False})
    sim.say("sophie", {"text": "Hallo"})
    wamid = sim.send_text("491609876543", "Hallo Sophie").json()["messages"][0]["id"]
    receiver.wait_statuses(wamid, 3)
    import time

    time.sleep(0.2)
    assert len(receiver.messages()) == 1


def test_chatter_writes_now_and_then(make_sim, receiver):
    sim = make_sim(webhook_url=receiver.url, chatter=0.05, seed=5)
    wait_for(lambda: len(receiver.messages()) >= 3)
    sim.control.post("/chatter", json={"interval": None})
    assert sim.control.get("/state").json()["chatter"]["interval"] is None


def test_late_evening_brings_the_night_owls(make_sim):
    evening = datetime(2026, 3, 12, 22, 30, tzinfo=ZoneInfo("Europe/Berlin")).timestamp()
    sim = make_sim(start_time=evening, seed=11)
    sim.control.post("/clock", json={"frozen": True})
    writers = {sim.control.post("/chatter/step").json()["customer"] for _ in range(12)}
    assert writers <= {"lukas", "kiezradler", "emma"}  # awake after the shop closed at 19:00
    assert "lukas" in writers
