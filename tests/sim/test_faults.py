"""Faults on demand: what a client and a relay must survive."""

from __future__ import annotations

import httpx
import pytest

from tests.sim.conftest import JONAS, TOKEN, assert_meta_error, by_rank, wait_for


@pytest.fixture
def chatting(sim):
    sim.say("jonas", {"text": "Hallo"})
    return sim


def test_duplicate_webhook_deliveries(chatting, receiver):
    sim = chatting
    wait_for(lambda: receiver.posts)
    sim.fault("duplicate_webhooks", count=2)
    sim.say("jonas", {"text": "Doppelt gemoppelt"})
    wamid = sim.send_text(JONAS, "Einmal").json()["messages"][0]["id"]
    wait_for(lambda: len(receiver.posts) == 7)  # hello, inbound twice, sent twice, delivered, read
    bodies = [p.body for p in receiver.posts]
    inbound = [b for b in bodies if b"Doppelt gemoppelt" in b]
    assert len(inbound) == 2 and inbound[0] == inbound[1]
    statuses = [s["status"] for s in receiver.statuses(wamid)]
    assert sorted(statuses) == ["delivered", "read", "sent", "sent"]  # the first status was doubled
    copies = [d for d in sim.deliveries() if d["duplicate_of"]]
    assert len(copies) == 2
    assert sim.control.get("/faults").json()["pending"] == []


def test_out_of_order_statuses(chatting, receiver):
    sim = chatting
    sim.fault("out_of_order")
    wamid = sim.send_text(JONAS, "Reihenfolge?").json()["messages"][0]["id"]
    statuses = receiver.wait_statuses(wamid, 3)
    assert sim.happened(wamid) == ["sent", "delivered", "read"]
    assert sim.dispatched_statuses(wamid) == ["read", "delivered", "sent"]
    assert [s["status"] for s in statuses] == ["read", "delivered", "sent"]  # 30 ms apart
    assert int(statuses[0]["timestamp"]) >= int(statuses[2]["timestamp"])
    second = sim.send_text(JONAS, "Und jetzt?").json()["messages"][0]["id"]
    receiver.wait_statuses(second, 3)
    assert sim.dispatched_statuses(second) == ["sent", "delivered", "read"]


def test_failed_after_delivered(chatting, receiver):
    sim = chatting
    sim.fault("failed_after_delivered")
    wamid = sim.send_text(JONAS, "Mehrere Geräte").json()["messages"][0]["id"]
    statuses = by_rank(receiver.wait_statuses(wamid, 3))
    assert [s["status"] for s in statuses] == ["sent", "delivered", "failed"]
    assert sim.dispatched_statuses(wamid) == ["sent", "delivered", "failed"]
    assert statuses[2]["errors"][0]["code"] == 131026


def test_undeliverable(chatting, receiver):
    sim = chatting
    sim.fault("undeliverable")
    wamid = sim.send_text(JONAS, "Weg").json()["messages"][0]["id"]
    [failed] = receiver.wait_statuses(wamid, 1)
    assert failed["errors"][0]["code"] == 131026
    short = sim.send_text("12345", "kein WhatsApp").json()["messages"][0]["id"]
    assert receiver.wait_statuses(short, 1)[0]["errors"][0]["code"] == 131026


def test_lost_response_by_dropped_connection(chatting, receiver):
    sim = chatting
    sim.fault("lost_response", mode="drop")
    with pytest.raises(httpx.TransportError):
        sim.send_text(JONAS, "Angekommen?", biz_opaque_callback_data="client-id-7")
    [accepted] = sim.sent()
    assert accepted["text"] == "Angekommen?"
    statuses = receiver.wait_statuses(accepted["id"], 3)  # the only way to learn it went out
    assert all(s["biz_opaque_callback_data"] == "client-id-7" for s in statuses)
    assert sim.send_text(JONAS, "Die nächste geht wieder").status_code == 200


def test_lost_response_by_hanging_past_the_client_timeout(chatting, receiver):
    sim = chatting
    sim.fault("lost_response", mode="hang", seconds=1.0)
    with pytest.raises(httpx.TimeoutException):
        sim.graph.post(f"/{sim.pid}/messages", timeout=0.3, json={
            "messaging_product": "whatsapp", "to": JONAS, "text": {"body": "Zeitüberschreitung"}})
    [accepted] = sim.sent()
    receiver.wait_statuses(accepted["id"], 1)


def test_5xx_answers_do_nothing(chatting):
    sim = chatting
    sim.fault("http_error", status=500, count=2)
    for _ in range(2):
        error = assert_meta_error(sim.send_text(JONAS, "x"), 131000, 500)
        assert error["error_data"]["details"]
    sim.fault("http_error", status=503)
    assert_meta_error(sim.send_text(JONAS, "x"), 2, 503)
    assert sim.sent() == []
    assert sim.send_text(JONAS, "jetzt").status_code == 200
    assert sim.control.get("/faults").json()["triggered"]["http_error"] == 3


def test_faults_only_hit_their_endpoint(chatting):
    sim = chatting
    sim.fault("http_error", endpoint="media_info")
    assert sim.send_text(JONAS, "unberührt").status_code == 200
    assert_meta_error(sim.graph.get("/123"), 131000, 500)
    sim.fault("http_error", endpoint="any")
    assert_meta_error(sim.graph.get(f"/{sim.pid}"), 131000, 500)


def test_timeouts_do_nothing(chatting):
    sim = chatting
    sim.fault("timeout", seconds=1.0)
    with pytest.raises(httpx.TimeoutException):
        sim.graph.post(f"/{sim.pid}/messages", timeout=0.3, json={
            "messaging_product": "whatsapp", "to": JONAS, "text": {"body": "nie"}})
    sim.fault("timeout", seconds=0.05)
    assert_meta_error(sim.send_text(JONAS, "auch nicht"), 2, 503)
    assert sim.sent() == []


def test_burst_in_one_post(sim, receiver):
    answer = sim.fault("burst", count=25, batched=True)
    assert len(answer["messages"]) == 25
    [post] = wait_for(lambda: receiver.posts)
    assert post.signed
    assert len(post.payload["entry"][0]["changes"]) == 25
    assert len(post.messages()) == 25
    assert len({m["id"] for m in post.messages()}) == 25


def test_burst_as_many_posts(sim, receiver):
    sim.fault("burst", count=12, batched=False, customers=["jonas", "emma"])
    wait_for(lambda: len(receiver.posts) == 12)
    senders = {m["from"] for m in receiver.messages()}
    assert senders == {JONAS, "447700900123"}


def test_unknown_fault_kind_is_a_control_error(sim):
    answer = sim.control.post("/faults", json={"kind": "meteor"})
    assert answer.status_code == 400
    assert "unknown fault kind" in answer.json()["error"]


def test_clearing_faults(chatting):
    sim = chatting
    sim.fault("http_error", count=5)
    assert sim.control.get("/faults").json()["pending"][0]["count"] == 5
    sim.control.delete("/faults")
    assert sim.send_text(JONAS, "ok").status_code == 200


def test_downloads_need_the_current_token(sim):
    item = sim.say("jonas", {"type": "image"})["image"]
    sim.fault("expire_token")
    assert httpx.get(item["url"], headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 401
