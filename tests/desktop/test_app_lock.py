"""The app lock: only a hash is kept, it is asked at start and on lock, and it can be
changed or removed only with the current PIN or passphrase."""

import json

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from tests.desktop.offline_inbox import start_inbox_fixture  # noqa: F401  (the fixture start_inbox)
from wadesk.desktop.app_lock import (
    PASSPHRASE,
    PIN,
    AppLock,
    UnlockDialog,
    WrongSecret,
    check_secret,
    hash_secret,
    secret_problem,
)
from wadesk.desktop.dialogs.lock_secret_dialog import LockSecretDialog
from wadesk.desktop.settings import Settings

# The dialogs grow to show their errors; the offscreen platform cannot pass that on.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise|grabbing)")


def test_only_a_scrypt_hash_is_kept():
    stored = hash_secret("4711")
    assert stored.startswith("scrypt$") and "4711" not in stored
    assert check_secret("4711", stored) and not check_secret("4712", stored)
    assert not check_secret("4711", "garbage") and hash_secret("4711") != stored  # salted


def test_a_pin_has_at_least_four_digits_and_a_passphrase_eight_characters(english):
    assert secret_problem(PIN, "4711") == "" and secret_problem(PIN, "0815 ") != ""
    assert "at least 4 digits" in secret_problem(PIN, "471")
    assert "digits only" in secret_problem(PIN, "47a1")
    assert "digits only" in secret_problem(PIN, "４７１１")  # full-width digits are not on every keypad
    assert "at least 8 characters" in secret_problem(PASSPHRASE, "Fahrrad")
    assert secret_problem(PASSPHRASE, "Fahrräder") == ""
    assert secret_problem(PASSPHRASE, " " * 9) != ""


def answer_unlock(qtbot, answers: list[str], seen: list[str], on_ask=lambda: None) -> None:
    """Type `answers` one after the other into the lock dialog when it appears; `seen`
    gets the error shown before each answer, on_ask() runs while the dialog is up."""

    def answer() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, UnlockDialog) and w.isVisible()),
                      None)
        if dialog is None:
            QTimer.singleShot(10, answer)
            return
        on_ask()
        seen.append(dialog.error.text() if dialog.error.isVisible() else "")
        while dialog.wait_left:  # the wait after a wrong answer, without waiting for it
            dialog.tick()
        dialog.secret.setText(answers.pop(0))
        dialog._check()
        if answers:
            QTimer.singleShot(0, answer)

    QTimer.singleShot(0, answer)


def test_the_lock_hides_the_window_until_the_right_pin(qtbot, tmp_path, english):
    settings = Settings(tmp_path / "settings.json", {"app_lock_hash": hash_secret("4711"), "app_lock_kind": "pin"})
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    lock = AppLock(settings, window)
    hidden_while_asked = []
    seen: list[str] = []
    answer_unlock(qtbot, ["1234", "4711"], seen, lambda: hidden_while_asked.append(not window.isVisible()))
    assert lock.lock() is True
    assert window.isVisible() and hidden_while_asked == [True, True]
    assert seen == ["", "That PIN is not right. Please try again."]
    lock.detach()


def test_without_a_pin_there_is_no_lock(qtbot, tmp_path):
    window = QWidget()
    qtbot.addWidget(window)
    lock = AppLock(Settings(None), window)
    assert not lock.enabled and lock.lock() is True
    lock.detach()


def test_the_lock_is_turned_on_in_the_settings_and_asked_at_the_next_start(start_inbox, qtbot):
    inbox = start_inbox()
    page = inbox.open_settings()
    assert "Off" in page.lock_row.description.text() and page.lock_on.isVisibleTo(page)
    assert not page.controls["app_lock_idle_minutes"].isEnabled()  # no lock, no idle time
    qtbot.mouseClick(page.lock_on, Qt.MouseButton.LeftButton)
    dialog = next(w for w in page.findChildren(LockSecretDialog) if w.isVisible())
    dialog.pin_choice.setChecked(True)
    for secret, repeat, problem in (("471", "471", "at least 4 digits"), ("47x1", "47x1", "digits only"),
                                    ("4711", "4712", "not the same")):
        dialog.secret.setText(secret)
        dialog.repeat.setText(repeat)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and problem in dialog.error.text()
        assert not inbox.lock.enabled
    dialog.secret.setText("4711")
    dialog.repeat.setText("4711")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and inbox.lock.enabled and inbox.lock.kind == PIN
    assert "On" in page.lock_row.description.text() and "PIN" in page.lock_row.description.text()
    assert page.controls["app_lock_idle_minutes"].isEnabled() and inbox.lock.idle_timer_running
    stored = json.loads(inbox.paths.settings.read_text())
    assert stored["app_lock_kind"] == "pin" and "4711" not in json.dumps(stored)
    page.controls["app_lock_idle_minutes"].setValue(0)  # only at start
    assert not inbox.lock.idle_timer_running
    inbox.close()

    again = start_inbox(show=False)
    seen: list[str] = []
    answer_unlock(qtbot, ["0000", "4711"], seen)
    assert again.show(sync=False) is True
    assert seen == ["", "That PIN is not right. Please try again."]
    assert again.window.isVisible()


def test_a_wrong_secret_changes_nothing_and_the_right_one_changes_or_removes_it(start_inbox, qtbot):
    inbox = start_inbox()
    inbox.lock.set_secret(PIN, "4711")
    before = inbox.settings.get("app_lock_hash")
    with pytest.raises(WrongSecret):
        inbox.lock.set_secret(PASSPHRASE, "a new passphrase", current="1234")
    page = inbox.open_settings()

    change = page.edit_lock("change")
    change.current.setText("1234")
    change.passphrase_choice.setChecked(True)
    change.secret.setText("Speichen und Felgen")
    change.repeat.setText("Speichen und Felgen")
    change.submit()
    assert change.isVisible() and change.error.text() == "That is not your current PIN."
    assert inbox.settings.get("app_lock_hash") == before
    change.current.setText("4711")
    change.submit()
    assert not change.isVisible()
    assert inbox.lock.check("Speichen und Felgen") and not inbox.lock.check("4711")
    assert inbox.lock.kind == PASSPHRASE

    off = page.edit_lock("off")
    off.current.setText("4711")  # the old one no longer counts
    off.submit()
    assert off.isVisible() and "not your current passphrase" in off.error.text() and inbox.lock.enabled
    off.current.setText("Speichen und Felgen")
    off.submit()
    assert not off.isVisible() and not inbox.lock.enabled
    assert "app_lock_hash" not in json.loads(inbox.paths.settings.read_text())
    assert page.lock_on.isVisibleTo(page) and not page.lock_off.isVisibleTo(page)


def test_lock_now_hides_the_window_and_the_settings_until_unlocked(start_inbox, qtbot):
    inbox = start_inbox()
    inbox.lock.set_secret(PASSPHRASE, "Speichen und Felgen")
    page = inbox.open_settings()
    shown_while_asked: list[bool] = []
    seen: list[str] = []
    answer_unlock(qtbot, ["Speichen und Felge", "Speichen und Felgen"], seen,
                  lambda: shown_while_asked.append(inbox.window.isVisible() or page.isVisible()))
    qtbot.mouseClick(page.lock_now, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(seen) == 2 and inbox.window.isVisible())
    assert shown_while_asked == [False, False]
    assert seen[1] == "That passphrase is not right. Please try again."
    assert page.isVisible() and inbox.settings_dialog is page
