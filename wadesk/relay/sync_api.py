"""GET /api/v1/sync?since=SEQ&wait=SECONDS&limit=N: the team's long-poll.

    {"events": [{"seq", "at", "kind", "actor_id", "payload"}, ...], "latest": SEQ,
     "presence": [{"conversation_id", "person_id", "what", "until"}, ...]}

Answers at once when there are events after `since`; otherwise parks the request until
one is committed, a colleague starts typing, or `wait` seconds pass (capped at 60:
proxies and NATs drop idle connections not much later). A parked request is one
suspended coroutine: hundreds cost nothing, a client that vanishes only wastes its own
coroutine until its wait ends, and no client's pace affects another's. When the relay
shuts down, parked requests answer at once with no events (long_poll.py).

`presence` is what the team is doing right now, kept in memory only (presence.py),
never in the log: every answer lists the entries that have not expired.
`conversation_id` is the relay's conversation id, `person_id` the person's id as text
(as in events' `agent_id`), `what` is "typing" (the only kind so far; ignore kinds you
do not know), `until` the relay's epoch seconds (a float) after which the entry no
longer holds. A new entry wakes parked polls: they answer with no new events, only
with `presence`. A desktop ignores its own person's entries.

When a commit wakes twenty clients that all ask for the same `since`, they share one
database read (`_PageCache`), and the stored payload JSON is spliced into the answer
as it is, never parsed and re-serialised.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from wadesk.relay.access import ApiError, require
from wadesk.relay.context import RelayContext
from wadesk.relay.long_poll import parked_polls
from wadesk.relay.presence import team_presence
from wadesk.store import events

MAX_WAIT_S = 60.0
DEFAULT_LIMIT = 500


def routes(ctx: RelayContext) -> list[BaseRoute]:
    pages = _PageCache(ctx)
    polls = parked_polls(ctx)
    presence = team_presence(ctx)

    async def sync(request: Request) -> Response:
        await require(request, ctx, "read")
        since = _int_param(request, "since", 0, minimum=0)
        limit = _int_param(request, "limit", DEFAULT_LIMIT, minimum=1,
                           maximum=events.MAX_PAGE)
        wait = _float_param(request, "wait", 0.0)
        if ctx.latest_seq <= since and wait > 0:
            await polls.park(since, min(wait, MAX_WAIT_S))
        latest = ctx.latest_seq
        rows: list[tuple[Any, ...]] = []
        if latest > since:
            rows = await pages.get(since, limit, latest)
        body = _encode(rows, max(latest, rows[-1][0] if rows else 0), presence.current())
        return Response(body, media_type="application/json",
                        headers={"Cache-Control": "no-store"})

    return [Route("/api/v1/sync", sync, methods=["GET"])]


class _PageCache:
    """Concurrent identical reads (same since, limit, latest) share one query."""

    def __init__(self, ctx: RelayContext) -> None:
        self.ctx = ctx
        self.inflight: dict[tuple[int, int, int], asyncio.Future[list[tuple[Any, ...]]]] = {}

    async def get(self, since: int, limit: int, latest: int) -> list[tuple[Any, ...]]:
        key = (since, limit, latest)
        future = self.inflight.get(key)
        if future is None:
            future = asyncio.ensure_future(
                self.ctx.read(lambda conn: events.raw_events_since(conn, since, limit)))
            self.inflight[key] = future
            future.add_done_callback(lambda _f: self.inflight.pop(key, None))
        # shield: one client going away must not cancel the read the others wait for
        return await asyncio.shield(future)


def _encode(rows: list[tuple[Any, ...]], latest: int, presence: list[dict[str, Any]]) -> bytes:
    parts = [
        '{"seq":%d,"at":%d,"kind":%s,"actor_id":%s,"payload":%s}'
        % (seq, at, json.dumps(kind), "null" if actor is None else int(actor), payload)
        for seq, at, kind, actor, payload in rows
    ]
    return ('{"events":[' + ",".join(parts) + '],"latest":%d,"presence":%s}'
            % (latest, json.dumps(presence, separators=(",", ":")))).encode()


def _int_param(request: Request, name: str, default: int, *, minimum: int,
               maximum: int | None = None) -> int:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    if not raw.isdigit() or len(raw) > 18:
        raise ApiError(400, "bad_parameter", f"{name} must be a whole number.")
    value = int(raw)
    if value < minimum:
        raise ApiError(400, "bad_parameter", f"{name} must be at least {minimum}.")
    return min(value, maximum) if maximum is not None else value


def _float_param(request: Request, name: str, default: float) -> float:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ApiError(400, "bad_parameter", f"{name} must be a number of seconds.") from None
    if not value >= 0 or value == float("inf"):
        raise ApiError(400, "bad_parameter", f"{name} must be a number of seconds.")
    return value
