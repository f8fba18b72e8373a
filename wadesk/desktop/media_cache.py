"""Media of the open chat, decrypted in memory: thumbnails, voice message lengths,
and opening a file in the system's viewer or player.

Reading a file from the store (one primary-key read plus AES-GCM) is quick and stays
on the UI thread, which owns the connection; decoding and scaling a photo takes tens
of milliseconds, so it runs on a worker and comes back by a signal (QImage, unlike
QPixmap, may be made off the GUI thread). Plaintext touches the disk only when the user
opens a file in another program: then it goes into a private temporary folder and is
deleted a few minutes later, and at the latest when wadesk quits. After a crash, the
next start sweeps what was left (sweep_leftover_temp_folders: wadesk-open-* and the
composer's wadesk-paste-* untouched for TEMP_LIFETIME_S; younger ones may belong to
a wadesk running now, which removes its own).

When the owner erases a customer, `drop` forgets their messages' thumbnails, lengths
and temporary copies at once (message ids are reused by SQLite, so a stale thumbnail
could otherwise show on a later message), and `delete_erased_media` unlinks their
encrypted files on the sync worker's database thread, sweeping any other orphan too.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QBuffer, QByteArray, QIODevice, QObject, QRect, QRunnable, QSize, Qt, QThreadPool, QTimer, QUrl, Signal,
)
from PySide6.QtGui import QDesktopServices, QImage, QImageReader

from wadesk.store import media_files
from wadesk.store.media_files import MediaFileError

log = logging.getLogger(__name__)

TEMP_LIFETIME_S = 10 * 60
OPEN_PREFIX = "wadesk-open-"
# A media file younger than this may belong to a row another connection has not
# committed yet (an attachment being saved): an orphan sweep leaves it alone.
ORPHAN_GRACE_S = 10 * 60
THUMB_BOX = QSize(600, 450)  # twice the bubble's photo box: sharp on high-density screens
STICKER_BOX = QSize(300, 300)


def ogg_duration(data: bytes) -> float | None:
    """The length of an Ogg Opus file from its last page's granule position (48 kHz
    samples, minus the pre-skip in the OpusHead packet); None if it is not one."""
    if not data.startswith(b"OggS"):
        return None
    head = data.find(b"OpusHead")
    last = data.rfind(b"OggS")
    if head < 0 or last < 0 or len(data) < last + 14 or len(data) < head + 12:
        return None
    granule = int.from_bytes(data[last + 6 : last + 14], "little", signed=True)
    pre_skip = int.from_bytes(data[head + 10 : head + 12], "little")
    return max(0.0, (granule - pre_skip) / 48_000) if granule >= 0 else None


def decode_thumbnail(data: bytes, sticker: bool = False) -> QImage:
    """A photo scaled (while decoding, which is fast for JPEG) to cover the bubble's
    box and cropped to it; a sticker scaled to fit, keeping its transparency."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)  # phones store photos sideways plus an EXIF turn
    size = reader.size()
    box = STICKER_BOX if sticker else THUMB_BOX
    if size.isValid():
        mode = Qt.AspectRatioMode.KeepAspectRatio if sticker else Qt.AspectRatioMode.KeepAspectRatioByExpanding
        target = size.scaled(box, mode)
        if target.width() < size.width():
            reader.setScaledSize(target)
    image = reader.read()
    if image.isNull() or sticker:
        return image
    if image.width() < box.width() or image.height() < box.height():
        image = image.scaled(box, Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                             Qt.TransformationMode.SmoothTransformation)
    x, y = (image.width() - box.width()) // 2, (image.height() - box.height()) // 2
    return image.copy(QRect(max(0, x), max(0, y), box.width(), box.height()))


def delete_erased_media(conn: Any, media_dir: Path, names: list[str]) -> int:
    """On the worker's database thread, after an erasure committed: unlink the erased
    messages' files, then any other file no message names (one left by a crash
    before this ran); the number of files removed."""
    removed = 0
    for name in names:
        try:
            if (media_dir / name).exists():
                media_files.delete_media_file(media_dir, name)
                removed += 1
        except (OSError, MediaFileError) as exc:  # its key went with the row anyway
            log.warning("could not delete an erased media file: %s", type(exc).__name__)
    return removed + media_files.remove_orphan_files(conn, media_dir, min_age_s=ORPHAN_GRACE_S)


