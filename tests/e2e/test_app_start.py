"""`wadesk` as a user starts it: the first run connects through the wizard, the next
one goes straight to the inbox."""

import json

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from tests.e2e.conftest import add_person
from wadesk import secrets
from wadesk.desktop import app as desktop_app
from wadesk.desktop.dialogs import first_run_wizard
from wadesk.desktop.dialogs.set_password_dialog import SetPasswordDialog
from wadesk.desktop.main_window import MainWindow
from wadesk.desktop.sync.login import log_in

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


class AcceptingWizard:
    """The wizard as a user who typed the right things would leave it."""

    answer = None
    DialogCode = QDialog.DialogCode

    def __init__(self, *args, **kwargs) -> None:
        pass

    def exec(self) -> int:
        return QDialog.DialogCode.Accepted

    choice = first_run_wizard.RELAY
    passphrase = None

    @property
    def login(self):
        return type(self).answer


def run_until(profile, predicate) -> tuple[int, dict]:
    seen = {}

    def watch() -> None:
        window = next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()), None)
        if window is not None and predicate(window):
            seen["window"] = window.windowTitle()
            seen["rows"] = window.list_model.rowCount()
            # exit(), not quit(): Qt 6's quit() leaves the test's later timers dead.
            QApplication.exit(0)
            return
        QTimer.singleShot(50, watch)

    QTimer.singleShot(0, watch)
    return desktop_app.run(profile=str(profile), language="en"), seen


def test_first_run_connects_then_the_next_start_goes_straight_to_the_inbox(relay, sim_api, tmp_path, qapp,
                                                                          monkeypatch):
    person_id, code = add_person(relay, "Lena", "owner")
    AcceptingWizard.answer = log_in(relay.url, "Lena", setup_code=code)
    monkeypatch.setattr(first_run_wizard, "FirstRunWizard", AcceptingWizard)
    sim_api.post("/customers/jonas/say", json={"type": "text", "text": "Hallo!"}).raise_for_status()
    profile = tmp_path / "home"

    rc, seen = run_until(profile, lambda w: w.list_model.rowCount() == 1 and any(
        isinstance(d, SetPasswordDialog) and d.isVisible() for d in QApplication.topLevelWidgets()))
    assert rc == 0 and seen["rows"] == 1  # and the setup code's owner was asked for a password
    saved = json.loads((profile / "data" / "relay.json").read_text())
    assert saved["relay_url"] == relay.url and saved["person_id"] == str(person_id)
    assert AcceptingWizard.answer.token not in (profile / "data" / "relay.json").read_text()
    assert secrets.get_secret("device-token", profile / "data") == AcceptingWizard.answer.token

    monkeypatch.setattr(first_run_wizard, "FirstRunWizard", None)  # not asked again
    sim_api.post("/customers/aylin/say", json={"type": "text", "text": "Guten Tag"}).raise_for_status()
    rc, seen = run_until(profile, lambda w: w.list_model.rowCount() == 2)
    assert rc == 0 and seen["rows"] == 2


def test_closing_the_wizard_ends_the_start(tmp_path, qapp, monkeypatch):
    class Closed(AcceptingWizard):
        def exec(self) -> int:
            return QDialog.DialogCode.Rejected

    monkeypatch.setattr(first_run_wizard, "FirstRunWizard", Closed)
    assert desktop_app.run(profile=str(tmp_path / "home"), language="en") == 1
    assert not (tmp_path / "home" / "data" / "wadesk.db").exists()
