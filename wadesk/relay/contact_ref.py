"""The {contact} of /api/v1/contacts/{contact}/…: which customer an endpoint is about.

    123                   the relay's contact id
    wa_id:4915112345678   the customer's WhatsApp id (their number, digits only)
    user_id:DE.1234…      the customer's business-scoped user id (BSUID)

A desktop numbers its rows on its own, so it names a customer by their WhatsApp id or
BSUID, which are the same everywhere; the relay's own id works as well.
"""

from __future__ import annotations

import re
from typing import Any

from starlette.requests import Request

from wadesk.relay.access import ApiError
from wadesk.store.contacts import Contact, find_contact, get_contact

_WA_ID = re.compile(r"\d{5,20}")
_USER_ID = re.compile(r"[A-Za-z0-9._:-]{3,128}")

NOT_FOUND = ApiError(404, "contact_not_found", "There is no such contact.")


def contact_key(request: Request) -> tuple[str, Any]:
    raw = str(request.path_params.get("contact", ""))
    kind, _, value = raw.partition(":")
    if not value and raw.isdigit() and len(raw) < 19:
        return "id", int(raw)
    if kind == "wa_id" and _WA_ID.fullmatch(value):
        return "wa_id", value
    if kind == "user_id" and _USER_ID.fullmatch(value):
        return "user_id", value
    raise ApiError(404, "contact_not_found",
                   "Name the contact by its id, wa_id:<number> or user_id:<BSUID>.")


def find(conn: Any, key: tuple[str, Any]) -> Contact:
    """The contact `key` names, or ApiError 404."""
    kind, value = key
    if kind == "id":
        found = get_contact(conn, value)
    elif kind == "wa_id":
        found = find_contact(conn, wa_id=value)
    else:
        found = find_contact(conn, user_id=value)
    if found is None:
        raise ApiError(NOT_FOUND.status, NOT_FOUND.code, NOT_FOUND.message)
    return found
