"""POST /api/v1/messages and friends, against the real simulator over loopback."""

from __future__ import annotations

import base64
import concurrent.futures
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.relay.conftest_team import customer_writes, relay_read, start_relay, wait_until
from wadesk.relay.server import RelayServer
from wadesk.sim.samples import sample_bytes
from wadesk.store import conversations, events, relay_sends
from wadesk.store import messages as store_messages
from wadesk.store.reactions import reactions_for


@pytest.fixture
def relay(relay_config: Any, sim: Any) -> Iterator[RelayServer]:
    server = start_relay(relay_config, sim)
    try:
        yield server
    finally:
        server.stop()


def new_id() -> str:
    return "c-" + uuid.uuid4().hex


def send(client: httpx.Client, team: Any, conversation_id: int, kind: str, content: Any,
         *, role: str = "agent", client_id: str | None = None, **extra: Any) -> httpx.Response:
    body = {"client_id": client_id or new_id(), "conversation_id": conversation_id,
            "type": kind, kind: content, **extra}
    return client.post("/api/v1/messages", json=body, headers=team.headers(role))


def sim_sent(sim_api: httpx.Client) -> list[dict[str, Any]]:
    return sim_api.get("/messages").json()["data"]


def event_kinds(relay: RelayServer) -> list[str]:
    return [e.kind for e in relay_read(relay, lambda conn: events.events_since(conn, 0, 1000))]


def test_text_send_is_accepted_and_reaches_read(relay, client, team, sim_api):
    conversation_id, _ = customer_writes(sim_api, relay)
    client_id = new_id()
    answer = send(client, team, conversation_id, "text", {"body": "Ja, Ihr Rad ist fertig."},
                  client_id=client_id)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["state"] == "accepted" and body["wamid"].startswith("wamid.")
    assert body["error"] is None and body["conversation_id"] == conversation_id
    [sent] = sim_sent(sim_api)
    assert sent["biz_opaque_callback_data"] == client_id
    assert sent["text"] == "Ja, Ihr Rad ist fertig."
    message = wait_until(lambda: (m := relay_read(relay, lambda c: store_messages.get_message_by_client_id(
        c, client_id))) and m.status == "read" and m)
    assert message.wamid == body["wamid"] and message.direction == "out"
    assert message.agent_id == str(team.person_ids["agent"])
    kinds = event_kinds(relay)
    assert kinds.index("send.queued") < kinds.index("send.accepted")
    # The view of the send can be asked for later, too.
    again = client.get(f"/api/v1/messages/{client_id}", headers=team.headers("agent")).json()
    assert again["state"] == "accepted" and again["wamid"] == body["wamid"]


def test_same_client_id_sends_once(relay, client, team, sim_api):
    conversation_id, _ = customer_writes(sim_api, relay)
    client_id = new_id()
    first = send(client, team, conversation_id, "text", {"body": "Einmal"}, client_id=client_id)
    second = send(client, team, conversation_id, "text", {"body": "Einmal"}, client_id=client_id)
    assert first.json() == second.json()
    assert len(sim_sent(sim_api)) == 1
    other = send(client, team, conversation_id, "text", {"body": "Anders"}, client_id=client_id)
    assert other.status_code == 409
    assert other.json()["error"]["code"] == "client_id_reused"
    assert event_kinds(relay).count("send.queued") == 1


def test_same_client_id_while_first_in_flight(relay, client, team, sim_api):
    conversation_id, _ = customer_writes(sim_api, relay)
    # The first call hangs at "Meta" for a moment: the duplicates arrive meanwhile.
    sim_api.post("/faults", json={"kind": "timeout", "seconds": 0.4, "count": 1})
    client_id = new_id()
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(
            lambda _: send(client, team, conversation_id, "text", {"body": "Parallel"},
                           client_id=client_id), range(4)))
    # The 503 of the timeout fault is retried; all four callers see the one outcome.
    final = wait_until(lambda: client.get(f"/api/v1/messages/{client_id}",
                                          headers=team.headers("agent")).json()["state"] == "accepted")
    assert final
    assert len(sim_sent(sim_api)) == 1
    assert all(a.status_code in (200, 202) for a in answers)
    assert event_kinds(relay).count("send.queued") == 1


