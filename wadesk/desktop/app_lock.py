"""The optional app lock: a PIN or passphrase at start and after some idle minutes.

It keeps a colleague or a customer at the counter from reading chats on an unattended
PC; it is not encryption (the database key is the keychain's or the passphrase's
business). Only a scrypt hash is stored, in the settings:

    scrypt$<n>$<r>$<p>$<salt hex>$<hash hex>
"""

from __future__ import annotations

import hashlib
import hmac
import os

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from wadesk.desktop.settings import Settings

_N, _R, _P = 2**14, 8, 1  # ~50 ms: slow for guessing, quick for the user
MIN_LENGTH = 4
_INPUT_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel}


def hash_secret(secret: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(secret.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def check_secret(secret: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, expected = stored.split("$")
        if scheme != "scrypt":
            return False
        digest = hashlib.scrypt(secret.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p),
                                dklen=len(bytes.fromhex(expected)))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(digest, bytes.fromhex(expected))


class UnlockDialog(QDialog):
    def __init__(self, stored_hash: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stored = stored_hash
        self.setWindowTitle(self.tr("wadesk is locked"))
        self.secret = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.secret.setAccessibleName(self.tr("PIN or passphrase"))
        self.error = QLabel("", objectName="ErrorText", wordWrap=True)
        self.error.setStyleSheet("color: #ea0038;")
        self.error.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self._check)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Type your PIN or passphrase to open wadesk."), wordWrap=True))
        layout.addWidget(self.secret)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _check(self) -> None:
        if check_secret(self.secret.text(), self._stored):
            self.accept()
            return
        self.secret.clear()
        self.error.setText(self.tr("That is not right. Please try again."))
        self.error.setVisible(True)


class SetLockDialog(QDialog):
    """Choose (or, left empty, remove) the app lock's PIN or passphrase."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("App lock"))
        self.secret = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.secret.setAccessibleName(self.tr("New PIN or passphrase"))
        self.repeat = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Repeat it"))
        self.error = QLabel("", objectName="ErrorText", wordWrap=True)
        self.error.setStyleSheet("color: #ea0038;")
        self.error.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Which PIN or passphrase should open wadesk? Leave both fields empty to "
                                        "turn the lock off."), wordWrap=True))
        layout.addWidget(self.secret)
        layout.addWidget(self.repeat)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _check(self) -> None:
        value = self.secret.text()
        if value and len(value) < MIN_LENGTH:
            problem = self.tr("Please use at least %1 characters.").replace("%1", str(MIN_LENGTH))
        elif value != self.repeat.text():
            problem = self.tr("The two entries are not the same.")
        else:
            self.accept()
            return
        self.error.setText(problem)
        self.error.setVisible(True)


class AppLock(QObject):
    """Locks after idle minutes (and is asked at start by app.py)."""

    def __init__(self, settings: Settings, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.window = window
        self.locked = False
        self._timer = QTimer(self, singleShot=True, timeout=self._idle)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.restart_timer()

    @property
    def enabled(self) -> bool:
        return bool(self.settings.get("app_lock_hash"))

    def restart_timer(self) -> None:
        minutes = self.settings.get("app_lock_idle_minutes")
        if self.enabled and minutes > 0 and not self.locked:
            self._timer.start(minutes * 60_000)
        else:
            self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and not self.locked and self._timer.isActive():
            self._timer.start()  # any use resets the idle time
        return False

    def _idle(self) -> None:
        if not self.lock():
            QApplication.quit()  # closing the lock dialog closes wadesk, it never opens it

    def lock(self) -> bool:
        """Hide the window until the right secret is typed; False if the user gave up."""
        if not self.enabled or self.locked:
            return True
        self.locked = True
        was_visible = self.window.isVisible()
        self.window.hide()
        dialog = UnlockDialog(self.settings.get("app_lock_hash"))
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self.locked = False
        if accepted and was_visible:
            self.window.show()
        self.restart_timer()
        return accepted

    def change(self, parent: QWidget | None = None) -> None:
        dialog = SetLockDialog(parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            value = dialog.secret.text()
            self.settings.set("app_lock_hash", hash_secret(value) if value else "")
            self.restart_timer()

    def detach(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._timer.stop()
