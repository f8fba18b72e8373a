"""Recording a customer's consent and its withdrawal over the relay's API."""

from __future__ import annotations

import json
import time

from tests.relay.conftest import all_events, relay_read
from tests.relay.conftest_team import customer_writes
from wadesk.store import conversations, people


def contact_of(relay, conversation_id: int):
    from wadesk.store.contacts import get_contact

    def read(conn):
        return get_contact(conn, conversations.get_conversation(conn, conversation_id).contact_id)

    return relay_read(relay, read)


GIVEN = {"purpose": "marketing_templates", "state": "given", "source": "whatsapp_message",
         "evidence": "Kundin schrieb: »Ja, schickt mir gern Angebote«",
         "notice_version": "2024-05"}


def test_an_agent_records_a_consent_and_its_withdrawal(relay, client, team, sim_api):
    conversation_id, _ = customer_writes(sim_api, relay)
    contact = contact_of(relay, conversation_id)
    agent = team.headers("agent")
    url = f"/api/v1/contacts/wa_id:{contact.wa_id}/consents"
    given = client.post(url, headers=agent, json=GIVEN)
    assert given.status_code == 201, given.text
    record = given.json()
    assert record["state"] == "given" and record["wa_id"] == contact.wa_id
    assert record["recorded_by"] == str(team.person_ids["agent"])
    assert record["recorded_by_name"] == "agent-1" and abs(record["at"] - time.time()) < 60

    withdrawn = client.post(f"/api/v1/contacts/{contact.id}/consents", headers=agent, json={
        "purpose": "marketing_templates", "state": "withdrawn", "source": "whatsapp_message",
        "evidence": "STOP", "at": record["at"] + 1})
    assert withdrawn.status_code == 201, withdrawn.text

    listed = client.get(url, headers=team.headers("agent")).json()
    assert [r["state"] for r in listed["consents"]] == ["withdrawn", "given"]
    assert listed["current"]["marketing_templates"]["state"] == "withdrawn"
    assert listed["contact_id"] == contact.id

    recorded = [e for e in all_events(relay) if e.kind == "consent.recorded"]
    assert [e.payload["state"] for e in recorded] == ["given", "withdrawn"]
    audit = relay_read(relay, lambda c: people.read_audit(c))
    details = [e.details for e in audit if e.action == "consent.recorded"]
    assert details[-1] == {"consent_id": 1, "purpose": "marketing_templates", "state": "given",
                           "source": "whatsapp_message"}
    assert "Angebote" not in json.dumps(details)  # the evidence stays out of the audit


def test_bad_records_are_refused(relay, client, team, sim_api):
    conversation_id, _ = customer_writes(sim_api, relay)
    url = f"/api/v1/contacts/{contact_of(relay, conversation_id).id}/consents"
    agent = team.headers("agent")
    cases = [
        ({**GIVEN, "purpose": "Marketing Templates"}, "purpose"),
        ({**GIVEN, "state": "maybe"}, "state"),
        ({**GIVEN, "source": "rumour"}, "source"),
        ({**GIVEN, "at": int(time.time()) + 86_400}, "at"),
        ({**GIVEN, "at": "yesterday"}, "at"),
    ]
    for body, field in cases:
        answer = client.post(url, headers=agent, json=body)
        assert answer.status_code == 400 and answer.json()["error"]["field"] == field, body
    no_notice = {k: v for k, v in GIVEN.items() if k != "notice_version"}
    assert client.post(url, headers=agent, json=no_notice).status_code == 400
    assert client.get(url, headers=agent).json()["consents"] == []


def test_unknown_contacts_are_404(relay, client, team):
    agent = team.headers("agent")
    for ref in ("424242", "wa_id:4915199999999", "user_id:DE.nobody", "wa_id:abc", "x:y"):
        answer = client.get(f"/api/v1/contacts/{ref}/consents", headers=agent)
        assert answer.status_code == 404 and answer.json()["error"]["code"] == "contact_not_found"
