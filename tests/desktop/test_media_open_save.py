"""Opening and saving a customer's file from the chat, in the running inbox over a real
encrypted profile: decrypted on a worker while a busy cursor shows, the copy equal to
what the customer sent, and every failure told in words (not downloaded yet, damaged,
a folder wadesk may not write to, a write cut short) with no half file left behind."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QFileDialog

from tests.desktop.conftest import Inbox as StoreWriter
from tests.desktop.offline_inbox import start_inbox_fixture  # noqa: F401  (the fixture start_inbox)
from wadesk.desktop import media_jobs
from wadesk.desktop.dialogs.image_viewer import ImageViewer
from wadesk.store import media_files, sealed_media
from wadesk.store.ingest import MediaInfo

JONAS = "4915112345678"


@pytest.fixture
def decrypting_threads(decrypting_threads, monkeypatch):
    """As conftest's, and the one-step read on the UI's connection is never used."""
    monkeypatch.setattr(media_files, "read_media", lambda *args: pytest.fail("decrypted on the UI's connection"))
    return decrypting_threads


@pytest.fixture
def chat(start_inbox):
    """Jonas's conversation, open, with the files given to `add` (before it opens)."""

    class Chat:
        def __init__(self) -> None:
            self.inbox = start_inbox()
            self.writer = StoreWriter(self.inbox.conn, self.inbox.paths.media)
            self.page = self.inbox.window.chat_page

        def add(self, kind: str, filename: str | None, data: bytes | None, mime: str = "application/pdf") -> int:
            result = self.writer.incoming(JONAS, None, name="Jonas", type=kind,
                                          media=MediaInfo(f"m{filename}", mime, len(data or b""), filename))
            if data is not None:
                media_files.save_media(self.inbox.conn, result.message_id, data, self.inbox.paths.media)
            return result.message_id

        def open(self) -> None:
            self.inbox.window.list_model.reload()
            self.inbox.window.open_conversation(self.writer.conversation_id(JONAS))

    return Chat()


def choose_save_target(monkeypatch, target: Path) -> list[str]:
    """The user picks `target` in the save dialog; the suggested names are kept."""
    suggested = []

    def dialog(parent, caption, name):
        suggested.append(name)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    return suggested


def notice_text(page) -> str:
    assert page.media_notice is not None and page.media_notice.isVisible()
    return page.media_notice.text()


