"""`wadesk relay …`: people, devices and secrets from the command line, and `run`."""

from __future__ import annotations

import io
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.relay.conftest import APP_SECRET, TOKEN, VERIFY_TOKEN
from wadesk import cli as wadesk_cli
from wadesk.relay.config import load
from wadesk.relay.server import RelayServer

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def relay_env(tmp_path, monkeypatch) -> dict[str, str]:
    env = {"WADESK_RELAY_DATA_DIR": str(tmp_path / "relay"), "WADESK_ACCESS_TOKEN": TOKEN,
           "WADESK_APP_SECRET": APP_SECRET, "WADESK_VERIFY_TOKEN": VERIFY_TOKEN,
           "WADESK_RELAY_PORT": "8710"}
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("WADESK_RELAY_DB_KEY", raising=False)
    return env


def run_cli(capsys, *argv: str, stdin: str | None = None, monkeypatch=None) -> tuple[int, str, str]:
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = wadesk_cli.main(["relay", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_people_devices_and_passwords(relay_env, capsys, monkeypatch):
    code, out, _ = run_cli(capsys, "adduser", "Anna Schmidt", "--role", "owner")
    assert code == 0 and "One-time setup code" in out
    setup_code = next(line.strip() for line in out.splitlines() if line.startswith("    "))
    assert len(setup_code) == 17
    code, _, err = run_cli(capsys, "adduser", "anna schmidt", "--role", "agent")
    assert code == 1 and "already a person" in err
    code, out, _ = run_cli(capsys, "people")
    assert "Anna Schmidt" in out and "owner" in out

    # The relay, started from the same config, accepts the printed code.
    config = load(None)
    server = RelayServer(config)
    base = server.start()
    try:
        answer = httpx.post(f"{base}/api/v1/login", json={
            "name": "Anna Schmidt", "setup_code": setup_code, "device_name": "Laden-PC"})
        assert answer.status_code == 200
        token = answer.json()["token"]
    finally:
        server.stop()

    code, out, _ = run_cli(capsys, "devices", "Anna Schmidt")
    assert code == 0 and "Laden-PC" in out and "active" in out
    assert token not in out
    device_id = out.splitlines()[1].split()[0]
    code, out, _ = run_cli(capsys, "revoke", device_id)
    assert code == 0 and "revoked" in out
    assert run_cli(capsys, "revoke", device_id)[0] == 1
    code, out, _ = run_cli(capsys, "passwd", "Anna Schmidt", stdin="ein-gutes-passwort\n",
                           monkeypatch=monkeypatch)
    assert code == 0
    code, _, err = run_cli(capsys, "passwd", "Anna Schmidt", stdin="kurz\n", monkeypatch=monkeypatch)
    assert code == 1 and "at least" in err
    code, _, err = run_cli(capsys, "passwd", "Nobody", stdin="x\n", monkeypatch=monkeypatch)
    assert code == 1
    code, out, _ = run_cli(capsys, "people")
    assert "yes" in out  # has a password now


def test_secrets_go_to_the_keychain(relay_env, capsys, monkeypatch):
    monkeypatch.delenv("WADESK_ACCESS_TOKEN")
    code, out, _ = run_cli(capsys, "secrets", "set", "access_token", stdin="EAAG-new\n",
                           monkeypatch=monkeypatch)
    assert code == 0 and "keychain" in out and "EAAG-new" not in out
    assert load(None).access_token == "EAAG-new"
    code, _, err = run_cli(capsys, "secrets", "set", "db_key", stdin="not-hex\n",
                           monkeypatch=monkeypatch)
    assert code == 2 and "64 hexadecimal" in err


def test_set_token_checks_it_with_meta_and_keeps_it(relay_env, sim, capsys, monkeypatch):
    monkeypatch.setenv("WADESK_RELAY_GRAPH_BASE_URL", sim.base_url)
    monkeypatch.setenv("WADESK_RELAY_PHONE_NUMBER_IDS", sim.phone_number_id)
    assert run_cli(capsys, "adduser", "Anna", "--role", "owner")[0] == 0  # makes the database
    code, _, err = run_cli(capsys, "set-token", stdin="EAAG-egal\n", monkeypatch=monkeypatch)
    assert code == 2 and "WADESK_ACCESS_TOKEN" in err  # set there: only there

    monkeypatch.delenv("WADESK_ACCESS_TOKEN")
    code, _, err = run_cli(capsys, "set-token", stdin="EAAGfalschfalsch\n", monkeypatch=monkeypatch)
    assert code == 1 and "refused this token" in err and "Nothing was changed" in err
    assert load(None).access_token == ""

    new_token = httpx.post(f"{sim.base_url}/_sim/token", json={}).json()["access_token"]
    code, out, err = run_cli(capsys, "set-token", stdin=new_token + "\n", monkeypatch=monkeypatch)
    assert code == 0, err
    assert "keychain" in out and "PUT /api/v1/cloud-token" in out and new_token not in out + err
    config = load(None)
    assert config.access_token == new_token and config.access_token_source == "keychain"

    from wadesk.relay.config import with_db_key
    from wadesk.store import people
    from wadesk.store.connection import open_database

    keyed = with_db_key(config, create=False)
    conn = open_database(keyed.database, key=keyed.db_key, role="relay")
    try:
        entry = next(e for e in people.read_audit(conn) if e.action == "cloud_token.replaced")
    finally:
        conn.close()
    assert entry.details["by"] == "cli" and entry.details["stored"] == "keychain"
    assert new_token not in str(entry.details)


def test_config_errors_are_one_clear_line(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("WADESK_RELAY_DATA_DIR", raising=False)
    code, _, err = run_cli(capsys, "people")
    assert code == 2 and err.startswith("wadesk relay: Set data_dir")
    cfg = tmp_path / "relay.toml"
    cfg.write_text(f'data_dir = "{tmp_path}"\naccess_token = "EAAG"\n')
    os.chmod(cfg, 0o644)
    code, _, err = run_cli(capsys, "--config", str(cfg), "run")
    assert code == 2 and "chmod 600" in err
    code, _, err = run_cli(capsys, "people", f"--config={cfg}")
    assert code == 2


def test_run_needs_the_meta_secrets(relay_env, capsys, monkeypatch):
    monkeypatch.delenv("WADESK_APP_SECRET")
    code, _, err = run_cli(capsys, "run")
    assert code == 2 and "WADESK_APP_SECRET" in err


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_run_in_the_foreground_until_sigterm(tmp_path):
    port = _free_port()
    env = {**os.environ, "WADESK_RELAY_DATA_DIR": str(tmp_path / "relay"),
           "WADESK_ACCESS_TOKEN": TOKEN, "WADESK_APP_SECRET": APP_SECRET,
           "WADESK_VERIFY_TOKEN": VERIFY_TOKEN, "WADESK_RELAY_DB_KEY": "cd" * 32,
           "WADESK_RELAY_GRAPH_BASE_URL": "http://127.0.0.1:9",
           # Never the real keychain from a test.
           "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    process = subprocess.Popen([sys.executable, "-m", "wadesk", "relay", "--port", str(port)],
                               cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1)
                break
            except httpx.TransportError:
                assert process.poll() is None, process.stderr.read().decode()
                assert time.monotonic() < deadline, "the relay did not come up"
                time.sleep(0.05)
        assert health.status_code == 200
        assert TOKEN not in health.text and APP_SECRET not in health.text
        process.send_signal(signal.SIGTERM)
        # uvicorn shuts down gracefully, then re-raises the signal: systemd counts an
        # exit by SIGTERM as a clean stop.
        assert process.wait(timeout=20) in (0, -signal.SIGTERM)
        logged = process.stderr.read().decode() + process.stdout.read().decode()
        assert "relay stopped" in logged
        assert TOKEN not in logged and APP_SECRET not in logged
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
