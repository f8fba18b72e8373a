"""Logging in, one's own account, and devices.

    POST   /api/v1/login          {"name", "setup_code" | "password", "device_name"}  (public)
        -> 200 {"token", "device": {...}, "person": {...}, "must_set_password": bool}
        -> 401 login_failed, 429 too_many_attempts (Retry-After: the seconds until the
           limit lifts)
    GET    /api/v1/me             -> {"person": {...}, "device": {...}, "permissions": [...],
                                      "business": {"name", "display_phone_number"}}
    POST   /api/v1/me/password    {"password", "current_password"?} -> 204
    POST   /api/v1/logout         revokes the calling device -> 204
    GET    /api/v1/devices        own devices; admins: ?person_id=N or ?all=1
    DELETE /api/v1/devices/{id}   revoke: one's own device, or any as admin (an owner's:
                                  only owners) -> 204

A token is 256 random bits, shown once, stored only as a hash. Failed logins count per
name and per client address (auth.LOGIN_FAILURES_ALLOWED within LOGIN_WINDOW_S); a
correct login clears them. Both failures and logins are audited, without secrets.
The business's name and number come from the Cloud API's phone-number object
(verified_name, display_phone_number), asked once an hour at most (a failed ask again
after a minute); until Meta answered they are "" (a /me never waits long on Meta).
Behind a reverse proxy the client address is the proxy's unless uvicorn trusts its
X-Forwarded-For (see the README).
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import asdict
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from wadesk.relay import auth
from wadesk.relay.access import ApiError, Caller, require
from wadesk.relay.api_util import ok, path_id, query_int, read_json, text_field
from wadesk.relay.rate_limit import login_retry_after
from wadesk.store import login_limits, people, team_queries
from wadesk.store.people import Device, Person

log = logging.getLogger(__name__)

BUSINESS_KEEP_S, BUSINESS_RETRY_S, BUSINESS_WAIT_S = 3600.0, 60.0, 5.0
LOGIN_FAILED = "The name, code or password is wrong (or the account is disabled)."
# Same cost as a real check; matches no password anyone can type.
_DUMMY_HASH = auth.hash_password("not a password of anyone \x00")


def person_view(person: Person) -> dict[str, Any]:
    return {"id": person.id, "name": person.name, "role": person.role,
            "has_password": person.has_password, "disabled": person.disabled_at is not None}


def device_view(device: Device, current_id: int | None = None) -> dict[str, Any]:
    view = asdict(device)
    view["current"] = device.id == current_id
    return view


def client_address(request: Request, trusted_proxies: tuple[str, ...]) -> str:
    """Who is calling, for per-address limits. Behind a trusted reverse proxy every
    request comes from the proxy, so the address it appended to X-Forwarded-For counts
    (the last entry: the ones before it are whatever the client claimed)."""
    host = request.client.host if request.client else "unknown"
    if host in trusted_proxies:
        forwarded = request.headers.get("x-forwarded-for", "").split(",")[-1].strip()
        if forwarded:
            return forwarded[:64]
    return host


class BusinessCache:
    """The business's name and display number as Meta shows them, kept for a while."""

    def __init__(self, ctx: Any) -> None:
        self.ctx = ctx
        self.value = {"name": "", "display_phone_number": ""}
        self.until = 0.0
        self._lock: asyncio.Lock | None = None

    async def get(self) -> dict[str, str]:
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:  # one ask to Meta for many desktops starting at once
            now = time.monotonic()
            if now < self.until:
                return self.value
            keep = BUSINESS_RETRY_S
            if self.ctx.config.phone_number_ids:
                try:
                    info = await asyncio.wait_for(self.ctx.cloud.get_phone_number(
                        ("id", "display_phone_number", "verified_name")), BUSINESS_WAIT_S)
                    self.value = {"name": info.verified_name or "",
                                  "display_phone_number": info.display_phone_number or ""}
                    keep = BUSINESS_KEEP_S
                except Exception as exc:  # Meta unreachable or the token refused: /me still answers
                    log.warning("the business's number could not be read",
                                extra={"error": type(exc).__name__})
            self.until = now + keep
            return self.value


