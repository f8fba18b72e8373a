"""A page of relay events on a replica: applied with the cursor, and what changed said."""

from __future__ import annotations

import os
import time

import pytest

from wadesk.desktop.sync.event_apply import WINDOW_CLOSED_CODE, apply_page
from wadesk.store import conversations, outbox, replica_sync
from wadesk.store.connection import open_database
from wadesk.store.ingest import add_local_echo
from wadesk.store.sync_state import get_sync_cursor

PN = "106540352242922"
JONAS = {"wa_id": "491701234567", "user_id": None, "profile_name": "Jonas Müller", "username": None}
REF = {"id": 41, "phone_number_id": PN, "wa_id": "491701234567", "user_id": None}


@pytest.fixture
def conn(tmp_path):
    connection = open_database(tmp_path / "replica.db", key=os.urandom(32), create=True)
    yield connection
    connection.close()


def event(seq: int, kind: str, payload: dict, at: int | None = None) -> dict:
    return {"seq": seq, "at": int(time.time()) if at is None else at, "kind": kind, "actor_id": None,
            "payload": payload}


def message_in(seq: int, wamid: str, text: str = "Hallo", ts: int | None = None, media=None) -> dict:
    return event(seq, "message.in", {
        "wamid": wamid, "phone_number_id": PN, "contact": JONAS, "type": "image" if media else "text",
        "ts": ts or int(time.time()), "text": text, "reply_to_wamid": None, "media": media, "origin": "cloud",
        "raw": None})


def test_a_page_moves_the_cursor_and_names_what_changed(conn):
    changes = apply_page(conn, [message_in(1, "wamid.A"), message_in(2, "wamid.B", "Noch da?")], "7")
    assert get_sync_cursor(conn) == 2 and changes.cursor == 2
    (conversation_id,) = changes.conversations
    assert set(changes.messages.values()) == {conversation_id}
    assert [(n.name, n.text) for n in changes.incoming] == [("Jonas Müller", "Hallo"), ("Jonas Müller", "Noch da?")]
    assert changes.total_unread == 2


def test_history_catch_up_does_not_notify_and_a_repeat_changes_nothing(conn):
    page = [message_in(1, "wamid.A")]
    assert apply_page(conn, page, "7", notify=False).incoming == []
    again = apply_page(conn, page, "7")
    assert again.incoming == []  # known already: no second notice
    assert conversations.get_conversation(conn, next(iter(again.conversations))).unread_count == 1


def test_team_events_remember_the_relays_conversation_id(conn):
    apply_page(conn, [message_in(1, "wamid.A")], "7")
    local = conversations.list_conversations(conn)[0].conversation.id
    assert replica_sync.relay_conversation_id(conn, local) is None
    changes = apply_page(conn, [event(2, "conversation.assigned", {
        "conversation": REF, "assignee_id": "9", "assignee_name": "Tom", "ts": 1})], "7")
    assert changes.conversations == {local}
    assert replica_sync.relay_conversation_id(conn, local) == 41
    assert conversations.get_conversation(conn, local).assignee_id == "9"


def test_a_colleagues_recent_send_is_activity_and_mine_is_not(conn):
    apply_page(conn, [message_in(1, "wamid.A")], "7")
    queued = lambda seq, agent, client, at=None: event(seq, "send.queued", {  # noqa: E731
        "client_id": client, "conversation": REF, "phone_number_id": PN, "contact": JONAS, "type": "text",
        "ts": int(time.time()), "text": "Hi", "reply_to_wamid": None, "media": None, "agent_id": agent,
        "target_wamid": None, "emoji": None, "content": {"body": "Hi"}}, at)
    changes = apply_page(conn, [queued(2, "9", "c-tom-0001"), queued(3, "7", "c-me-00001"),
                                queued(4, "9", "c-tom-0002", at=int(time.time()) - 3600)], "7")
    assert [(a.person_id, a.kind) for a in changes.activity] == [("9", "answered")]
    assert len(changes.messages) == 3


