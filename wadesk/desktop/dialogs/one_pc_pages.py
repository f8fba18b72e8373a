"""The first-run wizard's pages for a one-PC shop (the relay runs inside wadesk).

    account   your name, the phone number id, the WhatsApp Business Account id, the
              access token and the app secret, one plain sentence each; Next asks the
              Cloud API (on a background thread: background_check.py) whether the token
              works for the number
    webhook   the port, the verify token (made here) and the webhook address to copy
              into Meta's webhook form, and why Meta must be able to reach this PC

The pages only collect: `LocalSetup` is what app.py hands to local_relay.py.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from wadesk.desktop import local_relay
from wadesk.desktop.dialogs.background_check import BackgroundCheckPage, plain_label
from wadesk.desktop.local_relay import LocalSetup

CheckAccount = Callable[[LocalSetup], "tuple[str | None, str | None]"]


def account_problem_text(kind: str) -> str:
    """What went wrong with the account check, and what to do, for a shop owner."""
    texts = {
        "token_refused": QCoreApplication.translate(
            "OnePcPages", "WhatsApp does not accept this access token: it is mistyped, expired or was "
            "withdrawn. Copy a new one from Meta's Business Settings (System users) and paste it again."),
        "token_lacks_permission": QCoreApplication.translate(
            "OnePcPages", "This access token may not send WhatsApp messages. In Meta's Business Settings, "
            "give the system user the permissions whatsapp_business_messaging and "
            "whatsapp_business_management, then make a new token."),
        "wrong_number": QCoreApplication.translate(
            "OnePcPages", "The token works, but not for this phone number id. Check both ids on the "
            "WhatsApp \"API Setup\" page of your Meta app."),
        "unreachable": QCoreApplication.translate(
            "OnePcPages", "wadesk could not reach WhatsApp just now. Check that this computer is online, "
            "then press Next again."),
    }
    return texts.get(kind, texts["unreachable"])


class LocalAccountPage(BackgroundCheckPage):
    """Who owns the shop and which WhatsApp number it uses."""

    def __init__(self, check: CheckAccount = local_relay.check_account, graph_base_url: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._check, self._graph = check, graph_base_url
        self.checked: LocalSetup | None = None
        self.display_number: str | None = None
        self.setTitle(self.tr("Only this PC"))
        self.setSubTitle(self.tr("wadesk receives your WhatsApp messages itself. You find these values "
                                 "in your Meta app, on the WhatsApp \"API Setup\" page."))
        self.name = QLineEdit(placeholderText=self.tr("e.g. Lena"))
        self.name.setAccessibleName(self.tr("Your name"))
        self.phone_number_id = QLineEdit(placeholderText="106540352242922")
        self.phone_number_id.setAccessibleName(self.tr("Phone number id"))
        self.waba_id = QLineEdit(placeholderText="102290129340398")
        self.waba_id.setAccessibleName(self.tr("WhatsApp Business Account id"))
        self.token = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.token.setAccessibleName(self.tr("Access token"))
        self.app_secret = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.app_secret.setAccessibleName(self.tr("App secret"))
        form = QFormLayout()
        form.addRow(self.tr("What is your name? You will be the owner of the team."), self.name)
        form.addRow(self.tr("What is the phone number id of your WhatsApp number?"), self.phone_number_id)
        form.addRow(self.tr("What is your WhatsApp Business Account id?"), self.waba_id)
        form.addRow(self.tr("Which permanent access token did you make for a system user?"), self.token)
        form.addRow(self.tr("What is the app secret (App settings, Basic)?"), self.app_secret)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(plain_label(self.tr("The token and the app secret are kept in this computer's keychain, "
                                             "never in a file."), "Hint"))
        layout.addWidget(self.status)
        layout.addStretch(1)
        for field in self._fields():
            field.textChanged.connect(self._edited)

    def _fields(self) -> tuple[QLineEdit, ...]:
        return self.name, self.phone_number_id, self.waba_id, self.token, self.app_secret

    def _edited(self) -> None:
        self.checked = None  # a changed value must be checked again
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.busy and all(f.text().strip() for f in self._fields())

    def setup(self) -> LocalSetup:
        return LocalSetup(self.phone_number_id.text().strip(), self.waba_id.text().strip(),
                          self.token.text().strip(), self.app_secret.text().strip(),
                          graph_base_url=self._graph)

    def passed(self) -> bool:
        return self.checked is not None

    def start_check(self) -> None:
        """Ask the Cloud API whether the token works for the number (Next pressed)."""
        setup, check = self.setup(), self._check
        self.run_in_background(lambda: check(setup), self.tr("Asking WhatsApp whether the token works…"),
                               "wadesk-token-check", lambda _exc: ("unreachable", None))

    def check_finished(self, outcome: object) -> bool:
        problem, number = outcome  # the problem's kind or None, the display number or None
        if problem:
            self.show_status(account_problem_text(str(problem)))
            return False
        self.checked = self.setup()
        self.display_number = str(number) if number else None
        self.show_status(self.tr("WhatsApp accepted the token for %1.").replace("%1", self.display_number or "")
                         if self.display_number else self.tr("WhatsApp accepted the token."), error=False)
        return True


class LocalWebhookPage(QWizardPage):
    """Where Meta delivers the messages: the port, the address and the verify token."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.verify_token = local_relay.new_verify_token()
        self.setTitle(self.tr("Let WhatsApp reach this PC"))
        self.setSubTitle(self.tr("Meta delivers every message to a public https address, so this PC "
                                 "must be reachable from the internet, e.g. with a tunnel such as "
                                 "Cloudflare Tunnel that forwards to the port below."))
        self.port = QSpinBox(minimum=1024, maximum=65535, value=local_relay.DEFAULT_PORT)
        self.port.setAccessibleName(self.tr("Port"))
        self.local_address = QLineEdit(readOnly=True)
        self.local_address.setAccessibleName(self.tr("Address on this PC"))
        self.token_field = QLineEdit(self.verify_token, readOnly=True)
        self.token_field.setAccessibleName(self.tr("Verify token"))
        copy = QPushButton(self.tr("Copy"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.verify_token))
        token_row = QHBoxLayout()
        token_row.addWidget(self.token_field, 1)
        token_row.addWidget(copy)
        form = QFormLayout()
        form.addRow(self.tr("On which port should wadesk listen?"), self.port)
        form.addRow(self.tr("Your tunnel forwards to:"), self.local_address)
        form.addRow(self.tr("Verify token for Meta's webhook form:"), token_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.callback_hint = plain_label("", "Hint")
        layout.addWidget(self.callback_hint)
        layout.addWidget(plain_label(self.tr("Then subscribe the webhook to the \"messages\" field. Keep wadesk "
                                             "running: messages arrive only while it is open (Meta retries "
                                             "for a while)."), "Hint"))
        layout.addStretch(1)
        self.port.valueChanged.connect(self._show_addresses)
        self._show_addresses()

    def _show_addresses(self) -> None:
        self.local_address.setText(local_relay.local_url(self.port.value()) + local_relay.WEBHOOK_PATH)
        self.callback_hint.setText(self.tr(
            "In your Meta app, under WhatsApp > Configuration, enter as Callback URL your tunnel's public "
            "address followed by %1 (e.g. https://shop.example.com%1), and the verify token above.")
            .replace("%1", local_relay.WEBHOOK_PATH))