class _Relay(QObject):
    # Lives on the GUI thread; workers emit through it, so results arrive queued.
    done = Signal(int, int, QImage, object, bool)  # message id, load number, ...


class _Decode(QRunnable):
    def __init__(self, relay: _Relay, message_id: int, load: int, data: bytes, sticker: bool,
                 audio: bool) -> None:
        super().__init__()
        self._relay, self._id, self._load, self._data = relay, message_id, load, data
        self._sticker, self._audio = sticker, audio

    def run(self) -> None:
        if self._audio:
            self._relay.done.emit(self._id, self._load, QImage(), ogg_duration(self._data), True)
        else:
            self._relay.done.emit(self._id, self._load, decode_thumbnail(self._data, self._sticker), None,
                                  False)


class MediaCache(QObject):
    """Thumbnails and audio lengths by message id, loaded on first request."""

    ready = Signal(int)  # a message's thumbnail or length is now known

    def __init__(self, conn: Any, media_dir: Path | None, parent: QObject | None = None, capacity: int = 200) -> None:
        super().__init__(parent)
        self._conn, self._media_dir = conn, media_dir
        self._images: OrderedDict[int, QImage] = OrderedDict()
        self._durations: dict[int, float | None] = {}
        self._state: dict[int, str] = {}  # "loading", "ready", "missing", "error"
        self._queue: list[tuple[int, bool, bool]] = []
        self._loads: dict[int, int] = {}  # message id -> number of its load in flight
        self._next_load = 0
        self._capacity = capacity
        self._relay = _Relay(self)
        self._relay.done.connect(self._decoded)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._temp_dir: Path | None = None
        self._temp_files: list[tuple[float, Path, int | None]] = []  # made at, path, message id
        self._sweeper = QTimer(self, interval=60_000, timeout=self._sweep)

    def state(self, message_id: int) -> str | None:
        return self._state.get(message_id)

    def thumbnail(self, message_id: int, sticker: bool = False) -> QImage | None:
        """The cached thumbnail; otherwise None, and it is loaded (`ready` follows)."""
        image = self._images.get(message_id)
        if image is not None:
            self._images.move_to_end(message_id)
            return image
        self._request(message_id, sticker, audio=False)
        return None

    def audio_duration(self, message_id: int) -> float | None:
        if message_id in self._durations:
            return self._durations[message_id]
        self._request(message_id, False, audio=True)
        return None

    def forget(self, message_id: int) -> None:
        """The message changed (downloaded, revoked): load again when asked."""
        self._images.pop(message_id, None)
        self._durations.pop(message_id, None)
        if self._state.get(message_id) != "loading":
            self._state.pop(message_id, None)

    def drop(self, message_ids: Iterable[int]) -> None:
        """These messages were erased: forget all that was decrypted of them, and
        delete the temporary plaintext copies opened in other programs."""
        gone = set(message_ids)
        if not gone:
            return
        for message_id in gone:
            self._images.pop(message_id, None)
            self._durations.pop(message_id, None)
            self._state.pop(message_id, None)
            self._loads.pop(message_id, None)  # a decode in flight is thrown away
        self._queue = [entry for entry in self._queue if entry[0] not in gone]
        keep = []
        for entry in self._temp_files:
            if entry[2] in gone:
                shutil.rmtree(entry[1].parent, ignore_errors=True)
            else:
                keep.append(entry)
        self._temp_files = keep

    def _request(self, message_id: int, sticker: bool, audio: bool) -> None:
        if message_id in self._state:
            return
        self._state[message_id] = "loading"
        self._queue.append((message_id, sticker, audio))
        if len(self._queue) == 1:
            # Not from inside a paint pass: reading a file there would stall it.
            QTimer.singleShot(0, self._drain)

    def _drain(self) -> None:
        queue, self._queue = self._queue, []
        for message_id, sticker, audio in queue:
            data = self.read(message_id)
            if data is None:
                continue
            self._next_load += 1
            self._loads[message_id] = self._next_load
            self._pool.start(_Decode(self._relay, message_id, self._next_load, data, sticker, audio))

    def read(self, message_id: int) -> bytes | None:
        """The decrypted bytes of a message's media, or None (not downloaded, damaged)."""
        if self._media_dir is None:
            self._state[message_id] = "missing"
            return None
        try:
            data = media_files.read_media(self._conn, message_id, self._media_dir)
        except MediaFileError:
            log.warning("media of message %s is damaged or missing", message_id)
            self._state[message_id] = "error"
            return None
        if data is None:
            self._state[message_id] = "missing"
        return data

    def _decoded(self, message_id: int, load: int, image: QImage, duration: float | None, audio: bool) -> None:
        if self._loads.get(message_id) != load:
            return  # erased while it was decoding (or asked again since)
        del self._loads[message_id]
        if audio:
            self._durations[message_id] = duration
            self._state[message_id] = "ready"
        elif image.isNull():
            self._state[message_id] = "error"  # not an image Qt can read
        else:
            self._images[message_id] = image
            while len(self._images) > self._capacity:
                evicted, _image = self._images.popitem(last=False)
                self._state.pop(evicted, None)  # asked again, it is loaded again
            self._state[message_id] = "ready"
        self.ready.emit(message_id)

    def wait_idle(self, msecs: int = 5000) -> bool:
        """For tests and shutdown: wait until the decoders are done."""
        return self._pool.waitForDone(msecs)

    # -- opening in another program ------------------------------------------------------

    def open_externally(self, message_id: int, filename: str) -> bool:
        """Write the media to a private temp file and open it with the system's program."""
        data = self.read(message_id)
        if data is None:
            return False
        path = self.temp_copy(data, filename, message_id)
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def temp_copy(self, data: bytes, filename: str, message_id: int | None = None) -> Path:
        if self._temp_dir is None or not self._temp_dir.is_dir():  # (swept by another wadesk's start)
            self._temp_dir = Path(tempfile.mkdtemp(prefix=OPEN_PREFIX))  # 0700 by mkdtemp
        safe = "".join(ch for ch in Path(filename).name if ch not in '<>:"/\\|?*\x00') or "file"
        folder = Path(tempfile.mkdtemp(dir=self._temp_dir))  # one folder each: names may repeat
        path = folder / safe
        path.write_bytes(data)
        self._temp_files.append((time.monotonic(), path, message_id))
        if not self._sweeper.isActive():
            self._sweeper.start()
        return path

    def save_as(self, message_id: int, target: Path) -> bool:
        data = self.read(message_id)
        if data is None:
            return False
        target.write_bytes(data)
        return True

    def _sweep(self, everything: bool = False) -> None:
        now = time.monotonic()
        keep = []
        for created, path, message_id in self._temp_files:
            if everything or now - created > TEMP_LIFETIME_S:
                shutil.rmtree(path.parent, ignore_errors=True)
            else:
                keep.append((created, path, message_id))
        self._temp_files = keep
        if not keep:
            self._sweeper.stop()

    def cleanup(self) -> None:
        """Remove every temporary plaintext copy (call when the app quits)."""
        self._sweep(everything=True)
        if self._temp_dir is not None:
            shutil.rmtree(self._temp_dir, ignore_errors=True)
            self._temp_dir = None


