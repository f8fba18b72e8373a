"""Starting the desktop app: Qt, language, theme, the profile's store, the main window.

    run()            a profile with a relay: unlock -> main window + sync worker;
                     a profile without one: the first-run wizard first
    run(demo=True)   simulator and relay in-process (demo.py), the demo profile

Start-up stays fast by importing the network, the relay and the simulator only when
they are needed (the worker starts after the window has painted).
"""

from __future__ import annotations

import logging
import sys
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from wadesk import APP_NAME, __version__, paths as wpaths
from wadesk.desktop import i18n, theme
from wadesk.desktop.resources import resource

log = logging.getLogger(__name__)

DEMO_NAME, DEMO_NUMBER = "Radhaus Berlin (Demo)", "+49 30 1234567"


def make_application(language: str | None = None, scheme: str = "system") -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("wadesk")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("wadesk")
    app.setWindowIcon(QIcon(str(resource("icons", "wadesk-256.png"))))
    chosen = i18n.pick_language(language)
    app.setProperty("wadesk_translators", i18n.install_translators(app, chosen))
    if not QLocale().name().startswith(chosen):
        # Dates and weekdays in the language of the interface, not of the system.
        QLocale.setDefault(QLocale(chosen))
    theme.apply_theme(app, scheme)
    return app


def _ask_passphrase(new: bool, error: str) -> str | None:
    from wadesk.desktop.dialogs.passphrase_dialog import PassphraseDialog

    dialog = PassphraseDialog(new=new, error=error)
    return dialog.value() if dialog.exec() == PassphraseDialog.DialogCode.Accepted else None


def _explain(error: Exception, title: str | None = None) -> None:
    title = title or QCoreApplication.translate("app", "wadesk cannot open your history")
    QMessageBox.critical(None, title, str(error))


class Inbox:
    """The running inbox: window, sync worker, controller, app lock."""

    def __init__(self, paths: Any, conn: Any, opener: Any, relay_url: str, token: str, me_id: str | None,
                 settings: Any, business: tuple[str, str], worker_settings: Any = None) -> None:
        from wadesk.desktop.app_lock import AppLock
        from wadesk.desktop.inbox_controller import InboxController
        from wadesk.desktop.main_window import MainWindow
        from wadesk.desktop.sync.worker import SyncWorker

        self.paths, self.conn, self.opener, self.settings = paths, conn, opener, settings
        self.relay_url = relay_url
        self.worker_settings = worker_settings
        self.window = MainWindow(*business)
        self.window.attach_store(conn, paths.media)
        self.worker = SyncWorker(relay_url, token, opener, paths.media, me_id, worker_settings)
        self.controller = InboxController(self.window, self.worker, conn, settings)
        self.controller.relogin_requested.connect(self.log_in_again)
        self.controller.notifier.lock_settings_requested.connect(lambda: self.lock.change(self.window))
        self.lock = AppLock(settings, self.window)

    def show(self, sync: bool = True) -> bool:
        """Ask for the app lock (if set), show the window, then start syncing."""
        if self.lock.enabled and not self.lock.lock():
            return False
        self.window.show()
        if sync:
            # After the first paint: the list is on screen before any network work starts.
            QTimer.singleShot(0, self.worker.start)
        else:
            self.window.set_connection_state("offline")
        return True

    def log_in_again(self) -> None:
        from wadesk.desktop import relay_profile
        from wadesk.desktop.dialogs.first_run_wizard import ReloginWizard
        from wadesk.desktop.sync.worker import SyncWorker

        profile = relay_profile.load(self.paths)
        wizard = ReloginWizard(self.relay_url, profile.person_name if profile else "", parent=self.window)
        if wizard.exec() != ReloginWizard.DialogCode.Accepted or wizard.login is None:
            return
        login = wizard.login
        relay_profile.save_token(self.paths, login.token, self.conn)
        # Whoever logged in is "me" from now on (another person may use this PC).
        relay_profile.save(self.paths, relay_profile.RelayProfile(
            login.relay_url, str(login.person.get("id")), str(login.person.get("name") or ""),
            str(login.person.get("role") or "agent"), login.device.get("id")))
        self.worker.stop()
        self.worker = SyncWorker(self.relay_url, login.token, self.opener, self.paths.media,
                                 str(login.person.get("id")), self.worker_settings)
        self.controller.replace_worker(self.worker)
        self.worker.start()

    def close(self) -> None:
        self.controller.close()
        self.lock.detach()
        self.worker.stop()
        self.window.close()


