"""The simulator: all the parts of one simulated account wired together, and the ASGI
app that serves it (`create_app`)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Coroutine
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route

from wadesk import __version__
from wadesk.sim import control, graph
from wadesk.sim.account import Account
from wadesk.sim.behaviour import Behaviour
from wadesk.sim.clock import SimClock
from wadesk.sim.config import SimConfig
from wadesk.sim.customers import Crowd
from wadesk.sim.envelopes import Envelopes
from wadesk.sim.faults import Faults
from wadesk.sim.ids import IdFactory
from wadesk.sim.inbound import InboundLog
from wadesk.sim.media import MediaStore
from wadesk.sim.profile import Profiles
from wadesk.sim.rules import RateLimits, ServiceWindows
from wadesk.sim.sending import Outbox
from wadesk.sim.templates import Templates
from wadesk.sim.uploads import Uploads
from wadesk.sim.webhooks import WebhookDispatcher


class Simulator:
    """One simulated WhatsApp Business Account. All its state lives on the event loop
    that serves the app; touch it only from there (the control API does)."""

    def __init__(self, config: SimConfig | None = None) -> None:
        self.config = config = config or SimConfig()
        self.clock = SimClock(config.start_time)
        self.ids = IdFactory(config.seed)
        self.account = Account(config, self.clock)
        self.windows = ServiceWindows(self.clock)
        self.limits = RateLimits(config, self.clock)
        self.faults = Faults()
        self.media = MediaStore(self)
        self.uploads = Uploads(self)
        self.profiles = Profiles(self)
        self.templates = Templates(self)
        self.envelopes = Envelopes(self)
        self.webhooks = WebhookDispatcher(self)
        self.outbox = Outbox(self)
        self.inbound = InboundLog(self)
        self.customers = Crowd(self)
        self.behaviour = Behaviour(self)
        self.public_url: str | None = None
        self.counts = {"graph_calls": 0, "graph_errors": 0}
        self._tasks: set[asyncio.Task[Any]] = set()

    def spawn(self, coroutine: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        """Run `coroutine` in the background; cancelled when the simulator stops."""
        task = asyncio.get_running_loop().create_task(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    def remember_url(self, base_url: str) -> None:
        if self.public_url is None:
            self.public_url = base_url.rstrip("/")

    async def start(self) -> None:
        if self.config.chatter:
            self.behaviour.set_chatter(self.config.chatter)
        if self.webhooks.url:
            self.spawn(self.webhooks.verify())

    async def stop(self) -> None:
        self.behaviour.set_chatter(None)
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await self.webhooks.close()

    def snapshot(self) -> dict[str, Any]:
        pid = self.account.default_number.phone_number_id
        return {
            "version": __version__,
            "account": self.account.snapshot(),
            "clock": self.clock.snapshot(),
            "webhook": self.webhooks.snapshot(),
            "faults": self.faults.snapshot(),
            "limits": self.limits.snapshot(),
            "chatter": {"interval": self.behaviour.chatter_interval,
                        "auto_answers": self.behaviour.auto_answers},
            "customers": [c.to_json(self.windows, pid) for c in self.customers.all.values()],
            "counts": {**self.counts, "sent": len(self.outbox.items), "received": len(self.inbound.items),
                       "media": self.media.snapshot()["count"], "templates": len(self.templates.items)},
        }


async def _download(request: Request) -> Response:
    """The short-lived media URL (Meta's lookaside host): bearer token required."""

    async def handler(sim: Any, request: Request, _node: str) -> Response:
        query = request.query_params
        media = sim.media.resolve_url(query.get("hash", ""), query.get("mid", ""))
        if media is None:
            return JSONResponse({"error": "URL expired or not found"}, status_code=404)
        headers = {"content-disposition": f'attachment; filename="{media.filename or media.id}"'}
        return Response(media.data, media_type=media.mime_type, headers=headers)

    return await graph._run(request, "download", handler, "")  # noqa: SLF001 - same auth and faults


async def _profile_picture(request: Request) -> Response:
    found = request.app.state.sim.profiles.picture(request.path_params["key"])
    if found is None:
        return Response(status_code=404)
    return Response(found[0], media_type=found[1])


async def _index(request: Request) -> JSONResponse:
    sim = request.app.state.sim
    return JSONResponse({"name": "wadesk sim", "version": __version__, "waba_id": sim.account.waba_id,
                         "phone_number_ids": list(sim.account.numbers), "control": "/_sim/state"})


def create_app(simulator: Simulator | SimConfig | None = None) -> Starlette:
    """The ASGI app. Its lifespan starts and stops the simulator's background work."""
    sim = simulator if isinstance(simulator, Simulator) else Simulator(simulator)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await sim.start()
        try:
            yield
        finally:
            await sim.stop()

    app = Starlette(
        routes=[
            Route("/", _index),
            Mount("/_sim", routes=control.routes),
            Route("/whatsapp_business/attachments/", _download),
            Route("/pps/{key}", _profile_picture),
            Route("/{version}/{node}", graph.node, methods=["GET", "POST", "DELETE"]),
            Route("/{version}/{node}/{edge}", graph.edge, methods=["GET", "POST", "DELETE"]),
        ],
        lifespan=lifespan,
    )
    app.state.sim = sim
    return app
