"""The outbox worker against the simulator's rules and faults: retries, rate limits,
lost responses, an expired token, and a restart with sends still queued."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import httpx
import pytest

from tests.relay.conftest import add_person_with_device
from tests.relay.conftest_team import (
    FAST_SENDER,
    customer_writes,
    relay_read,
    start_relay,
    wait_until,
)
from wadesk.cloud import errors as cloud_errors
from wadesk.relay import send_errors
from wadesk.relay.rate_limit import TokenBucket
from wadesk.relay.server import RelayServer
from wadesk.store import events, relay_sends
from wadesk.store import messages as store_messages


@pytest.fixture
def relay(relay_config: Any, sim: Any) -> Iterator[RelayServer]:
    server = start_relay(relay_config, sim)
    try:
        yield server
    finally:
        server.stop()


def new_id() -> str:
    return "c-" + uuid.uuid4().hex


def post_text(client: httpx.Client, headers: dict[str, str], conversation_id: int, text: str,
              client_id: str | None = None) -> httpx.Response:
    return client.post("/api/v1/messages", headers=headers, json={
        "client_id": client_id or new_id(), "conversation_id": conversation_id, "type": "text",
        "text": {"body": text}})


def send_record(relay: RelayServer, client_id: str) -> relay_sends.SendRecord:
    return relay_read(relay, lambda c: relay_sends.get_send(c, client_id))


def sim_sent(sim_api: httpx.Client) -> list[dict[str, Any]]:
    return sim_api.get("/messages").json()["data"]


def kinds(relay: RelayServer) -> list[str]:
    return [e.kind for e in relay_read(relay, lambda c: events.events_since(c, 0, 1000))]


def test_server_errors_are_retried_and_sent_once(relay, client, team, sim_api):
    conversation_id, _ = customer_writes(sim_api, relay)
    sim_api.post("/faults", json={"kind": "http_error", "status": 500, "count": 2})
    client_id = new_id()
    answer = post_text(client, team.headers("agent"), conversation_id, "Nach zwei Fehlern",
                       client_id)
    assert answer.status_code in (200, 202)
    record = wait_until(lambda: (r := send_record(relay, client_id)).state == "accepted" and r)
    assert record.attempts == 3 and record.body is None  # the text is not kept once settled
    assert len(sim_sent(sim_api)) == 1
    assert kinds(relay).count("send.retrying") == 2


def test_a_request_that_never_left_is_retried(tmp_path):
    """Meta unreachable (connection refused: nothing was sent) is retried with back-off
    until it is reachable again; the message then goes out once."""
    import socket

    from tests.relay.conftest import FAST_SIM, make_relay_config
    from wadesk.sim import SimServer

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = make_relay_config(tmp_path / "r", None, graph_base_url=f"http://127.0.0.1:{port}",
                               access_token=FAST_SIM.token)
    patient = replace(FAST_SENDER, max_attempts=50, backoff_cap_s=0.1)
    server = start_relay(config, None, patient)
    later = SimServer(replace(FAST_SIM, port=port))
    try:
        _, token = add_person_with_device(server, "anna", "agent")
        later.start()
        later.call(lambda: later.simulator.webhooks.configure(f"{server.base_url}/webhook",
                                                              FAST_SIM.verify_token))
        with httpx.Client(base_url=f"{later.base_url}/_sim") as later_api:
            conversation_id, _ = customer_writes(later_api, server)
            later.stop()  # Meta is gone for a moment
            client_id = new_id()
            with httpx.Client(base_url=server.base_url, timeout=30) as http:
                answer = post_text(http, {"Authorization": f"Bearer {token}"}, conversation_id,
                                   "Später", client_id)
            assert answer.json()["state"] == "queued"
            assert answer.json()["error"]["message"] == send_errors.reason_for(
                cloud_errors.RequestNotSentError("x"))
            later = SimServer(replace(FAST_SIM, port=port))
            later.start()
            wait_until(lambda: send_record(server, client_id).state == "accepted")
        with httpx.Client(base_url=f"{later.base_url}/_sim") as later_api:
            assert [m["text"] for m in later_api.get("/messages").json()["data"]] == ["Später"]
    finally:
        later.stop()
        server.stop()


def test_pair_rate_limit_retries_in_order(relay, client, team, sim_api):
    conversation_id, _ = customer_writes(sim_api, relay)
    sim_api.post("/limits", json={"pair_rate_interval": 0.15, "pair_rate_burst": 1})
    ids = [new_id() for _ in range(4)]
    for n, client_id in enumerate(ids):
        post_text(client, team.headers("agent"), conversation_id, f"Teil {n}", client_id)
    wait_until(lambda: all(send_record(relay, i).state == "accepted" for i in ids), timeout=20)
    # 131056 was hit and retried, and one customer's messages still went out in order.
    assert sum(send_record(relay, i).attempts for i in ids) > len(ids)
    assert [m["text"] for m in sim_sent(sim_api)] == [f"Teil {n}" for n in range(4)]


def test_throughput_limit_is_retried(relay, client, team, sim_api):
    """Meta's number is slower than our bucket: 130429 comes back and is retried."""
    conversation_ids = [customer_writes(sim_api, relay, who)[0]
                        for who in ("jonas", "aylin", "sophie", "emma", "lukas")]
    sim_api.post("/limits", json={"throughput": 25, "throughput_burst": 1})
    ids = [new_id() for _ in conversation_ids]
    for conversation_id, client_id in zip(conversation_ids, ids):
        post_text(client, team.headers("agent"), conversation_id, "Schnell", client_id)
    wait_until(lambda: all(send_record(relay, i).state == "accepted" for i in ids), timeout=20)
    assert len(sim_sent(sim_api)) == 5
    assert relay.ctx.sender.counts["rate_limited"] >= 1


