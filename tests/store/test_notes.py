from __future__ import annotations

from typing import Any

from wadesk.store.ingest import apply_incoming_message
from wadesk.store.notes import delete_note, notes_for, upsert_note

from .factories import incoming


def test_notes_thread(conn: Any) -> None:
    conversation_id = apply_incoming_message(conn, incoming()).conversation_id
    first = upsert_note(conn, conversation_id, "Kunde wartet auf Rückruf", author_id="p1", ts=10)
    upsert_note(conn, conversation_id, "Erledigt", author_id="p2", ts=20)
    assert [n.text for n in notes_for(conn, conversation_id)] == ["Kunde wartet auf Rückruf", "Erledigt"]
    edited = upsert_note(conn, conversation_id, "Rückruf morgen", note_id=first.id, ts=30)
    assert (edited.id, edited.created_at, edited.updated_at, edited.author_id) == (first.id, 10, 30, "p1")
    assert delete_note(conn, first.id)
    assert [n.text for n in notes_for(conn, conversation_id)] == ["Erledigt"]
    assert not delete_note(conn, first.id)
