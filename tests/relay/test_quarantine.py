"""Webhook entries that fail to parse or to apply wait in the quarantine (answered 200,
the good rest stored) until `wadesk relay quarantine replay` stores them exactly once."""

from __future__ import annotations

import logging
import time

import pytest

from tests.relay.conftest import APP_SECRET, TOKEN, VERIFY_TOKEN, all_events, relay_read
from tests.relay.payloads import messages, status, text_message
from wadesk import cli as wadesk_cli
from wadesk.relay import housekeeping
from wadesk.relay.logs import JsonFormatter
from wadesk.store import apply_events, quarantine

SECRET_TEXT = "Geheime Lieferadresse"


@pytest.fixture
def relay_cli_env(relay_config, monkeypatch):
    """The CLI pointed at the running relay's data folder and key."""
    for name, value in {"WADESK_RELAY_DATA_DIR": str(relay_config.data_dir),
                        "WADESK_RELAY_DB_KEY": relay_config.db_key.hex(),
                        "WADESK_ACCESS_TOKEN": TOKEN, "WADESK_APP_SECRET": APP_SECRET,
                        "WADESK_VERIFY_TOKEN": VERIFY_TOKEN,
                        "WADESK_RELAY_PHONE_NUMBER_IDS": relay_config.phone_number_ids[0]}.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("WADESK_RELAY_CONFIG", raising=False)


@pytest.fixture
def fault():
    """A monkeypatch apart from the fixtures' environment, undone even if a test fails."""
    patch = pytest.MonkeyPatch()
    yield patch
    patch.undo()


def run_cli(capsys, *argv):
    code = wadesk_cli.main(["relay", *argv])
    out = capsys.readouterr()
    return code, out.out + out.err


def logged_keys(relay):
    return relay_read(relay, lambda conn: [row[0] for row in conn.execute(
        "SELECT dedupe_key FROM events ORDER BY seq")])


def keys_logged(relay, key):
    return [k for k in logged_keys(relay) if k == key]


def _batch_with_a_status():
    """One webhook, two entries: a customer's message and a status for another one."""
    batch = text_message("wamid.Q1", SECRET_TEXT)
    batch["entry"].extend(status("wamid.Q2", "delivered", ts=1_700_000_200)["entry"])
    return batch


def test_an_entry_that_fails_waits_in_quarantine_and_is_replayed_once(
        relay, client, post_webhook, relay_cli_env, capsys, caplog, fault):
    caplog.set_level(logging.DEBUG)

    def broken(*args, **kwargs):
        raise RuntimeError(f"no rule for this {SECRET_TEXT}")

    fault.setattr(apply_events, "apply_status_run", broken)
    assert post_webhook(_batch_with_a_status()).status_code == 200
    # The good rest of the webhook is stored, the failing entry is not lost.
    assert logged_keys(relay) == ["msg:wamid.Q1"]
    [waiting] = relay_read(relay, quarantine.list_entries)
    assert (waiting.kind, waiting.dedupe_key, waiting.error, waiting.replayed_at) == (
        "status", "status:wamid.Q2:delivered", "RuntimeError", None)
    health = client.get("/healthz").json()
    assert health["quarantine_waiting"] == 1
    assert health["stats"]["webhook_entries_quarantined"] == 1
    assert health["counters"]["webhook_entries_failed"] == 1

    # Meta redelivers the same webhook: the entry is not quarantined twice.
    assert post_webhook(_batch_with_a_status()).status_code == 200
    assert client.get("/healthz").json()["quarantine_waiting"] == 1

    code, out = run_cli(capsys, "quarantine", "list")
    assert code == 0 and f"{waiting.id}" in out and "status" in out and "RuntimeError" in out
    assert "1 waiting." in out and SECRET_TEXT not in out

    # While the cause is still there, a replay changes nothing and says so.
    code, out = run_cli(capsys, "quarantine", "replay")
    assert code == 1 and "failed again (RuntimeError)" in out
    assert keys_logged(relay, "status:wamid.Q2:delivered") == []

    fault.undo()  # the fix is deployed
    code, out = run_cli(capsys, "quarantine", "replay", str(waiting.id))
    assert code == 0 and "1 new event(s)" in out
    assert keys_logged(relay, "status:wamid.Q2:delivered") == ["status:wamid.Q2:delivered"]
    [event] = [e for e in all_events(relay) if e.kind == "status"]
    assert event.payload["wamid"] == "wamid.Q2" and event.payload["status"] == "delivered"
    assert client.get("/healthz").json()["quarantine_waiting"] == 0
    [done] = relay_read(relay, quarantine.list_entries)
    assert done.replayed_at is not None

    # A second replay finds nothing waiting and adds nothing.
    code, out = run_cli(capsys, "quarantine", "replay")
    assert code == 0 and "0 replayed" in out
    code, out = run_cli(capsys, "quarantine", "replay", str(waiting.id))
    assert code == 1 and "no waiting quarantined entry" in out
    assert len(keys_logged(relay, "status:wamid.Q2:delivered")) == 1
    assert len(all_events(relay)) == 2

    lines = "\n".join(JsonFormatter().format(record) for record in caplog.records)
    assert "status:wamid.Q2:delivered" in lines  # named by ids
    assert SECRET_TEXT not in lines and "Geheim" not in lines

    # A month later the daily housekeeping forgets the replayed entry (its data is in the log).
    soon = relay.call(lambda: housekeeping.run_once(relay.ctx))
    assert soon["quarantine_purged"] == 0
    later = relay.call(lambda: housekeeping.run_once(relay.ctx, now=time.time() + 31 * 86_400))
    assert later["quarantine_purged"] == 1 and relay_read(relay, quarantine.list_entries) == []


def test_an_entry_already_stored_is_replayed_without_adding_anything(
        relay, post_webhook, relay_cli_env, capsys, fault):
    def broken(*args, **kwargs):
        raise RuntimeError("fault")

    fault.setattr(apply_events, "apply_status_run", broken)
    assert post_webhook(_batch_with_a_status()).status_code == 200
    fault.undo()
    # Meta's retry (or another delivery) stored the status meanwhile.
    assert post_webhook(status("wamid.Q2", "delivered", ts=1_700_000_200)).status_code == 200
    assert len(keys_logged(relay, "status:wamid.Q2:delivered")) == 1
    code, out = run_cli(capsys, "quarantine", "replay")
    assert code == 0 and "0 new event(s), 1 already stored" in out
    assert len(keys_logged(relay, "status:wamid.Q2:delivered")) == 1
    assert relay_read(relay, quarantine.waiting_count) == 0


def test_an_item_the_parser_refuses_is_kept_and_waits_until_it_parses(
        relay, client, post_webhook, relay_cli_env, capsys):
    batch = messages([
        {"from": "491701111111", "id": "wamid.P1", "timestamp": "1700000000", "type": "text",
         "text": {"body": "eins"}},
        {"from": "491701111111", "id": "wamid.P2", "timestamp": "1700000001", "type": "text"},
    ])
    assert post_webhook(batch).status_code == 200
    assert logged_keys(relay) == ["msg:wamid.P1"]
    [waiting] = relay_read(relay, quarantine.list_entries)
    assert (waiting.kind, waiting.error) == (quarantine.UNPARSED, "InvalidWebhook")
    assert client.get("/healthz").json()["quarantine_waiting"] == 1
    # The parser still refuses it: it stays, nothing is stored.
    code, out = run_cli(capsys, "quarantine", "replay")
    assert code == 1 and "failed again (InvalidWebhook)" in out
    assert relay_read(relay, quarantine.waiting_count) == 1
    assert len(all_events(relay)) == 1