def test_a_burst_keeps_the_pace_and_each_customers_order(relay_config, sim, sim_api):
    """More sends at once than two seconds' worth: the rest wait in the outbox, the pace
    stays under the number's limit (no 130429), each customer's messages stay in order."""
    import concurrent.futures

    sim_api.post("/limits", json={"throughput": 20})
    server = start_relay(replace(relay_config, throughput_per_s=20.0), sim)
    try:
        _, token = add_person_with_device(server, "anna", "agent")
        who = ("jonas", "aylin", "sophie", "emma", "lukas")
        conversations = {name: customer_writes(sim_api, server, name)[0] for name in who}
        jobs = [(name, n) for n in range(10) for name in who]  # 50 messages
        with httpx.Client(base_url=server.base_url, timeout=30,
                          headers={"Authorization": f"Bearer {token}"}) as http, \
                concurrent.futures.ThreadPoolExecutor(25) as pool:
            answers = list(pool.map(lambda job: post_text(
                http, {}, conversations[job[0]], f"{job[0]} {job[1]}"), jobs))
        ids = [a.json()["client_id"] for a in answers]
        wait_until(lambda: all(send_record(server, i).state == "accepted" for i in ids), timeout=30)
        sent = sim_sent(sim_api)
        assert len(sent) == 50 and server.ctx.sender.counts["rate_limited"] == 0
        # Each customer gets their messages in the order the relay took them.
        queued = [e.payload["text"] for e in relay_read(server, lambda c: events.events_since(
            c, 0, 1000)) if e.kind == "send.queued"]
        for name in who:
            assert [m["text"] for m in sent if m["text"].startswith(name)] == [
                t for t in queued if t.startswith(name)]
    finally:
        server.stop()


def test_refusals_fail_at_once_with_a_plain_reason(relay, client, team, sim_api):
    conversation_id, _ = customer_writes(sim_api, relay)
    answer = client.post("/api/v1/messages", headers=team.headers("agent"), json={
        "client_id": new_id(), "conversation_id": conversation_id, "type": "template",
        "template": {"name": "no_such_template", "language": "de"}})
    assert answer.status_code == 200
    body = answer.json()
    assert body["state"] == "failed" and body["attempts"] == 1
    assert body["error"] == {"code": 132001, "message": send_errors.reason_for_code(132001)}
    message = relay_read(relay, lambda c: store_messages.get_message_by_client_id(
        c, body["client_id"]))
    assert message.status == "failed" and message.error_code == 132001
    assert message.error_reason == "This template does not exist in this language or is not approved yet."


def test_retryable_errors_give_up_after_max_attempts(relay, client, team, sim_api):
    conversation_id, _ = customer_writes(sim_api, relay)
    sim_api.post("/faults", json={"kind": "http_error", "status": 503, "code": 2, "count": 50})
    client_id = new_id()
    post_text(client, team.headers("agent"), conversation_id, "Hoffnungslos", client_id)
    record = wait_until(lambda: (r := send_record(relay, client_id)).state == "failed" and r,
                        timeout=20)
    assert record.attempts == FAST_SENDER.max_attempts
    assert "unwell" in record.error_reason
    sim_api.delete("/faults")
    assert sim_sent(sim_api) == []


