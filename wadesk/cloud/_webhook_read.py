"""Typed reads from untrusted webhook JSON.

Required values that are missing or of the wrong type raise InvalidWebhook; optional
ones of the wrong type read as absent, so that Meta's additions never break parsing.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from wadesk.cloud.webhook_types import InvalidWebhook

Obj = Mapping[str, Any]


# The relay parses thousands of webhooks a second: parsed JSON objects are plain dicts,
# and `type(v) is dict` is several times cheaper than the isinstance check against the
# Mapping ABC, which stays for callers that pass other mappings. Error texts are built
# only when there is an error.


_NOT_OBJ = frozenset({type(None), str, int, float, bool, list})


def _is_obj(value: object) -> bool:
    kind = type(value)
    if kind is dict:
        return True
    return kind not in _NOT_OBJ and isinstance(value, Mapping)


def obj(value: object, where: str) -> Obj:
    if not _is_obj(value):
        raise InvalidWebhook(f"{where} must be an object")
    return value  # type: ignore[return-value]


def req_obj(d: Obj, key: str, where: str) -> Obj:
    value = d.get(key)
    if not _is_obj(value):
        raise InvalidWebhook(f"{where}.{key} must be an object")
    return value


def opt_obj(d: Obj, key: str) -> Obj | None:
    value = d.get(key)
    if value is None:
        return None
    return value if _is_obj(value) else None


def objs(value: object, where: str) -> list[Obj]:
    """A list of objects; absent reads as empty, anything else malformed raises."""
    if value is None:
        return []
    if type(value) is not list:
        raise InvalidWebhook(f"{where} must be a list")
    for item in value:
        if not _is_obj(item):
            raise InvalidWebhook(f"{where}[] must be an object")
    return value


def lenient_objs(value: object) -> list[Obj]:
    """For optional lists whose broken items can simply be skipped."""
    return [v for v in value if _is_obj(v)] if isinstance(value, list) else []


def ident(value: object) -> str | None:
    """Graph ids come as strings, sometimes as numbers."""
    if type(value) is str:
        return value or None
    if isinstance(value, str) and value:
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def req_id(d: Obj, key: str, where: str) -> str:
    value = ident(d.get(key))
    if value is None:
        raise InvalidWebhook(f"{where}.{key} is missing")
    return value


def opt_str(d: Obj, key: str) -> str | None:
    value = d.get(key)
    return value if type(value) is str or isinstance(value, str) else None


def req_str(d: Obj, key: str, where: str) -> str:
    value = d.get(key)
    if not isinstance(value, str):
        raise InvalidWebhook(f"{where}.{key} must be text")
    return value


def opt_bool(d: Obj, key: str) -> bool:
    return d.get(key) is True


def to_int(value: object) -> int | None:
    if type(value) is str:
        return int(value) if value.isascii() and value.isdigit() and len(value) < 20 else None
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) < 20:
        return int(value)
    return None


def req_timestamp(d: Obj, where: str) -> int:
    """Unix seconds, sent as a string of digits."""
    value = to_int(d.get("timestamp"))
    if value is None or value < 0:
        raise InvalidWebhook(f"{where}.timestamp must be Unix seconds")
    return value


def opt_number(d: Obj, key: str) -> float | None:
    value = d.get(key)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        number = float(value)
    except OverflowError:  # an integer with hundreds of digits
        return None
    return number if math.isfinite(number) else None


def req_number(d: Obj, key: str, where: str) -> float:
    value = opt_number(d, key)
    if value is None:
        raise InvalidWebhook(f"{where}.{key} must be a number")
    return value
