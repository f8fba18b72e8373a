"""A desktop that starts from seq 0 ends in exactly the state of one that synced all
along, and both in exactly the relay's own state.

The real relay over loopback HTTP, fed by the real simulator's signed webhooks
(customers writing text, media, reactions, edits, a revocation; statuses duplicated
and out of order), the real sending and team APIs (sends, assignment, labels, notes,
quick replies, automations and business hours, a consent), and two coexistence webhooks (an echo, a history chunk). Replica A
long-polls /api/v1/sync the whole time and applies each page as it comes; replica B
pulls everything from 0 at the end. Their state tables are compared row by row.
"""

from __future__ import annotations

import secrets
import threading
import time
import uuid

import httpx

from tests.relay.conftest import relay_read, wait_for
from tests.relay.payloads import envelope, metadata
from wadesk.desktop.sync.event_apply import apply_page
from wadesk.store import events, sync_state
from wadesk.store.connection import open_database
from wadesk.store.state_dump import dump_state


class Replica:
    """A desktop's store fed by the sync API through the desktop's own code: each page
    goes through event_apply.apply_page, as the sync worker does."""

    def __init__(self, path, base_url, token):
        self.conn = open_database(path, key=secrets.token_bytes(32), role="replica", create=True,
                                  check_same_thread=False)
        self.http = httpx.Client(base_url=base_url, timeout=60,
                                 headers={"Authorization": f"Bearer {token}"})
        self.pages = 0

    @property
    def cursor(self) -> int:
        return sync_state.get_sync_cursor(self.conn)

    def pull(self, wait: float = 0, limit: int = 100) -> int:
        data = self.http.get("/api/v1/sync", params={"since": self.cursor, "wait": wait,
                                                     "limit": limit}).json()
        if data["events"]:
            changes = apply_page(self.conn, data["events"], me_id=None, notify=False)
            assert changes.cursor == data["events"][-1]["seq"]  # the page and the cursor together
            self.pages += 1
        return len(data["events"])

    def close(self):
        self.http.close()
        self.conn.close()


