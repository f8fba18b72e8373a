"""Request bodies as Graph reads them: JSON, or form fields whose values may be JSON."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl

from starlette.requests import Request

from wadesk.sim import errors


async def json_body(request: Request) -> dict[str, Any]:
    raw = await request.body()
    content_type = request.headers.get("content-type", "")
    if "application/x-www-form-urlencoded" in content_type:
        form = dict(request.query_params)
        form.update(parse_qsl(raw.decode("utf-8", "replace")))
        decoded: dict[str, Any] = {}
        for key, value in form.items():  # Graph accepts JSON-encoded values in form fields
            try:
                decoded[key] = json.loads(value) if value[:1] in "[{" else value
            except json.JSONDecodeError:
                decoded[key] = value
        return decoded
    try:
        body = json.loads(raw or b"{}")
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise errors.invalid_parameter("The request body is not valid JSON.") from None
    if not isinstance(body, dict):
        raise errors.invalid_parameter("The request body must be a JSON object.")
    return body
