"""The user's writes run on the sync worker's database thread (its own writer
connection to the same encrypted file), and the window repaints when they report back.
The UI's own connection writes nothing: its `total_changes` stays where it was."""

import os
import threading

import pytest
from PySide6.QtCore import Qt

from wadesk.cloud.templates import MessageTemplate
from wadesk.desktop.main_window import MainWindow
from wadesk.desktop.models.chat_model import ChatModel
from wadesk.desktop.sync.db_thread import DbThread
from wadesk.sim.template_data import DEFAULT_TEMPLATES
from wadesk.store import conversations, labels, media_files, messages, outbox
from wadesk.store.connection import open_database
from wadesk.store.contacts import ContactInfo
from wadesk.store.ingest import OutgoingMessage, apply_outgoing_message

from .conftest import PN, Inbox

JONAS = "491701234567"


class RecordingDbThread(DbThread):
    """A real DbThread that also remembers on which threads it wrote."""

    def __init__(self, open_connection):
        super().__init__(open_connection)
        self.threads: set[str] = set()

    def _call(self, fn, args):
        self.threads.add(threading.current_thread().name)
        return super()._call(fn, args)


@pytest.fixture
def replica(tmp_path, qapp):
    key, path = os.urandom(32), tmp_path / "replica.db"
    conn = open_database(path, key=key, create=True)
    db = RecordingDbThread(lambda: open_database(path, key=key))
    yield conn, db, path
    db.close()
    for widget in qapp.topLevelWidgets():
        widget.close()
    qapp.processEvents()
    conn.close()


@pytest.fixture
def inbox(replica, tmp_path):
    return Inbox(replica[0], tmp_path / "media")


@pytest.fixture
def window(english, qtbot, inbox, team, replica):
    inbox.incoming(JONAS, "Mein Hinterrad eiert", name="Jonas Müller", wamid="wamid.J1")
    win = MainWindow("Radhaus Berlin", "+49 30 1234567")
    win.attach_store(inbox.conn, inbox.media_dir, team)
    win.use_db_thread(replica[1].submit)
    qtbot.addWidget(win)
    win.show()
    return win


def test_a_sent_text_is_written_on_the_db_thread_and_echoed(window, qtbot, inbox, replica):
    jonas = inbox.conversation_id(JONAS)
    window.open_conversation(jonas)
    qtbot.waitUntil(lambda: conversations.get_conversation(inbox.conn, jonas).unread_count == 0)
    edit = window.chat_page.composer.edit
    edit.setFocus()
    qtbot.keyClicks(edit, "Bring es morgen vorbei")
    with qtbot.waitSignal(window.outbox_changed):
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    model = window.chat_page.model
    last = model.index(model.rowCount() - 1, 0)
    assert model.data(last, Qt.ItemDataRole.DisplayRole) == "Bring es morgen vorbei"
    assert model.data(last, ChatModel.StatusRole) == "pending"
    assert [i.payload["message"]["text"]["body"] for i in outbox.list_outbox(inbox.conn)] == ["Bring es morgen vorbei"]
    assert replica[1].threads == {"wadesk-db_0"}  # never the UI thread


def test_a_file_is_read_and_encrypted_on_the_db_thread(window, qtbot, inbox, tmp_path):
    jonas = inbox.conversation_id(JONAS)
    window.open_conversation(jonas)
    pdf = tmp_path / "Angebot.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
    with qtbot.waitSignal(window.outbox_changed):
        window.chat_page.send_media.emit(jonas, str(pdf), "Ihr Angebot", "")
    shown = window.chat_page.model.item(window.chat_page.model.rowCount() - 1).message
    echo = messages.get_message(inbox.conn, shown.id)
    assert (echo.type, echo.text, echo.status) == ("document", "Ihr Angebot", "pending")
    assert media_files.read_media(inbox.conn, echo.id, inbox.media_dir) == pdf.read_bytes()


