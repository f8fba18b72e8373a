"""The business profile customers see in WhatsApp (about, address, description, …).

    GET /api/v1/profile                                                        (read)
        -> {"about", "address", "description", "email", "websites": [...],
            "vertical", "profile_picture_url"}   as Meta has it now
    PUT /api/v1/profile                                              (profile.manage)
        {"about"?, "address"?, "description"?, "email"?, "websites"?: [url, ...],
         "vertical"?: "RETAIL" | ...}   only the fields to change; "" clears a text
        -> 200 the profile as saved

The profile lives at Meta, not in the relay: both calls go to the Cloud API (with the
relay's token; a desktop never holds it). A PUT that changes something is audited by
field names only (no texts) and logged as a `profile.saved` event with the new
profile, so every desktop can show it without asking Meta. Meta's limits are checked
before anything is sent (wadesk/cloud/profile.py); a refusal or an unreachable Meta
comes back in the relay's error shape and changes nothing here.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route

from wadesk.cloud import errors as cloud_errors
from wadesk.cloud.profile import BusinessProfile, BusinessProfileUpdate, Vertical
from wadesk.relay.access import ApiError, require
from wadesk.relay.api_util import check_utf8, ok, read_json
from wadesk.relay.event_write import emit
from wadesk.relay.send_errors import reason_for
from wadesk.store import people

log = logging.getLogger(__name__)

TEXT_FIELDS = ("about", "address", "description", "email")
EDITABLE = (*TEXT_FIELDS, "websites", "vertical")


def profile_view(profile: BusinessProfile) -> dict[str, Any]:
    return {
        "about": profile.about or "",
        "address": profile.address or "",
        "description": profile.description or "",
        "email": profile.email or "",
        "websites": list(profile.websites),
        "vertical": profile.vertical.value if profile.vertical is not None else None,
        "profile_picture_url": profile.profile_picture_url,
    }


def parse_changes(body: dict[str, Any], current: dict[str, Any]) -> dict[str, Any]:
    """The fields of a PUT body that differ from `current`; ApiError 400 names the
    first wrong field."""
    unknown = sorted(set(body) - set(EDITABLE))
    if unknown:
        raise _invalid(unknown[0], f"{unknown[0]} is not a profile field; give "
                                   f"{', '.join(EDITABLE)}.")
    wanted: dict[str, Any] = {}
    for name in TEXT_FIELDS:
        if name in body:
            value = body[name]
            if not isinstance(value, str):
                raise _invalid(name, f"{name} must be text.")
            wanted[name] = check_utf8(value, name).strip()
    if "websites" in body:
        sites = body["websites"]
        if not isinstance(sites, list) or not all(isinstance(s, str) for s in sites):
            raise _invalid("websites", "websites must be a list of addresses.")
        wanted["websites"] = [check_utf8(s, "websites").strip() for s in sites]
    if "vertical" in body:
        vertical = body["vertical"]
        if not isinstance(vertical, str) or Vertical(vertical) is Vertical.UNKNOWN:
            raise _invalid("vertical", "vertical must be one of WhatsApp's business categories.")
        wanted["vertical"] = vertical
    return {name: value for name, value in wanted.items() if current.get(name) != value}


def to_update(changes: dict[str, Any]) -> BusinessProfileUpdate:
    fields = dict(changes)
    if "websites" in fields:
        fields["websites"] = tuple(fields["websites"])
    if "vertical" in fields:
        fields["vertical"] = Vertical(fields["vertical"])
    try:
        return BusinessProfileUpdate(**fields)
    except cloud_errors.CloudValidationError as exc:
        field = exc.field if exc.field in EDITABLE else "websites" if exc.field == "website" \
            else exc.field
        raise _invalid(field, f"{field}: {exc}") from None


def _invalid(field: str, message: str) -> ApiError:
    return ApiError(400, "invalid", message, extra={"field": field})


def _cloud_failure(exc: cloud_errors.CloudError) -> ApiError:
    log.warning("business profile call failed", extra={
        "error": type(exc).__name__, "code": getattr(exc, "code", None)})
    if isinstance(exc, cloud_errors.AuthenticationError):
        return ApiError(503, "cloud_token_expired", "WhatsApp refused the relay's access "
                        "token; an owner has to set a new one.")
    if isinstance(exc, (cloud_errors.TemporaryError, cloud_errors.OutcomeUnknownError,
                        cloud_errors.RateLimitError)):
        return ApiError(503, "cloud_unavailable", "WhatsApp did not answer in time; try again.",
                        headers={"Retry-After": "5"})
    return ApiError(502, "cloud_refused", reason_for(exc),
                    extra={"meta_code": getattr(exc, "code", None)})


def routes(ctx: Any) -> list[BaseRoute]:
    async def fetch() -> dict[str, Any]:
        try:
            return profile_view(await ctx.cloud.get_business_profile())
        except cloud_errors.CloudError as exc:
            raise _cloud_failure(exc) from None

    async def read(request: Request) -> JSONResponse:
        await require(request, ctx, "read")
        return ok(await fetch())

    async def change(request: Request) -> JSONResponse:
        caller = await require(request, ctx, "profile.manage")
        body = await read_json(request, 16 * 1024)
        before = await fetch()
        changes = parse_changes(body, before)
        if not changes:
            return ok(before)
        update = to_update(changes)
        try:
            await ctx.cloud.update_business_profile(update)
        except cloud_errors.CloudError as exc:
            raise _cloud_failure(exc) from None
        # As Meta now has it (it may normalise what it was given); if that read fails,
        # the update is still done, and the event carries what was sent.
        try:
            after = profile_view(await ctx.cloud.get_business_profile())
        except cloud_errors.CloudError:
            after = {**before, **changes}
        changed = sorted(changes)

        def write(conn: Any) -> None:
            payload = {**after, "updated_at": int(time.time()), "updated_by": str(caller.person.id)}
            emit(conn, "profile.saved", payload, actor_id=caller.person.id)
            people.audit(conn, caller.person, "profile.updated", "profile", {"changed": changed})

        await ctx.write(write)
        return ok(after)

    return [
        Route("/api/v1/profile", read, methods=["GET"]),
        Route("/api/v1/profile", change, methods=["PUT"]),
    ]