def routes(ctx: Any) -> list[BaseRoute]:
    business = BusinessCache(ctx)

    async def login(request: Request) -> JSONResponse:
        body = await read_json(request, 8 * 1024)
        name = text_field(body, "name", max_len=80)
        device_name = text_field(body, "device_name", max_len=120, required=False) or "desktop"
        code = body.get("setup_code")
        password = body.get("password")
        if (code is None) == (password is None) or not isinstance(code or password, str):
            raise ApiError(400, "invalid", "Give either setup_code or password.")
        address = client_address(request, tuple(ctx.config.trusted_proxies))
        keys = [f"name:{name.lower()}", f"ip:{address}"]
        now = int(time.time())

        def look(conn: Any) -> tuple[int | None, Person | None, str | None]:
            wait = _limited_for(conn, keys, now)
            person = people.find_person(conn, name)
            stored = people.password_hash(conn, person.id) if person and password else None
            return wait, person, stored

        wait, person, stored = await ctx.read(look)
        if wait is not None:
            minutes = (wait + 59) // 60
            raise ApiError(429, "too_many_attempts",
                           f"Too many failed logins; try again in {minutes} "
                           f"minute{'s' if minutes != 1 else ''}.",
                           headers={"Retry-After": str(wait)})
        good = person is not None and person.disabled_at is None
        if password is not None:
            # scrypt takes ~50 ms of CPU: off the event loop, and off the writer thread.
            # Run for unknown names too, so the answer's timing does not tell who exists.
            checked = await asyncio.to_thread(auth.check_password, password,
                                              stored if good else _DUMMY_HASH)
            good = good and checked
        token = auth.new_device_token()

        def write(conn: Any) -> tuple[Device, Person] | None:
            ok_now = good
            if ok_now and code is not None:
                code_hash = auth.hash_setup_code(code)
                ok_now = team_queries.setup_code_owner(conn, code_hash, now) == person.id \
                    and people.use_setup_code(conn, code_hash) == person.id
            if not ok_now:
                people.record_login_failure(conn, keys, now)
                people.audit(conn, None, "login.failed", f"name:{name}", {"address": address})
                return None
            assert person is not None
            device = people.add_device(conn, person.id, auth.hash_device_token(token), device_name)
            people.clear_login_failures(conn, keys)
            people.audit(conn, person, "login", f"device:{device.id}",
                         {"method": "setup_code" if code is not None else "password",
                          "device_name": device_name, "address": address})
            fresh = people.get_person(conn, person.id)
            assert fresh is not None
            return device, fresh

        result = await ctx.write(write)
        if result is None:
            log.info("login failed")
            raise ApiError(401, "login_failed", LOGIN_FAILED)
        device, fresh = result
        log.info("login", extra={"person_id": fresh.id, "device_id": device.id})
        return ok({"token": token, "device": device_view(device, device.id),
                   "person": person_view(fresh), "must_set_password": not fresh.has_password})

    async def me(request: Request) -> JSONResponse:
        caller = await require(request, ctx, "read")
        return ok({"person": person_view(caller.person),
                   "device": device_view(caller.device, caller.device.id),
                   "permissions": sorted(p for p in auth.PERMISSIONS if caller.may(p)),
                   "business": dict(await business.get())})

    async def set_password(request: Request) -> Response:
        caller = await require(request, ctx, "read")
        body = await read_json(request, 8 * 1024)
        new = body.get("password")
        if not isinstance(new, str) or len(new) > 1000:
            raise ApiError(400, "invalid", "password must be text.")
        if caller.person.has_password:
            current = body.get("current_password")
            stored = await ctx.read(lambda conn: people.password_hash(conn, caller.person.id))
            if not isinstance(current, str) or not await asyncio.to_thread(
                    auth.check_password, current, stored):
                raise ApiError(403, "wrong_password", "The current password is wrong.")
        try:
            hashed = await asyncio.to_thread(auth.hash_password, new)
        except ValueError as exc:
            raise ApiError(400, "weak_password", f"{str(exc).capitalize()}.") from None

        def write(conn: Any) -> None:
            people.set_password_hash(conn, caller.person.id, hashed)
            people.audit(conn, caller.person, "password.changed", f"person:{caller.person.id}")

        await ctx.write(write)
        return Response(status_code=204)

    async def logout(request: Request) -> Response:
        caller = await require(request, ctx, "read")
        await ctx.write(lambda conn: _revoke(conn, caller, caller.device.id))
        return Response(status_code=204)

    async def list_devices(request: Request) -> JSONResponse:
        caller = await require(request, ctx, "read")
        person_id = query_int(request, "person_id", None, minimum=1)
        everyone = request.query_params.get("all") in ("1", "true")
        if (person_id not in (None, caller.person.id) or everyone) \
                and not caller.may("people.manage"):
            raise ApiError(403, "forbidden", "Only admins and owners see other people's devices.")
        if not everyone and person_id is None:
            person_id = caller.person.id
        devices = await ctx.read(lambda conn: people.list_devices(
            conn, None if everyone else person_id))
        return ok({"devices": [device_view(d, caller.device.id) for d in devices]})

    async def revoke_device(request: Request) -> Response:
        caller = await require(request, ctx, "read")
        device_id = path_id(request, "device_id")
        await ctx.write(lambda conn: _revoke(conn, caller, device_id))
        return Response(status_code=204)

    return [
        Route("/api/v1/login", login, methods=["POST"]),
        Route("/api/v1/me", me, methods=["GET"]),
        Route("/api/v1/me/password", set_password, methods=["POST"]),
        Route("/api/v1/logout", logout, methods=["POST"]),
        Route("/api/v1/devices", list_devices, methods=["GET"]),
        Route("/api/v1/devices/{device_id}", revoke_device, methods=["DELETE"]),
    ]


def _limited_for(conn: Any, keys: list[str], now: int) -> int | None:
    """Seconds until every key of this login may try again; None if none is limited."""
    allowed, window = auth.LOGIN_FAILURES_ALLOWED, auth.LOGIN_WINDOW_S
    waits = [
        login_retry_after(login_limits.newest_failures(conn, key, now - window + 1, allowed),
                          allowed, window, now)
        for key in keys
    ]
    return max((w for w in waits if w is not None), default=None)


def _revoke(conn: Any, caller: Caller, device_id: int) -> None:
    device = team_queries.get_device(conn, device_id)
    if device is None or (device[1] != caller.person.id and not caller.may("people.manage")):
        # Someone else's device looks the same as none: no probing of ids.
        raise ApiError(404, "device_not_found", "There is no such device of yours.")
    if device[1] != caller.person.id and caller.person.role != "owner":
        holder = people.get_person(conn, device[1])
        if holder is not None and holder.role == "owner":
            raise ApiError(403, "forbidden", "Only an owner may revoke an owner's device.")
    if device[3] is None:
        people.revoke_device(conn, device_id)
        people.audit(conn, caller.person, "device.revoked", f"device:{device_id}",
                     {"owner_id": device[1]})
