"""Turning the app lock on, changing its PIN or passphrase, turning it off.

A new secret is typed twice; changing or removing one first asks for the current one,
and a wrong one is refused with a plain message (app_lock.AppLock decides, this only
asks).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from wadesk.desktop.app_lock import (
    PASSPHRASE,
    PASSPHRASE_MIN_LENGTH,
    PIN,
    PIN_MIN_DIGITS,
    AppLock,
    WrongSecret,
    secret_problem,
)

TURN_ON, CHANGE, TURN_OFF = "on", "change", "off"


def _secret_field(name: str) -> QLineEdit:
    field = QLineEdit(echoMode=QLineEdit.EchoMode.Password, objectName="SecretField")
    field.setAccessibleName(name)
    return field


class LockSecretDialog(QDialog):
    def __init__(self, lock: AppLock, mode: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lock = lock
        self.mode = mode
        self.setObjectName("LockSecretDialog")
        titles = {TURN_ON: self.tr("Turn on the app lock"), CHANGE: self.tr("Change the app lock"),
                  TURN_OFF: self.tr("Turn off the app lock")}
        intros = {
            TURN_ON: self.tr("wadesk will ask for this PIN or passphrase at every start and after the idle "
                             "time you choose. It keeps others at this PC from reading your chats."),
            CHANGE: self.tr("Type the current PIN or passphrase, then choose the new one."),
            TURN_OFF: self.tr("Type the current PIN or passphrase. Afterwards anyone at this PC can open "
                              "wadesk."),
        }
        self.setWindowTitle(titles[mode])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(QLabel(titles[mode], objectName="DialogTitle"))
        layout.addWidget(QLabel(intros[mode], wordWrap=True))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(8)
        current_name = self.tr("Current PIN") if lock.kind == PIN else self.tr("Current passphrase")
        self.current = _secret_field(current_name)
        if mode in (CHANGE, TURN_OFF):
            form.addRow(current_name, self.current)

        self.pin_choice = QRadioButton(self.tr("PIN"))
        self.passphrase_choice = QRadioButton(self.tr("Passphrase"))
        self.kinds = QButtonGroup(self)
        self.kinds.addButton(self.pin_choice)
        self.kinds.addButton(self.passphrase_choice)
        (self.pin_choice if lock.kind == PIN or not lock.enabled else self.passphrase_choice).setChecked(True)
        self.kinds.buttonToggled.connect(lambda *_: self._kind_changed())
        self.secret = _secret_field(self.tr("New PIN or passphrase"))
        self.repeat = _secret_field(self.tr("Repeat it"))
        self.secret_label = QLabel()
        self.repeat_label = QLabel()
        self.hint = QLabel(objectName="FieldHint", wordWrap=True)
        if mode in (TURN_ON, CHANGE):
            kinds = QHBoxLayout()
            kinds.setSpacing(16)
            kinds.addWidget(self.pin_choice)
            kinds.addWidget(self.passphrase_choice)
            kinds.addStretch(1)
            form.addRow(self.tr("Kind"), kinds)
            form.addRow(self.secret_label, self.secret)
            form.addRow("", self.hint)
            form.addRow(self.repeat_label, self.repeat)
        layout.addLayout(form)

        self.error = QLabel("", objectName="ErrorText", wordWrap=True)
        self.error.setVisible(False)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("SecondaryButton")
        actions = {TURN_ON: self.tr("Turn on"), CHANGE: self.tr("Change"), TURN_OFF: self.tr("Turn off")}
        self.ok_button = buttons.addButton(actions[mode], QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("DangerButton" if mode == TURN_OFF else "PrimaryButton")
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self._kind_changed()
        (self.current if mode != TURN_ON else self.secret).setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def kind(self) -> str:
        return PIN if self.pin_choice.isChecked() else PASSPHRASE

    def _kind_changed(self) -> None:
        pin = self.kind == PIN
        self.secret_label.setText(self.tr("New PIN") if pin else self.tr("New passphrase"))
        self.repeat_label.setText(self.tr("Repeat the PIN") if pin else self.tr("Repeat the passphrase"))
        self.hint.setText(
            self.tr("At least %1 digits, nothing else.").replace("%1", str(PIN_MIN_DIGITS)) if pin else
            self.tr("At least %1 characters; a few words are easy to remember and hard to guess.").replace(
                "%1", str(PASSPHRASE_MIN_LENGTH)))
        self.secret.setAccessibleName(self.secret_label.text())
        self.secret.setAccessibleDescription(self.hint.text())
        self.repeat.setAccessibleName(self.repeat_label.text())
        hints = Qt.InputMethodHint.ImhDigitsOnly if pin else Qt.InputMethodHint.ImhNone
        self.secret.setInputMethodHints(hints)
        self.repeat.setInputMethodHints(hints)

    def _refuse(self, message: str, field: QLineEdit) -> None:
        self.error.setText(message)
        self.error.setVisible(True)
        field.selectAll()
        field.setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self) -> None:
        """Check what was typed; on success the lock is changed and the dialog accepted."""
        if self.mode in (CHANGE, TURN_OFF) and not self.lock.check(self.current.text()):
            self.current.clear()
            self._refuse(self.tr("That is not your current PIN.") if self.lock.kind == PIN
                         else self.tr("That is not your current passphrase."), self.current)
            return
        if self.mode in (TURN_ON, CHANGE):
            problem = secret_problem(self.kind, self.secret.text())
            if problem:
                self._refuse(problem, self.secret)
                return
            if self.secret.text() != self.repeat.text():
                self.repeat.clear()
                self._refuse(self.tr("The two entries are not the same. Please type the new one again."),
                             self.repeat)
                return
        try:
            if self.mode == TURN_OFF:
                self.lock.remove(self.current.text())
            else:
                self.lock.set_secret(self.kind, self.secret.text(), self.current.text() or None)
        except WrongSecret as exc:
            self._refuse(str(exc), self.current)
            return
        except OSError as exc:
            self._refuse(self.tr("The setting could not be saved (%1). Nothing was changed.").replace(
                "%1", exc.strerror or type(exc).__name__), self.secret if self.mode != TURN_OFF else self.current)
            return
        except ValueError as exc:
            self._refuse(str(exc), self.secret)
            return
        self.accept()
