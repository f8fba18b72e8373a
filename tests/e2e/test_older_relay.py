"""A relay from before GET /api/v1/templates (and before presence): the desktop works
with it, offers no templates, and shows no error."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import RelayHandle
from tests.relay.conftest import make_relay_config
from wadesk.relay import templates_api

WAIT = 10_000


@pytest.fixture
def relay(tmp_path: Path, sim, monkeypatch) -> Iterator[RelayHandle]:
    monkeypatch.setattr(templates_api, "routes", lambda ctx: [])  # the route did not exist yet
    handle = RelayHandle(sim, make_relay_config(tmp_path / "relay", sim))
    handle.start()
    yield handle
    handle.stop()


def test_no_templates_endpoint_means_no_templates_and_no_error(desktop, relay_api, qtbot, caplog):
    caplog.set_level(logging.INFO)
    lena = desktop("Lena")
    assert relay_api(lena.token).get("/api/v1/templates").status_code == 404
    with qtbot.waitSignal(lena.worker.templates_loaded, timeout=WAIT) as loaded:
        lena.worker.refresh_templates()
    assert loaded.args == [[]]
    assert lena.window.templates == []
    assert lena.window._state == "online"
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert "templates not fetched" not in caplog.text
