"""Keeping the files desktops upload for sending, so the whole team can open them.

A desktop uploads a file (POST /api/v1/media) and sends a message naming Meta's
media id. The other desktops only see the echo of the send, and fetching the file
back from Meta later would cost a download of bytes the relay once had in hand, so
the relay keeps its own copy of every upload, sealed like the incoming media it fetches
(relay_media.seal_media_file: AES-GCM, one key per file, the key in the database).
send_log.queue_send moves the copy onto the message in the transaction that logs
`send.queued`, whose `media` block carries the same `media_id` (and the file's mime,
size and sha256): from then on GET /api/v1/media/{media_id} (or the wamid, once Meta
accepted the send) serves it like any incoming file.

Keeping the copy is a courtesy to the team, never a condition of sending: if sealing
fails (a full disk), the upload still answers 201 and the send still goes out.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from pathlib import Path
from typing import Any

from wadesk.store import media_files, relay_media, relay_uploads
from wadesk.store.relay_uploads import Upload

log = logging.getLogger("wadesk.relay.media")


def _seal(data: bytes, media_dir: Path) -> tuple[str, bytes, str]:
    name, key = relay_media.seal_media_file(data, media_dir)
    return name, key, hashlib.sha256(data).hexdigest()


async def keep_upload(ctx: Any, media_id: str, data: bytes, mime: str, filename: str | None,
                      person_id: int | None) -> bool:
    """Seal `data` into the media folder (off the writer thread) and record it as the
    upload `media_id`; False (logged) when it could not be kept."""
    media_dir: Path = ctx.config.media_dir
    loop = asyncio.get_running_loop()
    try:
        name, key, sha256 = await loop.run_in_executor(None, _seal, data, media_dir)
    except OSError as exc:
        log.warning("uploaded media not kept", extra={"error": type(exc).__name__})
        return False
    upload = Upload(media_id, name, key, mime, len(data), sha256, filename, person_id,
                    int(time.time()))
    added = False
    try:
        added = await ctx.write(lambda conn: relay_uploads.add_upload(conn, upload))
    except Exception as exc:  # the database refused: the send still works without the copy
        log.warning("uploaded media not kept", extra={"error": type(exc).__name__})
    finally:
        if not added:
            media_files.delete_media_file(media_dir, name)
    return added


async def drop_stale_uploads(ctx: Any, *, now: float | None = None) -> int:
    """Forget uploads no send named within Meta's 30 days, with their files."""
    before = int(time.time() if now is None else now) - relay_uploads.UPLOAD_LIFETIME_S
    dropped = 0
    while True:
        stale = await ctx.read(lambda conn: relay_uploads.stale_uploads(conn, before_ts=before))
        if not stale:
            return dropped

        def forget(conn: Any, batch: list[Upload] = stale) -> list[str]:
            return [u.media_file for u in batch if relay_uploads.delete_upload(conn, u.media_id)]

        for name in await ctx.write(forget):
            media_files.delete_media_file(ctx.config.media_dir, name)
            dropped += 1
