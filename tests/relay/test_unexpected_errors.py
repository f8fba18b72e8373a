"""An unexpected exception in a handler: one 500 in the relay's JSON shape, logged once,
by type and place only (a traceback's values could carry a message text)."""

from __future__ import annotations

import logging

from wadesk.store import quick_replies


def test_a_500_is_logged_once_without_traceback_or_values(relay, client, team, monkeypatch,
                                                          caplog):
    def broken(conn):
        customer_text = "Geheimer Kundentext"  # noqa: F841 - a local a traceback would show
        raise RuntimeError("Geheimer Kundentext")

    monkeypatch.setattr(quick_replies, "list_quick_replies", broken)
    caplog.set_level(logging.DEBUG)
    answer = client.get("/api/v1/quick-replies", headers=team.headers("agent"))
    assert answer.status_code == 500
    assert answer.json()["error"]["code"] == "internal"
    assert "Geheim" not in answer.text
    # The connection survives: the next request on it is answered normally.
    assert client.get("/healthz").status_code == 200

    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1, [r.getMessage() for r in errors]
    [record] = errors
    assert record.exc_info is None and record.exc_text is None
    assert record.error == "RuntimeError"
    assert record.at.startswith("tests/relay/test_unexpected_errors.py:") or \
        record.at.endswith("test_unexpected_errors.py:" + record.at.rsplit(":", 1)[1])
    assert all("Geheim" not in str(value) for r in caplog.records
               for value in (r.getMessage(), *vars(r).values()))
