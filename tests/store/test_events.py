"""The relay's event log: append with dedupe, pages since a seq, counters."""

from __future__ import annotations

import json
import secrets

import pytest

from wadesk.store import events
from wadesk.store.connection import open_database


@pytest.fixture
def conn(tmp_path):
    db = open_database(tmp_path / "relay.db", key=secrets.token_bytes(32), role="relay", create=True)
    yield db
    db.close()


def test_append_dedupes_and_seq_only_grows(conn):
    assert events.latest_seq(conn) == 0
    assert events.append_event(conn, "message.in", {"wamid": "a"}, dedupe_key="msg:a") == 1
    assert events.append_event(conn, "message.in", {"wamid": "a"}, dedupe_key="msg:a") is None
    assert events.append_event(conn, "note", {"x": 1}, actor_id=7) == 2
    assert events.append_event(conn, "note", {"x": 2}) == 3  # no key: never deduped
    conn.execute("DELETE FROM events WHERE seq = 3")  # a purge of the newest event
    assert events.latest_seq(conn) == 3
    assert events.append_event(conn, "note", {"x": 3}) == 4  # numbers are never reused


def test_events_since_pages_in_order_with_payloads(conn):
    for n in range(5):
        events.append_event(conn, "k", {"n": n, "text": "Grüße"}, at=1000 + n)
    page = events.events_since(conn, 1, limit=2)
    assert [(e.seq, e.at, e.payload["n"]) for e in page] == [(2, 1001, 1), (3, 1002, 2)]
    assert page[0].payload["text"] == "Grüße"
    assert page[0].as_json() == {"seq": 2, "at": 1001, "kind": "k", "actor_id": None,
                                 "payload": {"n": 1, "text": "Grüße"}}
    assert events.events_since(conn, 5) == []
    assert len(events.events_since(conn, 0, limit=10**9)) == 5  # capped, not an error
    assert events.count_events(conn) == 5 and events.count_events(conn, "k") == 5


def test_counters(conn):
    assert events.counter(conn, "x") == 0
    events.bump_counter(conn, "x")
    events.bump_counter(conn, "x", 4)
    assert events.counter(conn, "x") == 5
    assert events.all_counters(conn) == {"x": 5}


def test_a_batch_is_numbered_after_the_highest_seq_ever_and_never_twice(conn):
    events.append_event(conn, "note", {"x": 1})
    events.append_event(conn, "note", {"x": 2})
    conn.execute("DELETE FROM events WHERE seq = 2")  # a purge of the newest event
    assert events.known_dedupe_keys(conn, []) == set()
    first = events.append_events(conn, [
        ("message.in", events.encode_payload({"wamid": "a"}), "msg:a"),
        ("status", events.encode_payload({"wamid": "a", "status": "read"}), "status:a:read"),
    ], at=1000)
    assert first == 3
    assert events.known_dedupe_keys(conn, ["msg:a", "msg:b", "status:a:read"]) == {
        "msg:a", "status:a:read"}
    assert events.append_event(conn, "note", {"x": 3}) == 5  # the log's own numbering goes on
    assert [(e.seq, e.kind, e.at) for e in events.events_since(conn, 2)] == [
        (3, "message.in", 1000), (4, "status", 1000), (5, "note", events.events_since(conn, 4)[0].at)]
    # A key logged already is refused loudly, never skipped in silence.
    with pytest.raises(Exception, match="UNIQUE"):
        events.append_events(conn, [("message.in", "{}", "msg:a")], at=1001)
    assert events.latest_seq(conn) == 5


def test_payloads_are_compact_json():
    text = events.encode_payload({"text": "Grüße 👍", "n": None, "list": [1, 2]})
    assert text == '{"text":"Grüße 👍","n":null,"list":[1,2]}'


def test_what_orjson_does_not_take_is_encoded_as_the_standard_library_does():
    # Keys that are not text, integers beyond 64 bits, a lone surrogate: the fallback.
    for payload in ({1: "a"}, {"n": 2**70}, {"t": "half \ud83d"}):
        assert events.encode_payload(payload) == json.dumps(payload, separators=(",", ":"))
        assert json.loads(events.encode_payload(payload)) == json.loads(json.dumps(payload))
    # And what neither can encode is refused, not written half.
    with pytest.raises(TypeError):
        events.encode_payload({"x": object()})
