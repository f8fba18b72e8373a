"""A customer's data: the export a business hands to them, and the erasure that leaves
no trace on the relay, on a desktop that was online, and on one that syncs later."""

from __future__ import annotations

import base64
import json
import secrets
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.relay.conftest import all_events, relay_read, wait_for
from tests.relay.conftest_team import customer_writes
from tests.relay.payloads import text_message
from tests.store.sqlcipher_pages import database_pages, wal_pages
from wadesk.store import consents, conversations, events, people
from wadesk.store.apply_events import apply_event
from wadesk.store.connection import checkpoint, open_database
from wadesk.store.contacts import find_contact, get_contact

MARKER = "Kaktuskolibri8842"
JONAS_WA_ID = "491701234567"  # the simulator's persona "jonas"
JONAS_BSUID = "DE.13491208655302741001"


def sync(replica: Any, relay: Any, since: int) -> int:
    """Apply the relay's log after `since` like a desktop does; the new cursor."""
    while True:
        page = relay_read(relay, lambda c: events.events_since(c, since, 500))
        if not page:
            return since
        replica.execute("BEGIN")
        for event in page:
            apply_event(replica, event.kind, event.payload)
        replica.execute("COMMIT")
        since = page[-1].seq


def decrypted_hits(db_path: Path, key: bytes, needles: list[bytes]) -> list[str]:
    pages = [*database_pages(db_path, key), *wal_pages(Path(f"{db_path}-wal"), key)]
    return [needle.decode() for needle in needles if any(needle in page for page in pages)]


def new_replica(path: Path) -> tuple[Any, bytes]:
    key = secrets.token_bytes(32)
    return open_database(path, key=key, role="replica", create=True), key


@pytest.fixture
def history(relay, client, team, sim_api) -> dict[str, Any]:
    """Jonas's conversation with everything a conversation can hold; Aylin's beside it."""
    agent = team.headers("agent")
    conversation_id, wamid = customer_writes(sim_api, relay, "jonas",
                                             f"Mein Code ist {MARKER}, bitte merken")
    photo = sim_api.post("/customers/jonas/say", json={
        "type": "image", "mime_type": "image/jpeg", "caption": f"Foto {MARKER}",
        "data": base64.b64encode(b"\xff\xd8\xff\xe0 JPEG " + MARKER.encode() * 20).decode(),
    }).json()["message"]["id"]
    other, _ = customer_writes(sim_api, relay, "aylin", "Ich bleibe hier")
    sent = client.post("/api/v1/messages", headers=agent, json={
        "client_id": "c-" + uuid.uuid4().hex, "conversation_id": conversation_id,
        "type": "text", "text": {"body": f"Notiert: {MARKER}"}})
    assert sent.json()["state"] == "accepted", sent.text
    client.post("/api/v1/messages", headers=agent, json={
        "client_id": "c-" + uuid.uuid4().hex, "conversation_id": conversation_id,
        "type": "reaction", "reaction": {"message_id": wamid, "emoji": "👍"}})
    client.post(f"/api/v1/conversations/{conversation_id}/notes", headers=agent,
                json={"text": f"Kunde nennt {MARKER}"})
    label = client.post("/api/v1/labels", headers=team.headers("admin"),
                        json={"name": "Stammkunde", "colour": "#00AA00"}).json()["id"]
    client.post(f"/api/v1/labels/{label}/apply", headers=agent, json={"wamid": wamid})
    client.post(f"/api/v1/conversations/{conversation_id}/assign", headers=agent,
                json={"assignee_id": team.person_ids["agent"]})
    consent = client.post(f"/api/v1/contacts/wa_id:{JONAS_WA_ID}/consents", headers=agent, json={
        "purpose": "marketing_templates", "state": "given", "source": "whatsapp_message",
        "evidence": f"schrieb {MARKER}", "notice_version": "2024-05"})
    assert consent.status_code == 201, consent.text
    wait_for(lambda: any(e.kind == "media.stored" and e.payload["wamid"] == photo
                         for e in all_events(relay)))
    wait_for(lambda: relay_read(relay, lambda c: c.execute(
        "SELECT count(*) FROM messages WHERE direction = 'out' AND status = 'read'"
    ).fetchone()[0]) == 1)
    contact_id = relay_read(relay, lambda c: conversations.get_conversation(
        c, conversation_id).contact_id)
    return {"conversation_id": conversation_id, "contact_id": contact_id, "wamid": wamid,
            "photo": photo, "other": other}


