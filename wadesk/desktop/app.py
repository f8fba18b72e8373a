"""Starting the desktop app: Qt, language, theme, the profile's store, the main window."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from wadesk import APP_NAME, __version__, paths as wpaths
from wadesk.desktop import i18n, theme
from wadesk.desktop.resources import resource

log = logging.getLogger(__name__)


def make_application(language: str | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("wadesk")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("wadesk")
    app.setWindowIcon(QIcon(str(resource("icons", "wadesk-256.png"))))
    app.setProperty("wadesk_translators", i18n.install_translators(app, i18n.pick_language(language)))
    theme.apply_theme(app)
    return app


def _ask_passphrase(new: bool, error: str) -> str | None:
    from wadesk.desktop.dialogs.passphrase_dialog import PassphraseDialog

    dialog = PassphraseDialog(new=new, error=error)
    return dialog.value() if dialog.exec() == PassphraseDialog.DialogCode.Accepted else None


def _explain(error: Exception) -> None:
    title = QCoreApplication.translate("app", "wadesk cannot open your history")
    QMessageBox.critical(None, title, str(error))


def run(profile: str | None = None, demo: bool = False, language: str | None = None) -> int:
    from wadesk.desktop.main_window import MainWindow
    from wadesk.desktop.unlock import UnlockCancelled, open_profile_store
    from wadesk.secrets import SecretsError
    from wadesk.store.errors import StoreError

    app = make_application(language)
    paths = wpaths.for_profile(profile)
    if demo:
        paths = wpaths.demo_of(paths)
    try:
        store = open_profile_store(paths, _ask_passphrase)
    except UnlockCancelled:
        return 1
    except (StoreError, SecretsError) as exc:
        log.error("cannot open the store: %s", type(exc).__name__)
        _explain(exc)
        return 2
    if demo:
        name, number = "Radhaus Berlin (Demo)", "+49 30 1234567"
    else:
        name, number = QCoreApplication.translate("app", "Your business"), ""
    window = MainWindow(name, number)
    window.show()
    app.setAttribute(Qt.ApplicationAttribute.AA_DontShowIconsInMenus, False)
    try:
        return app.exec()
    finally:
        store.close()
