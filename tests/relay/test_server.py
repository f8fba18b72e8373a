"""RelayServer in a thread (the desktop's one-PC mode, the demo): start, restart, data kept."""

from __future__ import annotations

import httpx

from tests.relay.conftest import make_relay_config, signed
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
