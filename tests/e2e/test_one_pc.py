"""The one-PC shop: the relay runs inside wadesk, against the Cloud API simulator.

The wizard checks the token with the (simulated) Cloud API; the first start makes the
owner and starts the relay in-process; the simulator delivers webhooks to it; a
restart brings the relay back with its data; quitting frees the port."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QDialog, QLabel

from tests.e2e.test_app_start import run_until
from wadesk import secrets
from wadesk.desktop import app as desktop_app
from wadesk.desktop import local_relay, relay_profile
from wadesk.desktop.dialogs import first_run_wizard
from wadesk.desktop.dialogs.first_run_wizard import LOCAL, FirstRunWizard
from wadesk.desktop.local_relay import LocalRelayError, LocalSetup
from wadesk.paths import for_profile

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def keep():
    made = []
    yield made.append
    for w in made:
        w.close()
        w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_the_wizard_checks_the_token_with_the_cloud_api_and_shows_the_webhook(sim, english, keep, qtbot):
    wizard = FirstRunWizard(graph_base_url=sim.base_url)
    keep(wizard)
    wizard.show()
    wizard.start_page.local.setChecked(True)
    assert wizard.choice == LOCAL
    wizard.next()
    page = wizard.local_page
    assert wizard.currentPage() is page and not page.isComplete()
    page.name.setText("Lena")
    page.phone_number_id.setText(sim.phone_number_id)
    page.waba_id.setText(sim.waba_id)
    page.token.setText("EAAG-not-the-right-token-123")
    page.app_secret.setText(sim.app_secret)
    wizard.next()
    qtbot.waitUntil(lambda: "does not accept this access token" in page.status.text(), timeout=10_000)
    assert wizard.currentPage() is page and wizard.local_setup is None
    page.token.setText(sim.access_token)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.webhook_page, timeout=10_000)
    number = sim.simulator.account.default_number.display_phone_number
    assert number in page.status.text()
    hook = wizard.webhook_page
    hook.port.setValue(9123)
    assert hook.local_address.text() == "http://127.0.0.1:9123/webhook"
    assert hook.token_field.text() == hook.verify_token and len(hook.verify_token) >= 24
    assert "Cloudflare Tunnel" in hook.subTitle()
    setup = wizard.local_setup
    assert setup.port == 9123 and setup.access_token == sim.access_token and setup.graph_base_url == sim.base_url
    assert setup.verify_token == hook.verify_token and wizard.owner_name == "Lena"
    assert sim.access_token not in repr(setup)


def test_without_a_keychain_one_pc_is_refused_with_the_reason(english, keep):
    import keyring
    from keyring.backends.fail import Keyring as NoKeyring

    keyring.set_keyring(NoKeyring())
    wizard = FirstRunWizard()
    keep(wizard)
    assert not wizard.start_page.local.isEnabled()
    hints = " ".join(label.text() for label in wizard.start_page.findChildren(QLabel))
    assert "no keychain" in hints and "never writes it into a file" in hints


class OnePcWizard:
    """The wizard as an owner who filled in the one-PC pages would leave it."""

    DialogCode = QDialog.DialogCode
    choice = LOCAL
    passphrase = None
    login = None
    owner_name = "Lena"
    setup: LocalSetup | None = None

    def __init__(self, *args, **kwargs) -> None:
        pass

    def exec(self) -> int:
        return QDialog.DialogCode.Accepted

    @property
    def local_setup(self):
        return type(self).setup


def test_one_pc_runs_the_relay_in_process_and_keeps_its_data_across_a_restart(sim, sim_api, tmp_path, qapp,
                                                                                 monkeypatch):
    port = free_port()
    OnePcWizard.setup = LocalSetup(sim.phone_number_id, sim.waba_id, sim.access_token, sim.app_secret, port,
                                   sim.verify_token, sim.base_url)
    monkeypatch.setattr(first_run_wizard, "FirstRunWizard", OnePcWizard)
    profile = tmp_path / "shop"
    hooked = []

    def first(window) -> bool:
        if not hooked:  # Meta (the simulator) verifies and then feeds this PC's webhook
            state = sim_api.post("/webhook", json={"url": f"http://127.0.0.1:{port}/webhook",
                                                   "verify_token": sim.verify_token}).json()
            assert state["verification"]["status"] == "verified"
            sim_api.post("/customers/jonas/say", json={"type": "text", "text": "Hallo!"}).raise_for_status()
            hooked.append(True)
        return window.list_model.rowCount() == 1 and "Your business" not in window.windowTitle()

    rc, seen = run_until(profile, first)
    assert rc == 0 and seen["rows"] == 1
    number = sim.simulator.account.default_number
    assert seen["window"] == f"wadesk — {number.verified_name}"
    paths = for_profile(profile)
    saved = relay_profile.load(paths)
    assert saved.kind == relay_profile.LOCAL and saved.person_name == "Lena"
    assert saved.business_number == number.display_phone_number
    on_disk = "".join(p.read_text(errors="ignore") for p in paths.data.glob("*.json"))
    assert sim.access_token not in on_disk and sim.app_secret not in on_disk
    assert secrets.get_secret("relay-access_token", (paths.data / "relay").resolve()) == sim.access_token
    with pytest.raises(ConnectionRefusedError):  # quitting stopped the relay: nobody listens
        socket.create_connection(("127.0.0.1", port), timeout=5).close()

    monkeypatch.setattr(first_run_wizard, "FirstRunWizard", None)  # not asked again
    said = []

    def again(window) -> bool:
        if window.list_model.rowCount() == 1 and not said:
            sim_api.post("/customers/aylin/say", json={"type": "text", "text": "Guten Tag"}).raise_for_status()
            said.append(True)
        return window.list_model.rowCount() == 2

    rc, seen = run_until(profile, again)
    assert rc == 0 and seen["rows"] == 2
    assert seen["window"] == f"wadesk — {number.verified_name}"  # from the first start, at once


def test_a_taken_port_is_said_plainly(sim, tmp_path, qapp, monkeypatch):
    paths = for_profile(tmp_path / "shop")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        local_relay.save_setup(paths, LocalSetup(sim.phone_number_id, sim.waba_id, sim.access_token, sim.app_secret,
                                                 port, sim.verify_token, sim.base_url))
        relay_profile.save(paths, relay_profile.RelayProfile(local_relay.local_url(port), "1", "Lena", "owner", 1,
                                                             relay_profile.LOCAL))
        shown = []
        monkeypatch.setattr(desktop_app, "_explain", lambda error, title=None: shown.append((error, title)))
        assert desktop_app.run(profile=str(tmp_path / "shop"), language="en") == 2
    (error, _title), = shown
    assert isinstance(error, LocalRelayError) and error.kind == "port_taken"
    from wadesk.desktop.start_errors import explanation

    assert f"port {port}" in explanation(error) and "Close that program" in explanation(error)
    assert not paths.database.exists()  # nothing opened before the relay ran


def test_the_first_login_asks_once_for_a_password_for_the_next_pc(relay, desktop, qtbot):
    from wadesk.desktop.sync.login import log_in

    lena = desktop("Lena")
    dialog = lena.inbox.ask_for_password()
    assert dialog.isVisible() and dialog.skip_button.isVisible()
    dialog.password.setText("kurz")
    dialog.save()
    assert "at least 10" in dialog.error.text() and dialog.isVisible()
    dialog.password.setText("Fahrradkette 2024")
    dialog.repeat.setText("Fahrradkette 2024")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.save()
    again = log_in(relay.url, "Lena", password="Fahrradkette 2024")
    assert again.person["has_password"] and not again.must_set_password


def test_the_relay_tells_the_business_name_and_number(relay, desktop, sim, qtbot):
    from wadesk.desktop.business_identity import BusinessIdentity

    lena = desktop("Lena")
    number = sim.simulator.account.default_number
    identity = BusinessIdentity()
    with qtbot.waitSignal(identity.found, timeout=10_000) as found:
        identity.ask(relay.url, lena.token)
    assert found.args == [number.verified_name, number.display_phone_number]
    lena.inbox.set_business(*found.args)
    window = lena.window
    assert window.windowTitle() == f"wadesk — {number.verified_name}"
    assert window.sidebar.business_name.text() == number.verified_name
    assert window.sidebar.business_number.text() == number.display_phone_number
    assert window.new_conversations.country_code == number.display_phone_number.lstrip("+")[:len(
        window.new_conversations.country_code)]
