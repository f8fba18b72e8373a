"""``wadesk sim``: run the Cloud API simulator in the foreground.

The lead's `wadesk.cli` calls `main(argv)` with the arguments after ``sim``.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from typing import TextIO

import uvicorn

from wadesk.sim.config import SimConfig
from wadesk.serving import bind
from wadesk.sim.server import GRAPH_VERSION, uvicorn_config
from wadesk.sim.simulator import Simulator, create_app

_DEFAULTS = SimConfig()


def _on_off(text: str) -> bool:
    value = text.strip().lower()
    if value in ("on", "yes", "true", "1"):
        return True
    if value in ("off", "no", "false", "0"):
        return False
    raise argparse.ArgumentTypeError("expected on or off")


def _seconds_or_off(text: str) -> float | None:
    if text.strip().lower() in ("off", "none", "never", "0"):
        return None
    return float(text)


def _delays(text: str) -> tuple[float | None, float | None, float | None]:
    parts = [p.strip() for p in text.split(",")]
    if len(parts) != 3:
        raise argparse.ArgumentTypeError("three delays: SENT,DELIVERED,READ (use - to leave one out)")
    values = tuple(None if p in ("-", "") else float(p) for p in parts)
    return values  # type: ignore[return-value]


def _start_time(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return datetime.fromisoformat(text).timestamp()


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="wadesk sim", description=(
        "A simulator of the WhatsApp Cloud API: Graph endpoints, signed webhooks, simulated "
        "customers, faults on demand and a controllable clock (control API under /_sim)."))
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8100, help="port (default: 8100; 0 picks a free one)")
    p.add_argument("--webhook-url", help="where to POST webhooks (verified with hub.challenge first)")
    p.add_argument("--verify-token", help="the webhook verify token (random if not given)")
    p.add_argument("--app-secret", help="the app secret that signs webhooks (random if not given)")
    p.add_argument("--token", help="the access token (random if not given)")
    p.add_argument("--token-ttl", type=float, help="simulated seconds until the token expires")
    p.add_argument("--seed", type=int, default=0, help="makes customers and ids repeatable (default: 0)")
    p.add_argument("--status-delays", type=_delays, default=_DEFAULTS.status_delays,
                   help="seconds until sent,delivered,read statuses (default: 0.3,1,3; - leaves one out)")
    p.add_argument("--customers", type=_on_off, default=True, help="personas answer by themselves (on/off)")
    p.add_argument("--chatter", type=_seconds_or_off, default=45.0,
                   help="mean seconds between spontaneous customer messages, or off (default: 45)")
    p.add_argument("--reply-delay", type=float, default=_DEFAULTS.reply_delay,
                   help="seconds before a persona answers (default: 4)")
    p.add_argument("--throughput", type=float, default=_DEFAULTS.throughput,
                   help="messages per second per number before 130429 (default: 80)")
    p.add_argument("--pair-rate-interval", type=float, default=_DEFAULTS.pair_rate_interval,
                   help="sustained seconds per message to one customer before 131056 (default: 6)")
    p.add_argument("--pair-rate-burst", type=int, default=_DEFAULTS.pair_rate_burst,
                   help="messages to one customer allowed in a burst (default: 10)")
    p.add_argument("--webhook-backoff", type=float, default=_DEFAULTS.webhook_backoff,
                   help="first webhook retry delay in seconds, doubling (default: 1)")
    p.add_argument("--webhook-max-attempts", type=int, default=_DEFAULTS.webhook_max_attempts)
    p.add_argument("--template-review-delay", type=_seconds_or_off, default=_DEFAULTS.template_review_delay,
                   help="seconds until a new template is approved, or off (default: 20)")
    p.add_argument("--start-time", type=_start_time,
                   help="simulated start time (ISO 8601 or Unix seconds; default: now)")
    p.add_argument("--log-level", default="warning", choices=["debug", "info", "warning", "error"])
    return p


def config_from(args: argparse.Namespace) -> SimConfig:
    return SimConfig(
        host=args.host, port=args.port, webhook_url=args.webhook_url, verify_token=args.verify_token,
        app_secret=args.app_secret, token=args.token, token_ttl=args.token_ttl, seed=args.seed,
        status_delays=args.status_delays, customers=args.customers,
        chatter=args.chatter if args.customers else None, reply_delay=args.reply_delay,
        throughput=args.throughput, pair_rate_interval=args.pair_rate_interval,
        pair_rate_burst=args.pair_rate_burst, webhook_backoff=args.webhook_backoff,
        webhook_max_attempts=args.webhook_max_attempts, template_review_delay=args.template_review_delay,
        start_time=args.start_time, log_level=args.log_level,
    )


def banner(sim: Simulator, base_url: str, out: TextIO) -> None:
    account = sim.account
    lines = [
        "wadesk sim: a simulated WhatsApp Cloud API",
        f"  Graph API        {base_url}/{GRAPH_VERSION}   (any /vNN.N/ works)",
        f"  control API      {base_url}/_sim/state",
        f"  access token     {account.access_token}",
        f"  app secret       {account.app_secret}",
        f"  verify token     {account.verify_token}",
        f"  WABA id          {account.waba_id}",
        f"  app id           {account.app_id}",
    ]
    for number in account.numbers.values():
        lines.append(f"  phone number id  {number.phone_number_id}  ({number.display_phone_number}, "
                     f"{number.verified_name})")
    lines.append(f"  webhooks to      {sim.webhooks.url or '(none: set --webhook-url)'}")
    print("\n".join(lines), file=out, flush=True)


def main(argv: list[str], out: TextIO | None = None) -> int:
    args = parser().parse_args(argv)
    out = out or sys.stdout
    sim = Simulator(config_from(args))
    try:
        sock = bind(args.host, args.port)
        sock.listen(128)  # connections made right after the banner wait for the server
    except OSError as exc:
        print(f"wadesk sim: cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 2
    host, port = sock.getsockname()[:2]
    base_url = f"http://{'[' + host + ']' if ':' in host else host}:{port}"
    sim.public_url = base_url
    banner(sim, base_url, out)
    if host not in ("127.0.0.1", "::1"):
        print("wadesk sim: warning: the control API (/_sim) has no authentication; "
              "anyone who can reach this address can drive the simulator", file=sys.stderr)
    server = uvicorn.Server(uvicorn_config(create_app(sim), sim.config))
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    finally:
        sock.close()
    return 0
