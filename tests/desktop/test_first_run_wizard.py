"""The first-run wizard: one question per page, a login that never freezes the window,
and every failure said plainly."""

import threading

import keyring
import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from keyring.backends.fail import Keyring as NoKeyring

from wadesk.desktop.dialogs.first_run_wizard import DEMO, RELAY, FirstRunWizard, ReloginWizard, login_error_text
from wadesk.desktop.sync.login import LoginError, LoginResult

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


class FakeRelay:
    """log_in as the wizard calls it; answers with the queued outcomes."""

    def __init__(self, *outcomes):
        self.outcomes = list(outcomes)
        self.calls = []
        self.thread_names = []

    def __call__(self, url, name, **secret):
        self.calls.append((url, name, secret))
        self.thread_names.append(threading.current_thread().name)
        outcome = self.outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome


GOOD = LoginResult("https://relay.example.de", "wdt_token", {"id": 3, "name": "Lena", "role": "agent"},
                   {"id": 9}, False)


@pytest.fixture
def keep():
    """Wizards of a test, deleted right after it: a hidden QWizard still waiting for its
    deferred deletion crashes the next test's QApplication.setStyle (the theme)."""
    made = []
    yield made.append
    for w in made:
        w.close()
        w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def wizard(english, keep):
    w = FirstRunWizard(FakeRelay(LoginError("wrong_code"), GOOD))
    keep(w)
    w.show()
    return w


def fill(page, url="https://relay.example.de", name="Lena", secret="ABCDE-FGHIJ"):
    page.address.setText(url)
    page.name.setText(name)
    page.secret.setText(secret)


def test_the_demo_is_one_click_away(wizard):
    wizard.start_page.demo.setChecked(True)
    assert wizard.start_page.isFinalPage()
    assert wizard.choice == DEMO


def test_connecting_logs_in_in_the_background_and_explains_a_wrong_code(wizard, qtbot):
    relay = wizard.relay_page._log_in
    assert wizard.choice == RELAY
    wizard.next()
    page = wizard.relay_page
    assert wizard.currentPage() is page and not page.isComplete()
    fill(page)
    assert page.isComplete()
    wizard.next()  # first try: the relay says no
    qtbot.waitUntil(lambda: "code is not right" in page.status.text(), timeout=5000)
    assert wizard.currentPage() is page and page.status.isVisible()
    assert relay.thread_names == ["wadesk-login"]  # never on the UI thread
    wizard.next()  # second try: in
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.key_page, timeout=5000)
    assert wizard.login is GOOD and page.secret.text() == ""
    assert relay.calls[-1] == ("https://relay.example.de", "Lena", {"setup_code": "ABCDE-FGHIJ"})
    assert wizard.key_page.has_keychain and wizard.passphrase is None


def test_without_a_keychain_the_key_page_asks_for_a_passphrase_twice(english, keep):
    keyring.set_keyring(NoKeyring())
    w = FirstRunWizard(FakeRelay(GOOD))
    keep(w)
    page = w.key_page
    assert not page.has_keychain and "no keychain" in page.findChildren(type(page.error))[0].text()
    page.passphrase.setText("kurz")
    assert not page.validatePage() and "at least 10" in page.error.text()
    page.passphrase.setText("Fahrradkette 2024")
    page.repeat.setText("Fahrradkette 2025")
    assert not page.validatePage() and "not the same" in page.error.text()
    page.repeat.setText("Fahrradkette 2024")
    assert page.validatePage() and w.passphrase == "Fahrradkette 2024"


@pytest.mark.parametrize("kind", ["insecure", "bad_address", "unreachable", "certificate", "not_a_relay",
                                  "wrong_code", "too_many", "relay_error"])
def test_every_failure_has_its_own_plain_sentence(kind, english):
    text = login_error_text(LoginError(kind))
    assert text and "Error" not in text and len(text) < 300


def test_logging_in_again_finishes_by_itself(qtbot, english, keep):
    w = ReloginWizard("https://relay.example.de", "Lena", FakeRelay(GOOD))
    keep(w)
    w.show()
    assert w.page.address.text() == "https://relay.example.de" and w.page.name.text() == "Lena"
    w.page.secret.setText("secret password")
    w.page.use_password.setChecked(True)
    with qtbot.waitSignal(w.accepted, timeout=5000):
        w.page.validatePage()
    assert w.login is GOOD


class Gate:
    """A background check that answers with the queued outcomes, each held until the
    test opens the gate (no timing involved)."""

    def __init__(self, *outcomes):
        self.outcomes, self.open, self.calls = list(outcomes), threading.Event(), []

    def __call__(self, *args, **kwargs):
        self.calls.append(threading.current_thread().name)
        assert self.open.wait(10)
        outcome = self.outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome


def test_one_login_at_a_time_and_a_crash_is_said_plainly(english, keep, qtbot):
    gate = Gate(RuntimeError("boom"))
    w = FirstRunWizard(gate)
    keep(w)
    w.show()
    w.next()
    page = w.relay_page
    fill(page)
    w.next()
    assert page.status.text() == "Connecting to your relay…" and not page.isComplete()  # Next is greyed
    w.next()  # pressed again while it runs: no second login
    gate.open.set()
    qtbot.waitUntil(page.isComplete, timeout=5000)
    assert gate.calls == ["wadesk-login"]
    assert page.status.text() == login_error_text(LoginError("relay_error"))
    assert w.currentPage() is page and w.login is None and page.secret.text() == "ABCDE-FGHIJ"  # nothing lost


def test_the_one_pc_token_check_runs_in_the_background_then_moves_on(english, keep, qtbot):
    from wadesk.desktop.dialogs.one_pc_pages import account_problem_text

    check = Gate(OSError("no network"), (None, "+49 30 1234567"))
    w = FirstRunWizard(FakeRelay(), check_account_with=check)
    keep(w)
    w.show()
    w.start_page.local.setChecked(True)
    w.next()
    page = w.local_page
    for field, value in zip(page._fields(), ("Lena", "106540352242922", "102290129340398", "EAAG-token", "s3cret")):
        field.setText(value)
    w.next()
    assert page.status.text() == "Asking WhatsApp whether the token works…" and not page.isComplete()
    check.open.set()
    qtbot.waitUntil(page.isComplete, timeout=5000)
    assert check.calls == ["wadesk-token-check"]  # never on the UI thread
    assert page.status.text() == account_problem_text("unreachable") and w.currentPage() is page
    assert w.local_setup is None
    w.next()
    qtbot.waitUntil(lambda: w.currentPage() is w.webhook_page, timeout=5000)
    assert page.status.text() == "WhatsApp accepted the token for +49 30 1234567."
    assert w.local_setup.access_token == "EAAG-token" and w.owner_name == "Lena"
