"""SIGKILL the relay at random moments while a loader posts webhooks, twenty times.

Every webhook answered 200 must be in the log after the restart, none twice; those not
answered (the connection died with the relay) are redelivered, as Meta does, and end
up in the log exactly once.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import secrets
import signal
import socket
import ssl
import subprocess
import sys
import time
from collections import deque
from pathlib import Path

import httpx
import pytest

from tests.relay.payloads import messages, text_message
from tests.relay.conftest import signed
from wadesk.store.connection import open_database

# The relay is forked per life (relay_process.py) and watched through /proc: Linux only.
# Windows has neither fork nor SIGKILL, and a TerminateProcess is not the same crash.
pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"),
    reason="forks the relay per life and watches it through /proc (Linux only)")

KILLS = 20
WORKERS = 8
# One TLS context for all clients: httpx builds one per client otherwise (~30 ms each).
_TLS = ssl.create_default_context()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().split(") ", 1)[1][0] != "Z"
    except FileNotFoundError:
        return False


def _wait_listening(port: int, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.01)
    raise TimeoutError("the relay did not come up")


def _stored_keys(data_dir: Path, key: bytes) -> list[str]:
    conn = open_database(data_dir / "relay.db", key=key, role="relay")
    try:
        return [row[0] for row in conn.execute("SELECT dedupe_key FROM events").fetchall()]
    finally:
        conn.close()


def _webhook(n: int) -> tuple[bytes, list[str]]:
    """A signed body and the dedupe keys it must produce (some carry two messages)."""
    if n % 5 == 4:
        payload = messages([
            {"from": "491701111111", "id": f"wamid.K{n}a", "timestamp": "1700000000",
             "type": "text", "text": {"body": f"a{n}"}},
            {"from": "491701111111", "id": f"wamid.K{n}b", "timestamp": "1700000001",
             "type": "text", "text": {"body": f"b{n}"}}])
        keys = [f"msg:wamid.K{n}a", f"msg:wamid.K{n}b"]
    else:
        payload = text_message(f"wamid.K{n}", f"Nachricht {n}", wa_id=f"49170{n % 7:07d}")
        keys = [f"msg:wamid.K{n}"]
    return json.dumps(payload).encode(), keys


def test_sigkill_at_random_moments_loses_nothing_and_stores_nothing_twice(tmp_path):
    rng = random.Random(4)
    key = secrets.token_bytes(32)
    data_dir = tmp_path / "relay"
    port = _free_port()
    zygote = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("relay_process.py")), str(data_dir), str(port)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        env={**os.environ, "WADESK_TEST_DB_KEY": key.hex()})
    expected: dict[int, list[str]] = {}
    pending: deque[int] = deque()
    answered: set[int] = set()
    counter = 0

    def start() -> int:
        assert zygote.stdin and zygote.stdout
        zygote.stdin.write("start\n")
        zygote.stdin.flush()
        pid = int(zygote.stdout.readline())
        _wait_listening(port)
        return pid

    async def load(killed: asyncio.Event | None, first_answer: asyncio.Event | None = None) -> None:
        """Post until the relay is killed (then a little longer: requests in flight
        fail), or with killed=None until nothing is pending."""
        nonlocal counter
        deadline = None if killed is None else float("inf")

        async def watch() -> None:
            nonlocal deadline
            assert killed is not None
            await killed.wait()
            deadline = time.monotonic() + 0.05

        watcher = asyncio.create_task(watch()) if killed is not None else None

        async def worker() -> None:
            nonlocal counter
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=5,
                                         verify=_TLS) as http:
                while deadline is None or time.monotonic() < deadline:
                    if pending:
                        n = pending.popleft()
                    elif deadline is None:
                        return
                    else:
                        n, counter = counter, counter + 1
                        expected[n] = _webhook(n)[1]
                    body, headers = signed(_webhook(n)[0])
                    try:
                        answer = await http.post("/webhook", content=body, headers=headers)
                    except httpx.HTTPError:
                        pending.append(n)  # no answer: Meta delivers it again later
                        await asyncio.sleep(0.01)
                        continue
                    if answer.status_code == 200:
                        answered.add(n)
                        if first_answer is not None:
                            first_answer.set()
                    else:
                        pending.append(n)

        await asyncio.gather(*(worker() for _ in range(WORKERS)))
        if watcher is not None:
            watcher.cancel()

    async def kill_at_random(pid: int, killed: asyncio.Event, first_answer: asyncio.Event) -> None:
        await first_answer.wait()  # the relay is serving: now any moment is a fair one
        await asyncio.sleep(rng.uniform(0.0, 0.3))
        os.kill(pid, signal.SIGKILL)
        killed.set()

    try:
        for _ in range(KILLS):
            pid = start()
            # Right after a restart: everything ever answered 200 is there, once.
            stored = _stored_keys(data_dir, key)
            assert len(stored) == len(set(stored))
            missing = [n for n in answered if not set(expected[n]) <= set(stored)]
            assert missing == []

            async def cycle() -> None:
                killed, first_answer = asyncio.Event(), asyncio.Event()
                await asyncio.gather(load(killed, first_answer),
                                     kill_at_random(pid, killed, first_answer))

            asyncio.run(cycle())
            while _alive(pid):
                time.sleep(0.01)
        # The last life: the loader redelivers whatever was not answered, then stops.
        pid = start()
        asyncio.run(load(None))
        os.kill(pid, signal.SIGTERM)
        while _alive(pid):
            time.sleep(0.01)
    finally:
        assert zygote.stdin
        zygote.stdin.write("exit\n")
        zygote.stdin.flush()
        zygote.wait(10)

    stored = _stored_keys(data_dir, key)
    every_key = [k for keys in expected.values() for k in keys]
    assert len(stored) == len(set(stored))  # none twice
    assert sorted(stored) == sorted(every_key)  # every one, answered or redelivered, once
    assert answered == set(expected)
    assert len(expected) > KILLS * 10, len(expected)  # the loader was busy at each kill
    conn = open_database(data_dir / "relay.db", key=key, role="relay")
    try:
        rows = conn.execute("SELECT count(*), count(DISTINCT wamid) FROM messages").fetchone()
    finally:
        conn.close()
    assert rows[0] == rows[1] == len(every_key)
