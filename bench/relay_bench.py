"""Benchmark of the relay's intake and fan-out, with pywa + FastAPI as the peer.

    .venv/bin/python bench/relay_bench.py [--requests 30000] [--connections 32]

Intake: signed webhook POSTs shaped like Meta's (one inbound message per three statuses
of outgoing messages the relay knows) from a load generator pinned to one core, against
one relay process pinned to the other, with durable commits (synchronous=FULL). The
peer is pywa receiving the same signed webhooks with FastAPI on the same uvicorn
settings and an empty handler (it checks the signature and parses, but stores nothing).

Latency is per request, from the moment its bytes are written to the moment its whole
answer is read, on keep-alive connections without pipelining (each connection sends
its next request only after the answer); throughput counts only answers of 200. The
load generator is raw asyncio sockets (uvloop when installed), so it stays a small
fraction of its own core; its CPU per request is printed to show that.

CPU per request of the server process (Linux: /proc), split into the event-loop thread
(HTTP, signature, parsing) and the other threads (the group-commit writer), is
measured over the same run: on a shared machine it is a steadier figure than the
wall-clock rate. `intake_writes_per_commit` is the mean size of a commit group.

Fan-out: 20 long-poll clients on /api/v1/sync (raw keep-alive sockets, like the load
generator); time from a webhook POST to the event reaching all 20 (p50, p99).

Sending is measured by the sending engineer's bench (bench/relay_send_bench.py,
`measure_sending() -> {"send_msgs_per_s", "send_rate_limited"}`); when that module is
there its figures are merged in, otherwise those keys are null.

The last line printed is one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wadesk.cloud.signature import sign  # noqa: E402

APP_SECRET = "bench-app-secret"
VERIFY_TOKEN = "bench-verify-token"
PHONE_NUMBER_ID = "106540352242922"
WABA_ID = "102290129340398"
BUSINESS_NUMBER = "4930123456"
SERVER_CORE, LOADER_CORE = 0, 1


# Payloads -------------------------------------------------------------------------
def _envelope(value: dict[str, Any]) -> dict[str, Any]:
    return {"object": "whatsapp_business_account",
            "entry": [{"id": WABA_ID, "changes": [{"value": value, "field": "messages"}]}]}


def _metadata() -> dict[str, str]:
    return {"display_phone_number": BUSINESS_NUMBER, "phone_number_id": PHONE_NUMBER_ID}


# Today's shapes (with business-scoped user ids): what Meta sends and what pywa 4.x
# expects; an older shape would send the peer down its error path and flatter us.
def _user(n: int) -> tuple[str, str]:
    return f"49170{n % 500:07d}", f"DE.{n % 500:020d}"


def inbound(n: int, ts: int) -> dict[str, Any]:
    wa_id, user_id = _user(n)
    return _envelope({
        "messaging_product": "whatsapp", "metadata": _metadata(),
        "contacts": [{"profile": {"name": f"Kunde {n % 500}"}, "wa_id": wa_id,
                      "user_id": user_id}],
        "messages": [{"from": wa_id, "from_user_id": user_id, "id": f"wamid.IN{n:012d}",
                      "timestamp": str(ts), "type": "text",
                      "text": {"body": f"Hallo, ist Auftrag {n} fertig?"}}],
    })


def status(n: int, name: str, ts: int) -> dict[str, Any]:
    wa_id, user_id = _user(n)
    # The relay sends with biz_opaque_callback_data = its client id, so Meta's statuses
    # of its messages carry it back (and the intake looks at it).
    item: dict[str, Any] = {"id": f"wamid.OUT{n:012d}", "status": name, "timestamp": str(ts),
                            "recipient_id": wa_id, "recipient_user_id": user_id,
                            "biz_opaque_callback_data": f"c{n}"}
    if name == "sent":
        item["conversation"] = {"id": f"conv{n % 500}", "origin": {"type": "service"}}
        item["pricing"] = {"billable": False, "pricing_model": "PMP", "category": "service"}
    return _envelope({"messaging_product": "whatsapp", "metadata": _metadata(),
                      "contacts": [{"wa_id": wa_id, "user_id": user_id}],
                      "statuses": [item]})


def workload(count: int, offset: int) -> list[bytes]:
    """`count` signed request bodies: per outgoing message n, its three statuses, and
    one inbound message, interleaved the way they would arrive."""
    bodies: list[bytes] = []
    ts = int(time.time())
    n = offset
    while len(bodies) < count:
        for payload in (inbound(n, ts), status(n, "sent", ts), status(n, "delivered", ts + 1),
                        status(n, "read", ts + 2)):
            bodies.append(json.dumps(payload, separators=(",", ":")).encode())
        n += 1
    return bodies[:count]


def request_bytes(body: bytes, path: str = "/webhook") -> bytes:
    head = (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            f"X-Hub-Signature-256: {sign(body, APP_SECRET)}\r\nUser-Agent: facebookexternalua\r\n"
            f"Content-Length: {len(body)}\r\n\r\n")
    return head.encode() + body


# A minimal keep-alive HTTP/1.1 load generator (httpx costs ~10x the CPU per request) ---
async def _one(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, data: bytes) -> int:
    writer.write(data)
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length = 0
    for line in head.split(b"\r\n"):
        if line[:15].lower() == b"content-length:":
            length = int(line[15:])
    if length:
        await reader.readexactly(length)
    return status


def run_loop(coro: Any) -> Any:
    """asyncio.run on uvloop when installed: the load generator must stay cheap."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(coro)
    return uvloop.run(coro)


