"""The user's settings, declared as data (key, default, type, label) and kept as JSON
in the profile (paths.settings).

A settings page can be built from SETTINGS alone; code reads values by key. Values
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

    def label_text(self) -> str:
        return QCoreApplication.translate("settings", self.label)

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


SETTINGS: tuple[Setting, ...] = (
    Setting("enter_sends", True, bool,
            QT_TRANSLATE_NOOP("settings", "Enter sends the message (Shift+Enter starts a new line)")),
    Setting("language", "system", str, QT_TRANSLATE_NOOP("settings", "Language of wadesk"),
            choices=("system", "en", "de")),
    Setting("theme", "system", str, QT_TRANSLATE_NOOP("settings", "Light or dark look"),
            choices=("system", "light", "dark")),
    Setting("notifications", True, bool,
            QT_TRANSLATE_NOOP("settings", "Show a notice on the desktop when a customer writes")),
    Setting("sound", False, bool, QT_TRANSLATE_NOOP("settings", "Play a sound when a customer writes")),
    Setting("app_lock_idle_minutes", 10, int,
            QT_TRANSLATE_NOOP("settings", "Lock wadesk after this many minutes without use (0: only at start)"),
            minimum=0, maximum=24 * 60),
    Setting("app_lock_hash", "", str, QT_TRANSLATE_NOOP("settings", "App lock PIN or passphrase"), hidden=True),
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
        declared = BY_KEY[key]
        if not declared.accepts(value):
            raise ValueError(f"{key} does not take {value!r}")
        if value == declared.default:
            self._values.pop(key, None)
        else:
            self._values[key] = value
        self.save()

    def save(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(self._values, indent=2, sort_keys=True), encoding="utf-8")
        os.replace(temporary, self.path)

    def as_dict(self) -> dict[str, Any]:
        return {setting.key: self.get(setting.key) for setting in SETTINGS}
