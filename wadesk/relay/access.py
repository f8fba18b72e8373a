"""Who is calling, and may they: the one gate every relay API endpoint goes through.

`require(request, ctx, permission)` reads `Authorization: Bearer wdt_…`, finds the
live device by the token's hash (the relay never stores a token itself), and checks
the person's role against auth.PERMISSIONS. Failures are ApiError, which the app
turns into the relay's one JSON error shape:

    {"error": {"code": "<machine_code>", "message": "<one plain sentence>"}}

401 for a missing, unknown or revoked token (or a disabled person), 403 when the
role lacks the permission.

Who may do what (auth.PERMISSIONS is the table): agents read, send, assign, label,
write notes, fetch media and record a consent the customer gave or withdrew; admins
also manage quick replies, labels, automations, the business profile, people and the
Cloud API token; only owners read the audit log and export or erase a customer's data.
tests/relay/test_access.py checks every endpoint against this with every role.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import JSONResponse

from wadesk.relay import auth
from wadesk.store import people
from wadesk.store.people import Device, Person

if TYPE_CHECKING:  # the context imports the store and the cloud client; keep this light
    from wadesk.relay.context import RelayContext

log = logging.getLogger(__name__)

# last_seen_at is for the device list ("last used 3 minutes ago"), not for security:
# refreshing it at most once a minute keeps reads from turning into writes.
_TOUCH_EVERY_S = 60


class ApiError(Exception):
    """A clear 4xx for a person: raised anywhere in a handler, rendered by `error_response`."""

    def __init__(
        self, status: int, code: str, message: str, *, headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}
        self.extra = extra or {}


def error_body(code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, **extra}}


def error_response(exc: ApiError) -> JSONResponse:
    return JSONResponse(
        error_body(exc.code, exc.message, **exc.extra), status_code=exc.status, headers=exc.headers
    )


def api_error_handler(request: Request, exc: Exception) -> JSONResponse:
    """Starlette exception handler for ApiError (the app registers it)."""
    assert isinstance(exc, ApiError)
    return error_response(exc)


@dataclass(frozen=True, slots=True)
class Caller:
    person: Person
    device: Device

    @property
    def role(self) -> auth.Role:
        return auth.Role.parse(self.person.role)

    def may(self, permission: str) -> bool:
        return auth.allowed(self.person.role, permission)


UNAUTHENTICATED = ApiError(
    401, "unauthenticated", "Sign in again: this device has no valid token.",
    headers={"WWW-Authenticate": "Bearer"},
)


async def authenticate(request: Request, ctx: "RelayContext") -> Caller:
    """The caller of a request, whatever their role; 401 if there is none."""
    token = auth.bearer_token(request.headers.get("authorization"))
    if token is None:
        raise _unauthenticated()
    token_hash = auth.hash_device_token(token)
    found = await ctx.read(lambda conn: people.device_owner(conn, token_hash))
    if found is None:
        raise _unauthenticated()
    device, person = found
    _maybe_touch(ctx, device)
    return Caller(person=person, device=device)


async def require(request: Request, ctx: "RelayContext", permission: str) -> Caller:
    """The caller, if their role has `permission`; otherwise ApiError 401/403."""
    if permission not in auth.PERMISSIONS:
        # A typo in a handler must not silently open or close an endpoint.
        raise KeyError(f"unknown permission {permission!r}")
    caller = await authenticate(request, ctx)
    if not caller.may(permission):
        raise ApiError(
            403, "forbidden",
            f"Your role ({caller.person.role}) may not do this; ask an owner or admin.",
        )
    return caller


def _unauthenticated() -> ApiError:
    return ApiError(UNAUTHENTICATED.status, UNAUTHENTICATED.code, UNAUTHENTICATED.message,
                    headers=dict(UNAUTHENTICATED.headers))


def _maybe_touch(ctx: "RelayContext", device: Device) -> None:
    now = int(time.time())
    if device.last_seen_at is not None and now - device.last_seen_at < _TOUCH_EVERY_S:
        return
    # Requests arriving together all see the old time: only the first one writes.
    key = (id(ctx), device.id)
    if now - _touched.get(key, 0) < _TOUCH_EVERY_S:
        return
    _touched[key] = now

    async def touch() -> None:
        try:
            await ctx.write(lambda conn: people.touch_device(conn, device.id, now))
        except Exception:  # a missed "last seen" is never worth failing a request
            log.debug("could not refresh last_seen_at", extra={"device_id": device.id})

    try:
        task = asyncio.get_running_loop().create_task(touch())
        _pending.add(task)
        task.add_done_callback(_pending.discard)
    except RuntimeError:
        pass


_pending: set[asyncio.Task[None]] = set()
# (relay, device id) -> when this process last wrote the device's last_seen_at
_touched: dict[tuple[int, int], int] = {}
