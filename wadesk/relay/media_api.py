"""GET /api/v1/media/{key}: the decrypted bytes of a stored media file, for desktops.

`key` is the message's wamid, Meta's media id, or the relay's message id. The file is
decrypted in memory (never into a cache file) on a reader thread. A file not fetched
yet answers 404 `media_pending` with Retry-After, and moves to the front of the queue.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from wadesk.relay.access import ApiError, require
from wadesk.relay.context import RelayContext
from wadesk.relay.media_fetch import MediaFetcher
from wadesk.store import media_files, relay_media

MAX_KEY = 200


def routes(ctx: RelayContext) -> list[BaseRoute]:
    fetcher = MediaFetcher(ctx)
    ctx.media_fetcher = fetcher  # type: ignore[attr-defined]
    ctx.on_start.append(fetcher.start)
    intake = getattr(ctx, "intake", None)
    if intake is not None:
        intake.after_store.append(fetcher.after_store)

    async def get_media(request: Request) -> Response:
        await require(request, ctx, "media")
        key = request.path_params["key"]
        if not key or len(key) > MAX_KEY:
            raise ApiError(404, "not_found", "There is no such media file.")

        def load(conn: Any) -> tuple[Any, bytes | None] | None:
            found = relay_media.find_stored_media(conn, key)
            if found is None:
                return None
            return found, media_files.read_media(conn, found.message_id, ctx.config.media_dir)

        try:
            result = await ctx.read(load)
        except media_files.MediaFileError:
            raise ApiError(410, "media_damaged",
                           "The stored copy of this file is missing or damaged.") from None
        if result is None or result[1] is None:
            pending = await ctx.read(lambda conn: relay_media.media_target(conn, key))
            if pending is not None:
                fetcher.enqueue(key)
                raise ApiError(404, "media_pending", "The file is still being fetched from "
                               "WhatsApp; try again shortly.", headers={"Retry-After": "5"})
            raise ApiError(404, "not_found", "There is no such media file.")
        found, data = result
        headers = {"Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff"}
        if found.filename:
            safe = "".join(ch for ch in found.filename
                           if ch.isascii() and ch.isprintable() and ch not in '"\\')
            headers["Content-Disposition"] = f'attachment; filename="{safe[:150]}"'
        return Response(data, media_type=found.mime or "application/octet-stream",
                        headers=headers)

    return [Route("/api/v1/media/{key}", get_media, methods=["GET"])]
