"""The owner erases a customer while this desktop runs: the running inbox (window,
controller, media cache, the worker's own database thread) forgets them at once.

The erasure arrives as the sync worker delivers it: a page applied by event_apply on
the worker's database thread, its changes emitted by the worker's `changes` signal.
The worker itself is not started (no relay): tests/e2e/test_erasure.py does that."""

from __future__ import annotations

import os
import secrets
import time
from typing import Any

import pytest

from tests.desktop.conftest import Inbox as StoreWriter
from tests.desktop.offline_inbox import start_inbox_fixture  # noqa: F401  (the fixture start_inbox)
from wadesk.desktop.sync.event_apply import apply_page
from wadesk.sim.samples import sample_bytes
from wadesk.store import consents, conversations, media_files, outbox
from wadesk.store.contact_erasure import subject_of
from wadesk.store.contacts import ContactInfo, find_contact
from wadesk.store.ingest import IncomingMessage, apply_incoming_message
from wadesk.store.search import search_messages

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise|grabbing)")

JONAS, AYLIN, NEW = "491701234567", "4915112345678", "4915199999999"
SECOND_NUMBER = "106540352249999"  # the business's second number: Jonas has a chat there too
MARKER = "Schraubenzieherkuchen2718"


def erasure_event(conn: Any, wa_id: str, seq: int = 1) -> dict[str, Any]:
    """The relay's `contact.erased` event for this customer (privacy_api.py)."""
    found = find_contact(conn, wa_id=wa_id)
    salt = secrets.token_hex(16)
    payload = {"subject": subject_of(found, salt).as_json(),
               "consent_proofs": consents.proofs_of(conn, found.wa_id, found.user_id, salt), "ts": 1}
    return {"seq": seq, "at": int(time.time()), "kind": "contact.erased", "actor_id": 1, "payload": payload}


def test_an_erased_customer_leaves_the_running_inbox(start_inbox, qtbot):
    inbox = start_inbox()
    window, conn, media_dir = inbox.window, inbox.conn, inbox.paths.media
    writer = StoreWriter(conn, media_dir)
    writer.incoming(JONAS, f"Mein Code ist {MARKER}", name="Jonas", ts=writer.now - 30)
    photo = writer.incoming(JONAS, "Foto", name="Jonas", type="image", ts=writer.now - 20)
    writer.incoming(AYLIN, "Hallo", name="Aylin", ts=writer.now - 10)
    elsewhere = apply_incoming_message(conn, IncomingMessage(
        writer.wamid(), SECOND_NUMBER, ContactInfo(wa_id=JONAS, profile_name="Jonas"), "text", writer.now,
        f"Nochmal {MARKER}", None, None))
    name = media_files.save_media(conn, photo.message_id, sample_bytes("hinterrad.jpg"), media_dir)
    jonas, aylin = writer.conversation_id(JONAS), writer.conversation_id(AYLIN)
    window.list_model.reload()
    assert window.list_model.rowCount() == 3

    # Jonas's chat on the second number gets a draft, then the first one is opened with a
    # draft, a quoted message, a note waiting to go out and its photo on screen.
    window.open_conversation(elsewhere.conversation_id)
    window.chat_page.composer.edit.setPlainText(f"Entwurf {MARKER}")
    window.open_conversation(jonas)
    page = window.chat_page
    page.composer.edit.setPlainText(f"Antwort {MARKER}")
    page.reply_to(f"m{photo.message_id}")
    page.add_note.emit(jonas, f"Notiz {MARKER}")
    window.actions.add_note(aylin, "Rückruf morgen")
    assert page.composer.reply_wamid
    qtbot.waitUntil(lambda: window.media.thumbnail(photo.message_id) is not None, timeout=5_000)
    opened = window.media.temp_copy(b"JPEG", "Rad.jpg", photo.message_id)  # as "open in viewer" does
    assert conversations.get_conversation(conn, aylin).unread_count == 1

    changes = inbox.worker.db.submit(apply_page, [erasure_event(conn, JONAS)], "me").result()
    assert changes.erased == {jonas, elsewhere.conversation_id} and changes.wal_truncated is True
    inbox.worker.changes.emit(changes)  # what the worker's sync loop does with a page

    # The list shows Aylin only; the chat closed without opening hers in its place.
    assert [window.list_model.conversation_id(r) for r in range(window.list_model.rowCount())] == [aylin]
    assert window.open_conversation_id is None and window.chat_area.currentWidget() is window.welcome
    assert not window.sidebar.list_view.currentIndex().isValid()
    assert conversations.get_conversation(conn, aylin).unread_count == 1
    assert "erased" in window.statusBar().currentMessage()
    assert inbox.controller.notifier.unread == 1  # Jonas's unread message on the second number is gone
    # Nothing typed, quoted or queued for him survives; Aylin's note still waits.
    assert page.composer.edit.toPlainText() == "" and page.composer.reply_wamid == ""
    assert [item.payload["conversation_id"] for item in outbox.list_outbox(conn)] == [aylin]
    # The decrypted thumbnail is forgotten, the encrypted file deleted by the worker's thread.
    assert window.media.state(photo.message_id) is None and not opened.exists()
    qtbot.waitUntil(lambda: not (media_dir / name).exists(), timeout=5_000)
    assert list(media_dir.glob("*.wdm")) == []
    window.sidebar.search.setText(MARKER)
    qtbot.waitUntil(lambda: window.list_model.search_text == MARKER, timeout=5_000)
    assert window.list_model.rowCount() == 0 and search_messages(conn, MARKER) == []
    window.sidebar.search.clear()
    qtbot.waitUntil(lambda: window.list_model.search_text == "", timeout=5_000)

    # SQLite hands the erased ids out again: a new customer's chat shows none of Jonas's
    # draft, and their message none of his photo.
    writer.incoming(NEW, "Guten Tag", name="Neu")
    new = writer.conversation_id(NEW)
    assert new in changes.erased  # the id is reused indeed, so the check below means something
    window.list_model.reload()
    window.open_conversation(new)
    assert window.open_conversation_id == new
    assert window.chat_page.composer.edit.toPlainText() == ""


