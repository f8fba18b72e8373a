"""Status webhooks after a send: signed, in Meta's envelope, retried, verified first."""

from __future__ import annotations

from tests.sim.conftest import APP_SECRET, EMMA, JONAS, VERIFY_TOKEN, by_rank, wait_for
from wadesk.cloud.signature import is_valid


def test_send_gets_signed_sent_delivered_read_webhooks(sim, receiver):
    sim.say("jonas", {"text": "Hallo, ist mein Rad fertig?"})
    answer = sim.send_text(JONAS, "Ja, ist fertig!", biz_opaque_callback_data="outbox:42")
    wamid = answer.json()["messages"][0]["id"]
    statuses = by_rank(receiver.wait_statuses(wamid, 3))
    assert [s["status"] for s in statuses] == ["sent", "delivered", "read"]
    assert sim.happened(wamid) == sim.dispatched_statuses(wamid) == ["sent", "delivered", "read"]
    for post in receiver.posts:
        assert post.signed
        assert not is_valid(post.body + b" ", post.headers["x-hub-signature-256"], APP_SECRET)
        assert post.headers["content-type"] == "application/json"
    post = next(p for p in receiver.posts if p.statuses())
    payload = post.payload
    assert payload["object"] == "whatsapp_business_account"
    [entry] = payload["entry"]
    assert entry["id"] == sim.waba
    [change] = entry["changes"]
    assert change["field"] == "messages"
    assert change["value"]["messaging_product"] == "whatsapp"
    assert change["value"]["metadata"] == {"display_phone_number": "49301234567", "phone_number_id": sim.pid}
    sent, delivered, read = statuses
    for status in statuses:
        assert status["recipient_id"] == JONAS
        assert status["biz_opaque_callback_data"] == "outbox:42"
        assert status["timestamp"].isdigit()
    assert sent["pricing"] == {"billable": False, "pricing_model": "PMP", "category": "service",
                               "type": "free_customer_service"}
    assert sent["conversation"]["origin"] == {"type": "service"}
    assert int(sent["conversation"]["expiration_timestamp"]) > int(sent["timestamp"])
    assert delivered["conversation"]["id"] == sent["conversation"]["id"]
    assert "pricing" not in read and "errors" not in read


def test_inbound_message_webhook_envelope(sim, receiver):
    message = sim.say("aylin", {"text": "Guten Tag!"})
    [post] = wait_for(lambda: receiver.posts)
    assert post.signed
    [value] = post.values()
    assert value["metadata"]["phone_number_id"] == sim.pid
    assert value["contacts"] == [{"profile": {"name": "Aylin Yıldız"}, "wa_id": "4915123456789",
                                  "user_id": "DE.13491208655302741002"}]
    [item] = value["messages"]
    assert item == message
    assert item["from"] == "4915123456789"
    assert item["type"] == "text" and item["text"] == {"body": "Guten Tag!"}
    assert item["timestamp"].isdigit()
    # As Meta: escaped unicode with lowercase hex digits; the signature covers these bytes.
    assert b"Y\\u0131ld\\u0131z" in post.body and "Yıldız".encode() not in post.body


def test_reactions_only_ever_get_sent(sim, receiver):
    inbound = sim.say("emma", {"text": "Thanks!"})
    answer = sim.send({"to": EMMA, "type": "reaction", "reaction": {"message_id": inbound["id"], "emoji": "❤️"}})
    wamid = answer.json()["messages"][0]["id"]
    text = sim.send_text(EMMA, "You're welcome").json()["messages"][0]["id"]
    receiver.wait_statuses(text, 3)
    assert [s["status"] for s in receiver.statuses(wamid)] == ["sent"]
    removal = sim.send({"to": EMMA, "type": "reaction", "reaction": {"message_id": inbound["id"], "emoji": ""}})
    assert removal.status_code == 200


def test_webhooks_are_retried_with_backoff_until_2xx(sim, receiver):
    receiver.fail_next = 2
    sim.say("jonas", {"text": "Hallo"})
    [post] = wait_for(lambda: receiver.posts)
    assert receiver.failures == 2
    [delivery] = sim.deliveries()
    assert delivery["state"] == "delivered"
    assert [a["status"] for a in delivery["attempts"]] == [500, 500, 200]
    gaps = [b["at"] - a["at"] for a, b in zip(delivery["attempts"], delivery["attempts"][1:], strict=False)]
    assert gaps[0] >= 0.05 and gaps[1] >= 0.1  # webhook_backoff, then doubled


