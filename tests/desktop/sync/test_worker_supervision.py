"""The network thread never stops for good, and what it logs of a failure is the
failure's type and place, never its text."""

from __future__ import annotations

import asyncio
import logging
import os

import pytest

from wadesk.desktop.sync.connection_state import ConnectionState
from wadesk.desktop.sync.worker import SyncWorker, WorkerSettings
from wadesk.store.connection import open_database

TEXT = "Hallo Frau Öztürk, Ihr Rad ist fertig – 149,90 €"


@pytest.fixture
def worker(tmp_path):
    key, path = os.urandom(32), tmp_path / "replica.db"
    open_database(path, key=key, create=True).close()
    made = SyncWorker("http://127.0.0.1:9", "token", lambda: open_database(path, key=key), None, "7",
                      WorkerSettings(backoff_base_s=0.01, backoff_cap_s=0.02))
    yield made
    made.db.close()


def encode_for_an_old_gateway(text: str) -> bytes:
    return text.encode("ascii")  # UnicodeEncodeError: it keeps the whole text


def test_a_loop_that_fails_starts_again_and_meanwhile_the_status_says_reconnecting(worker, caplog):
    caplog.set_level(logging.INFO)
    worker.connection.answered()
    shown: list[str] = []
    worker.connection_changed.connect(lambda state, waiting: shown.append(state))
    runs: list[str] = []

    async def loop() -> None:
        runs.append(worker.connection.state)
        if len(runs) < 3:
            encode_for_an_old_gateway(TEXT)

    asyncio.run(worker._supervised("sync", loop))

    assert runs == ["online", "reconnecting", "reconnecting"]  # started again, twice
    assert shown == ["reconnecting"]
    assert TEXT not in caplog.text and "Öztürk" not in caplog.text
    assert caplog.text.count("the sync loop failed and starts again: UnicodeEncodeError at "
                             "sync/test_worker_supervision.py:") == 2


def test_a_loop_that_ends_when_signed_out_is_not_started_again(worker):
    runs: list[int] = []

    async def loop() -> None:
        runs.append(1)
        worker._signed_out = True
        raise RuntimeError("after the sign-out")

    asyncio.run(worker._supervised("outbox", loop))
    assert runs == [1]


def test_a_failed_task_is_logged_by_type_and_place_only(worker, caplog):
    async def main() -> None:
        async def fail() -> None:
            encode_for_an_old_gateway(TEXT)

        task = worker._spawn(fail())
        await asyncio.gather(task, return_exceptions=True)
        await asyncio.sleep(0)  # the done callback

    asyncio.run(main())
    assert TEXT not in caplog.text and "Öztürk" not in caplog.text
    assert "a sync task failed: UnicodeEncodeError at sync/test_worker_supervision.py:" in caplog.text


def test_a_restart_does_not_hide_offline():
    state = ConnectionState(offline_after_s=0.0)
    state.failed()
    assert state.state == "offline"
    assert state.restarting() is False and state.state == "offline"
    state.answered()
    assert state.restarting() is True and state.state == "reconnecting"
    assert state.restarting() is False