def _first_run(app: QApplication, paths: Any) -> tuple[str, Any]:
    """The wizard; ("demo", None), ("relay", (conn, opener, profile, token)) or ("quit", None)."""
    from wadesk.desktop import relay_profile
    from wadesk.desktop.dialogs.first_run_wizard import DEMO, FirstRunWizard
    from wadesk.desktop.profile_store import open_store

    wizard = FirstRunWizard()
    if wizard.exec() != FirstRunWizard.DialogCode.Accepted:
        return "quit", None
    if wizard.choice == DEMO:
        return "demo", None
    login, chosen = wizard.login, wizard.passphrase
    assert login is not None

    def ask(new: bool, error: str) -> str | None:
        # The wizard already asked for the new passphrase (and explained it).
        return chosen if new and chosen else _ask_passphrase(new, error)

    conn, opener = open_store(paths, ask)
    profile = relay_profile.RelayProfile(login.relay_url, str(login.person.get("id")),
                                         str(login.person.get("name") or ""), str(login.person.get("role") or "agent"),
                                         login.device.get("id"))
    relay_profile.save_token(paths, login.token, conn)
    relay_profile.save(paths, profile)
    return "relay", (conn, opener, profile, login.token)


def run(profile: str | None = None, demo: bool = False, language: str | None = None) -> int:
    from wadesk.desktop import relay_profile
    from wadesk.desktop.settings import Settings
    from wadesk.desktop.unlock import UnlockCancelled
    from wadesk.secrets import SecretsError
    from wadesk.store.errors import StoreError

    paths = wpaths.for_profile(profile)
    settings = Settings.load(paths.settings)
    chosen_language = language or (None if settings.get("language") == "system" else settings.get("language"))
    app = make_application(chosen_language, settings.get("theme"))
    app.setAttribute(Qt.ApplicationAttribute.AA_DontShowIconsInMenus, False)
    if demo:
        return run_demo(app, wpaths.demo_of(paths))
    try:
        relay = relay_profile.load(paths)
        if relay is None:
            what, opened = _first_run(app, paths)
            if what == "quit":
                return 1
            if what == "demo":
                return run_demo(app, wpaths.demo_of(paths))
            conn, opener, relay, token = opened
        else:
            from wadesk.desktop.profile_store import open_store

            conn, opener = open_store(paths, _ask_passphrase)
            token = relay_profile.load_token(paths, conn) or ""
    except UnlockCancelled:
        return 1
    except (StoreError, SecretsError) as exc:
        log.error("cannot open the store: %s", type(exc).__name__)
        _explain(exc)
        return 2
    inbox = Inbox(paths, conn, opener, relay.relay_url, token, relay.person_id, settings,
                  (QCoreApplication.translate("app", "Your business"), ""))
    try:
        if not inbox.show(sync=bool(token)):
            return 1
        if not token:
            # The keychain lost the token (or never had it): log in again, then sync.
            QTimer.singleShot(0, inbox.log_in_again)
        return app.exec()
    finally:
        inbox.close()
        conn.close()


def run_demo(app: QApplication, paths: Any) -> int:
    from wadesk.desktop.demo import DemoEnvironment
    from wadesk.desktop.profile_store import open_with_key
    from wadesk.desktop.settings import Settings

    environment = DemoEnvironment(paths)
    try:
        try:
            session = environment.start()
        except Exception as exc:
            log.error("the demo did not start: %s", type(exc).__name__)
            _explain(exc, QCoreApplication.translate("app", "The demo could not start"))
            return 2
        conn, opener = open_with_key(paths, session.db_key)
        inbox = Inbox(paths, conn, opener, session.relay_url, session.token, session.me_id,
                      Settings.load(paths.settings), (DEMO_NAME, DEMO_NUMBER))
        try:
            if not inbox.show():
                return 1
            return app.exec()
        finally:
            inbox.close()
            conn.close()
    finally:
        environment.stop()
