"""POST /webhook and the handshake, over loopback HTTP against the real relay."""

from __future__ import annotations

import json

import httpx

from tests.relay.conftest import (
    APP_SECRET,
    VERIFY_TOKEN,
    all_events,
    log_event,
    relay_read,
    signed,
    wait_for,
)
from tests.relay.payloads import envelope, messages, metadata, outgoing_event, status, text_message
from wadesk.cloud.signature import HEADER, sign
from wadesk.store import events, messages as store_messages


def counter(relay, name):
    return relay_read(relay, lambda conn: events.counter(conn, name))


def test_handshake_echoes_the_challenge_only_for_the_verify_token(client):
    ok = client.get("/webhook", params={"hub.mode": "subscribe", "hub.verify_token": VERIFY_TOKEN,
                                        "hub.challenge": "12345"})
    assert ok.status_code == 200 and ok.text == "12345"
    wrong = client.get("/webhook", params={"hub.mode": "subscribe", "hub.verify_token": "nope",
                                           "hub.challenge": "12345"})
    assert wrong.status_code == 403
    assert wrong.json()["error"]["code"] == "verification_failed"


def test_a_signed_message_is_logged_applied_and_answered_200(relay, post_webhook):
    answer = post_webhook(text_message("wamid.A1", "Ist mein Rad fertig?"))
    assert answer.status_code == 200
    [event] = all_events(relay)
    assert event.kind == "message.in" and event.payload["text"] == "Ist mein Rad fertig?"
    assert event.payload["contact"]["wa_id"] == "491701111111"
    message = relay_read(relay, lambda conn: store_messages.get_message_by_wamid(conn, "wamid.A1"))
    assert message.direction == "in" and message.text == "Ist mein Rad fertig?"
    # The relay's own conversation, so that a desktop can address it whatever its ids.
    assert event.payload["conversation"] == {
        "id": message.conversation_id, "phone_number_id": "106540352242922",
        "wa_id": "491701111111", "user_id": None}


def test_a_webhook_delivered_twice_or_a_wamid_in_another_batch_is_one_event(relay, post_webhook):
    body = text_message("wamid.D1")
    assert post_webhook(body).status_code == 200
    assert post_webhook(body).status_code == 200
    again = messages([{"from": "491701111111", "id": "wamid.D1", "timestamp": "1700000000",
                       "type": "text", "text": {"body": "Hallo"}},
                      {"from": "491701111111", "id": "wamid.D2", "timestamp": "1700000001",
                       "type": "text", "text": {"body": "Noch da?"}}])
    assert post_webhook(again).status_code == 200
    assert [e.payload["wamid"] for e in all_events(relay)] == ["wamid.D1", "wamid.D2"]
    assert counter(relay, "webhook_duplicate_events") == 2


def test_signature_missing_or_wrong_stores_nothing(relay, client):
    body = json.dumps(text_message("wamid.S1")).encode()
    missing = client.post("/webhook", content=body, headers={"Content-Type": "application/json"})
    assert missing.status_code == 401
    assert missing.json()["error"]["code"] == "signature_missing"
    wrong = client.post("/webhook", content=body, headers={
        "Content-Type": "application/json", HEADER: sign(body, "another-secret")})
    assert wrong.status_code == 403
    tampered = client.post("/webhook", content=body.replace(b"Hallo", b"Hallx"), headers={
        "Content-Type": "application/json", HEADER: sign(body, APP_SECRET)})
    assert tampered.status_code == 403
    assert all_events(relay) == []


def test_clear_4xx_for_bad_bodies_types_sizes_and_methods(relay, client):
    def post(body: bytes, ctype: str = "application/json") -> httpx.Response:
        return client.post("/webhook", content=body,
                           headers={"Content-Type": ctype, HEADER: sign(body, APP_SECRET)})

    assert post(b"{not json").status_code == 400
    assert post(b"[1, 2]").status_code == 400
    assert post(json.dumps({"object": "page", "entry": []}).encode()).status_code == 400
    assert post(b'{"object": "whatsapp_business_account", "entry": {}}').status_code == 400
    assert post(json.dumps(text_message("wamid.T1")).encode(), "text/plain").status_code == 415
    big = b'{"pad": "' + b"x" * (3 * 1024 * 1024) + b'"}'
    answer = post(big)
    assert answer.status_code == 413 and answer.json()["error"]["code"] == "too_large"
    put = client.put("/webhook", content=b"{}")
    assert put.status_code == 405 and "POST" in put.headers["allow"]
    assert all_events(relay) == []


