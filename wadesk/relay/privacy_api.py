"""A customer's data: a copy of all of it, and erasing it (GDPR Art. 15, 17 and 20).
Owners only; both are audited (who, when, which contact; never contents).

    GET  /api/v1/contacts/{contact}/export                                (data.export)
        -> 200 a JSON download (Content-Disposition: attachment): the contact, their
           conversations with every message (texts, statuses, reactions, labels, Meta's
           raw payload), notes, consents and the list of media files
           (contact_export.py; a stored file comes from GET /api/v1/media/{wamid})
    POST /api/v1/contacts/{contact}/erase  {"confirm": "erase"}            (data.erase)
        -> 200 {"contact_id", "messages", "media_files", "events_scrubbed",
                "consent_proofs_kept", "erasure_seq", "wal_truncated"}

Erasing takes, on the relay: the contact, their conversations, messages (and their FTS
entries, forensically: FTS5 secure-delete and secure_delete), reactions, notes, label
links, parked events, sends and media files; their earlier events in the log become
tombstones (relay_erasure.py), so a desktop that syncs from 0 later never sees them;
and one `contact.erased` event makes every desktop erase its own copy. Consent records
stay only as minimal proof (consents.py says what and why). Afterwards the WAL is
checkpointed and truncated so no old page image of the data is left in it.

The log is first searched on a reader (a large log takes a while and must not hold up
webhooks); the writer then looks only at what came since, and does the rest in one
transaction.
"""

from __future__ import annotations

import logging
import secrets
import time
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from wadesk.relay import contact_ref
from wadesk.relay.access import ApiError, require
from wadesk.relay.api_util import ok, read_json
from wadesk.relay.event_write import emit
from wadesk.store import consents, contact_export, people, relay_erasure
from wadesk.store.connection import checkpoint
from wadesk.store.contact_erasure import subject_of
from wadesk.store.contacts import get_contact
from wadesk.store.media_files import MediaFileError, delete_media_file

log = logging.getLogger(__name__)

CONFIRM = "erase"


def routes(ctx: Any) -> list[BaseRoute]:
    async def export(request: Request) -> Response:
        caller = await require(request, ctx, "data.export")
        key = contact_ref.contact_key(request)

        def read(conn: Any) -> dict[str, Any]:
            contact = contact_ref.find(conn, key)
            document = contact_export.export_contact(conn, contact.id)
            if document is None:  # erased between the two reads
                raise ApiError(404, "contact_not_found", "There is no such contact.")
            return document

        document = await ctx.read(read)
        contact_id = document["contact"]["id"]
        now = int(time.time())
        document = {**document, "exported_at": now, "exported_by": caller.person.name}
        # Audited before the data leaves: no copy without a record of it.
        await ctx.write(lambda conn: people.audit(
            conn, caller.person, "contact.exported", f"contact:{contact_id}",
            {"conversations": len(document["conversations"]),
             "messages": sum(len(c["messages"]) for c in document["conversations"])}))
        name = f"wadesk-contact-{contact_id}-{time.strftime('%Y%m%d', time.gmtime(now))}.json"
        response = ok(document)
        response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
        return response

    async def erase(request: Request) -> JSONResponse:
        caller = await require(request, ctx, "data.erase")
        key = contact_ref.contact_key(request)
        body = await read_json(request, 8 * 1024)
        if body.get("confirm") != CONFIRM:
            raise ApiError(400, "confirm_erase", 'Erasing cannot be undone: send {"confirm": '
                           '"erase"} to erase this contact and everything about them.')

        def search(conn: Any) -> tuple[int, set[str], list[int], int]:
            contact = contact_ref.find(conn, key)
            trail = relay_erasure.contact_trail(conn, contact)
            seqs, last = relay_erasure.find_contact_events(conn, trail)
            return contact.id, trail, seqs, last

        contact_id, trail, seqs, last = await ctx.read(search)

        def write(conn: Any) -> tuple[dict[str, Any], list[str]]:
            contact = get_contact(conn, contact_id)
            if contact is None:
                raise ApiError(404, "contact_not_found", "The contact was erased meanwhile.")
            trail.update(relay_erasure.contact_trail(conn, contact))  # what came since
            more, _ = relay_erasure.find_contact_events(conn, trail, last)
            salt = secrets.token_hex(16)
            proofs = consents.proofs_of(conn, contact.wa_id, contact.user_id, salt)
            sends = relay_erasure.drop_sends(conn, contact)
            message_count, files = relay_erasure.messages_and_files(conn, contact_id)
            erasure_seq = emit(conn, "contact.erased", {
                "subject": subject_of(contact, salt).as_json(), "consent_proofs": proofs,
                "ts": int(time.time())}, actor_id=caller.person.id)
            assert erasure_seq is not None
            scrubbed = relay_erasure.tombstone_events(conn, [*seqs, *more], erasure_seq)
            relay_erasure.scrub_audit_targets(conn, trail)
            summary = {"contact_id": contact_id, "messages": message_count,
                       "media_files": len(files), "events_scrubbed": scrubbed,
                       "sends_dropped": sends, "consent_proofs_kept": len(proofs),
                       "erasure_seq": erasure_seq}
            people.audit(conn, caller.person, "contact.erased", f"contact:{contact_id}",
                         {k: v for k, v in summary.items() if k != "contact_id"})
            return summary, files

        summary, files = await ctx.write(write)
        for name in files:  # after the commit: a rollback must not lose a file
            try:
                delete_media_file(ctx.config.media_dir, name)
            except (OSError, MediaFileError):  # its key is gone with the row anyway
                log.warning("could not delete an erased media file")
        # Old page images of the erased rows may still be in the WAL.
        truncated = await ctx.read(lambda conn: checkpoint(conn, truncate=True))
        log.info("contact erased", extra={"contact_id": contact_id,
                                          "events_scrubbed": summary["events_scrubbed"]})
        return ok({**summary, "wal_truncated": truncated})

    return [
        Route("/api/v1/contacts/{contact}/export", export, methods=["GET"]),
        Route("/api/v1/contacts/{contact}/erase", erase, methods=["POST"]),
    ]

