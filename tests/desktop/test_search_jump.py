"""Choosing a search hit opens its conversation at the message found, highlighted.

The window searches as the app does, on its reader thread (search_thread.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, QRect, Qt

from tests.desktop.conftest import PN
from tests.desktop.search_reader import (  # noqa: F401  (the fixtures open_reader, store)
    open_reader_fixture,
    replica_key_fixture,
    store_fixture,
)
from wadesk.desktop.main_window import MainWindow
from wadesk.desktop.models.conversation_list_model import ConversationListModel as M
from wadesk.store import messages
from wadesk.store.contacts import ContactInfo
from wadesk.store.ingest import IncomingMessage, apply_messages

JONAS, AYLIN = "491701234567", "4915123456789"


@pytest.fixture
def window(english, qtbot, inbox, team, open_reader):
    start = inbox.now - 10 * 400
    history = [IncomingMessage(f"w{i:05d}", PN, ContactInfo(wa_id=JONAS, profile_name="Jonas Müller"), "text",
                               start + 10 * i, "Die Rechnung ist bezahlt" if i == 120 else f"Nachricht {i}")
               for i in range(400)]
    apply_messages(inbox.conn, history)
    inbox.incoming(AYLIN, "Wo ist meine Rechnung?", name="Aylin Yıldız", ts=inbox.now - 5)
    win = MainWindow("Radhaus Berlin", "+49 30 1234567")
    win.attach_store(inbox.conn, inbox.media_dir, team, open_reader=open_reader)
    win.resize(1200, 780)
    qtbot.addWidget(win)
    win.show()
    return win


def search(qtbot, win, text: str) -> None:
    with qtbot.waitSignal(win.sidebar.search_changed):  # typing pauses: the list searches
        win.sidebar.search.setText(text)
    model = win.list_model
    qtbot.waitUntil(lambda: model.search_text == text and not model.search_pending, timeout=5_000)


def choose_row(win, row: int) -> None:
    win.sidebar.list_view.selectionModel().setCurrentIndex(
        win.list_model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)


def visible(view, row: int) -> bool:
    rect = view.visualRect(view.model().index(row, 0))
    return rect.isValid() and QRect(view.viewport().rect()).intersects(rect)


def test_a_hit_opens_the_chat_at_the_message_and_lights_it_up(window, inbox, qtbot):
    search(qtbot, window, "rechnung bezahlt")
    model = window.list_model
    assert model.rowCount() == 1 and model.data(model.index(0, 0), M.PreviewRole) == "Die Rechnung ist bezahlt"
    hit = messages.get_message_by_wamid(inbox.conn, "w00120").id
    assert model.data(model.index(0, 0), M.MatchMessageIdRole) == hit

    choose_row(window, 0)
    page = window.chat_page
    view = page.view
    row = page.model.row_of_key(f"m{hit}")
    assert row >= 0 and page.model.item(row).text == "Die Rechnung ist bezahlt"
    qtbot.waitUntil(lambda: view.highlighted_key == f"m{hit}" and visible(view, row), timeout=5_000)
    assert not view.at_bottom and view.new_messages.isVisible()  # the latest is one click away
    assert view.new_messages.text() == "Latest messages"
    # The light goes out by itself.
    qtbot.waitUntil(lambda: view.highlighted_key is None, timeout=5_000)

    # Scrolling down pages the newer history in, to the end of the chat.
    for _ in range(20):
        if not page.model.can_load_newer:
            break
        rows = page.model.rowCount()
        view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
        qtbot.waitUntil(lambda: page.model.rowCount() > rows, timeout=5_000)
    assert not page.model.can_load_newer
    assert page.model.item(page.model.rowCount() - 1).text == "Nachricht 399"


def test_a_second_hit_in_the_open_chat_and_the_jump_to_the_latest(window, inbox, qtbot):
    search(qtbot, window, "Rechnung")
    rows = {window.list_model.data(window.list_model.index(r, 0), M.NameRole): r
            for r in range(window.list_model.rowCount())}
    choose_row(window, rows["Jonas Müller"])
    page = window.chat_page
    hit = messages.get_message_by_wamid(inbox.conn, "w00120").id
    qtbot.waitUntil(lambda: page.view.highlighted_key == f"m{hit}", timeout=5_000)

    # A hit in the chat already open: it jumps there again (no second chat is opened).
    page.view.highlight(None)
    window.open_conversation(page.conversation_id, hit)
    qtbot.waitUntil(lambda: page.view.highlighted_key == f"m{hit}", timeout=5_000)

    page.view.new_messages.click()
    qtbot.waitUntil(lambda: page.view.at_bottom, timeout=5_000)
    assert not page.model.can_load_newer
    assert page.model.item(page.model.rowCount() - 1).text == "Nachricht 399"

    # A name hit (no message) opens the chat at its end, as usual.
    search(qtbot, window, "Aylin")
    choose_row(window, 0)
    assert page.header.name.text() == "Aylin Yıldız" and page.model.focus_key is None
    assert window.list_model.data(window.list_model.index(0, 0), M.MatchMessageIdRole) is None


def test_esc_returns_to_the_inbox_at_once_with_the_open_chat_marked(window, inbox, qtbot):
    search(qtbot, window, "Rechnung")
    model = window.list_model
    rows = {model.data(model.index(r, 0), M.NameRole): r for r in range(model.rowCount())}
    choose_row(window, rows["Jonas Müller"])
    jonas = window.open_conversation_id
    window.sidebar.search.setFocus()
    qtbot.keyClick(window.sidebar.search, Qt.Key.Key_Escape)
    # No pause and no thread: the inbox is back, the open chat's row is the current one.
    assert window.sidebar.search.text() == "" and model.search_text == "" and not model.search_pending
    assert model.rowCount() == 2
    assert window.sidebar.list_view.currentIndex().row() == model.row_of(jonas)
    assert window.open_conversation_id == jonas


def test_the_search_thread_stops_with_the_window(window, qtbot):
    search(qtbot, window, "Rechnung")
    reader = window.list_model.search_thread
    assert reader is not None and reader.running
    window.close()
    assert not reader.running
