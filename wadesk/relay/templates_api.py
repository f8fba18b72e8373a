"""GET /api/v1/templates: the business's message templates, as Meta lists them.

    GET /api/v1/templates[?refresh=1]                                       (read)
        -> 200 {"templates": [<Meta's template object: name, language, status,
                 category, components, id, ...>], "fetched_at": epoch_s}
               with "stale": true when Meta could not be reached and this is the
               last list the relay fetched
        -> 502 cloud_unavailable when Meta cannot be reached and nothing is cached

Each object is passed on exactly as Meta returned it, so a desktop parses it with
wadesk.cloud.templates.MessageTemplate.from_payload. All pages are fetched (Meta
pages template lists), and the list is kept in memory for CACHE_S: the template
dialog of ten desktops costs one call to Meta, not ten.

Any signed-in role may ask for `?refresh=1` (an agent who just saw a template
approved should not need an admin), but a refresh within MIN_REFRESH_S of the last
fetch serves the cache, and concurrent fetches are shared, so nobody can turn the
button into a stream of calls against the business's Graph rate limit. After a
failed fetch, Meta is left alone for RETRY_AFTER_FAILURE_S.

The same list gives a sent template its words: `with_template_text` renders it as the
customer reads it (wadesk.core.template_text) for the `send.queued` event, so every
desktop's bubble shows the text, not only "Template".
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route

from wadesk.cloud import errors as cloud_errors
from wadesk.cloud.client import CloudClient
from wadesk.cloud.template_messages import TemplateMessage
from wadesk.core.template_text import find_template, template_text
from wadesk.relay.access import ApiError, require
from wadesk.relay.api_util import ok
from wadesk.relay.send_request import SendRequest

log = logging.getLogger(__name__)

CACHE_S = 300.0
MIN_REFRESH_S = 10.0
RETRY_AFTER_FAILURE_S = 15.0
PAGE_SIZE = 100
# How long a template send waits for the list when it must be fetched first: the send
# goes on without the words after that (the fetch goes on for the next one).
TEXT_WAIT_S = 2.0


@dataclass(frozen=True, slots=True)
class TemplateList:
    templates: tuple[Mapping[str, Any], ...]
    fetched_at: float  # epoch seconds
    fetched_mono: float  # monotonic seconds, for the cache's age


class TemplateCache:
    """The last template list fetched from Meta, and the one fetch under way."""

    def __init__(self, ctx: Any, *, page_size: int | None = None) -> None:
        self.ctx = ctx  # its `cloud` is read at each fetch
        self.page_size = page_size
        self.current: TemplateList | None = None
        self.failed_at: float | None = None  # monotonic
        self.last_error: cloud_errors.CloudError | None = None
        self._fetch: asyncio.Future[TemplateList] | None = None

    async def get(self, *, refresh: bool = False) -> tuple[TemplateList, bool]:
        """(the list, stale?); raises CloudError when Meta fails and nothing is cached."""
        now = time.monotonic()
        current = self.current
        if current is not None:
            age = now - current.fetched_mono
            if age < (MIN_REFRESH_S if refresh else CACHE_S):
                return current, False
        if self._fetch is None and self.failed_at is not None \
                and now - self.failed_at < RETRY_AFTER_FAILURE_S:
            if current is not None:
                return current, True
            assert self.last_error is not None
            raise self.last_error
        if self._fetch is None:
            # The context's task: cancelled at stop, never left pending.
            self._fetch = self.ctx.spawn(self._fetch_all(), name="templates-fetch")
            self._fetch.add_done_callback(self._fetched)
        try:
            # shield: one desktop hanging up must not cancel the fetch the others wait for
            return await asyncio.shield(self._fetch), False
        except cloud_errors.CloudError:
            if self.current is not None:
                return self.current, True
            raise

    def _fetched(self, future: asyncio.Future[TemplateList]) -> None:
        self._fetch = None
        if future.cancelled():
            return
        error = future.exception()
        if error is None:
            self.current = future.result()
            self.failed_at = self.last_error = None
        elif isinstance(error, cloud_errors.CloudError):
            self.failed_at = time.monotonic()
            self.last_error = error
            log.warning("template list not fetched", extra={
                "error": type(error).__name__, "code": getattr(error, "code", None)})

    async def _fetch_all(self) -> TemplateList:
        size = self.page_size or PAGE_SIZE
        cloud: CloudClient = self.ctx.cloud
        found = [dict(t.raw) async for t in cloud.iter_templates(page_size=size)]
        return TemplateList(tuple(found), time.time(), time.monotonic())


async def with_template_text(ctx: Any, req: SendRequest) -> SendRequest:
    """The send with its template rendered as the customer reads it (the text of its
    `send.queued` event); any other send as it is. The template comes from the cached
    list, however old; the list is fetched when there is none, and again (at most every
    MIN_REFRESH_S) when it lacks this template, which may have been approved since.
    Never fails the send: with Meta unreachable or slow, or the template unknown, the
    text is the template's name and its values (SendRequest.echo_text)."""
    content = req.content
    cache: TemplateCache | None = getattr(ctx, "template_cache", None)
    if not isinstance(content, TemplateMessage) or cache is None:
        return req
    known = cache.current
    if known is not None and find_template(known.templates, content.name, content.language) is not None:
        # Even past CACHE_S: a send never waits for Meta when the words are at hand (the
        # desktops' template pickers keep the list fresh).
        return replace(req, template_text=template_text(req.content_payload, known.templates))
    try:
        async with asyncio.timeout(TEXT_WAIT_S):
            found, _stale = await cache.get()
            if find_template(found.templates, content.name, content.language) is None:
                found, _stale = await cache.get(refresh=True)
    except (cloud_errors.CloudError, TimeoutError) as exc:
        log.info("template text not rendered", extra={"error": type(exc).__name__})
        return req
    except Exception as exc:  # noqa: BLE001 - a fault here must not cost the message
        log.warning("template text not rendered", extra={"error": type(exc).__name__})
        return req
    return replace(req, template_text=template_text(req.content_payload, found.templates))


def _unavailable(exc: cloud_errors.CloudError) -> ApiError:
    if isinstance(exc, cloud_errors.AuthenticationError):
        message = ("WhatsApp refused the relay's access token, so the templates cannot be "
                   "listed; an owner must enter a new token on the relay.")
    elif isinstance(exc, cloud_errors.CloudValidationError):
        message = ("The relay has no WhatsApp Business Account id (waba_id) configured, so "
                   "it cannot list the templates.")
    else:
        message = "WhatsApp could not be reached for the template list; try again shortly."
    return ApiError(502, "cloud_unavailable", message, headers={"Retry-After": "15"})


def routes(ctx: Any) -> list[BaseRoute]:
    cache = TemplateCache(ctx)
    ctx.template_cache = cache

    async def list_templates(request: Request) -> JSONResponse:
        await require(request, ctx, "read")
        refresh = request.query_params.get("refresh", "") not in ("", "0", "false")
        try:
            found, stale = await cache.get(refresh=refresh)
        except cloud_errors.CloudError as exc:
            raise _unavailable(exc) from None
        body: dict[str, Any] = {"templates": list(found.templates),
                                "fetched_at": round(found.fetched_at, 3)}
        if stale:
            body["stale"] = True
        return ok(body)

    return [Route("/api/v1/templates", list_templates, methods=["GET"])]
