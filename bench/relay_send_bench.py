"""Sending through the relay: messages/s via POST /api/v1/messages to the simulator.

    .venv/bin/python bench/relay_send_bench.py [--messages 800] [--customers 200]

Three processes, as in production (the relay on its own, Meta elsewhere): the relay
(`wadesk relay run`, durable commits) pinned to one core, the simulator
(`wadesk sim`, Meta's default 80 messages/s per number, 130429 beyond it, its pair
rate, and sent/delivered/read status webhooks for every message) and this load
generator on the other. The relay's token bucket is left at its default 80/s.

Desktops (many keep-alive connections) post text messages to many customers as fast
as they can. `send_msgs_per_s` is accepted messages per second from the first POST to
the last answer; `send_rate_limited` counts the 130429 answers the relay got from the
simulator (the target is none: the bucket keeps under the limit instead of bouncing
off it).

`measure_sending()` is what bench/relay_bench.py calls; the last line printed here is
the same figures as JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from wadesk.relay import auth  # noqa: E402
from wadesk.store import people  # noqa: E402
from wadesk.store.connection import open_database  # noqa: E402

TOKEN = "EAAG-send-bench"
APP_SECRET = "send-bench-secret"
VERIFY_TOKEN = "send-bench-verify"
PHONE_NUMBER_ID = "106540352242922"
RELAY_CORE, OTHER_CORE = 0, 1


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _pin(pid: int, core: int) -> None:
    if hasattr(os, "sched_setaffinity") and (os.cpu_count() or 1) > core:
        try:
            os.sched_setaffinity(pid, {core})
        except OSError:
            pass


def _wait_http(url: str, process: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            httpx.get(url, timeout=1)
            return
        except httpx.TransportError:
            if process.poll() is not None:
                raise RuntimeError(f"{process.args} exited: {process.stderr.read().decode()[-2000:]}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"{url} did not come up")
            time.sleep(0.05)


def _start(args: list[str], env: dict[str, str], core: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen([sys.executable, "-m", "wadesk", *args], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pin(process.pid, core)
    return process


def _add_agent(database: Path, key: bytes) -> str:
    """An agent with a device token, written before the relay starts."""
    token = auth.new_device_token()
    conn = open_database(database, key=key, role="relay", create=True)
    try:
        person = people.add_person(conn, "bench", "agent")
        people.add_device(conn, person.id, auth.hash_device_token(token), "bench")
    finally:
        conn.close()
    return token


def _open_conversations(sim_url: str, relay_url: str, token: str, customers: int) -> list[int]:
    """Each customer writes once (opening the 24-hour window); the relay's ids."""
    with httpx.Client(base_url=f"{sim_url}/_sim", timeout=30) as control:
        for n in range(customers):
            control.post("/customers", json={"name": f"Kunde {n}", "wa_id": f"4915{n:09d}",
                                             "id": f"k{n}"}).raise_for_status()
            control.post(f"/customers/k{n}/say", json={"text": "Hallo"}).raise_for_status()
    # The conversations appear in the relay's log as message.in events.
    with httpx.Client(base_url=relay_url, timeout=30,
                      headers={"Authorization": f"Bearer {token}"}) as relay:
        deadline = time.monotonic() + 60
        seen: dict[str, int] = {}
        since = 0
        while len(seen) < customers:
            page = relay.get("/api/v1/sync", params={"since": since, "wait": 5}).json()
            for event in page["events"]:
                if event["kind"] == "message.in":
                    seen[event["payload"]["contact"]["wa_id"]] = 0
            since = page["latest"]
            if time.monotonic() > deadline:
                raise TimeoutError("the customers' messages did not all arrive")
    # Conversation ids are handed out in arrival order, from 1.
    return list(range(1, customers + 1))


async def _post_all(base_url: str, token: str, conversation_ids: list[int], messages: int,
                    connections: int) -> tuple[float, dict[str, int]]:
    """POST the messages over `connections` keep-alive connections. A minimal HTTP/1.1
    client: httpx costs ~8 ms of CPU per request, which on a 2-core machine would take
    the simulator's core away and measure the load generator instead of the relay."""
    host, port = base_url.split("//", 1)[1].rsplit(":", 1)
    states: dict[str, int] = {}
    todo = iter([conversation_ids[n % len(conversation_ids)] for n in range(messages)])

    async def worker() -> None:
        reader, writer = await asyncio.open_connection(host, int(port))
        writer.get_extra_info("socket").setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        for conversation_id in todo:
            body = json.dumps({"client_id": "b-" + uuid.uuid4().hex,
                               "conversation_id": conversation_id, "type": "text",
                               "text": {"body": "Ihr Rad ist fertig."}}).encode()
            writer.write((f"POST /api/v1/messages HTTP/1.1\r\nHost: {host}\r\n"
                          f"Authorization: Bearer {token}\r\nContent-Type: application/json\r\n"
                          f"Content-Length: {len(body)}\r\n\r\n").encode() + body)
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n"):
                if line[:15].lower() == b"content-length:":
                    length = int(line[15:])
            answer = json.loads(await reader.readexactly(length)) if length else {}
            state = answer.get("state") or str(int(head[9:12]))
            states[state] = states.get(state, 0) + 1
        writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(connections)))
    return time.perf_counter() - started, states


