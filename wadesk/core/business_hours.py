"""Business hours: the week a shop is open, in its own time zone.

The away message goes out when a customer writes outside these hours (the WhatsApp
Business app's rule); the greeting when a customer writes for the first time or after
a quiet spell. Both the relay (which validates and stores the schedule) and the
desktop (which shows it) use these rules.

A week is written per day as opening ranges in local wall-clock time:

    {"mon": [["09:00", "13:00"], ["14:00", "18:00"]], "sat": [["10:00", "14:00"]]}

Days left out are closed. A range closes after it opens on the same day ("24:00"
closes at midnight); a night that runs past midnight is two ranges on two days.
Ranges of one day may not overlap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # 0 = Monday, as datetime
MAX_RANGES_PER_DAY = 4
DAY_MINUTES = 24 * 60
_CLOCK = re.compile(r"([01]\d|2[0-4]):([0-5]\d)")


class ScheduleError(ValueError):
    """A schedule or time zone a person gave that cannot be used; the text says why."""


@dataclass(frozen=True, slots=True, order=True)
class OpeningRange:
    weekday: int  # 0 = Monday
    opens: int  # minutes after local midnight
    closes: int  # minutes after local midnight, after `opens`, at most 1440


def parse_clock(text: Any) -> int:
    """Minutes after midnight of "HH:MM" (00:00 to 24:00)."""
    match = _CLOCK.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        raise ScheduleError(f"{text!r} is not a time like 09:30.")
    minutes = int(match.group(1)) * 60 + int(match.group(2))
    if minutes > DAY_MINUTES:
        raise ScheduleError(f"{text} is past the end of the day (24:00).")
    return minutes


def format_clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def parse_week(days: Any) -> tuple[OpeningRange, ...]:
    """The opening ranges of a week written as above, checked and sorted."""
    if not isinstance(days, Mapping):
        raise ScheduleError("The business hours must map days (mon … sun) to opening times.")
    ranges: list[OpeningRange] = []
    for name, spans in days.items():
        if name not in WEEKDAYS:
            raise ScheduleError(f"{name!r} is not a day; use {', '.join(WEEKDAYS)}.")
        if not isinstance(spans, list) or len(spans) > MAX_RANGES_PER_DAY:
            raise ScheduleError(f"Give {name} as a list of at most {MAX_RANGES_PER_DAY} "
                                "[opens, closes] pairs.")
        weekday = WEEKDAYS.index(name)
        day: list[OpeningRange] = []
        for span in spans:
            if not isinstance(span, list) or len(span) != 2:
                raise ScheduleError(f"Each opening time on {name} is a pair like "
                                    "[\"09:00\", \"18:00\"].")
            opens, closes = parse_clock(span[0]), parse_clock(span[1])
            if opens >= closes:
                raise ScheduleError(f"On {name}, {span[0]} to {span[1]} closes before it opens; "
                                    "a night past midnight is two ranges on two days.")
            day.append(OpeningRange(weekday, opens, closes))
        day.sort()
        for before, after in zip(day, day[1:]):
            if after.opens < before.closes:
                raise ScheduleError(f"The opening times on {name} overlap.")
        ranges += day
    return tuple(sorted(ranges))


def week_view(ranges: Iterable[OpeningRange]) -> dict[str, list[list[str]]]:
    """The written form of a week (every day present, closed days empty)."""
    view: dict[str, list[list[str]]] = {name: [] for name in WEEKDAYS}
    for span in sorted(ranges):
        view[WEEKDAYS[span.weekday]].append([format_clock(span.opens), format_clock(span.closes)])
    return view


def check_time_zone(name: Any) -> ZoneInfo:
    """The IANA time zone `name` ("Europe/Berlin"), or ScheduleError."""
    if not isinstance(name, str) or not name or len(name) > 64 or ".." in name \
            or name.startswith("/"):
        raise ScheduleError("Give the time zone by its IANA name, like Europe/Berlin.")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ScheduleError(f"{name} is not a time zone this computer knows; "
                            "use an IANA name like Europe/Berlin.") from None


def is_open(ranges: Iterable[OpeningRange], time_zone: str, when: float) -> bool:
    """Whether the business is open at the Unix time `when` (its local wall clock)."""
    local = datetime.fromtimestamp(when, tz=timezone.utc).astimezone(check_time_zone(time_zone))
    minute = local.hour * 60 + local.minute
    weekday = local.weekday()
    return any(span.weekday == weekday and span.opens <= minute < span.closes for span in ranges)
