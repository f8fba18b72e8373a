"""The one place that speaks HTTP to the Graph API.

It owns the access token, the connection pool and the mapping from httpx and Meta
failures to wadesk.cloud.errors. Everything above it deals in dicts and typed results.

The token sits in a `_Secret` whose repr is redacted, is attached per request by an
httpx.Auth (so it is not in the client's default headers), and is scrubbed from any
error text Meta sends back. Logs carry method, path, status, duration and fbtrace_id:
never bodies, which hold customers' messages and numbers.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import AsyncIterator, Generator, Mapping
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import urlsplit

import httpx

from wadesk import __version__
from wadesk.cloud.errors import (
    CloudApiError,
    CloudValidationError,
    MalformedResponseError,
    MediaError,
    OutcomeUnknownError,
    RequestNotSentError,
    error_from_body,
    error_from_status,
)

log = logging.getLogger("wadesk.cloud")

DEFAULT_BASE_URL = "https://graph.facebook.com"
DEFAULT_API_VERSION = "v25.0"
DEFAULT_TIMEOUT = httpx.Timeout(connect=10.0, read=30.0, write=30.0, pool=10.0)
# Meta's media host has been seen answering generic library user agents with an HTML
# page instead of the file; a product name is what works.
USER_AGENT = f"wadesk/{__version__}"
_VERSION = re.compile(r"v\d{1,3}\.\d{1,2}")

# Failures that happen before a single byte of the request left: safe to try again.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.ProxyError,
             httpx.UnsupportedProtocol, httpx.LocalProtocolError)


class _Secret:
    """Holds the token; prints as a placeholder wherever it ends up."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "<redacted>"

    __str__ = __repr__


class _BearerAuth(httpx.Auth):
    def __init__(self, token: _Secret) -> None:
        self._token = token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = "Bearer " + self._token.reveal()
        request.headers["User-Agent"] = USER_AGENT
        yield request

    def __repr__(self) -> str:
        return "_BearerAuth(<redacted>)"


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after")
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None  # an HTTP date: rare enough that the family's default will do


# keepalive_expiry below the servers' idle timeouts (uvicorn's is 5 s, httpx's default
# too): a POST written onto a connection the server is just closing is an outcome we
# cannot know, and a send then waits for a status webhook that may never come.
# 16 connections carry 80 msg/s easily; a bigger pool costs CPU on every request.
POOL_LIMITS = httpx.Limits(max_connections=16, max_keepalive_connections=16, keepalive_expiry=2.0)


