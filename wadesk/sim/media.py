"""Media: upload, info with a short-lived download URL, authenticated download, delete.

Uploaded media lives 30 days, media that customers sent 7 days (simulated clock); a
download URL lives `media_url_ttl` (5 minutes) and answers 404 afterwards.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

from wadesk.sim import errors, multipart

MB = 1024 * 1024
UPLOADED_LIFETIME = 30 * 24 * 3600
INBOUND_LIFETIME = 7 * 24 * 3600

# MIME type -> (kind, size limit in bytes)
SUPPORTED: dict[str, tuple[str, int]] = {
    "audio/aac": ("audio", 16 * MB),
    "audio/amr": ("audio", 16 * MB),
    "audio/mpeg": ("audio", 16 * MB),
    "audio/mp4": ("audio", 16 * MB),
    "audio/ogg": ("audio", 16 * MB),
    "text/plain": ("document", 100 * MB),
    "application/pdf": ("document", 100 * MB),
    "application/msword": ("document", 100 * MB),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ("document", 100 * MB),
    "application/vnd.ms-excel": ("document", 100 * MB),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ("document", 100 * MB),
    "application/vnd.ms-powerpoint": ("document", 100 * MB),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": ("document", 100 * MB),
    "image/jpeg": ("image", 5 * MB),
    "image/png": ("image", 5 * MB),
    "image/webp": ("sticker", 500 * 1024),
    "video/mp4": ("video", 16 * MB),
    "video/3gpp": ("video", 16 * MB),
}
STATIC_STICKER_LIMIT = 100 * 1024
MAX_UPLOAD = 100 * MB
EXTENSIONS = {
    "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp", "application/pdf": "pdf",
    "audio/ogg": "ogg", "audio/mpeg": "mp3", "audio/aac": "aac", "audio/amr": "amr",
    "audio/mp4": "m4a", "video/mp4": "mp4", "video/3gpp": "3gp", "text/plain": "txt",
}


def _looks_like(mime: str, data: bytes) -> bool:
    """A cheap magic-number check, so a renamed text file is not accepted as a JPEG."""
    if mime == "image/jpeg":
        return data.startswith(b"\xff\xd8\xff")
    if mime == "image/png":
        return data.startswith(b"\x89PNG\r\n\x1a\n")
    if mime == "image/webp":
        return data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    if mime == "application/pdf":
        return data.startswith(b"%PDF-")
    if mime == "audio/ogg":
        return data.startswith(b"OggS")
    if mime in ("video/mp4", "video/3gpp", "audio/mp4"):
        return data[4:8] == b"ftyp"
    if mime == "audio/mpeg":
        return data.startswith(b"ID3") or (len(data) > 1 and data[0] == 0xFF and data[1] & 0xE0 == 0xE0)
    if mime == "audio/amr":
        return data.startswith(b"#!AMR")
    return True


def check_upload(mime: str, data: bytes) -> str:
    """The media kind for an acceptable upload, else Meta's 131053."""
    mime = mime.split(";")[0].strip().lower()
    if mime not in SUPPORTED:
        raise errors.GraphError(131053, f"Unsupported file type: {mime or '(none)'}")
    kind, limit = SUPPORTED[mime]
    if mime == "image/webp" and b"ANIM" not in data[:256]:
        limit = STATIC_STICKER_LIMIT
    if len(data) > limit:
        raise errors.GraphError(
            131053, f"File is too big: {len(data)} bytes; the limit for {mime} is {limit} bytes"
        )
    if not data:
        raise errors.GraphError(131053, "The uploaded file is empty")
    if not _looks_like(mime, data):
        raise errors.GraphError(131053, f"The file's content does not match its type {mime}")
    return kind


@dataclass(slots=True)
class Media:
    id: str
    data: bytes
    mime_type: str
    phone_number_id: str
    created_at: float
    expires_at: float
    filename: str | None = None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def kind(self) -> str:
        return SUPPORTED.get(self.mime_type.split(";")[0], ("document", 0))[0]