async def load(port: int, requests: list[bytes], connections: int) -> dict[str, Any]:
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    queue = iter(requests)
    cpu_before = time.process_time()

    async def worker() -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.get_extra_info("socket").setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        for data in queue:
            started = time.perf_counter()
            code = await _one(reader, writer, data)
            latencies.append(time.perf_counter() - started)
            statuses[code] = statuses.get(code, 0) + 1
        writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(connections)))
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        # Only answers of 200 count: a relay that refused quickly must not look fast.
        "rps": statuses.get(200, 0) / elapsed,
        "p50_ms": latencies[len(latencies) // 2] * 1000,
        "p99_ms": latencies[int(len(latencies) * 0.99)] * 1000,
        "statuses": statuses,
        "loader_cpu_us": (time.process_time() - cpu_before) / len(requests) * 1e6,
    }


# CPU of the server process -----------------------------------------------------------
def thread_cpu(pid: int) -> dict[int, float] | None:
    """CPU seconds (user + system) of each thread of `pid`; None where /proc is missing."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    found: dict[int, float] = {}
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            found[int(tid)] = (int(fields[11]) + int(fields[12])) / tick
    except OSError:
        return None
    return found


def cpu_per_request(pid: int, before: dict[int, float] | None, after: dict[int, float] | None,
                    requests: int) -> dict[str, float | None]:
    if before is None or after is None or not requests:
        return {"cpu_us": None, "cpu_loop_us": None, "cpu_other_threads_us": None}
    spent = {tid: after[tid] - before.get(tid, 0.0) for tid in after}
    loop = spent.get(pid, 0.0)  # the main thread runs the event loop
    total = sum(spent.values())
    return {"cpu_us": total / requests * 1e6, "cpu_loop_us": loop / requests * 1e6,
            "cpu_other_threads_us": (total - loop) / requests * 1e6}


def write_figures(proc: subprocess.Popen[bytes], data_dir: Path) -> dict[str, int] | None:
    """The relay's commit figures so far (its SIGUSR1 handler writes them to a file)."""
    path = data_dir / "write_figures.json"
    path.unlink(missing_ok=True)
    proc.send_signal(signal.SIGUSR1)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            return json.loads(path.read_text())
        except (OSError, ValueError):
            time.sleep(0.02)
    return None


