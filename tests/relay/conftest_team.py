"""R2's fixtures and helpers for the team and sending tests (imported by conftest.py).

    start_relay(config, sim, settings)   a RelayServer whose sender retries fast
    sim_api                              an httpx client on the simulator's /_sim API
    customer_writes(...)                 a customer writes in; the relay's conversation id
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from wadesk.cloud.client import CloudClient
from wadesk.relay.context import RelayContext
from wadesk.relay.sender import SenderSettings
from wadesk.relay.server import RelayServer
from wadesk.sim import SimServer
from wadesk.store import messages as store_messages

# Retries in tens of milliseconds instead of seconds; the rules are the same.
FAST_SENDER = SenderSettings(backoff_base_s=0.02, backoff_cap_s=0.3, max_attempts=6,
                             housekeeping_every_s=0.1)


def start_relay(config: Any, sim: SimServer | None,
                settings: SenderSettings = FAST_SENDER, *,
                cloud_timeout: float | None = None) -> RelayServer:
    cloud = None
    if cloud_timeout is not None:  # a client that gives up on Meta's answer quickly
        cloud = CloudClient(config.access_token, phone_number_id=config.phone_number_ids[0],
                            base_url=config.graph_base_url, api_version=config.graph_version,
                            timeout=cloud_timeout)
    ctx = RelayContext(config, cloud=cloud)
    ctx.sender_settings = settings  # type: ignore[attr-defined]
    server = RelayServer(config, ctx=ctx)
    base_url = server.start()
    if sim is not None:
        from tests.relay.conftest import VERIFY_TOKEN

        sim.call(lambda: sim.simulator.webhooks.configure(f"{base_url}/webhook", VERIFY_TOKEN))
    return server


@pytest.fixture
def sim_api(sim: SimServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=f"{sim.base_url}/_sim", timeout=30.0) as http:
        yield http


def wait_until(predicate: Any, timeout: float = 10.0, interval: float = 0.01) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        result = predicate()
        if result:
            return result
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout} s waiting for {predicate}")
        time.sleep(interval)


def relay_read(relay: RelayServer, fn: Any) -> Any:
    return relay.call(lambda: relay.ctx.read(fn))


def customer_writes(sim_api: httpx.Client, relay: RelayServer, customer: str = "jonas",
                    text: str = "Hallo, ist das Rad fertig?") -> tuple[int, str]:
    """A customer writes to the business; returns (relay conversation id, wamid) once
    the relay has stored the message."""
    answer = sim_api.post(f"/customers/{customer}/say", json={"type": "text", "text": text})
    answer.raise_for_status()
    wamid = answer.json()["message"]["id"]
    message = wait_until(lambda: relay_read(
        relay, lambda conn: store_messages.get_message_by_wamid(conn, wamid)))
    return message.conversation_id, wamid
