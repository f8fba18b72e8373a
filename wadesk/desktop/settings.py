"""The user's settings, declared as data (key, default, type, label) and kept as JSON
in the profile (paths.settings).

The settings page (dialogs/settings_dialog.py) is built from SETTINGS and GROUPS alone;
code reads values by key. Values
that do not fit their declaration (a hand-edited file, an older version's leftovers)
fall back to the default instead of breaking the start.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

log = logging.getLogger(__name__)


GENERAL, APPEARANCE, NOTIFICATIONS, SECURITY = "general", "appearance", "notifications", "security"
# The sections of the settings page, in this order.
GROUPS: tuple[tuple[str, str], ...] = (
    (GENERAL, QT_TRANSLATE_NOOP("settings", "General")),
    (APPEARANCE, QT_TRANSLATE_NOOP("settings", "Appearance")),
    (NOTIFICATIONS, QT_TRANSLATE_NOOP("settings", "Notifications")),
    (SECURITY, QT_TRANSLATE_NOOP("settings", "Security")),
)

# Language names are written in their own language (a German who landed in the English
# interface by mistake must still find "Deutsch"), so they are never translated.
_OWN_NAMES = {"English", "Deutsch"}


@dataclass(frozen=True, slots=True)
class Setting:
    key: str
    default: Any
    type: type
    label: str  # untranslated; show with label_text()
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    hidden: bool = False  # kept here, edited elsewhere (the app lock's hash)
    group: str = GENERAL
    description: str = ""  # untranslated; one line under the label
    choice_labels: tuple[str, ...] = ()  # untranslated names of `choices`, same order
    requires: str = ""  # a bool setting without which this one has no effect

    def label_text(self) -> str:
        return QCoreApplication.translate("settings", self.label)

    def description_text(self) -> str:
        return QCoreApplication.translate("settings", self.description) if self.description else ""

    def choice_text(self, value: str) -> str:
        if value not in self.choices or len(self.choice_labels) != len(self.choices):
            return value
        name = self.choice_labels[self.choices.index(value)]
        return name if name in _OWN_NAMES else QCoreApplication.translate("settings", name)

    def accepts(self, value: Any) -> bool:
        if self.type is bool:
            return isinstance(value, bool)
        if self.type is int:
            if isinstance(value, bool) or not isinstance(value, int):
                return False
            return (self.minimum is None or value >= self.minimum) and (self.maximum is None or value <= self.maximum)
        if not isinstance(value, self.type):
            return False
        return not self.choices or value in self.choices


_FOLLOW_SYSTEM = QT_TRANSLATE_NOOP("settings", "Follow the system")

SETTINGS: tuple[Setting, ...] = (
    Setting("enter_sends", True, bool, QT_TRANSLATE_NOOP("settings", "Enter sends the message"),
            description=QT_TRANSLATE_NOOP(
                "settings", "Shift+Enter starts a new line. When this is off, Enter starts a new line and "
                            "Ctrl+Enter sends.")),
    Setting("language", "system", str, QT_TRANSLATE_NOOP("settings", "Language"),
            choices=("system", "en", "de"), choice_labels=(_FOLLOW_SYSTEM, "English", "Deutsch")),
    Setting("theme", "system", str, QT_TRANSLATE_NOOP("settings", "Theme"),
            choices=("system", "light", "dark"),
            choice_labels=(_FOLLOW_SYSTEM, QT_TRANSLATE_NOOP("settings", "Light"),
                           QT_TRANSLATE_NOOP("settings", "Dark")),
            group=APPEARANCE,
            description=QT_TRANSLATE_NOOP("settings", "“Follow the system” switches along with your computer's "
                                                      "light or dark mode.")),
    Setting("notifications", True, bool, QT_TRANSLATE_NOOP("settings", "Desktop notices"), group=NOTIFICATIONS,
            description=QT_TRANSLATE_NOOP("settings", "Show a notice when a customer writes.")),
    Setting("sound", False, bool, QT_TRANSLATE_NOOP("settings", "Sound"), group=NOTIFICATIONS,
            description=QT_TRANSLATE_NOOP("settings", "Play a sound with each notice."),
            requires="notifications"),
    Setting("app_lock_idle_minutes", 10, int, QT_TRANSLATE_NOOP("settings", "Lock after"),
            minimum=0, maximum=24 * 60, group=SECURITY,
            description=QT_TRANSLATE_NOOP("settings", "Minutes without use before wadesk locks itself.")),
    Setting("app_lock_hash", "", str, QT_TRANSLATE_NOOP("settings", "App lock PIN or passphrase"), hidden=True,
            group=SECURITY),
    # "pin" or "passphrase": how the lock asks (a number pad hint, the right words).
    Setting("app_lock_kind", "passphrase", str, QT_TRANSLATE_NOOP("settings", "App lock kind"),
            choices=("pin", "passphrase"), hidden=True, group=SECURITY),
)
BY_KEY = {setting.key: setting for setting in SETTINGS}


class Settings:
    def __init__(self, path: Path | None, values: dict[str, Any] | None = None) -> None:
        self.path = path
        self._values: dict[str, Any] = {}
        for key, value in (values or {}).items():
            declared = BY_KEY.get(key)
            if declared is not None and declared.accepts(value):
                self._values[key] = value

    @classmethod
    def load(cls, path: Path) -> Settings:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raw = {}
        except (OSError, ValueError) as exc:
            log.warning("settings unreadable, using the defaults: %s", type(exc).__name__)
            raw = {}
        return cls(path, raw if isinstance(raw, dict) else {})

    def get(self, key: str) -> Any:
        return self._values.get(key, BY_KEY[key].default)

    def set(self, key: str, value: Any) -> None:
        self.update({key: value})

    def update(self, values: dict[str, Any]) -> None:
        """Set several values with one write. A value that does not fit changes nothing;
        a file that cannot be written (OSError) leaves the old values in place too."""
        for key, value in values.items():
            if not BY_KEY[key].accepts(value):
                raise ValueError(f"{key} does not take {value!r}")
        before = dict(self._values)
        for key, value in values.items():
            if value == BY_KEY[key].default:
                self._values.pop(key, None)
            else:
                self._values[key] = value
        try:
            self.save()
        except OSError:
            self._values = before
            raise

    def save(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(self._values, indent=2, sort_keys=True), encoding="utf-8")
        os.replace(temporary, self.path)

    def as_dict(self) -> dict[str, Any]:
        return {setting.key: self.get(setting.key) for setting in SETTINGS}
