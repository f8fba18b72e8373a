"""GET /api/v1/sync: immediate answers, long-poll wake-ups, many clients, auth."""

from __future__ import annotations

import threading
import time

import httpx

from tests.relay.conftest import log_event, wait_for
from tests.relay.conftest_team import customer_writes
from tests.relay.payloads import text_message


def test_events_after_since_come_at_once_in_order(client, team, post_webhook):
    for n in range(5):
        post_webhook(text_message(f"wamid.S{n}", f"Nachricht {n}", ts=1_700_000_000 + n))
    started = time.monotonic()
    answer = client.get("/api/v1/sync", params={"since": 0, "wait": 20}, headers=team.headers("agent"))
    assert time.monotonic() - started < 2
    data = answer.json()
    assert answer.status_code == 200 and data["latest"] == 5
    assert [e["seq"] for e in data["events"]] == [1, 2, 3, 4, 5]
    first = data["events"][0]
    assert set(first) == {"seq", "at", "kind", "actor_id", "payload"}
    assert first["kind"] == "message.in" and first["payload"]["text"] == "Nachricht 0"
    page = client.get("/api/v1/sync", params={"since": 2, "limit": 2},
                      headers=team.headers("agent")).json()
    assert [e["seq"] for e in page["events"]] == [3, 4] and page["latest"] == 5


def test_a_long_poll_returns_as_soon_as_an_event_is_committed(client, team, post_webhook):
    result = {}

    def poll():
        started = time.monotonic()
        result["answer"] = client.get("/api/v1/sync", params={"since": 0, "wait": 20},
                                      headers=team.headers("agent")).json()
        result["took"] = time.monotonic() - started

    thread = threading.Thread(target=poll)
    thread.start()
    time.sleep(0.3)
    posted = time.monotonic()
    post_webhook(text_message("wamid.L1"))
    thread.join(10)
    assert [e["payload"]["wamid"] for e in result["answer"]["events"]] == ["wamid.L1"]
    assert 0.25 < result["took"] < (time.monotonic() - posted) + 0.5


def test_an_empty_wait_ends_after_wait_seconds_with_no_events(client, team):
    started = time.monotonic()
    answer = client.get("/api/v1/sync", params={"since": 0, "wait": 0.4}, headers=team.headers("agent"))
    took = time.monotonic() - started
    assert answer.json() == {"events": [], "latest": 0, "presence": []}
    assert 0.35 < took < 3


def test_many_clients_at_once_and_a_vanished_one_holds_up_nobody(relay, team, post_webhook):
    base = relay.base_url
    results: list[float] = []
    lock = threading.Lock()

    def poll():
        with httpx.Client(base_url=base, timeout=30) as http:
            answer = http.get("/api/v1/sync", params={"since": 0, "wait": 20},
                              headers=team.headers("agent"))
            with lock:
                results.append(time.monotonic())
            assert answer.json()["events"]

    # A client that starts a long-poll and goes away without reading the answer.
    vanished = httpx.Client(base_url=base, timeout=0.2)
    try:
        vanished.get("/api/v1/sync", params={"since": 0, "wait": 30}, headers=team.headers("agent"))
    except httpx.TimeoutException:
        pass
    vanished.close()
    threads = [threading.Thread(target=poll) for _ in range(30)]
    for thread in threads:
        thread.start()
    time.sleep(0.5)
    posted = time.monotonic()
    post_webhook(text_message("wamid.M1"))
    for thread in threads:
        thread.join(10)
    assert len(results) == 30
    assert max(results) - posted < 2.0


def test_the_sync_api_needs_a_valid_token(client, team):
    assert client.get("/api/v1/sync").status_code == 401
    revoked = client.get("/api/v1/sync", headers={"Authorization": f"Bearer {team.revoked_token}"})
    assert revoked.status_code == 401
    assert revoked.json()["error"]["code"] == "unauthenticated"
    for role in ("agent", "admin", "owner"):
        assert client.get("/api/v1/sync", headers=team.headers(role)).status_code == 200


