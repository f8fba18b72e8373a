"""Day separators, sizes and durations as the inbox shows them, in the user's language
(clock times and the list's time column: time_format.py).

Every function takes `now` so that tests (and a paint pass) use one fixed moment.
Times are Unix seconds; they are shown in the computer's local time zone.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale


def _local(ts: int) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(ts))


def _days_ago(ts: int, now: int) -> int:
    return _local(ts).date().daysTo(_local(now).date())


def day_label(ts: int, now: int) -> str:
    """The separator between days in a chat: "Today", "Yesterday", a weekday, a date."""
    days = _days_ago(ts, now)
    if days <= 0:
        return QCoreApplication.translate("formatting", "Today")
    if days == 1:
        return QCoreApplication.translate("formatting", "Yesterday")
    date: QDate = _local(ts).date()
    if days < 7:
        return QLocale().dayName(date.dayOfWeek(), QLocale.FormatType.LongFormat)
    # The format itself is translated: "23 November 2026" / "23. November 2026".
    if date.year() == _local(now).date().year():
        return QLocale().toString(date, QCoreApplication.translate("formatting", "d MMMM"))
    return QLocale().toString(date, QCoreApplication.translate("formatting", "d MMMM yyyy"))


def file_size(size: int | None) -> str:
    if size is None or size < 0:
        return ""
    if size < 1024:
        return QCoreApplication.translate("formatting", "%1 B").replace("%1", str(size))
    locale = QLocale()
    for unit, factor in (("KB", 1024), ("MB", 1024**2), ("GB", 1024**3)):
        value = size / factor
        if value < 1024 or unit == "GB":
            digits = 0 if value >= 100 else 1
            return f"{locale.toString(value, 'f', digits)} {unit}"
    return str(size)


def duration(seconds: float | None) -> str:
    """"0:07", "12:45", "1:02:03"."""
    if seconds is None or seconds < 0:
        return ""
    total = int(round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def window_left(seconds: int) -> str:
    """How long the 24-hour window stays open: "3 h 12 min", "42 min", "under a minute"."""
    minutes = seconds // 60
    if minutes < 1:
        return QCoreApplication.translate("formatting", "less than a minute")
    hours, minutes = divmod(minutes, 60)
    if hours:
        text = QCoreApplication.translate("formatting", "%1 h %2 min")
        return text.replace("%1", str(hours)).replace("%2", str(minutes))
    return QCoreApplication.translate("formatting", "%1 min").replace("%1", str(minutes))
