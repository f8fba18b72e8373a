"""Edits and revocations keep the search index exact."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from wadesk.store.edits import apply_edit, apply_revoke
from wadesk.store.ingest import apply_incoming_message
from wadesk.store.media_files import save_media
from wadesk.store.messages import get_message, get_raw_json
from wadesk.store.search import search_messages

from .factories import assert_search_index_consistent, image, incoming, indexed_terms


def test_edit_replaces_the_text_and_what_search_finds(conn: Any) -> None:
    message_id = apply_incoming_message(conn, incoming("Treffen um acht", wamid="wamid.e")).message_id
    assert apply_edit(conn, "wamid.e", "Treffen um neun", ts=50, raw_json='{"edited": true}')
    m = get_message(conn, message_id)
    assert (m.text, m.edited_at) == ("Treffen um neun", 50)
    assert get_raw_json(conn, message_id) == '{"edited": true}'
    assert search_messages(conn, "neun") and not search_messages(conn, "acht")
    assert "acht" not in indexed_terms(conn)
    assert_search_index_consistent(conn)


def test_of_two_edits_the_newer_wins(conn: Any) -> None:
    message_id = apply_incoming_message(conn, incoming("v1", wamid="wamid.e")).message_id
    apply_edit(conn, "wamid.e", "v3", ts=30)
    assert not apply_edit(conn, "wamid.e", "v2", ts=20)
    assert get_message(conn, message_id).text == "v3"
    assert not apply_edit(conn, "wamid.unknown", "x", ts=1)


def test_revoke_drops_the_content(conn: Any, media_dir: Path) -> None:
    message_id = apply_incoming_message(
        conn, image("geheimes Foto", wamid="wamid.r", raw_json='{"caption": "geheimes Foto"}')
    ).message_id
    name = save_media(conn, message_id, b"\xff\xd8 jpeg bytes", media_dir)
    assert apply_revoke(conn, "wamid.r", ts=70, media_dir=media_dir)
    m = get_message(conn, message_id)
    assert (m.text, m.revoked_at, m.media_file, m.type) == (None, 70, None, "image")
    assert get_raw_json(conn, message_id) is None
    assert not (media_dir / name).exists()
    assert not search_messages(conn, "geheimes")
    assert "geheimes" not in indexed_terms(conn)
    assert not apply_edit(conn, "wamid.r", "doch wieder da", ts=80)
    assert apply_revoke(conn, "wamid.r", ts=90)  # repeated: keeps the first time
    assert get_message(conn, message_id).revoked_at == 70
    assert not apply_revoke(conn, "wamid.none", ts=1)
    assert_search_index_consistent(conn)
