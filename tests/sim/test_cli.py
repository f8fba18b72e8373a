"""`wadesk sim` from the command line, and the in-process server's life cycle."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys

import httpx
import pytest

from wadesk.sim import SimConfig, SimServer
from wadesk.sim.cli import banner, config_from, parser
from wadesk.sim.simulator import Simulator


def test_options_become_the_config():
    args = parser().parse_args([
        "--port", "0", "--webhook-url", "http://127.0.0.1:8200/webhook", "--verify-token", "v",
        "--app-secret", "s", "--token", "t", "--seed", "9", "--status-delays", "0.1,-,2",
        "--customers", "off", "--throughput", "20", "--pair-rate-burst", "3",
        "--template-review-delay", "off", "--start-time", "2026-03-12T22:30:00+01:00"])
    config = config_from(args)
    assert config.webhook_url == "http://127.0.0.1:8200/webhook"
    assert (config.verify_token, config.app_secret, config.token, config.seed) == ("v", "s", "t", 9)
    assert config.status_delays == (0.1, None, 2.0)
    assert config.customers is False and config.chatter is None
    assert config.throughput == 20 and config.pair_rate_burst == 3
    assert config.template_review_delay is None
    assert config.start_time == 1773351000.0


def test_bad_options_are_refused():
    with pytest.raises(SystemExit):
        parser().parse_args(["--status-delays", "1,2"])
    with pytest.raises(SystemExit):
        parser().parse_args(["--customers", "maybe"])


def test_banner_prints_what_a_client_needs():
    sim = Simulator(SimConfig(token="tok", app_secret="sec", verify_token="ver"))
    out = io.StringIO()
    banner(sim, "http://127.0.0.1:8100", out)
    text = out.getvalue()
    for expected in ("http://127.0.0.1:8100/v25.0", "tok", "sec", "ver", "102290129340398",
                     "106540352242922", "+49 30 1234567"):
        assert expected in text


def test_secrets_are_random_unless_given():
    one, two = Simulator(SimConfig()), Simulator(SimConfig())
    assert one.account.access_token != two.account.access_token
    assert one.account.app_secret != two.account.app_secret
    assert len(one.account.app_secret) == 32


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process is POSIX")
def test_command_line_run_and_interrupt(tmp_path):
    code = "import sys; from wadesk.sim.cli import main; sys.exit(main(sys.argv[1:]))"
    process = subprocess.Popen(
        [sys.executable, "-c", code, "--port", "0", "--token", "cli-token", "--customers", "off"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        lines = [process.stdout.readline() for _ in range(3)]
        graph = lines[1].split()[2]
        assert graph.startswith("http://127.0.0.1:") and graph.endswith("/v25.0")
        assert "cli-token" in process.stdout.readline()
        phone = httpx.get(f"{graph}/106540352242922", headers={"Authorization": "Bearer cli-token"}, timeout=10)
        assert phone.status_code == 200
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(10) == 0


def test_in_process_server_life_cycle():
    server = SimServer(SimConfig(token="t"))
    with pytest.raises(RuntimeError):
        server.graph_url()
    with server:
        assert server.base_url and server.graph_url().endswith("/v25.0")
        assert httpx.get(f"{server.base_url}/").json()["name"] == "wadesk sim"
        state = server.call(lambda: server.simulator.snapshot())
        assert state["account"]["waba_id"] == server.waba_id
        message = server.call(lambda: server.simulator.behaviour.step())
        assert message["message"]["id"].startswith("wamid.")
    with pytest.raises(httpx.TransportError):
        httpx.get(f"{server.base_url}/_sim/state", timeout=1)


def test_two_simulators_side_by_side():
    with SimServer(SimConfig(token="a")) as first, SimServer(SimConfig(token="b")) as second:
        assert first.base_url != second.base_url
        assert httpx.get(f"{first.graph_url()}/{first.phone_number_id}", headers={"Authorization": "Bearer a"}).status_code == 200
        assert httpx.get(f"{second.graph_url()}/{second.phone_number_id}", headers={"Authorization": "Bearer a"}).status_code == 401