def test_window_closed_refuses_all_but_templates(relay, client, team, sim_api, sim):
    # The customer's last message is stamped 25 hours ago (the relay goes by Meta's
    # timestamp; the simulator itself would still let us answer).
    conversation_id = customer_wrote_long_ago(sim_api, relay, hours=25)
    before = event_kinds(relay)
    answer = send(client, team, conversation_id, "text", {"body": "Noch da?"})
    assert answer.status_code == 422
    assert answer.json()["error"] == {
        "code": "window_closed",
        "message": "More than 24 hours since the customer's last message: only a template "
                   "can be sent."}
    assert event_kinds(relay) == before and sim_sent(sim_api) == []
    template = send(client, team, conversation_id, "template", {
        "name": "order_ready", "language": {"code": "de"},
        "components": [{"type": "body", "parameters": [
            {"type": "text", "text": "Jonas"}, {"type": "text", "text": "R-1042"}]}]})
    assert template.status_code == 200, template.text
    assert template.json()["state"] == "accepted"
    assert sim_sent(sim_api)[0]["type"] == "template"


def test_meta_window_rule_gives_a_plain_reason(relay, client, team, sim_api):
    """Our clock says the window is open, Meta's says closed: the failed status webhook
    carries 131047 and the desktop gets the same plain sentence."""
    conversation_id, _ = customer_writes(sim_api, relay)
    sim_api.post("/clock/advance", json={"hours": 25})
    client_id = new_id()
    answer = send(client, team, conversation_id, "text", {"body": "Hallo?"}, client_id=client_id)
    assert answer.json()["state"] == "accepted"  # a 200 from Meta only means accepted
    message = wait_until(lambda: (m := relay_read(relay, lambda c: store_messages.get_message_by_client_id(
        c, client_id))) and m.status == "failed" and m)
    assert message.error_code == 131047


def customer_wrote_long_ago(sim_api: httpx.Client, relay: RelayServer, *, hours: float) -> int:
    stamp = int(sim_api.get("/clock").json()["now"] - hours * 3600)
    answer = sim_api.post("/customers/jonas/say", json={"type": "raw", "message": {
        "type": "text", "text": {"body": "Ist das Rad fertig?"}, "timestamp": str(stamp)}})
    wamid = answer.json()["message"]["id"]
    message = wait_until(lambda: relay_read(
        relay, lambda c: store_messages.get_message_by_wamid(c, wamid)))
    return message.conversation_id


def _upload(client: httpx.Client, team: Any, name: str, mime: str) -> dict[str, Any]:
    answer = client.post(f"/api/v1/media?filename={name}", content=sample_bytes(name),
                         headers={**team.headers("agent"), "Content-Type": mime})
    assert answer.status_code == 201, answer.text
    return answer.json()


def test_every_message_kind(relay, client, team, sim_api):
    conversation_id, customer_wamid = customer_writes(sim_api, relay)
    image = _upload(client, team, "hinterrad.jpg", "image/jpeg")
    assert image["kind"] == "image" and image["media_id"]
    pdf = _upload(client, team, "kaufbeleg.pdf", "application/pdf")
    voice = _upload(client, team, "sprachnachricht.ogg", "audio/ogg")
    kinds: list[tuple[str, Any, dict[str, Any]]] = [
        ("text", {"body": "Ihr Rad ist fertig", "preview_url": False}, {}),
        ("text", {"body": "Antwort mit Zitat"}, {"reply_to": customer_wamid}),
        ("image", {"id": image["media_id"], "caption": "So sieht es aus"}, {}),
        ("document", {"id": pdf["media_id"], "filename": "Rechnung.pdf"}, {}),
        ("audio", {"id": voice["media_id"], "voice": True}, {}),
        ("location", {"latitude": 52.5108, "longitude": 13.4566, "name": "Radhaus Berlin",
                      "address": "Boxhagener Straße 42"}, {}),
        ("contacts", [{"name": {"formatted_name": "Werkstatt Radhaus"},
                       "phones": [{"phone": "+49 30 1234567", "type": "WORK"}]}], {}),
        ("interactive", {"type": "button", "body": {"text": "Wann holen Sie es ab?"},
                         "action": {"buttons": [
                             {"type": "reply", "reply": {"id": "today", "title": "Heute"}},
                             {"type": "reply", "reply": {"id": "tomorrow", "title": "Morgen"}}]}},
         {}),
        ("interactive", {"type": "list", "body": {"text": "Welcher Termin?"},
                         "action": {"button": "Termine", "sections": [{"title": "Mai", "rows": [
                             {"id": "m1", "title": "Montag 9 Uhr"},
                             {"id": "m2", "title": "Dienstag 14 Uhr"}]}]}}, {}),
        ("reaction", {"message_id": customer_wamid, "emoji": "👍"}, {}),
        ("template", {"name": "hello_world", "language": {"code": "en_US"}}, {}),
    ]
    for kind, content, extra in kinds:
        answer = send(client, team, conversation_id, kind, content, **extra)
        assert answer.status_code == 200, (kind, answer.text)
        assert answer.json()["state"] == "accepted", (kind, answer.json())
    sent = sim_sent(sim_api)
    assert [m["type"] for m in sent] == [k for k, _, _ in kinds]
    assert sent[1]["request"]["context"] == {"message_id": customer_wamid}
    assert sent[2]["request"]["image"] == {"id": image["media_id"], "caption": "So sieht es aus"}
    # The reaction shows on the customer's message once Meta took it.
    message = relay_read(relay, lambda c: store_messages.get_message_by_wamid(c, customer_wamid))
    standing = relay_read(relay, lambda c: reactions_for(c, [message.id]))
    assert [(r.reactor, r.emoji) for r in standing[message.id]] == [("business", "👍")]
    # Local echoes keep what a desktop needs to draw them.
    echo = relay_read(relay, lambda c: store_messages.get_message_by_wamid(c, sent[5]["id"]))
    assert echo.type == "location" and echo.text == "Radhaus Berlin, Boxhagener Straße 42"


