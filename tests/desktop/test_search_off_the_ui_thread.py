"""The search box's queries run on a reader thread with its own connection; the list
applies only the answer to the newest question and never waits for one."""

from __future__ import annotations

import threading

import pytest
import sqlcipher3
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt

from tests.desktop.conftest import PN
from tests.desktop.search_reader import (  # noqa: F401  (the fixtures open_reader, store)
    open_reader_fixture,
    replica_key_fixture,
    store_fixture,
)
from tests.desktop.test_erasure import erasure_event
from wadesk.desktop.models.conversation_list_model import ConversationListModel as M
from wadesk.desktop.sync.event_apply import apply_page
from wadesk.store.contacts import ContactInfo
from wadesk.store.ingest import IncomingMessage, apply_messages

JONAS, AYLIN = "491701234567", "4915123456789"
BOTH = ["Aylin Yıldız", "Jonas Müller"]
MARKER = "Schraubenzieherkuchen"


def names(model: M) -> list[str]:
    return [model.data(model.index(row, 0), M.NameRole) for row in range(model.rowCount())]


def shown_results(model: M) -> list[tuple[str, list[str]]]:
    """Every list the model resets to: (the search it shows, its names)."""
    shown: list[tuple[str, list[str]]] = []
    model.modelReset.connect(lambda: shown.append((model.search_text, names(model))))
    return shown


def answers_sent(model: M) -> threading.Event:
    """Set when the reader has sent an answer (before the UI thread has seen it)."""
    sent = threading.Event()
    model.search_thread.answered.connect(lambda _answer: sent.set(), Qt.ConnectionType.DirectConnection)
    return sent


def settled(model: M) -> bool:
    return not model.search_pending


@pytest.fixture
def model(inbox, team, open_reader):
    inbox.incoming(JONAS, f"Mein Hinterrad eiert, Code {MARKER}", name="Jonas Müller", ts=inbox.now - 30)
    inbox.incoming(AYLIN, "Der Akku hält nur noch 20 km", name="Aylin Yıldız", ts=inbox.now - 20)
    made = M(inbox.conn, team, open_reader=open_reader)
    yield made
    made.close()


def test_the_search_runs_on_the_reader_and_the_list_stays_meanwhile(model, open_reader, qtbot, qtmodeltester):
    assert names(model) == BOTH
    with qtbot.waitSignal(model.search_pending_changed) as pending:
        model.set_search("akku")
    assert pending.args == [True]
    # Asked, not answered: the inbox stays on screen and nothing was read here.
    assert model.search_pending and model.search_text == "" and names(model) == BOTH
    qtbot.waitUntil(lambda: settled(model), timeout=5_000)
    assert model.search_text == "akku" and names(model) == ["Aylin Yıldız"]
    assert model.data(model.index(0, 0), M.PreviewRole) == "Der Akku hält nur noch 20 km"

    model.set_search("mul")  # a name, by prefix
    qtbot.waitUntil(lambda: settled(model), timeout=5_000)
    assert names(model) == ["Jonas Müller"] and model.data(model.index(0, 0), M.MatchMessageIdRole) is None
    # One connection, opened on the reader thread and kept for the next question.
    assert open_reader.threads == ["wadesk-search"]
    qtmodeltester.check(model)


def test_typing_fast_shows_only_the_newest_answer(model, open_reader, qtbot):
    shown = shown_results(model)
    sent: list[str] = []
    model.search_thread.answered.connect(lambda answer: sent.append(answer.question.text),
                                         Qt.ConnectionType.DirectConnection)
    open_reader.gate.clear()  # the reader takes the first question, then waits for its connection
    model.set_search("j")
    qtbot.waitUntil(lambda: open_reader.threads != [], timeout=5_000)
    for text in ("jo", "ay", "akku"):  # typed on meanwhile
        model.set_search(text)
    open_reader.gate.set()
    qtbot.waitUntil(lambda: settled(model), timeout=5_000)
    assert shown == [("akku", ["Aylin Yıldız"])]
    # "jo" and "ay" were replaced before they ran; "j" ran, but its answer was not even sent.
    assert sent == ["akku"]


def test_an_answer_already_sent_to_an_older_question_is_dropped(model, qtbot):
    shown = shown_results(model)
    sent = answers_sent(model)
    model.set_search("mul")
    assert sent.wait(10)  # on its way to the UI thread, which has not seen it yet
    model.set_search("akku")
    qtbot.waitUntil(lambda: settled(model), timeout=5_000)
    assert shown == [("akku", ["Aylin Yıldız"])]


def test_clearing_returns_to_the_inbox_at_once_and_a_late_answer_stays_away(model, qtbot):
    model.set_search("akku")
    qtbot.waitUntil(lambda: settled(model), timeout=5_000)
    assert names(model) == ["Aylin Yıldız"]

    sent = answers_sent(model)
    model.set_search("mul")
    assert sent.wait(10)
    model.set_search("")
    # At once, without waiting for anything.
    assert names(model) == BOTH and model.search_text == "" and not model.search_pending
    QCoreApplication.processEvents()  # the answer to "mul" arrives now
    assert names(model) == BOTH and model.search_text == ""


