"""The team's automation settings: the greeting, the away message, the business hours.

Shared state (migration 7): the relay changes it with an `automations.saved` event
that carries the whole settings, and every replica stores the same. Without a stored
row the defaults below hold: both messages off.
"""

from __future__ import annotations

from dataclasses import dataclass

from wadesk.store._db import (
    Connection,
    execute,
    execute_many,
    query_all,
    query_one,
    transaction,
)

AWAY_WHEN = ("outside_hours", "always")
DEFAULT_TIME_ZONE = "Europe/Berlin"
# The WhatsApp Business app greets a customer again after 14 days without messages.
DEFAULT_GREETING_AFTER_DAYS = 14


@dataclass(frozen=True, slots=True)
class AutomationSettings:
    greeting_enabled: bool = False
    greeting_text: str = ""
    greeting_after_days: int = DEFAULT_GREETING_AFTER_DAYS
    away_enabled: bool = False
    away_text: str = ""
    away_when: str = "outside_hours"
    time_zone: str = DEFAULT_TIME_ZONE
    # (weekday 0 = Monday, opens, closes) in minutes after local midnight, sorted
    hours: tuple[tuple[int, int, int], ...] = ()
    updated_at: int | None = None
    updated_by: str | None = None


DEFAULTS = AutomationSettings()

_COLUMNS = ("greeting_enabled, greeting_text, greeting_after_days, away_enabled, away_text,"
            " away_when, time_zone, updated_at, updated_by")


def get_settings(conn: Connection) -> AutomationSettings:
    row = query_one(conn, f"SELECT {_COLUMNS} FROM automation_settings WHERE id = 1")
    hours = tuple(
        (int(w), int(o), int(c))
        for w, o, c in query_all(
            conn, "SELECT weekday, opens, closes FROM business_hours ORDER BY weekday, opens")
    )
    if row is None:
        return AutomationSettings(hours=hours)
    return AutomationSettings(
        greeting_enabled=bool(row[0]), greeting_text=row[1], greeting_after_days=int(row[2]),
        away_enabled=bool(row[3]), away_text=row[4], away_when=row[5], time_zone=row[6],
        hours=hours, updated_at=row[7], updated_by=row[8],
    )


def save_settings(conn: Connection, settings: AutomationSettings) -> None:
    """Replace the stored settings and the whole week of business hours."""
    if settings.away_when not in AWAY_WHEN:
        raise ValueError(f"away_when must be one of {', '.join(AWAY_WHEN)}")
    if settings.updated_at is None:
        raise ValueError("settings need the time they were changed (the event's time)")
    with transaction(conn):
        execute(
            conn,
            f"INSERT INTO automation_settings (id, {_COLUMNS}) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET greeting_enabled = excluded.greeting_enabled,"
            " greeting_text = excluded.greeting_text,"
            " greeting_after_days = excluded.greeting_after_days,"
            " away_enabled = excluded.away_enabled, away_text = excluded.away_text,"
            " away_when = excluded.away_when, time_zone = excluded.time_zone,"
            " updated_at = excluded.updated_at, updated_by = excluded.updated_by",
            (int(settings.greeting_enabled), settings.greeting_text, settings.greeting_after_days,
             int(settings.away_enabled), settings.away_text, settings.away_when,
             settings.time_zone, settings.updated_at, settings.updated_by),
        )
        execute(conn, "DELETE FROM business_hours")
        execute_many(conn, "INSERT INTO business_hours (weekday, opens, closes) VALUES (?, ?, ?)",
                     list(settings.hours))
