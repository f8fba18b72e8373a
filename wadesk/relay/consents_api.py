"""A customer's consents: what they agreed to (marketing templates, …) and withdrew.

    GET  /api/v1/contacts/{contact}/consents                                      (read)
        -> {"contact_id", "consents": [record, ...] newest first,
            "current": {purpose: record}}   the newest record per purpose
    POST /api/v1/contacts/{contact}/consents                           (consent.record)
        {"purpose": "marketing_templates", "state": "given" | "withdrawn",
         "source": "whatsapp_message" | "website" | "in_person" | "phone_call"
                   | "paper_form" | "other",
         "evidence"?: "what shows it, e.g. the customer's words",
         "notice_version"?: "the privacy notice version shown" (required for "given"),
         "at"?: epoch s when the customer gave or withdrew it (default: now)}
        -> 201 the record

{contact} is described in contact_ref.py. Any agent may record what the customer said
(a withdrawal as much as a consent): it is history, never edited; the newest record per
purpose is the current choice. Each record is an event (consent.recorded, so every
desktop knows before sending a marketing template) and an audit entry without the
evidence text.
"""

from __future__ import annotations

import re
import time
from dataclasses import asdict
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route

from wadesk.relay import contact_ref
from wadesk.relay.access import ApiError, require
from wadesk.relay.api_util import ok, read_json, text_field
from wadesk.relay.event_write import emit
from wadesk.store import consents, people

_PURPOSE = re.compile(r"[a-z][a-z0-9_]{0,39}")
EVIDENCE_MAX = 1000
NOTICE_VERSION_MAX = 40
# A record may be entered later than it happened (a paper form), not in the future.
CLOCK_SLACK_S = 300
EARLIEST_AT = 946_684_800  # 2000-01-01


def consent_view(record: consents.Consent) -> dict[str, Any]:
    view = asdict(record)
    for private in ("subject_hash", "subject_salt"):
        view.pop(private)
    return view


def parse_record(body: dict[str, Any], now: int) -> dict[str, Any]:
    """The checked fields of a POST body; ApiError 400 names the first wrong one."""
    purpose = body.get("purpose")
    if not isinstance(purpose, str) or not _PURPOSE.fullmatch(purpose):
        raise _invalid("purpose", "purpose is a short lowercase name like marketing_templates.")
    state = body.get("state")
    if state not in consents.STATES:
        raise _invalid("state", "state must be given or withdrawn.")
    source = body.get("source")
    if source not in consents.SOURCES:
        raise _invalid("source", f"source must be one of {', '.join(consents.SOURCES)}.")
    evidence = text_field(body, "evidence", max_len=EVIDENCE_MAX, required=False)
    notice = text_field(body, "notice_version", max_len=NOTICE_VERSION_MAX,
                        required=state == "given")
    at = body.get("at", now)
    if isinstance(at, bool) or not isinstance(at, int) \
            or not EARLIEST_AT <= at <= now + CLOCK_SLACK_S:
        raise _invalid("at", "at is when the customer said it (Unix seconds), not in the future.")
    return {"purpose": purpose, "state": state, "source": source, "evidence": evidence,
            "notice_version": notice, "at": at}


def _invalid(field: str, message: str) -> ApiError:
    return ApiError(400, "invalid", message, extra={"field": field})


def routes(ctx: Any) -> list[BaseRoute]:
    async def list_consents(request: Request) -> JSONResponse:
        await require(request, ctx, "read")
        key = contact_ref.contact_key(request)

        def read(conn: Any) -> tuple[int, list[consents.Consent]]:
            contact = contact_ref.find(conn, key)
            return contact.id, consents.consents_of(conn, contact.wa_id, contact.user_id)

        contact_id, records = await ctx.read(read)
        current = consents.current_choices(records)
        return ok({"contact_id": contact_id, "consents": [consent_view(r) for r in records],
                   "current": {p: consent_view(r) for p, r in sorted(current.items())}})

    async def record(request: Request) -> JSONResponse:
        caller = await require(request, ctx, "consent.record")
        key = contact_ref.contact_key(request)
        body = await read_json(request, 16 * 1024)
        now = int(time.time())
        fields = parse_record(body, now)

        def write(conn: Any) -> consents.Consent:
            contact = contact_ref.find(conn, key)
            consent_id = consents.next_consent_id(conn)
            payload = {"consent_id": consent_id,
                       "contact": {"wa_id": contact.wa_id, "user_id": contact.user_id},
                       **fields, "recorded_by": str(caller.person.id),
                       "recorded_by_name": caller.person.name, "recorded_at": now}
            emit(conn, "consent.recorded", payload, actor_id=caller.person.id)
            people.audit(conn, caller.person, "consent.recorded", f"contact:{contact.id}",
                         {"consent_id": consent_id, "purpose": fields["purpose"],
                          "state": fields["state"], "source": fields["source"]})
            created = consents.get_consent(conn, consent_id)
            assert created is not None  # applied by emit, in this transaction
            return created

        created = await ctx.write(write)
        return ok(consent_view(created), 201)

    return [
        Route("/api/v1/contacts/{contact}/consents", list_consents, methods=["GET"]),
        Route("/api/v1/contacts/{contact}/consents", record, methods=["POST"]),
    ]
