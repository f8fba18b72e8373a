"""Deleting a message and erasing a contact take everything with them; an erasure event
also takes what only this machine has: unsent outbox items and migration backups."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

import pytest

from wadesk.store import consents, labels, migration_backups, migrations, notes, outbox, replica_sync
from wadesk.store._db import transaction
from wadesk.store.apply_events import apply_event
from wadesk.store.apply_privacy_events import erase_contact_event
from wadesk.store.connection import open_database
from wadesk.store.contact_erasure import subject_of
from wadesk.store.contacts import find_contact
from wadesk.store.conversations import get_conversation, list_conversations
from wadesk.store.deletion import delete_message, erase_contact
from wadesk.store.ingest import add_local_echo, apply_incoming_message, apply_messages
from wadesk.store.media_files import save_media
from wadesk.store.messages import get_message, page_messages
from wadesk.store.reactions import reactions_for, set_reaction
from wadesk.store.search import search_messages

from .factories import assert_search_index_consistent, contact, image, incoming, indexed_terms, raw_sqlcipher


def test_delete_a_message_with_all_that_hangs_on_it(conn: Any, media_dir: Path) -> None:
    keep = apply_incoming_message(conn, incoming("bleibt", ts=1))
    gone = apply_incoming_message(conn, image("Pinguinfoto", wamid="wamid.gone", ts=2))
    name = save_media(conn, gone.message_id, b"jpeg", media_dir)
    set_reaction(conn, target_wamid="wamid.gone", reactor="customer", emoji="👍", ts=3)
    vip = labels.upsert_label(conn, "VIP", "#fff")
    labels.set_message_label(conn, gone.message_id, vip.id)
    assert get_conversation(conn, gone.conversation_id).last_message_id == gone.message_id

    assert delete_message(conn, gone.message_id, media_dir)
    assert get_message(conn, gone.message_id) is None
    assert not (media_dir / name).exists()
    assert reactions_for(conn, [gone.message_id]) == {}
    assert conn.execute("SELECT count(*) FROM message_labels").fetchone()[0] == 0
    assert search_messages(conn, "pinguinfoto") == [] and "pinguinfoto" not in indexed_terms(conn)
    assert get_conversation(conn, gone.conversation_id).last_message_id == keep.message_id
    assert not delete_message(conn, gone.message_id, media_dir)
    assert_search_index_consistent(conn)


def test_deleting_an_unsent_message_drops_its_queued_send(conn: Any, media_dir: Path) -> None:
    conversation_id = apply_incoming_message(conn, incoming()).conversation_id
    echo = add_local_echo(conn, conversation_id, client_id="c-5", type="text", text="doch nicht")
    outbox.enqueue(conn, "c-5", {"text": "doch nicht"})
    delete_message(conn, echo.message_id, media_dir)
    assert outbox.list_outbox(conn) == []


def test_erase_a_contact(conn: Any, media_dir: Path) -> None:
    theirs = apply_messages(conn, [
        image("Ausweisfoto", n=1, phone_number_id="111"),
        incoming("Meine Adresse ist Hauptstraße 5", n=1, phone_number_id="111"),
        incoming("zweite Nummer", n=1, phone_number_id="222"),
    ])
    other = apply_incoming_message(conn, incoming("andere Kundin", n=2))
    name = save_media(conn, theirs[0].message_id, b"passport", media_dir)
    notes.upsert_note(conn, theirs[0].conversation_id, "zahlt bar")
    echo = add_local_echo(conn, theirs[1].conversation_id, client_id="c-9", type="text", text="Okay")
    outbox.enqueue(conn, "c-9", {"text": "Okay"})
    contact_id = list_conversations(conn)[-1].contact.id

    assert erase_contact(conn, contact_id, media_dir) == 4
    assert [s.conversation.id for s in list_conversations(conn)] == [other.conversation_id]
    assert conn.execute("SELECT count(*) FROM contacts").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM notes").fetchone()[0] == 0
    assert outbox.list_outbox(conn) == [] and get_message(conn, echo.message_id) is None
    assert not (media_dir / name).exists()
    assert search_messages(conn, "hauptstrasse") == search_messages(conn, "ausweisfoto") == []
    assert not {"hauptstraße", "ausweisfoto", "zweite"} & indexed_terms(conn)
    assert page_messages(conn, other.conversation_id)[0].text == "andere Kundin"
    assert_search_index_consistent(conn)


MARKER = "Wendeltreppenhaus3141"


def erasure_of(conn: Any, wa_id: str) -> dict[str, Any]:
    """The relay's `contact.erased` payload for this customer (privacy_api.py)."""
    found = find_contact(conn, wa_id=wa_id)
    salt = secrets.token_hex(16)
    return {"subject": subject_of(found, salt).as_json(),
            "consent_proofs": consents.proofs_of(conn, found.wa_id, found.user_id, salt), "ts": 1}


