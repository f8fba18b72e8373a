"""Deleting a message and erasing a contact take everything with them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from wadesk.store import labels, notes, outbox
from wadesk.store.conversations import get_conversation, list_conversations
from wadesk.store.deletion import delete_message, erase_contact
from wadesk.store.ingest import add_local_echo, apply_incoming_message, apply_messages
from wadesk.store.media_files import save_media
from wadesk.store.messages import get_message, page_messages
from wadesk.store.reactions import reactions_for, set_reaction
from wadesk.store.search import search_messages

from .factories import assert_search_index_consistent, image, incoming, indexed_terms


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
