"""The relay's ASGI app: webhooks, the team API, sync, media and health on one server.

    /webhook          Meta's verification handshake and signed POSTs (intake.py)
    /api/v1/sync      the long-poll every desktop keeps open (sync_api.py)
    /api/v1/media/…   stored incoming media (media_api.py)
    /api/v1/…         login, people, assignment, labels, notes, sending (team_api, send_api)
    /api/v1/templates the business's message templates, cached (templates_api.py)
    /api/v1/automations, /api/v1/contacts/{contact}/consents|export|erase,
    /api/v1/cloud-token   greeting/away settings, consents, a customer's data (GDPR),
                      a new Cloud API token (automations_api, consents_api, privacy_api,
                      cloud_token_api)
    /healthz          for monitors (health.py)

Every error is the relay's one JSON shape, `{"error": {"code", "message"}}`, with a
4xx status for anything a caller did; an unexpected exception is logged (type only)
and answered 500 in the same shape, never with a traceback.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse

from wadesk.exception_place import innermost_frame
from wadesk.relay import (
    automations_api,
    cloud_token_api,
    consents_api,
    health,
    housekeeping,
    intake,
    media_api,
    privacy_api,
    profile_api,
    send_api,
    sync_api,
    team_api,
    templates_api,
)
from wadesk.relay.access import ApiError, api_error_handler, error_body
from wadesk.relay.context import RelayContext

log = logging.getLogger("wadesk.relay")
_LOGGED = "wadesk.error_logged"  # set in the ASGI scope once `_unexpected` logged a 500

_HTTP_CODES = {400: "bad_request", 401: "unauthenticated", 403: "forbidden", 404: "not_found",
               405: "method_not_allowed", 413: "too_large", 415: "unsupported_media_type",
               422: "invalid", 429: "rate_limited"}


class RelayApp(Starlette):
    """Starlette, with Meta's webhooks taken straight to the intake.

    /webhook is the hot path (thousands of POSTs a second at Meta's ceiling); the
    intake is a complete ASGI endpoint that answers every error itself, so it skips
    the router and the middleware stack, which cost about a fifth of a request."""

    webhook: Any = None

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["path"] == "/webhook" and self.webhook is not None:
            scope["app"] = self
            await self.webhook(scope, receive, send)
            return
        try:
            await super().__call__(scope, receive, send)
        except Exception:
            # Starlette re-raises after `_unexpected` answered 500 and logged it; raised
            # on, uvicorn would log it a second time, with the full traceback.
            if scope.get(_LOGGED) is True:
                return
            raise


def create_app(ctx: RelayContext) -> Starlette:
    webhook_routes = intake.routes(ctx)
    routes = [
        *webhook_routes,  # first: media_api hooks into the intake it creates
        *sync_api.routes(ctx),
        *media_api.routes(ctx),
        *health.routes(ctx),
        *team_api.routes(ctx),
        *send_api.routes(ctx),
        *templates_api.routes(ctx),
        *automations_api.routes(ctx),
        *consents_api.routes(ctx),
        *privacy_api.routes(ctx),
        *cloud_token_api.routes(ctx),
        *profile_api.routes(ctx),
    ]
    housekeeping.install(ctx)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await ctx.start()
        for hook in ctx.on_start:
            await hook()
        log.info("relay started", extra={"latest_seq": ctx.latest_seq})
        try:
            yield
        finally:
            for hook in reversed(ctx.on_stop):
                try:
                    await hook()
                except Exception:  # one service failing to stop must not keep the DB open
                    log.exception("a relay service failed to stop")
            await ctx.stop()
            log.info("relay stopped")

    app = RelayApp(
        routes=routes,
        lifespan=lifespan,
        exception_handlers={
            ApiError: api_error_handler,
            HTTPException: _http_error,
            Exception: _unexpected,
        },
    )
    app.webhook = getattr(ctx, "intake", None)
    return app


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    code = _HTTP_CODES.get(exc.status_code, "error")
    message = {
        404: "There is nothing at this address.",
        405: "This address does not accept this method.",
    }.get(exc.status_code, str(exc.detail) if exc.detail else "The request was refused.")
    return JSONResponse(error_body(code, message), status_code=exc.status_code,
                        headers=getattr(exc, "headers", None))


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    """500, logged once by type and innermost frame only: a traceback's values could
    carry a message text or a token. (Starlette re-raises the exception after this
    answer is sent; RelayApp.__call__ stops it there, so uvicorn does not log it again
    with its full traceback.)"""
    log.error("unexpected error", extra={"path": request.url.path, "error": type(exc).__name__,
                                         "at": innermost_frame(exc)})
    request.scope[_LOGGED] = True
    return JSONResponse(error_body("internal", "Something went wrong on the relay; it has been "
                                   "logged."), status_code=500)
