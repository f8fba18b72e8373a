"""Crash safety: SIGKILL at random moments never loses a reported commit nor damages
the database (WAL with synchronous=NORMAL for the replica, FULL for the relay)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from wadesk.store.connection import open_database
from wadesk.store.messages import get_message_by_wamid

from .factories import assert_search_index_consistent

ROOT = Path(__file__).resolve().parents[2]
KILLS = 24


def _run_and_kill(db: Path, key: bytes, role: str, first: int, rng: random.Random) -> list[str]:
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.store.crash_writer", str(db), key.hex(), role, str(first)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert child.stdout is not None
    first_line = child.stdout.readline()  # it is up and has committed once
    assert first_line, child.stderr.read().decode() if child.stderr else "child died"
    time.sleep(rng.uniform(0.0, 0.25))
    child.send_signal(signal.SIGKILL)
    rest, _ = child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL
    lines = [first_line.decode(), *rest.decode().splitlines(keepends=True)]
    # Only whole lines were reported: a line cut by the kill was never complete.
    return [wamid for line in lines if line.endswith("\n") for wamid in line.split()]


@pytest.mark.slow
def test_kill_minus_nine_never_loses_a_reported_commit(tmp_path: Path, key: bytes) -> None:
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    db = tmp_path / "wadesk.db"
    reported: list[str] = []
    for kill in range(KILLS):
        role = "replica"
        reported += _run_and_kill(db, key, role, first=kill * 1_000_000, rng=rng)
        # Reopen and check after every kill, as the app would at its next start.
        conn = open_database(db, key=key)
        assert conn.execute("PRAGMA quick_check").fetchone() == ("ok",)
        conn.close()

    conn = open_database(db, key=key)
    missing = [w for w in reported if get_message_by_wamid(conn, w) is None]
    assert missing == []
    assert len(reported) > KILLS
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert conn.execute("PRAGMA cipher_integrity_check").fetchall() == []
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert_search_index_consistent(conn)
    conn.close()


@pytest.mark.slow
def test_the_relay_role_survives_kills_too(tmp_path: Path, key: bytes) -> None:
    rng = random.Random(7)
    db = tmp_path / "relay.db"
    reported: list[str] = []
    for kill in range(4):
        reported += _run_and_kill(db, key, "relay", first=kill * 1_000_000, rng=rng)
    conn = open_database(db, key=key, role="relay")
    assert [w for w in reported if get_message_by_wamid(conn, w) is None] == []
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert conn.execute("PRAGMA cipher_integrity_check").fetchall() == []
    conn.close()
