"""User interface language: follows the system, can be forced (settings or --lang).

Texts are marked with QCoreApplication.translate / self.tr; the German catalogue is
resources/translations/wadesk_de.ts, compiled to .qm by resources/build_resources.py.

A language chosen in the settings while wadesk runs takes effect when the window is
built again (app.Inbox.restart_interface): most widgets set their texts once, so
swapping the catalogue under a running window would leave it half in each language.
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


_active: list[QTranslator] = []  # what switch_language installed, taken out at the next switch


def switch_language(app: QCoreApplication, requested: str | None) -> str:
    """Make `requested` ("de", "en"; None or "system": the system's) the language of texts
    and dates from now on; return the code in effect."""
    language = pick_language(None if requested in (None, "", "system") else requested)
    while _active:
        translator = _active.pop()
        app.removeTranslator(translator)
        translator.deleteLater()
    _active.extend(install_translators(app, language))
    # Dates and weekdays in the language of the interface, not of the system.
    system = QLocale.system()
    QLocale.setDefault(system if system.name().startswith(language) else QLocale(language))
    app.setProperty("wadesk_language", language)
    return language


def current_language() -> str:
    """The language the interface is built in (what switch_language set last)."""
    app = QCoreApplication.instance()
    value = app.property("wadesk_language") if app is not None else None
    return value if value in SUPPORTED else pick_language(None)


def translate_in(language: str, context: str, text: str) -> str:
    """`text` in `language` without switching the interface (a hint in the language the
    user is about to switch to); the English source when there is no translation."""
    translator = QTranslator()
    if language != "en" and translator.load(str(resource("translations", f"wadesk_{language}.qm"))):
        return translator.translate(context, text) or text
    return text