def test_a_file_gone_before_it_is_read_is_refused_and_nothing_is_queued(window, qtbot, inbox, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    jonas = inbox.conversation_id(JONAS)
    pdf = tmp_path / "Angebot.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    plan = window.actions.plan_send_media(jonas, pdf)
    pdf.unlink()  # between pressing send and the database thread reading it
    window.writer.write(plan, on_error=window._refuse)
    qtbot.waitUntil(lambda: bool(shown))
    assert shown[0] == "“Angebot.pdf” can no longer be opened (was it moved or deleted?), so it was not sent."
    assert outbox.list_outbox(inbox.conn) == []


def test_a_refusal_is_shown_in_the_users_language(window, qtbot, inbox, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from .pseudo_translation import pseudo_translated

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[1:3]))
    pdf = tmp_path / "Angebot.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    with pseudo_translated("Actions", "MainWindow") as tr:
        plan = window.actions.plan_send_media(inbox.conversation_id(JONAS), pdf)
        pdf.unlink()
        window.writer.write(plan, on_error=window._refuse)
        qtbot.waitUntil(lambda: bool(shown))
    source = "“%1” can no longer be opened (was it moved or deleted?), so it was not sent."
    assert shown == [(tr("MainWindow", "Not sent"), tr("Actions", source).replace("%1", "Angebot.pdf"))]


def test_sends_pressed_just_before_quitting_are_kept(window, inbox, replica):
    jonas = inbox.conversation_id(JONAS)
    for text in ("eins", "zwei", "drei"):
        window.chat_page.send_text.emit(jonas, text, "")
    replica[1].close()  # as SyncWorker.stop does when the app quits: the queue drains first
    assert [i.payload["message"]["text"]["body"] for i in outbox.list_outbox(inbox.conn)] == ["eins", "zwei", "drei"]
    # A write after the thread stopped is not lost either: it goes to the UI's connection.
    window.chat_page.send_text.emit(jonas, "vier", "")
    assert len(outbox.list_outbox(inbox.conn)) == 4


def test_labels_assignment_and_read_marks_are_written_there_too(window, qtbot, inbox, replica):
    repair = labels.upsert_label(inbox.conn, "Reparatur", "#d4815a")
    jonas = inbox.conversation_id(JONAS)
    with qtbot.waitSignal(window.conversation_read):
        window.open_conversation(jonas)
    assert conversations.get_conversation(inbox.conn, jonas).unread_count == 0
    with qtbot.waitSignal(window.outbox_changed):
        window.set_label(jonas, repair.id, True)
    assert "Reparatur" in window.chat_page.header.labels.text()
    with qtbot.waitSignal(window.outbox_changed):
        window.assign(jonas, "tobias")
    assert conversations.get_conversation(inbox.conn, jonas).assignee_id == "tobias"
    assert [i.payload["op"] for i in outbox.list_outbox(inbox.conn)] == ["label", "assign"]
    assert replica[1].threads == {"wadesk-db_0"}


# -- Ctrl+N: the first template to a number -----------------------------------------------

NEW_NUMBER = "4915123456789"


def ctrl_n(window, qtbot, typed: str) -> None:
    """Ctrl+N, the number typed as a person types it, Continue."""
    window.set_templates([MessageTemplate.from_payload(t) for t in DEFAULT_TEMPLATES if t["status"] == "APPROVED"])
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.new_conversations.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.number, typed)
    dialog.ok_button.click()
    assert not dialog.isVisible()


def choose_order_ready(picker) -> None:
    row = next(r for r in range(picker.list.count()) if picker.list.item(r).text() == "order ready  ·  de")
    picker.list.setCurrentRow(row)
    for edit, value in zip(picker._edits.values(), ("Herr Wagner", "R-2001")):
        edit.setText(value)


