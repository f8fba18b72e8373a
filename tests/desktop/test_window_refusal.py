"""When WhatsApp refuses a send for the closed 24-hour window (131047), the conversation
stays closed, whatever the clock says and whatever else changes, until the customer
writes again; the failed bubble offers a template, not "Try again"."""

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from wadesk.desktop.actions import OutgoingActions
from wadesk.desktop.dialogs.template_dialog import TemplateDialog
from wadesk.desktop.media_cache import MediaCache
from wadesk.desktop.views.chat_page import ChatPage
from wadesk.store import labels, outbox, statuses
from wadesk.store.desktop_reads import conversation_summary

JONAS = "491701234567"
# A top-level page that grows with its strips: the offscreen platform cannot pass that on.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def page(english, qtbot, inbox, team):
    widget = ChatPage(inbox.conn, team, MediaCache(inbox.conn, inbox.media_dir))
    widget.resize(900, 700)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def show(page, inbox, conversation):
    summary = conversation_summary(inbox.conn, conversation)
    page.open(summary, labels.conversation_labels(inbox.conn, conversation))


def refresh(page, inbox, conversation):
    """What the main window does on any change of the conversation (a label, a status)."""
    page.update_header(conversation_summary(inbox.conn, conversation), labels.conversation_labels(inbox.conn, conversation))


def failed_for_the_window(inbox, actions, conversation, text="Sind Sie noch da?"):
    sent = actions.send_text(conversation, text)
    client_id = outbox.list_outbox(inbox.conn)[-1].client_id
    outbox.mark_sent(inbox.conn, client_id)
    statuses.apply_status(inbox.conn, status="failed", ts=inbox.now, client_id=client_id, error_code=131047,
                          error_reason="Re-engagement message")
    return sent.message_id


def test_a_refusal_closes_the_window_until_the_customer_writes_again(page, inbox):
    # By this PC's clock the window is open: the customer wrote a minute ago.
    inbox.incoming(JONAS, "Hallo", ts=inbox.now - 60)
    conversation = inbox.conversation_id(JONAS)
    show(page, inbox, conversation)
    assert page.header.window_open and page.composer.edit.isVisible()

    page.window_refused(conversation_summary(inbox.conn, conversation))  # WhatsApp knows better
    assert not page.header.window_open and not page.composer.edit.isVisible()
    assert page.header.window_label.text() == "● Closed by WhatsApp: only a template can be sent"
    refresh(page, inbox, conversation)  # a later change does not reopen it
    assert not page.header.window_open and not page.composer.edit.isVisible()
    assert "Open for" not in page.header.window_label.text()

    inbox.incoming(JONAS, "Ja, bin da", ts=inbox.now)  # the customer writes: a new window
    refresh(page, inbox, conversation)
    assert page.header.window_open and page.composer.edit.isVisible()
    assert page.header.window_label.text().startswith("● Open for")


def test_a_failed_bubble_keeps_the_window_closed_after_a_restart(page, inbox):
    inbox.incoming(JONAS, "Hallo", ts=inbox.now - 60)
    conversation = inbox.conversation_id(JONAS)
    actions = OutgoingActions(inbox.conn, inbox.media_dir, "me", now=lambda: inbox.now)
    failed_for_the_window(inbox, actions, conversation)
    show(page, inbox, conversation)  # a fresh page: no memory but the failed bubble
    assert not page.header.window_open and not page.composer.edit.isVisible()


def test_a_window_refusal_offers_a_template_not_try_again(page, inbox):
    inbox.incoming(JONAS, "Hallo", ts=inbox.now - 60)
    conversation = inbox.conversation_id(JONAS)
    actions = OutgoingActions(inbox.conn, inbox.media_dir, "me", now=lambda: inbox.now)
    refused = failed_for_the_window(inbox, actions, conversation)
    other = actions.send_text(conversation, "Hallo?")
    client_id = outbox.list_outbox(inbox.conn)[-1].client_id
    outbox.mark_sent(inbox.conn, client_id)
    statuses.apply_status(inbox.conn, status="failed", ts=inbox.now, client_id=client_id, error_reason="x")
    show(page, inbox, conversation)
    model = page.model

    def menu_texts(message_id):
        item = model.item(model.row_of_key(f"m{message_id}"))
        return [a.text() for a in page.view.menu_for(item).actions()], item

    texts, item = menu_texts(refused)
    assert "Send a template" in texts and "Try again" not in texts
    assert "send a template" in page.delegate.tooltip(item, type("Hit", (), {"kind": "status"})())
    assert actions.retry(refused) is None  # sending it again would fail the same way
    texts, _item = menu_texts(other.message_id)
    assert "Try again" in texts and "Send a template" not in texts

    shown: list[str] = []

    def close_template_dialog():
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, TemplateDialog) and w.isVisible()),
                      None)
        if dialog is None:
            QTimer.singleShot(10, close_template_dialog)
            return
        shown.append(dialog.windowTitle())
        dialog.reject()

    QTimer.singleShot(0, close_template_dialog)
    page.delegate.template_activated.emit(refused)  # the status icon clicked: the templates open
    assert len(shown) == 1
