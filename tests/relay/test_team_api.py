"""Login, people and devices, assignment, notes, labels, quick replies and the audit log,
over loopback HTTP against a running relay."""

from __future__ import annotations

import json
import secrets
from typing import Any

import httpx
import pytest

from tests.relay.conftest_team import customer_writes, relay_read
from wadesk.core import send_failure_texts as texts
from wadesk.relay import auth
from wadesk.relay.people_api import add_person_with_code
from wadesk.store import conversations, events, labels, notes, people, quick_replies


def add_with_code(relay: Any, name: str, role: str) -> str:
    _, code, _ = relay.call(lambda: relay.ctx.write(
        lambda conn: add_person_with_code(conn, name, role, None)))
    return code


def login(client: httpx.Client, name: str, **secret: str) -> httpx.Response:
    return client.post("/api/v1/login", json={"name": name, "device_name": "Kasse", **secret})


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def kinds(relay: Any) -> list[str]:
    return [e.kind for e in relay_read(relay, lambda c: events.events_since(c, 0, 1000))]


def audit_actions(client: httpx.Client, team: Any) -> list[str]:
    entries = client.get("/api/v1/audit", headers=team.headers("owner")).json()["entries"]
    return [e["action"] for e in entries]


# Login -----------------------------------------------------------------------------
def test_setup_code_login_once_then_password(relay, client):
    code = add_with_code(relay, "Mia", "agent")
    first = login(client, "mia", setup_code=code.lower().replace("-", " "))
    assert first.status_code == 200, first.text
    body = first.json()
    assert body["token"].startswith("wdt_") and body["must_set_password"] is True
    assert body["person"]["role"] == "agent" and body["device"]["name"] == "Kasse"
    # Only the hash is stored.
    stored = relay_read(relay, lambda c: c.execute("SELECT token_hash FROM devices").fetchall())
    assert body["token"] not in json.dumps(stored)
    assert login(client, "Mia", setup_code=code).status_code == 401  # one-time
    token = body["token"]
    weak = client.post("/api/v1/me/password", json={"password": "kurz"}, headers=bearer(token))
    assert weak.status_code == 400 and weak.json()["error"]["code"] == "weak_password"
    assert client.post("/api/v1/me/password", json={"password": "fahrrad-kette-42"},
                       headers=bearer(token)).status_code == 204
    # Changing it again needs the current one.
    again = client.post("/api/v1/me/password", json={"password": "noch-ein-passwort"},
                        headers=bearer(token))
    assert again.status_code == 403
    assert login(client, "Mia", password="fahrrad-kette-42").status_code == 200
    assert login(client, "Mia", password="falsch-falsch").status_code == 401
    me = client.get("/api/v1/me", headers=bearer(token)).json()
    assert me["person"]["has_password"] and "send" in me["permissions"]
    assert "audit.read" not in me["permissions"]


def test_a_code_typed_with_the_wrong_name_is_not_used_up(relay, client):
    code = add_with_code(relay, "Mia", "agent")
    add_with_code(relay, "Tom", "agent")
    assert login(client, "Tom", setup_code=code).status_code == 401
    assert login(client, "Mia", setup_code=code).status_code == 200


def test_login_attempts_are_rate_limited(relay, client):
    add_with_code(relay, "Mia", "agent")
    for _ in range(auth.LOGIN_FAILURES_ALLOWED):
        assert login(client, "Mia", password="falsch-falsch").status_code == 401
    limited = login(client, "Mia", password="falsch-falsch")
    assert limited.status_code == 429
    assert 0 < int(limited.headers["retry-after"]) <= auth.LOGIN_WINDOW_S
    assert limited.json()["error"]["code"] == "too_many_attempts"
    # The same address is blocked for other names too.
    assert login(client, "Tom", password="falsch-falsch").status_code == 429


