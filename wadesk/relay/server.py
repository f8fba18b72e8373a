"""Running the relay: in a background thread of the calling process (tests, the demo,
the desktop's one-PC mode) or in the foreground (`wadesk relay run`).

    server = RelayServer(config)
    base_url = server.start()      # returns once it accepts connections
    server.call(lambda: server.ctx.latest_seq)
    server.stop()

One uvicorn worker: the relay's state has one writer (group commit) and its long-polls
live in one event loop, so a second process would only contend for the database lock.
Stopping answers the parked long-polls first (RelayUvicornServer), so a stop takes a
moment, not uvicorn's graceful timeout.
"""

from __future__ import annotations

import importlib.util
import logging
import socket
from typing import Any

import uvicorn

from wadesk.relay import logs
from wadesk.relay import webhook_protocol
from wadesk.relay.app import create_app
from wadesk.relay.config import RelayConfig, is_loopback_host
from wadesk.relay.context import RelayContext
from wadesk.relay.long_poll import release_parked_polls
from wadesk.serving import ThreadedServer, bind

log = logging.getLogger("wadesk.relay")

# httptools parses HTTP in C (several times faster than h11); uvloop likewise for the
# event loop. Both are optional: without them uvicorn falls back to h11 / asyncio.
HTTP_IMPL = "httptools" if importlib.util.find_spec("httptools") else "h11"
LOOP_IMPL = "uvloop" if importlib.util.find_spec("uvloop") else "asyncio"


def uvicorn_config(app: Any, config: RelayConfig, *, log_level: str = "warning") -> uvicorn.Config:
    kwargs: dict[str, Any] = {}
    if config.tls_certfile:
        kwargs.update(ssl_certfile=config.tls_certfile, ssl_keyfile=config.tls_keyfile)
    # log_config=None: never reconfigure the host application's logging.
    # POST /webhook skips the ASGI cycle when uvicorn speaks httptools (webhook_protocol).
    http = webhook_protocol.protocol_for(getattr(app, "webhook", None)) if HTTP_IMPL == "httptools" \
        else None
    return uvicorn.Config(
        app, http=http or HTTP_IMPL, loop=LOOP_IMPL, ws="none", lifespan="on", log_config=None,
        log_level=log_level, access_log=False, timeout_graceful_shutdown=3,
        # Long-polls hold a connection for up to a minute; keep idle keep-alives a bit
        # longer than a desktop's pause between two polls.
        timeout_keep_alive=75, server_header=False, proxy_headers=False, **kwargs,
    )


class RelayUvicornServer(uvicorn.Server):
    """uvicorn, releasing the relay's parked long-polls as soon as shutdown begins.

    uvicorn waits for open requests (up to timeout_graceful_shutdown) before the
    app's lifespan shutdown runs, so a poll parked for a minute would hold the stop
    for the whole grace period and then die cancelled, with a traceback. Released
    first, every parked poll answers at once (no events) and the stop is prompt."""

    def __init__(self, config: uvicorn.Config, ctx: RelayContext) -> None:
        super().__init__(config)
        self.ctx = ctx

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        release_parked_polls(self.ctx)
        await super().shutdown(sockets)


class RelayServer(ThreadedServer):
    name = "relay"
    start_timeout = 20.0
    stop_timeout = 15.0

    def __init__(self, config: RelayConfig, *, ctx: RelayContext | None = None) -> None:
        self.config = config
        self.ctx = ctx or RelayContext(config)
        self.app = create_app(self.ctx)
        super().__init__()

    def listen_address(self) -> tuple[str, int]:
        return self.config.host, self.config.port

    def url_scheme(self) -> str:
        return "https" if self.config.tls_certfile else "http"

    def make_uvicorn_config(self) -> uvicorn.Config:
        uconfig = uvicorn_config(self.app, self.config)
        uconfig.loop = "asyncio"  # in a thread of someone else's process: the stdlib loop
        return uconfig

    def make_uvicorn_server(self, config: uvicorn.Config) -> uvicorn.Server:
        return RelayUvicornServer(config, self.ctx)


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
    ctx = RelayContext(config)
    server = RelayUvicornServer(uvicorn_config(create_app(ctx), config, log_level=log_level), ctx)
    log.info("relay listening", extra={"host": config.host, "port": config.port})
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
    return 0 if server.started else 1