def test_bad_parameters_are_a_clear_400(client, team):
    for params in ({"since": "-1"}, {"since": "abc"}, {"wait": "soon"}, {"wait": "-3"},
                   {"limit": "0"}, {"wait": "nan"}, {"since": "9" * 40}):
        answer = client.get("/api/v1/sync", params=params, headers=team.headers("agent"))
        assert answer.status_code == 400, params
        assert answer.json()["error"]["code"] == "bad_parameter"


def test_team_events_carry_their_actor(relay, client, team):
    log_event(relay, "diagnostic.note", {"what": "x"}, actor_id=team.person_ids["admin"])
    [event] = client.get("/api/v1/sync", headers=team.headers("agent")).json()["events"]
    assert event["actor_id"] == team.person_ids["admin"] and event["payload"] == {"what": "x"}


def test_a_colleague_typing_wakes_parked_polls_with_presence_only(relay, client, team, sim_api):
    conversation_id, _ = customer_writes(sim_api, relay)
    client.post(f"/api/v1/conversations/{conversation_id}/read", headers=team.headers("agent"))
    latest = client.get("/api/v1/sync", headers=team.headers("agent")).json()["latest"]
    result = {}

    def poll():
        result["answer"] = client.get("/api/v1/sync", params={"since": latest, "wait": 30},
                                      headers=team.headers("agent")).json()

    thread = threading.Thread(target=poll)
    thread.start()
    time.sleep(0.3)  # parked by now (it would answer with the presence anyway)
    typed_at = time.time()
    typing = client.post(f"/api/v1/conversations/{conversation_id}/typing",
                         headers=team.headers("admin"))
    assert typing.status_code == 200
    thread.join(15)  # far below the poll's 30 s: only the typing can have woken it
    answer = result["answer"]
    assert answer["events"] == [] and answer["latest"] == latest  # nothing logged
    [entry] = answer["presence"]
    assert entry["conversation_id"] == conversation_id
    assert entry["person_id"] == str(team.person_ids["admin"])
    assert entry["what"] == "typing"
    assert typed_at + 9 < entry["until"] < time.time() + 11
    # Every answer lists it while it holds, a poll that only waits out its time too.
    waited = client.get("/api/v1/sync", params={"since": latest, "wait": 0.2},
                        headers=team.headers("owner")).json()
    assert waited["presence"] == [entry] and waited["events"] == []
    assert relay.call(lambda: relay.ctx.latest_seq) == latest


def test_typing_in_an_unknown_conversation_is_404_and_no_presence(relay, client, team):
    answer = client.post("/api/v1/conversations/4711/typing", headers=team.headers("agent"))
    assert answer.status_code == 404
    assert client.get("/api/v1/sync", headers=team.headers("agent")).json()["presence"] == []


def test_events_written_by_another_process_reach_a_waiting_poll(relay, relay_config, client, team):
    """`wadesk relay quarantine replay` writes through its own connection while the
    relay runs: a parked long-poll gets those events without any further webhook."""
    from wadesk.store import events
    from wadesk.store._db import transaction
    from wadesk.store.connection import open_database

    result = {}

    def poll():
        result["answer"] = client.get("/api/v1/sync", params={"since": 0, "wait": 20},
                                      headers=team.headers("agent")).json()

    thread = threading.Thread(target=poll)
    thread.start()
    wait_for(lambda: relay.call(lambda: relay.ctx.parked_polls.parked) == 1)
    other = open_database(relay_config.database, key=relay_config.db_key, role="relay")
    try:
        with transaction(other):
            events.append_event(other, "label.saved", {"id": 1, "name": "Reparatur", "colour": "#f00"})
    finally:
        other.close()
    thread.join(15)
    assert [e["kind"] for e in result["answer"]["events"]] == ["label.saved"]