def test_webhook_given_up_after_max_attempts(sim, receiver):
    receiver.fail_next = 100
    receiver.fail_status = 404
    sim.say("jonas", {"text": "Hallo"})
    wait_for(lambda: sim.deliveries()[0]["state"] == "dropped")
    assert receiver.failures == 4
    assert sim.control.get("/state").json()["webhook"]["dropped"] == 1


def test_unreachable_receiver_is_retried(make_sim):
    sim = make_sim(webhook_url="http://127.0.0.1:9/webhook")  # discard port: connection refused
    sim.say("jonas", {"text": "Hallo"})
    delivery = wait_for(lambda: sim.deliveries()[0]["state"] == "dropped" and sim.deliveries()[0])
    assert len(delivery["attempts"]) == 4
    assert all(a["status"] is None for a in delivery["attempts"])
    assert sim.control.get("/state").json()["webhook"]["verification"]["status"] == "unreachable"


def test_verification_handshake_comes_first(sim, receiver):
    sim.say("jonas", {"text": "Hallo"})
    wait_for(lambda: receiver.posts)
    assert len(receiver.verifications) == 1  # once, at start, not before every POST
    [check] = receiver.verifications
    assert check["hub.mode"] == "subscribe"
    assert check["hub.verify_token"] == VERIFY_TOKEN
    assert check["hub.challenge"].isdigit()
    state = sim.control.get("/state").json()["webhook"]
    assert state["verification"]["status"] == "verified"
    assert state["url"] == receiver.url


def test_failed_verification_refuses_delivery(make_sim, receiver):
    receiver.verify_mode = "wrong"
    sim = make_sim(webhook_url=receiver.url)
    sim.say("jonas", {"text": "Hallo"})
    wait_for(lambda: sim.deliveries()[0]["state"] == "refused")
    assert receiver.posts == []
    state = sim.control.get("/state").json()["webhook"]
    assert state["verification"]["status"] == "failed"
    assert "challenge" in state["verification"]["detail"]
    assert state["refused"] == 1


def test_wrong_verify_token_is_refused_then_fixed_by_reconfiguring(make_sim, receiver):
    sim = make_sim(webhook_url=receiver.url, verify_token="not-what-the-receiver-expects")
    sim.say("jonas", {"text": "Hallo"})
    wait_for(lambda: sim.deliveries()[0]["state"] == "refused")
    assert sim.control.get("/state").json()["webhook"]["verification"]["detail"] == "HTTP 403"
    answer = sim.control.post("/webhook", json={"url": receiver.url, "verify_token": VERIFY_TOKEN}).json()
    assert answer["verification"]["status"] == "verified"
    sim.say("jonas", {"text": "Noch mal"})
    [post] = wait_for(lambda: receiver.posts)
    assert post.messages()[0]["text"]["body"] == "Noch mal"


def test_without_url_payloads_are_only_logged(make_sim):
    sim = make_sim()
    sim.say("jonas", {"text": "Hallo"})
    [delivery] = wait_for(lambda: [d for d in sim.deliveries() if d["state"] == "no_url"])
    assert delivery["payload"]["entry"][0]["changes"][0]["value"]["messages"][0]["text"]["body"] == "Hallo"


def test_template_status_update_webhook(sim, receiver):
    answer = sim.control.post("/templates/1023456789012307/status", json={"status": "APPROVED"})
    assert answer.json()["status"] == "APPROVED"
    [post] = wait_for(lambda: receiver.posts)
    [change] = post.payload["entry"][0]["changes"]
    assert change["field"] == "message_template_status_update"
    assert change["value"]["event"] == "APPROVED"
    assert change["value"]["message_template_id"] == 1023456789012307
    assert change["value"]["message_template_name"] == "spring_check"


def test_receiver_down_at_start_is_verified_before_the_first_delivery(make_sim, receiver):
    receiver.verify_mode = "error"
    sim = make_sim(webhook_url=receiver.url)
    wait_for(lambda: sim.control.get("/state").json()["webhook"]["verification"]["status"] == "unreachable")
    receiver.verify_mode = "echo"
    sim.say("jonas", {"text": "Hallo"})
    [post] = wait_for(lambda: receiver.posts)
    assert len(receiver.verifications) == 2
    assert sim.control.get("/state").json()["webhook"]["verification"]["status"] == "verified"


def test_voice_notes_get_played(sim, receiver):
    sim.say("lukas", {"type": "audio"})
    answer = sim.send({"to": "491765551234", "type": "audio",
                       "audio": {"link": "https://radhaus.example/antwort.ogg", "voice": True}})
    wamid = answer.json()["messages"][0]["id"]
    statuses = by_rank(receiver.wait_statuses(wamid, 4))
    assert [s["status"] for s in statuses] == ["sent", "delivered", "read", "played"]
