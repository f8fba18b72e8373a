"""The optional app lock: a PIN or passphrase at start and after some idle minutes.

It keeps a colleague or a customer at the counter from reading chats on an unattended
PC; it is not encryption (the database key is the keychain's or the passphrase's
business). Only a scrypt hash is stored, in the settings, with the kind of secret
("pin" or "passphrase") so that the lock asks in the right words:

    scrypt$<n>$<r>$<p>$<salt hex>$<hash hex>

Turning the lock on is free; changing or removing it needs the current secret
(AppLock.set_secret / AppLock.remove), so that nobody can switch it off at an
unattended, unlocked PC. The settings page holds the dialogs for that
(dialogs/lock_secret_dialog.py).
"""

from __future__ import annotations

import hashlib
import hmac
import os

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from wadesk.desktop.settings import Settings

_N, _R, _P = 2**14, 8, 1  # ~50 ms: slow for guessing, quick for the user
PIN, PASSPHRASE = "pin", "passphrase"
PIN_MIN_DIGITS = 4
PASSPHRASE_MIN_LENGTH = 8
MIN_LENGTH = PIN_MIN_DIGITS  # the shortest secret of any kind
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


def secret_problem(kind: str, secret: str) -> str:
    """Why `secret` cannot be the new PIN or passphrase ("" when it can)."""
    if kind == PIN:
        if not secret.isascii() or not secret.isdigit():
            return QCoreApplication.translate("app_lock", "A PIN has digits only.")
        if len(secret) < PIN_MIN_DIGITS:
            return QCoreApplication.translate("app_lock", "Please use at least %1 digits.").replace(
                "%1", str(PIN_MIN_DIGITS))
        return ""
    if len(secret) < PASSPHRASE_MIN_LENGTH:
        return QCoreApplication.translate("app_lock", "Please use at least %1 characters.").replace(
            "%1", str(PASSPHRASE_MIN_LENGTH))
    if not secret.strip():
        return QCoreApplication.translate("app_lock", "A passphrase cannot be only spaces.")
    return ""


class WrongSecret(ValueError):
    """The current PIN or passphrase was not given correctly."""


class UnlockDialog(QDialog):
    def __init__(self, stored_hash: str, kind: str = PASSPHRASE, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stored = stored_hash
        self._kind = kind
        self.setObjectName("UnlockDialog")
        self.setWindowTitle(self.tr("wadesk is locked"))
        title = QLabel(self.tr("wadesk is locked"), objectName="DialogTitle")
        if kind == PIN:
            intro = self.tr("Type your PIN to open wadesk.")
            name = self.tr("PIN")
        else:
            intro = self.tr("Type your passphrase to open wadesk.")
            name = self.tr("Passphrase")
        self.secret = QLineEdit(echoMode=QLineEdit.EchoMode.Password, objectName="SecretField")
        self.secret.setAccessibleName(name)
        self.secret.setPlaceholderText(name)
        if kind == PIN:
            self.secret.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.error = QLabel("", objectName="ErrorText", wordWrap=True)
        self.error.setVisible(False)
        buttons = QDialogButtonBox()
        unlock = buttons.addButton(self.tr("Unlock"), QDialogButtonBox.ButtonRole.AcceptRole)
        unlock.setObjectName("PrimaryButton")
        unlock.setDefault(True)
        buttons.addButton(self.tr("Quit wadesk"), QDialogButtonBox.ButtonRole.RejectRole).setObjectName(
            "SecondaryButton")
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(QLabel(intro, wordWrap=True))
        layout.addWidget(self.secret)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    def _check(self) -> None:
        if check_secret(self.secret.text(), self._stored):
            self.accept()
            return
        self.secret.clear()
        self.error.setText(self.tr("That PIN is not right. Please try again.") if self._kind == PIN
                           else self.tr("That passphrase is not right. Please try again."))
        self.error.setVisible(True)


class AppLock(QObject):
    """Locks after idle minutes (and is asked at start by app.py)."""

    changed = Signal()  # turned on, changed or off

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

    @property
    def kind(self) -> str:
        return self.settings.get("app_lock_kind")

    def restart_timer(self) -> None:
        minutes = self.settings.get("app_lock_idle_minutes")
        if self.enabled and minutes > 0 and not self.locked:
            self._timer.start(minutes * 60_000)
        else:
            self._timer.stop()

    @property
    def idle_timer_running(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and not self.locked and self._timer.isActive():
            self._timer.start()  # any use resets the idle time
        return False

    # -- the secret ----------------------------------------------------------------------

    def check(self, secret: str) -> bool:
        return self.enabled and check_secret(secret, self.settings.get("app_lock_hash"))

    def set_secret(self, kind: str, secret: str, current: str | None = None) -> None:
        """Turn the lock on, or change its secret (then `current` must be the old one).

        Raises WrongSecret, or ValueError with a message for the user; OSError when the
        settings cannot be written (nothing changed then)."""
        if self.enabled and not self.check(current or ""):
            raise WrongSecret(self.tr("That is not your current PIN or passphrase. Nothing was changed."))
        problem = secret_problem(kind, secret)
        if problem:
            raise ValueError(problem)
        self.settings.update({"app_lock_hash": hash_secret(secret), "app_lock_kind": kind})
        self.restart_timer()
        self.changed.emit()

    def remove(self, current: str) -> None:
        """Turn the lock off; only with the current secret (raises WrongSecret)."""
        if not self.enabled:
            return
        if not self.check(current):
            raise WrongSecret(self.tr("That is not your current PIN or passphrase. The lock stays on."))
        self.settings.update({"app_lock_hash": "", "app_lock_kind": PASSPHRASE})
        self.restart_timer()
        self.changed.emit()

    # -- locking -------------------------------------------------------------------------

    def _idle(self) -> None:
        if not self.lock():
            QApplication.quit()  # closing the lock dialog closes wadesk, it never opens it

    def lock(self) -> bool:
        """Hide wadesk's windows until the right secret is typed; False if the user gave up."""
        if not self.enabled or self.locked:
            return True
        self.locked = True
        self._timer.stop()
        hidden = self._hide_windows()
        dialog = UnlockDialog(self.settings.get("app_lock_hash"), self.kind)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        self.locked = False
        if accepted:
            for widget in hidden:
                widget.show()
        self.restart_timer()
        return accepted

    def _hide_windows(self) -> list[QWidget]:
        """The main window and the other windows that show chats (the settings, an image).

        Modal dialogs stay: hiding one would end its exec() as if it had been cancelled."""
        hidden = []
        for widget in [self.window, *QApplication.topLevelWidgets()]:
            if (widget.isVisible() and widget not in hidden and not widget.isModal()
                    and widget.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)):
                hidden.append(widget)
        for widget in hidden:
            widget.hide()
        if self.window not in hidden:
            self.window.hide()  # not shown yet (the lock at start): stays hidden
        return hidden

    def detach(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._timer.stop()
