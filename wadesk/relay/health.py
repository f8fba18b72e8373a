"""GET /healthz: is the relay up and its database writable, for monitors and proxies.

Unauthenticated, so it shows figures only: no secret, no phone number, no person, no
message id. 200 while the writer commits; 503 when it cannot (the monitor should page
someone: webhooks are then answered 5xx and Meta keeps them for retry).
"""

from __future__ import annotations

import time
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route

import wadesk
from wadesk.relay.context import RelayContext
from wadesk.store import events, quarantine

_SHOWN_STATS = ("webhook_200", "webhook_400", "webhook_401", "webhook_403", "webhook_413",
                "webhook_415", "webhook_items_rejected", "webhook_entries_quarantined",
                "events_stored", "events_duplicate", "media_stored", "media_failed")


def routes(ctx: RelayContext) -> list[BaseRoute]:
    started = time.monotonic()

    async def healthz(request: Request) -> JSONResponse:
        body: dict[str, Any] = {
            "status": "ok",
            "version": getattr(wadesk, "__version__", "unknown"),
            "uptime_s": round(time.monotonic() - started, 1),
            "latest_seq": ctx.latest_seq,
            "stats": {name: ctx.stats.get(name, 0) for name in _SHOWN_STATS},
        }
        try:
            # A write proves the disk and the writer thread; it costs one shared fsync.
            body["counters"], body["quarantine_waiting"] = await ctx.write(_figures)
        except Exception as exc:
            body["status"] = "degraded"
            body["error"] = type(exc).__name__
            return JSONResponse(body, status_code=503, headers={"Cache-Control": "no-store"})
        return JSONResponse(body, headers={"Cache-Control": "no-store"})

    return [Route("/healthz", healthz, methods=["GET"])]


def _figures(conn: Any) -> tuple[dict[str, int], int]:
    """The counters, and how many webhook entries wait in the quarantine for a replay
    (`wadesk relay quarantine list`): a monitor can alert when it is not 0."""
    return events.all_counters(conn), quarantine.waiting_count(conn)
