"""The greeting, the away message and the business hours, shared by the whole team.

    GET /api/v1/automations   -> the settings (below) and "open_now"             (read)
    PUT /api/v1/automations   the settings, or only the parts to change  (automations.manage)

    {"greeting": {"enabled": bool, "text": str, "after_days": int},
     "away": {"enabled": bool, "text": str, "when": "outside_hours" | "always"},
     "business_hours": {"time_zone": "Europe/Berlin",
                        "days": {"mon": [["09:00", "18:00"]], ..., "sun": []}},
     "updated_at": epoch s | null, "updated_by": person id | null}

PUT merges field by field: what is left out keeps its value (`days`, when given, is the
whole week). A message that is switched on needs a text. A change is one event,
`automations.saved` with the whole settings (every desktop shows the same), and an
audit entry that names the fields changed, never the texts.
"""

from __future__ import annotations

import time
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route

from wadesk.cloud.messages import BODY_MAX
from wadesk.core import business_hours
from wadesk.relay.access import ApiError, require
from wadesk.relay.api_util import ok, read_json
from wadesk.relay.event_write import emit
from wadesk.store import automations, people
from wadesk.store.automations import AutomationSettings

MAX_AFTER_DAYS = 365
_SECTIONS = {
    "greeting": ("enabled", "text", "after_days"),
    "away": ("enabled", "text", "when"),
    "business_hours": ("time_zone", "days"),
}


def settings_view(settings: AutomationSettings) -> dict[str, Any]:
    """The API's (and the automations.saved event's) shape of the settings."""
    ranges = [business_hours.OpeningRange(*span) for span in settings.hours]
    return {
        "greeting": {"enabled": settings.greeting_enabled, "text": settings.greeting_text,
                     "after_days": settings.greeting_after_days},
        "away": {"enabled": settings.away_enabled, "text": settings.away_text,
                 "when": settings.away_when},
        "business_hours": {"time_zone": settings.time_zone,
                           "days": business_hours.week_view(ranges)},
        "updated_at": settings.updated_at,
        "updated_by": settings.updated_by,
    }


def merged(current: dict[str, Any], body: dict[str, Any]) -> dict[str, Any]:
    """`current` (settings_view's shape) with the body's changes, checked; ApiError 400
    names the first field that is wrong."""
    unknown = sorted(set(body) - set(_SECTIONS))
    if unknown:
        raise _invalid(unknown[0], f"{unknown[0]} is not a setting; give greeting, away or "
                                   "business_hours.")
    result = {name: dict(current[name]) for name in _SECTIONS}
    for section, fields in _SECTIONS.items():
        given = body.get(section)
        if given is None:
            continue
        if not isinstance(given, dict):
            raise _invalid(section, f"{section} must be an object.")
        extra = sorted(set(given) - set(fields))
        if extra:
            raise _invalid(f"{section}.{extra[0]}", f"{section}.{extra[0]} is not a setting.")
        result[section].update(given)
    for section in ("greeting", "away"):
        values = result[section]
        if not isinstance(values["enabled"], bool):
            raise _invalid(f"{section}.enabled", f"{section}.enabled must be true or false.")
        if not isinstance(values["text"], str) or len(values["text"].strip()) > BODY_MAX:
            raise _invalid(f"{section}.text",
                           f"{section}.text must be text of at most {BODY_MAX} characters.")
        values["text"] = values["text"].strip()
        if values["enabled"] and not values["text"]:
            raise _invalid(f"{section}.text", f"The {section} message needs a text to be on.")
    after = result["greeting"]["after_days"]
    if isinstance(after, bool) or not isinstance(after, int) or not 1 <= after <= MAX_AFTER_DAYS:
        raise _invalid("greeting.after_days", "greeting.after_days must be a whole number "
                       f"of days, 1 to {MAX_AFTER_DAYS}.")
    if result["away"]["when"] not in automations.AWAY_WHEN:
        raise _invalid("away.when", "away.when must be outside_hours or always.")
    hours = result["business_hours"]
    try:
        business_hours.check_time_zone(hours["time_zone"])
    except business_hours.ScheduleError as exc:
        raise _invalid("business_hours.time_zone", str(exc)) from None
    try:
        hours["days"] = business_hours.week_view(business_hours.parse_week(hours["days"]))
    except business_hours.ScheduleError as exc:
        raise _invalid("business_hours.days", str(exc)) from None
    return result


def changed_fields(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    return [f"{section}.{name}" for section, fields in _SECTIONS.items() for name in fields
            if before[section][name] != after[section][name]]


def _invalid(field: str, message: str) -> ApiError:
    return ApiError(400, "invalid", message, extra={"field": field})


def _open_now(view: dict[str, Any]) -> bool:
    hours = view["business_hours"]
    ranges = business_hours.parse_week(hours["days"])
    try:
        return business_hours.is_open(ranges, hours["time_zone"], time.time())
    except business_hours.ScheduleError:  # a zone this machine lacks: say closed
        return False


def routes(ctx: Any) -> list[BaseRoute]:
    async def read(request: Request) -> JSONResponse:
        await require(request, ctx, "read")
        view = settings_view(await ctx.read(automations.get_settings))
        return ok({**view, "open_now": _open_now(view)})

    async def change(request: Request) -> JSONResponse:
        caller = await require(request, ctx, "automations.manage")
        body = await read_json(request, 64 * 1024)

        def write(conn: Any) -> dict[str, Any]:
            before = settings_view(automations.get_settings(conn))
            after = merged(before, body)
            changed = changed_fields(before, after)
            if not changed:
                return before
            payload = {**after, "updated_at": int(time.time()),
                       "updated_by": str(caller.person.id)}
            emit(conn, "automations.saved", payload, actor_id=caller.person.id)
            people.audit(conn, caller.person, "automations.updated", "automations",
                         {"changed": changed})
            return payload

        view = await ctx.write(write)
        return ok({**view, "open_now": _open_now(view)})

    return [
        Route("/api/v1/automations", read, methods=["GET"]),
        Route("/api/v1/automations", change, methods=["PUT"]),
    ]