def measure(proc: subprocess.Popen[bytes], port: int, requests: list[bytes], connections: int,
            data_dir: Path | None = None) -> dict[str, Any]:
    """One measured run: the load's figures and the server's CPU per request."""
    figures_before = write_figures(proc, data_dir) if data_dir else None
    before = thread_cpu(proc.pid)
    result = run_loop(load(port, requests, connections))
    after = thread_cpu(proc.pid)
    result.update(cpu_per_request(proc.pid, before, after, len(requests)))
    figures_after = write_figures(proc, data_dir) if data_dir else None
    if figures_before and figures_after:
        groups = figures_after["commit_groups"] - figures_before["commit_groups"]
        writes = figures_after["writes"] - figures_before["writes"]
        result["writes_per_commit"] = writes / groups if groups else None
    return result


# Servers under test, each in its own process on SERVER_CORE ----------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_port(port: int, proc: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError("server did not start")


def start_server(kind: str, port: int, data_dir: Path, key_hex: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "BENCH_DB_KEY": key_hex}
    proc = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "--serve", kind, "--port", str(port),
         "--data", str(data_dir)], env=env)
    _wait_port(port, proc)
    return proc


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _relay_config(port: int, data_dir: Path, key: bytes) -> Any:
    from wadesk.relay.config import RelayConfig

    return RelayConfig(data_dir=data_dir, host="127.0.0.1", port=port,
                       graph_base_url="http://127.0.0.1:9", phone_number_ids=(PHONE_NUMBER_ID,),
                       waba_id=WABA_ID, access_token="bench", app_secret=APP_SECRET,
                       verify_token=VERIFY_TOKEN, db_key=key)


def serve(kind: str, port: int, data_dir: Path) -> None:
    os.sched_setaffinity(0, {SERVER_CORE})
    import uvicorn

    from wadesk.relay.server import uvicorn_config
    from wadesk.serving import bind

    key = bytes.fromhex(os.environ["BENCH_DB_KEY"])
    config = _relay_config(port, data_dir, key)
    if kind == "relay":
        from wadesk.relay.app import create_app
        from wadesk.relay.context import RelayContext

        ctx = RelayContext(config)
        app: Any = create_app(ctx)

        def dump_figures(signum: int, frame: Any) -> None:
            (data_dir / "write_figures.json").write_text(json.dumps(ctx.write_figures))

        signal.signal(signal.SIGUSR1, dump_figures)
    else:
        from fastapi import FastAPI
        from pywa import WhatsApp

        app = FastAPI()
        wa = WhatsApp(phone_id=PHONE_NUMBER_ID, token="bench", server=app,
                      webhook_endpoint="/webhook", verify_token=VERIFY_TOKEN,
                      app_secret=APP_SECRET, validate_updates=True, webhook_challenge_delay=0)

        @wa.on_message()
        def on_message(client: Any, message: Any) -> None:
            pass

        @wa.on_message_status()
        def on_status(client: Any, status: Any) -> None:
            pass

    uconfig = uvicorn_config(app, config, log_level="warning")
    if kind == "relay":  # as `wadesk relay run` serves: parked long-polls released at stop
        from wadesk.relay.server import RelayUvicornServer

        RelayUvicornServer(uconfig, ctx).run(sockets=[bind("127.0.0.1", port)])
    else:
        uvicorn.Server(uconfig).run(sockets=[bind("127.0.0.1", port)])


