"""The business's message templates, fetched from the relay for the template picker.

GET /api/v1/templates passes Meta's template objects on unchanged; the desktop parses
them with wadesk.cloud's MessageTemplate and offers only what WhatsApp would deliver:
the APPROVED ones (pending, rejected, paused and disabled templates are refused by
Meta). The fetcher runs on the sync worker's loop: once the team has loaded, then every
`every_s`, and at once when the user asks (`refresh()`: then past the relay's cache).
A relay older than the endpoint answers 404: no templates, and no error.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from wadesk.cloud.templates import MessageTemplate, TemplateStatus
from wadesk.desktop.sync.relay_api import RelayApi, RelayAuthError, RelayError

log = logging.getLogger(__name__)


def approved_templates(payloads: list[dict[str, Any]]) -> list[MessageTemplate]:
    """The templates WhatsApp lets the business send, by name and language."""
    found = []
    for payload in payloads:
        try:
            template = MessageTemplate.from_payload(payload)
        except (TypeError, ValueError, AttributeError):
            continue
        if template.status is TemplateStatus.APPROVED and template.name:
            found.append(template)
    return sorted(found, key=lambda t: (t.name, t.language or ""))


class TemplateFetcher:
    def __init__(self, api: RelayApi, *, on_loaded: Callable[[list[MessageTemplate]], None],
                 on_signed_out: Callable[[str], Awaitable[None]], every_s: float, retry_s: float) -> None:
        self.api = api
        self._on_loaded, self._on_signed_out = on_loaded, on_signed_out
        self._every_s, self._retry_s = every_s, retry_s
        self._asked = asyncio.Event()

    def refresh(self) -> None:
        """On the loop: fetch now, not from the relay's cache (the user wants one)."""
        self._asked.set()

    async def run(self) -> None:
        asked = False
        while True:
            wait = self._every_s
            try:
                payloads = await self.api.templates(refresh=asked)
            except RelayAuthError as exc:
                await self._on_signed_out(str(exc))
                return
            except RelayError as exc:
                # Unreachable, or Meta did not answer the relay: what the picker has stays.
                log.info("templates not fetched", extra={"status": exc.status, "code": exc.code})
                wait = self._retry_s
            else:
                self._on_loaded(approved_templates(payloads or []))  # None: an older relay
            try:
                await asyncio.wait_for(self._asked.wait(), wait)
                asked = True
            except asyncio.TimeoutError:
                asked = False
            self._asked.clear()
