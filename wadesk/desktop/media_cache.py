"""Media of the open chat, decrypted in memory: thumbnails, voice message lengths,
the photo viewer, opening a file in the system's program and saving a copy.

Only the lookup of a file's name and key (one primary-key read) happens on the UI
thread, which owns the connection. Reading and decrypting the file (AES-GCM over all of
it: a second for a 100 MB video) and decoding a photo run on workers and come back by
signals (QImage, unlike QPixmap, may be made off the GUI thread): thumbnails here,
viewing, opening and saving in media_jobs.py, whose results arrive as `job_done` and
whose running is shown by `busy_changed`. Plaintext touches the disk only when the user
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
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QSize, QThreadPool, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage

from wadesk.desktop.media_decode import decode_thumbnail, ogg_duration
from wadesk.desktop.media_jobs import (
    DAMAGED,
    MISSING,
    NOT_OPENED,
    OPEN,
    JobResult,
    MediaJobs,
    safe_filename,
    write_failure,
    write_whole_file,
)
from wadesk.store import media_files, sealed_media
from wadesk.store.errors import StoreError
from wadesk.store.media_files import MediaFileError
from wadesk.store.sealed_media import SealedMedia

log = logging.getLogger(__name__)

TEMP_LIFETIME_S = 10 * 60
OPEN_PREFIX = "wadesk-open-"
# A media file younger than this may belong to a row another connection has not
# committed yet (an attachment being saved): an orphan sweep leaves it alone.
ORPHAN_GRACE_S = 10 * 60
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
    done = Signal(int, int, QImage, object, bool, bool)  # message id, load number, ..., audio, readable


class _Decode(QRunnable):
    def __init__(self, relay: _Relay, message_id: int, load: int, media_dir: Path, sealed: SealedMedia,
                 sticker: bool, audio: bool) -> None:
        super().__init__()
        self._relay, self._id, self._load = relay, message_id, load
        self._media_dir, self._sealed, self._sticker, self._audio = media_dir, sealed, sticker, audio

    def run(self) -> None:
        try:
            data = sealed_media.open_sealed(self._media_dir, self._sealed)
        except (StoreError, OSError):
            self._relay.done.emit(self._id, self._load, QImage(), None, self._audio, False)
            return
        if self._audio:
            self._relay.done.emit(self._id, self._load, QImage(), ogg_duration(data), True, True)
        else:
            self._relay.done.emit(self._id, self._load, decode_thumbnail(data, self._sticker), None, False, True)


class MediaCache(QObject):
    """Thumbnails and audio lengths by message id, loaded on first request; the jobs
    that view, open or save a message's file."""

    ready = Signal(int)  # a message's thumbnail or length is now known
    job_done = Signal(object)  # JobResult of view / open_externally / save_as (not of erased messages)
    busy_changed = Signal(bool)  # True while one of those runs (the UI shows a busy cursor)

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
        self._jobs = MediaJobs(self)
        self._jobs.finished.connect(self._job_finished)
        self._in_flight: dict[int, int] = {}  # job number -> message id
        self._cancelled: set[int] = set()  # jobs whose message was erased meanwhile

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
        self._cancelled.update(job for job, message_id in self._in_flight.items() if message_id in gone)
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
            # Not from inside a paint pass: a database read there would stall it.
            QTimer.singleShot(0, self._drain)

    def _drain(self) -> None:
        queue, self._queue = self._queue, []
        for message_id, sticker, audio in queue:
            sealed, failure = self._locate(message_id)
            if sealed is None:
                self._state[message_id] = "missing" if failure == MISSING else "error"
                continue
            assert self._media_dir is not None
            self._next_load += 1
            self._loads[message_id] = self._next_load
            self._pool.start(_Decode(self._relay, message_id, self._next_load, self._media_dir, sealed, sticker,
                                     audio))

    def _locate(self, message_id: int) -> tuple[SealedMedia | None, str | None]:
        """The message's file and key (the quick part, on this thread), or a failure code."""
        if self._media_dir is None:
            return None, MISSING
        try:
            sealed = sealed_media.locate_media(self._conn, message_id)
        except StoreError as exc:
            log.warning("media of message %s cannot be looked up: %s", message_id, type(exc).__name__)
            return None, DAMAGED
        return (sealed, None) if sealed is not None else (None, MISSING)

    def _decoded(self, message_id: int, load: int, image: QImage, duration: float | None, audio: bool,
                 readable: bool) -> None:
        if self._loads.get(message_id) != load:
            return  # erased while it was decoding (or asked again since)
        del self._loads[message_id]
        if not readable:
            log.warning("media of message %s is damaged or missing", message_id)
            self._state[message_id] = "error"
        elif audio:
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
        """For tests and shutdown: wait until the decoders and media jobs are done."""
        return self._pool.waitForDone(msecs) and self._jobs.wait_idle(msecs)

    # -- viewing, opening in another program, saving a copy ------------------------------
    # Each returns a failure code known at once (MISSING: not downloaded), or None: the
    # job runs, and its JobResult follows as `job_done`.

    def view(self, message_id: int, limit: QSize) -> str | None:
        """Decrypt and decode a photo for the viewer, scaled to fit `limit`."""
        sealed, failure = self._locate(message_id)
        if sealed is None:
            return failure
        assert self._media_dir is not None
        self._track(self._jobs.view(message_id, self._media_dir, sealed, limit), message_id)
        return None

    def open_externally(self, message_id: int, filename: str) -> str | None:
        """Write the media to a private temp file and open it with the system's program."""
        sealed, failure = self._locate(message_id)
        if sealed is None:
            return failure
        assert self._media_dir is not None
        try:
            temp_dir = self._private_temp_dir()
        except OSError as exc:
            return write_failure(exc)
        self._track(self._jobs.open_copy(message_id, self._media_dir, sealed, temp_dir, filename), message_id)
        return None

    def save_as(self, message_id: int, target: Path) -> str | None:
        """Write a decrypted copy to `target`, whole or not at all."""
        sealed, failure = self._locate(message_id)
        if sealed is None:
            return failure
        assert self._media_dir is not None
        self._track(self._jobs.save(message_id, self._media_dir, sealed, Path(target)), message_id)
        return None

    def busy(self) -> bool:
        return bool(self._in_flight)

    def _track(self, job: int, message_id: int) -> None:
        self._in_flight[job] = message_id
        if len(self._in_flight) == 1:
            self.busy_changed.emit(True)

    def _job_finished(self, result: JobResult) -> None:
        known = self._in_flight.pop(result.job, None) is not None
        wanted = known and result.job not in self._cancelled
        self._cancelled.discard(result.job)
        if result.action == OPEN and result.path is not None:
            if not wanted:  # erased meanwhile, or wadesk is closing: no plaintext stays
                shutil.rmtree(result.path.parent, ignore_errors=True)
            else:
                self._remember_temp_file(result.path, result.message_id)
                if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path))):
                    result = replace(result, failure=NOT_OPENED)
        if known and not self._in_flight:
            self.busy_changed.emit(False)
        if wanted:
            self.job_done.emit(result)

    def _private_temp_dir(self) -> Path:
        if self._temp_dir is None or not self._temp_dir.is_dir():  # (swept by another wadesk's start)
            self._temp_dir = Path(tempfile.mkdtemp(prefix=OPEN_PREFIX))  # 0700 by mkdtemp
        return self._temp_dir

    def _remember_temp_file(self, path: Path, message_id: int | None) -> None:
        self._temp_files.append((time.monotonic(), path, message_id))
        if not self._sweeper.isActive():
            self._sweeper.start()

    def temp_copy(self, data: bytes, filename: str, message_id: int | None = None) -> Path:
        """Plaintext already in memory (small) as a private temporary file, removed like
        those the jobs write."""
        folder = Path(tempfile.mkdtemp(dir=self._private_temp_dir()))  # one folder each: names may repeat
        path = folder / safe_filename(filename)
        write_whole_file(path, data, mode=0o600)
        self._remember_temp_file(path, message_id)
        return path

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
        """Remove every temporary plaintext copy (call when the app quits). A copy being
        written is waited for; the results still on their way are thrown away."""
        self._jobs.wait_idle()
        self._cancelled.update(self._in_flight)
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