def migrate_with_backup(db_path: Path, key: bytes, monkeypatch: pytest.MonkeyPatch, role: str = "replica"
                        ) -> tuple[Any, Path]:
    """Reopen the database under one more migration: the connection and its backup."""
    extra = migrations.Migration(migrations.LATEST + 1, "later", migrations.BOTH, ("CREATE TABLE test_later (x)",))
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS + (extra,))
    monkeypatch.setattr(migrations, "LATEST", extra.number)
    conn = open_database(db_path, key=key, role=role)
    (backup,) = migration_backups.backups_of(db_path)
    return conn, backup


def test_an_erasure_event_drops_unsent_items_and_every_backup(
        db_path: Path, key: bytes, media_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    conn = open_database(db_path, key=key, create=True)
    jonas, aylin = contact(7).wa_id, contact(8).wa_id
    apply_messages(conn, [incoming(f"Mein Code: {MARKER}", n=7), image("Ausweis", n=7), incoming("Hallo", n=8)])
    conn.close()
    conn, backup = migrate_with_backup(db_path, key, monkeypatch)
    with_text = raw_sqlcipher(backup, key)
    assert with_text.execute("SELECT count(*) FROM messages WHERE text LIKE ?", (f"%{MARKER}%",)).fetchone() == (1,)
    with_text.close()

    theirs = next(s for s in list_conversations(conn) if s.contact.wa_id == jonas).conversation.id
    others = next(s for s in list_conversations(conn) if s.contact.wa_id == aylin).conversation.id
    photo = conn.execute("SELECT id FROM messages WHERE type = 'image'").fetchone()[0]
    name = save_media(conn, photo, b"JPEG", media_dir)
    echo = add_local_echo(conn, theirs, client_id="c-send", type="image", text="Ihr Beleg")
    replica_sync.remember_upload(conn, "c-send", "media-77")
    outbox.enqueue(conn, "c-send", {"op": "send", "conversation_id": theirs})
    for client_id, op in (("c-note", "note"), ("c-assign", "assign"), ("c-label", "label")):
        outbox.enqueue(conn, client_id, {"op": op, "conversation_id": theirs})
    outbox.enqueue(conn, "c-first", {"op": "send", "conversation_id": None, "to": {"wa_id": jonas, "user_id": None}})
    outbox.enqueue(conn, "c-keep", {"op": "label", "conversation_id": others})
    outbox.enqueue(conn, "c-new", {"op": "send", "conversation_id": None,
                                   "to": {"wa_id": "4915199999999", "user_id": None}})
    outbox.claim_due(conn, limit=1)  # c-send is being shipped right now: it goes as well
    their_messages = {row[0] for row in conn.execute("SELECT id FROM messages WHERE conversation_id = ?",
                                                     (theirs,))}
    payload = erasure_of(conn, jonas)

    with transaction(conn):
        erased = erase_contact_event(conn, payload)

    assert erased.conversation_ids == (theirs,)
    assert set(erased.message_ids) == their_messages and echo.message_id in their_messages
    assert erased.media_files == (name,)  # unlinked by the caller after its commit
    assert erased.unsent_dropped == 4 and erased.backups_deleted == 1  # (c-send went with its message)
    assert [item.client_id for item in outbox.list_outbox(conn)] == ["c-keep", "c-new"]
    assert replica_sync.uploaded_media_id(conn, "c-send") is None
    assert not backup.exists() and migration_backups.backups_of(db_path) == []
    assert [s.conversation.id for s in list_conversations(conn)] == [others]
    assert search_messages(conn, MARKER) == []
    with transaction(conn):  # applied again (a replica re-reading a page): nothing more goes
        assert erase_contact_event(conn, payload).conversation_ids == ()
    assert [item.client_id for item in outbox.list_outbox(conn)] == ["c-keep", "c-new"]
    conn.close()


def test_the_relay_applying_an_erasure_deletes_its_backups_too(
        tmp_path: Path, key: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    db_path = tmp_path / "relay.db"
    conn = open_database(db_path, key=key, role="relay", create=True)
    apply_incoming_message(conn, incoming(f"Mein Code: {MARKER}", n=7))
    conn.close()
    conn, backup = migrate_with_backup(db_path, key, monkeypatch, role="relay")
    payload = erasure_of(conn, contact(7).wa_id)
    with transaction(conn):
        apply_event(conn, "contact.erased", payload)  # what event_write.emit does
    assert not backup.exists()
    assert find_contact(conn, wa_id=contact(7).wa_id) is None
    conn.close()
