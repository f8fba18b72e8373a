"""The log file in the user's log folder: it exists, it rotates, and no message text
(or other long text) gets into it."""

import logging

import pytest

from wadesk.desktop import logging_setup


@pytest.fixture
def log_folder(tmp_path):
    folder = tmp_path / "logs"
    logging_setup.configure(folder)
    yield folder
    logging_setup.remove(folder)


def read(folder) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return (folder / logging_setup.FILE_NAME).read_text(encoding="utf-8")


def test_records_go_to_the_file_and_long_texts_never_do(log_folder):
    secret_text = "Hallo, mein Fahrrad hat seit gestern einen Platten am Hinterrad"
    log = logging.getLogger("wadesk.desktop.test")
    log.info("connected to %s", "relay")
    log.warning("a mistaken call with %s", secret_text)
    log.warning("a mistaken call with %(text)s", {"text": secret_text})
    written = read(log_folder)
    assert "connected to relay" in written
    assert secret_text not in written and f"<text, {len(secret_text)} chars>" in written
    assert logging_setup.configure(log_folder) is logging_setup.configure(log_folder)  # once per folder

