"""A send empties the composer at once, but what was typed (text, attachment, the
message replied to) is kept until the database thread has written it. When the write
fails (here: a writer connection with the wrong SQLCipher key) or the send is refused,
it comes back: into the composer if the user has not typed anything new meanwhile,
else into the warning, where it can be copied. Nothing typed is lost."""

import os

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QImage

from wadesk.desktop.main_window import MainWindow
from wadesk.desktop.sync.db_thread import DbThread
from wadesk.store import media_files, messages, outbox
from wadesk.store.connection import open_database

from .conftest import Inbox
from .pseudo_translation import pseudo_translated

JONAS = "491701234567"
ANNA = "491609876543"
NOT_SAVED = "The message could not be saved on this computer, so it was not sent. Please try again."


@pytest.fixture
def replica(tmp_path, qapp):
    key, path = os.urandom(32), tmp_path / "replica.db"
    conn = open_database(path, key=key, create=True)
    working = DbThread(lambda: open_database(path, key=key))
    broken = DbThread(lambda: open_database(path, key=os.urandom(32)))  # every write fails: wrong key
    yield conn, working, broken
    broken.close()
    working.close()
    for widget in qapp.topLevelWidgets():
        widget.close()
    qapp.processEvents()
    conn.close()


@pytest.fixture
def inbox(replica, tmp_path):
    inbox = Inbox(replica[0], tmp_path / "media")
    inbox.incoming(JONAS, "Kann ich um 9 kommen?", name="Jonas Müller", wamid="wamid.J1")
    inbox.incoming(ANNA, "Ist mein Rad fertig?", name="Anna Schmidt", wamid="wamid.A1")
    return inbox


@pytest.fixture
def window(english, qtbot, inbox, team, replica):
    win = MainWindow("Radhaus Berlin", "+49 30 1234567")
    win.attach_store(inbox.conn, inbox.media_dir, team)
    win.use_db_thread(replica[2].submit)  # the broken one
    qtbot.addWidget(win)
    win.show()
    win.open_conversation(inbox.conversation_id(JONAS))
    return win


def rows(window) -> int:
    return window.chat_page.model.rowCount()


def test_a_text_that_cannot_be_saved_comes_back_with_its_reply_target(window, qtbot, inbox, replica):
    composer = window.chat_page.composer
    before = rows(window)
    window.chat_page.reply_to(f"m{messages.get_message_by_wamid(inbox.conn, 'wamid.J1').id}")
    composer.edit.setFocus()
    qtbot.keyClicks(composer.edit, "Ja, bis morgen um 9")
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    assert composer.edit.toPlainText() == "" and not composer.reply_bar.isVisible()  # sent, as far as the eye goes
    qtbot.waitUntil(composer.warning_bar.isVisible)
    assert (composer.warning_bar.title.text(), composer.warning_bar.text.text()) == ("Not sent", NOT_SAVED)
    assert composer.edit.toPlainText() == "Ja, bis morgen um 9"
    assert composer.reply_wamid == "wamid.J1" and composer.reply_bar.isVisible()
    assert composer.reply_bar.text.text() == "Kann ich um 9 kommen?"
    assert outbox.list_outbox(inbox.conn) == [] and rows(window) == before and composer.pending_sends == 0

    window.use_db_thread(replica[1].submit)  # the database works again: Enter sends it as it was
    with qtbot.waitSignal(window.outbox_changed):
        qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    [queued] = outbox.list_outbox(inbox.conn)
    assert queued.payload["message"]["text"]["body"] == "Ja, bis morgen um 9"
    assert queued.payload["context"] == {"message_id": "wamid.J1"}
    assert composer.edit.toPlainText() == "" and composer.reply_wamid == ""


def test_what_was_typed_since_is_not_overwritten_and_the_failed_text_can_be_copied(window, qtbot, inbox):
    composer = window.chat_page.composer
    composer.edit.setPlainText("Erste Nachricht")
    composer.submit()
    composer.edit.insertPlainText("Zweite")  # typed before the database thread has answered
    qtbot.waitUntil(composer.warning_bar.isVisible)
    assert composer.edit.toPlainText() == "Zweite"
    assert composer.warning_bar.text.text() == NOT_SAVED + "\nWhat you wrote: Erste Nachricht"
    flags = composer.warning_bar.text.textInteractionFlags()
    selectable = Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
    assert flags & selectable == selectable
    assert outbox.list_outbox(inbox.conn) == []


