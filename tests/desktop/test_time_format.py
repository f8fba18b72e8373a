"""Clock times follow the interface language: German 15:06, English the computer's own
convention, and never a 12-hour clock without AM/PM."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

from wadesk.desktop import time_format
from wadesk.desktop.views.bubble_layout import footer_text

NOW = QDateTime(QDate(2026, 11, 23), QTime(15, 6))  # a Monday afternoon
N = NOW.toSecsSinceEpoch()


def at(days_ago: int, hour: int, minute: int) -> int:
    return QDateTime(NOW.date().addDays(-days_ago), QTime(hour, minute)).toSecsSinceEpoch()


@pytest.fixture
def ui_locale() -> Iterator:
    """Set the interface locale (as app.py does for the chosen language) for one test."""
    before = QLocale()

    def use(name: str) -> None:
        QLocale.setDefault(QLocale(name))

    yield use
    QLocale.setDefault(before)


@pytest.mark.parametrize(("ui", "system", "expected"), [
    ("de", "en_US", "HH:mm"),  # German interface: 15:06 whatever the computer says
    ("de", "de_DE", "HH:mm"),
    ("en", "de_DE", "HH:mm"),  # English interface on a German computer: its 24-hour clock
    ("en", "en_GB", "HH:mm"),
    ("en", "C", "HH:mm"),  # no regional convention at all: not the US 12-hour default
])
def test_a_24_hour_clock_where_the_user_expects_one(ui, system, expected):
    system_locale = QLocale.c() if system == "C" else QLocale(system)
    assert time_format.clock_pattern(QLocale(ui), system_locale) == expected


def test_a_12_hour_clock_always_says_am_or_pm():
    us = time_format.clock_pattern(QLocale("en"), QLocale("en_US"))
    assert us.startswith("h:mm") and "AP" in us.upper()
    # An arabic locale writes the half of the day too; seconds never reach a chat bubble.
    assert "ss" not in time_format.clock_pattern(QLocale("en"), QLocale("ar_EG"))
    for name in ("en_US", "en_AU", "en_IN", "ko_KR", "hi_IN", "ar_EG", "zh_TW"):
        pattern = time_format.clock_pattern(QLocale("en"), QLocale(name))
        if "h" in pattern and "H" not in pattern:
            assert "a" in pattern.lower(), name


def test_the_german_interface_shows_15_06_in_bubbles_and_the_list(ui_locale):
    ui_locale("de_DE")
    afternoon = at(0, 15, 6)
    assert time_format.clock_time(afternoon) == "15:06"
    assert time_format.list_time(afternoon, N) == "15:06"
    assert time_format.list_time(at(10, 12, 0), N) == "13.11.26"
    assert time_format.list_time(at(3, 12, 0), N) == "Freitag"
    assert time_format.full_time(afternoon) == "Montag, 23. November 2026, 15:06"


def test_list_times_as_whatsapp_has_them(english, ui_locale):
    ui_locale("en_US")
    system = QLocale.system()
    morning = at(0, 9, 5)
    assert time_format.list_time(morning, N) == QLocale().toString(
        QTime(9, 5), time_format.clock_pattern(QLocale(), system))
    assert time_format.list_time(at(1, 23, 59), N) == "Yesterday"
    assert time_format.list_time(at(3, 12, 0), N) == "Friday"
    assert time_format.list_time(at(10, 12, 0), N) == QLocale().toString(
        QDate(2026, 11, 13), time_format.date_pattern(QLocale(), system))
    assert time_format.list_time(0, N) == ""


def test_a_bubble_footer_uses_the_same_clock(ui_locale, inbox, store):
    from wadesk.desktop import chat_items
    from wadesk.store import messages

    ui_locale("de_DE")
    result = inbox.incoming("491701234567", "Hallo", ts=at(0, 15, 6))
    item = chat_items.message_item(messages.get_message(store, result.message_id))
    assert footer_text(item) == "15:06"