def test_behind_a_trusted_proxy_the_forwarded_address_counts(relay_config, sim):
    from dataclasses import replace

    from tests.relay.conftest_team import start_relay

    server = start_relay(replace(relay_config, trusted_proxies=("127.0.0.1",)), None)
    try:
        with httpx.Client(base_url=server.base_url) as http:
            def attempt(address: str, claimed: str = "") -> int:
                forwarded = f"{claimed}, {address}" if claimed else address
                return http.post("/api/v1/login", headers={"X-Forwarded-For": forwarded}, json={
                    "name": f"x-{address}-{claimed}", "password": "falsch-falsch"}).status_code

            for _ in range(auth.LOGIN_FAILURES_ALLOWED):
                assert attempt("203.0.113.7") == 401
            assert attempt("203.0.113.7") == 429
            # Another customer of the same proxy is not blocked; a forged first entry
            # does not help the blocked one.
            assert attempt("198.51.100.2") == 401
            assert attempt("203.0.113.7", claimed="192.0.2.1") == 429
    finally:
        server.stop()


def test_login_refuses_disabled_people_and_bad_requests(relay, client):
    code = add_with_code(relay, "Mia", "agent")
    person = relay_read(relay, lambda c: people.find_person(c, "Mia"))
    relay.call(lambda: relay.ctx.write(lambda c: people.disable_person(c, person.id)))
    assert login(client, "Mia", setup_code=code).status_code == 401
    assert client.post("/api/v1/login", json={"name": "Mia"}).status_code == 400
    assert client.post("/api/v1/login", content=b"[]",
                       headers={"Content-Type": "application/json"}).status_code == 400


def test_devices_listed_and_revoked(relay, client, team):
    code = add_with_code(relay, "Mia", "agent")
    token = login(client, "Mia", setup_code=code).json()["token"]
    mine = client.get("/api/v1/devices", headers=bearer(token)).json()["devices"]
    assert len(mine) == 1 and mine[0]["current"] is True
    # An agent sees only their own devices, and cannot revoke someone else's.
    assert client.get("/api/v1/devices?all=1", headers=bearer(token)).status_code == 403
    owner_device = client.get("/api/v1/devices", headers=team.headers("owner")).json()["devices"][0]
    assert client.delete(f"/api/v1/devices/{owner_device['id']}",
                         headers=bearer(token)).status_code == 404
    # An admin sees all and revokes any.
    everyone = client.get("/api/v1/devices?all=1", headers=team.headers("admin")).json()["devices"]
    assert {d["id"] for d in everyone} >= {mine[0]["id"], owner_device["id"]}
    assert client.delete(f"/api/v1/devices/{mine[0]['id']}",
                         headers=team.headers("admin")).status_code == 204
    assert client.get("/api/v1/me", headers=bearer(token)).status_code == 401
    # Logging out revokes one's own device.
    assert client.post("/api/v1/logout", headers=team.headers("agent")).status_code == 204
    assert client.get("/api/v1/me", headers=team.headers("agent")).status_code == 401
    assert "device.revoked" in audit_actions(client, team)


# People ------------------------------------------------------------------------------
def test_admins_manage_people_but_not_owners(relay, client, team):
    admin = team.headers("admin")
    added = client.post("/api/v1/people", json={"name": "Lea", "role": "agent"}, headers=admin)
    assert added.status_code == 201
    lea = added.json()
    assert lea["setup_code"] and lea["person"]["role"] == "agent"
    assert login(client, "Lea", setup_code=lea["setup_code"]).status_code == 200
    assert client.post("/api/v1/people", json={"name": "Boss", "role": "owner"},
                       headers=admin).status_code == 403
    assert client.patch(f"/api/v1/people/{lea['person']['id']}", json={"role": "owner"},
                        headers=admin).status_code == 403
    owner_id = team.person_ids["owner"]
    assert client.patch(f"/api/v1/people/{owner_id}", json={"role": "agent"},
                        headers=admin).status_code == 403
    assert client.patch(f"/api/v1/people/{owner_id}", json={"disabled": True},
                        headers=admin).status_code == 403
    assert client.post(f"/api/v1/people/{owner_id}/setup-code", headers=admin).status_code == 403
    owners_devices = client.get("/api/v1/devices", params={"person_id": owner_id}, headers=admin).json()
    owners_device = owners_devices["devices"][0]["id"]
    assert client.delete(f"/api/v1/devices/{owners_device}", headers=admin).status_code == 403
    assert client.get("/api/v1/me", headers=team.headers("owner")).status_code == 200  # still in
    promoted = client.patch(f"/api/v1/people/{lea['person']['id']}", json={"role": "admin"},
                            headers=admin)
    assert promoted.json()["person"]["role"] == "admin"
    taken = client.post("/api/v1/people", json={"name": "lea", "role": "agent"}, headers=admin)
    assert taken.status_code == 409
    listed = client.get("/api/v1/people", headers=team.headers("agent")).json()["people"]
    assert "Lea" in [p["name"] for p in listed]
    assert "person.saved" in kinds(relay)