def test_a_pasted_image_that_cannot_be_saved_comes_back_with_its_caption(window, qtbot, inbox, replica):
    composer = window.chat_page.composer
    pasted = QMimeData()
    image = QImage(20, 20, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.red)
    pasted.setImageData(image)
    composer.edit.insertFromMimeData(pasted)
    path = composer.attachment.path
    composer.edit.setPlainText("So sieht es aus")
    composer.submit()
    assert composer.attachment is None and not composer.attachment_bar.isVisible()
    qtbot.waitUntil(composer.warning_bar.isVisible)
    assert composer.attachment is not None and composer.attachment.path == path and path.exists()
    assert composer.attachment_bar.isVisible() and composer.edit.toPlainText() == "So sieht es aus"

    window.use_db_thread(replica[1].submit)
    with qtbot.waitSignal(window.outbox_changed):
        composer.submit()
    [queued] = outbox.list_outbox(inbox.conn)
    assert queued.payload["message"] == {"type": "image", "image": {"caption": "So sieht es aus"}}
    echo = messages.get_message_by_client_id(inbox.conn, queued.client_id)
    assert media_files.read_media(inbox.conn, echo.id, inbox.media_dir)[:4] == b"\x89PNG"
    assert not path.parent.exists()  # stored encrypted: the plaintext folder is gone


def test_a_note_that_cannot_be_saved_comes_back_as_a_note(window, qtbot, inbox):
    composer = window.chat_page.composer
    composer.note_button.setChecked(True)
    composer.edit.setPlainText("Kunde zahlt bar")
    composer.submit()
    composer.note_button.setChecked(False)  # meanwhile back to writing to the customer
    qtbot.waitUntil(composer.warning_bar.isVisible)
    assert composer.warning_bar.title.text() == "Note not saved"
    assert composer.warning_bar.text.text() == "The note could not be saved on this computer. Please try again."
    # Back as a note, never as a message to the customer.
    assert composer.note_mode and composer.edit.toPlainText() == "Kunde zahlt bar"
    assert outbox.list_outbox(inbox.conn) == []


def test_a_failure_after_the_user_went_to_another_chat_stays_out_of_it(window, qtbot, inbox):
    composer = window.chat_page.composer
    composer.edit.setPlainText("Ihr Rad ist fertig")
    composer.submit()
    window.open_conversation(inbox.conversation_id(ANNA))  # before the database thread answered
    qtbot.waitUntil(composer.warning_bar.isVisible)
    assert composer.edit.toPlainText() == ""  # not put into Anna's chat
    assert composer.warning_bar.text.text() == NOT_SAVED + "\nWhat you wrote: Ihr Rad ist fertig"


def test_a_refused_attachment_gives_back_the_caption_in_the_users_language(window, qtbot, inbox, tmp_path):
    composer = window.chat_page.composer
    pdf = tmp_path / "Angebot.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    assert composer.attach_file(str(pdf))
    composer.edit.setPlainText("Ihr Angebot")
    pdf.unlink()  # moved away before Send was pressed: refused while planning, nothing written
    with pseudo_translated("attachments", "PendingSends") as tr:
        composer.submit()
    assert composer.warning_bar.isVisible()
    assert composer.warning_bar.title.text() == tr("PendingSends", "Not sent")
    refusal = tr("attachments", "“%1” cannot be read.").replace("%1", "Angebot.pdf")
    assert composer.warning_bar.text.text() == refusal
    assert composer.edit.toPlainText() == "Ihr Angebot" and composer.attachment is None  # the file is gone
    assert outbox.list_outbox(inbox.conn) == [] and composer.pending_sends == 0


def test_a_failed_write_is_said_in_the_users_language(window, qtbot):
    composer = window.chat_page.composer
    with pseudo_translated("PendingSends") as tr:
        composer.edit.setPlainText("Hallo")
        composer.submit()
        qtbot.waitUntil(composer.warning_bar.isVisible)
    assert composer.warning_bar.title.text() == tr("PendingSends", "Not sent")
    assert composer.warning_bar.text.text() == tr("PendingSends", NOT_SAVED)
    assert composer.edit.toPlainText() == "Hallo"
