"""The business profile of each number: GET/POST /{phone-number-id}/whatsapp_business_profile.

Meta's field limits: about 1-139 characters, address <= 256, description <= 512, email
<= 128 and well formed, at most 2 websites of <= 256 characters starting with http(s),
vertical from a fixed list, picture through a resumable-upload handle.
"""

from __future__ import annotations

import re
import secrets
from typing import Any

from wadesk.sim import errors
from wadesk.sim.bodies import json_body
from wadesk.sim.samples import sample_bytes

VERTICALS = frozenset(
    "UNDEFINED OTHER AUTO BEAUTY APPAREL EDU ENTERTAIN EVENT_PLAN FINANCE GROCERY GOVT HOTEL "
    "HEALTH NONPROFIT PROF_SERVICES RETAIL TRAVEL RESTAURANT NOT_A_BIZ ALCOHOL ONLINE_GAMBLING "
    "PHYSICAL_GAMBLING OTC_DRUGS".split()
)
FIELDS = ("about", "address", "description", "email", "profile_picture_url", "websites", "vertical")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")


def default_profile() -> dict[str, Any]:
    return {
        "about": "Fahrräder, Reparatur & Verleih in Friedrichshain 🚲",
        "address": "Boxhagener Straße 42, 10245 Berlin",
        "description": (
            "Meisterwerkstatt für City-, Trekking- und E-Bikes. Reparaturen meist innerhalb von "
            "48 Stunden, Leihräder ab 12 € pro Tag. Mo–Fr 10–19 Uhr, Sa 10–16 Uhr."
        ),
        "email": "hallo@radhaus-berlin.de",
        "websites": ["https://radhaus-berlin.de"],
        "vertical": "RETAIL",
    }


class Profiles:
    def __init__(self, sim: Any) -> None:
        self.sim = sim
        self._profiles = {pid: default_profile() for pid in sim.account.numbers}
        self._pictures: dict[str, tuple[bytes, str]] = {}  # key -> (bytes, mime type)
        self._picture_keys: dict[str, str] = {}  # phone number id -> picture key
        for pid in self._profiles:
            key = secrets.token_urlsafe(12)
            self._pictures[key] = (sample_bytes("logo.png"), "image/png")
            self._picture_keys[pid] = key

    def get(self, phone_number_id: str, base_url: str) -> dict[str, Any]:
        profile = dict(self._profiles[phone_number_id])
        key = self._picture_keys.get(phone_number_id)
        if key:
            profile["profile_picture_url"] = f"{base_url.rstrip('/')}/pps/{key}"
        return profile

    def picture(self, key: str) -> tuple[bytes, str] | None:
        return self._pictures.get(key)

    def update(self, phone_number_id: str, body: dict[str, Any]) -> None:
        changes = validate(body)
        handle = changes.pop("profile_picture_handle", None)
        if handle is not None:
            upload = self.sim.uploads.by_handle(handle)
            if upload is None or not upload.file_type.startswith("image/"):
                raise errors.invalid_parameter("Param profile_picture_handle is not a valid image upload handle.")
            key = secrets.token_urlsafe(12)
            self._pictures[key] = (bytes(upload.data), upload.file_type)
            self._picture_keys[phone_number_id] = key
        self._profiles[phone_number_id].update(changes)


def _text(body: dict[str, Any], name: str, limit: int, *, minimum: int = 0) -> str:
    value = body[name]
    if not isinstance(value, str):
        raise errors.invalid_parameter(f"Param {name} must be a string.")
    if len(value) > limit:
        raise errors.invalid_parameter(f"Param {name} must be at most {limit} characters long.")
    if len(value) < minimum:
        raise errors.invalid_parameter(f"Param {name} must be at least {minimum} character long.")
    return value


def validate(body: dict[str, Any]) -> dict[str, Any]:
    """The fields to change, or Meta's 100 for the first invalid one."""
    if body.get("messaging_product") != "whatsapp":
        raise errors.invalid_parameter("The parameter messaging_product is required and must be 'whatsapp'.")
    allowed = {"messaging_product", "about", "address", "description", "email", "websites",
               "vertical", "profile_picture_handle"}
    for name in body:
        if name not in allowed:
            raise errors.invalid_parameter(f"Param {name} is not a valid business profile field.")
    changes: dict[str, Any] = {}
    if "about" in body:
        changes["about"] = _text(body, "about", 139, minimum=1)
    if "address" in body:
        changes["address"] = _text(body, "address", 256)
    if "description" in body:
        changes["description"] = _text(body, "description", 512)
    if "email" in body:
        email = _text(body, "email", 128)
        if email and not _EMAIL.match(email):
            raise errors.invalid_parameter("Param email must be a valid email address.")
        changes["email"] = email
    if "websites" in body:
        sites = body["websites"]
        if not isinstance(sites, list) or not all(isinstance(s, str) for s in sites):
            raise errors.invalid_parameter("Param websites must be an array of strings.")
        if len(sites) > 2:
            raise errors.invalid_parameter("Param websites must have at most 2 elements.")
        for site in sites:
            if len(site) > 256:
                raise errors.invalid_parameter("Param websites[] must be at most 256 characters long.")
            if not re.match(r"^https?://[^\s/]+", site):
                raise errors.invalid_parameter("Param websites[] must start with http:// or https://.")
        changes["websites"] = list(sites)
    if "vertical" in body:
        if body["vertical"] not in VERTICALS:
            raise errors.invalid_parameter(f"Param vertical must be one of {{{', '.join(sorted(VERTICALS))}}}.")
        changes["vertical"] = body["vertical"]
    if "profile_picture_handle" in body:
        changes["profile_picture_handle"] = _text(body, "profile_picture_handle", 4096, minimum=1)
    return changes


async def read(sim: Any, request: Any, phone_number_id: str) -> dict[str, Any]:
    """GET ...?fields=about,address,... -> {"data": [{...}]}."""
    profile = sim.profiles.get(phone_number_id, str(request.base_url))
    wanted = [f.strip() for f in request.query_params.get("fields", "").split(",") if f.strip()]
    for name in wanted:
        if name not in FIELDS:
            raise errors.nonexisting_field(name, "WhatsAppBusinessProfile")
    chosen = {k: v for k, v in profile.items() if not wanted or k in wanted}
    return {"data": [{**chosen, "messaging_product": "whatsapp"}]}


async def write(sim: Any, request: Any, phone_number_id: str) -> dict[str, Any]:
    sim.profiles.update(phone_number_id, await json_body(request))
    return {"success": True}
