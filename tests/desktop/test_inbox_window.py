import pytest
from PySide6.QtCore import QCoreApplication, Qt

from wadesk.desktop import i18n
from wadesk.desktop.main_window import MainWindow
from wadesk.desktop.models.chat_model import ChatModel
from wadesk.desktop.models.conversation_list_model import ConversationListModel as M
from wadesk.store import conversations, labels, outbox

JONAS, AYLIN, JAMES = "491701234567", "4915123456789", "14155550132"


@pytest.fixture
def window(english, qtbot, inbox, team):
    inbox.incoming(JONAS, "Mein Hinterrad eiert", name="Jonas Müller", ts=inbox.now - 300, wamid="wamid.J1")
    inbox.incoming(AYLIN, "Der Akku hält nicht mehr", name="Aylin Yıldız", ts=inbox.now - 200)
    inbox.incoming(AYLIN, "Ist das ein Garantiefall?", ts=inbox.now - 190)
    inbox.incoming(JAMES, "Do you rent e-bikes?", name="James Carter", ts=inbox.now - 100)
    conversations.mark_read(inbox.conn, inbox.conversation_id(JAMES))
    win = MainWindow("Radhaus Berlin", "+49 30 1234567")
    win.attach_store(inbox.conn, inbox.media_dir, team)
    win.resize(1200, 780)
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitActive(win)
    return win


def list_names(win):
    model = win.list_model
    return [model.data(model.index(r, 0), M.NameRole) for r in range(model.rowCount())]


def click_row(qtbot, win, row):
    view = win.sidebar.list_view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(win.list_model.index(row, 0)).center())


def test_the_list_shows_the_store_with_unread_badges(window):
    assert window.sidebar.list_view.isVisible() and not window.sidebar.empty_hint.isVisible()
    assert list_names(window) == ["James Carter", "Aylin Yıldız", "Jonas Müller"]
    model = window.list_model
    assert [model.data(model.index(r, 0), M.UnreadRole) for r in range(3)] == [0, 2, 1]
    assert window.welcome.isVisible()


def test_opening_a_conversation_marks_it_read_and_says_so(window, qtbot, inbox):
    aylin = inbox.conversation_id(AYLIN)
    with qtbot.waitSignal(window.conversation_opened) as blocker:
        click_row(qtbot, window, 1)
    assert blocker.args == [aylin]
    assert conversations.get_conversation(inbox.conn, aylin).unread_count == 0
    assert window.list_model.data(window.list_model.index(1, 0), M.UnreadRole) == 0
    page = window.chat_page
    assert page.isVisible() and page.header.name.text() == "Aylin Yıldız"
    assert [page.model.item(r).text for r in range(page.model.rowCount())] == [
        "Der Akku hält nicht mehr", "Ist das ein Garantiefall?"]


def test_alt_up_and_down_walk_through_the_conversations(window, qtbot):
    click_row(qtbot, window, 0)
    qtbot.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.chat_page.header.name.text() == "Aylin Yıldız"
    qtbot.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.chat_page.header.name.text() == "Jonas Müller"
    qtbot.keyClick(window, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.chat_page.header.name.text() == "Aylin Yıldız"


def test_a_reply_appears_at_once_as_pending_and_waits_in_the_outbox(window, qtbot, inbox):
    jonas = inbox.conversation_id(JONAS)
    window.open_conversation(jonas)
    edit = window.chat_page.composer.edit
    edit.setFocus()
    qtbot.keyClicks(edit, "Klar, bring es morgen vorbei!")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    model = window.chat_page.model
    last = model.index(model.rowCount() - 1, 0)
    assert model.data(last, Qt.ItemDataRole.DisplayRole) == "Klar, bring es morgen vorbei!"
    assert model.data(last, ChatModel.StatusRole) == "pending"
    assert [item.payload["message"]["text"]["body"] for item in outbox.list_outbox(inbox.conn)] == [
        "Klar, bring es morgen vorbei!"]
    assert list_names(window)[0] == "Jonas Müller"  # moved to the top by the new activity
    assert window.list_model.data(window.list_model.index(0, 0), M.PreviewStatusRole) == "pending"
    assert "1 message waiting" in window.connection_text.text()


def test_reply_from_the_context_menu_and_escape(window, qtbot, inbox):
    window.open_conversation(inbox.conversation_id(JONAS))
    page = window.chat_page
    menu = page.view.menu_for(page.model.item(0))
    next(a for a in menu.actions() if a.text() == "Reply").trigger()
    assert page.composer.reply_bar.isVisible() and page.composer.reply_wamid == "wamid.J1"
    assert page.composer.reply_bar.title.text() == "Jonas Müller"
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not page.composer.reply_bar.isVisible()


def test_filters_labels_and_search(window, qtbot, inbox):
    unread = next(b for b in window.sidebar.filters.buttons() if b.property("filter_key") == "unread")
    qtbot.mouseClick(unread, Qt.MouseButton.LeftButton)
    assert list_names(window) == ["Aylin Yıldız", "Jonas Müller"]
    repair = labels.upsert_label(inbox.conn, "Reparatur", "#d4815a")
    labels.set_conversation_label(inbox.conn, inbox.conversation_id(JONAS), repair.id)
    window.on_labels_changed()
    assert window.sidebar.label_chip.isVisibleTo(window.sidebar)
    window.sidebar.choose_label(repair)
    assert list_names(window) == ["Jonas Müller"]
    everything = next(b for b in window.sidebar.filters.buttons() if b.property("filter_key") == "all")
    qtbot.mouseClick(everything, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.sidebar.search_changed):
        window.sidebar.search.insert("garantie")
    assert list_names(window) == ["Aylin Yıldız"]
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: len(list_names(window)) == 3)


