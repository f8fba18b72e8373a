"""The relay's send records (migration 5) and the small team reads."""

from __future__ import annotations

import secrets

import pytest

from wadesk.relay import auth
from wadesk.store import people, relay_sends, team_queries
from wadesk.store.connection import open_database


@pytest.fixture
def conn(tmp_path):
    connection = open_database(tmp_path / "relay.db", key=secrets.token_bytes(32), role="relay",
                               create=True)
    yield connection
    connection.close()


def add(conn, client_id: str, recipient: str = "491701234567", *, sending: bool = False,
        now: float = 1000.0) -> relay_sends.SendRecord:
    return relay_sends.add_send(
        conn, client_id=client_id, request_hash="h-" + client_id, person_id=None, device_id=None,
        conversation_id=1, phone_number_id="106540352242922", recipient=recipient, kind="text",
        body={"type": "text", "text": {"body": "Hallo"}}, sending=sending, now=now)


def test_life_of_a_send(conn):
    record = add(conn, "c-1")
    assert (record.state, record.attempts, record.body["type"]) == ("queued", 0, "text")
    assert [r.client_id for r in relay_sends.due_sends(conn, now=1000.0)] == ["c-1"]
    assert relay_sends.mark_sending(conn, "c-1")
    assert not relay_sends.mark_sending(conn, "c-1")  # only from queued
    assert relay_sends.reschedule(conn, "c-1", at=1010.0, code=130429, reason="later")
    assert relay_sends.due_sends(conn, now=1005.0) == []
    assert relay_sends.next_due_at(conn) == 1010.0
    relay_sends.mark_sending(conn, "c-1")
    assert relay_sends.mark_accepted(conn, "c-1", "wamid.A")
    done = relay_sends.get_send(conn, "c-1")
    assert (done.state, done.attempts, done.wamid, done.body) == ("accepted", 2, "wamid.A", None)
    assert done.settled and done.error_code is None
    assert not relay_sends.mark_failed(conn, "c-1", code=1, reason="x")  # settled stays
    assert relay_sends.get_send_by_wamid(conn, "wamid.A").client_id == "c-1"


def test_unknown_keeps_its_body_until_settled(conn):
    add(conn, "c-1", sending=True)
    assert relay_sends.get_send(conn, "c-1").attempts == 1
    assert relay_sends.interrupted_sends(conn)[0].client_id == "c-1"
    assert relay_sends.mark_unknown(conn, "c-1", reason="lost")
    assert relay_sends.get_send(conn, "c-1").body is not None
    assert [r.client_id for r in relay_sends.unknown_sends(conn)] == ["c-1"]
    assert relay_sends.mark_failed(conn, "c-1", code=None, reason="never confirmed")
    assert relay_sends.get_send(conn, "c-1").body is None
    assert relay_sends.count_by_state(conn)["failed"] == 1


def test_one_person_at_a_time_in_order(conn):
    add(conn, "a-1", "4911")
    add(conn, "b-1", "4922")
    add(conn, "a-2", "4911")
    assert [r.client_id for r in relay_sends.due_sends(conn, now=2000.0)] == ["a-1", "b-1"]
    assert relay_sends.has_open_send(conn, "106540352242922", "4911")
    relay_sends.mark_sending(conn, "a-1")
    assert [r.client_id for r in relay_sends.due_sends(conn, now=2000.0)] == ["b-1"]
    relay_sends.mark_accepted(conn, "a-1", "wamid.1")
    assert [r.client_id for r in relay_sends.due_sends(conn, now=2000.0)] == ["b-1", "a-2"]
    assert not relay_sends.has_open_send(conn, "106540352242922", "4933")


def test_client_ids_are_unique(conn):
    add(conn, "c-1")
    with pytest.raises(Exception):
        add(conn, "c-1")


def test_relay_state(conn):
    assert relay_sends.get_state(conn, "cloud_state") is None
    relay_sends.set_state(conn, "cloud_state", "token_expired")
    relay_sends.set_state(conn, "cloud_state", "ok")
    assert relay_sends.get_state(conn, "cloud_state") == "ok"
    relay_sends.set_state(conn, "cloud_state", None)
    assert relay_sends.get_state(conn, "cloud_state") is None


def test_team_queries(conn):
    owner = people.add_person(conn, "Anna", "owner")
    people.add_person(conn, "Ben", "owner")
    assert team_queries.count_active_owners(conn) == 2
    people.disable_person(conn, owner.id)
    assert team_queries.count_active_owners(conn) == 1
    assert team_queries.enable_person(conn, owner.id)
    code = auth.hash_setup_code(auth.new_setup_code())
    people.add_setup_code(conn, owner.id, code, 60)
    now = int(__import__("time").time())
    assert team_queries.setup_code_owner(conn, code, now) == owner.id
    assert team_queries.setup_code_owner(conn, code, now) == owner.id  # not used up
    assert team_queries.setup_code_owner(conn, code, now + 120) is None  # expired
    people.set_password_hash(conn, owner.id, auth.hash_password("ein-langes-passwort"))
    team_queries.clear_password(conn, owner.id)
    assert not people.get_person(conn, owner.id).has_password
    assert team_queries.next_id(conn, "labels") == 1
    with pytest.raises(KeyError):
        team_queries.next_id(conn, "people; DROP TABLE people")


def test_the_replica_has_no_relay_tables(tmp_path):
    replica = open_database(tmp_path / "replica.db", key=secrets.token_bytes(32),
                            role="replica", create=True)
    try:
        names = {r[0] for r in replica.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        replica.close()
    assert "relay_sends" not in names and "relay_state" not in names and "messages" in names