# Setup of the relay's database: the team, and the outgoing messages statuses refer to ---
def prepare_relay(data_dir: Path, key: bytes, outgoing: range) -> str:
    from wadesk.relay import auth
    from wadesk.store import events, people
    from wadesk.store._db import transaction
    from wadesk.store.apply_events import apply_event
    from wadesk.store.connection import open_database

    conn = open_database(data_dir / "relay.db", key=key, role="relay", create=True)
    token = auth.new_device_token()
    ts = int(time.time()) - 60
    with transaction(conn):
        person = people.add_person(conn, "bench", "agent")
        people.add_device(conn, person.id, auth.hash_device_token(token), "bench-pc")
        for n in outgoing:
            wa_id, user_id = _user(n)
            payload = {"wamid": f"wamid.OUT{n:012d}", "client_id": f"c{n}",
                       "phone_number_id": PHONE_NUMBER_ID,
                       "contact": {"wa_id": wa_id, "user_id": user_id, "profile_name": None,
                                   "username": None},
                       "type": "text", "ts": ts, "text": f"Ihr Auftrag {n} ist fertig.",
                       "reply_to_wamid": None, "media": None, "agent_id": "1",
                       "origin": "cloud", "status": "pending", "raw": None}
            events.append_event(conn, "message.out", payload, dedupe_key=f"msg:wamid.OUT{n:012d}")
            apply_event(conn, "message.out", payload)
    conn.close()
    return token