@pytest.mark.parametrize("body, field", [
    ({"type": "text", "text": {"body": "x" * 4097}}, "text"),
    ({"type": "text", "text": {"body": "   "}}, "text"),
    ({"type": "text", "text": "no object"}, "text"),
    ({"type": "poll", "poll": {}}, "type"),
    ({"type": "interactive", "interactive": {"type": "button", "body": {"text": "?"},
      "action": {"buttons": [{"type": "reply", "reply": {"id": str(i), "title": "t"}}
                             for i in range(4)]}}}, "interactive"),
    ({"type": "location", "location": {"latitude": 91, "longitude": 0}}, "location"),
    ({"type": "reaction", "reaction": {"message_id": "wamid.x", "emoji": "👍"},
      "reply_to": "wamid.y"}, "reply_to"),
])
def test_invalid_messages_are_400_and_store_nothing(relay, client, team, sim_api, body, field):
    conversation_id, _ = customer_writes(sim_api, relay)
    before = event_kinds(relay)
    answer = client.post("/api/v1/messages", headers=team.headers("agent"),
                         json={"client_id": new_id(), "conversation_id": conversation_id, **body})
    assert answer.status_code == 400, answer.text
    assert answer.json()["error"]["code"] == "invalid_message"
    assert answer.json()["error"]["field"] == field
    assert event_kinds(relay) == before


def test_request_errors(relay, client, team):
    headers = team.headers("agent")
    assert client.post("/api/v1/messages", headers=headers, content=b"{nope").status_code == 400
    assert client.post("/api/v1/messages", headers=headers, json={
        "client_id": "short", "conversation_id": 1, "type": "text",
        "text": {"body": "x"}}).status_code == 400
    missing = client.post("/api/v1/messages", headers=headers, json={
        "client_id": new_id(), "conversation_id": 999, "type": "text", "text": {"body": "x"}})
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "conversation_not_found"
    huge = client.post("/api/v1/messages", headers={**headers, "Content-Type": "application/json"},
                       content=b"{" + b" " * 300_000 + b"}")
    assert huge.status_code == 413


def test_first_message_to_a_number_needs_a_template(relay, client, team, sim_api):
    to = {"wa_id": "+49 160 9876543"}
    answer = client.post("/api/v1/messages", headers=team.headers("agent"), json={
        "client_id": new_id(), "to": to, "type": "text", "text": {"body": "Hallo"}})
    assert answer.status_code == 422
    # Nothing half-made: no contact, no conversation.
    assert relay_read(relay, lambda c: conversations.list_conversations(c)) == []
    answer = client.post("/api/v1/messages", headers=team.headers("agent"), json={
        "client_id": new_id(), "to": to, "type": "template",
        "template": {"name": "hello_world", "language": "en_US"}})
    assert answer.status_code == 200 and answer.json()["state"] == "accepted"
    [summary] = relay_read(relay, lambda c: conversations.list_conversations(c))
    assert summary.contact.wa_id == "491609876543"