def test_whatsapps_window_refusal_of_my_send_is_reported(conn):
    apply_page(conn, [message_in(1, "wamid.A")], "7")
    local = conversations.list_conversations(conn)[0].conversation.id
    echo = add_local_echo(conn, local, client_id="wd-00000001", type="text", text="Spät", agent_id="7")
    changes = apply_page(conn, [
        event(2, "send.accepted", {"client_id": "wd-00000001", "wamid": "wamid.OUT", "ts": 5, "type": "text",
                                   "target_wamid": None, "emoji": None, "agent_id": "7"}),
        event(3, "status", {"wamid": "wamid.OUT", "status": "failed", "ts": 6, "client_id": "wd-00000001",
                            "phone_number_id": PN, "recipient_id": "491701234567", "recipient_user_id": None,
                            "error_code": WINDOW_CLOSED_CODE, "error_title": "Re-engagement message",
                            "error_reason": "24 hours", "pricing_category": None})], "7")
    assert [(r.message_id, r.code) for r in changes.refusals] == [(echo.message_id, "window_closed")]


def test_people_notes_labels_and_quick_replies(conn):
    apply_page(conn, [message_in(1, "wamid.A")], "7")
    local = conversations.list_conversations(conn)[0].conversation.id
    changes = apply_page(conn, [
        event(2, "person.saved", {"person_id": 9, "name": "Tom", "role": "agent", "disabled": False}),
        event(3, "note.added", {"note_id": 3, "conversation": REF, "author_id": "9", "author_name": "Tom",
                                "text": "Rad hinten links", "ts": 7}),
        event(4, "label.created", {"label_id": 2, "name": "Reparatur", "colour": "#E67E22"}),
        event(5, "quick_reply.saved", {"quick_reply_id": 1, "shortcut": "zeiten", "text": "Mo–Fr"})], "7")
    assert changes.people == {"9": {"name": "Tom", "role": "agent", "disabled": False}}
    assert replica_sync.load_team(conn)["9"]["name"] == "Tom"
    assert changes.notes == {local} and changes.labels and changes.quick_replies
    assert apply_page(conn, [event(6, "note.deleted", {"note_id": 3})], "7").notes == {local}


def test_incoming_media_is_queued_for_download(conn):
    media = {"media_id": "m1", "mime": "image/jpeg", "size": 10, "filename": None, "sha256": None}
    changes = apply_page(conn, [message_in(1, "wamid.IMG", "Foto", media=media)], "7")
    assert [(wamid, stored) for _id, wamid, stored in changes.media] == [("wamid.IMG", False)]
    assert replica_sync.recent_media_to_fetch(conn) == [(changes.media[0][0], "wamid.IMG")]
    stored = apply_page(conn, [event(2, "media.stored", {"wamid": "wamid.IMG", "media_id": "m1", "mime": "image/jpeg",
                                                          "size": 10, "sha256": None})], "7")
    assert [(wamid, ready) for _id, wamid, ready in stored.media] == [("wamid.IMG", True)]


def test_an_event_this_version_cannot_apply_is_skipped_not_fatal(conn, caplog):
    broken = event(2, "message.in", {"wamid": "wamid.X"})  # no number, no type, no time
    changes = apply_page(conn, [message_in(1, "wamid.A"), broken, message_in(3, "wamid.C")], "7")
    assert changes.cursor == 3 and get_sync_cursor(conn) == 3
    assert len(changes.messages) == 2
    assert "seq=2" in caplog.text and "Hallo" not in caplog.text


def test_the_outbox_waiting_count_leaves_out_failed_items(conn):
    outbox.enqueue(conn, "wd-aaaaaaaa", {"op": "send"})
    outbox.enqueue(conn, "wd-bbbbbbbb", {"op": "send"})
    outbox.mark_failed(conn, "wd-bbbbbbbb", error="refused")
    assert replica_sync.outbox_waiting(conn) == 1