def test_further_pages_of_hits_come_from_the_reader_too(inbox, team, open_reader, qtbot):
    apply_messages(inbox.conn, [
        IncomingMessage(f"w{i}", PN, ContactInfo(wa_id=f"4917{i:08d}", profile_name=f"Kunde {i:03d}"), "text",
                        inbox.now - 1000 + i, f"Die Speiche {i} ist gebrochen") for i in range(120)])
    model = M(inbox.conn, team, open_reader=open_reader)
    try:
        model.set_search("speiche")
        qtbot.waitUntil(lambda: settled(model), timeout=5_000)
        assert model.rowCount() == 50 and model.canFetchMore(QModelIndex())
        model.fetchMore(QModelIndex())
        # Asked: nothing more is asked for until it comes, and the list is as it was.
        assert model.search_pending and not model.canFetchMore(QModelIndex()) and model.rowCount() == 50
        qtbot.waitUntil(lambda: settled(model), timeout=5_000)
        assert model.rowCount() == 100
        model.fetchMore(QModelIndex())
        qtbot.waitUntil(lambda: settled(model), timeout=5_000)
        assert not model.canFetchMore(QModelIndex())
        # Newest hit first, each conversation once.
        assert names(model) == [f"Kunde {i:03d}" for i in reversed(range(120))]
        assert model.data(model.index(119, 0), M.PreviewRole) == "Die Speiche 0 ist gebrochen"
    finally:
        model.close()


def test_live_updates_while_an_answer_is_on_its_way_and_after(model, inbox, qtbot):
    aylin = inbox.conversation_id(AYLIN)
    sent = answers_sent(model)
    model.set_search("akku")
    assert sent.wait(10)  # read before the next message came
    inbox.incoming(AYLIN, "Und das Licht flackert", ts=inbox.now - 10)
    model.refresh_conversation(aylin)  # what the sync's report does
    qtbot.waitUntil(lambda: settled(model), timeout=5_000)
    first = model.index(0, 0)
    assert names(model) == ["Aylin Yıldız"] and model.data(first, M.UnreadRole) == 2
    assert model.data(first, M.PreviewRole) == "Der Akku hält nur noch 20 km"  # still the hit

    inbox.incoming(AYLIN, "Hallo?", ts=inbox.now - 5)
    model.refresh_conversation(aylin)
    assert model.data(model.index(0, 0), M.UnreadRole) == 3


def test_an_erasure_while_an_answer_is_on_its_way_never_shows_the_customer(model, inbox, open_reader, qtbot):
    shown = shown_results(model)
    sent = answers_sent(model)
    model.set_search(MARKER)
    assert sent.wait(10)  # the answer with Jonas in it is on its way
    changes = apply_page(inbox.conn, [erasure_event(inbox.conn, JONAS)], "me")
    assert changes.erased
    for conversation_id in changes.erased:  # what the window does with the sync's report
        model.refresh_conversation(conversation_id)
    assert model.search_pending  # asked again
    qtbot.waitUntil(lambda: settled(model), timeout=5_000)
    assert shown == [(MARKER, [])]
    # The reader's connection that read Jonas was closed; a new one answered.
    assert len(open_reader.opened) == 2
    with pytest.raises(sqlcipher3.ProgrammingError):
        open_reader.opened[0].execute("SELECT 1")


def test_an_erased_customer_shown_as_a_hit_leaves_the_results(model, inbox, qtbot):
    model.set_search("hinterrad")
    qtbot.waitUntil(lambda: settled(model), timeout=5_000)
    assert names(model) == ["Jonas Müller"]
    changes = apply_page(inbox.conn, [erasure_event(inbox.conn, JONAS)], "me")
    for conversation_id in changes.erased:
        model.refresh_conversation(conversation_id)
    assert model.rowCount() == 0 and not model.search_pending


def test_the_reader_stops_and_closes_its_connection_with_the_model(model, open_reader, qtbot):
    model.set_search("akku")
    qtbot.waitUntil(lambda: settled(model), timeout=5_000)
    reader = model.search_thread
    assert reader.running
    model.close()
    assert not reader.running
    with pytest.raises(sqlcipher3.ProgrammingError):
        open_reader.opened[0].execute("SELECT 1")
    # Searched again (the window shown again): a new reader starts.
    model.set_search("mul")
    qtbot.waitUntil(lambda: settled(model), timeout=5_000)
    assert names(model) == ["Jonas Müller"] and len(open_reader.opened) == 2


def test_a_search_the_store_cannot_answer_shows_no_results_and_says_so(model, open_reader, qtbot):
    open_reader.path = open_reader.path.with_name("gone.db")  # the reader cannot open its store
    with qtbot.waitSignal(model.search_failed):
        model.set_search("akku")
    qtbot.waitUntil(lambda: settled(model), timeout=5_000)
    assert model.search_text == "akku" and model.rowCount() == 0 and not model.canFetchMore(QModelIndex())
    open_reader.path = open_reader.path.with_name("replica.db")
    model.set_search("akku")  # the next question opens afresh
    qtbot.waitUntil(lambda: settled(model), timeout=5_000)
    assert names(model) == ["Aylin Yıldız"]
