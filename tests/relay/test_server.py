"""RelayServer in a thread (the desktop's one-PC mode, the demo): start, restart, data kept."""

from __future__ import annotations

import logging
import threading
import time

import httpx

from tests.relay.conftest import add_person_with_device, make_relay_config, signed, wait_for
from tests.relay.payloads import text_message
from wadesk.relay.server import RelayServer


def test_a_relay_in_a_thread_keeps_its_log_across_restarts(tmp_path):
    config = make_relay_config(tmp_path / "relay")
    for round_ in range(2):
        server = RelayServer(config)
        base_url = server.start()
        try:
            body, headers = signed(text_message(f"wamid.R{round_}"))
            assert httpx.post(f"{base_url}/webhook", content=body, headers=headers).status_code == 200
            assert httpx.get(f"{base_url}/healthz").json()["latest_seq"] == round_ + 1
            assert server.call(lambda: server.ctx.latest_seq) == round_ + 1
        finally:
            server.stop()


def test_a_relay_that_cannot_open_its_database_says_so(tmp_path):
    config = make_relay_config(tmp_path / "relay")
    first = RelayServer(config)
    first.start()
    first.stop()
    wrong_key = make_relay_config(tmp_path / "relay")  # another random key
    server = RelayServer(wrong_key)
    try:
        server.start(timeout=10)
    except RuntimeError as exc:
        assert "did not start" in str(exc)
    else:
        server.stop()
        raise AssertionError("a relay with the wrong key started")


def test_stopping_answers_parked_long_polls_at_once_without_a_traceback(tmp_path, caplog):
    caplog.set_level(logging.INFO)
    server = RelayServer(make_relay_config(tmp_path / "relay"))
    base_url = server.start()
    _, token = add_person_with_device(server, "agent-1", "agent")
    answers: list[httpx.Response | BaseException] = []

    def poll() -> None:
        try:
            answers.append(httpx.get(f"{base_url}/api/v1/sync", params={"since": 0, "wait": 55},
                                     headers={"Authorization": f"Bearer {token}"}, timeout=60))
        except BaseException as exc:  # reported by the assertion below
            answers.append(exc)

    threads = [threading.Thread(target=poll) for _ in range(5)]
    for thread in threads:
        thread.start()
    try:
        wait_for(lambda: server.call(lambda: server.ctx.parked_polls.parked) == 5)
    finally:
        started = time.monotonic()
        server.stop()
        took = time.monotonic() - started
        for thread in threads:
            thread.join(60)
    assert [a.status_code if isinstance(a, httpx.Response) else a for a in answers] == [200] * 5
    assert all(a.json()["events"] == [] for a in answers)  # type: ignore[union-attr]
    # Not cancelled at uvicorn's graceful timeout (3 s), which logs an error and a traceback.
    assert took < 3
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
    assert "CancelledError" not in caplog.text and "Traceback" not in caplog.text
