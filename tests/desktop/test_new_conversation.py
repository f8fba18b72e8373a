"""Ctrl+N: the number dialog, and what the window does with a number (open its
conversation, or queue a first template by number)."""

from __future__ import annotations

import pytest

from wadesk.cloud.templates import MessageTemplate
from wadesk.desktop.dialogs.new_conversation_dialog import NewConversationDialog
from wadesk.desktop.main_window import MainWindow
from wadesk.sim.template_data import DEFAULT_TEMPLATES
from wadesk.store import messages, outbox

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

JONAS = "491701234567"


@pytest.fixture
def window(english, qtbot, inbox, team):
    inbox.incoming(JONAS, "Hallo", name="Jonas Müller")
    win = MainWindow("Radhaus Berlin", "+49 30 1234567")
    win.attach_store(inbox.conn, inbox.media_dir, team)
    qtbot.addWidget(win)
    win.show()
    return win


def approved() -> list[MessageTemplate]:
    return [MessageTemplate.from_payload(t) for t in DEFAULT_TEMPLATES if t["status"] == "APPROVED"]


def test_the_dialog_understands_german_numbers_and_refuses_what_is_none(english, qtbot):
    dialog = NewConversationDialog("49")
    qtbot.addWidget(dialog)
    chosen = []
    dialog.number_chosen.connect(chosen.append)
    dialog.show()
    qtbot.keyClicks(dialog.number, "0151 2345 6789")
    assert dialog.understood.text() == "+49 151 23456789"
    dialog.number.setText("+49 151")
    assert dialog.understood.text() == ""
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.error.text() == "This number is too short for a mobile or landline number."
    assert dialog.number.text() == "+49 151"  # nothing typed is lost
    dialog.number.setText("Jonas")
    dialog.ok_button.click()
    assert "only digits" in dialog.error.text() and chosen == []
    dialog.number.setText("0049 (0)151-2345 6789")
    assert not dialog.error.isVisible()  # typing again clears the old complaint
    dialog.ok_button.click()
    assert chosen == ["4915123456789"] and not dialog.isVisible()


def test_a_known_number_opens_its_conversation(window, inbox):
    window.new_conversations.start(JONAS)
    assert window.open_conversation_id == inbox.conversation_id(JONAS)
    assert window.new_conversations.picker is None and outbox.list_outbox(inbox.conn) == []


def test_a_new_number_gets_a_first_template_queued_by_number(window, inbox, qtbot):
    window.set_templates(approved())
    window.new_conversations.start("4915123456789")
    picker = window.new_conversations.picker
    assert picker is not None and picker.isVisible() and "+49 151 23456789" in picker.windowTitle()
    names = [picker.list.item(r).text() for r in range(picker.list.count())]
    assert names and all(any(t.name.replace("_", " ") in n for t in approved()) for n in names)
    row = next(r for r, n in enumerate(names) if n.startswith("hello world"))
    picker.list.setCurrentRow(row)
    with qtbot.waitSignal(window.outbox_changed):
        picker.send_button.click()
    [queued] = outbox.list_outbox(inbox.conn)
    payload = queued.payload
    assert payload["conversation_id"] is None and payload["op"] == "send"
    assert payload["to"] == {"wa_id": "4915123456789", "user_id": None}
    assert payload["phone_number_id"] == "106540352242922"  # the business number in use here
    assert payload["message"]["type"] == "template"
    assert payload["message"]["template"]["name"] == "hello_world"
    assert messages.get_message_by_client_id(inbox.conn, queued.client_id) is None  # no echo: no conversation yet
    assert "+49 151 23456789" in window.statusBar().currentMessage()


def test_without_templates_the_window_says_why_and_asks_for_them(window, qtbot):
    with qtbot.waitSignal(window.new_conversations.templates_wanted):
        window.new_conversations.start("4915123456789")
    assert window.new_conversations.picker is None
    assert window.new_conversations.notice.isVisible() and "approved" in window.new_conversations.notice.text()


def test_the_sidebar_button_and_ctrl_n_ask_for_a_number(window, qtbot):
    from PySide6.QtCore import Qt

    assert window.sidebar.new_button.accessibleName() == "New conversation"
    qtbot.mouseClick(window.sidebar.new_button, Qt.MouseButton.LeftButton)
    dialog = window.new_conversations.dialog
    assert isinstance(dialog, NewConversationDialog) and dialog.isVisible()
    dialog.reject()
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.new_conversations.dialog is not dialog and window.new_conversations.dialog.isVisible()


def test_a_number_the_send_refuses_is_explained_in_the_users_language(window, inbox, qtbot):
    from .pseudo_translation import pseudo_translated

    window.set_templates(approved())
    source = "“%1” is not a phone number WhatsApp can reach: type it with the country code, 8 to 15 digits in all."
    with pseudo_translated("Actions") as tr:
        window.new_conversations.start("4915")  # too short for WhatsApp (the dialog lets none such through)
        picker = window.new_conversations.picker
        picker.list.setCurrentRow(next(r for r in range(picker.list.count())
                                       if picker.list.item(r).text().startswith("hello world")))
        picker.send_button.click()
        notice = window.new_conversations.notice
        assert notice is not None and notice.isVisible()
        assert notice.text() == tr("Actions", source).replace("%1", "4915")
    assert outbox.list_outbox(inbox.conn) == []
