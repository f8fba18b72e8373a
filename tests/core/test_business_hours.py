from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from wadesk.core.business_hours import (
    OpeningRange,
    ScheduleError,
    check_time_zone,
    is_open,
    parse_clock,
    parse_week,
    week_view,
)

BERLIN = "Europe/Berlin"
WEEK = {"mon": [["09:00", "13:00"], ["14:00", "18:30"]], "sat": [["10:00", "24:00"]]}


def at(text: str, zone: str = BERLIN) -> float:
    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(zone)).timestamp()


def test_a_week_round_trips_through_its_written_form():
    ranges = parse_week(WEEK)
    assert ranges[0] == OpeningRange(0, 9 * 60, 13 * 60)
    view = week_view(ranges)
    assert view["mon"] == [["09:00", "13:00"], ["14:00", "18:30"]]
    assert view["sat"] == [["10:00", "24:00"]] and view["sun"] == []
    assert parse_week(view) == ranges


def test_open_follows_the_shops_wall_clock():
    ranges = parse_week(WEEK)
    # 2024-06-03 is a Monday (summer time, UTC+2).
    assert is_open(ranges, BERLIN, at("2024-06-03T09:00"))
    assert not is_open(ranges, BERLIN, at("2024-06-03T13:30"))  # lunch break
    assert not is_open(ranges, BERLIN, at("2024-06-03T18:30"))  # closes at 18:30 sharp
    assert not is_open(ranges, BERLIN, at("2024-06-04T10:00"))  # Tuesday: closed
    assert is_open(ranges, BERLIN, at("2024-06-08T23:59"))  # Saturday until midnight
    # The same instant is 07:30 in Berlin in winter but 08:30 in summer.
    assert not is_open(ranges, BERLIN, at("2024-01-08T06:30", "UTC"))
    assert is_open(ranges, "Asia/Tokyo", at("2024-06-03T09:15", "Asia/Tokyo"))


@pytest.mark.parametrize(("week", "problem"), [
    ({"monday": [["09:00", "10:00"]]}, "not a day"),
    ({"mon": [["10:00", "09:00"]]}, "closes before it opens"),
    ({"mon": [["22:00", "02:00"]]}, "two ranges on two days"),
    ({"mon": [["09:00", "12:00"], ["11:00", "13:00"]]}, "overlap"),
    ({"mon": [["9:00", "12:00"]]}, "not a time"),
    ({"mon": [["09:00", "24:30"]]}, "past the end of the day"),
    ({"mon": "09:00-18:00"}, "at most"),
    ({"mon": [["09:00"]]}, "pair"),
    (["mon"], "map days"),
])
def test_a_broken_week_is_refused_with_a_reason(week, problem):
    with pytest.raises(ScheduleError, match=problem):
        parse_week(week)


def test_clock_limits():
    assert parse_clock("00:00") == 0 and parse_clock("24:00") == 1440
    with pytest.raises(ScheduleError):
        parse_clock(930)


@pytest.mark.parametrize("zone", ["Mars/Olympus", "", "../etc/passwd", "/etc/localtime", 5])
def test_unknown_time_zones_are_refused(zone):
    with pytest.raises(ScheduleError, match="time zone|IANA"):
        check_time_zone(zone)
