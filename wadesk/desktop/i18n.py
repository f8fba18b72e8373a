"""User interface language: follows the system, can be forced (settings or --lang).

Texts are marked with QCoreApplication.translate / self.tr; the German catalogue is
resources/translations/wadesk_de.ts, compiled to .qm by resources/build_resources.py.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from wadesk.desktop.resources import resource

SUPPORTED = ("en", "de")


def pick_language(requested: str | None) -> str:
    if requested:
        code = requested.lower().split("_")[0].split("-")[0]
        if code in SUPPORTED:
            return code
    system = QLocale.system().name().split("_")[0]
    return system if system in SUPPORTED else "en"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install wadesk's and Qt's own catalogues; keep the returned list alive."""
    installed: list[QTranslator] = []
    # English is the source language; its catalogue holds only the plural forms.
    ours = QTranslator(app)
    if ours.load(str(resource("translations", f"wadesk_{language}.qm"))):
        app.installTranslator(ours)
        installed.append(ours)
    if language == "en":
        return installed
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    return installed
