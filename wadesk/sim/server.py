"""Runs the simulator on uvicorn, in a background thread of the calling process (the
desktop demo, tests) or in the foreground (`wadesk sim`).

    server = SimServer(SimConfig(webhook_url=...))
    base_url = server.start()   # returns once it accepts connections
    server.stop()
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import socket
import threading
from collections.abc import Callable
from typing import Any

import uvicorn

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


def bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto=IPPROTO_TCP, not 0: asyncio only sets TCP_NODELAY on accepted sockets whose
    # proto says TCP; without it every keep-alive request waits ~40 ms for a delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    return sock


def uvicorn_config(app: Any, config: SimConfig) -> uvicorn.Config:
    # log_config=None: never reconfigure the host application's logging.
    return uvicorn.Config(app, http="h11", ws="none", lifespan="on", log_config=None,
                          log_level=config.log_level, access_log=False, timeout_graceful_shutdown=2)


class SimServer:
    def __init__(self, config: SimConfig | None = None, *, simulator: Simulator | None = None) -> None:
        self.simulator = simulator or Simulator(config)
        self.config = self.simulator.config
        self.app = create_app(self.simulator)
        self.base_url: str | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._error: BaseException | None = None

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

    # Life cycle --------------------------------------------------------------------
    def start(self, timeout: float = 15.0) -> str:
        if self._thread is not None:
            raise RuntimeError("already started")
        sock = bind(self.config.host, self.config.port)
        host, port = sock.getsockname()[:2]
        shown = f"[{host}]" if ":" in host else host
        self.base_url = f"http://{shown}:{port}"
        self.simulator.public_url = self.base_url
        self._server = uvicorn.Server(uvicorn_config(self.app, self.config))
        self._thread = threading.Thread(target=self._run, args=(sock,), name="wadesk-sim", daemon=True)
        self._thread.start()
        waited = 0.0
        while not self._server.started:
            if self._error is not None or not self._thread.is_alive():
                raise RuntimeError(f"the simulator did not start: {self._error!r}")
            if waited >= timeout:
                self.stop()
                raise TimeoutError("the simulator did not start in time")
            self._thread.join(0.01)
            waited += 0.01
        return self.base_url

    def _run(self, sock: socket.socket) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            assert self._server is not None
            loop.run_until_complete(self._server.serve(sockets=[sock]))
        except BaseException as exc:  # reported to start()
            self._error = exc
        finally:
            sock.close()
            loop.close()

    def stop(self, timeout: float = 10.0) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout)
        self._thread = None
        self._server = None

    def call(self, function: Callable[..., Any], *args: Any, timeout: float = 10.0) -> Any:
        """Run `function(*args)` (or await it, if it is a coroutine function) on the
        simulator's event loop and return its result: the thread-safe way in."""
        if self._loop is None:
            raise RuntimeError("the simulator is not running")

        async def run() -> Any:
            result = function(*args)
            if asyncio.iscoroutine(result):
                result = await result
            return result

        future: concurrent.futures.Future[Any] = asyncio.run_coroutine_threadsafe(run(), self._loop)
        return future.result(timeout)

    def __enter__(self) -> SimServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