def test_a_body_over_3_mb_without_content_length_is_413(relay, client):
    def chunks():
        for _ in range(40):
            yield b"x" * 100_000

    answer = client.post("/webhook", content=chunks(), headers={
        "Content-Type": "application/json", HEADER: "sha256=" + "0" * 64})
    assert answer.status_code == 413
    assert all_events(relay) == []


def test_unknown_phone_number_ids_are_answered_200_and_ignored(relay, post_webhook):
    answer = post_webhook(text_message("wamid.X1", phone_number_id="999999999"))
    assert answer.status_code == 200
    assert all_events(relay) == []
    assert counter(relay, "webhook_ignored_number") == 1


def test_app_state_sync_is_dropped_and_counted_never_stored(relay, post_webhook):
    value = {"messaging_product": "whatsapp", "metadata": metadata(),
             "state_sync": [{"type": "contact", "contact": {"full_name": "Oma Erna",
                                                             "phone_number": "4917099999"},
                             "action": "add", "metadata": {"timestamp": "1700000000"}}] * 3}
    answer = post_webhook(envelope(value, field="smb_app_state_sync"))
    assert answer.status_code == 200
    assert all_events(relay) == []
    assert counter(relay, "app_state_sync_dropped") == 1
    assert counter(relay, "app_state_sync_entries_dropped") == 3
    dump = relay_read(relay, lambda conn: conn.execute(
        "SELECT count(*) FROM contacts WHERE profile_name LIKE '%Erna%'").fetchone()[0])
    assert dump == 0


def test_a_batch_with_one_broken_item_keeps_the_others_and_answers_200(relay, post_webhook):
    batch = messages([
        {"from": "491701111111", "id": "wamid.B1", "timestamp": "1700000000", "type": "text",
         "text": {"body": "eins"}},
        {"from": "491701111111", "id": "wamid.B2", "timestamp": "1700000001", "type": "text"},
        {"from": "491701111111", "id": "wamid.B3", "timestamp": "1700000002", "type": "text",
         "text": {"body": "drei"}},
    ])
    answer = post_webhook(batch)
    assert answer.status_code == 200
    assert [e.payload["wamid"] for e in all_events(relay)] == ["wamid.B1", "wamid.B3"]
    assert counter(relay, "webhook_items_rejected") == 1


def test_statuses_only_move_forward_and_early_ones_wait_for_their_message(relay, post_webhook):
    # Meta's status can come before the relay has logged the send it belongs to.
    assert post_webhook(status("wamid.O1", "delivered", ts=1_700_000_200)).status_code == 200
    log_event(relay, "message.out", outgoing_event("wamid.O1"), "msg:wamid.O1")
    for name, ts in (("read", 1_700_000_300), ("sent", 1_700_000_100),
                     ("delivered", 1_700_000_200)):
        assert post_webhook(status("wamid.O1", name, ts=ts)).status_code == 200
    message = relay_read(relay, lambda conn: store_messages.get_message_by_wamid(conn, "wamid.O1"))
    assert message.status == "read"
    assert (message.sent_at, message.delivered_at, message.read_at) == (
        1_700_000_100, 1_700_000_200, 1_700_000_300)
    kinds = [(e.kind, e.payload.get("status")) for e in all_events(relay)]
    assert kinds.count(("status", "delivered")) == 1


def test_failed_status_keeps_the_error_for_a_person(relay, post_webhook):
    log_event(relay, "message.out", outgoing_event("wamid.F1"), "msg:wamid.F1")
    post_webhook(status("wamid.F1", "failed", error_code=131026))
    message = relay_read(relay, lambda conn: store_messages.get_message_by_wamid(conn, "wamid.F1"))
    assert message.status == "failed" and message.error_code == 131026
    assert message.error_reason == "Message could not be delivered"


def test_reaction_edit_and_revoke_from_the_simulator(relay, sim):
    control = httpx.Client(base_url=sim.base_url)
    said = control.post("/_sim/customers/jonas/say", json={"text": "Hallo, Termin frei?"}).json()
    wamid = said["message"]["id"]
    control.post("/_sim/customers/jonas/say",
                 json={"type": "edit", "original_message_id": wamid, "text": "Termin morgen frei?"})
    control.post("/_sim/customers/jonas/say",
                 json={"type": "reaction", "message_id": wamid, "emoji": "👍"})
    wait_for(lambda: len(all_events(relay)) >= 3)
    kinds = sorted(e.kind for e in all_events(relay))
    assert kinds == ["edit", "message.in", "reaction"]
    message = relay_read(relay, lambda conn: store_messages.get_message_by_wamid(conn, wamid))
    assert message.text == "Termin morgen frei?" and message.edited_at is not None
    control.post("/_sim/customers/jonas/say", json={"type": "revoke", "original_message_id": wamid})
    wait_for(lambda: any(e.kind == "revoke" for e in all_events(relay)))
    message = relay_read(relay, lambda conn: store_messages.get_message_by_wamid(conn, wamid))
    assert message.revoked_at is not None and message.text is None


