import os

import pytest

from wadesk.store import desktop_reads, labels
from wadesk.store.connection import open_database
from wadesk.store.contacts import ContactInfo
from wadesk.store.conversations import list_conversations
from wadesk.store.ingest import IncomingMessage, apply_incoming_message

PN = "1065"


@pytest.fixture
def conn(tmp_path):
    conn = open_database(tmp_path / "r.db", key=os.urandom(32), create=True)
    yield conn
    conn.close()


def _message(conn, wa_id, text, ts, wamid, name=None):
    return apply_incoming_message(conn, IncomingMessage(wamid, PN, ContactInfo(wa_id=wa_id, profile_name=name),
                                                        "text", ts, text))


def test_one_summary_equals_the_row_of_the_list(conn):
    a = _message(conn, "491701", "Hallo", 100, "w1", "Jonas")
    _message(conn, "491702", "Moin", 200, "w2", "Aylin")
    listed = {s.conversation.id: s for s in list_conversations(conn)}
    assert desktop_reads.conversation_summary(conn, a.conversation_id) == listed[a.conversation_id]
    assert desktop_reads.conversation_summary(conn, 999) is None


def test_summaries_by_ids_are_newest_first(conn):
    a = _message(conn, "491701", "Hallo", 100, "w1")
    b = _message(conn, "491702", "Moin", 200, "w2")
    rows = desktop_reads.conversation_summaries(conn, [a.conversation_id, b.conversation_id, 12345])
    assert [s.conversation.id for s in rows] == [b.conversation_id, a.conversation_id]
    assert desktop_reads.conversation_summaries(conn, []) == []


def test_conversations_of_contacts(conn):
    a = _message(conn, "491701", "Hallo", 100, "w1")
    _message(conn, "491702", "Moin", 200, "w2")
    summary = desktop_reads.conversation_summary(conn, a.conversation_id)
    rows = desktop_reads.conversations_of_contacts(conn, [summary.contact.id])
    assert [s.conversation.id for s in rows] == [a.conversation_id]


def test_labels_for_a_page_of_conversations(conn):
    a = _message(conn, "491701", "Hallo", 100, "w1")
    b = _message(conn, "491702", "Moin", 200, "w2")
    repair = labels.upsert_label(conn, "Reparatur", "#d4815a")
    urgent = labels.upsert_label(conn, "Dringend", "#e5534b")
    labels.set_conversation_label(conn, a.conversation_id, repair.id)
    labels.set_conversation_label(conn, a.conversation_id, urgent.id)
    found = desktop_reads.labels_for_conversations(conn, [a.conversation_id, b.conversation_id])
    assert [label.name for label in found[a.conversation_id]] == ["Dringend", "Reparatur"]
    assert b.conversation_id not in found


def test_messages_by_wamids_for_quoted_replies(conn):
    _message(conn, "491701", "Hallo", 100, "w1")
    _message(conn, "491701", "Noch da?", 110, "w2")
    found = desktop_reads.messages_by_wamids(conn, ["w2", "missing"])
    assert list(found) == ["w2"] and found["w2"].text == "Noch da?"
    assert desktop_reads.messages_by_wamids(conn, []) == {}


def test_input_is_bound_not_spliced(conn):
    _message(conn, "491701", "Hallo", 100, "w1")
    assert desktop_reads.messages_by_wamids(conn, ["w1' OR '1'='1", '"]']) == {}
