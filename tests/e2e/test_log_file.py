"""The log file after a real conversation (relay and simulator in-process) holds no
message text and no token."""

import logging

import pytest

from wadesk.desktop import logging_setup

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def log_folder(tmp_path):
    folder = tmp_path / "logs"
    logging_setup.configure(folder)
    yield folder
    logging_setup.remove(folder)


def test_a_conversation_leaves_no_message_text_in_the_log(log_folder, desktop, sim_api, qtbot):
    text = "Bitte ruft mich wegen der Reparatur an"
    lena = desktop("Lena")
    sim_api.post("/customers/jonas/say", json={"type": "text", "text": text}).raise_for_status()
    qtbot.waitUntil(lambda: lena.window.list_model.rowCount() == 1, timeout=10_000)
    for handler in logging.getLogger().handlers:
        handler.flush()
    written = (log_folder / logging_setup.FILE_NAME).read_text(encoding="utf-8")
    assert "relay" in written  # the relay's start and the logins were logged
    assert text not in written and lena.token not in written
