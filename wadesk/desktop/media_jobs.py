"""Viewing, opening and saving a message's media on a worker thread.

Reading and decrypting a whole file (AES-GCM) takes about a second for a 100 MB
document, and writing it out again as long: too long for the UI thread. The UI thread
only looks the file's name and key up (sealed_media.locate_media, one primary-key read
on its own connection); a job on the worker reads and decrypts the file, then decodes
the photo for the viewer, writes the temporary copy for the system's program, or writes
the copy the user saves. Every job ends in exactly one `finished` signal with a
JobResult: the image, the path written, or a failure code the UI puts in words.

Writes never leave half a file under the target's name: the data goes to a hidden
sibling first, which replaces the target only when it is complete and is removed when
anything fails (disk full, no permission).
"""

from __future__ import annotations

import errno
import itertools
import logging
import os
import secrets
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QSize, QThreadPool, Signal
from PySide6.QtGui import QImage

from wadesk.desktop.media_decode import decode_for_viewer
from wadesk.store import sealed_media
from wadesk.store.errors import StoreError
from wadesk.store.sealed_media import SealedMedia

log = logging.getLogger(__name__)

VIEW, OPEN, SAVE = "view", "open", "save"

# Failure codes (the UI words them, translated).
MISSING = "missing"  # no local file yet: not downloaded
DAMAGED = "damaged"  # the file is gone, damaged or cannot be decrypted
NO_SPACE = "no_space"  # writing failed: the disk is full
NO_PERMISSION = "no_permission"  # writing failed: not allowed there (or a read-only disk)
NOT_WRITTEN = "not_written"  # writing failed for another reason
NOT_OPENED = "not_opened"  # the system has no program for the file

_NO_PERMISSION_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}
_NO_SPACE_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


@dataclass(frozen=True, slots=True)
class JobResult:
    job: int
    message_id: int
    action: str  # VIEW, OPEN or SAVE
    image: QImage | None = None  # VIEW: the photo, scaled to fit the screen (null if unreadable)
    path: Path | None = None  # OPEN: the temporary copy; SAVE: the saved file
    failure: str | None = None  # one of the codes above


def write_failure(exc: OSError) -> str:
    if isinstance(exc, PermissionError) or exc.errno in _NO_PERMISSION_ERRNOS:
        return NO_PERMISSION
    if exc.errno in _NO_SPACE_ERRNOS:
        return NO_SPACE
    return NOT_WRITTEN


def write_whole_file(target: Path, data: bytes, mode: int = 0o666) -> None:
    """Write `data` as `target` (replacing it) or leave the folder as it was; `mode`
    before the umask."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _attempt in range(10):
        part = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
        try:
            fd = os.open(part, flags, mode)
            break
        except FileExistsError:
            continue
    else:
        raise FileExistsError(errno.EEXIST, "no free name for a partial file", str(target.parent))
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(part, target)
    except BaseException:
        part.unlink(missing_ok=True)
        raise


def safe_filename(filename: str) -> str:
    """A name from a message (a customer chose it) reduced to one harmless path part."""
    return "".join(ch for ch in Path(filename).name if ch not in '<>:"/\\|?*\x00').strip(" .") or "file"


class _Relay(QObject):
    # Lives on the GUI thread; the worker emits through it, so results arrive queued.
    done = Signal(object)  # JobResult


class _Job(QRunnable):
    def __init__(self, relay: _Relay, job: int, message_id: int, action: str, media_dir: Path,
                 sealed: SealedMedia, **details: object) -> None:
        super().__init__()
        self._relay, self._job, self._message_id, self._action = relay, job, message_id, action
        self._media_dir, self._sealed, self._details = media_dir, sealed, details

    def run(self) -> None:
        try:
            result = self._run()
        except Exception as exc:  # noqa: BLE001 - a bug: still one answer, so the UI never waits forever
            log.error("a media job failed: %s", type(exc).__name__)
            result = self._result(failure=DAMAGED)
        self._relay.done.emit(result)

    def _result(self, **fields: object) -> JobResult:
        return JobResult(self._job, self._message_id, self._action, **fields)

    def _run(self) -> JobResult:
        try:
            data = sealed_media.open_sealed(self._media_dir, self._sealed)
        except (StoreError, OSError) as exc:
            log.warning("media of message %s cannot be read: %s", self._message_id, type(exc).__name__)
            return self._result(failure=DAMAGED)
        if self._action == VIEW:
            return self._result(image=decode_for_viewer(data, self._details["limit"]))
        if self._action == OPEN:
            return self._write_temp_copy(data)
        target = Path(self._details["target"])
        try:
            write_whole_file(target, data)
        except OSError as exc:
            log.warning("a saved copy could not be written: %s", type(exc).__name__)
            return self._result(failure=write_failure(exc))
        return self._result(path=target)

    def _write_temp_copy(self, data: bytes) -> JobResult:
        # One folder per copy inside the private (0700) temporary folder: names may repeat.
        folder: Path | None = None
        try:
            folder = Path(tempfile.mkdtemp(dir=self._details["temp_dir"]))
            path = folder / safe_filename(str(self._details["filename"]))
            write_whole_file(path, data, mode=0o600)
        except OSError as exc:
            log.warning("a temporary copy could not be written: %s", type(exc).__name__)
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)
            return self._result(failure=write_failure(exc))
        return self._result(path=path)


class MediaJobs(QObject):
    """Runs media jobs one at a time on a worker thread (a user waits for each)."""

    finished = Signal(object)  # JobResult, on the GUI thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._relay = _Relay(self)
        self._relay.done.connect(self.finished)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._numbers = itertools.count(1)

    def view(self, message_id: int, media_dir: Path, sealed: SealedMedia, limit: QSize) -> int:
        return self._start(message_id, VIEW, media_dir, sealed, limit=QSize(limit))

    def open_copy(self, message_id: int, media_dir: Path, sealed: SealedMedia, temp_dir: Path,
                  filename: str) -> int:
        return self._start(message_id, OPEN, media_dir, sealed, temp_dir=temp_dir, filename=filename)

    def save(self, message_id: int, media_dir: Path, sealed: SealedMedia, target: Path) -> int:
        return self._start(message_id, SAVE, media_dir, sealed, target=target)

    def _start(self, message_id: int, action: str, media_dir: Path, sealed: SealedMedia, **details: object) -> int:
        job = next(self._numbers)
        self._pool.start(_Job(self._relay, job, message_id, action, media_dir, sealed, **details))
        return job

    def wait_idle(self, msecs: int = 30_000) -> bool:
        return self._pool.waitForDone(msecs)
