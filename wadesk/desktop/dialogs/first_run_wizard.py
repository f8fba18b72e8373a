"""The first start: try the demo, or connect this computer to the team's relay.

Three short pages, each asking one thing in one plain sentence:

    1. start    "Try the demo", "Connect to your relay" or "Only this PC (no server)"
    2. relay    the relay's address, your name, your setup code (or password); the
                login runs on a background thread when Next is pressed, so the window
                never freezes, and every failure says what happened and what to do
    3. key      how the history is protected: the keychain (nothing to do), or, on a
                computer without one, a passphrase the user chooses knowingly

    One PC: the account and webhook pages of one_pc_pages.py instead of 2 and 3 (the
    relay runs inside wadesk; its secrets need the keychain, so without one this choice
    is offered disabled, with the reason).

The wizard only collects; app.py acts on `choice`, `login`, `passphrase` and
`local_setup`.
`RelayLoginPage` is reused alone when a signed-out computer logs in again; it checks in
the background as background_check.py does for every such page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from wadesk import secrets
from wadesk.desktop.dialogs.background_check import BackgroundCheckPage, plain_label
from wadesk.desktop.dialogs.one_pc_pages import (
    CheckAccount,
    LocalAccountPage,
    LocalWebhookPage,
)
from wadesk.desktop.dialogs.passphrase_dialog import MIN_LENGTH
from wadesk.desktop.local_relay import LocalSetup, check_account
from wadesk.desktop.sync.login import LoginError, LoginResult, log_in

DEMO, RELAY, LOCAL = "demo", "relay", "local"
LogIn = Callable[..., LoginResult]


class StartPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Welcome to wadesk"))
        self.setSubTitle(self.tr("How would you like to start?"))
        self.demo = QRadioButton(self.tr("Try the demo: a sample bicycle shop with customers who write in"))
        self.relay = QRadioButton(self.tr("Connect to your team's relay"))
        self.relay.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.demo)
        group.addButton(self.relay)
        self.local = QRadioButton(self.tr("Only this PC (no server)"))
        group.addButton(self.local)
        layout = QVBoxLayout(self)
        layout.addWidget(self.relay)
        layout.addWidget(plain_label(self.tr("Your business's relay receives the WhatsApp messages; "
                                             "ask its owner for the address and your setup code."), "Hint"))
        layout.addSpacing(12)
        layout.addWidget(self.local)
        if secrets.keychain_available():
            layout.addWidget(plain_label(self.tr("For a shop with one computer: wadesk receives the WhatsApp "
                                                 "messages itself while it runs."), "Hint"))
        else:
            self.local.setEnabled(False)
            layout.addWidget(plain_label(self.tr(
                "Not possible on this computer: it has no keychain where wadesk could keep your WhatsApp "
                "access token safely, and wadesk never writes it into a file. Run a relay on a server "
                "instead, or use a computer with a keychain."), "Hint"))
        layout.addSpacing(12)
        layout.addWidget(self.demo)
        layout.addWidget(plain_label(self.tr("The demo needs no account and keeps its data apart from real data."),
                                     "Hint"))
        layout.addStretch(1)

    def nextId(self) -> int:
        if self.demo.isChecked():
            return -1
        return FirstRunWizard.LOCAL_PAGE if self.local.isChecked() else FirstRunWizard.RELAY_PAGE

    def isFinalPage(self) -> bool:
        return self.demo.isChecked()


def login_error_text(error: LoginError) -> str:
    """What happened and what to do, for a shop owner."""
    texts = {
        "insecure": QCoreApplication.translate(
            "FirstRunWizard", "This address starts with http://, which would let others on the network read your "
            "messages. Use the https:// address of your relay."),
        "bad_address": QCoreApplication.translate(
            "FirstRunWizard", "This is not a complete address. It should look like https://relay.your-shop.de."),
        "unreachable": QCoreApplication.translate(
            "FirstRunWizard", "wadesk cannot reach a relay at this address. Check the address and that this "
            "computer is online; if both are right, ask whoever runs the relay whether it is running."),
        "certificate": QCoreApplication.translate(
            "FirstRunWizard", "The relay's security certificate is not valid, so wadesk did not send your login. "
            "Ask whoever runs the relay to renew its certificate."),
        "not_a_relay": QCoreApplication.translate(
            "FirstRunWizard", "Something answers at this address, but it is not a wadesk relay. Check the address."),
        "wrong_code": QCoreApplication.translate(
            "FirstRunWizard", "Your name or the code is not right. Type your name exactly as the owner entered it. "
            "A setup code works only once: if it was used already, ask the owner for a new one."),
        "too_many": QCoreApplication.translate(
            "FirstRunWizard", "Too many wrong attempts. Please wait a quarter of an hour, then try again."),
    }
    if error.kind in texts:
        return texts[error.kind]
    return QCoreApplication.translate(
        "FirstRunWizard", "The relay could not log you in. Please try again in a moment, or ask whoever runs the relay.")


class RelayLoginPage(BackgroundCheckPage):
    logged_in = Signal(object)  # LoginResult

    def __init__(self, log_in_with: LogIn = log_in, parent: QWidget | None = None, *,
                 relay_url: str = "", name: str = "") -> None:
        super().__init__(parent)
        self._log_in = log_in_with
        self.result: LoginResult | None = None
        self.setTitle(self.tr("Connect to your relay"))
        self.setSubTitle(self.tr("Enter what the owner of your wadesk relay gave you."))
        self.address = QLineEdit(relay_url, placeholderText="https://relay.your-shop.de")
        self.address.setAccessibleName(self.tr("Relay address"))
        self.name = QLineEdit(name, placeholderText=self.tr("e.g. Lena"))
        self.name.setAccessibleName(self.tr("Your name"))
        self.use_code = QRadioButton(self.tr("Setup code"))
        self.use_password = QRadioButton(self.tr("Password"))
        self.use_code.setChecked(True)
        choice = QHBoxLayout()
        choice.addWidget(self.use_code)
        choice.addWidget(self.use_password)
        choice.addStretch(1)
        self.secret = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.secret.setAccessibleName(self.tr("Setup code or password"))
        form = QFormLayout()
        form.addRow(self.tr("What is the address of your relay?"), self.address)
        form.addRow(self.tr("What is your name in the team?"), self.name)
        form.addRow(self.tr("How do you log in?"), choice)
        form.addRow(self.tr("Your setup code or password:"), self.secret)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addStretch(1)
        for field in (self.address, self.name, self.secret):
            field.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return not self.busy and all(f.text().strip() for f in (self.address, self.name, self.secret))

    def passed(self) -> bool:
        return self.result is not None

    def start_check(self) -> None:
        """Log in with what is filled in (Next pressed)."""
        url, name, secret = self.address.text().strip(), self.name.text().strip(), self.secret.text()
        kwargs = {"setup_code": secret} if self.use_code.isChecked() else {"password": secret}
        self.run_in_background(
            lambda: self._log_in(url, name, **kwargs), self.tr("Connecting to your relay…"), "wadesk-login",
            lambda exc: exc if isinstance(exc, LoginError) else LoginError("relay_error", type(exc).__name__))

    def check_finished(self, outcome: object) -> bool:
        if isinstance(outcome, LoginError):
            self.show_status(login_error_text(outcome))
            return False
        assert isinstance(outcome, LoginResult)
        self.result = outcome
        self.secret.clear()  # the code is used up; the token is what counts now
        self.show_status(self.tr("Connected. Welcome, %1!").replace("%1", outcome.person.get("name") or ""),
                         error=False)
        self.logged_in.emit(outcome)
        return True


class KeyPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Protecting your messages"))
        self.has_keychain = secrets.keychain_available()
        layout = QVBoxLayout(self)
        self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.repeat = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Repeat the passphrase"))
        self.error = plain_label("", "ErrorText")
        self.error.setStyleSheet("color: #ea0038;")
        self.error.setVisible(False)
        if self.has_keychain:
            self.setSubTitle(self.tr("Your message history on this computer is encrypted."))
            layout.addWidget(plain_label(self.tr(
                "The key is kept in this computer's keychain, so there is nothing to remember. "
                "Anyone who can log in to this computer as you can open wadesk.")))
        else:
            self.setSubTitle(self.tr("Which passphrase should protect your message history?"))
            layout.addWidget(plain_label(self.tr(
                "This computer has no keychain where wadesk could keep the key. Choose a passphrase "
                "of at least %1 characters instead: you will type it each time wadesk starts. If you "
                "forget it, the history on this computer cannot be opened, but your team's relay "
                "still has it and a new profile can sync it again.").replace("%1", str(MIN_LENGTH))))
            form = QFormLayout()
            form.addRow(self.tr("Passphrase"), self.passphrase)
            form.addRow(self.tr("Repeat it"), self.repeat)
            layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def validatePage(self) -> bool:
        if self.has_keychain:
            return True
        value = self.passphrase.text()
        problem = ""
        if len(value) < MIN_LENGTH:
            problem = self.tr("Please use at least %1 characters.").replace("%1", str(MIN_LENGTH))
        elif value != self.repeat.text():
            problem = self.tr("The two passphrases are not the same.")
        self.error.setText(problem)
        self.error.setVisible(bool(problem))
        return not problem

    def nextId(self) -> int:
        return -1  # the last page of the relay path (the one-PC pages come after it by id)

    @property
    def chosen_passphrase(self) -> str | None:
        return None if self.has_keychain else self.passphrase.text()


class FirstRunWizard(QWizard):
    START_PAGE, RELAY_PAGE, KEY_PAGE, LOCAL_PAGE, WEBHOOK_PAGE = 0, 1, 2, 3, 4

    def __init__(self, log_in_with: LogIn = log_in, parent: QWidget | None = None, *,
                 check_account_with: CheckAccount = check_account, graph_base_url: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set up wadesk"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        # Made with the wizard as parent: Qt owns them from the start, so Python never
        # frees a page the wizard has already deleted.
        self.start_page = StartPage(self)
        self.relay_page = RelayLoginPage(log_in_with, self)
        self.key_page = KeyPage(self)
        self.setPage(self.START_PAGE, self.start_page)
        self.setPage(self.RELAY_PAGE, self.relay_page)
        self.setPage(self.KEY_PAGE, self.key_page)
        self.local_page = LocalAccountPage(check_account_with, graph_base_url, self)
        self.webhook_page = LocalWebhookPage(self)
        self.setPage(self.LOCAL_PAGE, self.local_page)
        self.setPage(self.WEBHOOK_PAGE, self.webhook_page)
        self.setStartId(self.START_PAGE)
        self.setMinimumSize(640, 460)

    @property
    def choice(self) -> str:
        if self.start_page.demo.isChecked():
            return DEMO
        return LOCAL if self.start_page.local.isChecked() else RELAY

    @property
    def local_setup(self) -> LocalSetup | None:
        """One PC: what the relay needs (checked with the Cloud API), with the port and
        the verify token the owner copied into Meta's form."""
        checked = self.local_page.checked
        if checked is None:
            return None
        return replace(checked, port=self.webhook_page.port.value(), verify_token=self.webhook_page.verify_token)

    @property
    def owner_name(self) -> str:
        return self.local_page.name.text().strip()

    @property
    def login(self) -> LoginResult | None:
        return self.relay_page.result

    @property
    def passphrase(self) -> str | None:
        return self.key_page.chosen_passphrase


class ReloginWizard(QWizard):
    """A signed-out computer logs in again: the relay page alone, filled in."""

    def __init__(self, relay_url: str, name: str, log_in_with: LogIn = log_in, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Log in again"))
        self.page = RelayLoginPage(log_in_with, self, relay_url=relay_url, name=name)
        # This history belongs to this relay: another address would mix two businesses.
        self.page.address.setReadOnly(bool(relay_url))
        self.page.setSubTitle(self.tr("This computer was signed out. Ask the owner for a new setup code, "
                                      "or use your password."))
        self.addPage(self.page)
        self.setMinimumSize(600, 400)

    @property
    def login(self) -> LoginResult | None:
        return self.page.result
