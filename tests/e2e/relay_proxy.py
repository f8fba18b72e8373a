"""A tiny HTTP proxy in front of the real relay that can answer badly on purpose.

    proxy = RelayProxy(relay.url)
    proxy.start()                                   # its own loopback port
    proxy.fault("POST", r"/api/v1/messages", "forward_then_not_json", times=1)
    ... a desktop talks to proxy.base_url ...
    proxy.stop()

Faults (each used `times` times, then the proxy forwards again):
    forward_then_not_json   the relay gets the request; the desktop gets 200 with an
                            HTML page instead of the relay's JSON (a captive portal,
                            a misconfigured reverse proxy)
    json_without_fields     the relay never sees it; the desktop gets 200 `{"ok": true}`
"""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from wadesk.serving import ThreadedServer

_HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "host", "content-encoding"}


@dataclass
class Fault:
    method: str
    path: re.Pattern[str]
    kind: str
    times: int
    used: int = 0


class RelayProxy(ThreadedServer):
    name = "relay proxy"

    def __init__(self, relay_url: str) -> None:
        super().__init__()
        self.relay_url = relay_url
        self._faults: list[Fault] = []
        self._lock = threading.Lock()
        self._client: httpx.AsyncClient | None = None
        self.app = Starlette(routes=[Route("/{path:path}", self._handle,
                                           methods=["GET", "POST", "PUT", "PATCH", "DELETE"])],
                             lifespan=self._lifespan)

    @contextlib.asynccontextmanager
    async def _lifespan(self, _app: Starlette) -> AsyncIterator[None]:
        async with httpx.AsyncClient(base_url=self.relay_url, timeout=60.0) as client:
            self._client = client
            yield

    def fault(self, method: str, path: str, kind: str, *, times: int = 1) -> Fault:
        made = Fault(method, re.compile(path), kind, times)
        with self._lock:
            self._faults.append(made)
        return made

    def _take(self, method: str, path: str) -> Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.method == method and fault.path.fullmatch(path) and fault.used < fault.times:
                    fault.used += 1
                    return fault
        return None

    async def _handle(self, request: Request) -> Response:
        path = request.url.path
        fault = self._take(request.method, path)
        if fault is not None and fault.kind == "json_without_fields":
            return JSONResponse({"ok": True})
        body = await request.body()
        headers = {k: v for k, v in request.headers.items() if k.lower() not in _HOP_BY_HOP}
        assert self._client is not None
        answer = await self._client.request(request.method, path, params=request.query_params, content=body,
                                            headers=headers)
        if fault is not None and fault.kind == "forward_then_not_json":
            return Response("<html><body>Welcome to the hotel network</body></html>", status_code=200,
                            media_type="text/html")
        out = {k: v for k, v in answer.headers.items() if k.lower() not in _HOP_BY_HOP}
        return Response(answer.content, status_code=answer.status_code, headers=out)

    def listen_address(self) -> tuple[str, int]:
        return "127.0.0.1", 0

    def make_uvicorn_config(self) -> uvicorn.Config:
        return uvicorn.Config(self.app, http="h11", ws="none", lifespan="on", log_config=None,
                              access_log=False, timeout_graceful_shutdown=1)
