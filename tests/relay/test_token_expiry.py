"""While the Cloud API token is dead (Meta's error 190) the relay keeps working: it takes
new sends and keeps them waiting, keeps customers' files waiting to be fetched, and
carries on with both, exactly once, when an owner or admin sets a new token. A 190
that answers a call made with a token replaced meanwhile stops nothing.

All against the real simulator and relay over loopback; the desktop side with its real
outbox, store and relay client."""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import os
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from tests.relay.conftest import VERIFY_TOKEN, all_events
from tests.relay.conftest_team import (
    FAST_SENDER,
    customer_writes,
    relay_read,
    wait_until,
)
from wadesk.cloud.client import CloudClient
from wadesk.desktop.actions import OutgoingActions
from wadesk.desktop.sync.db_thread import DbThread
from wadesk.desktop.sync.outbox_sender import OutboxSender, Outcome
from wadesk.desktop.sync.relay_api import RelayApi
from wadesk.relay import send_api, send_errors
from wadesk.relay.context import RelayContext
from wadesk.relay.server import RelayServer
from wadesk.sim.samples import sample_bytes
from wadesk.store import conversations, events, messages, outbox, relay_sends
from wadesk.store.connection import open_database
from wadesk.store.contacts import ContactInfo, get_contact
from wadesk.store.ingest import IncomingMessage, apply_incoming_message


class HoldingTransport(httpx.AsyncBaseTransport):
    """The real network, except that one chosen request waits until the test lets it
    go: a slow answer from Meta, so that something can happen in between."""

    def __init__(self) -> None:
        self._network = httpx.AsyncHTTPTransport()
        self.hold: Callable[[httpx.Request], bool] | None = None
        self.held = threading.Event()
        self.go = threading.Event()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self.hold is not None and self.hold(request):
            self.hold = None
            self.held.set()
            await asyncio.to_thread(self.go.wait, 30)
        return await self._network.handle_async_request(request)

    async def aclose(self) -> None:
        await self._network.aclose()


def start_relay_with(config: Any, sim: Any, transport: httpx.AsyncBaseTransport) -> RelayServer:
    cloud = CloudClient(config.access_token, phone_number_id=config.phone_number_ids[0],
                        waba_id=config.waba_id, base_url=config.graph_base_url,
                        api_version=config.graph_version, transport=transport)
    ctx = RelayContext(config, cloud=cloud)
    ctx.sender_settings = FAST_SENDER  # type: ignore[attr-defined]
    server = RelayServer(config, ctx=ctx)
    base_url = server.start()
    sim.call(lambda: sim.simulator.webhooks.configure(f"{base_url}/webhook", VERIFY_TOKEN))
    return server


@pytest.fixture
def transport() -> HoldingTransport:
    return HoldingTransport()


@pytest.fixture
def relay(relay_config: Any, sim: Any, transport: HoldingTransport) -> Iterator[RelayServer]:
    server = start_relay_with(relay_config, sim, transport)
    try:
        yield server
    finally:
        transport.go.set()
        server.stop()


def new_id() -> str:
    return "c-" + uuid.uuid4().hex


def post_text(client: httpx.Client, headers: dict[str, str], conversation_id: int, text: str,
              client_id: str) -> httpx.Response:
    return client.post("/api/v1/messages", headers=headers, json={
        "client_id": client_id, "conversation_id": conversation_id, "type": "text",
        "text": {"body": text}})


def cloud_state(client: httpx.Client, team: Any) -> str:
    return client.get("/api/v1/sending", headers=team.headers("agent")).json()["cloud"]["state"]


def new_token(sim_api: httpx.Client) -> str:
    """The simulator issues a new token; the relay's old one is refused from now on."""
    return sim_api.post("/token", json={}).json()["access_token"]


def set_token(client: httpx.Client, team: Any, token: str) -> None:
    answer = client.put("/api/v1/cloud-token", headers=team.headers("admin"),
                        json={"token": token})
    assert answer.status_code == 200, answer.text


def sent_texts(sim_api: httpx.Client) -> list[str]:
    return [m["text"] for m in sim_api.get("/messages").json()["data"]]


def send_record(relay: RelayServer, client_id: str) -> relay_sends.SendRecord | None:
    return relay_read(relay, lambda c: relay_sends.get_send(c, client_id))


