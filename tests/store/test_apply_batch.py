"""apply_in_order (the relay's intake: a commit group of webhooks at once) ends in exactly
the state apply_event gives one event at a time (what every replica does), row ids,
timestamps and parked events included.

The logs are made at random from a small world where everything collides: customers
known by number, by BSUID or by both (so contacts merge and numbers get recycled),
names that change back and forth, wamids that repeat, statuses for messages that come
later or never, with and without client ids, reactions, edits and revocations before
their message, local echoes merged with their accepted send. Each log is applied both
ways and the two stores are compared row by row.
"""

from __future__ import annotations

import random
import secrets

import pytest

from wadesk.store import replica_sync
from wadesk.store._db import transaction
from wadesk.store.apply_events import apply_event, apply_in_order
from wadesk.store.connection import open_database
from wadesk.store.state_dump import dump_state

PHONE = "106540352242922"
# Two rows that one block links (merge), a number that comes back with another BSUID
# (recycled), and plain ones.
CUSTOMERS = [("491701", None), (None, "DE.2"), ("491703", "DE.3"), ("491701", "DE.4"),
             ("491705", None), ("491705", "DE.5"), (None, "DE.6"), ("491706", None),
             ("491706", "DE.6"), ("491701", "DE.7")]
NAMES = ["Ana", "Anna", None]
STATUSES = ["sent", "delivered", "read", "failed", "played", "sent"]
T0 = 1_700_000_000


def _db(path):
    return open_database(path, key=secrets.token_bytes(32), role="replica", create=True)


def _contact(rng):
    wa_id, user_id = rng.choice(CUSTOMERS)
    return {"wa_id": wa_id, "user_id": user_id, "profile_name": rng.choice(NAMES),
            "username": rng.choice([None, None, "ana_k"])}


def random_log(rng, length):
    log = []
    wamids = [f"w{n}" for n in range(12)]
    clients = [f"c{n}" for n in range(5)]
    for n in range(length):
        ts = T0 + rng.randrange(0, 40)  # out of order, and often the same second
        roll = rng.random()
        if roll < 0.3:
            # Often a burst: the relay applies consecutive messages as one batch.
            for k in range(rng.choice([1, 1, 3, 6])):
                wamid = rng.choice(wamids)
                payload = {
                    "wamid": wamid, "phone_number_id": PHONE, "contact": _contact(rng),
                    "type": "text", "ts": ts + k, "text": f"Hallo {n}.{k}",
                    "reply_to_wamid": None, "media": None,
                    "origin": rng.choice(["cloud", "cloud", "history"]),
                    "raw": {"id": wamid, "n": n}}
                if rng.random() < 0.7:  # as the relay logs it since references exist
                    payload["conversation"] = {"id": rng.randrange(1, 6), "phone_number_id": PHONE,
                                               "wa_id": None, "user_id": None}
                log.append(("message.in", payload))
        elif roll < 0.45:
            kind = rng.choice(["message.out", "message.echo"])
            wamid = rng.choice(wamids + [None])
            client = rng.choice(clients + [None, None]) if wamid else rng.choice(clients)
            log.append((kind, {
                "wamid": wamid, "client_id": client, "phone_number_id": PHONE,
                "contact": _contact(rng), "type": "text", "ts": ts, "text": f"Antwort {n}",
                "reply_to_wamid": None, "media": None, "agent_id": rng.choice([None, "3"]),
                "origin": "phone" if kind == "message.echo" else "cloud",
                "status": rng.choice(["pending", "sent", "delivered"]) if client else "sent",
                "raw": None}))
        elif roll < 0.8:
            status = rng.choice(STATUSES)
            log.append(("status", {
                "wamid": rng.choice(wamids + ["never"]), "status": status, "ts": ts,
                "client_id": rng.choice(clients + [None, None, None]),
                "phone_number_id": PHONE, "recipient_id": None, "recipient_user_id": None,
                "error_code": 131047 if status == "failed" else None,
                "error_title": None, "error_reason": "window" if status == "failed" else None,
                "pricing_category": None}))
        elif roll < 0.88:
            log.append(("reaction", {
                "wamid": f"r{n}", "target_wamid": rng.choice(wamids), "reactor": "customer",
                "emoji": rng.choice(["👍", None]), "ts": ts, "agent_id": None,
                "phone_number_id": PHONE, "contact": _contact(rng)}))
        elif roll < 0.95:
            log.append(("edit", {"wamid": f"e{n}", "target_wamid": rng.choice(wamids),
                                 "text": f"neu {n}", "ts": ts}))
        else:
            log.append(("revoke", {"wamid": f"v{n}", "target_wamid": rng.choice(wamids), "ts": ts}))
    return log


def _references(conn):
    return conn.execute("SELECT * FROM relay_conversations ORDER BY conversation_id").fetchall()


def apply_one_by_one(conn, log):
    for kind, payload in log:
        apply_event(conn, kind, payload)


def apply_in_groups(conn, log, rng):
    i = 0
    while i < len(log):
        size = rng.choice([1, 2, 5, 16, 40])
        with transaction(conn):
            apply_in_order(conn, log[i:i + size])
        i += size