class MediaStore:
    def __init__(self, sim: Any) -> None:
        self.sim = sim
        self._items: dict[str, Media] = {}
        self._urls: dict[str, tuple[str, float]] = {}  # url key -> (media id, expires at)

    def add(self, data: bytes, mime_type: str, phone_number_id: str, *, inbound: bool = False,
            filename: str | None = None) -> Media:
        now = self.sim.clock.now()
        lifetime = INBOUND_LIFETIME if inbound else UPLOADED_LIFETIME
        media = Media(self.sim.ids.numeric(16), data, mime_type, phone_number_id, now, now + lifetime,
                      filename)
        self._items[media.id] = media
        return media

    def get(self, media_id: str) -> Media | None:
        media = self._items.get(media_id)
        if media is None or self.sim.clock.now() >= media.expires_at:
            return None
        return media

    def delete(self, media_id: str) -> bool:
        return self._items.pop(media_id, None) is not None

    def download_url(self, media: Media, base_url: str) -> str:
        key = secrets.token_urlsafe(18)
        self._urls[key] = (media.id, self.sim.clock.now() + self.sim.config.media_url_ttl)
        ext = EXTENSIONS.get(media.mime_type.split(";")[0], "bin")
        return (f"{base_url.rstrip('/')}/whatsapp_business/attachments/?mid={media.id}"
                f"&ext={int(self.sim.clock.now())}&hash={key}&_nc_cat=1&ccb=v-{ext}")

    def resolve_url(self, key: str, media_id: str) -> Media | None:
        entry = self._urls.get(key)
        if entry is None or entry[0] != media_id:
            return None
        if self.sim.clock.now() >= entry[1]:
            del self._urls[key]
            return None
        return self.get(media_id)

    def info(self, media: Media, base_url: str) -> dict[str, Any]:
        return {
            "messaging_product": "whatsapp",
            "url": self.download_url(media, base_url),
            "mime_type": media.mime_type,
            "sha256": media.sha256,
            "file_size": len(media.data),
            "id": media.id,
        }

    def snapshot(self) -> dict[str, Any]:
        now = self.sim.clock.now()
        return {"count": sum(1 for m in self._items.values() if m.expires_at > now)}


# HTTP handlers ---------------------------------------------------------------------

async def upload(sim: Any, request: Any, phone_number_id: str) -> dict[str, Any]:
    """POST /{phone-number-id}/media (multipart: messaging_product, file, type)."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_UPLOAD + MB:
        raise errors.GraphError(131053, f"File is too big: the limit is {MAX_UPLOAD} bytes")
    try:
        parts = multipart.parse(await request.body(), request.headers.get("content-type", ""))
    except multipart.MultipartError as exc:
        raise errors.invalid_parameter(f"Expected a multipart/form-data body: {exc}") from None
    product = parts.get("messaging_product")
    if product is None or product.text != "whatsapp":
        raise errors.invalid_parameter("The parameter messaging_product is required and must be 'whatsapp'.")
    file = parts.get("file")
    if file is None or file.filename is None:
        raise errors.invalid_parameter("The parameter file is required.")
    mime = (parts["type"].text if "type" in parts else file.content_type or "").strip()
    check_upload(mime, file.data)
    media = sim.media.add(file.data, mime.split(";")[0].strip().lower(), phone_number_id,
                          filename=file.filename)
    return {"id": media.id}


def _media_or_error(sim: Any, media_id: str, method: str) -> Media:
    media = sim.media.get(media_id)
    if media is None:
        raise errors.unknown_object(media_id, method)
    return media


async def info(sim: Any, request: Any, media_id: str) -> dict[str, Any]:
    """GET /{media-id}[?phone_number_id=]."""
    media = _media_or_error(sim, media_id, "get")
    owner = request.query_params.get("phone_number_id")
    if owner and owner != media.phone_number_id:
        raise errors.invalid_parameter(f"Media {media_id} does not belong to phone number {owner}")
    return sim.media.info(media, str(request.base_url))


async def delete(sim: Any, request: Any, media_id: str) -> dict[str, Any]:
    """DELETE /{media-id}."""
    _media_or_error(sim, media_id, "delete")
    sim.media.delete(media_id)
    return {"success": True}