def test_the_last_owner_stays(relay, client, team):
    owner = team.headers("owner")
    owner_id = team.person_ids["owner"]
    for change in ({"role": "admin"}, {"disabled": True}):
        answer = client.patch(f"/api/v1/people/{owner_id}", json=change, headers=owner)
        assert answer.status_code == 409 and answer.json()["error"]["code"] == "last_owner"
    # With a second owner, the first may step down.
    client.patch(f"/api/v1/people/{team.person_ids['admin']}", json={"role": "owner"},
                 headers=owner)
    assert client.patch(f"/api/v1/people/{owner_id}", json={"role": "admin"},
                        headers=owner).status_code == 200


def test_disabling_revokes_devices_and_a_new_code_resets_the_password(relay, client, team):
    owner = team.headers("owner")
    agent_id = team.person_ids["agent"]
    assert client.patch(f"/api/v1/people/{agent_id}", json={"disabled": True},
                        headers=owner).json()["person"]["disabled"] is True
    assert client.get("/api/v1/me", headers=team.headers("agent")).status_code == 401
    client.patch(f"/api/v1/people/{agent_id}", json={"disabled": False}, headers=owner)
    reset = client.post(f"/api/v1/people/{agent_id}/setup-code", headers=owner).json()
    answer = login(client, "agent-1", setup_code=reset["setup_code"])
    assert answer.status_code == 200 and answer.json()["must_set_password"] is True


# Conversations -----------------------------------------------------------------------
def test_assign_note_label_and_quick_replies_are_events(relay, client, team, sim_api):
    conversation_id, wamid = customer_writes(sim_api, relay)
    agent, admin = team.headers("agent"), team.headers("admin")
    assign = client.post(f"/api/v1/conversations/{conversation_id}/assign",
                         json={"assignee_id": team.person_ids["agent"]}, headers=agent)
    assert assign.status_code == 200 and assign.json()["assignee_name"] == "agent-1"
    assert relay_read(relay, lambda c: conversations.get_conversation(
        c, conversation_id)).assignee_id == str(team.person_ids["agent"])
    assert client.post(f"/api/v1/conversations/{conversation_id}/assign",
                       json={"assignee_id": 4242}, headers=agent).status_code == 404

    note = client.post(f"/api/v1/conversations/{conversation_id}/notes",
                       json={"text": "Kunde zahlt bar"}, headers=agent)
    assert note.status_code == 201
    listed = client.get(f"/api/v1/conversations/{conversation_id}/notes", headers=agent).json()
    assert [n["text"] for n in listed["notes"]] == ["Kunde zahlt bar"]
    other_agent = _second_agent(relay, client)
    assert client.delete(f"/api/v1/notes/{note.json()['id']}",
                         headers=other_agent).status_code == 403

    label = client.post("/api/v1/labels", json={"name": "Reparatur", "colour": "#ff8800"},
                        headers=admin)
    assert label.status_code == 201 and label.json()["colour"] == "#FF8800"
    label_id = label.json()["id"]
    assert client.post("/api/v1/labels", json={"name": "reparatur", "colour": "#000000"},
                       headers=admin).status_code == 409
    assert client.post("/api/v1/labels", json={"name": "X", "colour": "red"},
                       headers=admin).status_code == 400
    assert client.post(f"/api/v1/labels/{label_id}/apply",
                       json={"conversation_id": conversation_id}, headers=agent).status_code == 200
    assert client.post(f"/api/v1/labels/{label_id}/apply", json={"wamid": wamid},
                       headers=agent).status_code == 200
    assert client.post(f"/api/v1/labels/{label_id}/apply", json={"wamid": "wamid.nope"},
                       headers=agent).status_code == 404
    renamed = client.patch(f"/api/v1/labels/{label_id}", json={"name": "In Reparatur"},
                           headers=admin)
    assert renamed.json() == {"id": label_id, "name": "In Reparatur", "colour": "#FF8800"}
    assert [l.name for l in relay_read(relay, lambda c: labels.conversation_labels(
        c, conversation_id))] == ["In Reparatur"]

    saved = client.post("/api/v1/quick-replies", json={"shortcut": "/zeiten",
                                                       "text": "Mo–Fr 10–18 Uhr"}, headers=admin)
    assert saved.status_code == 201 and saved.json()["shortcut"] == "zeiten"
    qr_id = saved.json()["id"]
    assert client.patch(f"/api/v1/quick-replies/{qr_id}", json={"text": "Mo–Sa 10–18 Uhr"},
                        headers=admin).json()["text"] == "Mo–Sa 10–18 Uhr"
    assert client.post("/api/v1/quick-replies", json={"shortcut": "zeiten", "text": "x"},
                       headers=admin).status_code == 409
    assert [q.text for q in relay_read(relay, quick_replies.list_quick_replies)] == ["Mo–Sa 10–18 Uhr"]
    assert client.get("/api/v1/quick-replies", headers=agent).json()["quick_replies"][0]["id"] == qr_id

    logged = kinds(relay)
    for kind in ("conversation.assigned", "note.added", "label.created", "label.set",
                 "label.updated", "quick_reply.saved"):
        assert kind in logged
    actions = audit_actions(client, team)
    assert {"conversation.assigned", "note.added", "label.created", "label.set",
            "quick_reply.created", "quick_reply.updated"} <= set(actions)
    # The audit says who did what to which thing, never the texts.
    raw = json.dumps(client.get("/api/v1/audit", headers=team.headers("owner")).json())
    assert "Kunde zahlt bar" not in raw and "Mo–Sa" not in raw