def _newest_change(folder: Path) -> float:
    newest = folder.lstat().st_mtime
    for parent, dirs, files in os.walk(folder):
        for name in (*dirs, *files):
            try:
                newest = max(newest, os.lstat(os.path.join(parent, name)).st_mtime)
            except OSError:
                pass
    return newest


def sweep_leftover_temp_folders(root: Path | None = None, min_age_s: float = TEMP_LIFETIME_S,
                                now: float | None = None) -> int:
    """Delete the plaintext a crashed wadesk left in the temp folder (files opened in
    another program, a pasted image); only this user's folders, and only those nothing
    has touched for `min_age_s`. Returns how many folders went."""
    from wadesk.desktop.attachments import PASTE_PREFIX

    root = Path(root) if root is not None else Path(tempfile.gettempdir())
    now = time.time() if now is None else now
    removed = 0
    try:
        entries = list(root.iterdir())
    except OSError:
        return 0
    for entry in entries:
        if not entry.name.startswith((OPEN_PREFIX, PASTE_PREFIX)):
            continue
        try:
            info = entry.lstat()
            if not entry.is_dir() or entry.is_symlink():
                continue
            if hasattr(os, "getuid") and info.st_uid != os.getuid():
                continue  # another user's (a shared /tmp): not ours to judge
            if now - _newest_change(entry) < min_age_s:
                continue
        except OSError:
            continue
        shutil.rmtree(entry, ignore_errors=True)
        removed += not entry.exists()
    if removed:
        log.info("removed %d temporary folder(s) left by an earlier run", removed)
    return removed

