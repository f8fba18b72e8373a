"""Plaintext on disk is short-lived: a pasted image's folder goes when the image is sent,
dropped or the window closes, and what a crashed run left (wadesk-open-*, wadesk-paste-*)
is swept at the next start."""

import os
import tempfile
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QImage

from tests.desktop.offline_inbox import start_inbox_fixture  # noqa: F401  (the fixture start_inbox)
from wadesk.desktop.attachments import PASTE_PREFIX
from wadesk.desktop.media_cache import OPEN_PREFIX, TEMP_LIFETIME_S, sweep_leftover_temp_folders
from wadesk.desktop.views.composer import Composer


@pytest.fixture
def composer(english, qtbot):
    widget = Composer()
    qtbot.addWidget(widget)
    widget.setMinimumSize(600, 100)
    widget.resize(700, 160)
    widget.show()
    return widget


def paste_image(composer: Composer) -> Path:
    mime = QMimeData()
    image = QImage(20, 20, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.red)
    mime.setImageData(image)
    composer.edit.insertFromMimeData(mime)
    assert composer.attachment is not None
    path = composer.attachment.path
    assert path.exists() and path.parent.name.startswith(PASTE_PREFIX)
    return path


def test_a_pasted_image_leaves_no_folder_when_dropped_sent_replaced_or_closed(composer, qtbot, tmp_path):
    dropped = paste_image(composer)
    composer.clear_attachment()  # the × on the attachment strip
    assert not dropped.parent.exists()

    sent = paste_image(composer)
    with qtbot.waitSignal(composer.send_media):
        composer.submit()
    assert not sent.parent.exists()

    replaced = paste_image(composer)
    photo = tmp_path / "rad.png"
    QImage(40, 30, QImage.Format.Format_RGB32).save(str(photo))
    assert composer.attach_file(str(photo))
    assert not replaced.parent.exists() and photo.exists()  # the user's own file stays
    composer.clear_attachment()
    assert photo.exists()

    left_open = paste_image(composer)
    composer.cleanup()  # the main window closes
    assert not left_open.parent.exists()


def test_the_start_sweeps_what_a_crashed_run_left_but_not_a_running_ones(tmp_path):
    now = time.time()
    old_open = tmp_path / f"{OPEN_PREFIX}crashed"
    (old_open / "x1").mkdir(parents=True)
    (old_open / "x1" / "Kaufbeleg.pdf").write_bytes(b"%PDF")
    old_paste = tmp_path / f"{PASTE_PREFIX}crashed"
    old_paste.mkdir()
    (old_paste / "pasted-image.png").write_bytes(b"png")
    running = tmp_path / f"{OPEN_PREFIX}running"
    (running / "x2").mkdir(parents=True)
    (running / "x2" / "Angebot.pdf").write_bytes(b"%PDF")
    other = tmp_path / "someone-elses"
    other.mkdir()
    long_ago = now - TEMP_LIFETIME_S - 60
    for path in (old_open / "x1" / "Kaufbeleg.pdf", old_open / "x1", old_open,
                 old_paste / "pasted-image.png", old_paste, running, other):
        os.utime(path, (long_ago, long_ago))  # `running` got a new file a moment ago

    assert sweep_leftover_temp_folders(tmp_path, now=now) == 2
    assert not old_open.exists() and not old_paste.exists()
    assert (running / "x2" / "Angebot.pdf").exists() and other.exists()


def test_the_inbox_sweeps_at_start(start_inbox, monkeypatch, tmp_path):
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))  # the system's temp folder, for this test
    leftover = temp / f"{PASTE_PREFIX}crashed"
    leftover.mkdir()
    (leftover / "pasted-image.png").write_bytes(b"png")
    long_ago = time.time() - TEMP_LIFETIME_S - 60
    os.utime(leftover / "pasted-image.png", (long_ago, long_ago))
    os.utime(leftover, (long_ago, long_ago))
    start_inbox()
    assert not leftover.exists()