def _second_agent(relay: Any, client: httpx.Client) -> dict[str, str]:
    code = add_with_code(relay, "Tom", "agent")
    return bearer(login(client, "Tom", setup_code=code).json()["token"])


def test_deleting_things(relay, client, team, sim_api):
    conversation_id, _ = customer_writes(sim_api, relay)
    admin, agent = team.headers("admin"), team.headers("agent")
    label_id = client.post("/api/v1/labels", json={"name": "Eilig", "colour": "#FF0000"},
                           headers=admin).json()["id"]
    client.post(f"/api/v1/labels/{label_id}/apply", json={"conversation_id": conversation_id},
                headers=agent)
    assert client.post(f"/api/v1/labels/{label_id}/remove",
                       json={"conversation_id": conversation_id}, headers=agent).status_code == 200
    assert relay_read(relay, lambda c: labels.conversation_labels(c, conversation_id)) == []
    assert client.delete(f"/api/v1/labels/{label_id}", headers=admin).status_code == 204
    assert client.delete(f"/api/v1/labels/{label_id}", headers=admin).status_code == 404
    note_id = client.post(f"/api/v1/conversations/{conversation_id}/notes", json={"text": "x"},
                          headers=agent).json()["id"]
    assert client.delete(f"/api/v1/notes/{note_id}", headers=agent).status_code == 204
    assert relay_read(relay, lambda c: notes.notes_for(c, conversation_id)) == []
    qr = client.post("/api/v1/quick-replies", json={"shortcut": "hi", "text": "Hallo!"},
                     headers=admin).json()
    assert client.delete(f"/api/v1/quick-replies/{qr['id']}", headers=admin).status_code == 204
    assert relay_read(relay, quick_replies.list_quick_replies) == []


def test_a_note_with_a_client_id_is_added_once(relay, client, team, sim_api):
    conversation_id, _ = customer_writes(sim_api, relay)
    other_id, _ = customer_writes(sim_api, relay, customer="aylin", text="Merhaba")
    agent = team.headers("agent")
    path = f"/api/v1/conversations/{conversation_id}/notes"
    body = {"text": "Kunde zahlt bar", "client_id": "n-7f3a2b9c"}
    first = client.post(path, json=body, headers=agent)
    assert first.status_code == 201
    assert first.json()["client_id"] == "n-7f3a2b9c"
    # The answer was lost; the desktop posts again: one note, the same answer.
    again = client.post(path, json=body, headers=agent)
    assert again.status_code == 201 and again.json() == first.json()
    assert [n.text for n in relay_read(relay, lambda c: notes.notes_for(c, conversation_id))] == [
        "Kunde zahlt bar"]
    assert kinds(relay).count("note.added") == 1
    # The same id for something else is refused, and changes nothing.
    for other_path, other_body, headers in (
            (path, {**body, "text": "Kunde zahlt mit Karte"}, agent),
            (f"/api/v1/conversations/{other_id}/notes", body, agent),
            (path, body, team.headers("admin"))):
        refused = client.post(other_path, json=other_body, headers=headers)
        assert refused.status_code == 409, other_path
        assert refused.json()["error"]["code"] == "client_id_reused"
        assert refused.json()["error"]["message"] == "This client_id was already used for a different note."
    assert kinds(relay).count("note.added") == 1
    # Older desktops send no client id: each post is a note of its own.
    for _ in range(2):
        assert client.post(path, json={"text": "ohne Kennung"}, headers=agent).status_code == 201
    assert len(relay_read(relay, lambda c: notes.notes_for(c, conversation_id))) == 3


