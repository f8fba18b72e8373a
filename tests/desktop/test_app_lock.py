import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from wadesk.desktop.app_lock import AppLock, UnlockDialog, check_secret, hash_secret
from wadesk.desktop.settings import Settings


def test_only_a_scrypt_hash_is_kept():
    stored = hash_secret("4711")
    assert stored.startswith("scrypt$") and "4711" not in stored
    assert check_secret("4711", stored) and not check_secret("4712", stored)
    assert not check_secret("4711", "garbage") and hash_secret("4711") != stored  # salted


# The dialog grows to show its error; the offscreen platform cannot pass that on.
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_lock_hides_the_window_until_the_right_pin(qtbot, tmp_path):
    settings = Settings(tmp_path / "settings.json", {"app_lock_hash": hash_secret("4711")})
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    lock = AppLock(settings, window)
    tries = []

    def answer() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, UnlockDialog) and w.isVisible())
        assert not window.isVisible()
        if not tries:
            tries.append("wrong")
            dialog.secret.setText("1234")
            dialog._check()
            assert dialog.error.isVisible() and dialog.isVisible()
            QTimer.singleShot(0, answer)
            return
        dialog.secret.setText("4711")
        dialog._check()

    QTimer.singleShot(0, answer)
    assert lock.lock() is True
    assert window.isVisible() and tries == ["wrong"]
    lock.detach()


def test_without_a_pin_there_is_no_lock(qtbot, tmp_path):
    window = QWidget()
    qtbot.addWidget(window)
    lock = AppLock(Settings(None), window)
    assert not lock.enabled and lock.lock() is True
    lock.detach()
