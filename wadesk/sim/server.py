"""Runs the simulator on uvicorn, in a background thread of the calling process (the
desktop demo, tests) or in the foreground (`wadesk sim`).

    server = SimServer(SimConfig(webhook_url=...))
    base_url = server.start()   # returns once it accepts connections
    server.stop()
"""

from __future__ import annotations

import logging
from typing import Any

import uvicorn

from wadesk.serving import ThreadedServer

from wadesk.sim.config import SimConfig
from wadesk.sim.graph import INTENTIONAL_DROP
from wadesk.sim.simulator import Simulator, create_app

GRAPH_VERSION = "v25.0"
_DROP_MESSAGE = "ASGI callable returned without completing response."


class _IntentionalDrops(logging.Filter):
    """The lost-response fault closes connections on purpose; uvicorn needn't shout."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (INTENTIONAL_DROP.get() and record.getMessage() == _DROP_MESSAGE)


logging.getLogger("uvicorn.error").addFilter(_IntentionalDrops())


def uvicorn_config(app: Any, config: SimConfig) -> uvicorn.Config:
    # log_config=None: never reconfigure the host application's logging.
    return uvicorn.Config(app, http="h11", ws="none", lifespan="on", log_config=None,
                          log_level=config.log_level, access_log=False, timeout_graceful_shutdown=2)


class SimServer(ThreadedServer):
    name = "simulator"

    def __init__(self, config: SimConfig | None = None, *, simulator: Simulator | None = None) -> None:
        self.simulator = simulator or Simulator(config)
        self.config = self.simulator.config
        self.app = create_app(self.simulator)
        super().__init__()

    # Account facts, for whoever starts the simulator -----------------------------------
    @property
    def access_token(self) -> str:
        return self.simulator.account.access_token

    @property
    def app_secret(self) -> str:
        return self.simulator.account.app_secret

    @property
    def verify_token(self) -> str:
        return self.simulator.account.verify_token

    @property
    def phone_number_id(self) -> str:
        return self.simulator.account.default_number.phone_number_id

    @property
    def waba_id(self) -> str:
        return self.simulator.account.waba_id

    def graph_url(self, version: str = GRAPH_VERSION) -> str:
        if self.base_url is None:
            raise RuntimeError("the simulator is not running")
        return f"{self.base_url}/{version}"

    # Life cycle (ThreadedServer) -----------------------------------------------------
    def listen_address(self) -> tuple[str, int]:
        return self.config.host, self.config.port

    def make_uvicorn_config(self) -> uvicorn.Config:
        return uvicorn_config(self.app, self.config)

    def bound(self, base_url: str) -> None:
        self.simulator.public_url = base_url
