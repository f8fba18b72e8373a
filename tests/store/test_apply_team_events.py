"""The team's event handlers: applying an event twice changes nothing more, and events
about things a replica does not know yet do not fail."""

from __future__ import annotations

import secrets
from typing import Any

import pytest

from wadesk.store import conversations, labels, notes, quick_replies
from wadesk.store.apply_events import HANDLERS, apply_event
from wadesk.store.connection import open_database
from wadesk.store.messages import get_message_by_client_id

CONV = {"id": 7, "phone_number_id": "106540352242922", "wa_id": "491701234567", "user_id": None}


@pytest.fixture
def replica(tmp_path):
    conn = open_database(tmp_path / "replica.db", key=secrets.token_bytes(32), role="replica",
                         create=True)
    yield conn
    conn.close()


def apply_twice(conn: Any, kind: str, payload: dict[str, Any]) -> None:
    for _ in range(2):
        conn.execute("BEGIN")
        apply_event(conn, kind, payload)
        conn.execute("COMMIT")


def test_every_team_kind_is_registered():
    for kind in ("conversation.assigned", "conversation.read", "label.created", "label.updated",
                 "label.deleted", "label.set", "label.unset", "note.added", "note.deleted",
                 "quick_reply.saved", "quick_reply.deleted", "send.queued", "send.accepted",
                 "send.failed", "send.retrying", "send.unknown", "cloud.state", "person.saved"):
        assert kind in HANDLERS, kind


def test_team_events_are_idempotent(replica):
    apply_twice(replica, "label.created", {"label_id": 3, "name": "Eilig", "colour": "#FF0000"})
    apply_twice(replica, "conversation.assigned", {"conversation": CONV, "assignee_id": "2",
                                                   "assignee_name": "Ben", "ts": 100})
    [summary] = conversations.list_conversations(replica)
    conversation_id = summary.conversation.id
    assert summary.conversation.assignee_id == "2" and summary.contact.wa_id == "491701234567"
    apply_twice(replica, "label.set", {"label_id": 3, "conversation": CONV, "message": None})
    assert [l.id for l in labels.conversation_labels(replica, conversation_id)] == [3]
    apply_twice(replica, "note.added", {"note_id": 5, "conversation": CONV, "author_id": "2",
                                        "author_name": "Ben", "text": "Ruft an", "ts": 100})
    assert [(n.id, n.text, n.created_at) for n in notes.notes_for(replica, conversation_id)] == [
        (5, "Ruft an", 100)]
    apply_twice(replica, "quick_reply.saved", {"quick_reply_id": 4, "shortcut": "hi",
                                               "text": "Hallo!"})
    assert [(q.id, q.text) for q in quick_replies.list_quick_replies(replica)] == [(4, "Hallo!")]
    apply_twice(replica, "label.unset", {"label_id": 3, "conversation": CONV, "message": None})
    apply_twice(replica, "label.deleted", {"label_id": 3})
    apply_twice(replica, "note.deleted", {"note_id": 5})
    apply_twice(replica, "quick_reply.deleted", {"quick_reply_id": 4})
    assert labels.list_labels(replica) == [] and notes.notes_for(replica, conversation_id) == []
    # A link to a label deleted meanwhile is ignored, not an error.
    apply_twice(replica, "label.set", {"label_id": 3, "conversation": CONV, "message": None})


def test_a_send_from_echo_to_failure(replica):
    queued = {"client_id": "c-1", "conversation": CONV, "phone_number_id": CONV["phone_number_id"],
              "contact": {"wa_id": CONV["wa_id"], "user_id": None, "profile_name": "Jonas",
                          "username": None},
              "type": "text", "ts": 200, "text": "Fertig!", "reply_to_wamid": None, "media": None,
              "agent_id": "2", "target_wamid": None, "emoji": None,
              "content": {"body": "Fertig!", "preview_url": False}}
    apply_twice(replica, "send.queued", queued)
    echo = get_message_by_client_id(replica, "c-1")
    assert (echo.status, echo.direction, echo.text, echo.agent_id) == ("pending", "out", "Fertig!", "2")
    apply_twice(replica, "send.accepted", {"client_id": "c-1", "wamid": "wamid.X", "ts": 201,
                                           "type": "text", "agent_id": "2",
                                           "target_wamid": None, "emoji": None})
    assert get_message_by_client_id(replica, "c-1").wamid == "wamid.X"
    apply_twice(replica, "send.failed", {"client_id": "c-1", "error_code": 131026,
                                         "reason": "Cannot deliver.", "ts": 202, "type": "text"})
    failed = get_message_by_client_id(replica, "c-1")
    assert (failed.status, failed.error_code, failed.error_reason) == ("failed", 131026,
                                                                       "Cannot deliver.")


def test_events_for_unknown_things_do_nothing(replica):
    apply_twice(replica, "send.accepted", {"client_id": "nope", "wamid": "wamid.Y", "ts": 1,
                                           "type": "text"})
    apply_twice(replica, "label.set", {"label_id": 1, "conversation": None,
                                       "message": {"wamid": "wamid.none", "client_id": None}})
    apply_twice(replica, "send.accepted", {"client_id": "r-1", "wamid": "wamid.R", "ts": 1,
                                           "type": "reaction", "target_wamid": "wamid.none",
                                           "emoji": "👍", "agent_id": "2"})


def test_replicas_get_the_relays_times_not_their_clocks(tmp_path):
    import time

    events = [("label.created", {"label_id": 1, "name": "Rad", "colour": "#112233",
                                 "created_at": 1_700_000_000}),
              ("quick_reply.saved", {"quick_reply_id": 1, "shortcut": "hi", "text": "Hallo",
                                     "created_at": 1_700_000_000, "updated_at": 1_700_000_500})]
    dumps = []
    for name in ("a.db", "b.db"):
        if dumps:
            time.sleep(1.1)  # the second replica applies a second later
        conn = open_database(tmp_path / name, key=secrets.token_bytes(32), role="replica",
                             create=True)
        for kind, payload in events:
            apply_event(conn, kind, payload)
        dumps.append((conn.execute("SELECT * FROM labels").fetchall(),
                      conn.execute("SELECT * FROM quick_replies").fetchall()))
        conn.close()
    assert dumps[0] == dumps[1]
    assert dumps[0][1][0][3:] == (1_700_000_000, 1_700_000_500)
