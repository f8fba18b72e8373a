import secrets

import pytest

from wadesk.relay import auth
from wadesk.store import people
from wadesk.store.connection import open_database


@pytest.fixture
def relay_db(tmp_path):
    conn = open_database(tmp_path / "relay.db", key=secrets.token_bytes(32), role="relay", create=True)
    yield conn
    conn.close()


def test_people_and_roles(relay_db):
    owner = people.add_person(relay_db, "Anna Schmidt", "owner")
    agent = people.add_person(relay_db, "Ben", "agent")
    assert [p.name for p in people.list_people(relay_db)] == ["Anna Schmidt", "Ben"]
    assert people.find_person(relay_db, "anna schmidt") == owner
    with pytest.raises(people.NameTakenError):
        people.add_person(relay_db, "BEN", "admin")
    with pytest.raises(ValueError):
        people.add_person(relay_db, "Chef", "boss")
    assert people.set_role(relay_db, agent.id, "admin")
    assert people.get_person(relay_db, agent.id).role == "admin"


def test_setup_code_is_one_time_and_stored_hashed(relay_db, tmp_path):
    person = people.add_person(relay_db, "Anna", "owner")
    code = auth.new_setup_code()
    people.add_setup_code(relay_db, person.id, auth.hash_setup_code(code), 3600)
    assert people.use_setup_code(relay_db, auth.hash_setup_code(code.lower())) == person.id
    assert people.use_setup_code(relay_db, auth.hash_setup_code(code)) is None
    stored = relay_db.execute("SELECT code_hash FROM setup_codes").fetchall()
    assert code not in str(stored) and auth.normalise_setup_code(code) not in str(stored)


def test_expired_setup_code_is_refused(relay_db):
    person = people.add_person(relay_db, "Anna", "owner")
    people.add_setup_code(relay_db, person.id, auth.hash_setup_code("AAAAA-BBBBB-CCCCC"), -1)
    assert people.use_setup_code(relay_db, auth.hash_setup_code("AAAAA-BBBBB-CCCCC")) is None


def test_devices_revocation_and_disabling(relay_db):
    person = people.add_person(relay_db, "Anna", "agent")
    token = auth.new_device_token()
    device = people.add_device(relay_db, person.id, auth.hash_device_token(token), "Kasse")
    found = people.device_owner(relay_db, auth.hash_device_token(token))
    assert found is not None and found[1].name == "Anna" and found[0].id == device.id
    assert people.revoke_device(relay_db, device.id)
    assert people.device_owner(relay_db, auth.hash_device_token(token)) is None
    second = auth.new_device_token()
    people.add_device(relay_db, person.id, auth.hash_device_token(second), "Laptop")
    assert people.disable_person(relay_db, person.id)
    assert people.device_owner(relay_db, auth.hash_device_token(second)) is None
    assert all(d.revoked_at for d in people.list_devices(relay_db, person.id))


def test_login_failures_are_counted_per_key(relay_db):
    people.record_login_failure(relay_db, ["name:anna", "ip:127.0.0.1"], at=1000)
    people.record_login_failure(relay_db, ["name:anna"], at=1010)
    assert people.count_login_failures(relay_db, "name:anna", since=900) == 2
    assert people.count_login_failures(relay_db, "name:anna", since=1005) == 1
    people.clear_login_failures(relay_db, ["name:anna"])
    assert people.count_login_failures(relay_db, "name:anna", since=0) == 0


def test_audit_log_pages_newest_first(relay_db):
    anna = people.add_person(relay_db, "Anna", "owner")
    for n in range(5):
        people.audit(relay_db, anna, "conversation.assigned", f"conversation:{n}", {"to": "Ben"})
    first = people.read_audit(relay_db, limit=3)
    assert [e.target for e in first] == ["conversation:4", "conversation:3", "conversation:2"]
    rest = people.read_audit(relay_db, before_id=first[-1].id, limit=3)
    assert [e.target for e in rest] == ["conversation:1", "conversation:0"]
    assert rest[0].details == {"to": "Ben"} and rest[0].person_name == "Anna"


def test_replica_has_no_relay_tables(tmp_path):
    conn = open_database(tmp_path / "replica.db", key=secrets.token_bytes(32), create=True)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.close()
    assert "people" not in names and "events" not in names and "messages" in names
