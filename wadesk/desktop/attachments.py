"""Checking a file before it is offered for sending, with Meta's own types and limits
(wadesk.cloud.media), so the user hears at once and in plain words why a file cannot
go out, instead of an upload error minutes later.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMimeDatabase

from wadesk.cloud.errors import CloudValidationError
from wadesk.cloud.media import SUPPORTED_MEDIA, MediaKind, base_mime, check_upload
from wadesk.desktop import formatting


@dataclass(frozen=True, slots=True)
class Attachment:
    path: Path
    mime: str
    size: int
    kind: MediaKind

    @property
    def message_type(self) -> str:
        """The Cloud API message type this file is sent as."""
        return "image" if self.kind is MediaKind.IMAGE else str(self.kind.value)


PASTE_PREFIX = "wadesk-paste-"  # a pasted image waits here, in plaintext, until sent or dropped


def new_paste_folder() -> Path:
    """A private (0700) folder for a pasted image; remove_paste_folder() deletes it
    when the image is sent or dropped, the start sweep (media_cache) after a crash."""
    return Path(tempfile.mkdtemp(prefix=PASTE_PREFIX))


def remove_paste_folder(folder: Path | None) -> None:
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)


def _kind_words(kind: MediaKind) -> str:
    return {
        MediaKind.IMAGE: QCoreApplication.translate("attachments", "photos"),
        MediaKind.VIDEO: QCoreApplication.translate("attachments", "videos"),
        MediaKind.AUDIO: QCoreApplication.translate("attachments", "audio files"),
        MediaKind.DOCUMENT: QCoreApplication.translate("attachments", "documents"),
        MediaKind.STICKER: QCoreApplication.translate("attachments", "stickers"),
    }.get(kind, "")


def mime_of(path: Path) -> str:
    # By content first (a renamed .exe stays an .exe), the name only as a tie-break.
    return QMimeDatabase().mimeTypeForFile(str(path)).name()


def check_attachment(path: str | os.PathLike[str]) -> Attachment | str:
    """The file as an Attachment, or the sentence telling the user why it cannot go."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
    except OSError:
        return QCoreApplication.translate("attachments", "“%1” cannot be read.").replace("%1", name)
    if not path.is_file():
        return QCoreApplication.translate("attachments", "“%1” is a folder, not a file.").replace("%1", name)
    mime = base_mime(mime_of(path))
    entry = SUPPORTED_MEDIA.get(mime)
    if entry is None:
        return QCoreApplication.translate(
            "attachments",
            "WhatsApp does not accept this kind of file (“%1”). You can send photos (JPEG, PNG), "
            "videos (MP4, 3GP), audio, PDF, Word, Excel, PowerPoint and text files.",
        ).replace("%1", name)
    kind, limit = entry
    if size <= 0:
        return QCoreApplication.translate("attachments", "“%1” is empty.").replace("%1", name)
    if size > limit:
        return (
            QCoreApplication.translate("attachments", "“%1” is %2; WhatsApp accepts %3 up to %4.")
            .replace("%1", name)
            .replace("%2", formatting.file_size(size))
            .replace("%3", _kind_words(kind))
            .replace("%4", formatting.file_size(limit))
        )
    try:
        check_upload(mime, size)  # the client's own check stays the authority
    except CloudValidationError as exc:
        return str(exc)
    return Attachment(path, mime, size, kind)
