"""Asks for the database passphrase where no keychain keeps the key.

The passphrase mode is the user's explicit choice, so the dialog says plainly what it
means: the history can only be opened with this passphrase, and nobody can recover it.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

MIN_LENGTH = 10


class PassphraseDialog(QDialog):
    def __init__(self, *, new: bool, error: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._new = new
        self.setWindowTitle(self.tr("Protect your message history") if new else self.tr("Unlock wadesk"))
        if new:
            intro = self.tr(
                "This computer has no keychain where wadesk could keep the key of your "
                "encrypted message history. Choose a passphrase instead. You will type it "
                "each time wadesk starts. If you forget it, nobody can open the history again."
            )
        else:
            intro = self.tr("Type the passphrase that protects your message history.")
        text = QLabel(intro, wordWrap=True)
        self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.repeat = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Repeat the passphrase"))
        self.error = QLabel(error, objectName="ErrorText", wordWrap=True)
        self.error.setVisible(bool(error))
        form = QFormLayout()
        form.addRow(self.tr("Passphrase"), self.passphrase)
        if new:
            form.addRow(self.tr("Repeat it"), self.repeat)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def _check(self) -> None:
        value = self.passphrase.text()
        problem = ""
        if self._new and len(value) < MIN_LENGTH:
            problem = self.tr("Please use at least %d characters.") % MIN_LENGTH
        elif self._new and value != self.repeat.text():
            problem = self.tr("The two passphrases are not the same.")
        elif not value:
            problem = self.tr("Please type your passphrase.")
        if problem:
            self.error.setText(problem)
            self.error.setVisible(True)
            return
        self.accept()

    def value(self) -> str:
        return self.passphrase.text()
