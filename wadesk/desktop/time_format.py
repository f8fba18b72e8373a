"""Clock times and dates in the inbox: the interface language's convention, one rule.

Qt's short time format follows the locale the app was given, and the app gives Qt the
interface language (app.py: German UI -> de, English UI -> en = en_US). Left alone,
that shows "3:06 PM" to everyone with an English interface, also to an English-speaking
shop in Berlin whose computer is set to German regional formats (or to C). The rule:

    German interface    15:06, dates 23.11.26 (what a German reads without thinking)
    English interface   the computer's own regional convention (QLocale.system()):
                        en_US 3:06 PM, en_GB and de_DE 15:06; a system without one
                        (C/POSIX) gets the 24-hour clock and day-first dates
    never               a 12-hour clock without AM/PM, or seconds in a chat

Names (weekdays, AM/PM, "Yesterday") are always in the interface language.
Every function takes `now` where the answer depends on it, so tests and one paint pass
use one fixed moment; the locales can be passed in for the same reason.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

_FALLBACK_TIME, _FALLBACK_DATE = "HH:mm", "dd/MM/yyyy"
_SECONDS = re.compile(r"[:.]ss?")
_ZONE = re.compile(r"\s*t+")


def _conventions(ui: QLocale | None = None, system: QLocale | None = None) -> QLocale | None:
    """The locale whose clock and date patterns apply (None: the fallback patterns)."""
    ui = ui if ui is not None else QLocale()
    if ui.language() == QLocale.Language.German:
        return ui
    system = system if system is not None else QLocale.system()
    if system.language() in (QLocale.Language.C, QLocale.Language.AnyLanguage):
        return None
    return system


def clock_pattern(ui: QLocale | None = None, system: QLocale | None = None) -> str:
    """The QTime pattern for hours and minutes: "HH:mm", or "h:mm AP" style."""
    source = _conventions(ui, system)
    if source is None:
        return _FALLBACK_TIME
    pattern = _ZONE.sub("", _SECONDS.sub("", source.timeFormat(QLocale.FormatType.ShortFormat))).strip()
    twelve_hour = "h" in pattern and "H" not in pattern
    if twelve_hour and not re.search("a|A", pattern):
        pattern += " AP"  # a 12-hour clock must say which half of the day
    if not re.search("h|H", pattern) or "m" not in pattern:
        return _FALLBACK_TIME  # a locale with an odd pattern: better a plain clock
    return pattern


def date_pattern(ui: QLocale | None = None, system: QLocale | None = None) -> str:
    """The short numeric date pattern ("dd.MM.yy", "M/d/yy", "dd/MM/yyyy")."""
    source = _conventions(ui, system)
    return source.dateFormat(QLocale.FormatType.ShortFormat) if source is not None else _FALLBACK_DATE


def _local(ts: int) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(ts))


# The patterns of the current locales, made once per (UI locale, system locale): every
# bubble and list row shows a time, and making the pattern costs more than the layout
# of a short text. Keyed by name, so a language change is seen at the next call.
_PATTERNS: dict[tuple[str, str], tuple[str, str]] = {}


def _current_patterns(ui: QLocale) -> tuple[str, str]:
    system = QLocale.system()
    key = (ui.name(), system.name())
    patterns = _PATTERNS.get(key)
    if patterns is None:
        patterns = _PATTERNS[key] = (clock_pattern(ui, system), date_pattern(ui, system))
    return patterns


def clock_time(ts: int) -> str:
    """"15:06" (German, or English on a 24-hour system), "3:06 PM" (English, en_US)."""
    ui = QLocale()
    return ui.toString(_local(ts).time(), _current_patterns(ui)[0])


def short_date(ts: int) -> str:
    ui = QLocale()
    return ui.toString(_local(ts).date(), _current_patterns(ui)[1])


def list_time(ts: int, now: int) -> str:
    """The time column of the conversation list, as WhatsApp has it: today the clock
    time, then "Yesterday", the weekday within the last week, else the date."""
    if not ts:
        return ""
    days = _local(ts).date().daysTo(_local(now).date())
    if days <= 0:
        return clock_time(ts)
    if days == 1:
        return QCoreApplication.translate("formatting", "Yesterday")
    if days < 7:
        return QLocale().dayName(_local(ts).date().dayOfWeek(), QLocale.FormatType.LongFormat)
    return short_date(ts)


def full_time(ts: int) -> str:
    """Date and time for tooltips: "Monday, 23 November 2026, 15:06"."""
    date = QLocale().toString(_local(ts).date(), QLocale.FormatType.LongFormat)
    return f"{date}, {clock_time(ts)}"
