"""The business profile through the relay, against the simulator's Graph API: anyone
reads it, admins change it (audited by field names only, and logged as an event for
the desktops), and a bad value or a refusing Meta changes nothing."""

from __future__ import annotations

import json

from tests.relay.conftest import all_events
from wadesk.store import people


def audit(relay):
    return relay.call(lambda: relay.ctx.read(lambda c: people.read_audit(c)))


def test_anyone_reads_the_profile_as_meta_has_it(relay, client, team):
    answer = client.get("/api/v1/profile", headers=team.headers("agent"))
    assert answer.status_code == 200
    body = answer.json()
    assert body["address"] == "Boxhagener Straße 42, 10245 Berlin"  # the simulator's default
    assert set(body) == {"about", "address", "description", "email", "websites", "vertical",
                         "profile_picture_url"}


def test_an_admin_changes_it_and_every_desktop_hears(relay, client, team):
    admin = team.headers("admin")
    answer = client.put("/api/v1/profile", headers=admin, json={
        "about": "Neu: E-Bikes!", "websites": ["https://radhaus.example"], "vertical": "TRAVEL"})
    assert answer.status_code == 200, answer.text
    saved = answer.json()
    assert saved["about"] == "Neu: E-Bikes!" and saved["websites"] == ["https://radhaus.example"]
    assert saved["vertical"] == "TRAVEL"
    # Meta has it: a fresh read (another role) sees the change.
    seen = client.get("/api/v1/profile", headers=team.headers("agent")).json()
    assert seen["about"] == "Neu: E-Bikes!" and seen["address"] == saved["address"]

    events = [e for e in all_events(relay) if e.kind == "profile.saved"]
    assert len(events) == 1
    assert events[0].payload["about"] == "Neu: E-Bikes!"
    assert events[0].payload["updated_by"] == str(team.person_ids["admin"])
    entries = [e for e in audit(relay) if e.action == "profile.updated"]
    assert [e.details for e in entries] == [{"changed": ["about", "vertical", "websites"]}]
    assert "E-Bikes" not in json.dumps([e.details for e in audit(relay)])  # no texts

    # The same again changes nothing: no call to Meta's update, no event, no audit.
    again = client.put("/api/v1/profile", headers=admin, json={"about": "Neu: E-Bikes!"})
    assert again.status_code == 200 and again.json()["about"] == "Neu: E-Bikes!"
    assert len([e for e in all_events(relay) if e.kind == "profile.saved"]) == 1


def test_agents_may_not_change_it(relay, client, team):
    answer = client.put("/api/v1/profile", headers=team.headers("agent"), json={"about": "x"})
    assert answer.status_code == 403
    assert client.get("/api/v1/profile", headers=team.headers("agent")).json()["about"] != "x"


def test_bad_values_are_refused_by_field_and_change_nothing(relay, client, team):
    admin = team.headers("admin")
    before = client.get("/api/v1/profile", headers=admin).json()
    cases = [
        ({"slogan": "x"}, "slogan"),
        ({"about": 5}, "about"),
        ({"about": "x" * 140}, "about"),
        ({"email": "not-an-address"}, "email"),
        ({"websites": ["ftp://radhaus.example"]}, "websites"),
        ({"websites": ["https://a.example", "https://b.example", "https://c.example"]}, "websites"),
        ({"vertical": "SPACESHIPS"}, "vertical"),
    ]
    for body, field in cases:
        answer = client.put("/api/v1/profile", headers=admin, json=body)
        assert answer.status_code == 400, body
        error = answer.json()["error"]
        assert error["code"] == "invalid" and error["field"] == field, (body, error)
    assert client.get("/api/v1/profile", headers=admin).json() == before
    assert not [e for e in all_events(relay) if e.kind == "profile.saved"]


def test_meta_failing_is_a_clear_error_and_changes_nothing(relay, client, team, sim_api):
    admin = team.headers("admin")
    before = client.get("/api/v1/profile", headers=admin).json()
    sim_api.post("/faults", json={"kind": "http_error", "endpoint": "profile", "count": 1,
                                  "status": 400, "code": 100})
    answer = client.put("/api/v1/profile", headers=admin, json={"about": "Geschlossen"})
    assert answer.status_code in (502, 503), answer.text
    assert answer.json()["error"]["code"] in ("cloud_refused", "cloud_unavailable")
    assert client.get("/api/v1/profile", headers=admin).json() == before
    assert not [e for e in all_events(relay) if e.kind == "profile.saved"]
    assert not [e for e in audit(relay) if e.action == "profile.updated"]
