"""The relay's team API as the desktop uses it: one httpx.AsyncClient, typed errors.

Every call raises one of three families, so the callers decide by meaning, not by
status code:

    RelayAuthError     401: the device token is unknown or revoked (log in again)
    RelayRefused       any other 4xx: the relay understood and said no (code, message)
    RelayUnavailable   no answer, 5xx, 429, or a 2xx that is not a JSON object (a captive
                       portal, a misconfigured proxy): try again later (retry_after seconds)

and the caller may raise a fourth when a JSON answer lacks what it needs:

    RelayBadAnswer     a 2xx JSON object without the field the call needs (no media id,
                       no note id): a fault of this relay, not of the network

The token goes only into the Authorization header; it is never logged, and neither
are message texts (the structured log here carries paths and status codes only).
"""

from __future__ import annotations

import logging
from typing import Any

import httpx

log = logging.getLogger(__name__)

SYNC_WAIT_S = 25.0
# The long-poll answers after at most `wait`; anything much later is a dead connection.
_SYNC_GRACE_S = 15.0


class RelayError(Exception):
    def __init__(self, message: str, *, status: int = 0, code: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.code = code


class RelayAuthError(RelayError):
    pass


class RelayRefused(RelayError):
    pass


class RelayBadAnswer(RelayError):
    pass


class RelayUnavailable(RelayError):
    def __init__(self, message: str, *, status: int = 0, code: str = "",
                 retry_after: float | None = None) -> None:
        super().__init__(message, status=status, code=code)
        self.retry_after = retry_after


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after")
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None


def _error_of(response: httpx.Response) -> tuple[str, str]:
    try:
        error = response.json().get("error") or {}
        return str(error.get("code") or ""), str(error.get("message") or "")
    except (ValueError, AttributeError):
        return "", ""


def _object_of(response: httpx.Response) -> dict[str, Any]:
    """A success's JSON object ({} for an empty answer). Anything else in its place (an
    HTML page from a proxy, a list) says the relay is not really there: try again later."""
    if response.status_code == 204 or not response.content:
        return {}
    try:
        answer = response.json()
    except ValueError as exc:
        raise RelayUnavailable("The relay sent an answer that is not JSON.", status=response.status_code,
                               code="not_json") from exc
    if not isinstance(answer, dict):
        raise RelayUnavailable("The relay sent an answer that is not a JSON object.", status=response.status_code,
                               code="not_json")
    return answer


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [entry for entry in value if isinstance(entry, dict)] if isinstance(value, list) else []


def check(response: httpx.Response) -> httpx.Response:
    """The response if it is a success, else the matching RelayError."""
    status = response.status_code
    if status < 400:
        return response
    code, message = _error_of(response)
    message = message or f"The relay answered {status}."
    if status == 401:
        raise RelayAuthError(message, status=status, code=code)
    if status == 429 or status >= 500:
        raise RelayUnavailable(message, status=status, code=code, retry_after=_retry_after(response))
    if status == 404 and code == "media_pending":
        raise RelayUnavailable(message, status=status, code=code, retry_after=_retry_after(response) or 5.0)
    raise RelayRefused(message, status=status, code=code)


class RelayApi:
    """The calls of one desktop, on one AsyncClient (one connection pool, keep-alive)."""

    def __init__(self, base_url: str, token: str, *, transport: httpx.AsyncBaseTransport | None = None,
                 timeout: float = 20.0) -> None:
        self._client = httpx.AsyncClient(
            base_url=base_url, timeout=httpx.Timeout(timeout, connect=5.0),
            headers={"Authorization": f"Bearer {token}", "User-Agent": "wadesk-desktop"},
            transport=transport, follow_redirects=False,
            # Long-polls, sends and downloads at once; a few spare for read receipts.
            limits=httpx.Limits(max_connections=8, max_keepalive_connections=8),
        )

    async def close(self) -> None:
        await self._client.aclose()

    async def _call(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            response = await self._client.request(method, path, **kwargs)
        except httpx.TimeoutException as exc:
            raise RelayUnavailable("The relay did not answer in time.", code="timeout") from exc
        except httpx.TransportError as exc:
            # Connection refused, DNS, TLS: the detail is for the log, not for the user.
            log.info("relay not reachable", extra={"path": path, "error": type(exc).__name__})
            raise RelayUnavailable("The relay cannot be reached.", code="unreachable") from exc
        return check(response)

    async def _json(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        return _object_of(await self._call(method, path, **kwargs))

    # -- sync ----------------------------------------------------------------------------

    async def sync(self, since: int, *, wait: float = SYNC_WAIT_S, limit: int = 500) -> dict[str, Any]:
        params = {"since": str(since), "wait": f"{wait:g}", "limit": str(limit)}
        timeout = httpx.Timeout(wait + _SYNC_GRACE_S, connect=5.0)
        return await self._json("GET", "/api/v1/sync", params=params, timeout=timeout)

    async def me(self) -> dict[str, Any]:
        return await self._json("GET", "/api/v1/me")

    async def people(self) -> list[dict[str, Any]]:
        return _dicts((await self._json("GET", "/api/v1/people")).get("people"))

    async def templates(self, *, refresh: bool = False) -> list[dict[str, Any]] | None:
        """The business's message templates as Meta describes them (`refresh`: not from
        the relay's five-minute cache); None from a relay too old to offer them."""
        try:
            answer = await self._json("GET", "/api/v1/templates", params={"refresh": "1"} if refresh else None)
        except RelayRefused as exc:
            if exc.status == 404 and exc.code in ("", "not_found"):
                return None
            raise
        return _dicts(answer.get("templates"))

    # -- sending -------------------------------------------------------------------------

    async def send(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        response = await self._call("POST", "/api/v1/messages", json=body)
        # Not JSON after a 2xx: the relay may have the message, or a proxy answered for
        # it. Either way a retry with the same client id settles it without a double.
        return response.status_code, _object_of(response)

    async def upload_media(self, data: bytes, mime: str, filename: str) -> dict[str, Any]:
        return await self._json("POST", "/api/v1/media", params={"filename": filename}, content=data,
                                headers={"Content-Type": mime}, timeout=httpx.Timeout(120.0, connect=5.0))

    async def media(self, key: str) -> bytes:
        response = await self._call("GET", f"/api/v1/media/{key}", timeout=httpx.Timeout(120.0, connect=5.0))
        return response.content

    async def mark_read(self, relay_conversation_id: int) -> dict[str, Any]:
        return await self._json("POST", f"/api/v1/conversations/{relay_conversation_id}/read")

    async def typing(self, relay_conversation_id: int) -> dict[str, Any]:
        return await self._json("POST", f"/api/v1/conversations/{relay_conversation_id}/typing")

    # -- the team ------------------------------------------------------------------------

    async def assign(self, relay_conversation_id: int, person_id: int | None) -> dict[str, Any]:
        return await self._json("POST", f"/api/v1/conversations/{relay_conversation_id}/assign",
                                json={"assignee_id": person_id})

    async def notes(self, relay_conversation_id: int) -> list[dict[str, Any]]:
        return _dicts((await self._json("GET", f"/api/v1/conversations/{relay_conversation_id}/notes")).get("notes"))

    async def add_note(self, relay_conversation_id: int, text: str) -> dict[str, Any]:
        return await self._json("POST", f"/api/v1/conversations/{relay_conversation_id}/notes",
                                json={"text": text})

    async def set_label(self, label_id: int, relay_conversation_id: int, present: bool) -> dict[str, Any]:
        action = "apply" if present else "remove"
        return await self._json("POST", f"/api/v1/labels/{label_id}/{action}",
                                json={"conversation_id": relay_conversation_id})
