"""Giving the running relay a new Cloud API token, e.g. after Meta's error 190.

    PUT /api/v1/cloud-token  {"token": "EAAG…"}                      (cloud_token.manage)
        -> 200 {"state": "ok", "phone_number": "+49 …" | null,
                "stored": "keychain" | "file" | "memory", "survives_restart": bool,
                "message": "where the token is kept, and what to do if only in memory"}
        -> 400 invalid, 409 cannot_check, 422 token_refused | token_lacks_permission |
           token_check_failed (nothing changed), 503 cloud_unavailable

The token is checked with Meta first (cloud_token.py), then used from the next call on,
kept where the relay's config had the old one when it can write there (config.py's
keep_access_token), and sending resumes: what waited for a token goes out, and
customers' files that could not be fetched with the old token are fetched. The change
is audited with a fingerprint of the token (never the token), and the token is never
logged or sent back.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route

from wadesk import secrets as keychain
from wadesk.relay import cloud_token, send_log
from wadesk.relay.access import ApiError, require
from wadesk.relay.api_util import ok, read_json
from wadesk.relay.config import KeptToken, keep_access_token
from wadesk.relay.sender import token_fingerprint
from wadesk.store import people

log = logging.getLogger(__name__)


def routes(ctx: Any) -> list[BaseRoute]:
    async def replace_token(request: Request) -> JSONResponse:
        caller = await require(request, ctx, "cloud_token.manage")
        body = await read_json(request, 16 * 1024)
        try:
            token = cloud_token.clean_token(body.get("token"))
            phone_number = await cloud_token.check_token(ctx.config, token)
        except cloud_token.TokenCheckError as exc:
            log.info("a new Cloud API token was not taken", extra={"code": exc.code})
            raise ApiError(exc.status, exc.code, exc.message) from None
        cloud_token.swap_token(ctx, token)
        try:
            kept = await asyncio.to_thread(keep_access_token, ctx.config, token)
        except (keychain.SecretsError, OSError):
            kept = KeptToken("memory", "The keychain could not keep the token: it holds until "
                             "the relay restarts.")
        fingerprint = token_fingerprint(token)

        def record(conn: Any) -> None:
            people.audit(conn, caller.person, "cloud_token.replaced", "cloud",
                         {"stored": kept.where, "fingerprint": fingerprint})

        await ctx.write(record)
        sender = getattr(ctx, "sender", None)
        if sender is not None:
            await sender.token_renewed()
        else:
            await ctx.write(lambda conn: send_log.record_cloud_state(
                conn, "ok", "The relay has a new Cloud API token.", fingerprint))
        fetcher = getattr(ctx, "media_fetcher", None)
        if fetcher is not None:
            # After the sender: with sending resumed, a fetch taken now is not held back.
            fetcher.token_renewed()
        log.info("Cloud API token replaced", extra={"stored": kept.where})
        return ok({"state": "ok", "phone_number": phone_number, "stored": kept.where,
                   "survives_restart": kept.survives_restart, "message": kept.note})

    return [Route("/api/v1/cloud-token", replace_token, methods=["PUT"])]