def test_lost_response_is_not_sent_twice_and_settles_by_status(relay, client, team, sim_api):
    """Meta accepted the message, the answer was lost: the send becomes `unknown`, is
    never re-sent, and the status webhook (carrying the client id back) settles it."""
    conversation_id, _ = customer_writes(sim_api, relay)
    # Slow statuses, so that `unknown` is seen before the webhook settles it.
    sim_api.post("/faults", json={"kind": "lost_response", "mode": "drop", "count": 1})
    client_id = new_id()
    answer = post_text(client, team.headers("agent"), conversation_id, "Verloren?", client_id)
    assert answer.status_code in (200, 202)
    record = wait_until(lambda: (r := send_record(relay, client_id)).state == "accepted" and r)
    [sent] = sim_sent(sim_api)
    assert record.wamid == sent["id"] and record.attempts == 1
    assert relay.ctx.sender.counts["unknown"] == 1
    log = kinds(relay)
    assert log.index("send.unknown") < log.index("send.accepted")
    # The message itself: its wamid and its final status right after the webhooks.
    message = wait_until(lambda: (m := relay_read(relay, lambda c: store_messages.get_message_by_client_id(
        c, client_id))) and m.status == "read" and m)
    assert message.wamid == sent["id"]
    # Asking again with the same client id reports the settled outcome; still one send.
    again = post_text(client, team.headers("agent"), conversation_id, "Verloren?", client_id)
    assert again.json()["state"] == "accepted" and again.json()["wamid"] == sent["id"]
    assert len(sim_sent(sim_api)) == 1


def test_lost_response_of_a_reaction_settles_too(relay, client, team, sim_api):
    """A reaction gets only a `sent` status and has no message row of its own."""
    conversation_id, wamid = customer_writes(sim_api, relay)
    sim_api.post("/faults", json={"kind": "lost_response", "mode": "drop", "count": 1})
    client_id = new_id()
    client.post("/api/v1/messages", headers=team.headers("agent"), json={
        "client_id": client_id, "conversation_id": conversation_id, "type": "reaction",
        "reaction": {"message_id": wamid, "emoji": "❤️"}})
    wait_until(lambda: send_record(relay, client_id).state == "accepted")
    assert len(sim_sent(sim_api)) == 1


@pytest.mark.parametrize("kind", ["text", "reaction"])
def test_status_before_the_lost_answer_settles_at_once(relay_config, sim, sim_api, kind):
    """Meta took the message and its status webhooks came while our call still waited;
    then the answer timed out. The send is settled from what the statuses told, with no
    second call."""
    server = start_relay(relay_config, sim, cloud_timeout=0.6)
    try:
        _, token = add_person_with_device(server, "anna", "agent")
        conversation_id, wamid = customer_writes(sim_api, server)
        sim_api.post("/faults", json={"kind": "lost_response", "mode": "hang", "seconds": 3})
        client_id = new_id()
        content = ({"type": "text", "text": {"body": "Hängt"}} if kind == "text" else
                   {"type": "reaction", "reaction": {"message_id": wamid, "emoji": "👍"}})
        with httpx.Client(base_url=server.base_url, timeout=30) as http:
            answer = http.post("/api/v1/messages", headers={"Authorization": f"Bearer {token}"},
                               json={"client_id": client_id, "conversation_id": conversation_id,
                                     **content})
        # The answer already tells the outcome: settled in the same write as "unknown".
        assert answer.status_code == 200 and answer.json()["state"] == "accepted"
        [sent] = sim_sent(sim_api)
        assert answer.json()["wamid"] == sent["id"]
        assert server.ctx.sender.counts["unknown"] == 1
        assert server.ctx.sender.counts["settled_by_status"] == 1
    finally:
        server.stop()


def test_a_stop_mid_call_is_settled_by_the_status_that_came_meanwhile(
        relay, relay_config, client, team, sim_api, sim):
    conversation_id, _ = customer_writes(sim_api, relay)
    client_id = new_id()
    answer = post_text(client, team.headers("agent"), conversation_id, "Gleich weg", client_id)
    wamid = answer.json()["wamid"]
    wait_until(lambda: relay_read(relay, lambda c: store_messages.get_message_by_client_id(
        c, client_id)).status == "read")
    # As if the relay had died after the call went out, before recording its answer:
    relay.call(lambda: relay.ctx.write(lambda c: c.execute(
        "UPDATE relay_sends SET state = 'sending', wamid = NULL WHERE client_id = ?",
        (client_id,))))
    relay.stop()
    again = start_relay(relay_config, sim)
    try:
        record = send_record(again, client_id)
        assert record.state == "accepted" and record.wamid == wamid
        assert len(sim_sent(sim_api)) == 1
    finally:
        again.stop()


