"""Serving an ASGI app with uvicorn in a background thread of the calling process.

The relay and the simulator both run this way inside tests, the demo and the desktop's
one-PC mode: `start()` returns the base URL once the server accepts connections,
`call()` runs a function on the server's own event loop (the thread-safe way in),
`stop()` shuts it down. Subclasses say where to listen and how to configure uvicorn.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import socket
import threading
from collections.abc import Callable
from typing import Any, Self

import uvicorn


def bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto=IPPROTO_TCP, not 0: asyncio only sets TCP_NODELAY on accepted sockets whose
    # proto says TCP; without it every keep-alive request waits ~40 ms for a delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    return sock


class ThreadedServer:
    """Base of RelayServer and SimServer."""

    name = "server"  # for the thread's name and error texts
    start_timeout = 15.0
    stop_timeout = 10.0

    def __init__(self) -> None:
        self.base_url: str | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._error: BaseException | None = None

    # What a subclass provides -------------------------------------------------------
    def listen_address(self) -> tuple[str, int]:
        raise NotImplementedError

    def make_uvicorn_config(self) -> uvicorn.Config:
        raise NotImplementedError

    def url_scheme(self) -> str:
        return "http"

    def make_uvicorn_server(self, config: uvicorn.Config) -> uvicorn.Server:
        return uvicorn.Server(config)

    def bound(self, base_url: str) -> None:
        """Called with the base URL once the port is known, before the app starts."""

    # Life cycle ---------------------------------------------------------------------
    def start(self, timeout: float | None = None) -> str:
        if self._thread is not None:
            raise RuntimeError("already started")
        timeout = self.start_timeout if timeout is None else timeout
        sock = bind(*self.listen_address())
        host, port = sock.getsockname()[:2]
        shown = f"[{host}]" if ":" in host else host
        self.base_url = f"{self.url_scheme()}://{shown}:{port}"
        self.bound(self.base_url)
        self._error = None
        self._server = self.make_uvicorn_server(self.make_uvicorn_config())
        self._thread = threading.Thread(target=self._run, args=(sock,), name=f"wadesk-{self.name}",
                                        daemon=True)
        self._thread.start()
        waited = 0.0
        while not self._server.started:
            if self._error is not None or not self._thread.is_alive():
                self._thread = None
                raise RuntimeError(f"the {self.name} did not start: {self._error!r}") from self._error
            if waited >= timeout:
                self.stop()
                raise TimeoutError(f"the {self.name} did not start in time")
            self._thread.join(0.01)
            waited += 0.01
        return self.base_url

    def _run(self, sock: socket.socket) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            assert self._server is not None
            loop.run_until_complete(self._server.serve(sockets=[sock]))
            if not self._server.started and self._error is None:
                self._error = RuntimeError("startup failed (see the log)")
        except BaseException as exc:  # reported to start()
            self._error = exc
        finally:
            sock.close()
            loop.close()

    def stop(self, timeout: float | None = None) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(self.stop_timeout if timeout is None else timeout)
        self._thread = None
        self._server = None
        self._loop = None

    def call(self, function: Callable[..., Any], *args: Any, timeout: float = 10.0) -> Any:
        """Run `function(*args)` (awaited if it is a coroutine function) on the server's
        event loop and return its result."""
        if self._loop is None:
            raise RuntimeError(f"the {self.name} is not running")

        async def run() -> Any:
            result = function(*args)
            if asyncio.iscoroutine(result):
                result = await result
            return result

        future: concurrent.futures.Future[Any] = asyncio.run_coroutine_threadsafe(run(), self._loop)
        return future.result(timeout)

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