def test_an_erasure_of_a_customer_not_on_screen_only_updates_the_list(start_inbox):
    inbox = start_inbox()
    window, conn = inbox.window, inbox.conn
    writer = StoreWriter(conn, inbox.paths.media)
    writer.incoming(JONAS, "Hallo", name="Jonas", ts=writer.now - 10)
    writer.incoming(AYLIN, "Hallo", name="Aylin")
    aylin = writer.conversation_id(AYLIN)
    window.list_model.reload()
    window.open_conversation(aylin)
    window.chat_page.composer.edit.setPlainText("Bin gleich da")

    changes = inbox.worker.db.submit(apply_page, [erasure_event(conn, JONAS)], "me").result()
    inbox.worker.changes.emit(changes)

    assert window.open_conversation_id == aylin and window.chat_area.currentWidget() is window.chat_page
    assert window.chat_page.composer.edit.toPlainText() == "Bin gleich da"
    assert window.list_model.rowCount() == 1
    assert window.statusBar().currentMessage() == "The owner erased a customer's data."


def test_a_refresh_that_finds_the_open_chat_gone_opens_no_other_customer(start_inbox):
    """Signals queued before the erasure report (a download finished, a status) may
    reach the window after the erasure committed: the open chat's row then goes first,
    and Qt moves the list's current row to a neighbour."""
    inbox = start_inbox()
    window, conn = inbox.window, inbox.conn
    writer = StoreWriter(conn, inbox.paths.media)
    writer.incoming(AYLIN, "Hallo", name="Aylin", ts=writer.now - 10)
    theirs = writer.incoming(JONAS, "Hallo", name="Jonas")
    aylin, jonas = writer.conversation_id(AYLIN), writer.conversation_id(JONAS)
    window.list_model.reload()
    window.open_conversation(jonas)
    changes = inbox.worker.db.submit(apply_page, [erasure_event(conn, JONAS)], "me").result()

    window.on_message_changed(theirs.message_id, jonas)  # e.g. media_ready, queued earlier

    assert window.list_model.rowCount() == 1
    assert window.open_conversation_id != aylin
    assert conversations.get_conversation(conn, aylin).unread_count == 1  # not opened, not read
    inbox.worker.changes.emit(changes)
    assert window.open_conversation_id is None and window.chat_area.currentWidget() is window.welcome
    assert not window.sidebar.list_view.currentIndex().isValid()


def test_at_start_media_files_no_message_names_are_swept(start_inbox, qtbot):
    """An erasure committed, then wadesk quit before its files were unlinked."""
    inbox = start_inbox(show=False)
    media_dir = inbox.paths.media
    writer = StoreWriter(inbox.conn, media_dir)
    kept = media_files.save_media(inbox.conn, writer.incoming(AYLIN, "Foto", type="image").message_id,
                                  b"JPEG", media_dir)
    left = media_dir / ("ab" * 16 + ".wdm")
    fresh = media_dir / ("cd" * 16 + ".wdm")  # maybe an attachment whose row is not committed yet
    for path in (left, fresh):
        path.write_bytes(b"WDM1 sealed bytes")
    long_ago = time.time() - 3600
    os.utime(left, (long_ago, long_ago))

    start_inbox(show=False)

    qtbot.waitUntil(lambda: not left.exists(), timeout=5_000)
    assert (media_dir / kept).exists() and fresh.exists()
