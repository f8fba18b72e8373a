"""A new Cloud API token for a running relay: checked with Meta first, swapped in without
a restart, kept where the old one came from, never echoed or logged."""

from __future__ import annotations

import json
import logging
import os
import stat
import uuid
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import httpx
import pytest

from tests.relay.conftest import add_person_with_device, relay_read
from tests.relay.conftest_team import customer_writes, start_relay, wait_until
from wadesk import secrets as keychain
from wadesk.relay import config as relay_config
from wadesk.relay.config import keep_access_token
from wadesk.relay.server import RelayServer
from wadesk.store import people, relay_sends


@pytest.fixture
def relay(relay_config: Any, sim: Any) -> Iterator[RelayServer]:
    server = start_relay(relay_config, sim)
    try:
        yield server
    finally:
        server.stop()


def post_text(client, headers, conversation_id: int, text: str) -> Any:
    return client.post("/api/v1/messages", headers=headers, json={
        "client_id": "c-" + uuid.uuid4().hex, "conversation_id": conversation_id,
        "type": "text", "text": {"body": text}})


def test_sends_wait_for_a_new_token_and_go_out_once_it_is_set(relay, client, team, sim_api,
                                                                 caplog):
    caplog.set_level(logging.DEBUG)
    conversation_id, _ = customer_writes(sim_api, relay)
    sim_api.post("/faults", json={"kind": "expire_token"})
    waiting = post_text(client, team.headers("agent"), conversation_id, "Wartet auf den Token")
    assert waiting.status_code == 202 and waiting.json()["state"] == "queued"
    client_id = waiting.json()["client_id"]
    admin = team.headers("admin")

    wrong = client.put("/api/v1/cloud-token", headers=admin, json={"token": "EAAGnotthetoken123"})
    assert wrong.status_code == 422 and wrong.json()["error"]["code"] == "token_refused"
    assert client.put("/api/v1/cloud-token", headers=team.headers("agent"),
                      json={"token": "EAAGwhatever12345"}).status_code == 403
    short = client.put("/api/v1/cloud-token", headers=admin, json={"token": "kurz"})
    assert short.status_code == 400
    assert relay_read(relay, lambda c: relay_sends.get_send(c, client_id)).state == "queued"

    new_token = sim_api.post("/token", json={}).json()["access_token"]
    answer = client.put("/api/v1/cloud-token", headers=admin, json={"token": new_token})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["state"] == "ok" and body["stored"] == "memory"
    assert body["survives_restart"] is False and "until the relay stops" in body["message"]
    assert new_token not in answer.text

    record = wait_until(lambda: (r := relay_read(relay, lambda c: relay_sends.get_send(
        c, client_id))).state == "accepted" and r)
    assert record.wamid
    assert [m["text"] for m in sim_api.get("/messages").json()["data"]] == ["Wartet auf den Token"]
    state = client.get("/api/v1/sending", headers=team.headers("agent")).json()["cloud"]
    assert state["state"] == "ok"
    assert post_text(client, team.headers("agent"), conversation_id, "Und weiter").json()[
        "state"] == "accepted"

    audit = relay_read(relay, lambda c: people.read_audit(c))
    replaced = next(e for e in audit if e.action == "cloud_token.replaced")
    assert replaced.person_name == "admin-1" and replaced.details["stored"] == "memory"
    everything = json.dumps([[e.target, e.details] for e in audit])
    logged = "\n".join(f"{r.getMessage()} {r.__dict__}" for r in caplog.records)
    for place in (everything, logged):
        assert new_token not in place and "EAAGnotthetoken123" not in place


def test_a_token_from_a_file_is_replaced_in_the_file(relay_config, sim, sim_api, team, tmp_path):
    path = tmp_path / "access_token"
    path.write_text("old\n")
    path.chmod(0o600)
    server = start_relay(replace(relay_config, access_token_source="file",
                                 access_token_file=str(path)), sim)
    try:
        _, token = add_person_with_device(server, "chefin", "owner")
        new_token = sim_api.post("/token", json={}).json()["access_token"]
        with httpx.Client(base_url=server.base_url, timeout=30) as http:
            answer = http.put("/api/v1/cloud-token", headers={"Authorization": f"Bearer {token}"},
                              json={"token": new_token})
        assert answer.status_code == 200, answer.text
        assert answer.json()["stored"] == "file" and answer.json()["survives_restart"]
        assert path.read_text().strip() == new_token
        if os.name == "posix":
            assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    finally:
        server.stop()


def test_where_a_new_token_is_kept(tmp_path, monkeypatch):
    secret_file = tmp_path / "token"
    secret_file.write_text("alt")
    secret_file.chmod(0o600)
    config_file = tmp_path / "relay.toml"
    config_file.write_text(f'data_dir = "{tmp_path / "data"}"\n'
                           f'access_token_file = "{secret_file}"\n')
    loaded = relay_config.load(config_file, env={})
    assert (loaded.access_token, loaded.access_token_source) == ("alt", "file")
    assert keep_access_token(loaded, "neu-neu-neu").where == "file"
    assert relay_config.load(config_file, env={}).access_token == "neu-neu-neu"

    from_env = relay_config.load(None, env={"WADESK_RELAY_DATA_DIR": str(tmp_path / "d"),
                                            "WADESK_ACCESS_TOKEN": "aus-env"})
    kept = keep_access_token(from_env, "neu")
    assert from_env.access_token_source == "env" and kept.where == "memory"
    assert "WADESK_ACCESS_TOKEN" in kept.note

    in_keychain = replace(from_env, access_token_source="keychain")
    assert keep_access_token(in_keychain, "im-schluesselbund").where == "keychain"
    again = relay_config.load(None, env={"WADESK_RELAY_DATA_DIR": str(tmp_path / "d")})
    assert (again.access_token, again.access_token_source) == ("im-schluesselbund", "keychain")
    assert keychain.get_secret("relay-access_token", (tmp_path / "d").resolve()) == \
        "im-schluesselbund"