def test_expired_token_stops_sending_until_a_new_token(relay, relay_config, client, team,
                                                       sim_api, sim):
    conversation_id, _ = customer_writes(sim_api, relay)
    sim_api.post("/faults", json={"kind": "expire_token"})
    first = new_id()
    answer = post_text(client, team.headers("agent"), conversation_id, "Token weg", first)
    assert answer.status_code == 202 and answer.json()["state"] == "queued"
    assert answer.json()["error"]["message"] == send_errors.TOKEN_EXPIRED
    state = client.get("/api/v1/sending", headers=team.headers("agent")).json()
    assert state["cloud"] == {"state": "token_expired", "message": send_errors.TOKEN_EXPIRED}
    # A new send is still taken, and waits with the first one.
    second = new_id()
    taken = post_text(client, team.headers("agent"), conversation_id, "Noch einer", second)
    assert taken.status_code == 202 and taken.json()["state"] == "queued"
    assert taken.json()["waiting_for"] == "cloud_token"
    assert "cloud.state" in kinds(relay)
    time.sleep(0.3)
    assert sim_sent(sim_api) == []  # stopped: nothing hammers Meta with a dead token
    # A restart with the same dead token stays stopped; with a new one it sends.
    relay.stop()
    same = start_relay(relay_config, sim)
    try:
        assert same.ctx.sender.token_expired
    finally:
        same.stop()
    new_token = sim_api.post("/token", json={}).json()["access_token"]
    renewed = start_relay(replace(relay_config, access_token=new_token), sim)
    try:
        wait_until(lambda: send_record(renewed, second).state == "accepted")
        assert send_record(renewed, first).state == "accepted"
        assert [m["text"] for m in sim_sent(sim_api)] == ["Token weg", "Noch einer"]
        assert not renewed.ctx.sender.token_expired
    finally:
        renewed.stop()


def test_queue_survives_a_restart(relay, relay_config, client, team, sim_api, sim):
    """Sends waiting for a retry go out after a restart; one cut off mid-call is not
    re-sent but becomes unknown."""
    conversation_id, _ = customer_writes(sim_api, relay)
    slow = replace(FAST_SENDER, backoff_base_s=30.0, backoff_cap_s=30.0)
    relay.stop()
    waiting = start_relay(relay_config, sim, slow)
    headers = team.headers("agent")
    try:
        with httpx.Client(base_url=waiting.base_url, timeout=30) as http:
            sim_api.post("/faults", json={"kind": "http_error", "status": 500, "count": 1})
            queued_id = new_id()
            answer = post_text(http, headers, conversation_id, "Nach dem Neustart", queued_id)
            assert answer.json()["state"] == "queued" and answer.json()["retry_at"] > time.time() + 10
            # A second send, caught by the stop in the middle of its call:
            cut_id = new_id()
            cut_off_mid_call(waiting, conversation_id, cut_id)
    finally:
        waiting.stop()
    again = start_relay(relay_config, sim)
    try:
        assert send_record(again, cut_id).state == "unknown"
        # The retry is still 30 s away; a relay's queue is what it stored.
        assert send_record(again, queued_id).state == "queued"
        again.call(lambda: again.ctx.write(lambda c: c.execute(
            "UPDATE relay_sends SET next_attempt_at = 0 WHERE client_id = ?", (queued_id,))))
        again.ctx.sender.kick()
        wait_until(lambda: send_record(again, queued_id).state == "accepted")
        assert [m["text"] for m in sim_sent(sim_api)] == ["Nach dem Neustart"]
    finally:
        again.stop()


def cut_off_mid_call(relay: RelayServer, conversation_id: int, client_id: str) -> None:
    """Record a send as the sender does right before its call, as if the process died."""
    from wadesk.relay import send_log, send_request
    from wadesk.store import people

    req = send_request.parse({"client_id": client_id, "conversation_id": conversation_id,
                              "type": "text", "text": {"body": "Mitten im Aufruf"}})

    def write(conn: Any) -> None:
        person = people.list_people(conn)[0]
        device = people.list_devices(conn, person.id)[0]
        send_log.queue_send(conn, req, person, device,
                            phone_number_ids=relay.config.phone_number_ids,
                            now=time.time() + 3600)  # not due: the live sender leaves it
        relay_sends.mark_sending(conn, client_id)

    relay.call(lambda: relay.ctx.write(write))