def test_ctrl_n_to_a_new_number_queues_the_first_template_on_the_db_thread(window, qtbot, inbox, replica):
    ui_writes = inbox.conn.total_changes
    ctrl_n(window, qtbot, "0151 2345 6789")
    picker = window.new_conversations.picker
    assert picker.isVisible() and "+49 151 23456789" in picker.windowTitle()
    choose_order_ready(picker)
    with qtbot.waitSignal(window.outbox_changed):
        picker.send_button.click()
    [queued] = outbox.list_outbox(inbox.conn)
    assert queued.payload["to"] == {"wa_id": NEW_NUMBER, "user_id": None}
    assert queued.payload["conversation_id"] is None
    template = queued.payload["message"]["template"]
    assert template["name"] == "order_ready"
    assert [p["text"] for p in template["components"][0]["parameters"]] == ["Herr Wagner", "R-2001"]
    assert inbox.conn.total_changes == ui_writes  # the UI's connection wrote nothing
    assert replica[1].threads == {"wadesk-db_0"}
    assert "+49 151 23456789" in window.statusBar().currentMessage()
    assert window.open_conversation_id is None  # nothing to open until the relay made the conversation

    # The sync brings the relay's new conversation with the message under its client id: it opens.
    arrived = apply_outgoing_message(inbox.conn, OutgoingMessage(
        PN, ContactInfo(wa_id=NEW_NUMBER), "template", inbox.now, wamid="wamid.NEW",
        client_id=queued.client_id, text="Hallo Herr Wagner, Ihr Auftrag R-2001 ist fertig.", status="sent"))
    window.on_message_changed(arrived.message_id, arrived.conversation_id)
    assert window.open_conversation_id == arrived.conversation_id
    assert window.statusBar().currentMessage() == ""


def test_ctrl_n_to_a_known_number_opens_its_chat_and_queues_nothing(window, qtbot, inbox, replica):
    ui_writes = inbox.conn.total_changes
    with qtbot.waitSignal(window.conversation_read):  # the read mark, written on the db thread
        ctrl_n(window, qtbot, "0170 1234567")
    assert window.open_conversation_id == inbox.conversation_id(JONAS)
    assert window.new_conversations.picker is None
    assert outbox.list_outbox(inbox.conn) == []
    assert inbox.conn.total_changes == ui_writes
    assert replica[1].threads == {"wadesk-db_0"}


def test_a_first_template_that_cannot_be_saved_is_said_plainly_and_offered_again(
        english, qtbot, inbox, team, replica):
    inbox.incoming(JONAS, "Hallo", name="Jonas Müller")
    path = replica[2]
    broken = DbThread(lambda: open_database(path, key=os.urandom(32)))  # its writes all fail: wrong key
    win = MainWindow("Radhaus Berlin", "+49 30 1234567")
    win.attach_store(inbox.conn, inbox.media_dir, team)
    win.use_db_thread(broken.submit)
    qtbot.addWidget(win)
    win.show()
    try:
        ctrl_n(win, qtbot, "+49 151 23456789")
        flow = win.new_conversations
        picker = flow.picker
        choose_order_ready(picker)
        picker.send_button.click()
        qtbot.waitUntil(lambda: flow.notice is not None and flow.notice.isVisible())
        assert flow.notice.text() == "The first message could not be saved, so it was not sent. Please try again."
        assert outbox.list_outbox(inbox.conn) == [] and flow.awaiting is None
        assert "+49 151" not in win.statusBar().currentMessage()
        flow.notice.accept()
        # Nothing the user chose is lost: the picker is back with the template and its values.
        assert picker.isVisible() and picker.list.currentItem().text() == "order ready  ·  de"
        assert list(picker.values().values()) == ["Herr Wagner", "R-2001"]
    finally:
        broken.close()
    win.use_db_thread(replica[1].submit)  # the database works again
    with qtbot.waitSignal(win.outbox_changed):
        picker.send_button.click()
    [queued] = outbox.list_outbox(inbox.conn)
    assert queued.payload["to"]["wa_id"] == NEW_NUMBER and flow.awaiting == queued.client_id
