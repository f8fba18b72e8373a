"""Small helpers the team and send endpoints share: reading a JSON body within limits,
path and query numbers, ids from a body, and the JSON answer. Every failure is an
ApiError (a clear 4xx).

What `read_json` refuses up front, so that no handler ever meets it: a body that is not
UTF-8, `NaN`/`Infinity` (Python's json accepts them), a number too large for SQLite's
64-bit integers or a float that overflows, and text holding a lone UTF-16 surrogate
(`"\\ud83d"`: valid JSON, but no UTF-8 can store it). Ids go through `bounded_id`:
0 < id < 2**63, whatever the endpoint.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse

from wadesk.relay.access import ApiError

MAX_JSON_BYTES = 256 * 1024  # a message of 4096 characters is ~16 KB even in JSON escapes
ID_LIMIT = 2**63  # SQLite's INTEGER; a larger id cannot name anything and overflows a bind

# A \\uD800-\\uDFFF escape: valid pairs are decoded to one character, lone ones stay
# surrogates. Only bodies holding such an escape are searched for lone ones.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


class _BadNumber(ValueError):
    pass


def _reject_constant(name: str) -> Any:
    raise _BadNumber(f"{name} is not a number JSON allows.")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _BadNumber("A number in the request is too large.")
    return value


_DECODER = json.JSONDecoder(parse_constant=_reject_constant, parse_float=_finite_float)
_LONG_NUMBER = re.compile(r"\d{19}")  # only such a body can hold an int beyond 64 bits


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
    return parse_json_object(raw)


def parse_json_object(raw: bytes) -> dict[str, Any]:
    """The body as a dict, or ApiError 400 (see the module docstring for what is refused)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(400, "bad_json", "The request body is not UTF-8.") from None
    try:
        body = _DECODER.decode(text)
    except _BadNumber as exc:
        raise ApiError(400, "bad_json", str(exc)) from None
    except (ValueError, RecursionError):
        raise ApiError(400, "bad_json", "The request body is not valid JSON.") from None
    if not isinstance(body, dict):
        raise ApiError(400, "bad_json", "The request body must be a JSON object.")
    texts, numbers = _SURROGATE_ESCAPE.search(text), _LONG_NUMBER.search(text)
    if texts or numbers:
        try:
            found = _first_unstorable(body, "", texts=bool(texts), numbers=bool(numbers))
        except RecursionError:
            raise ApiError(400, "bad_json", "The request body is nested too deeply.") from None
        if found is not None:
            where, what = found
            where = where or "a field name"
            if what == "number":
                raise ApiError(400, "invalid", f"{where} is a number too large to store "
                               f"(at most {ID_LIMIT - 1}).")
            raise ApiError(400, "invalid", f"{where} holds a broken character (a lone UTF-16 "
                           "surrogate); send it as UTF-8 text.")
    return body


def _first_unstorable(value: Any, path: str, *, texts: bool,
                      numbers: bool) -> tuple[str, str] | None:
    """(path, "text" | "number") of the first value no column can hold: a text (or key)
    with a lone surrogate, or a whole number beyond 64 bits; else None."""
    if isinstance(value, str):
        return (path, "text") if texts and _SURROGATE.search(value) else None
    if isinstance(value, int) and not isinstance(value, bool):
        return (path, "number") if numbers and not -ID_LIMIT <= value < ID_LIMIT else None
    items: Any = ()
    if isinstance(value, dict):
        for key in value:
            if texts and _SURROGATE.search(key):
                return path, "text"
        items = ((f"{path}.{key}" if path else str(key), item) for key, item in value.items())
    elif isinstance(value, list):
        items = ((f"{path}[{n}]", item) for n, item in enumerate(value))
    for here, item in items:
        found = _first_unstorable(item, here, texts=texts, numbers=numbers)
        if found is not None:
            return found
    return None


def is_bounded_id(value: object) -> bool:
    """A JSON whole number that can be a row id: 0 < value < 2**63 (not a bool)."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value < ID_LIMIT


def bounded_id(value: object, name: str, *, status: int = 400) -> int:
    """`value` as an id, or ApiError naming `name` (404 for ids taken from a path)."""
    if is_bounded_id(value):
        return value  # type: ignore[return-value]
    if status == 404:
        raise ApiError(404, "not_found", "There is nothing at this address.")
    raise ApiError(status, "invalid", f"{name} must be a whole number from 1 to {ID_LIMIT - 1}.")


def body_id(body: dict[str, Any], name: str, *, required: bool = True) -> int | None:
    """The id in `body[name]` (None when it is missing or null and not required)."""
    value = body.get(name)
    if value is None and not required:
        return None
    return bounded_id(value, name)


def check_utf8(value: str, name: str) -> str:
    """`value` if it can be stored (encoded as UTF-8), else ApiError 400 naming `name`."""
    if not value.isascii() and _SURROGATE.search(value):
        raise ApiError(400, "invalid", f"{name} holds a broken character (a lone UTF-16 "
                       "surrogate); send it as UTF-8 text.")
    return value


def path_id(request: Request, name: str) -> int:
    value = request.path_params.get(name)
    if not isinstance(value, str) or not value.isdigit() or len(value) > 19:
        raise ApiError(404, "not_found", "There is nothing at this address.")
    return bounded_id(int(value), name, status=404)


def query_int(request: Request, name: str, default: int | None, *, minimum: int = 0,
              maximum: int = 2**63 - 1) -> int | None:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    try:
        if len(raw) > 40:
            raise ValueError
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
    value = check_utf8(value, name).strip()
    if not min_len <= len(value) <= max_len:
        raise ApiError(400, "invalid", f"{name} must have {min_len} to {max_len} characters.")
    return value


def ok(body: Any, status: int = 200) -> JSONResponse:
    return JSONResponse(body, status_code=status, headers={"Cache-Control": "no-store"})