# Fan-out: 20 long-poll clients --------------------------------------------------------
async def _get_json(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str,
                    token: str) -> Any:
    """One keep-alive GET with the relay's bearer token; the JSON of a 200 answer."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                 f"Authorization: Bearer {token}\r\n\r\n".encode())
    head = await reader.readuntil(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n"):
        if line[:15].lower() == b"content-length:":
            length = int(line[15:])
    body = await reader.readexactly(length)
    if int(head[9:12]) != 200:
        raise RuntimeError(f"sync answered {head[9:12].decode()}")
    return json.loads(body)


async def fanout(port: int, token: str, clients: int = 20, posts: int = 200,
                 offset: int = 10_000_000) -> dict[str, Any]:
    """The clients are raw keep-alive sockets, as in the intake's load: with httpx,
    twenty clients parsing their answers one after another on one loop took longer
    than the relay took to answer them."""
    arrivals: dict[str, list[float]] = {}
    stop = asyncio.Event()
    ready = 0

    async def poller() -> None:
        nonlocal ready
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.get_extra_info("socket").setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            since = (await _get_json(reader, writer, "/api/v1/sync?since=0&limit=1", token))["latest"]
            ready += 1
            while not stop.is_set():
                data = await _get_json(reader, writer,
                                       f"/api/v1/sync?since={since}&wait=5&limit=1000", token)
                now = time.perf_counter()
                for event in data["events"]:
                    wamid = event["payload"].get("wamid")
                    if event["kind"] == "message.in" and wamid:
                        arrivals.setdefault(wamid, []).append(now)
                since = max(since, data["latest"])
        finally:
            writer.close()

    tasks = [asyncio.create_task(poller()) for _ in range(clients)]
    while ready < clients:
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.2)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    sent_at: dict[str, float] = {}
    for i in range(posts):
        payload = inbound(offset + i, int(time.time()))
        wamid = payload["entry"][0]["changes"][0]["value"]["messages"][0]["id"]
        data = request_bytes(json.dumps(payload, separators=(",", ":")).encode())
        sent_at[wamid] = time.perf_counter()
        await _one(reader, writer, data)
        await asyncio.sleep(0.02)
    deadline = time.perf_counter() + 10
    while time.perf_counter() < deadline and not all(
            len(arrivals.get(w, ())) >= clients for w in sent_at):
        await asyncio.sleep(0.05)
    stop.set()
    writer.close()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    delays = sorted(max(arrivals[w]) - sent_at[w] for w in sent_at
                    if len(arrivals.get(w, ())) >= clients)
    if not delays:
        return {"p50_ms": None, "p99_ms": None, "complete": 0}
    return {"p50_ms": delays[len(delays) // 2] * 1000,
            "p99_ms": delays[min(len(delays) - 1, int(len(delays) * 0.99))] * 1000,
            "complete": len(delays), "posted": posts}


def measure_sending() -> dict[str, Any]:
    """The hook for the sending figures (R2's bench), if it exists."""
    path = ROOT / "bench" / "relay_send_bench.py"
    if not path.exists():
        return {"send_msgs_per_s": None, "send_rate_limited": None}
    spec = importlib.util.spec_from_file_location("relay_send_bench", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    figures = module.measure_sending()
    return {"send_msgs_per_s": figures.get("send_msgs_per_s"),
            "send_rate_limited": figures.get("send_rate_limited")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=30_000, help="measured webhook POSTs")
    parser.add_argument("--warmup", type=int, default=3_000, help="POSTs before measuring")
    parser.add_argument("--connections", type=int, default=32,
                        help="keep-alive connections, one request in flight on each")
    parser.add_argument("--no-peer", action="store_true", help="skip the pywa peer")
    parser.add_argument("--no-send", action="store_true", help="skip the sending figures")
    parser.add_argument("--serve", choices=("relay", "pywa"), help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve:
        serve(args.serve, args.port, args.data)
        return 0

    os.sched_setaffinity(0, {LOADER_CORE})
    total = args.warmup + args.requests
    bodies = workload(total, 0)
    requests = [request_bytes(body) for body in bodies]
    outgoing = range(0, total // 4 + 2)
    result: dict[str, Any] = {}
    # On the project's own disk, not /tmp: where /tmp is a tmpfs, fsync costs nothing
    # and "durable commits" would not be measured.
    (ROOT / "bench" / "out").mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="relay-bench-", dir=ROOT / "bench" / "out") as tmp:
        key = secrets.token_bytes(32)
        data_dir = Path(tmp) / "relay"
        data_dir.mkdir()
        token = prepare_relay(data_dir, key, outgoing)
        port = _free_port()
        proc = start_server("relay", port, data_dir, key.hex())
        try:
            run_loop(load(port, requests[: args.warmup], args.connections))
            intake = measure(proc, port, requests[args.warmup:], args.connections, data_dir)
            print("relay intake:", json.dumps(_rounded(intake)), flush=True)
            spread = run_loop(fanout(port, token))
            print("relay fan-out:", json.dumps(spread), flush=True)
        finally:
            stop_server(proc)
        peer: dict[str, Any] = {"rps": None}
        if not args.no_peer:
            port = _free_port()
            proc = start_server("pywa", port, Path(tmp) / "pywa", key.hex())
            try:
                run_loop(load(port, requests[: args.warmup], args.connections))
                peer = measure(proc, port, requests[args.warmup:], args.connections)
                print("pywa peer:", json.dumps(_rounded(peer)), flush=True)
            finally:
                stop_server(proc)
    result.update(
        intake_rps=round(intake["rps"], 1), intake_p50_ms=round(intake["p50_ms"], 2),
        intake_p99_ms=round(intake["p99_ms"], 2),
        intake_non_200=sum(n for code, n in intake["statuses"].items() if code != 200),
        intake_cpu_us_per_request=_round(intake.get("cpu_us"), 1),
        intake_cpu_loop_us=_round(intake.get("cpu_loop_us"), 1),
        intake_cpu_writer_us=_round(intake.get("cpu_other_threads_us"), 1),
        intake_writes_per_commit=_round(intake.get("writes_per_commit"), 1),
        loader_cpu_us_per_request=_round(intake.get("loader_cpu_us"), 1),
        pywa_rps=round(peer["rps"], 1) if peer.get("rps") else None,
        pywa_cpu_us_per_request=_round(peer.get("cpu_us"), 1),
        ratio_relay_pywa=round(intake["rps"] / peer["rps"], 2) if peer.get("rps") else None,
        fanout_p50_ms=_round(spread["p50_ms"]), fanout_p99_ms=_round(spread["p99_ms"]),
    )
    result.update({"send_msgs_per_s": None, "send_rate_limited": None} if args.no_send
                  else measure_sending())
    print(json.dumps(result), flush=True)
    return 0


def _round(value: float | None, digits: int = 2) -> float | None:
    return round(value, digits) if value is not None else None


def _rounded(figures: dict[str, Any]) -> dict[str, Any]:
    return {k: round(v, 2) if isinstance(v, float) else v for k, v in figures.items()}


if __name__ == "__main__":
    sys.exit(main())
