"""A real encrypted replica per test, filled with the store's own functions."""

from __future__ import annotations

import itertools
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from wadesk.desktop import i18n, theme
from wadesk.desktop.team import TeamDirectory
from wadesk.store import conversations, statuses
from wadesk.store.connection import open_database
from wadesk.store.contacts import ContactInfo, find_contact
from wadesk.store.ingest import (IncomingMessage, MediaInfo, OutgoingMessage, apply_incoming_message,
                                 apply_messages, apply_outgoing_message)

PN = "106540352242922"


@dataclass
class Inbox:
    """Writes conversations into the store the way the sync worker would."""

    conn: object
    media_dir: Path
    now: int = field(default_factory=lambda: int(time.time()))
    _seq: itertools.count = field(default_factory=lambda: itertools.count(1))

    def wamid(self) -> str:
        return f"wamid.T{next(self._seq):08d}"

    def incoming(self, wa_id: str, text: str | None = "Hallo", *, name: str | None = None, ts: int | None = None,
                 type: str = "text", media: MediaInfo | None = None, reply_to: str | None = None,
                 raw_json: str | None = None, wamid: str | None = None):
        msg = IncomingMessage(wamid or self.wamid(), PN, ContactInfo(wa_id=wa_id, profile_name=name), type,
                              self.now if ts is None else ts, text, reply_to, media, raw_json=raw_json)
        return apply_incoming_message(self.conn, msg)

    def outgoing(self, wa_id: str, text: str = "Danke!", *, ts: int | None = None, status: str = "sent",
                 agent_id: str | None = "me", wamid: str | None = None, reply_to: str | None = None):
        msg = OutgoingMessage(PN, ContactInfo(wa_id=wa_id), "text", self.now if ts is None else ts,
                              wamid=wamid or self.wamid(), text=text, agent_id=agent_id, status="sent",
                              reply_to_wamid=reply_to)
        result = apply_outgoing_message(self.conn, msg)
        if status != "sent":
            statuses.apply_status_to(self.conn, result.message_id, status, msg.ts)
        return result

    def conversation_id(self, wa_id: str) -> int:
        contact = find_contact(self.conn, wa_id=wa_id)
        assert contact is not None
        found = conversations.find_conversation_id(self.conn, contact.id, PN)
        assert found is not None
        return found


@pytest.fixture
def store(tmp_path):
    conn = open_database(tmp_path / "replica.db", key=os.urandom(32), create=True)
    yield conn
    # Windows of the test may still have queued work (a list view's fetchMore timer):
    # close them and let that work run while the store is still open.
    app = QApplication.instance()
    if app is not None:
        for widget in app.topLevelWidgets():
            widget.close()
        app.processEvents()
    conn.close()


@pytest.fixture
def inbox(store, tmp_path):
    return Inbox(store, tmp_path / "media")


@pytest.fixture
def team():
    return TeamDirectory("me", {"me": "Lena Schmidt", "tobias": "Tobias Wagner", "mia": "Mia Hoffmann"})


@pytest.fixture
def english(qapp):
    """The light theme and English texts, as the screenshots and most users see it."""
    theme.apply_theme(qapp, "light")
    translators = i18n.install_translators(qapp, "en")
    yield qapp
    for translator in translators:
        QCoreApplication.instance().removeTranslator(translator)


def chat_with_history(qtbot, inbox, team, wa_id: str = "491701234567", count: int = 300):
    """A shown ChatView opened at the bottom of `count` messages from Jonas, a minute
    apart, of varied length (the chat view's and the prefetch's tests)."""
    from wadesk.desktop.models.chat_model import ChatModel
    from wadesk.desktop.views.chat_delegate import ChatDelegate
    from wadesk.desktop.views.chat_view import ChatView

    start = inbox.now - 100_000
    apply_messages(inbox.conn, [
        IncomingMessage(f"w{i:05d}", PN, ContactInfo(wa_id=wa_id, profile_name="Jonas"), "text", start + 60 * i,
                        f"Nachricht {i} " + "etwas längerer Text " * (i % 4))
        for i in range(count)
    ])
    model = ChatModel(inbox.conn, team)
    chat = ChatView(ChatDelegate())
    chat.setModel(model)
    chat.resize(700, 500)
    qtbot.addWidget(chat)
    chat.show()
    model.open(inbox.conversation_id(wa_id), "Jonas")
    bar = chat.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0 and chat.at_bottom and bar.value() == bar.maximum())
    return chat


@pytest.fixture
def decrypting_threads(monkeypatch):
    """The threads media files were decrypted on (the real AES-GCM still runs)."""
    import threading

    from wadesk.store import sealed_media

    threads = []
    real = sealed_media.open_sealed

    def recording(media_dir, sealed):
        threads.append(threading.current_thread())
        return real(media_dir, sealed)

    monkeypatch.setattr(sealed_media, "open_sealed", recording)
    return threads
