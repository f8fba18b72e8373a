from __future__ import annotations

from typing import Any

import pytest

from wadesk.store import labels
from wadesk.store.ingest import apply_incoming_message

from .factories import incoming


def test_labels_on_conversations_and_messages(conn: Any) -> None:
    result = apply_incoming_message(conn, incoming())
    vip = labels.upsert_label(conn, "VIP", "#d4af37")
    paid = labels.upsert_label(conn, "Bezahlt", "#00aa00")
    assert [label.name for label in labels.list_labels(conn)] == ["Bezahlt", "VIP"]
    assert labels.set_conversation_label(conn, result.conversation_id, vip.id)
    assert not labels.set_conversation_label(conn, result.conversation_id, vip.id)  # already
    assert labels.set_message_label(conn, result.message_id, paid.id)
    assert labels.conversation_labels(conn, result.conversation_id) == [vip]
    assert labels.message_labels(conn, result.message_id) == [paid]
    assert labels.set_message_label(conn, result.message_id, paid.id, present=False)
    assert labels.message_labels(conn, result.message_id) == []
    assert labels.delete_label(conn, vip.id)
    assert labels.conversation_labels(conn, result.conversation_id) == []


def test_synced_labels_keep_the_relays_id(conn: Any) -> None:
    label = labels.upsert_label(conn, "Rückruf", "#ff8800", label_id=42)
    assert label.id == 42
    renamed = labels.upsert_label(conn, "Rückruf heute", "#ff0000", label_id=42)
    assert (renamed.id, renamed.name, renamed.colour) == (42, "Rückruf heute", "#ff0000")
    assert len(labels.list_labels(conn)) == 1


def test_names_are_unique_and_needed(conn: Any) -> None:
    labels.upsert_label(conn, "VIP", "#fff")
    with pytest.raises(Exception):
        labels.upsert_label(conn, "vip", "#000")
    with pytest.raises(ValueError):
        labels.upsert_label(conn, "  ", "#000")
