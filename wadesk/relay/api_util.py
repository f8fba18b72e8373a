"""Small helpers the team and send endpoints share: reading a JSON body within limits,
path and query numbers, and the JSON answer. Every failure is an ApiError (a clear 4xx)."""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse

from wadesk.relay.access import ApiError

MAX_JSON_BYTES = 256 * 1024  # a message of 4096 characters is ~16 KB even in JSON escapes


async def read_body(request: Request, max_bytes: int) -> bytes:
    """The raw body, refused with 413 as soon as it grows past `max_bytes`."""
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            if int(declared) > max_bytes:
                raise ApiError(413, "too_large", f"The request body is larger than {max_bytes} bytes.")
        except ValueError:
            raise ApiError(400, "bad_request", "Content-Length is not a number.") from None
    chunks: list[bytes] = []
    size = 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > max_bytes:
                raise ApiError(413, "too_large", f"The request body is larger than {max_bytes} bytes.")
            chunks.append(chunk)
    except ClientDisconnect:
        raise ApiError(400, "bad_request", "The client went away mid-request.") from None
    return b"".join(chunks)


async def read_json(request: Request, max_bytes: int = MAX_JSON_BYTES) -> dict[str, Any]:
    content_type = request.headers.get("content-type", "")
    if content_type.split(";")[0].strip().lower() not in ("application/json", ""):
        raise ApiError(415, "unsupported_media_type", "Send the request as application/json.")
    raw = await read_body(request, max_bytes)
    try:
        body = json.loads(raw)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ApiError(400, "bad_json", "The request body is not valid JSON.") from None
    if not isinstance(body, dict):
        raise ApiError(400, "bad_json", "The request body must be a JSON object.")
    return body


def path_id(request: Request, name: str) -> int:
    value = request.path_params.get(name)
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ApiError(404, "not_found", "There is nothing at this address.") from None
    if not 0 < number < 2**63:
        raise ApiError(404, "not_found", "There is nothing at this address.")
    return number


def query_int(request: Request, name: str, default: int | None, *, minimum: int = 0,
              maximum: int = 2**63 - 1) -> int | None:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ApiError(400, "bad_request", f"{name} must be a whole number.") from None
    if not minimum <= value <= maximum:
        raise ApiError(400, "bad_request", f"{name} must lie between {minimum} and {maximum}.")
    return value


def text_field(body: dict[str, Any], name: str, *, max_len: int, min_len: int = 1,
               required: bool = True) -> str | None:
    value = body.get(name)
    if value is None and not required:
        return None
    if not isinstance(value, str):
        raise ApiError(400, "invalid", f"{name} must be text.")
    value = value.strip()
    if not min_len <= len(value) <= max_len:
        raise ApiError(400, "invalid", f"{name} must have {min_len} to {max_len} characters.")
    return value


def ok(body: Any, status: int = 200) -> JSONResponse:
    return JSONResponse(body, status_code=status, headers={"Cache-Control": "no-store"})
