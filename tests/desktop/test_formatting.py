from PySide6.QtCore import QDate, QDateTime, QTime

from wadesk.desktop import formatting


def at(days_ago: int, hour: int, minute: int, now: QDateTime) -> int:
    return QDateTime(now.date().addDays(-days_ago), QTime(hour, minute)).toSecsSinceEpoch()


NOW = QDateTime(QDate(2026, 11, 23), QTime(15, 0))  # a Monday
N = NOW.toSecsSinceEpoch()


def test_day_separators(english):
    assert formatting.day_label(at(0, 1, 0, NOW), N) == "Today"
    assert formatting.day_label(at(1, 1, 0, NOW), N) == "Yesterday"
    assert formatting.day_label(at(2, 1, 0, NOW), N) == "Saturday"
    assert formatting.day_label(at(30, 1, 0, NOW), N) == "24 October"
    assert formatting.day_label(at(400, 1, 0, NOW), N) == "19 October 2025"


def test_sizes_durations_and_the_window(english):
    assert formatting.file_size(793) == "793 B"
    assert formatting.file_size(48_220) == "47.1 KB"
    assert formatting.file_size(148_220) == "145 KB"
    assert formatting.file_size(5 * 1024 * 1024) == "5.0 MB"
    assert formatting.file_size(None) == ""
    assert formatting.duration(7.4) == "0:07"
    assert formatting.duration(3723) == "1:02:03"
    assert formatting.window_left(3 * 3600 + 12 * 60 + 30) == "3 h 12 min"
    assert formatting.window_left(42 * 60) == "42 min"
    assert formatting.window_left(20) == "less than a minute"