def test_a_revoked_message_takes_the_relays_copy_of_its_media_along(relay, sim, relay_config):
    control = httpx.Client(base_url=sim.base_url)
    said = control.post("/_sim/customers/jonas/say",
                        json={"type": "image", "file": "hinterrad.jpg", "caption": "Ups"}).json()
    wamid = said["message"]["id"]
    wait_for(lambda: any(e.kind == "media.stored" for e in all_events(relay)))
    message = relay_read(relay, lambda conn: store_messages.get_message_by_wamid(conn, wamid))
    on_disk = relay_config.media_dir / message.media_file
    assert on_disk.exists()
    control.post("/_sim/customers/jonas/say", json={"type": "revoke", "original_message_id": wamid})
    wait_for(lambda: any(e.kind == "revoke" for e in all_events(relay)))
    wait_for(lambda: not on_disk.exists())
    message = relay_read(relay, lambda conn: store_messages.get_message_by_wamid(conn, wamid))
    assert message.revoked_at is not None and message.media_file is None


def test_duplicate_and_out_of_order_webhooks_from_the_simulator(relay, sim):
    """The simulator's fault modes: every payload POSTed twice, statuses last-first."""
    import asyncio

    from wadesk.cloud.client import CloudClient

    control = httpx.Client(base_url=sim.base_url)
    control.post("/_sim/faults", json={"kind": "duplicate_webhooks", "count": 40})
    control.post("/_sim/faults", json={"kind": "out_of_order", "count": 3})
    said = control.post("/_sim/customers/jonas/say", json={"text": "Hallo"}).json()

    async def send() -> list[str]:
        async with CloudClient(sim.access_token, phone_number_id=sim.phone_number_id,
                               base_url=sim.base_url) as cloud:
            return [(await cloud.send_text(said["message"]["from"], f"Antwort {n}")).wamid
                    for n in range(3)]

    # Logged as the sending side would, right after Meta's answer.
    wamids = asyncio.run(send())
    for n, wamid in enumerate(wamids):
        log_event(relay, "message.out", outgoing_event(wamid, f"Antwort {n}",
                                                         wa_id=said["message"]["from"]),
                  f"msg:{wamid}")
    wait_for(lambda: sum(1 for e in all_events(relay) if e.kind == "status") >= 9, timeout=15)
    wait_for(lambda: sim.call(lambda: sim.simulator.webhooks.pending()) == 0, timeout=15)
    evs = all_events(relay)
    assert [e.payload["wamid"] for e in evs if e.kind == "message.in"] == [said["message"]["id"]]
    statuses = [(e.payload["wamid"], e.payload["status"]) for e in evs if e.kind == "status"]
    assert len(statuses) == len(set(statuses)) == 9
    for wamid in wamids:
        message = relay_read(relay, lambda conn: store_messages.get_message_by_wamid(conn, wamid))
        assert message.status == "read"
        assert message.sent_at <= message.delivered_at <= message.read_at
    assert counter(relay, "webhook_duplicate_events") >= 10


def test_a_lone_surrogate_from_meta_is_stored_as_a_replacement_character(relay, post_webhook):
    """Meta can cut an emoji in half; the message is kept, the half becomes U+FFFD."""
    body = json.dumps(text_message("wamid.U1", "Bis morgen \ud83d", name="Erna \udc00")).encode()
    assert b"\\ud83d" in body and b"\\udc00" in body
    assert post_webhook(body).status_code == 200
    message = relay_read(relay, lambda conn: store_messages.get_message_by_wamid(conn, "wamid.U1"))
    assert message is not None and message.text == "Bis morgen \ufffd"
    [event] = all_events(relay)
    assert event.payload["text"] == "Bis morgen \ufffd"
    assert counter(relay, "webhook_entries_failed") == 0
    names = relay_read(relay, lambda conn: [row[0] for row in conn.execute(
        "SELECT profile_name FROM contacts")])
    assert names == ["Erna \ufffd"]
    # A whole emoji, sent as an escaped pair, is untouched.
    pair = json.dumps(text_message("wamid.U2", "Danke \U0001f600")).encode()
    assert b"\\ud83d\\ude00" in pair and post_webhook(pair).status_code == 200
    message = relay_read(relay, lambda conn: store_messages.get_message_by_wamid(conn, "wamid.U2"))
    assert message.text == "Danke \U0001f600"