def test_an_owner_exports_everything_about_one_contact(relay, client, team, history):
    url = f"/api/v1/contacts/{history['contact_id']}/export"
    for role in ("agent", "admin"):
        assert client.get(url, headers=team.headers(role)).status_code == 403
    answer = client.get(url, headers=team.headers("owner"))
    assert answer.status_code == 200
    assert answer.headers["content-disposition"].startswith("attachment; filename=")
    document = answer.json()
    assert document["format"] == "wadesk.contact-export"
    assert document["contact"]["wa_id"] == JONAS_WA_ID
    assert document["exported_by"] == "owner-1"
    [conversation] = document["conversations"]
    texts = [m["text"] for m in conversation["messages"]]
    assert f"Mein Code ist {MARKER}, bitte merken" in texts and f"Notiert: {MARKER}" in texts
    first = next(m for m in conversation["messages"] if m["wamid"] == history["wamid"])
    assert first["labels"] == ["Stammkunde"]
    assert first["reactions"][0]["emoji"] == "👍" and first["raw"]["type"] == "text"
    reply = next(m for m in conversation["messages"] if m["direction"] == "out")
    assert reply["status"] == "read" and reply["delivered_at"] is not None
    assert [n["text"] for n in conversation["notes"]] == [f"Kunde nennt {MARKER}"]
    assert document["consents"][0]["evidence"] == f"schrieb {MARKER}"
    [media] = document["media"]
    assert media["wamid"] == history["photo"] and media["stored"] and media["mime"] == "image/jpeg"
    assert "media_key" not in json.dumps(document) and "Aylin" not in json.dumps(document)

    audit = relay_read(relay, lambda c: people.read_audit(c))
    exported = [e for e in audit if e.action == "contact.exported"]
    assert exported[0].target == f"contact:{history['contact_id']}"
    assert exported[0].person_name == "owner-1" and MARKER not in json.dumps(exported[0].details)
    assert client.get("/api/v1/contacts/wa_id:4915100000000/export",
                      headers=team.headers("owner")).status_code == 404


