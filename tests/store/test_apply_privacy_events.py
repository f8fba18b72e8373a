"""Automations, consents and erasure as events: applied twice they change nothing more,
and a store that saw a contact and one that never did end with the same proof."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

import pytest

from wadesk.store import automations, consents, contact_erasure, notes
from wadesk.store.apply_events import HANDLERS, apply_event
from wadesk.store.connection import checkpoint, open_database
from wadesk.store.contacts import find_contact
from wadesk.store.conversations import list_conversations
from wadesk.store.ingest import apply_messages
from wadesk.store.media_files import save_media
from wadesk.store.search import search_messages

from .factories import PHONE, contact, image, incoming, indexed_terms
from .sqlcipher_pages import database_pages, wal_pages

MARKER = "Zebrastreifenkuchen4711"
SETTINGS = {
    "greeting": {"enabled": True, "text": "Moin! Wir melden uns gleich.", "after_days": 14},
    "away": {"enabled": True, "text": "Gerade geschlossen.", "when": "outside_hours"},
    "business_hours": {"time_zone": "Europe/Berlin",
                       "days": {"mon": [["09:00", "18:00"]], "sat": [["10:00", "14:00"]]}},
    "updated_at": 1_700_000_500, "updated_by": "3",
}


def consent_payload(consent_id: int, wa_id: str, state: str = "given",
                    **changes: Any) -> dict[str, Any]:
    payload = {"consent_id": consent_id, "contact": {"wa_id": wa_id, "user_id": None},
               "purpose": "marketing_templates", "state": state, "at": 1_700_000_000 + consent_id,
               "source": "whatsapp_message", "evidence": "Ja, gerne!",
               "notice_version": "2024-05", "recorded_by": "2", "recorded_by_name": "Mia",
               "recorded_at": 1_700_000_100 + consent_id}
    payload.update(changes)
    return payload


def apply(conn: Any, kind: str, payload: dict[str, Any], times: int = 1) -> None:
    for _ in range(times):
        conn.execute("BEGIN")
        apply_event(conn, kind, payload)
        conn.execute("COMMIT")


@pytest.fixture
def replica(tmp_path: Path) -> Any:
    conn = open_database(tmp_path / "other.db", key=secrets.token_bytes(32), role="replica",
                         create=True)
    yield conn
    conn.close()


def test_the_kinds_are_registered():
    for kind in ("automations.saved", "consent.recorded", "contact.erased", "erased"):
        assert kind in HANDLERS, kind


def test_automation_settings_replace_the_defaults(conn):
    assert automations.get_settings(conn) == automations.DEFAULTS
    apply(conn, "automations.saved", SETTINGS, times=2)
    stored = automations.get_settings(conn)
    assert stored.greeting_enabled and stored.greeting_text == "Moin! Wir melden uns gleich."
    assert stored.away_when == "outside_hours" and stored.time_zone == "Europe/Berlin"
    assert stored.hours == ((0, 540, 1080), (5, 600, 840))
    assert stored.updated_at == 1_700_000_500 and stored.updated_by == "3"
    apply(conn, "automations.saved", {**SETTINGS, "business_hours": {
        "time_zone": "Europe/Vienna", "days": {}}, "updated_at": 1_700_000_600})
    assert automations.get_settings(conn).hours == ()  # the whole week is replaced


def test_consents_are_history_and_survive_a_contact_merge(conn):
    number = contact(1).wa_id
    apply(conn, "consent.recorded", consent_payload(1, number), times=2)
    apply(conn, "consent.recorded", consent_payload(2, number, "withdrawn", notice_version=None))
    # The customer is later known by BSUID too: the number's records stay theirs.
    apply_messages(conn, [incoming("hallo", n=1)])
    apply_messages(conn, [incoming("wieder da", n=1, contact=contact(1, user_id="DE.42"))])
    found = find_contact(conn, user_id="DE.42")
    records = consents.consents_of(conn, found.wa_id, found.user_id)
    assert [(r.id, r.state) for r in records] == [(2, "withdrawn"), (1, "given")]
    assert consents.current_choices(records)["marketing_templates"].state == "withdrawn"


def erase_event(conn: Any, wa_id: str) -> dict[str, Any]:
    found = find_contact(conn, wa_id=wa_id)
    salt = secrets.token_hex(16)
    return {"subject": contact_erasure.subject_of(found, salt).as_json(),
            "consent_proofs": consents.proofs_of(conn, found.wa_id, found.user_id, salt),
            "ts": 1_700_000_900}


def found_in_file(db_path: Path, key: bytes, needle: bytes) -> bool:
    pages = [*database_pages(db_path, key), *wal_pages(Path(f"{db_path}-wal"), key)]
    return any(needle in page for page in pages)


def test_an_erasure_event_leaves_only_the_proof(db_path: Path, key: bytes, media_dir: Path,
                                               replica):
    conn = open_database(db_path, key=key, create=True)
    number, other = contact(7).wa_id, contact(8).wa_id
    messages = [incoming(f"Meine Adresse: {MARKER} 5", n=7, ts=1_700_000_001),
                image("Ausweis", n=7, ts=1_700_000_002), incoming("bleibt", n=8)]
    for store in (conn, replica):
        apply_messages(store, messages)
        apply(store, "consent.recorded", consent_payload(1, number, evidence=f"Ja {MARKER}"))
        apply(store, "consent.recorded", consent_payload(2, other))
    gone = next(c for c in list_conversations(conn) if c.contact.wa_id == number)
    notes.upsert_note(conn, gone.conversation.id, f"Notiz {MARKER}", note_id=1, ts=1)
    photo = conn.execute("SELECT id FROM messages WHERE type = 'image'").fetchone()[0]
    save_media(conn, photo, b"JPEG" + MARKER.encode(), media_dir)
    conn.execute("INSERT INTO early_events(wamid, kind, payload) VALUES ('wamid.later', 'status',"
                 " ?)", (f'{{"recipient_id": "{number}", "status": "read"}}',))
    event = erase_event(conn, number)
    checkpoint(conn, truncate=True)
    assert found_in_file(db_path, key, MARKER.encode())  # the check does see it before

    apply(conn, "contact.erased", event, times=2)
    apply(replica, "contact.erased", event)
    checkpoint(conn, truncate=True)

    for store in (conn, replica):
        assert find_contact(store, wa_id=number) is None
        assert find_contact(store, wa_id=other) is not None
        assert search_messages(store, MARKER) == [] and MARKER.lower() not in indexed_terms(store)
        assert store.execute("SELECT count(*) FROM early_events").fetchone()[0] == 0
        assert consents.consents_of(store, number, None) == []
        proof = consents.proofs_matching(store, number, None)
        assert [(p.id, p.state, p.notice_version, p.evidence) for p in proof] == \
            [(1, "given", "2024-05", None)]
        assert len(consents.consents_of(store, other, None)) == 1  # someone else's stays
    assert not found_in_file(db_path, key, MARKER.encode())
    assert not found_in_file(db_path, key, number.encode())
    # The file's key went with its row: what is left on disk cannot be read by anyone.
    keys = conn.execute("SELECT count(*) FROM messages WHERE media_key IS NOT NULL").fetchone()
    assert keys[0] == 0
    conn.close()


def test_a_store_that_never_had_the_contact_gets_the_same_proof(conn, replica):
    apply_messages(conn, [incoming("Hallo", n=3)])
    apply(conn, "consent.recorded", consent_payload(5, contact(3).wa_id))
    event = erase_event(conn, contact(3).wa_id)
    apply(conn, "contact.erased", event)
    apply(replica, "contact.erased", event)  # e.g. a new desktop replaying a scrubbed log
    proofs = [consents.proofs_matching(s, contact(3).wa_id, None) for s in (conn, replica)]
    assert proofs[0] == proofs[1] and len(proofs[0]) == 1
    assert consents.proofs_matching(conn, contact(4).wa_id, None) == []
    apply(replica, "erased", {"erasure_seq": 9})  # a tombstone changes nothing
    assert PHONE  # the factories' business number; nothing else is left to check
