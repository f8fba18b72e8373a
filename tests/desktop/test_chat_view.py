import pytest
from PySide6.QtCore import QDate, QDateTime, QPoint, Qt, QTime

from tests.desktop.conftest import PN, chat_with_history
from wadesk.desktop.models.chat_model import ChatModel
from wadesk.desktop.views.chat_delegate import ChatDelegate
from wadesk.desktop.views.chat_view import ChatView
from wadesk.store.contacts import ContactInfo
from wadesk.store.ingest import IncomingMessage, apply_messages

JONAS = "491701234567"


@pytest.fixture
def view(english, qtbot, inbox, team):
    return chat_with_history(qtbot, inbox, team, JONAS)


def first_visible(chat):
    index = chat.indexAt(QPoint(chat.viewport().width() // 2, 1))
    return chat.model().item(index.row()).key, chat.visualRect(index).top()


def test_opens_at_the_newest_message(view):
    model = view.chat_model()
    last = view.visualRect(model.index(model.rowCount() - 1, 0))
    assert 0 < last.bottom() <= view.viewport().height()


def test_sticks_to_the_bottom_when_a_message_arrives_there(view, qtbot, inbox):
    new = inbox.incoming(JONAS, "Noch eine Frage!", ts=inbox.now)
    view.chat_model().refresh_message(new.message_id)
    bar = view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() == bar.maximum())
    assert view.at_bottom and not view.new_messages.isVisible()


def test_offers_new_messages_when_reading_further_up(view, qtbot, inbox):
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() - 900)
    qtbot.wait(20)
    key, top = first_visible(view)
    new = inbox.incoming(JONAS, "Hallo?", ts=inbox.now)
    view.chat_model().refresh_message(new.message_id)
    qtbot.waitUntil(view.new_messages.isVisible)
    qtbot.wait(50)
    assert first_visible(view) == (key, top)  # the reading position stays
    qtbot.mouseClick(view.new_messages, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.value() == bar.maximum())
    assert not view.new_messages.isVisible()


def test_older_history_loads_near_the_top_without_moving_what_is_read(view, qtbot):
    model = view.chat_model()
    assert model.rowCount() == 50
    bar = view.verticalScrollBar()
    bar.setValue(700)  # near the top, not yet within reach of the next page
    qtbot.wait(20)
    key, top = first_visible(view)
    bar.setValue(100)
    qtbot.waitUntil(lambda: model.rowCount() >= 100)
    qtbot.wait(50)
    row = model.row_of_key(key)
    # The row read before is exactly where it was, shifted by the scroll we did ourselves.
    assert view.visualRect(model.index(row, 0)).top() == top + 600




def test_the_day_floats_at_the_top_once_its_separator_scrolled_away(english, qtbot, inbox, team):
    other = "4915123456789"
    midnight = QDateTime(QDate.currentDate(), QTime(0, 0)).toSecsSinceEpoch()
    for start in (midnight - 86_400 + 36_000, midnight + 60):  # yesterday 10:00, today 00:01
        for i in range(20):
            inbox.incoming(other, f"Nachricht {i}", ts=start + 60 * i)
    model = ChatModel(inbox.conn, team)
    chat = ChatView(ChatDelegate())
    chat.setModel(model)
    chat.resize(700, 400)
    qtbot.addWidget(chat)
    chat.show()
    model.open(inbox.conversation_id(other), "Aylin")
    assert not model.can_load_older
    today = next(r for r in range(1, model.rowCount()) if model.item(r).day_header)
    chat.scrollTo(model.index(today + 5, 0), chat.ScrollHint.PositionAtTop)
    qtbot.wait(20)
    assert chat.sticky_day() == "Today"
    chat.scrollTo(model.index(today, 0), chat.ScrollHint.PositionAtTop)
    qtbot.wait(20)
    assert chat.sticky_day() == ""  # the day's own separator is in view
    chat.scrollTo(model.index(today - 3, 0), chat.ScrollHint.PositionAtTop)
    qtbot.wait(20)
    assert chat.sticky_day() == "Yesterday"


def test_a_page_of_history_costs_one_relayout_not_one_per_row(english, qtbot, inbox, team):
    apply_messages(inbox.conn, [
        IncomingMessage(f"x{i:05d}", PN, ContactInfo(wa_id=JONAS), "text", inbox.now - 10_000 + 10 * i, f"Text {i}")
        for i in range(200)
    ])
    layouts = []

    class CountingView(ChatView):
        def doItemsLayout(self):
            layouts.append(1)
            super().doItemsLayout()

    model = ChatModel(inbox.conn, team)
    chat = CountingView(ChatDelegate())
    chat.setModel(model)
    chat.resize(700, 500)
    qtbot.addWidget(chat)
    chat.show()
    model.open(inbox.conversation_id(JONAS), "Jonas")
    qtbot.wait(20)
    layouts.clear()
    model.load_older()
    qtbot.wait(20)
    assert model.rowCount() == 100 and len(layouts) <= 2
