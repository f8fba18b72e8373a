"""Media: the documented types and sizes, the info Meta returns, and integrity checks.

Uploaded media lives 30 days at Meta, media ids from incoming webhooks only 7 days, and
a download URL 5 minutes: download promptly, and fetch a fresh URL when one has expired.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from wadesk.cloud._enum import LenientEnum
from wadesk.cloud.errors import CloudValidationError, MalformedResponseError

KB = 1024
MB = 1024 * KB


class MediaKind(LenientEnum):
    AUDIO = "audio"
    DOCUMENT = "document"
    IMAGE = "image"
    STICKER = "sticker"
    VIDEO = "video"
    UNKNOWN = "unknown"


# mime type -> (kind, maximum bytes), from Meta's supported-media table.
SUPPORTED_MEDIA: dict[str, tuple[MediaKind, int]] = {
    "audio/aac": (MediaKind.AUDIO, 16 * MB),
    "audio/amr": (MediaKind.AUDIO, 16 * MB),
    "audio/mpeg": (MediaKind.AUDIO, 16 * MB),
    "audio/mp4": (MediaKind.AUDIO, 16 * MB),
    "audio/ogg": (MediaKind.AUDIO, 16 * MB),
    "text/plain": (MediaKind.DOCUMENT, 100 * MB),
    "application/pdf": (MediaKind.DOCUMENT, 100 * MB),
    "application/msword": (MediaKind.DOCUMENT, 100 * MB),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document":
        (MediaKind.DOCUMENT, 100 * MB),
    "application/vnd.ms-excel": (MediaKind.DOCUMENT, 100 * MB),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":
        (MediaKind.DOCUMENT, 100 * MB),
    "application/vnd.ms-powerpoint": (MediaKind.DOCUMENT, 100 * MB),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation":
        (MediaKind.DOCUMENT, 100 * MB),
    "image/jpeg": (MediaKind.IMAGE, 5 * MB),
    "image/png": (MediaKind.IMAGE, 5 * MB),
    # Static stickers may have 100 KB, animated ones 500 KB; which one this is only the
    # WebP header tells, so the larger limit is checked here and Meta checks the rest.
    "image/webp": (MediaKind.STICKER, 500 * KB),
    "video/mp4": (MediaKind.VIDEO, 16 * MB),
    "video/3gpp": (MediaKind.VIDEO, 16 * MB),
}


def base_mime(mime_type: str) -> str:
    """'audio/ogg; codecs=opus' -> 'audio/ogg'."""
    return mime_type.split(";", 1)[0].strip().lower()


def check_upload(mime_type: str, size: int) -> MediaKind:
    """The kind of an upload, or CloudValidationError if Meta would refuse it."""
    entry = SUPPORTED_MEDIA.get(base_mime(mime_type))
    if entry is None:
        raise CloudValidationError("media type", f"{mime_type!r} is not supported by WhatsApp")
    kind, limit = entry
    if size <= 0:
        raise CloudValidationError("media file", "is empty")
    if size > limit:
        raise CloudValidationError("media file", f"has {size} bytes; {kind} allows {limit}")
    return kind


def _digest(value: str) -> bytes | None:
    """Meta's sha256 as bytes: documented as hex; base64 has been seen too."""
    if re.fullmatch(r"[0-9a-fA-F]{64}", value):
        return bytes.fromhex(value)
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return None
    return raw if len(raw) == 32 else None


def sha256_matches(expected: str | None, actual: bytes) -> bool:
    """False only if Meta gave a readable checksum that differs; unreadable ones pass."""
    want = _digest(expected) if expected else None
    return want is None or hmac.compare_digest(want, actual)


@dataclass(frozen=True, slots=True)
class MediaInfo:
    id: str
    url: str
    mime_type: str | None
    sha256: str | None
    file_size: int | None
    raw: Mapping[str, Any] = field(repr=False)

    @classmethod
    def from_response(cls, data: Mapping[str, Any]) -> MediaInfo:
        url = data.get("url")
        media_id = data.get("id")
        if not isinstance(url, str) or not url:
            raise MalformedResponseError("media info without url", http_status=200)
        size = data.get("file_size")
        if isinstance(size, str) and size.isdigit():
            size = int(size)
        mime = data.get("mime_type")
        sha = data.get("sha256")
        return cls(
            id=str(media_id) if isinstance(media_id, (str, int)) else "",
            url=url,
            mime_type=mime if isinstance(mime, str) else None,
            sha256=sha if isinstance(sha, str) else None,
            file_size=size if isinstance(size, int) and not isinstance(size, bool) else None,
            raw=data,
        )


@dataclass(frozen=True, slots=True)
class DownloadedMedia:
    info: MediaInfo
    content: bytes = field(repr=False)
