"""Starting the desktop app: Qt, language, theme, the profile's store, the main window.

    run()            a profile with a relay: unlock -> main window + sync worker;
                     a profile without one: the first-run wizard first;
                     a one-PC profile (kind "local"): the relay starts in this process
                     first (local_relay.py), the desktop talks to it over loopback, and
                     it stops when the app quits
    run(demo=True)   simulator and relay in-process (demo.py), the demo profile

Start-up stays fast by importing the network, the relay and the simulator only when
they are needed (the worker starts after the window has painted).
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from wadesk import APP_NAME, __version__
from wadesk import paths as wpaths
from wadesk.desktop import i18n, theme
from wadesk.desktop.resources import resource
from wadesk.desktop.settings import SECURITY

log = logging.getLogger(__name__)

DEMO_NAME, DEMO_NUMBER = "Radhaus Berlin (Demo)", "+49 30 1234567"


def make_application(language: str | None = None, scheme: str = "system") -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("wadesk")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("wadesk")
    app.setWindowIcon(QIcon(str(resource("icons", "wadesk-256.png"))))
    i18n.switch_language(app, language)
    theme.apply_theme(app, scheme)
    return app


def _ask_passphrase(new: bool, error: str) -> str | None:
    from wadesk.desktop.dialogs.passphrase_dialog import PassphraseDialog

    dialog = PassphraseDialog(new=new, error=error)
    return dialog.value() if dialog.exec() == PassphraseDialog.DialogCode.Accepted else None


def _explain(error: Exception, title: str | None = None) -> None:
    from wadesk.desktop.start_errors import explanation

    title = title or QCoreApplication.translate("app", "wadesk cannot open your history")
    QMessageBox.critical(None, title, explanation(error))


class Inbox:
    """The running inbox: window, sync worker, controller, app lock, the settings page."""

    def __init__(self, paths: Any, conn: Any, opener: Any, relay_url: str, token: str, me_id: str | None,
                 settings: Any, business: tuple[str, str], worker_settings: Any = None,
                 ask_business: bool = False) -> None:
        self.paths, self.conn, self.opener, self.settings = paths, conn, opener, settings
        self.relay_url, self.token, self.me_id = relay_url, token, me_id
        self.business = business
        self.identity: Any = None
        if ask_business:
            from wadesk.desktop.business_identity import BusinessIdentity

            self.identity = BusinessIdentity()
            self.identity.found.connect(self.set_business)
        self.worker_settings = worker_settings
        self.settings_dialog: Any = None
        self._syncing = False
        self._closed = False
        self._built_with_language = settings.get("language")
        self._build()
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)

    def _build(self) -> None:
        """The window and everything tied to it (again after a change of language)."""
        from wadesk.desktop.app_lock import AppLock
        from wadesk.desktop.inbox_controller import InboxController
        from wadesk.desktop.main_window import MainWindow
        from wadesk.desktop.sync.worker import SyncWorker

        self.window = MainWindow(*self.business) if self.business[0] else MainWindow(
            QCoreApplication.translate("app", "Your business"), self.business[1])
        self.window.attach_store(self.conn, self.paths.media, open_reader=self.opener)
        self.worker = SyncWorker(self.relay_url, self.token, self.opener, self.paths.media, self.me_id,
                                 self.worker_settings)
        self.controller = InboxController(self.window, self.worker, self.conn, self.settings)
        self.controller.relogin_requested.connect(self.log_in_again)
        self.controller.notifier.lock_settings_requested.connect(lambda: self.open_settings(SECURITY))
        self.lock = AppLock(self.settings, self.window)
        self.window.sidebar.settings_requested.connect(self.open_settings)

    def show(self, sync: bool = True) -> bool:
        """Ask for the app lock (if set), show the window, then start syncing."""
        if self.lock.enabled and not self.lock.lock():
            return False
        self.window.show()
        self._syncing = sync
        if self.identity is not None and self.token:
            self.identity.ask(self.relay_url, self.token)
        if sync:
            # After the first paint: the list is on screen before any network work starts.
            QTimer.singleShot(0, self.worker.start)
        else:
            self.window.set_connection_state("offline")
        return True

    def set_business(self, name: str, number: str) -> None:
        """The relay told the business's name and number: show them, keep them for the next start."""
        from wadesk.desktop import relay_profile

        if self._closed or not name:
            return
        self.business = (name, number)
        self.window.set_business(name, number)
        profile = relay_profile.load(self.paths)
        if profile is not None and (profile.business_name, profile.business_number) != (name, number):
            relay_profile.save(self.paths, replace(profile, business_name=name, business_number=number))

    def ask_for_password(self) -> Any:
        """After the first login with a setup code: a password for the next PC (skippable)."""
        from wadesk.desktop.dialogs.set_password_dialog import SetPasswordDialog

        dialog = SetPasswordDialog(self.relay_url, self.token, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # -- settings ------------------------------------------------------------------------

    def open_settings(self, section: str = "") -> Any:
        """Show the settings page (raise it when it is open already); returns it."""
        from wadesk.desktop.dialogs.settings_dialog import SettingsDialog

        dialog = self.settings_dialog
        if dialog is None:
            dialog = SettingsDialog(self.settings, self.lock, self.window, self._built_with_language)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.changed.connect(self.apply_setting)
            # Later: the window that owns the dialog is replaced.
            dialog.restart_requested.connect(lambda: QTimer.singleShot(0, self.restart_interface))
            dialog.finished.connect(lambda *_: setattr(self, "settings_dialog", None))
            self.settings_dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        if section:
            dialog.show_section(section)
        return dialog

    def apply_setting(self, key: str) -> None:
        """A setting was changed on the settings page: the running app follows at once.

        Notices and their sound need nothing here: the notifier reads them for each
        message. The language waits for restart_interface."""
        if key == "theme":
            theme.apply_theme(QApplication.instance(), self.settings.get("theme"))
            self.window.theme_changed()
        elif key == "enter_sends":
            if self.window.chat_page is not None:
                self.window.chat_page.composer.enter_sends = bool(self.settings.get("enter_sends"))
        elif key in ("app_lock_idle_minutes", "app_lock_hash"):
            self.lock.restart_timer()

    def _system_scheme_changed(self, *_args: Any) -> None:
        if self.settings.get("theme") == "system":
            self.apply_setting("theme")

    def restart_interface(self) -> None:
        """Build the window again in the language now chosen, where the user left it.

        The store, the relay login and the app lock are kept: no passphrase is asked
        again. The open conversation and its draft come back; a reply or an attachment
        in the making does not."""
        if self._closed:
            return
        old = self.window
        open_id = old.open_conversation_id
        draft = old.chat_page.composer.edit.toPlainText() if old.chat_page is not None else ""
        geometry, visible = old.saveGeometry(), old.isVisible()
        if self.settings_dialog is not None:
            self.settings_dialog.close()
        self.controller.close()
        self.lock.detach()
        self.worker.stop()
        language = self._built_with_language = self.settings.get("language")
        i18n.switch_language(QApplication.instance(), None if language == "system" else language)
        self._build()
        self.window.restoreGeometry(geometry)
        if visible:
            self.window.show()  # before the old one closes: the last window closing quits
        if self._syncing:
            self.worker.start()
        else:
            self.window.set_connection_state("offline")
        if open_id is not None:
            self.window.open_conversation(open_id)
            if draft and self.window.chat_page is not None:
                self.window.chat_page.composer.edit.setPlainText(draft)
        old.close()
        old.deleteLater()
        log.info("the window was built again in %s", i18n.current_language())

    # -- the relay login -----------------------------------------------------------------

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
        new = relay_profile.RelayProfile(
            login.relay_url, str(login.person.get("id")), str(login.person.get("name") or ""),
            str(login.person.get("role") or "agent"), login.device.get("id"))
        if profile is not None:  # the kind (one PC or not) and the business stay
            new = replace(new, kind=profile.kind, business_name=profile.business_name,
                          business_number=profile.business_number)
        relay_profile.save(self.paths, new)
        self.worker.stop()
        self.token, self.me_id = login.token, str(login.person.get("id"))
        self.worker = SyncWorker(self.relay_url, self.token, self.opener, self.paths.media, self.me_id,
                                 self.worker_settings)
        self.controller.replace_worker(self.worker)
        self.worker.start()
        self._syncing = True

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        QGuiApplication.styleHints().colorSchemeChanged.disconnect(self._system_scheme_changed)
        if self.settings_dialog is not None:
            self.settings_dialog.close()
        self.controller.close()
        self.lock.detach()
        self.worker.stop()
        self.window.close()


@dataclass
class Started:
    """What the start leaves running: the store, who is logged in, the one-PC relay."""

    conn: Any
    opener: Any
    profile: Any
    token: str
    local: Any = None  # local_relay.LocalRelay of a one-PC shop
    ask_password: bool = False  # logged in with a setup code just now


def _first_run(app: QApplication, paths: Any) -> tuple[str, Started | None]:
    """The wizard; ("demo", None), ("relay", Started) or ("quit", None)."""
    from wadesk.desktop import relay_profile
    from wadesk.desktop.dialogs.first_run_wizard import DEMO, LOCAL, FirstRunWizard
    from wadesk.desktop.profile_store import open_store

    wizard = FirstRunWizard()
    if wizard.exec() != FirstRunWizard.DialogCode.Accepted:
        return "quit", None
    if wizard.choice == DEMO:
        return "demo", None
    local = None
    if wizard.choice == LOCAL:
        local, login = _set_up_local(paths, wizard.local_setup, wizard.owner_name)
        kind, chosen = relay_profile.LOCAL, None
    else:
        login, chosen, kind = wizard.login, wizard.passphrase, relay_profile.REMOTE
    assert login is not None

    def ask(new: bool, error: str) -> str | None:
        # The wizard already asked for the new passphrase (and explained it).
        return chosen if new and chosen else _ask_passphrase(new, error)

    try:
        conn, opener = open_store(paths, ask)
        profile = relay_profile.RelayProfile(login.relay_url, str(login.person.get("id")),
                                             str(login.person.get("name") or ""),
                                             str(login.person.get("role") or "agent"), login.device.get("id"), kind)
        relay_profile.save_token(paths, login.token, conn)
        relay_profile.save(paths, profile)
    except BaseException:
        if local is not None:
            local.stop()
        raise
    return "relay", Started(conn, opener, profile, login.token, local, login.must_set_password)


def _set_up_local(paths: Any, setup: Any, owner: str) -> tuple[Any, Any]:
    """One PC: keep the setup, start the relay, make the owner and this PC's device."""
    from wadesk.desktop import local_relay

    assert setup is not None
    local_relay.save_setup(paths, setup)
    local = local_relay.LocalRelay(local_relay.load_config(paths))
    local.start()
    try:
        return local, local_relay.create_owner(local, owner)
    except BaseException:
        local.stop()
        raise


def _start_local(paths: Any) -> Any:
    """A one-PC profile's relay, running (LocalRelayError says why not)."""
    from wadesk.desktop import local_relay

    local = local_relay.LocalRelay(local_relay.load_config(paths))
    local.start()
    return local


def run(profile: str | None = None, demo: bool = False, language: str | None = None) -> int:
    from wadesk.desktop import logging_setup, relay_profile
    from wadesk.desktop.local_relay import LocalRelayError
    from wadesk.desktop.settings import Settings
    from wadesk.desktop.unlock import UnlockCancelled
    from wadesk.secrets import SecretsError
    from wadesk.store.errors import StoreError

    paths = wpaths.for_profile(profile)
    try:
        logging_setup.configure(paths.logs)
    except OSError as exc:  # a read-only log folder must not stop the inbox
        print(f"wadesk: no log file ({type(exc).__name__})", file=sys.stderr)
    settings = Settings.load(paths.settings)
    chosen_language = language or (None if settings.get("language") == "system" else settings.get("language"))
    app = make_application(chosen_language, settings.get("theme"))
    app.setAttribute(Qt.ApplicationAttribute.AA_DontShowIconsInMenus, False)
    if demo:
        return run_demo(app, wpaths.demo_of(paths), settings)
    local = None
    try:
        relay = relay_profile.load(paths)
        if relay is None:
            what, started = _first_run(app, paths)
            if what == "quit":
                return 1
            if what == "demo":
                return run_demo(app, wpaths.demo_of(paths), settings)
            assert started is not None
        else:
            from wadesk.desktop.profile_store import open_store

            if relay.kind == relay_profile.LOCAL:
                # The relay first: the desktop connects to it over loopback as usual.
                local = _start_local(paths)
            conn, opener = open_store(paths, _ask_passphrase)
            started = Started(conn, opener, relay, relay_profile.load_token(paths, conn) or "", local)
    except UnlockCancelled:
        if local is not None:
            local.stop()
        return 1
    except (StoreError, SecretsError, LocalRelayError) as exc:
        if local is not None:
            local.stop()
        log.error("cannot start: %s", type(exc).__name__)
        title = QCoreApplication.translate("app", "wadesk cannot receive your messages") \
            if isinstance(exc, LocalRelayError) else None
        _explain(exc, title)
        return 2
    relay, token, local = started.profile, started.token, started.local
    relay_url = local.url if local is not None else relay.relay_url
    inbox = Inbox(paths, started.conn, started.opener, relay_url, token, relay.person_id, settings,
                  (relay.business_name, relay.business_number), ask_business=True)
    try:
        if not inbox.show(sync=bool(token)):
            return 1
        if not token:
            # The keychain lost the token (or never had it): log in again, then sync.
            QTimer.singleShot(0, inbox.log_in_again)
        elif started.ask_password:
            QTimer.singleShot(0, inbox.ask_for_password)
        return app.exec()
    finally:
        inbox.close()
        started.conn.close()
        if local is not None:
            local.stop()


def run_demo(app: QApplication, paths: Any, preferences: Any = None) -> int:
    """The demo business; `preferences` (the user's settings) give its first look and
    language. What is changed in the demo stays in the demo's throw-away profile, and
    the real profile's app lock does not lock the demo."""
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
        seed = {key: value for key, value in (preferences.as_dict() if preferences else {}).items()
                if not key.startswith("app_lock")}
        settings = Settings(paths.settings, seed)
        inbox = Inbox(paths, conn, opener, session.relay_url, session.token, session.me_id,
                      settings, (DEMO_NAME, DEMO_NUMBER))
        try:
            if not inbox.show():
                return 1
            return app.exec()
        finally:
            inbox.close()
            conn.close()
    finally:
        environment.stop()
