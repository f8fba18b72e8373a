"""Ctrl+N: writing to a number — the number field of a new conversation.

The number may be typed as people write it ("0151 2345 6789", "+49 151 …", "0049 …");
national numbers belong to the country of the business's own number. The dialog shows
the number as it understood it while it is typed, and a plain reason when it cannot be
a phone number. What happens with a valid number (open its conversation, or a first
template to it) is the main window's business: the dialog only emits `number_chosen`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from wadesk.core.phone_format import format_number
from wadesk.core.phone_input import NumberError, parse_number
from wadesk.desktop.theme import current_colours


def reason_text(reason: str) -> str:
    """The sentence for a NumberError's reason."""
    texts = {
        "empty": QCoreApplication.translate("NewConversationDialog", "Type the customer's phone number."),
        "characters": QCoreApplication.translate(
            "NewConversationDialog", "A phone number has only digits, spaces and + - / ( )."),
        "plus": QCoreApplication.translate(
            "NewConversationDialog", "The + belongs only at the start, before the country code (+49 …)."),
        "country": QCoreApplication.translate(
            "NewConversationDialog", "This is not a country code. Start with + and the country code, "
                                     "for example +49 151 23456789."),
        "short": QCoreApplication.translate(
            "NewConversationDialog", "This number is too short for a mobile or landline number."),
        "long": QCoreApplication.translate(
            "NewConversationDialog", "This number is too long: phone numbers have at most 15 digits."),
    }
    return texts.get(reason, texts["characters"])


class NewConversationDialog(QDialog):
    number_chosen = Signal(str)  # the WhatsApp id (E.164 digits without +)

    def __init__(self, country_code: str = "49", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NewConversationDialog")
        self.setWindowTitle(self.tr("New conversation"))
        self.setMinimumWidth(420)
        self._country = country_code
        intro = QLabel(self.tr("Write to a customer by their phone number. If you have talked before, "
                               "the conversation opens; otherwise the first message is a template."),
                       wordWrap=True, objectName="Muted")
        self.number = QLineEdit(objectName="NumberField")
        self.number.setPlaceholderText(self.tr("e.g. 0151 23456789 or +%1 …").replace("%1", country_code))
        self.number.setAccessibleName(self.tr("Phone number"))
        self.number.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.number.textChanged.connect(self._typed)
        self.understood = QLabel(objectName="Muted")
        self.error = QLabel(objectName="ErrorText", wordWrap=True)
        self.error.setStyleSheet(f"color: {current_colours()['danger']};")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.addButton(self.tr("Continue"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.number)
        layout.addWidget(self.understood)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._typed("")

    def wa_id(self) -> str | None:
        """The number as a WhatsApp id, None while it is not a valid number."""
        try:
            return parse_number(self.number.text(), self._country)
        except NumberError:
            return None

    def _typed(self, _text: str) -> None:
        wa_id = self.wa_id()
        self.error.hide()
        self.understood.setText(format_number(wa_id) if wa_id else "")
        self.understood.setAccessibleName(self.understood.text())
        self.understood.setVisible(bool(wa_id))

    def accept(self) -> None:
        try:
            wa_id = parse_number(self.number.text(), self._country)
        except NumberError as exc:
            self.error.setText(reason_text(exc.reason))
            self.error.setAccessibleName(self.error.text())
            self.error.show()
            self.number.setFocus()
            return  # the dialog stays, with what was typed
        super().accept()
        self.number_chosen.emit(wa_id)