def measure_sending(messages: int = 800, customers: int = 200, connections: int = 32,
                    rate: float = 80.0) -> dict[str, Any]:
    """Send `messages` through a relay process to a simulator process; the figures.
    `rate` is the number's throughput, set alike on the simulator (Meta) and the relay."""
    sim_port, relay_port = _free_port(), _free_port()
    sim_url, relay_url = f"http://127.0.0.1:{sim_port}", f"http://127.0.0.1:{relay_port}"
    key = secrets.token_bytes(32)
    with tempfile.TemporaryDirectory(prefix="wadesk-send-bench-") as tmp:
        token = _add_agent(Path(tmp) / "relay.db", key)
        env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
               "WADESK_RELAY_DATA_DIR": tmp, "WADESK_RELAY_GRAPH_BASE_URL": sim_url,
               "WADESK_RELAY_PHONE_NUMBER_IDS": PHONE_NUMBER_ID,
               "WADESK_ACCESS_TOKEN": TOKEN, "WADESK_APP_SECRET": APP_SECRET,
               "WADESK_VERIFY_TOKEN": VERIFY_TOKEN, "WADESK_RELAY_DB_KEY": key.hex(),
               "WADESK_RELAY_THROUGHPUT_PER_S": str(rate)}
        relay = _start(["relay", "run", "--port", str(relay_port), "--log-level", "warning"],
                       env, RELAY_CORE)
        sim = None
        try:
            _wait_http(f"{relay_url}/healthz", relay)
            sim = _start(["sim", "--port", str(sim_port), "--token", TOKEN,
                          "--app-secret", APP_SECRET, "--verify-token", VERIFY_TOKEN,
                          "--webhook-url", f"{relay_url}/webhook", "--customers", "off",
                          "--chatter", "off", "--status-delays", "0.05,0.1,0.2",
                          "--throughput", str(rate), "--log-level", "warning"], env, OTHER_CORE)
            _pin(os.getpid(), OTHER_CORE)
            _wait_http(f"{sim_url}/_sim/state", sim)
            conversation_ids = _open_conversations(sim_url, relay_url, token, customers)
            cpu0 = {"relay": _cpu(relay.pid), "sim": _cpu(sim.pid), "loader": time.process_time()}
            elapsed, states = asyncio.run(
                _post_all(relay_url, token, conversation_ids, messages, connections))
            cpu = {"relay": _cpu(relay.pid) - cpu0["relay"], "sim": _cpu(sim.pid) - cpu0["sim"],
                   "loader": time.process_time() - cpu0["loader"]}
            with httpx.Client(base_url=relay_url, timeout=30,
                              headers={"Authorization": f"Bearer {token}"}) as http:
                sender = http.get("/api/v1/sending").json()["since_start"]
            with httpx.Client(base_url=f"{sim_url}/_sim", timeout=30) as control:
                graph_errors = control.get("/state").json()["counts"]["graph_errors"]
        finally:
            for process in (sim, relay):
                if process is not None:
                    process.terminate()
                    try:
                        process.wait(timeout=20)
                    except subprocess.TimeoutExpired:
                        process.kill()
    accepted = states.get("accepted", 0)
    return {
        "send_msgs_per_s": round(accepted / elapsed, 1),
        "send_rate_limited": sender["rate_limited"],
        "send_pair_limited": sender["pair_limited"],
        "send_retried": sender["retried"],
        "sim_graph_errors": graph_errors,
        "send_messages": messages,
        "send_accepted": accepted,
        "send_other_states": {k: v for k, v in states.items() if k != "accepted"},
        "send_seconds": round(elapsed, 2),
        "send_rate_configured": rate,
        "send_cpu_s": {name: round(value, 2) for name, value in cpu.items()},
    }


def _cpu(pid: int) -> float:
    """CPU seconds a process has used so far (Linux; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=800)
    parser.add_argument("--customers", type=int, default=200)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--rate", type=float, default=80.0,
                        help="the number's throughput (80 by default; 1000 after an upgrade)")
    args = parser.parse_args(argv)
    print(json.dumps(measure_sending(args.messages, args.customers, args.connections,
                                     args.rate)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