def test_erasure_leaves_no_trace_on_the_relay_or_any_desktop(
        relay, client, team, history, relay_config, sim, post_webhook, tmp_path):
    online, online_key = new_replica(tmp_path / "online.db")
    cursor = sync(online, relay, 0)
    assert online.execute("SELECT count(*) FROM messages WHERE text LIKE ?",
                          (f"%{MARKER}%",)).fetchone()[0] == 3
    url = f"/api/v1/contacts/wa_id:{JONAS_WA_ID}/erase"
    assert client.post(url, headers=team.headers("admin"), json={"confirm": "erase"}
                       ).status_code == 403
    unconfirmed = client.post(url, headers=team.headers("owner"), json={})
    assert unconfirmed.status_code == 400 and unconfirmed.json()["error"]["code"] == "confirm_erase"
    latest_before = relay.ctx.latest_seq
    needles = [MARKER.encode(), JONAS_WA_ID.encode(), JONAS_BSUID.encode()]
    # The check can see them before (decrypting every page of the file and the WAL).
    assert decrypted_hits(relay_config.database, relay_config.db_key, needles) == [
        n.decode() for n in needles]
    assert decrypted_hits(tmp_path / "online.db", online_key, needles[:1]) == [MARKER]

    answer = client.post(url, headers=team.headers("owner"), json={"confirm": "erase"})
    assert answer.status_code == 200, answer.text
    summary = answer.json()
    assert summary["contact_id"] == history["contact_id"] and summary["messages"] == 3
    assert summary["media_files"] == 1 and summary["consent_proofs_kept"] == 1
    assert summary["events_scrubbed"] >= 10 and summary["wal_truncated"] is True

    # The relay: nothing of Jonas, Aylin untouched, the log keeps its numbers.
    log = all_events(relay)
    assert [e.seq for e in log] == list(range(1, relay.ctx.latest_seq + 1))
    assert summary["erasure_seq"] == latest_before + 1
    raw_log = json.dumps([e.payload for e in log])
    for trace in (MARKER, JONAS_WA_ID, JONAS_BSUID, history["wamid"], "Jonas"):
        assert trace not in raw_log, trace
    assert relay_read(relay, lambda c: find_contact(c, wa_id=JONAS_WA_ID)) is None
    assert relay_read(relay, lambda c: conversations.get_conversation(c, history["other"]))
    assert list(relay_config.media_dir.glob("*.wdm")) == []
    assert relay_read(relay, lambda c: c.execute(
        "SELECT count(*) FROM relay_sends").fetchone()[0]) == 0
    assert decrypted_hits(relay_config.database, relay_config.db_key, needles) == []
    proofs = relay_read(relay, lambda c: consents.proofs_matching(c, JONAS_WA_ID, None))
    assert [(p.purpose, p.state, p.evidence) for p in proofs] == [
        ("marketing_templates", "given", None)]
    audit = relay_read(relay, lambda c: people.read_audit(c))
    erased = next(e for e in audit if e.action == "contact.erased")
    assert erased.person_name == "owner-1" and erased.details["messages"] == 3
    assert "message:erased" in [e.target for e in audit]  # the label put on a message
    assert not [e for e in audit if history["wamid"] in json.dumps([e.target, e.details])]
    # Meta delivering the old webhook again does not bring the message back.
    again = post_webhook(text_message(history["wamid"], f"Mein Code ist {MARKER}",
                                      wa_id=JONAS_WA_ID, phone_number_id=sim.phone_number_id))
    assert again.status_code == 200
    assert relay_read(relay, lambda c: find_contact(c, wa_id=JONAS_WA_ID)) is None

    # The desktop that was online applies the erasure and loses the data.
    sync(online, relay, cursor)
    checkpoint(online, truncate=True)
    assert find_contact(online, wa_id=JONAS_WA_ID) is None
    assert online.execute("SELECT count(*) FROM conversations").fetchone()[0] == 1
    assert decrypted_hits(tmp_path / "online.db", online_key, needles) == []
    online.close()

    # A desktop that syncs from 0 afterwards never sees any of it.
    late, late_key = new_replica(tmp_path / "late.db")
    sync(late, relay, 0)
    checkpoint(late, truncate=True)
    assert find_contact(late, wa_id=JONAS_WA_ID) is None
    assert late.execute("SELECT count(*) FROM conversations").fetchone()[0] == 1
    assert [(p.purpose, p.state) for p in consents.proofs_matching(late, JONAS_WA_ID, None)] == [
        ("marketing_templates", "given")]
    assert decrypted_hits(tmp_path / "late.db", late_key, needles) == []
    late.close()


def test_erasing_twice_is_404(relay, client, team, history):
    url = f"/api/v1/contacts/{history['contact_id']}/erase"
    owner = team.headers("owner")
    assert client.post(url, headers=owner, json={"confirm": "erase"}).status_code == 200
    again = client.post(url, headers=owner, json={"confirm": "erase"})
    assert again.status_code == 404 and again.json()["error"]["code"] == "contact_not_found"
    assert relay_read(relay, lambda c: get_contact(c, history["contact_id"])) is None
    with httpx.Client(base_url=relay.base_url) as http:  # the relay still serves
        assert http.get("/healthz").status_code == 200