def jpeg(width: int, height: int) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#2f6f9f"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG")
    return bytes(buffer.data())


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder no file can be created in, also for root (where the mode bits do not
    stop it, the immutable attribute does)."""
    folder = tmp_path / "schreibgeschuetzt"
    folder.mkdir()
    folder.chmod(0o555)
    immutable = False
    if _writable(folder) and shutil.which("chattr"):
        immutable = subprocess.run(["chattr", "+i", str(folder)], check=False, capture_output=True).returncode == 0
    if _writable(folder):
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(0o755)
        pytest.skip("no way to make a read-only folder here")
    yield folder
    if immutable:
        subprocess.run(["chattr", "-i", str(folder)], check=True)
    folder.chmod(0o755)


def _writable(folder: Path) -> bool:
    probe = folder / "probe"
    try:
        probe.write_bytes(b"")
    except OSError:
        return False
    probe.unlink()
    return True


def test_saving_a_document_writes_the_original_bytes_off_the_ui_thread(chat, qtbot, monkeypatch, tmp_path,
                                                                       decrypting_threads):
    original = os.urandom(3 * 1024 * 1024)
    message_id = chat.add("document", "Rechnung 2024-117.pdf", original)
    chat.open()
    target = tmp_path / "Ablage" / "Rechnung.pdf"
    target.parent.mkdir()
    suggested = choose_save_target(monkeypatch, target)

    with qtbot.waitSignal(chat.page.media.job_done) as done:
        chat.page.save_media(message_id)
        assert QApplication.overrideCursor().shape() == Qt.CursorShape.BusyCursor  # the UI is not blocked
    assert suggested == ["Rechnung 2024-117.pdf"]
    assert done.args[0].failure is None and QApplication.overrideCursor() is None
    assert target.read_bytes() == original
    assert [p.name for p in target.parent.iterdir()] == ["Rechnung.pdf"]  # no partial file left
    assert decrypting_threads and threading.main_thread() not in decrypting_threads
    assert chat.page.media_notice is None  # nothing to complain about


def test_a_save_into_a_read_only_folder_says_so_and_writes_nothing(chat, qtbot, monkeypatch, read_only_folder):
    message_id = chat.add("document", "Angebot.pdf", b"%PDF-1.7 Angebot")
    chat.open()
    choose_save_target(monkeypatch, read_only_folder / "Angebot.pdf")

    with qtbot.waitSignal(chat.page.media.job_done):
        chat.page.save_media(message_id)
    assert "may not write to this folder" in notice_text(chat.page)
    assert chat.page.media_notice.windowTitle() == "Not saved"
    assert list(read_only_folder.iterdir()) == []
    assert QApplication.overrideCursor() is None


@pytest.mark.skipif(sys.platform == "win32", reason="file size limits are a POSIX feature")
def test_a_save_cut_short_keeps_the_old_file_and_leaves_no_half_one(chat, qtbot, monkeypatch, tmp_path):
    import resource

    message_id = chat.add("document", "Katalog.pdf", os.urandom(2 * 1024 * 1024))
    chat.open()
    target = tmp_path / "Katalog.pdf"
    target.write_bytes(b"the catalogue saved last year")
    choose_save_target(monkeypatch, target)

    # Writes past 1 MB fail with EFBIG, as on a full disk they fail with ENOSPC
    # (Python ignores SIGXFSZ, so the write returns an error instead of a signal).
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (1024 * 1024, hard))
    try:
        with qtbot.waitSignal(chat.page.media.job_done) as done:
            chat.page.save_media(message_id)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    assert done.args[0].failure == media_jobs.NOT_WRITTEN
    assert notice_text(chat.page) == "The file could not be saved to this folder."
    assert target.read_bytes() == b"the catalogue saved last year"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith((".Katalog", "Katalog"))] == ["Katalog.pdf"]


def test_write_errors_are_told_in_plain_categories():
    assert media_jobs.write_failure(OSError(errno.ENOSPC, "No space left on device")) == media_jobs.NO_SPACE
    assert media_jobs.write_failure(PermissionError(errno.EACCES, "Permission denied")) == media_jobs.NO_PERMISSION
    assert media_jobs.write_failure(OSError(errno.EROFS, "Read-only file system")) == media_jobs.NO_PERMISSION
    assert media_jobs.write_failure(OSError(errno.EIO, "Input/output error")) == media_jobs.NOT_WRITTEN


def test_a_file_not_downloaded_yet_says_so_instead_of_opening_or_saving(chat, qtbot, monkeypatch):
    message_id = chat.add("document", "Lieferschein.pdf", None)
    chat.open()
    suggested = choose_save_target(monkeypatch, Path("/nowhere/Lieferschein.pdf"))

    chat.page.open_media(message_id)
    assert "has not been downloaded yet" in notice_text(chat.page)
    chat.page.media_notice.close()
    chat.page.save_media(message_id)
    assert "has not been downloaded yet" in notice_text(chat.page)
    assert suggested == []  # not asked where to save what is not there
    assert not chat.page.media.busy() and QApplication.overrideCursor() is None


def test_a_damaged_file_says_it_cannot_be_decrypted(chat, qtbot):
    message_id = chat.add("document", "Vertrag.pdf", b"%PDF-1.7 Vertrag")
    name = sealed_media.locate_media(chat.inbox.conn, message_id).name
    path = chat.inbox.paths.media / name
    sealed = bytearray(path.read_bytes())
    sealed[20] ^= 0x01
    path.write_bytes(bytes(sealed))
    chat.open()

    with qtbot.waitSignal(chat.page.media.job_done):
        chat.page.open_media(message_id)
    assert "damaged or cannot be decrypted" in notice_text(chat.page)
    assert chat.page.media_notice.windowTitle() == "Cannot open the file"


def test_a_document_opens_in_the_system_program_from_a_private_copy(chat, qtbot, monkeypatch, decrypting_threads):
    original = os.urandom(256 * 1024)
    message_id = chat.add("document", "Explosionszeichnung.pdf", original)
    chat.open()
    opened = []
    monkeypatch.setattr("wadesk.desktop.media_cache.QDesktopServices.openUrl", lambda url: opened.append(url) or True)

    with qtbot.waitSignal(chat.page.media.job_done):
        chat.page.open_media(message_id)
    path = Path(opened[0].toLocalFile())
    assert path.name == "Explosionszeichnung.pdf" and path.read_bytes() == original
    assert threading.main_thread() not in decrypting_threads
    assert chat.page.media_notice is None

    monkeypatch.setattr("wadesk.desktop.media_cache.QDesktopServices.openUrl", lambda url: False)
    with qtbot.waitSignal(chat.page.media.job_done):
        chat.page.open_media(message_id)
    assert "Try “Save as…” instead" in notice_text(chat.page)


def test_the_image_viewer_opens_the_photo(chat, qtbot, decrypting_threads):
    message_id = chat.add("image", "Rahmen.jpg", jpeg(1600, 1200), mime="image/jpeg")
    chat.open()

    with qtbot.waitSignal(chat.page.media.job_done) as done:
        chat.page.open_media(message_id)
    assert done.args[0].image is not None and not done.args[0].image.isNull()
    viewer = chat.page.findChild(ImageViewer)
    assert viewer is not None and viewer.isVisible()
    assert viewer.windowTitle() == "Rahmen.jpg"
    pixmap = viewer.label.pixmap()
    assert not pixmap.isNull() and pixmap.width() / pixmap.height() == pytest.approx(4 / 3, abs=0.01)
    assert threading.main_thread() not in decrypting_threads
    viewer.close()


def test_a_video_bubble_does_not_decrypt_its_file_for_a_thumbnail(chat, qtbot, decrypting_threads):
    video_id = chat.add("video", "Probefahrt.mp4", b"\x00\x00\x00\x18ftypmp42" + os.urandom(64 * 1024),
                        mime="video/mp4")
    photo_id = chat.add("image", "Sattel.jpg", jpeg(800, 600), mime="image/jpeg")
    chat.open()
    media = chat.page.media

    qtbot.waitUntil(lambda: media.thumbnail(photo_id) is not None, timeout=5_000)
    chat.page.view.viewport().repaint()
    assert media.state(video_id) is None  # never asked for: no "cannot be shown" under a video
    assert len(decrypting_threads) == 1  # the photo's
