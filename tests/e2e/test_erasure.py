"""The owner erases a customer on the relay while a desktop shows their chat: the desktop
closes it, loses their photo file, finds nothing of them any more, and its database
file (every page decrypted with its key) holds no trace of what they wrote."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import FAST_WORKER, Desktop, add_person
from tests.store.sqlcipher_pages import database_pages, wal_pages
from wadesk import paths as wpaths
from wadesk.desktop.app import Inbox
from wadesk.desktop.profile_store import open_with_key
from wadesk.desktop.settings import Settings
from wadesk.desktop.sync.login import log_in
from wadesk.store import media_files, messages
from wadesk.store.contacts import find_contact
from wadesk.store.search import search_messages

WAIT = 10_000
MARKER = "Fahrradklingelsonate9021"
JONAS_WA_ID = "491701234567"  # the simulator's persona "jonas"


@pytest.fixture
def owner(relay, tmp_path: Path, english, qtbot) -> Iterator[tuple[Desktop, bytes]]:
    """The conftest's desktop, as the owner, keeping its database key for the raw check."""
    person_id, code = add_person(relay, "Lena", "owner")
    login = log_in(relay.url, "Lena", setup_code=code)
    paths = wpaths.for_profile(tmp_path / "profile-Lena")
    key = os.urandom(32)
    conn, opener = open_with_key(paths, key)
    inbox = Inbox(paths, conn, opener, relay.url, login.token, str(person_id), Settings(None),
                  ("Radhaus Berlin", "+49 30 1234567"), FAST_WORKER)
    qtbot.addWidget(inbox.window)
    inbox.window.resize(1200, 780)
    assert inbox.show()
    inbox.window.activateWindow()
    desktop = Desktop("Lena", person_id, login.token, inbox, conn, paths)
    qtbot.waitUntil(lambda: inbox.worker.connection.state == "online", timeout=WAIT)
    yield desktop, key
    desktop.close()


def traces(database: Path, key: bytes, needles: list[str]) -> list[str]:
    """Which needles are in any page of the file or its WAL, decrypted with the key."""
    pages = [*database_pages(database, key), *wal_pages(Path(f"{database}-wal"), key)]
    return [needle for needle in needles if any(needle.encode() in page for page in pages)]


def conversation_of(desktop: Desktop, wa_id: str) -> int:
    model = desktop.window.list_model
    return next(model.conversation_id(row) for row in range(model.rowCount())
                if model.summary(model.conversation_id(row)).contact.wa_id == wa_id)


def test_an_erasure_on_the_relay_leaves_no_trace_on_the_desktop(owner, sim_api, relay_api, qtbot):
    lena, key = owner
    window, conn = lena.window, lena.conn
    sim_api.post("/customers/jonas/say", json={"type": "text", "text": f"Mein Code ist {MARKER}"}
                 ).raise_for_status()
    sim_api.post("/customers/jonas/say", json={"type": "image", "file": "hinterrad.jpg",
                                               "caption": f"Das Rad {MARKER}"}).raise_for_status()
    sim_api.post("/customers/aylin/say", json={"type": "text", "text": "Ist mein Rad fertig?"}
                 ).raise_for_status()
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 2, timeout=WAIT)
    jonas = conversation_of(lena, JONAS_WA_ID)
    aylin = next(window.list_model.conversation_id(r) for r in range(2)
                 if window.list_model.conversation_id(r) != jonas)
    window.open_conversation(jonas)

    def photo() -> Any:
        found = [m for m in messages.page_messages(conn, jonas, limit=10) if m.type == "image"]
        return found[0] if found else None

    qtbot.waitUntil(lambda: photo() is not None and photo().media_file is not None, timeout=WAIT)
    qtbot.waitUntil(lambda: window.chat_page.model.rowCount() >= 2, timeout=WAIT)
    assert (lena.paths.media / photo().media_file).exists()
    assert media_files.read_media(conn, photo().id, lena.paths.media) is not None
    window.chat_page.composer.edit.setPlainText(f"Ihr Code {MARKER} ist notiert")
    # The check sees the text before the erasure.
    assert traces(lena.paths.database, key, [MARKER]) == [MARKER]

    answer = relay_api(lena.token).post(f"/api/v1/contacts/wa_id:{JONAS_WA_ID}/erase",
                                        json={"confirm": "erase"})
    assert answer.status_code == 200, answer.text

    # (The row may go first: a refresh queued before the sync's report finds it gone.)
    qtbot.waitUntil(lambda: window.chat_area.currentWidget() is window.welcome, timeout=WAIT)
    assert [window.list_model.conversation_id(r) for r in range(window.list_model.rowCount())] == [aylin]
    assert window.open_conversation_id is None
    assert window.statusBar().currentMessage() == \
        "The owner erased this customer's data: the conversation was closed."
    assert window.chat_page.composer.edit.toPlainText() == ""
    qtbot.waitUntil(lambda: list(lena.paths.media.glob("*.wdm")) == [], timeout=WAIT)
    window.sidebar.search.setText(MARKER)
    qtbot.waitUntil(lambda: window.list_model.search_text == MARKER, timeout=WAIT)
    assert window.list_model.rowCount() == 0
    assert search_messages(conn, MARKER) == [] and find_contact(conn, wa_id=JONAS_WA_ID) is None
    assert traces(lena.paths.database, key, [MARKER, JONAS_WA_ID]) == []
