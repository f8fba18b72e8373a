"""GET /healthz: figures only, never a secret."""

from __future__ import annotations

from tests.relay.conftest import APP_SECRET, TOKEN, VERIFY_TOKEN
from tests.relay.payloads import text_message


def test_healthz_reports_figures_without_secrets(relay, client, post_webhook, relay_config):
    post_webhook(text_message("wamid.H1"))
    answer = client.get("/healthz")
    assert answer.status_code == 200
    body = answer.json()
    assert body["status"] == "ok" and body["latest_seq"] == 1
    assert body["stats"]["webhook_200"] == 1 and body["stats"]["events_stored"] == 1
    text = answer.text
    for secret in (APP_SECRET, TOKEN, VERIFY_TOKEN, relay_config.db_key.hex(),
                   relay_config.phone_number_ids[0], "491701111111", "Hallo"):
        assert secret not in text


def test_logs_carry_ids_never_texts_or_tokens(relay, post_webhook, client, caplog):
    import logging

    from wadesk.relay.logs import JsonFormatter

    caplog.set_level(logging.DEBUG)
    post_webhook(text_message("wamid.L1", "Geheime Nachricht", phone_number_id="999"))
    post_webhook(text_message("wamid.L2", "Noch geheimer"))
    client.post("/webhook", content=b"{}", headers={"Content-Type": "application/json",
                                                     "X-Hub-Signature-256": "sha256=" + "0" * 64})
    client.get("/api/v1/sync", headers={"Authorization": "Bearer wdt_" + "x" * 43})
    formatter = JsonFormatter()
    lines = [formatter.format(record) for record in caplog.records]
    assert any("999" in line for line in lines)  # the ignored number is named
    joined = "\n".join(lines)
    for secret in ("Geheime", "geheimer", APP_SECRET, TOKEN, "wdt_"):
        assert secret not in joined


def test_a_logged_exception_names_its_type_and_place_never_its_text():
    """log.exception anywhere in the relay: the exception's own text (which may hold a
    message or a token) stays out of the log line."""
    import json
    import logging

    from wadesk.relay.logs import JsonFormatter

    def failing_send() -> None:
        raise ValueError("Ihr Auftrag ist fertig, Frau Weber (token wdt_secret)")

    try:
        failing_send()
    except ValueError:
        record = logging.getLogger("wadesk.relay.sender").makeRecord(
            "wadesk.relay.sender", logging.ERROR, __file__, 1, "send call raised", (),
            __import__("sys").exc_info())
    line = JsonFormatter().format(record)
    entry = json.loads(line)
    assert entry["exception"] == "ValueError"
    assert "test_health.py" in entry["frames"] and "failing_send" in entry["frames"]
    assert "Weber" not in line and "wdt_" not in line and "Auftrag" not in line
