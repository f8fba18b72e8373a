"""Contract tests: the real CloudClient against the real simulator over loopback HTTP.

One simulator per test module (its clock, limits, faults and token are the module's
own), one webhook receiver for the whole session: a small Starlette app on uvicorn that
answers the hub.challenge handshake and records every signed POST under the path of the
module that caused it. Tests are async (anyio) and wait on conditions, never on fixed
sleeps.
"""

from __future__ import annotations

import asyncio
import hashlib
import itertools
import ssl
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

import anyio
import httpx
import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from tests.sim.conftest import FAST
from wadesk.cloud import CloudClient
from wadesk.cloud.signature import HEADER, is_valid, subscription_challenge
from wadesk.cloud.webhook_parser import parse_webhook
from wadesk.cloud.webhook_types import InboundMessage, StatusUpdate, WebhookEvent
from wadesk.sim import SimConfig, SimServer
from wadesk.serving import bind

APP_SECRET = "contract-app-secret"
VERIFY_TOKEN = "contract-verify-token"
TOKEN = "EAAGcontracttesttoken0123456789"

# One TLS context for every client: httpx builds a new one per client otherwise, which
# costs more than a whole contract test (loopback is plain http, but httpx prepares TLS).
TLS = ssl.create_default_context()

CONFIG: SimConfig = replace(
    FAST,
    token=TOKEN,
    app_secret=APP_SECRET,
    verify_token=VERIFY_TOKEN,
    status_delays=(0.02, 0.05, 0.08),
)


