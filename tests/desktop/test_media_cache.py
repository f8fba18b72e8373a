import struct
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QColor, QImage

from wadesk.desktop import media_jobs
from wadesk.desktop.media_cache import MediaCache
from wadesk.desktop.media_decode import THUMB_BOX, decode_thumbnail, ogg_duration
from wadesk.store import media_files
from wadesk.store.ingest import MediaInfo

SAMPLE_VOICE = Path(__file__).resolve().parents[2] / "wadesk" / "sim" / "media" / "sprachnachricht.ogg"


def ogg_page(granule: int, payload: bytes) -> bytes:
    return struct.pack("<4sBBqIIIB", b"OggS", 0, 0, granule, 1, 0, 0, 1) + bytes([len(payload)]) + payload


def jpeg(width: int, height: int) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#a58a68"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG")
    return bytes(buffer.data())


def test_the_length_of_a_voice_message():
    head = b"OpusHead" + bytes([1, 1]) + struct.pack("<H", 312) + b"\x80\xbb\x00\x00\x00\x00\x00"
    data = ogg_page(0, head) + ogg_page(48_000 * 7 + 312, b"\xf8\xff\xfe")
    assert ogg_duration(data) == pytest.approx(7.0)
    assert ogg_duration(b"not an ogg file") is None
    if SAMPLE_VOICE.exists():
        assert 0.5 < ogg_duration(SAMPLE_VOICE.read_bytes()) < 10


def test_thumbnails_cover_the_bubble_box():
    image = decode_thumbnail(jpeg(1600, 1200))
    assert image.size() == THUMB_BOX
    tall = decode_thumbnail(jpeg(300, 900))
    assert tall.size() == THUMB_BOX  # scaled up and cropped, never distorted
    sticker = decode_thumbnail(jpeg(512, 256), sticker=True)
    assert sticker.width() == 300 and sticker.height() == 150


def test_thumbnails_load_off_the_ui_thread_from_the_encrypted_store(qtbot, inbox, decrypting_threads):
    result = inbox.incoming("491701234567", None, type="image", media=MediaInfo("m", "image/jpeg", 1))
    media_files.save_media(inbox.conn, result.message_id, jpeg(800, 600), inbox.media_dir)
    cache = MediaCache(inbox.conn, inbox.media_dir)
    assert cache.thumbnail(result.message_id) is None  # asked: loading
    with qtbot.waitSignal(cache.ready) as blocker:
        pass
    assert blocker.args == [result.message_id]
    assert cache.thumbnail(result.message_id).size() == THUMB_BOX
    assert decrypting_threads and threading.main_thread() not in decrypting_threads
    missing = inbox.incoming("491701234567", None, type="image", media=MediaInfo("m2", "image/jpeg", 1))
    cache.thumbnail(missing.message_id)
    qtbot.waitUntil(lambda: cache.state(missing.message_id) == "missing")
    cache.wait_idle()


def test_files_opened_elsewhere_are_private_and_removed_again(qtbot, inbox, monkeypatch, decrypting_threads):
    result = inbox.incoming("491701234567", None, type="document", media=MediaInfo("m", "application/pdf", 4))
    media_files.save_media(inbox.conn, result.message_id, b"%PDF", inbox.media_dir)
    opened = []
    monkeypatch.setattr("wadesk.desktop.media_cache.QDesktopServices.openUrl", lambda url: opened.append(url) or True)
    cache = MediaCache(inbox.conn, inbox.media_dir)
    with qtbot.waitSignal(cache.busy_changed) as busy:
        assert cache.open_externally(result.message_id, "../../Kaufbeleg.pdf") is None
    assert busy.args == [True] and not opened  # decrypting and writing happen on the worker
    with qtbot.waitSignal(cache.job_done) as done:
        pass
    assert done.args[0].failure is None and not cache.busy()
    assert decrypting_threads and threading.main_thread() not in decrypting_threads
    path = Path(opened[0].toLocalFile())
    assert done.args[0].path == path
    assert path.name == "Kaufbeleg.pdf" and path.read_bytes() == b"%PDF"
    assert oct(path.parent.parent.stat().st_mode & 0o777) == "0o700"
    cache.cleanup()
    assert not path.exists() and not path.parent.parent.exists()


def test_a_file_erased_while_it_is_being_opened_is_neither_opened_nor_left_behind(qtbot, inbox, monkeypatch):
    result = inbox.incoming("491701234567", None, type="document", media=MediaInfo("m", "application/pdf", 4))
    media_files.save_media(inbox.conn, result.message_id, b"%PDF", inbox.media_dir)
    opened, done = [], []
    monkeypatch.setattr("wadesk.desktop.media_cache.QDesktopServices.openUrl", lambda url: opened.append(url) or True)
    cache = MediaCache(inbox.conn, inbox.media_dir)
    cache.job_done.connect(done.append)
    assert cache.open_externally(result.message_id, "Kaufbeleg.pdf") is None
    cache.drop([result.message_id])  # the customer is erased before the copy is written
    with qtbot.waitSignal(cache.busy_changed) as busy:
        pass
    assert busy.args == [False]
    assert not opened and not done
    assert cache._temp_dir is not None and list(cache._temp_dir.iterdir()) == []
    cache.cleanup()


def test_what_is_not_downloaded_or_damaged_is_reported(qtbot, inbox, tmp_path):
    waiting = inbox.incoming("491701234567", None, type="document", media=MediaInfo("m1", "application/pdf", 4))
    cache = MediaCache(inbox.conn, inbox.media_dir)
    assert cache.save_as(waiting.message_id, tmp_path / "x.pdf") == media_jobs.MISSING
    assert cache.open_externally(waiting.message_id, "x.pdf") == media_jobs.MISSING
    assert not cache.busy() and not (tmp_path / "x.pdf").exists()

    damaged = inbox.incoming("491701234567", None, type="document", media=MediaInfo("m2", "application/pdf", 4))
    name = media_files.save_media(inbox.conn, damaged.message_id, b"%PDF-1.7 Rechnung", inbox.media_dir)
    sealed = bytearray((inbox.media_dir / name).read_bytes())
    sealed[-1] ^= 0xFF  # one bit of the tag: AES-GCM refuses it
    (inbox.media_dir / name).write_bytes(bytes(sealed))
    assert cache.save_as(damaged.message_id, tmp_path / "y.pdf") is None
    with qtbot.waitSignal(cache.job_done) as done:
        pass
    assert done.args[0].failure == media_jobs.DAMAGED and not (tmp_path / "y.pdf").exists()
    assert list(tmp_path.glob(".y.pdf*")) == []


def test_a_copy_replaces_the_target_only_when_complete(tmp_path):
    target = tmp_path / "Rechnung.pdf"
    target.write_bytes(b"old")
    media_jobs.write_whole_file(target, b"new content")
    assert target.read_bytes() == b"new content" and sorted(p.name for p in tmp_path.iterdir()) == ["Rechnung.pdf"]
    with pytest.raises(FileNotFoundError):
        media_jobs.write_whole_file(tmp_path / "gone" / "x.pdf", b"data")