def test_unknown_sends_expire_as_failed(relay_config, sim, sim_api):
    """A send cut off mid-call for which no status ever comes (Meta never had it) is
    reported failed after the expiry, with a sentence that says what to do; never re-sent."""
    settings = replace(FAST_SENDER, unknown_expiry_s=0.0)
    server = start_relay(relay_config, sim, settings)
    try:
        add_person_with_device(server, "anna", "agent")
        conversation_id, _ = customer_writes(sim_api, server)
        client_id = new_id()
        cut_off_mid_call(server, conversation_id, client_id)
    finally:
        server.stop()
    server = start_relay(relay_config, sim, settings)
    try:
        record = wait_until(lambda: (r := send_record(server, client_id)).state == "failed" and r)
        assert record.error_reason == send_errors.NEVER_CONFIRMED
        assert sim_sent(sim_api) == []
    finally:
        server.stop()


def test_token_bucket_keeps_the_rate(monkeypatch):
    from wadesk.relay import rate_limit

    now = [0.0]
    slept: list[float] = []

    async def fake_sleep(seconds: float) -> None:  # time passes only when the bucket waits
        slept.append(seconds)
        now[0] += max(seconds, 1e-6)  # as a real clock: never less than a tick

    monkeypatch.setattr(rate_limit.asyncio, "sleep", fake_sleep)

    async def take(bucket: TokenBucket, n: int) -> None:
        await asyncio.gather(*(bucket.acquire() for _ in range(n)))

    # 100 tokens at 200/s with 20 saved up: the other 80 take 80/200 = 0.4 s.
    bucket = TokenBucket(200.0, clock=lambda: now[0])
    asyncio.run(take(bucket, 100))
    assert now[0] == pytest.approx(0.4, abs=1e-3)
    assert all(s > 0 for s in slept)  # it waited only while the bucket was empty
    assert not bucket.try_take()  # nothing left over: never faster than the rate
    now[0] += 0.005
    assert bucket.try_take()  # one more after 1/200 s

    bucket = TokenBucket(80.0, clock=lambda: now[0])
    assert bucket.capacity == 8.0  # a tenth of a second's worth: bursts are smoothed
    assert sum(bucket.try_take() for _ in range(20)) == 8
    now[0] += 3600  # a quiet hour saves up no more than the capacity
    assert sum(bucket.try_take() for _ in range(20)) == 8


def test_retry_delay_is_capped_exponential():
    from wadesk.cloud import errors as e

    throughput = e.ThroughputLimitError("x", code=130429)
    delays = [send_errors.retry_delay(throughput, n, base=1.0, cap=60.0) for n in range(1, 10)]
    assert delays[0] <= 1.2 and delays[3] >= 8 * 0.8 and max(delays) <= 60 * 1.2
    pair = e.PairRateLimitError("x", code=131056)
    assert 16 * 0.8 <= send_errors.retry_delay(pair, 2, base=1.0, cap=300.0) <= 16 * 1.2
    assert not send_errors.is_retryable(e.OutcomeUnknownError("lost"))
    assert not send_errors.is_retryable(e.UndeliverableError("x", code=131026))
    assert send_errors.is_retryable(e.RequestNotSentError("x"))


def test_a_late_refusal_of_the_replaced_token_stops_nothing(relay, client, team, sim_api):
    """A call made with the old token may come back 190 after a new token was set: that
    is not the new token's fault, so sending goes on."""
    conversation_id, _ = customer_writes(sim_api, relay)
    sim_api.post("/faults", json={"kind": "expire_token"})
    first = new_id()
    assert post_text(client, team.headers("agent"), conversation_id, "Alt", first).json()[
        "state"] == "queued"
    sender = relay.ctx.sender
    old_cloud = relay.ctx.cloud  # the client with the old token
    assert sender.token_expired
    new_token = sim_api.post("/token", json={}).json()["access_token"]
    assert client.put("/api/v1/cloud-token", headers=team.headers("owner"),
                      json={"token": new_token}).status_code == 200
    wait_until(lambda: send_record(relay, first).state == "accepted")
    late = cloud_errors.AuthenticationError("Error validating access token", code=190)
    record = send_record(relay, first)
    relay.call(lambda: sender._token_refused(record, late, old_cloud))
    assert not sender.token_expired
    assert relay.call(lambda: sender.token_refused(old_cloud, 190)) is False
    assert not sender.token_expired
    assert post_text(client, team.headers("agent"), conversation_id, "Neu").json()[
        "state"] == "accepted"
    assert client.get("/api/v1/sending", headers=team.headers("agent")).json()["cloud"][
        "state"] == "ok"