async def eventually(predicate: Callable[[], Any], timeout: float = 5.0, what: str = "") -> Any:
    """Poll `predicate()` until it is truthy and return its value; fail after `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        result = predicate()
        if result:
            return result
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout} s waiting for {what or predicate}")
        await anyio.sleep(0.01)


# -- the webhook receiver ----------------------------------------------------------------


@dataclass
class Post:
    """One webhook POST as it arrived: raw body and headers (lower-cased names)."""

    headers: dict[str, str]
    body: bytes
    _events: tuple[WebhookEvent, ...] | None = None

    @property
    def signature(self) -> str | None:
        return self.headers.get(HEADER.lower())

    @property
    def signed(self) -> bool:
        return is_valid(self.body, self.signature, APP_SECRET)

    @property
    def events(self) -> tuple[WebhookEvent, ...]:
        if self._events is None:
            self._events = parse_webhook(self.body)
        return self._events


@dataclass
class Hook:
    """The webhook endpoint of one simulator (one test module)."""

    url: str
    posts: list[Post] = field(default_factory=list)
    handshakes: list[dict[str, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def all_posts(self) -> list[Post]:
        with self.lock:
            return list(self.posts)

    def events(self) -> list[tuple[Post, WebhookEvent]]:
        return [(p, e) for p in self.all_posts() for e in p.events]

    def statuses(self, wamid: str) -> list[StatusUpdate]:
        return [e for _, e in self.events() if isinstance(e, StatusUpdate) and e.id == wamid]

    def posts_with_status(self, wamid: str) -> list[Post]:
        return [p for p in self.all_posts()
                if any(isinstance(e, StatusUpdate) and e.id == wamid for e in p.events)]

    async def wait_statuses(self, wamid: str, *names: str, timeout: float = 5.0
                            ) -> dict[str, StatusUpdate]:
        """The status updates of `wamid` by name, once all of `names` have arrived."""
        def ready() -> dict[str, StatusUpdate] | None:
            found = {s.status_name: s for s in self.statuses(wamid)}
            return found if all(n in found for n in names) else None
        return await eventually(ready, timeout, f"statuses {names} of {wamid}")

    async def wait_message(self, message_id: str, timeout: float = 5.0) -> InboundMessage:
        def found() -> InboundMessage | None:
            return next((e for _, e in self.events()
                         if isinstance(e, InboundMessage) and e.id == message_id), None)
        return await eventually(found, timeout, f"inbound message {message_id}")

    async def wait_event(self, predicate: Callable[[WebhookEvent], bool],
                         timeout: float = 5.0) -> tuple[Post, WebhookEvent]:
        def found() -> tuple[Post, WebhookEvent] | None:
            return next(((p, e) for p, e in self.events() if predicate(e)), None)
        return await eventually(found, timeout, "a matching webhook event")


class Receiver:
    """What a relay would be, minus the relay: verifies the handshake, stores POSTs."""

    def __init__(self) -> None:
        self.hooks: dict[str, Hook] = {}
        self.port = 0

    def hook(self, name: str) -> Hook:
        hook = Hook(f"http://127.0.0.1:{self.port}/hooks/{name}")
        self.hooks[name] = hook
        return hook

    def app(self) -> Starlette:
        async def endpoint(request: Request) -> Response:
            hook = self.hooks.get(request.path_params["name"])
            if hook is None:
                return PlainTextResponse("unknown hook", status_code=404)
            if request.method == "GET":
                params = dict(request.query_params)
                hook.handshakes.append(params)
                answer = subscription_challenge(params.get("hub.mode"), params.get("hub.verify_token"),
                                                params.get("hub.challenge"), VERIFY_TOKEN)
                if answer is None:
                    return PlainTextResponse("forbidden", status_code=403)
                return PlainTextResponse(answer)
            body = await request.body()
            with hook.lock:
                hook.posts.append(Post({k.lower(): v for k, v in request.headers.items()}, body))
            return PlainTextResponse("ok")

        return Starlette(routes=[Route("/hooks/{name}", endpoint, methods=["GET", "POST"])])


@pytest.fixture(scope="session")
def receiver() -> Iterator[Receiver]:
    found = Receiver()
    sock = bind("127.0.0.1", 0)
    found.port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(found.app(), http="h11", ws="none", lifespan="off",
                                           log_config=None, log_level="warning", access_log=False))
    thread = threading.Thread(target=lambda: asyncio.run(server.serve(sockets=[sock])), daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "the webhook receiver did not start"
        time.sleep(0.005)
    yield found
    server.should_exit = True
    thread.join(5)


# -- the simulator -----------------------------------------------------------------------


@dataclass
class Sim:
    """A running simulator, its control API (synchronous: it is on another thread) and
    the webhook endpoint it delivers to."""

    server: SimServer
    control: httpx.Client
    hook: Hook
    _numbers: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def pid(self) -> str:
        return self.server.phone_number_id

    @property
    def waba(self) -> str:
        return self.server.waba_id

    def client(self, token: str | None = None, **options: Any) -> CloudClient:
        """A CloudClient for this simulator; close it (async with) in the test."""
        options.setdefault("timeout", 5.0)
        if "http_client" not in options:
            options.setdefault("transport", network())
        return CloudClient(token or self.server.access_token, phone_number_id=self.pid,
                           waba_id=self.waba, app_id=self.server.config.app_id,
                           base_url=self.server.base_url, **options)

    # control API ---------------------------------------------------------------------
    def ctl(self, method: str, path: str, body: dict[str, Any] | None = None,
            **params: Any) -> Any:
        answer = self.control.request(method, path, json=body, params=params or None)
        assert answer.status_code == 200, answer.text
        return answer.json()

    def new_customer(self, name: str = "Kunde", *, prefix: str = "49157") -> str:
        """A fresh customer (no persona, nothing shared with other tests); its wa_id."""
        wa_id = f"{prefix}{next(self._numbers):07d}"
        self.ctl("POST", "/customers", {"name": name, "wa_id": wa_id})
        return wa_id

    def say(self, customer: str, spec: dict[str, Any] | None = None) -> dict[str, Any]:
        """The customer sends a message now; returns the messages[] item."""
        return self.ctl("POST", f"/customers/{customer}/say", spec or {"type": "text", "text": "Hallo!"})["message"]

    def chatting(self, name: str = "Kunde") -> tuple[str, str]:
        """A fresh customer who has just written (the service window is open):
        (wa_id, wamid of their message)."""
        wa_id = self.new_customer(name)
        return wa_id, self.say(wa_id)["id"]

    def fault(self, kind: str, **params: Any) -> dict[str, Any]:
        return self.ctl("POST", "/faults", {"kind": kind, **params})

    def advance(self, seconds: float) -> None:
        self.ctl("POST", "/clock/advance", {"seconds": seconds})

    def now(self) -> float:
        return self.ctl("GET", "/clock")["now"]

    def limits(self, **limits: Any) -> dict[str, Any]:
        return self.ctl("POST", "/limits", limits)

    def state(self) -> dict[str, Any]:
        return self.ctl("GET", "/state")

    def outbox(self) -> list[dict[str, Any]]:
        return self.ctl("GET", "/messages")["data"]

    def sent(self, wamid: str) -> dict[str, Any]:
        """What the simulator recorded for one message the business sent."""
        return next(m for m in self.outbox() if m["id"] == wamid)

    def graph_calls(self) -> int:
        return self.state()["counts"]["graph_calls"]

    def inbound(self, customer: str) -> list[dict[str, Any]]:
        return self.ctl("GET", "/inbound", customer=customer)["data"]

    def customer(self, ref: str) -> dict[str, Any]:
        return self.ctl("GET", f"/customers/{ref}")

    async def wait_played(self, wamid: str, *names: str, timeout: float = 5.0) -> list[str]:
        """Until the simulator has carried out `names` for the message (its own record,
        independent of webhook arrival)."""
        def done() -> list[str] | None:
            played = self.sent(wamid)["statuses"]
            return played if all(n in played for n in names) else None
        return await eventually(done, timeout, f"{names} played for {wamid}")


@pytest.fixture(scope="module")
def sim(receiver: Receiver, request: pytest.FixtureRequest) -> Iterator[Sim]:
    """One simulator per module, delivering webhooks to this module's hook."""
    hook = receiver.hook(request.module.__name__.rsplit(".", 1)[-1])
    server = SimServer(replace(CONFIG, webhook_url=hook.url))
    server.start()
    control = httpx.Client(base_url=f"{server.base_url}/_sim", timeout=10)
    try:
        yield Sim(server, control, hook)
    finally:
        control.close()
        server.stop()


@pytest.fixture(autouse=True)
def _no_leftover_faults(sim: Sim) -> Iterator[None]:
    """A test that fails half-way must not leave a fault for the next one."""
    yield
    sim.control.delete("/faults")


@pytest.fixture
async def client(sim: Sim) -> AsyncIterator[CloudClient]:
    async with sim.client() as opened:
        yield opened


def network() -> httpx.AsyncHTTPTransport:
    """httpx's own network transport (what CloudClient uses by default), sharing TLS."""
    return httpx.AsyncHTTPTransport(verify=TLS)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# Small files of each kind the simulator accepts (it checks magic numbers).
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 200
WEBP = b"RIFF" + (220).to_bytes(4, "little") + b"WEBPVP8 " + b"\x00" * 212