def test_a_new_send_is_taken_while_the_token_is_dead_and_sent_once_with_a_new_one(
        relay, client, team, sim_api, monkeypatch):
    conversation_id, _ = customer_writes(sim_api, relay)
    sim_api.post("/faults", json={"kind": "expire_token"})
    # A read receipt is refused with 190: the relay learns that its token is dead.
    read = client.post(f"/api/v1/conversations/{conversation_id}/read",
                       headers=team.headers("agent"))
    assert read.json()["meta"] == "failed"
    assert cloud_state(client, team) == "token_expired"
    # Were the send held for Meta's answer, this request would time out (30 s).
    monkeypatch.setattr(send_api, "ANSWER_WAIT_S", 600.0)
    headers = team.headers("agent")
    first, second = new_id(), new_id()
    answer = post_text(client, headers, conversation_id, "Ihr Rad ist fertig", first)
    assert answer.status_code == 202, answer.text
    body = answer.json()
    assert body["state"] == "queued" and body["waiting_for"] == "cloud_token"
    assert body["error"] == {"code": 190, "message": send_errors.TOKEN_EXPIRED}
    assert body["conversation_id"] == conversation_id and body["wamid"] is None
    assert post_text(client, headers, conversation_id, "Abholung ab 16 Uhr", second
                     ).status_code == 202
    # Every desktop shows them as pending: the echo is in the log.
    queued = [e.payload["client_id"] for e in all_events(relay) if e.kind == "send.queued"]
    assert queued == [first, second]
    # Asked again (a desktop whose answer was lost): the same send, nothing new.
    again = post_text(client, headers, conversation_id, "Ihr Rad ist fertig", first)
    assert again.status_code == 202 and again.json()["waiting_for"] == "cloud_token"
    other = post_text(client, headers, conversation_id, "Etwas anderes", first)
    assert other.status_code == 409
    looked_up = client.get(f"/api/v1/messages/{first}", headers=headers).json()
    assert looked_up["state"] == "queued" and looked_up["waiting_for"] == "cloud_token"
    time.sleep(0.2)
    assert sent_texts(sim_api) == []  # nothing goes to Meta with the dead token

    set_token(client, team, new_token(sim_api))
    wait_until(lambda: send_record(relay, second).state == "accepted")
    assert send_record(relay, first).state == "accepted"
    assert sent_texts(sim_api) == ["Ihr Rad ist fertig", "Abholung ab 16 Uhr"]
    settled = post_text(client, headers, conversation_id, "Ihr Rad ist fertig", first)
    assert settled.status_code == 200 and settled.json()["state"] == "accepted"
    assert "waiting_for" not in settled.json() and settled.json()["error"] is None
    assert sent_texts(sim_api) == ["Ihr Rad ist fertig", "Abholung ab 16 Uhr"]  # once each
    assert cloud_state(client, team) == "ok"


def test_the_desktop_outbox_hands_a_send_to_the_relay_while_the_token_is_dead(
        relay, client, team, sim_api, sim, tmp_path):
    conversation_id, wamid = customer_writes(sim_api, relay)
    contact = relay_read(relay, lambda c: get_contact(
        c, conversations.get_conversation(c, conversation_id).contact_id))
    sim_api.post("/faults", json={"kind": "expire_token"})
    client.post(f"/api/v1/conversations/{conversation_id}/read", headers=team.headers("agent"))
    assert cloud_state(client, team) == "token_expired"

    key = os.urandom(32)
    db = DbThread(lambda: open_database(tmp_path / "replica.db", key=key, create=True))

    client_id = "wd-" + uuid.uuid4().hex

    def write_and_send(conn: Any) -> Any:
        incoming = apply_incoming_message(conn, IncomingMessage(
            wamid, sim.phone_number_id, ContactInfo(wa_id=contact.wa_id), "text",
            int(time.time()), "Hallo, ist das Rad fertig?"))
        OutgoingActions(conn, tmp_path / "media", make_client_id=lambda: client_id).send_text(
            incoming.conversation_id, "Morgen ist es fertig")
        return outbox.claim_due(conn)[0]

    async def ship(item: Any) -> Any:
        api = RelayApi(relay.base_url, team.tokens["agent"])
        try:
            return await OutboxSender(api, db, tmp_path / "media").ship(item)
        finally:
            await api.close()

    try:
        item = db.submit(write_and_send).result(30)
        shipped = asyncio.run(ship(item))
        # Taken by the relay: off the desktop's queue, not "relay unreachable".
        assert shipped.outcome is Outcome.DONE and not shipped.unreachable
        assert shipped.refusal is None
        assert db.submit(outbox.list_outbox).result(30) == []
        echo = db.submit(messages.get_message_by_client_id, client_id).result(30)
        assert echo.status == "pending"
        assert send_record(relay, client_id).state == "queued"

        set_token(client, team, new_token(sim_api))
        wait_until(lambda: send_record(relay, client_id).state == "accepted")
        assert sent_texts(sim_api) == ["Morgen ist es fertig"]
    finally:
        db.close()


