"""After the first login with a setup code: choose a password for your next PC.

Asked once and skippable. The password goes to the relay (POST /api/v1/me/password)
on a background thread; it is never kept on this computer.
"""

from __future__ import annotations

import threading

import httpx
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

MIN_LENGTH = 10  # as the relay's auth.MIN_PASSWORD_LENGTH


def post_password(relay_url: str, token: str, password: str) -> str:
    """"" when the relay took it, else a problem kind: weak, unreachable, refused."""
    try:
        with httpx.Client(base_url=relay_url, timeout=20.0, headers={"Authorization": f"Bearer {token}"}) as client:
            answer = client.post("/api/v1/me/password", json={"password": password})
    except httpx.HTTPError:
        return "unreachable"
    if answer.status_code == 204:
        return ""
    return "weak" if answer.status_code == 400 else "refused"


class _Relay(QObject):
    done = Signal(str)


class SetPasswordDialog(QDialog):
    def __init__(self, relay_url: str, token: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.relay_url, self._token = relay_url, token
        self._relay = _Relay(self)
        self._relay.done.connect(self._finished)
        self.setWindowTitle(self.tr("A password for your next computer"))
        intro = QLabel(self.tr("Your setup code is used up. Choose a password now, so you can log in on "
                               "another computer without asking the owner for a new code."), wordWrap=True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.repeat = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Repeat the password"))
        self.error = QLabel("", wordWrap=True, objectName="ErrorText")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #ea0038;")
        self.error.setVisible(False)
        form = QFormLayout()
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Repeat it"), self.repeat)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(self.tr("Save password"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.skip_button = self.buttons.addButton(self.tr("Not now"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def save(self) -> None:
        value = self.password.text()
        if len(value) < MIN_LENGTH:
            self._show_error(self.tr("Please use at least %1 characters.").replace("%1", str(MIN_LENGTH)))
            return
        if value != self.repeat.text():
            self._show_error(self.tr("The two passwords are not the same."))
            return
        self._show_error("")
        self.save_button.setEnabled(False)
        url, token = self.relay_url, self._token
        threading.Thread(target=lambda: self._relay.done.emit(post_password(url, token, value)),
                         name="wadesk-password", daemon=True).start()

    def _finished(self, problem: str) -> None:
        self.save_button.setEnabled(True)
        if not problem:
            self.password.clear()
            self.repeat.clear()
            self.accept()
            return
        self._show_error({
            "weak": self.tr("The relay did not accept this password. Please choose a longer one."),
            "unreachable": self.tr("The relay cannot be reached just now. Please try again in a moment."),
        }.get(problem, self.tr("The relay did not save the password. Try again later.")))