def test_media_upload_checks_type_and_size(relay, client, team):
    headers = team.headers("agent")
    exe = client.post("/api/v1/media?filename=x.exe", content=b"MZ...",
                      headers={**headers, "Content-Type": "application/x-msdownload"})
    assert exe.status_code == 415 and exe.json()["error"]["code"] == "media_refused"
    big = client.post("/api/v1/media?filename=big.jpg", content=b"\xff" * (5 * 1024 * 1024 + 1),
                      headers={**headers, "Content-Type": "image/jpeg"})
    assert big.status_code == 413
    empty = client.post("/api/v1/media", content=b"", headers={**headers, "Content-Type": "image/png"})
    assert empty.status_code == 400
    # Sentences of wadesk.core.send_failure_texts, which the desktop translates when shown.
    assert [r.json()["error"]["message"] for r in (exe, big, empty)] == [
        "WhatsApp does not take files of type application/x-msdownload.",
        "WhatsApp takes image files up to 5120 KB; this one has 5121 KB.",
        "The file is empty."]


def test_mark_read_and_typing(relay, client, team, sim_api):
    conversation_id, wamid = customer_writes(sim_api, relay)
    unread = lambda: relay_read(relay, lambda c: conversations.get_conversation(
        c, conversation_id)).unread_count  # noqa: E731
    assert unread() == 1
    answer = client.post(f"/api/v1/conversations/{conversation_id}/read",
                         headers=team.headers("agent"))
    assert answer.status_code == 200
    assert answer.json() == {"conversation_id": conversation_id, "wamid": wamid, "meta": "ok"}
    assert unread() == 0
    assert sim_api.get("/customers/jonas").json()["read_up_to"] == wamid
    assert "conversation.read" in event_kinds(relay)
    # Opening the chat again costs no call to Meta and no event.
    calls = sim_api.get("/state").json()["counts"]["graph_calls"]
    again = client.post(f"/api/v1/conversations/{conversation_id}/read",
                        headers=team.headers("admin"))
    assert again.json()["meta"] == "ok"
    assert sim_api.get("/state").json()["counts"]["graph_calls"] == calls
    assert event_kinds(relay).count("conversation.read") == 1
    typing = client.post(f"/api/v1/conversations/{conversation_id}/typing",
                         headers=team.headers("agent"))
    assert typing.status_code == 200 and typing.json()["meta"] == "ok"
    assert sim_api.get("/customers/jonas").json()["typing_until"] is not None
    missing = client.post("/api/v1/conversations/999/read", headers=team.headers("agent"))
    assert missing.status_code == 404


def test_sending_state_endpoint(relay, client, team, sim_api):
    state = client.get("/api/v1/sending", headers=team.headers("agent")).json()
    assert state["cloud"] == {"state": "ok", "message": None}
    assert state["throughput_per_s"] == 80.0
    assert set(state["sends"]) == set(relay_sends.STATES)


def test_texts_and_tokens_stay_out_of_logs(relay, client, team, sim_api, caplog):
    conversation_id, _ = customer_writes(sim_api, relay)
    secret_text = "Geheimer Text 4711"
    with caplog.at_level("DEBUG"):
        answer = send(client, team, conversation_id, "text", {"body": secret_text})
        assert answer.json()["state"] == "accepted"
    logged = "\n".join(f"{r.getMessage()} {r.__dict__}" for r in caplog.records)
    assert secret_text not in logged
    assert team.tokens["agent"] not in logged
    assert base64.b64encode(secret_text.encode()).decode() not in logged


def test_video_and_sticker_go_out_through_an_upload(relay, client, team, sim_api):
    """The two media kinds the list above leaves out (a short clip, a WebP sticker)."""
    conversation_id, _ = customer_writes(sim_api, relay)
    clip = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 2000
    sticker = b"RIFF" + (2000).to_bytes(4, "little") + b"WEBPVP8 " + b"\x00" * 1992
    sent_ids = []
    for name, data, mime, kind in (("probefahrt.mp4", clip, "video/mp4", "video"),
                                   ("daumen.webp", sticker, "image/webp", "sticker")):
        uploaded = client.post(f"/api/v1/media?filename={name}", content=data,
                               headers={**team.headers("agent"), "Content-Type": mime})
        assert uploaded.status_code == 201, uploaded.text
        media_id = uploaded.json()["media_id"]
        content = {"id": media_id, "caption": "Die Probefahrt"} if kind == "video" else {"id": media_id}
        answer = send(client, team, conversation_id, kind, content)
        assert answer.status_code == 200 and answer.json()["state"] == "accepted", answer.text
        sent_ids.append(media_id)
    sent = sim_sent(sim_api)
    assert [m["type"] for m in sent] == ["video", "sticker"]
    assert sent[0]["request"]["video"] == {"id": sent_ids[0], "caption": "Die Probefahrt"}
    assert sent[1]["request"]["sticker"] == {"id": sent_ids[1]}
