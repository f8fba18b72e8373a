"""Running the relay: in a background thread of the calling process (tests, the demo,
the desktop's one-PC mode) or in the foreground (`wadesk relay run`).

    server = RelayServer(config)
    base_url = server.start()      # returns once it accepts connections
    server.call(lambda: server.ctx.latest_seq)
    server.stop()

One uvicorn worker: the relay's state has one writer (group commit) and its long-polls
live in one event loop, so a second process would only contend for the database lock.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import importlib.util
import logging
import socket
import threading
from collections.abc import Callable
from typing import Any

import uvicorn

from wadesk.relay import logs
from wadesk.relay.app import create_app
from wadesk.relay.config import RelayConfig, is_loopback_host
from wadesk.relay.context import RelayContext

log = logging.getLogger("wadesk.relay")

# httptools parses HTTP in C (several times faster than h11); uvloop likewise for the
# event loop. Both are optional: without them uvicorn falls back to h11 / asyncio.
HTTP_IMPL = "httptools" if importlib.util.find_spec("httptools") else "h11"
LOOP_IMPL = "uvloop" if importlib.util.find_spec("uvloop") else "asyncio"


def bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto=IPPROTO_TCP so asyncio sets TCP_NODELAY on accepted sockets (no 40 ms
    # delayed-ACK stalls on keep-alive connections).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    return sock


def uvicorn_config(app: Any, config: RelayConfig, *, log_level: str = "warning") -> uvicorn.Config:
    kwargs: dict[str, Any] = {}
    if config.tls_certfile:
        kwargs.update(ssl_certfile=config.tls_certfile, ssl_keyfile=config.tls_keyfile)
    # log_config=None: never reconfigure the host application's logging.
    return uvicorn.Config(
        app, http=HTTP_IMPL, loop=LOOP_IMPL, ws="none", lifespan="on", log_config=None,
        log_level=log_level, access_log=False, timeout_graceful_shutdown=3,
        # Long-polls hold a connection for up to a minute; keep idle keep-alives a bit
        # longer than a desktop's pause between two polls.
        timeout_keep_alive=75, server_header=False, proxy_headers=False, **kwargs,
    )


class RelayServer:
    def __init__(self, config: RelayConfig, *, ctx: RelayContext | None = None) -> None:
        self.config = config
        self.ctx = ctx or RelayContext(config)
        self.app = create_app(self.ctx)
        self.base_url: str | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._error: BaseException | None = None

    def start(self, timeout: float = 20.0) -> str:
        if self._thread is not None:
            raise RuntimeError("already started")
        sock = bind(self.config.host, self.config.port)
        host, port = sock.getsockname()[:2]
        shown = f"[{host}]" if ":" in host else host
        scheme = "https" if self.config.tls_certfile else "http"
        self.base_url = f"{scheme}://{shown}:{port}"
        uconfig = uvicorn_config(self.app, self.config)
        uconfig.loop = "asyncio"  # in a thread of someone else's process: the stdlib loop
        self._server = uvicorn.Server(uconfig)
        self._thread = threading.Thread(target=self._run, args=(sock,), name="wadesk-relay",
                                        daemon=True)
        self._thread.start()
        waited = 0.0
        while not self._server.started:
            if self._error is not None or not self._thread.is_alive():
                self._thread = None
                raise RuntimeError(f"the relay did not start: {self._error!r}") from self._error
            if waited >= timeout:
                self.stop()
                raise TimeoutError("the relay did not start in time")
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

    def stop(self, timeout: float = 15.0) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout)
        self._thread = None
        self._server = None
        self._loop = None

    def call(self, function: Callable[..., Any], *args: Any, timeout: float = 10.0) -> Any:
        """Run `function(*args)` (awaited if it is a coroutine function) on the relay's
        loop and return its result: the thread-safe way in."""
        if self._loop is None:
            raise RuntimeError("the relay is not running")

        async def run() -> Any:
            result = function(*args)
            if asyncio.iscoroutine(result):
                result = await result
            return result

        future: concurrent.futures.Future[Any] = asyncio.run_coroutine_threadsafe(run(), self._loop)
        return future.result(timeout)

    def __enter__(self) -> RelayServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def run_relay(config: RelayConfig, *, log_level: str = "info") -> int:
    """Serve in the foreground until SIGINT/SIGTERM; the process exit code."""
    logs.configure(log_level)
    if not config.tls_certfile and not is_loopback_host(config.host):
        log.warning("serving plain HTTP on a public address: put a TLS reverse proxy in front",
                    extra={"host": config.host, "port": config.port})
    if not config.phone_number_ids:
        log.warning("no phone_number_ids configured: webhooks for every number are accepted")
    try:
        sock = bind(config.host, config.port)
    except OSError as exc:
        log.error("cannot listen", extra={"host": config.host, "port": config.port,
                                          "error": exc.strerror or type(exc).__name__})
        return 1
    server = uvicorn.Server(uvicorn_config(create_app(RelayContext(config)), config,
                                           log_level=log_level))
    log.info("relay listening", extra={"host": config.host, "port": config.port})
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
    return 0 if server.started else 1
