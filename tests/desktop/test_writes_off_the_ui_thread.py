"""The user's writes run on the sync worker's database thread (its own writer
connection to the same encrypted file), and the window repaints when they report back."""

import os
import threading

import pytest
from PySide6.QtCore import Qt

from wadesk.desktop.main_window import MainWindow
from wadesk.desktop.models.chat_model import ChatModel
from wadesk.desktop.sync.db_thread import DbThread
from wadesk.store import conversations, labels, media_files, messages, outbox
from wadesk.store.connection import open_database

from .conftest import Inbox

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
    yield conn, db
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
    assert "Angebot.pdf cannot be read" in shown[0]
    assert outbox.list_outbox(inbox.conn) == []


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