def test_events_from_the_sync_worker_update_the_open_chat(window, inbox):
    jonas = inbox.conversation_id(JONAS)
    window.open_conversation(jonas)
    new = inbox.incoming(JONAS, "Bis morgen!", ts=inbox.now)
    window.on_message_changed(new.message_id, jonas)
    model = window.chat_page.model
    assert model.item(model.rowCount() - 1).text == "Bis morgen!"
    assert list_names(window)[0] == "Jonas Müller"


def test_german_texts_of_the_inbox(qtbot, inbox, team):
    app = QCoreApplication.instance()
    installed = i18n.install_translators(app, "de")
    try:
        inbox.incoming(JONAS, "Hallo", name="Jonas Müller", ts=inbox.now - 90_000)
        win = MainWindow("Radhaus", "")
        win.attach_store(inbox.conn, inbox.media_dir, team)
        qtbot.addWidget(win)
        win.open_conversation(inbox.conversation_id(JONAS))
        page = win.chat_page
        assert page.header.window_label.text() == "● Geschlossen: nur eine Vorlage kann gesendet werden"
        assert page.header.assignee.text() == "Nicht zugewiesen"
        assert page.composer.closed_template.text() == "Vorlage wählen"
    finally:
        for translator in installed:
            app.removeTranslator(translator)


def test_a_new_message_in_the_open_chat_is_read_at_once_and_drafts_stay(window, qtbot, inbox):
    jonas, aylin = inbox.conversation_id(JONAS), inbox.conversation_id(AYLIN)
    window.open_conversation(jonas)
    window.chat_page.composer.edit.insertPlainText("Halb geschrieben …")
    new = inbox.incoming(JONAS, "Noch da?", ts=inbox.now)
    with qtbot.waitSignal(window.conversation_read) as blocker:
        window.on_message_changed(new.message_id, jonas)
    assert blocker.args == [jonas]
    assert conversations.get_conversation(inbox.conn, jonas).unread_count == 0
    window.open_conversation(aylin)
    assert window.chat_page.composer.edit.toPlainText() == ""
    window.open_conversation(jonas)
    assert window.chat_page.composer.edit.toPlainText() == "Halb geschrieben …"


def test_the_theme_can_change_while_running(window, qapp, inbox):
    from wadesk.desktop import theme

    window.open_conversation(inbox.conversation_id(JONAS))
    theme.apply_theme(qapp, "dark")
    window.theme_changed()
    assert not window.grab().isNull()
    theme.apply_theme(qapp, "light")
    window.theme_changed()


def test_labels_are_set_from_the_header_and_queued_for_the_team(window, qtbot, inbox):
    repair = labels.upsert_label(inbox.conn, "Reparatur", "#d4815a")
    window.on_labels_changed()
    jonas = inbox.conversation_id(JONAS)
    window.open_conversation(jonas)
    header = window.chat_page.header
    assert header.label_button.isVisible()
    menu = header.label_button.menu()
    menu.aboutToShow.emit()
    with qtbot.waitSignal(window.outbox_changed):
        menu.actions()[0].setChecked(True)
    assert [label.name for label in labels.conversation_labels(inbox.conn, jonas)] == ["Reparatur"]
    assert "Reparatur" in header.labels.text()
    assert outbox.list_outbox(inbox.conn)[-1].payload == {
        "v": 1, "op": "label", "conversation_id": jonas, "phone_number_id": "106540352242922",
        "to": {"wa_id": JONAS, "user_id": None}, "agent_id": "me", "label_id": repair.id, "present": True}


def test_reacting_from_the_context_menu(window, inbox):
    window.open_conversation(inbox.conversation_id(JONAS))
    page = window.chat_page
    menu = page.view.menu_for(page.model.item(0))
    react = next(a for a in menu.actions() if a.text() == "React").menu()
    next(a for a in react.actions() if a.text().endswith("Thanks")).trigger()
    item = page.model.item(0)
    assert [(r.reactor, r.emoji) for r in item.reactions] == [("business", "🙏")]
    spoken = page.model.data(page.model.index(0, 0), Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("Jonas Müller, ") and "Mein Hinterrad eiert" in spoken and "🙏" in spoken
    assert outbox.list_outbox(inbox.conn)[-1].payload["message"] == {
        "type": "reaction", "reaction": {"message_id": "wamid.J1", "emoji": "🙏"}}