class Transport:
    """An httpx.AsyncClient plus Graph conventions. One per token; reuse it."""

    def __init__(
        self,
        token: str,
        *,
        base_url: str = DEFAULT_BASE_URL,
        api_version: str = DEFAULT_API_VERSION,
        timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        if not isinstance(token, str) or not token.strip():
            raise CloudValidationError("token", "must not be empty")
        split = urlsplit(base_url)
        if split.scheme not in ("http", "https") or not split.netloc:
            raise CloudValidationError("base_url", "must be an http(s) URL")
        if not isinstance(api_version, str) or not _VERSION.fullmatch(api_version):
            raise CloudValidationError("api_version", "must look like v25.0")
        self._token = _Secret(token)
        self._auth = _BearerAuth(self._token)
        self.base_url = base_url.rstrip("/")
        self.api_version = api_version
        self._origin = (split.scheme, split.netloc)
        # Passed with every request, so that it also holds on a caller's shared client.
        self._timeout = timeout
        self._owns_http = http_client is None
        self._http = http_client or httpx.AsyncClient(
            timeout=timeout, transport=transport, follow_redirects=False, limits=POOL_LIMITS
        )

    def __repr__(self) -> str:
        return f"Transport(base_url={self.base_url!r}, api_version={self.api_version!r})"

    async def aclose(self) -> None:
        if self._owns_http:
            await self._http.aclose()

    def scrub(self, text: str) -> str:
        return text.replace(self._token.reveal(), "<redacted>")

    def url(self, path: str) -> str:
        return f"{self.base_url}/{self.api_version}/{path.lstrip('/')}"

    async def call(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json_body: Mapping[str, Any] | None = None,
        data: Mapping[str, Any] | None = None,
        files: Mapping[str, Any] | None = None,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | float | None = None,
    ) -> dict[str, Any]:
        """One Graph call; returns the JSON object or raises a wadesk.cloud error."""
        started = time.monotonic()
        response = await self._send(
            method, self.url(path), params=params, json=json_body, data=data, files=files,
            content=content, headers=headers, timeout=timeout or self._timeout,
        )
        body = await self._read(response, method, path)
        self._log(method, path, response, started)
        if response.is_success:
            parsed = self._json(body)
            if not isinstance(parsed, dict):
                raise MalformedResponseError(
                    f"{method} {path}: the answer is not a JSON object",
                    http_status=response.status_code,
                )
            return parsed
        raise self._error(response, body)

    @asynccontextmanager
    async def download(self, url: str, *, timeout: httpx.Timeout | float | None = None
                       ) -> AsyncIterator[httpx.Response]:
        """GET an absolute media URL with the bearer token; yields the open response.

        The token goes only to https URLs or to the configured API origin (the simulator
        serves media over loopback http)."""
        split = urlsplit(url)
        if not (split.scheme == "https" or (split.scheme, split.netloc) == self._origin):
            raise CloudValidationError("media url", "must be https or on the API host")
        started = time.monotonic()
        try:
            request = self._http.build_request("GET", url, timeout=timeout or self._timeout)
            # A CDN redirect is fine: httpx drops Authorization when the origin changes.
            response = await self._http.send(request, auth=self._auth, stream=True,
                                             follow_redirects=True)
        except httpx.HTTPError as exc:
            raise self._network_error(exc, "GET", "media") from None
        try:
            self._log("GET", "media download", response, started)
            if not response.is_success:
                body = await self._read(response, "GET", "media")
                raise self._error(response, body)
            if response.headers.get("content-type", "").startswith("text/html"):
                raise MediaError("the media URL answered with a web page, not the file",
                                 http_status=response.status_code, retryable=True)
            yield response
        except httpx.HTTPError as exc:
            raise self._network_error(exc, "GET", "media") from None
        finally:
            await response.aclose()

    async def _send(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        try:
            return await self._http.request(method, url, auth=self._auth, **kwargs)
        except httpx.HTTPError as exc:
            # `from None`: httpx's exception carries the request, and nobody needs that
            # object travelling with our error into logs.
            raise self._network_error(exc, method, urlsplit(url).path) from None

    async def _read(self, response: httpx.Response, method: str, path: str) -> bytes:
        try:
            return await response.aread()
        except httpx.HTTPError as exc:
            raise self._network_error(exc, method, path) from None

    def _network_error(self, exc: httpx.HTTPError, method: str, path: str) -> CloudApiError:
        what = self.scrub(f"{method} {path}: {type(exc).__name__}")
        if isinstance(exc, _NOT_SENT):
            return RequestNotSentError(what + " (not sent)")
        # A read may be repeated at will; anything that changes state may not.
        return OutcomeUnknownError(what + " (sent; outcome unknown)",
                                   retryable=method in ("GET", "HEAD"))

    def _json(self, body: bytes) -> Any:
        try:
            return json.loads(self.scrub(body.decode("utf-8")))
        except (UnicodeDecodeError, ValueError, RecursionError):
            return None

    def _error(self, response: httpx.Response, body: bytes) -> CloudApiError:
        retry_after = _retry_after(response)
        error = error_from_body(
            self._json(body), http_status=response.status_code, retry_after=retry_after
        )
        if error is None:
            error = error_from_status(response.status_code, retry_after=retry_after)
        log.info("cloud error code=%s http=%s fbtrace_id=%s",
                 error.code, error.http_status, error.fbtrace_id)
        return error

    @staticmethod
    def _log(method: str, path: str, response: httpx.Response, started: float) -> None:
        log.debug("%s %s -> %s in %.0f ms", method, path, response.status_code,
                  (time.monotonic() - started) * 1000)