def test_a_replica_from_zero_converges_to_one_that_synced_all_along(tmp_path, relay, sim, team):
    agent, admin = team.headers("agent"), team.headers("admin")
    api = httpx.Client(base_url=relay.base_url, timeout=30)
    control = httpx.Client(base_url=sim.base_url, timeout=30)
    online = Replica(tmp_path / "a.db", relay.base_url, team.tokens["agent"])
    stop = threading.Event()

    errors = []

    def keep_syncing():
        try:
            while not stop.is_set():
                online.pull(wait=1, limit=7)  # small pages: many cursor steps along the way
        except Exception as exc:  # reported by the test, not lost in a thread
            errors.append(exc)
            raise

    syncer = threading.Thread(target=keep_syncing)
    syncer.start()
    try:
        control.post("/_sim/faults", json={"kind": "duplicate_webhooks", "count": 25})
        control.post("/_sim/faults", json={"kind": "out_of_order", "count": 2})
        customers = [c["id"] for c in control.get("/_sim/customers").json()["data"]][:3]
        said = {}
        for n, who in enumerate(customers):
            said[who] = control.post(f"/_sim/customers/{who}/say",
                                     json={"text": f"Hallo, Frage {n}"}).json()["message"]
        first = said[customers[0]]
        control.post(f"/_sim/customers/{customers[0]}/say", json={"type": "image"})
        control.post(f"/_sim/customers/{customers[1]}/say",
                     json={"type": "location", "latitude": 52.52, "longitude": 13.40,
                           "name": "Laden", "address": "Hauptstr. 1"})
        control.post(f"/_sim/customers/{customers[0]}/say",
                     json={"type": "edit", "original_message_id": first["id"],
                           "text": "Hallo, geänderte Frage"})
        control.post(f"/_sim/customers/{customers[0]}/say",
                     json={"type": "reaction", "message_id": first["id"], "emoji": "❤️"})
        control.post(f"/_sim/customers/{customers[2]}/say",
                     json={"type": "revoke", "original_message_id": said[customers[2]]["id"]})
        wait_for(lambda: relay.ctx.latest_seq >= 8, timeout=15)

        conv_ids = relay_read(relay, lambda conn: [row[0] for row in conn.execute(
            "SELECT id FROM conversations ORDER BY id").fetchall()])
        assert len(conv_ids) == 3
        # Sends through the relay's API (statuses come back out of order, twice).
        for n, conv_id in enumerate(conv_ids):
            answer = api.post("/api/v1/messages", headers=agent, json={
                "client_id": str(uuid.uuid4()), "conversation_id": conv_id, "type": "text",
                "text": {"body": f"Antwort {n}"}})
            assert answer.status_code in (200, 202), answer.text
        # Team work: assignment, labels, notes, quick replies.
        assert api.post(f"/api/v1/conversations/{conv_ids[0]}/assign", headers=agent,
                        json={"assignee_id": team.person_ids["agent"]}).status_code == 200
        label = api.post("/api/v1/labels", headers=admin,
                         json={"name": "Reparatur", "colour": "#ff8800"})
        assert label.status_code == 201, label.text
        label_id = label.json()["id"]
        assert api.post(f"/api/v1/labels/{label_id}/apply", headers=agent,
                        json={"conversation_id": conv_ids[1]}).status_code == 200
        assert api.post(f"/api/v1/conversations/{conv_ids[1]}/notes", headers=agent,
                        json={"text": "Kundin ruft morgen an"}).status_code == 201
        assert api.post("/api/v1/quick-replies", headers=admin,
                        json={"shortcut": "fertig", "text": "Ihr Rad ist fertig."}).status_code == 201
        # Shared settings and consent records: automations, business hours, a consent.
        assert api.put("/api/v1/automations", headers=admin, json={
            "greeting": {"enabled": True, "text": "Moin! Wir antworten gleich."},
            "away": {"enabled": True, "text": "Gerade geschlossen."},
            "business_hours": {"time_zone": "Europe/Berlin",
                               "days": {"mon": [["09:00", "18:00"]], "sat": [["10:00", "14:00"]]}},
        }).status_code == 200
        consent = api.post(f"/api/v1/contacts/wa_id:{first['from']}/consents", headers=agent, json={
            "purpose": "marketing_templates", "state": "given", "source": "whatsapp_message",
            "evidence": "Ja, gern", "notice_version": "2024-05"})
        assert consent.status_code == 201, consent.text
        # Coexistence: the owner answered on the phone, and a history chunk arrives.
        wa_id = first["from"]
        echo = envelope({"messaging_product": "whatsapp", "metadata": metadata(sim.phone_number_id),
                         "message_echoes": [{"from": "4930123456", "to": wa_id,
                                             "id": "wamid.ECHO1", "timestamp": str(int(time.time())),
                                             "type": "text", "text": {"body": "Vom Handy"}}]},
                        field="smb_message_echoes", waba_id=sim.waba_id)
        history = envelope({"messaging_product": "whatsapp", "metadata": metadata(sim.phone_number_id),
                            "history": [{"metadata": {"phase": 0, "chunk_order": 1, "progress": 100},
                                         "threads": [{"id": "491709999999", "messages": [
                                             {"from": "491709999999", "id": "wamid.H1",
                                              "timestamp": "1690000000", "type": "text",
                                              "text": {"body": "Alte Frage"}},
                                             {"from": "4930123456", "to": "491709999999",
                                              "id": "wamid.H2", "timestamp": "1690000100",
                                              "type": "text", "text": {"body": "Alte Antwort"},
                                              "history_context": {"status": "read"}}]}]}]},
                           field="history", waba_id=sim.waba_id)
        from tests.relay.conftest import signed

        for payload in (echo, history):
            body, headers = signed(payload)
            assert api.post("/webhook", content=body, headers=headers).status_code == 200

        # Everything delivered: webhooks, statuses of all three sends, the media file.
        wait_for(lambda: sim.call(lambda: sim.simulator.webhooks.pending()) == 0, timeout=20)
        try:
            wait_for(lambda: relay_read(relay, lambda conn: conn.execute(
                "SELECT count(*) FROM messages WHERE direction = 'out' AND status = 'read'"
                " AND origin = 'cloud'").fetchone()[0]) == 3, timeout=20)
        except BaseException:
            print(relay_read(relay, lambda conn: conn.execute(
                "SELECT id, wamid, client_id, status, origin FROM messages WHERE direction = 'out'").fetchall()))
            print(relay_read(relay, lambda conn: conn.execute("SELECT * FROM early_events").fetchall()))
            print([ (e.kind, e.payload.get('wamid'), e.payload.get('status')) for e in relay_read(relay, lambda conn: events.events_since(conn, 0, 1000))])
            raise
        wait_for(lambda: relay_read(relay, lambda conn: events.count_events(conn, "media.stored")) == 1,
                 timeout=20)
        time.sleep(0.3)
        wait_for(lambda: sim.call(lambda: sim.simulator.webhooks.pending()) == 0, timeout=20)
        latest = relay.ctx.latest_seq
        wait_for(lambda: online.cursor >= latest or errors, timeout=20)
        assert errors == []
    finally:
        stop.set()
        syncer.join(10)

    while online.pull(limit=7):  # whatever came after the last long-poll
        pass
    fresh = Replica(tmp_path / "b.db", relay.base_url, team.tokens["agent"])
    while fresh.pull(limit=1000):
        pass
    assert fresh.cursor == online.cursor == relay.ctx.latest_seq >= latest
    assert online.pages > 5  # it really synced along the way, page by page

    relay_state = relay_read(relay, dump_state)
    a_state = dump_state(online.conn)
    b_state = dump_state(fresh.conn)
    differing = [table for table in relay_state
                 if not (a_state[table] == b_state[table] == relay_state[table])]
    for table in differing:
        print(table, "\nrelay ", relay_state[table], "\nonline", a_state[table], "\nfresh ", b_state[table])
    assert differing == []
    # The run covered what it claims to.
    kinds = relay_read(relay, lambda conn: {row[0] for row in conn.execute(
        "SELECT DISTINCT kind FROM events").fetchall()})
    assert {"message.in", "message.echo", "message.out", "status", "reaction", "edit", "revoke",
            "media.stored"} <= kinds
    assert len(relay_state["messages"]) >= 10
    assert relay_state["automation_settings"] and relay_state["consents"]  # compared with rows in them
    assert relay_state["reactions"] and relay_state["notes"] and relay_state["labels"]
    assert relay_state["quick_replies"] and relay_state["conversation_labels"]
    online.close()
    fresh.close()