@pytest.mark.parametrize("seed", range(40))
def test_a_group_applied_at_once_equals_one_event_at_a_time(tmp_path, seed):
    rng = random.Random(seed)
    log = random_log(rng, 70)
    one, grouped = _db(tmp_path / "one.db"), _db(tmp_path / "grouped.db")
    try:
        apply_one_by_one(one, log)
        apply_in_groups(grouped, log, rng)
        assert dump_state(grouped) == dump_state(one)
        assert _references(grouped) == _references(one)
        check = grouped.execute("INSERT INTO message_fts(message_fts) VALUES ('integrity-check')")
        assert check is not None  # raises on an index that does not match the messages
    finally:
        one.close()
        grouped.close()


def test_the_same_message_twice_in_one_group_and_a_name_that_changes_back(tmp_path):
    def message(wamid, name, ts):
        return ("message.in", {"wamid": wamid, "phone_number_id": PHONE,
                               "contact": {"wa_id": "491709", "user_id": None,
                                           "profile_name": name, "username": None},
                               "type": "text", "ts": ts, "text": wamid, "reply_to_wamid": None,
                               "media": None, "origin": "cloud", "raw": None})

    log = [message("a", "Ana", T0), message("b", "Anna", T0 + 1), message("a", "Ana", T0 + 2),
           message("c", "Ana", T0 + 3)]
    one, grouped = _db(tmp_path / "one.db"), _db(tmp_path / "grouped.db")
    apply_one_by_one(one, log)
    with transaction(grouped):
        conversation_ids = apply_in_order(grouped, log)
    assert dump_state(grouped) == dump_state(one)
    assert len(set(conversation_ids)) == 1
    name = grouped.execute("SELECT profile_name, updated_at FROM contacts").fetchone()
    assert name == ("Ana", T0 + 3)  # changed back by the last one, with its own time


def test_a_replica_keeps_the_relays_conversation_id_from_message_events(tmp_path):
    replica = _db(tmp_path / "replica.db")
    ref = {"id": 41, "phone_number_id": PHONE, "wa_id": "491701", "user_id": None}
    payload = {"wamid": "w1", "phone_number_id": PHONE,
               "contact": {"wa_id": "491701", "user_id": None, "profile_name": "Ana",
                           "username": None},
               "type": "text", "ts": T0, "text": "Hallo", "reply_to_wamid": None, "media": None,
               "origin": "cloud", "raw": None}
    apply_event(replica, "message.in", payload)  # an old event: no reference, still applies
    (local,) = replica.execute("SELECT id FROM conversations").fetchone()
    assert local == 1 and replica_sync.relay_conversation_id(replica, local) is None
    apply_event(replica, "message.in", {**payload, "wamid": "w2", "conversation": ref})
    assert replica_sync.relay_conversation_id(replica, local) == 41
    assert replica_sync.local_conversation_id(replica, 41) == local
    echo = {**payload, "wamid": "w3", "client_id": None, "agent_id": None, "origin": "phone",
            "status": "sent", "conversation": {**ref, "id": 42}}
    with transaction(replica):
        apply_in_order(replica, [("message.echo", echo)])
    assert replica_sync.relay_conversation_id(replica, local) == 42  # the latest word wins
    assert replica_sync.local_conversation_id(replica, 42) == local
    assert replica_sync.local_conversation_id(replica, 41) is None
    # Named otherwise, local conversation 1 is no longer taken for the relay's 1.
    assert replica_sync.local_conversation_id(replica, 1) is None


def _message(kind, wamid, wa_id, user_id, ts, client_id=None, status="sent"):
    payload = {"wamid": wamid, "phone_number_id": PHONE,
               "contact": {"wa_id": wa_id, "user_id": user_id, "profile_name": None,
                           "username": None},
               "type": "text", "ts": ts, "text": f"{kind} {wamid}", "reply_to_wamid": None,
               "media": None, "origin": "cloud", "raw": None}
    if kind != "message.in":
        payload.update(client_id=client_id, agent_id=None, status=status)
    return (kind, payload)


@pytest.mark.parametrize("before, group", [
    # A send's local echo, then Meta's echo of it under a wamid another row holds: the
    # echo row goes, and the chat's preview must not point at it.
    ([_message("message.echo", "w1", "491701", None, T0 + 10)],
     [_message("message.out", None, "491701", None, T0 + 20, client_id="c1", status="pending"),
      _message("message.out", "w1", "491701", None, T0 + 21, client_id="c1")]),
    # A message to a chat that the next message merges into another (one person, first
    # known by number, then by BSUID): its unread count moves along.
    ([_message("message.in", "w1", "491706", None, T0), _message("message.in", "w2", None, "DE.6", T0 + 1)],
     [_message("message.in", "w3", "491706", None, T0 + 30),
      _message("message.in", "w4", "491706", "DE.6", T0 + 31)]),
], ids=["echo-merged-into-its-wamid", "conversations-merged"])
def test_rows_that_go_away_inside_a_group(tmp_path, before, group):
    one, grouped = _db(tmp_path / "one.db"), _db(tmp_path / "grouped.db")
    apply_one_by_one(one, before + group)
    apply_one_by_one(grouped, before)
    with transaction(grouped):
        apply_in_order(grouped, group)
    assert dump_state(grouped) == dump_state(one)
