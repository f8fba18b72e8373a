"""The greeting, the away message and the business hours over the relay's API."""

from __future__ import annotations

import json

from tests.relay.conftest import all_events
from wadesk.store import people

HOURS = {"time_zone": "Europe/Berlin",
         "days": {"mon": [["09:00", "13:00"], ["14:00", "18:00"]], "sat": [["10:00", "14:00"]]}}


def test_defaults_until_an_admin_changes_them(relay, client, team):
    answer = client.get("/api/v1/automations", headers=team.headers("agent"))
    assert answer.status_code == 200
    body = answer.json()
    assert body["greeting"]["enabled"] is False and body["away"]["enabled"] is False
    assert body["business_hours"]["days"]["mon"] == [] and body["open_now"] is False
    assert body["updated_at"] is None


def test_an_admin_changes_them_for_everyone(relay, client, team):
    admin = team.headers("admin")
    answer = client.put("/api/v1/automations", headers=admin, json={
        "greeting": {"enabled": True, "text": "  Moin! Wir antworten gleich.  "},
        "away": {"enabled": True, "text": "Gerade geschlossen, ab 9 Uhr wieder da."},
        "business_hours": HOURS})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["greeting"] == {"enabled": True, "text": "Moin! Wir antworten gleich.",
                                "after_days": 14}
    assert body["business_hours"]["days"]["sat"] == [["10:00", "14:00"]]
    assert body["updated_by"] == str(team.person_ids["admin"])
    # Part of the settings: the rest keeps its value.
    later = client.put("/api/v1/automations", headers=admin,
                       json={"away": {"when": "always"}}).json()
    assert later["away"] == {"enabled": True, "text": "Gerade geschlossen, ab 9 Uhr wieder da.",
                             "when": "always"}
    assert later["greeting"]["enabled"] is True and later["business_hours"]["days"] == body[
        "business_hours"]["days"]
    seen = client.get("/api/v1/automations", headers=team.headers("agent")).json()
    assert seen["away"]["when"] == "always"

    saved = [e for e in all_events(relay) if e.kind == "automations.saved"]
    assert len(saved) == 2 and saved[-1].payload["away"]["when"] == "always"
    audit = relay.call(lambda: relay.ctx.read(lambda c: people.read_audit(c)))
    entries = [e for e in audit if e.action == "automations.updated"]
    assert entries[0].details == {"changed": ["away.when"]}
    assert "Gerade" not in json.dumps([e.details for e in audit])  # no texts in the audit


def test_nothing_changed_is_no_event(relay, client, team):
    client.put("/api/v1/automations", headers=team.headers("admin"), json={})
    assert not [e for e in all_events(relay) if e.kind == "automations.saved"]


def test_bad_settings_are_refused_and_change_nothing(relay, client, team):
    admin = team.headers("admin")
    cases = [
        ({"greeting": {"enabled": True, "text": "   "}}, "greeting.text"),
        ({"greeting": {"enabled": "yes"}}, "greeting.enabled"),
        ({"greeting": {"after_days": 0}}, "greeting.after_days"),
        ({"away": {"when": "weekends"}}, "away.when"),
        ({"away": {"text": "x" * 5000}}, "away.text"),
        ({"business_hours": {"time_zone": "Mars/Olympus"}}, "business_hours.time_zone"),
        ({"business_hours": {"days": {"mon": [["18:00", "09:00"]]}}}, "business_hours.days"),
        ({"greetings": {}}, "greetings"),
        ({"away": {"txt": "Hallo"}}, "away.txt"),
        ({"away": "on"}, "away"),
    ]
    for body, field in cases:
        answer = client.put("/api/v1/automations", headers=admin, json=body)
        assert answer.status_code == 400, (body, answer.text)
        assert answer.json()["error"]["field"] == field
    assert client.get("/api/v1/automations", headers=admin).json()["updated_at"] is None
    assert client.put("/api/v1/automations", headers=team.headers("agent"),
                      json={"away": {"when": "always"}}).status_code == 403
