"""`wadesk --demo` has the settings page too: it starts with the user's look and
language, keeps its own changes apart, and the real profile's app lock does not lock it."""

import json

import keyring
import pytest
from keyring.backends.fail import Keyring as NoKeyring
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from wadesk.desktop import app as desktop_app, theme
from wadesk.desktop.app_lock import UnlockDialog, hash_secret
from wadesk.desktop.dialogs.settings_dialog import SettingsDialog
from wadesk.desktop.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise|grabbing)")


def test_the_demo_offers_the_settings_with_the_users_look(tmp_path, qapp, qtbot):
    keyring.set_keyring(NoKeyring())
    profile = tmp_path / "home"
    (profile / "data").mkdir(parents=True)
    preferences = {"theme": "dark", "enter_sends": False, "app_lock_hash": hash_secret("4711"),
                   "app_lock_kind": "pin"}
    (profile / "data" / "settings.json").write_text(json.dumps(preferences))
    seen: dict = {}

    def watch() -> None:
        locked = next((w for w in QApplication.topLevelWidgets() if isinstance(w, UnlockDialog) and w.isVisible()),
                      None)
        if locked is not None:
            seen["locked"] = True
            locked.reject()  # the demo must not ask: end the run
            return
        window = next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()),
                      None)
        if window is None:
            QTimer.singleShot(50, watch)
            return
        seen["window"] = qapp.palette().color(QPalette.ColorRole.Window).name()
        QTest.mouseClick(window.sidebar.settings_button, Qt.MouseButton.LeftButton)
        page = next(w for w in QApplication.topLevelWidgets() if isinstance(w, SettingsDialog))
        seen["page"] = page.isVisible()
        seen["enter_sends"] = page.controls["enter_sends"].isChecked()
        page.controls["sound"].setChecked(True)
        page.controls["theme"].setCurrentIndex(page.controls["theme"].findData("light"))
        seen["after"] = qapp.palette().color(QPalette.ColorRole.Window).name()
        QApplication.exit(0)  # exit(), not quit(): Qt 6's quit() leaves later timers dead

    QTimer.singleShot(0, watch)
    try:
        assert desktop_app.run(profile=str(profile), demo=True, language="en") == 0
    finally:
        theme.apply_theme(qapp, "light")
    assert "locked" not in seen
    assert seen["window"] == theme.DARK["window"] and seen["after"] == theme.LIGHT["window"]
    assert seen["page"] and seen["enter_sends"] is False
    # The demo's changes stay in the demo's profile; the user's file is as it was.
    assert json.loads((profile / "data" / "settings.json").read_text()) == preferences
    demo_settings = json.loads((profile / "data" / "demo" / "settings.json").read_text())
    assert demo_settings["sound"] is True and "app_lock_hash" not in demo_settings
