"""A desktop replica that replays the relay's log from seq 0 ends in the relay's state,
for the team's events and the sends (local echo, accepted, failed, reactions)."""

from __future__ import annotations

import secrets
import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from tests.relay.conftest_team import customer_writes, relay_read, start_relay, wait_until
from wadesk.relay.server import RelayServer
from wadesk.store import events
from wadesk.store.apply_events import apply_event
from wadesk.store.connection import open_database


@pytest.fixture
def relay(relay_config: Any, sim: Any) -> Iterator[RelayServer]:
    server = start_relay(relay_config, sim)
    try:
        yield server
    finally:
        server.stop()


def snapshot(conn: Any) -> dict[str, list[tuple[Any, ...]]]:
    """The shared state, keyed by what identifies things on both sides (not row ids)."""
    q = lambda sql: sorted(conn.execute(sql).fetchall(), key=repr)  # noqa: E731
    return {
        "conversations": q(
            "SELECT k.wa_id, c.phone_number_id, c.assignee_id, c.unread_count,"
            " c.last_customer_msg_at, c.created_at, k.created_at, k.updated_at"
            " FROM conversations c JOIN contacts k ON k.id = c.contact_id"),
        "messages": q(
            "SELECT wamid, client_id, direction, type, text, status, error_code, error_reason,"
            " agent_id, reply_to_wamid FROM messages"),
        "labels": q("SELECT id, name, colour, created_at FROM labels"),
        "conversation_labels": q(
            "SELECT k.wa_id, l.name FROM conversation_labels cl JOIN labels l ON l.id = cl.label_id"
            " JOIN conversations c ON c.id = cl.conversation_id"
            " JOIN contacts k ON k.id = c.contact_id"),
        "message_labels": q(
            "SELECT m.wamid, l.name FROM message_labels ml JOIN labels l ON l.id = ml.label_id"
            " JOIN messages m ON m.id = ml.message_id"),
        "notes": q("SELECT id, author_id, text, created_at FROM notes"),
        "quick_replies": q("SELECT id, shortcut, text, created_at, updated_at FROM quick_replies"),
        "reactions": q("SELECT m.wamid, r.reactor, r.emoji, r.agent_id FROM reactions r"
                       " JOIN messages m ON m.id = r.message_id"),
    }


def test_replica_from_zero_converges(relay, client, team, sim_api, tmp_path):
    agent, admin = team.headers("agent"), team.headers("admin")
    conv_a, wamid_a = customer_writes(sim_api, relay, "jonas")
    conv_b, _ = customer_writes(sim_api, relay, "aylin")
    label = client.post("/api/v1/labels", json={"name": "Reparatur", "colour": "#00AA00"},
                        headers=admin).json()["id"]
    doomed = client.post("/api/v1/labels", json={"name": "Weg", "colour": "#000000"},
                         headers=admin).json()["id"]
    client.post(f"/api/v1/labels/{label}/apply", json={"conversation_id": conv_a}, headers=agent)
    client.post(f"/api/v1/labels/{label}/apply", json={"wamid": wamid_a}, headers=agent)
    client.post(f"/api/v1/labels/{doomed}/apply", json={"conversation_id": conv_b}, headers=agent)
    client.delete(f"/api/v1/labels/{doomed}", headers=admin)
    client.post(f"/api/v1/conversations/{conv_a}/assign",
                json={"assignee_id": team.person_ids["agent"]}, headers=agent)
    client.post(f"/api/v1/conversations/{conv_b}/notes", json={"text": "Ruft zurück"},
                headers=agent)
    client.post("/api/v1/quick-replies", json={"shortcut": "danke", "text": "Vielen Dank!"},
                headers=admin)
    client.post(f"/api/v1/conversations/{conv_a}/read", headers=agent)
    sends = [
        {"type": "text", "text": {"body": "Fertig!"}, "reply_to": wamid_a},
        {"type": "reaction", "reaction": {"message_id": wamid_a, "emoji": "🚲"}},
        {"type": "template", "template": {"name": "no_such", "language": "de"}},  # fails
        {"type": "location", "location": {"latitude": 52.5, "longitude": 13.4, "name": "Laden"}},
    ]
    ids = []
    for body in sends:
        client_id = "c-" + uuid.uuid4().hex
        ids.append(client_id)
        answer = client.post("/api/v1/messages", headers=agent,
                             json={"client_id": client_id, "conversation_id": conv_a, **body})
        assert answer.status_code == 200, answer.text
    first_contact = client.post("/api/v1/messages", headers=agent, json={
        "client_id": "c-" + uuid.uuid4().hex, "to": {"wa_id": "491609876543"},
        "type": "template", "template": {"name": "hello_world", "language": "en_US"}})
    assert first_contact.json()["state"] == "accepted"
    # Let the status webhooks finish (read is the last one the simulator sends).
    wait_until(lambda: relay_read(relay, lambda c: c.execute(
        "SELECT count(*) FROM messages WHERE direction = 'out' AND status = 'read'").fetchone()[0]) == 3)

    log = relay_read(relay, lambda c: events.events_since(c, 0, 1000))
    time.sleep(1.1)  # a replica applying later must still get the relay's times
    replica = open_database(tmp_path / "replica.db", key=secrets.token_bytes(32),
                            role="replica", create=True)
    try:
        for event in log:
            replica.execute("BEGIN")
            apply_event(replica, event.kind, event.payload)
            replica.execute("COMMIT")
        relay_state = relay_read(relay, snapshot)
        replica_state = snapshot(replica)
    finally:
        replica.close()
    for table in relay_state:
        assert replica_state[table] == relay_state[table], table
    assert len(relay_state["reactions"]) == 1
    assert any(row[5] == "failed" and row[6] == 132001 for row in relay_state["messages"])
    assert [row[:3] for row in relay_state["labels"]] == [(label, "Reparatur", "#00AA00")]
