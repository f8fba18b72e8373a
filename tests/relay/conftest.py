"""Fixtures for the relay tests: the real simulator and the real relay on loopback.

    sim            a running simulator (fast statuses, no spontaneous customers)
    relay_config   a RelayConfig pointing at the simulator, with a fresh data dir
    relay          a running RelayServer whose webhooks come from `sim`
    team           people of every role with a device token each (team.headers("agent"))
    client         an httpx.Client on the relay
    post_webhook   sign and POST a payload to the relay like Meta would

R2's fixtures live in tests/relay/conftest_team.py and are pulled in below (pytest no
longer honours `pytest_plugins` in a conftest below the root, so they are imported).
"""

from __future__ import annotations

import importlib.util
import json
import secrets
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import httpx
import pytest

from wadesk.cloud.signature import HEADER, sign
from wadesk.relay import auth
from wadesk.relay.config import RelayConfig
from wadesk.relay.server import RelayServer
from wadesk.sim import SimConfig, SimServer
from wadesk.store import people

APP_SECRET = "relay-test-app-secret"
VERIFY_TOKEN = "relay-test-verify-token"
TOKEN = "EAAGrelaytesttoken"

FAST_SIM = SimConfig(
    token=TOKEN,
    app_secret=APP_SECRET,
    verify_token=VERIFY_TOKEN,
    status_delays=(0.02, 0.05, 0.08),
    customers=False,
    chatter=None,
    reply_delay=0.05,
    webhook_backoff=0.05,
    webhook_backoff_max=0.3,
    webhook_max_attempts=8,
    webhook_timeout=5.0,
    template_review_delay=None,
    pair_rate_burst=1000,
)


def wait_for(predicate: Callable[[], Any], timeout: float = 10.0, interval: float = 0.02) -> Any:
    """Poll until `predicate()` is truthy and return it; fail the test after `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        result = predicate()
        if result:
            return result
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout} s waiting for {predicate}")
        time.sleep(interval)


@pytest.fixture
def sim() -> Iterator[SimServer]:
    server = SimServer(FAST_SIM)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def make_relay_config(data_dir: Path, sim: SimServer | None = None, **overrides: Any) -> RelayConfig:
    base = RelayConfig(
        data_dir=data_dir,
        host="127.0.0.1",
        port=0,
        graph_base_url=sim.base_url if sim is not None and sim.base_url else "http://127.0.0.1:9",
        graph_version="v25.0",
        waba_id=sim.waba_id if sim is not None else "102290129340398",
        app_id="1297834561209384",
        phone_number_ids=(sim.phone_number_id if sim is not None else "106540352242922",),
        access_token=TOKEN,
        app_secret=APP_SECRET,
        verify_token=VERIFY_TOKEN,
        db_key=secrets.token_bytes(32),
    )
    return replace(base, **overrides)


@pytest.fixture
def relay_config(tmp_path: Path, sim: SimServer) -> RelayConfig:
    return make_relay_config(tmp_path / "relay", sim)


@pytest.fixture
def relay(relay_config: RelayConfig, sim: SimServer) -> Iterator[RelayServer]:
    server = RelayServer(relay_config)
    base_url = server.start()
    sim.call(lambda: sim.simulator.webhooks.configure(f"{base_url}/webhook", VERIFY_TOKEN))
    try:
        yield server
    finally:
        sim.call(lambda: sim.simulator.webhooks.configure(None))
        server.stop()


@pytest.fixture
def client(relay: RelayServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=relay.base_url or "", timeout=30.0) as http:
        yield http


@dataclass
class Team:
    """One person per role (and a revoked device), with their tokens."""

    tokens: dict[str, str] = field(default_factory=dict)
    person_ids: dict[str, int] = field(default_factory=dict)
    revoked_token: str = ""

    def headers(self, role: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[role]}"}


def add_person_with_device(relay: RelayServer, name: str, role: str,
                           *, revoked: bool = False) -> tuple[int, str]:
    token = auth.new_device_token()

    def create(conn: Any) -> int:
        person = people.add_person(conn, name, role)
        device = people.add_device(conn, person.id, auth.hash_device_token(token), f"{name}-pc")
        if revoked:
            people.revoke_device(conn, device.id)
        return person.id

    person_id = relay.call(lambda: relay.ctx.write(create))
    return person_id, token


@pytest.fixture
def team(relay: RelayServer) -> Team:
    result = Team()
    for role in ("owner", "admin", "agent"):
        result.person_ids[role], result.tokens[role] = add_person_with_device(relay, f"{role}-1", role)
    _, result.revoked_token = add_person_with_device(relay, "gone-1", "agent", revoked=True)
    return result


def signed(payload: dict[str, Any] | bytes, secret: str = APP_SECRET) -> tuple[bytes, dict[str, str]]:
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    return body, {"Content-Type": "application/json", HEADER: sign(body, secret)}


@pytest.fixture
def post_webhook(client: httpx.Client) -> Callable[..., httpx.Response]:
    def post(payload: dict[str, Any] | bytes) -> httpx.Response:
        body, headers = signed(payload)
        return client.post("/webhook", content=body, headers=headers)

    return post


def relay_read(relay: RelayServer, fn: Callable[[Any], Any]) -> Any:
    return relay.call(lambda: relay.ctx.read(fn))


if importlib.util.find_spec("tests.relay.conftest_team") is not None:  # R2's fixtures
    from tests.relay.conftest_team import *  # noqa: F401,F403,E402


def log_event(relay: RelayServer, kind: str, payload: dict[str, Any],
              dedupe_key: str | None = None, actor_id: int | None = None) -> int | None:
    """Append and apply one event on the running relay, as its own handlers do."""
    from wadesk.store import events
    from wadesk.store.apply_events import apply_event

    def write(conn: Any) -> int | None:
        seq = events.append_event(conn, kind, payload, dedupe_key=dedupe_key, actor_id=actor_id)
        if seq is not None:
            apply_event(conn, kind, payload)
        return seq

    return relay.call(lambda: relay.ctx.write(write))


def all_events(relay: RelayServer) -> list[Any]:
    from wadesk.store import events

    return relay_read(relay, lambda conn: events.events_since(conn, 0, 1000))
