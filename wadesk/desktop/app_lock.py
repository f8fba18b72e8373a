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

Wrong answers cost time: after each one the field is disabled for 1, 2, 4 … seconds
(at most 30) with a countdown, so guessing a 4-digit PIN takes days, not minutes. The
wait runs on a timer; the UI thread never sleeps.

While locked, nothing else may show the window: the tray and the notices ask
`AppLock.locked` (the lock puts itself on its window as `window.app_lock`).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import time
from collections.abc import Callable

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
WAIT_MAX_S = 30  # the longest wait after a wrong PIN or passphrase
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


def failure_wait(failures: int) -> int:
    """Seconds to wait after the `failures`-th wrong answer in a row: 1, 2, 4 … 30."""
    if failures <= 0:
        return 0
    return min(WAIT_MAX_S, 2 ** min(failures - 1, 5))


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
        self.wait_text = QLabel("", objectName="WaitText", wordWrap=True)
        self.wait_text.setVisible(False)
        self.failures = 0
        self.wait_left = 0  # seconds until the next answer is taken
        self.countdown = QTimer(self, interval=1000, timeout=self.tick)
        buttons = QDialogButtonBox()
        unlock = buttons.addButton(self.tr("Unlock"), QDialogButtonBox.ButtonRole.AcceptRole)
        unlock.setObjectName("PrimaryButton")
        unlock.setDefault(True)
        self.unlock_button = unlock
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
        layout.addWidget(self.wait_text)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    def _check(self) -> None:
        if self.wait_left > 0:  # Enter pressed during the wait: the answer is not even read
            return
        if check_secret(self.secret.text(), self._stored):
            self.accept()
            return
        self.secret.clear()
        self.failures += 1
        self.error.setText(self.tr("That PIN is not right. Please try again.") if self._kind == PIN
                           else self.tr("That passphrase is not right. Please try again."))
        self.error.setVisible(True)
        self.wait_left = failure_wait(self.failures)
        self.secret.setEnabled(False)
        self.unlock_button.setEnabled(False)
        self._show_wait()
        self.countdown.start()

    def tick(self) -> None:
        """One second of the wait has passed (the countdown timer; the tests call it)."""
        self.wait_left = max(0, self.wait_left - 1)
        if self.wait_left > 0:
            self._show_wait()
            return
        self.countdown.stop()
        self.wait_text.setVisible(False)
        self.secret.setEnabled(True)
        self.unlock_button.setEnabled(True)
        self.secret.setFocus()

    def _show_wait(self) -> None:
        self.wait_text.setText(self.tr("You can try again in %n second(s).", "", self.wait_left))
        self.wait_text.setVisible(True)


class AppLock(QObject):
    """Locks after idle minutes (and is asked at start by app.py)."""

    changed = Signal()  # turned on, changed or off

    def __init__(self, settings: Settings, window: QWidget, parent: QObject | None = None, *,
                 clock: Callable[[], float] = time.monotonic, timer: QTimer | None = None) -> None:
        """`clock` and `timer` are for the tests: the idle time is measured with the
        clock (the last key press or click) and checked when the timer fires."""
        super().__init__(parent)
        self.settings = settings
        self.window = window
        self.locked = False
        self.dialog: UnlockDialog | None = None
        window.app_lock = self  # the tray and the notices ask it before showing the window
        self._clock = clock
        self._last_input = clock()
        self._timer = timer if timer is not None else QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check_idle)
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

    def _idle_ms(self) -> int:
        return int(self.settings.get("app_lock_idle_minutes")) * 60_000

    def restart_timer(self) -> None:
        if self.enabled and self._idle_ms() > 0 and not self.locked:
            self._last_input = self._clock()
            self._timer.start(self._idle_ms())
        else:
            self._timer.stop()

    def _check_idle(self) -> None:
        """The timer fired: lock if nobody has touched wadesk for the idle time, else
        look again when that time would be up."""
        idle_ms = self._idle_ms()
        if not self.enabled or idle_ms <= 0 or self.locked:
            return
        since_ms = int((self._clock() - self._last_input) * 1000)
        if since_ms >= idle_ms:
            self._idle()
        else:
            self._timer.start(idle_ms - since_ms)

    @property
    def idle_timer_running(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and not self.locked and self._timer.isActive():
            self._last_input = self._clock()  # any use resets the idle time
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
        dialog = self.dialog = UnlockDialog(self.settings.get("app_lock_hash"), self.kind)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        self.dialog = None
        self.locked = False
        if accepted:
            for widget in hidden:
                widget.show()
        self.restart_timer()
        return accepted

    def raise_dialog(self) -> None:
        """Someone asked for the window while locked (the tray): show the lock instead."""
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()

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
        if getattr(self.window, "app_lock", None) is self:
            self.window.app_lock = None
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._timer.stop()