def test_a_note_too_long_is_refused_in_a_sentence_the_desktop_translates(relay, client, team, sim_api):
    conversation_id, _ = customer_writes(sim_api, relay)
    path = f"/api/v1/conversations/{conversation_id}/notes"
    refused = client.post(path, json={"text": " " + "x" * 4097 + "\n"}, headers=team.headers("agent"))
    assert refused.status_code == 400
    assert refused.json()["error"] == {"code": "invalid",
                                       "message": "A note can have at most 4096 characters; this one has 4097."}
    assert texts.source_of(refused.json()["error"]["message"]) == (texts.NOTE_TOO_LONG, ("4096", "4097"))
    assert "note.added" not in kinds(relay)
    assert client.post(path, json={"text": "x" * 4096}, headers=team.headers("agent")).status_code == 201


@pytest.mark.parametrize("client_id", ["short", "has space in it", 12345678, "x" * 101])
def test_a_bad_note_client_id_is_400(relay, client, team, sim_api, client_id):
    conversation_id, _ = customer_writes(sim_api, relay)
    answer = client.post(f"/api/v1/conversations/{conversation_id}/notes",
                         json={"text": "x", "client_id": client_id}, headers=team.headers("agent"))
    assert answer.status_code == 400 and answer.json()["error"]["code"] == "invalid"
    assert "note.added" not in kinds(relay)


def test_audit_is_paged_and_owner_only(relay, client, team):
    for n in range(5):
        client.post("/api/v1/labels", json={"name": f"L{n}", "colour": "#123456"},
                    headers=team.headers("admin"))
    page = client.get("/api/v1/audit?limit=3", headers=team.headers("owner")).json()
    assert len(page["entries"]) == 3 and page["next_before_id"]
    rest = client.get(f"/api/v1/audit?limit=3&before_id={page['next_before_id']}",
                      headers=team.headers("owner")).json()
    assert rest["entries"][0]["id"] < page["entries"][-1]["id"]
    assert client.get("/api/v1/audit", headers=team.headers("admin")).status_code == 403
    assert client.get("/api/v1/audit?limit=0", headers=team.headers("owner")).status_code == 400


@pytest.mark.parametrize("path, body", [
    ("/api/v1/conversations/1/assign", {"assignee_id": "x"}),
    ("/api/v1/conversations/1/notes", {"text": ""}),
    ("/api/v1/conversations/1/notes", {"text": "x" * 5000}),
    ("/api/v1/labels/1/apply", {}),
    ("/api/v1/quick-replies", {"shortcut": "two words", "text": "x"}),
])
def test_bad_team_requests_are_400(relay, client, team, path, body):
    answer = client.post(path, json=body, headers=team.headers("admin"))
    assert answer.status_code == 400, answer.text
    assert set(answer.json()["error"]) >= {"code", "message"}


def test_not_a_number_in_the_path_is_404(relay, client, team):
    assert client.post("/api/v1/conversations/abc/notes", json={"text": "x"},
                       headers=team.headers("agent")).status_code == 404


def test_secret_random_names_do_not_leak(relay, client):
    """A login for a name nobody has answers exactly like a wrong password."""
    unknown = login(client, "nobody-" + secrets.token_hex(4), password="whatever-123")
    add_with_code(relay, "Mia", "agent")
    wrong = login(client, "Mia", password="whatever-123")
    assert unknown.status_code == wrong.status_code == 401
    assert unknown.json() == wrong.json()
