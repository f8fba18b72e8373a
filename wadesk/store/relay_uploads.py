"""The relay's copies of files the desktops upload for sending (migration 8).

POST /api/v1/media uploads a file to Meta and seals a copy in the relay's media folder
(relay_media.seal_media_file, the format of every media file). Until a send names the
upload's media id, the copy belongs to no message and is recorded here; the send that
names it first moves the file and its key onto its message row, in the transaction
that logs `send.queued`, so whoever sees the message can fetch the file through
GET /api/v1/media/{media id | wamid}. Meta forgets an upload after 30 days, so an
upload no send named by then is dropped (`stale_uploads`).
"""

from __future__ import annotations

from dataclasses import dataclass

from wadesk.store._db import Connection, execute, query_all, query_one

UPLOAD_LIFETIME_S = 30 * 24 * 3600


@dataclass(frozen=True, slots=True)
class Upload:
    media_id: str
    media_file: str
    media_key: bytes
    mime: str
    size: int
    sha256: str
    filename: str | None
    person_id: int | None
    created_at: int

    def facts(self) -> dict[str, object]:
        """What the send's `media` block tells about the file (no file name or key)."""
        return {"mime": self.mime, "size": self.size, "sha256": self.sha256}


_COLUMNS = "media_id, media_file, media_key, mime, size, sha256, filename, person_id, created_at"


def add_upload(conn: Connection, upload: Upload) -> bool:
    """Record a sealed upload; False when this media id is recorded already (the
    caller then deletes its own file)."""
    return execute(
        conn,
        f"INSERT INTO relay_uploads({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (media_id) DO NOTHING",
        (upload.media_id, upload.media_file, upload.media_key, upload.mime, upload.size,
         upload.sha256, upload.filename, upload.person_id, upload.created_at),
    ) == 1


def get_upload(conn: Connection, media_id: str) -> Upload | None:
    row = query_one(conn, f"SELECT {_COLUMNS} FROM relay_uploads WHERE media_id = ?",
                    (media_id,))
    return Upload(*row) if row else None


def attach_upload(conn: Connection, upload: Upload, client_id: str) -> bool:
    """Move the upload's file onto the message sent under `client_id` (inside the
    caller's transaction); False when that message is gone or already has a file."""
    attached = execute(
        conn,
        "UPDATE messages SET media_file = ?, media_key = ?,"
        " media_mime = coalesce(media_mime, ?), media_size = coalesce(media_size, ?),"
        " media_sha256 = coalesce(media_sha256, ?)"
        " WHERE client_id = ? AND media_file IS NULL AND revoked_at IS NULL",
        (upload.media_file, upload.media_key, upload.mime, upload.size, upload.sha256,
         client_id),
    ) == 1
    if attached:
        execute(conn, "DELETE FROM relay_uploads WHERE media_id = ?", (upload.media_id,))
    return attached


def stale_uploads(conn: Connection, *, before_ts: int, limit: int = 500) -> list[Upload]:
    """Uploads no send named before `before_ts` (Meta has forgotten them too)."""
    rows = query_all(
        conn,
        f"SELECT {_COLUMNS} FROM relay_uploads WHERE created_at < ? ORDER BY created_at"
        " LIMIT ?",
        (before_ts, limit),
    )
    return [Upload(*row) for row in rows]


def delete_upload(conn: Connection, media_id: str) -> bool:
    return execute(conn, "DELETE FROM relay_uploads WHERE media_id = ?", (media_id,)) == 1