def test_a_late_refusal_of_a_replaced_token_does_not_stop_the_relay(
        relay, client, team, sim_api, transport):
    """A read receipt made with the old token comes back 190 only after the new token
    was set: the new token is fine, so sending goes on; a refusal of the token in use
    still stops it."""
    conversation_id, _ = customer_writes(sim_api, relay)
    token = new_token(sim_api)  # the relay's token is refused from now on
    transport.hold = lambda r: r.method == "POST" and r.url.path.endswith("/messages") \
        and json.loads(r.content).get("status") == "read"
    with concurrent.futures.ThreadPoolExecutor(1) as pool, \
            httpx.Client(base_url=relay.base_url, timeout=30) as other:
        read = pool.submit(other.post, f"/api/v1/conversations/{conversation_id}/read",
                           headers=team.headers("agent"))
        assert transport.held.wait(30)
        set_token(client, team, token)
        transport.go.set()
        assert read.result(30).json()["meta"] == "failed"  # refused: the old token
    assert cloud_state(client, team) == "ok"
    assert not relay.ctx.sender.token_expired
    sent = post_text(client, team.headers("agent"), conversation_id, "Geht noch", new_id())
    assert sent.json()["state"] == "accepted"
    assert "token_expired" not in [e.payload.get("state") for e in all_events(relay)
                                   if e.kind == "cloud.state"]

    # The token in use refused: that does stop sending.
    customer_writes(sim_api, relay, text="Noch eine Frage")
    new_token(sim_api)
    read = client.post(f"/api/v1/conversations/{conversation_id}/read",
                       headers=team.headers("agent"))
    assert read.json()["meta"] == "failed"
    assert cloud_state(client, team) == "token_expired"


def test_a_customers_photo_waits_for_a_new_token_and_is_then_fetched_and_served(
        relay, client, team, sim_api):
    token = new_token(sim_api)  # the relay's token is refused from now on
    said = sim_api.post("/customers/jonas/say", json={
        "type": "image", "file": "hinterrad.jpg", "caption": "Speiche"}).json()
    wamid = said["message"]["id"]
    # The download is refused with 190: the relay says so to the team ...
    notice = wait_until(lambda: [e.payload for e in all_events(relay) if e.kind == "cloud.state"])
    assert notice[-1]["state"] == "token_expired"
    assert notice[-1]["message"] == send_errors.TOKEN_EXPIRED
    assert cloud_state(client, team) == "token_expired"
    # ... and keeps the photo pending instead of giving it up.
    pending = client.get(f"/api/v1/media/{wamid}", headers=team.headers("agent"))
    assert pending.status_code == 404 and pending.json()["error"]["code"] == "media_pending"
    fetcher = relay.ctx.media_fetcher
    wait_until(lambda: relay.call(lambda: _waiting(fetcher)) == {wamid})
    assert relay.ctx.stats["media_failed"] == 0
    assert not any(e.kind == "media.stored" for e in all_events(relay))

    set_token(client, team, token)
    wait_until(lambda: any(e.kind == "media.stored" for e in all_events(relay)))
    served = client.get(f"/api/v1/media/{wamid}", headers=team.headers("agent"))
    assert served.status_code == 200 and served.content == sample_bytes("hinterrad.jpg")
    stored = [e for e in relay_read(relay, lambda c: events.events_since(c, 0, 1000))
              if e.kind == "media.stored"]
    assert len(stored) == 1 and stored[0].payload["wamid"] == wamid
    assert relay.ctx.stats["media_failed"] == 0


async def _waiting(fetcher: Any) -> set[str]:
    return set(fetcher.waiting_for_token)


def test_a_photo_refused_with_a_token_replaced_meanwhile_is_fetched_with_the_new_one(
        relay, client, team, sim_api, transport):
    token = new_token(sim_api)
    transport.hold = lambda r: r.method == "GET" and "/v25.0/" in r.url.path \
        and r.url.path.rstrip("/").split("/")[-1].isdigit()
    said = sim_api.post("/customers/jonas/say", json={"type": "document"}).json()
    assert transport.held.wait(30)  # the fetch asks Meta about the file with the old token
    set_token(client, team, token)
    transport.go.set()
    wait_until(lambda: any(e.kind == "media.stored" for e in all_events(relay)))
    served = client.get(f"/api/v1/media/{said['message']['id']}", headers=team.headers("agent"))
    assert served.status_code == 200 and served.content == sample_bytes("kaufbeleg.pdf")
    assert cloud_state(client, team) == "ok" and not relay.ctx.sender.token_expired


def test_an_upload_while_the_token_is_dead_is_refused_for_now(relay, client, team, sim_api):
    new_token(sim_api)
    for attempt in range(2):  # refused by Meta first, then without asking Meta
        answer = client.post("/api/v1/media?filename=hinterrad.jpg",
                             content=sample_bytes("hinterrad.jpg"),
                             headers={**team.headers("agent"), "Content-Type": "image/jpeg"})
        assert answer.status_code == 503, answer.text
        assert answer.json()["error"] == {"code": "cloud_token_expired",
                                          "message": send_errors.TOKEN_EXPIRED_UPLOAD}
        assert answer.headers["retry-after"] == "30"
    assert cloud_state(client, team) == "token_expired"
