"""Fixtures for the simulator tests: a running simulator on loopback, a webhook
receiver (a small Starlette app on uvicorn) and HTTP clients for both APIs."""

from __future__ import annotations

import asyncio
import json
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

import httpx
import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from wadesk.cloud.signature import is_valid
from wadesk.sim import SimConfig, SimServer
from wadesk.serving import bind

APP_SECRET = "sim-test-app-secret"
VERIFY_TOKEN = "sim-test-verify-token"
TOKEN = "EAAGsimtesttoken"

FAST = SimConfig(
    token=TOKEN,
    app_secret=APP_SECRET,
    verify_token=VERIFY_TOKEN,
    status_delays=(0.02, 0.06, 0.1),
    customers=False,
    chatter=None,
    reply_delay=0.05,
    webhook_backoff=0.05,
    webhook_backoff_max=0.2,
    webhook_max_attempts=4,
    webhook_timeout=2.0,
    template_review_delay=None,
    pair_rate_burst=1000,  # the rules tests set their own limits
)


def wait_for(predicate: Callable[[], Any], timeout: float = 5.0, interval: float = 0.01) -> Any:
    """Poll until `predicate()` is truthy and return it; fail the test after `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        result = predicate()
        if result:
            return result
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout} s waiting for {predicate}")
        time.sleep(interval)


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes

    @property
    def payload(self) -> dict[str, Any]:
        return json.loads(self.body)

    @property
    def signed(self) -> bool:
        return is_valid(self.body, self.headers.get("x-hub-signature-256"), APP_SECRET)

    def values(self) -> list[dict[str, Any]]:
        return [c["value"] for e in self.payload["entry"] for c in e["changes"]]

    def statuses(self) -> list[dict[str, Any]]:
        return [s for v in self.values() for s in v.get("statuses", [])]

    def messages(self) -> list[dict[str, Any]]:
        return [m for v in self.values() for m in v.get("messages", [])]


@dataclass
class Receiver:
    """What a relay would be: answers the handshake, records signed POSTs."""

    url: str = ""
    verify_mode: str = "echo"  # echo | wrong | forbidden | error
    fail_next: int = 0
    fail_status: int = 500
    posts: list[Received] = field(default_factory=list)
    verifications: list[dict[str, str]] = field(default_factory=list)
    failures: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    asgi: Any = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.asgi = self.app()

    def app(self) -> Starlette:
        async def webhook(request: Request) -> Response:
            if request.method == "GET":
                params = dict(request.query_params)
                self.verifications.append(params)
                if self.verify_mode == "error":
                    return PlainTextResponse("down", status_code=503)
                if self.verify_mode == "forbidden" or params.get("hub.verify_token") != VERIFY_TOKEN:
                    return PlainTextResponse("forbidden", status_code=403)
                if self.verify_mode == "wrong":
                    return PlainTextResponse("not-the-challenge")
                return PlainTextResponse(params.get("hub.challenge", ""))
            body = await request.body()
            with self.lock:
                if self.fail_next > 0:
                    self.fail_next -= 1
                    self.failures += 1
                    return PlainTextResponse("try later", status_code=self.fail_status)
                self.posts.append(Received({k.lower(): v for k, v in request.headers.items()}, body))
            return PlainTextResponse("ok")

        return Starlette(routes=[Route("/webhook", webhook, methods=["GET", "POST"])])

    # Queries -------------------------------------------------------------------------
    def statuses(self, message_id: str | None = None) -> list[dict[str, Any]]:
        with self.lock:
            posts = list(self.posts)
        return [s for p in posts for s in p.statuses() if message_id is None or s["id"] == message_id]

    def messages(self) -> list[dict[str, Any]]:
        with self.lock:
            posts = list(self.posts)
        return [m for p in posts for m in p.messages()]

    def wait_statuses(self, message_id: str, count: int, timeout: float = 5.0) -> list[dict[str, Any]]:
        return wait_for(lambda: len(self.statuses(message_id)) >= count and self.statuses(message_id),
                        timeout)


class ThreadedUvicorn:
    def __init__(self, app: Any) -> None:
        sock = bind("127.0.0.1", 0)
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(app, http="h11", ws="none", lifespan="off", log_config=None,
                                log_level="warning", access_log=False)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=lambda: asyncio.run(self.server.serve(sockets=[sock])),
                                       daemon=True)
        self.thread.start()
        wait_for(lambda: self.server.started)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(5)


@pytest.fixture(scope="session")
def _receiver_server() -> Iterator[tuple[ThreadedUvicorn, list[Receiver]]]:
    current: list[Receiver] = [Receiver()]

    async def app(scope: Any, receive: Any, send: Any) -> None:
        await current[0].asgi(scope, receive, send)

    server = ThreadedUvicorn(app)
    yield server, current
    server.stop()


@pytest.fixture
def receiver(_receiver_server: tuple[ThreadedUvicorn, list[Receiver]]) -> Receiver:
    """A fresh webhook receiver for each test (one server for the session: starting and
    stopping uvicorn costs more than most tests)."""
    server, current = _receiver_server
    current[0] = Receiver(url=f"http://127.0.0.1:{server.port}/webhook")
    return current[0]


_TLS = ssl.create_default_context()  # shared: building one per client is slow


@dataclass
class Sim:
    server: SimServer
    graph: httpx.Client
    control: httpx.Client

    @property
    def pid(self) -> str:
        return self.server.phone_number_id

    @property
    def waba(self) -> str:
        return self.server.waba_id

    def send(self, payload: dict[str, Any], pid: str | None = None) -> httpx.Response:
        return self.graph.post(f"/{pid or self.pid}/messages", json={"messaging_product": "whatsapp", **payload})

    def send_text(self, to: str, body: str = "Hallo!", pid: str | None = None, **extra: Any) -> httpx.Response:
        return self.send({"to": to, "type": "text", "text": {"body": body}, **extra}, pid)

    def say(self, customer: str, spec: dict[str, Any] | None = None) -> dict[str, Any]:
        answer = self.control.post(f"/customers/{customer}/say", json=spec or {})
        assert answer.status_code == 200, answer.text
        return answer.json()["message"]

    def fault(self, kind: str, **params: Any) -> dict[str, Any]:
        answer = self.control.post("/faults", json={"kind": kind, **params})
        assert answer.status_code == 200, answer.text
        return answer.json()

    def advance(self, seconds: float) -> None:
        assert self.control.post("/clock/advance", json={"seconds": seconds}).status_code == 200

    def sent(self) -> list[dict[str, Any]]:
        return self.control.get("/messages").json()["data"]

    def deliveries(self) -> list[dict[str, Any]]:
        return self.control.get("/webhooks").json()["data"]

    def dispatched_statuses(self, message_id: str) -> list[str]:
        """The statuses of one message in the order the simulator POSTed them."""
        return [s["status"] for d in self.deliveries() if d["duplicate_of"] is None
                for e in d["payload"]["entry"] for c in e["changes"]
                for s in c["value"].get("statuses", []) if s["id"] == message_id]

    def happened(self, message_id: str) -> list[str]:
        return next(m["statuses"] for m in self.sent() if m["id"] == message_id)


@pytest.fixture
def make_sim() -> Iterator[Callable[..., Sim]]:
    started: list[Sim] = []

    def make(**overrides: Any) -> Sim:
        server = SimServer(replace(FAST, **overrides))
        server.start()
        sim = Sim(
            server,
            httpx.Client(base_url=server.graph_url("v25.0"), headers={"Authorization": f"Bearer {TOKEN}"},
                         timeout=10, verify=_TLS),
            httpx.Client(base_url=f"{server.base_url}/_sim", timeout=10, verify=_TLS),
        )
        started.append(sim)
        return sim

    yield make
    for sim in started:
        sim.graph.close()
        sim.control.close()
        sim.server.stop()


@pytest.fixture
def sim(make_sim: Callable[..., Sim], receiver: Receiver) -> Sim:
    """A simulator delivering webhooks to `receiver`."""
    return make_sim(webhook_url=receiver.url)


RANK = {"sent": 0, "delivered": 1, "read": 2, "played": 3, "failed": 4}


def by_rank(statuses: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Statuses in the order they happened. Webhooks are separate POSTs and may arrive in
    any order (as at Meta); the simulator's own order is checked through /_sim/messages."""
    return sorted(statuses, key=lambda s: RANK[s["status"]])


JONAS = "491701234567"
EMMA = "447700900123"
AYLIN = "4915123456789"
KIEZ_BSUID = "DE.13491208655302741918"


def assert_meta_error(response: httpx.Response, code: int, http_status: int = 400) -> dict[str, Any]:
    assert response.status_code == http_status, response.text
    error = response.json()["error"]
    assert error["code"] == code, error
    assert error["type"] == "OAuthException"
    assert error["fbtrace_id"]
    if "error_data" in error:  # WhatsApp's own errors; generic Graph ones have no (#code) title
        assert error["message"].startswith(f"(#{code}) "), error
        assert error["error_data"]["messaging_product"] == "whatsapp"
        assert error["error_data"]["details"]
    return error
