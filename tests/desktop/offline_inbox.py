"""The real running inbox (app.Inbox: window, controller, app lock, settings page) over a
real encrypted profile, without a relay: its sync worker is never started. Import
start_inbox_fixture into a test module to use the fixture `start_inbox`."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from tests.desktop.conftest import Inbox as StoreWriter
from wadesk import paths as wpaths
from wadesk.desktop import i18n, theme
from wadesk.desktop.app import Inbox
from wadesk.desktop.profile_store import open_with_key
from wadesk.desktop.settings import Settings

NO_RELAY = "http://127.0.0.1:9"  # never contacted: the worker is not started


@pytest.fixture(name="start_inbox")
def start_inbox_fixture(english, qtbot, tmp_path) -> Iterator[Callable[..., Inbox]]:
    """start_inbox(show=True) -> a running Inbox of the profile in tmp_path; called again,
    the same profile starts anew (its settings loaded from the file), like a restart."""
    paths = wpaths.for_profile(tmp_path / "profile")
    key = os.urandom(32)
    started: list[tuple[Inbox, object]] = []
    locale = QLocale()

    def start(show: bool = True) -> Inbox:
        conn, opener = open_with_key(paths, key)
        inbox = Inbox(paths, conn, opener, NO_RELAY, "token", "me", Settings.load(paths.settings),
                      ("Radhaus Berlin", "+49 30 1234567"))
        started.append((inbox, conn))
        inbox.window.setMinimumSize(1100, 700)  # no resizing a top-level offscreen
        inbox.window.resize(1200, 780)
        if show:
            assert inbox.show(sync=False)
            inbox.window.activateWindow()
        return inbox

    yield start
    for inbox, conn in started:
        inbox.close()
    QCoreApplication.processEvents()
    for inbox, conn in started:
        conn.close()
    app = QApplication.instance()
    i18n.switch_language(app, "en")
    QLocale.setDefault(locale)
    theme.apply_theme(app, "light")


def add_customer(inbox: Inbox, wa_id: str = "4915112345678", name: str = "Jonas Becker") -> int:
    """A customer wrote: their conversation, as the sync worker would have stored it."""
    writer = StoreWriter(inbox.conn, inbox.paths.media)
    writer.incoming(wa_id, "Ist mein Fahrrad fertig?", name=name)
    conversation_id = writer.conversation_id(wa_id)
    assert inbox.window.list_model is not None
    inbox.window.list_model.reload()
    return conversation_id
