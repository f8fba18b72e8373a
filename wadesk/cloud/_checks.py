"""Local checks of Meta's documented limits, run before a request leaves the machine.

A request Meta would reject costs a round trip, counts against the call limits and, for
sends, may only fail later in a status webhook. Failing here names the field instead.
"""

from __future__ import annotations

import math
import re

from wadesk.cloud.errors import CloudValidationError

# Graph ids are digits; upload sessions and BSUIDs add letters, dots, colons. A path
# segment must never be able to climb out of its place ("..", "/", "?").
_SEGMENT = re.compile(r"[A-Za-z0-9_.:=\-]+")
# Resumable-upload sessions look like `upload:<base64>?sig=<...>`; they are used verbatim.
_UPLOAD_SESSION = re.compile(r"upload:[A-Za-z0-9_.:=+/%\-]+(\?[A-Za-z0-9_.:=+/%&\-]*)?")


def text(field: str, value: object, *, max_len: int, min_len: int = 0) -> str:
    """`value` must be a str of min_len..max_len characters (Meta counts characters)."""
    if not isinstance(value, str):
        raise CloudValidationError(field, f"must be text, not {type(value).__name__}")
    if len(value) < min_len:
        if min_len == 1:
            raise CloudValidationError(field, "must not be empty")
        raise CloudValidationError(field, f"must have at least {min_len} characters")
    if len(value) > max_len:
        raise CloudValidationError(field, f"has {len(value)} characters, at most {max_len} allowed")
    return value


def optional_text(field: str, value: object, *, max_len: int, min_len: int = 0) -> str | None:
    return None if value is None else text(field, value, max_len=max_len, min_len=min_len)


def not_blank(field: str, value: str) -> str:
    if not value.strip():
        raise CloudValidationError(field, "must not be blank")
    return value


def count(field: str, items: tuple[object, ...], *, max_items: int, min_items: int = 0) -> None:
    if not min_items <= len(items) <= max_items:
        raise CloudValidationError(field, f"needs {min_items}..{max_items} items, got {len(items)}")


def coordinate(field: str, value: object, *, limit: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise CloudValidationError(field, "must be a number")
    if not math.isfinite(value) or not -limit <= value <= limit:
        raise CloudValidationError(field, f"must lie within ±{limit:g}")
    return float(value)


def segment(field: str, value: object) -> str:
    """An id that will be placed in a URL path."""
    if not isinstance(value, str) or not _SEGMENT.fullmatch(value) or set(value) == {"."}:
        raise CloudValidationError(field, "is not a valid id")
    return value


def exactly_one(field: str, **options: object) -> None:
    given = [name for name, value in options.items() if value is not None]
    if len(given) != 1:
        names = " or ".join(options)
        raise CloudValidationError(field, f"needs exactly one of {names}")


def upload_session(field: str, value: object) -> str:
    if not isinstance(value, str) or not _UPLOAD_SESSION.fullmatch(value) or "/." in value:
        raise CloudValidationError(field, "is not an upload session id")
    return value