def test_a_replica_numbered_otherwise_still_addresses_the_relays_conversations(
        tmp_path, relay, team, post_webhook):
    """Ids no longer have to match: every message event names the relay's conversation,
    and the replica keeps that id for its own row."""
    from tests.relay.payloads import PHONE_NUMBER_ID, text_message
    from wadesk.store import replica_sync
    from wadesk.store.contacts import ContactInfo
    from wadesk.store.ingest import OutgoingMessage, apply_messages

    replica = Replica(tmp_path / "r.db", relay.base_url, team.tokens["agent"])
    try:
        # A chat of its own before it ever synced: its ids are one off the relay's.
        apply_messages(replica.conn, [OutgoingMessage(
            phone_number_id=PHONE_NUMBER_ID, contact=ContactInfo(wa_id="491700000099"),
            type="text", ts=1_700_000_000, client_id="c-own-chat")])
        customers = ("491701111111", "491702222222")
        for n, wa_id in enumerate(customers):
            assert post_webhook(text_message(f"wamid.R{n}", "Hallo", wa_id=wa_id)).status_code == 200
        while replica.pull():
            pass
        by_number = ("SELECT k.wa_id, c.id FROM conversations c"
                     " JOIN contacts k ON k.id = c.contact_id")
        relay_ids = dict(relay_read(relay, lambda conn: conn.execute(by_number).fetchall()))
        local_ids = dict(replica.conn.execute(by_number).fetchall())
        for wa_id in customers:
            assert local_ids[wa_id] != relay_ids[wa_id]
            assert replica_sync.relay_conversation_id(replica.conn, local_ids[wa_id]) == relay_ids[wa_id]
            assert replica_sync.local_conversation_id(replica.conn, relay_ids[wa_id]) == local_ids[wa_id]

        # Marked read through the relay by the id the replica keeps: the right chat is read.
        target = replica_sync.relay_conversation_id(replica.conn, local_ids[customers[1]])
        answer = httpx.post(f"{relay.base_url}/api/v1/conversations/{target}/read",
                            headers=team.headers("agent"), timeout=30)
        assert answer.status_code == 200 and answer.json()["wamid"] == "wamid.R1"
        while replica.pull():
            pass
        unread = dict(replica.conn.execute("SELECT id, unread_count FROM conversations").fetchall())
        assert unread[local_ids[customers[1]]] == 0 and unread[local_ids[customers[0]]] == 1
    finally:
        replica.close()
