"""Applying the events of automations, consents and erasure: registered into
apply_events.HANDLERS (imported at its bottom), so the relay and every replica apply
them with the same code and end in the same state.

Payload shapes (absent values are null):

    automations.saved {"greeting": {"enabled", "text", "after_days"},
                       "away": {"enabled", "text", "when" ("outside_hours" | "always")},
                       "business_hours": {"time_zone", "days": {"mon": [["09:00", "18:00"]],
                                          ...}},
                       "updated_at", "updated_by" (str person id)}   the whole settings
    consent.recorded  {"consent_id", "contact": {"wa_id", "user_id"}, "purpose",
                       "state" ("given" | "withdrawn"), "at", "source", "evidence",
                       "notice_version", "recorded_by", "recorded_by_name", "recorded_at"}
    contact.erased    {"subject": {"salt", "wa_id_hash", "user_id_hash"},
                       "consent_proofs": [...], "ts"}            see contact_erasure.py
    erased            {"erasure_seq"}: an earlier event of an erased contact, its payload
                       scrubbed from the relay's log (a replica syncing later gets this)

`contact.erased` also takes, on whichever machine applies it, what only that machine
has: sends, notes, assignments and labels still waiting in its outbox for the erased
conversations (and first messages to the customer's number), and every migration
backup of its database (migration_backups.py: the erasure matters more than a way
back to an older version). The names of the media files to unlink come back in a
LocalErasure (erase_contact_event), for the caller to delete after its commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wadesk.core.business_hours import parse_week
from wadesk.store import automations, consents, migration_backups, outbox, replica_sync
from wadesk.store._db import Connection, query_all
from wadesk.store.apply_events import register
from wadesk.store.contact_erasure import Subject, erase_subject
from wadesk.store.deletion import footprint


@dataclass(frozen=True, slots=True)
class LocalErasure:
    """What a `contact.erased` event took from this machine."""

    conversation_ids: tuple[int, ...]
    message_ids: tuple[int, ...]
    media_files: tuple[str, ...]  # to unlink after the commit (media_files.delete_media_file)
    unsent_dropped: int  # outbox items that never went out
    backups_deleted: int


def settings_from_payload(p: dict[str, Any]) -> automations.AutomationSettings:
    greeting, away, hours = p["greeting"], p["away"], p["business_hours"]
    return automations.AutomationSettings(
        greeting_enabled=bool(greeting["enabled"]), greeting_text=greeting["text"] or "",
        greeting_after_days=int(greeting["after_days"]),
        away_enabled=bool(away["enabled"]), away_text=away["text"] or "",
        away_when=away["when"], time_zone=hours["time_zone"],
        hours=tuple((r.weekday, r.opens, r.closes) for r in parse_week(hours["days"])),
        updated_at=int(p["updated_at"]), updated_by=p.get("updated_by"),
    )


@register("automations.saved")
def _automations_saved(conn: Connection, p: dict[str, Any]) -> None:
    automations.save_settings(conn, settings_from_payload(p))


@register("consent.recorded")
def _consent_recorded(conn: Connection, p: dict[str, Any]) -> None:
    contact = p.get("contact") or {}
    consents.record_consent(conn, consents.Consent(
        id=int(p["consent_id"]), wa_id=contact.get("wa_id"), user_id=contact.get("user_id"),
        purpose=p["purpose"], state=p["state"], at=int(p["at"]), source=p["source"],
        evidence=p.get("evidence"), notice_version=p.get("notice_version"),
        recorded_by=p.get("recorded_by"), recorded_by_name=p.get("recorded_by_name"),
        recorded_at=int(p["recorded_at"]),
    ))


def erase_contact_event(conn: Connection, p: dict[str, Any]) -> LocalErasure:
    """Apply a `contact.erased` payload, in the caller's transaction; what went."""
    subject = Subject.from_json(p["subject"])
    contact_ids = [contact_id for contact_id, wa_id, user_id
                   in query_all(conn, "SELECT id, wa_id, user_id FROM contacts")
                   if subject.names(wa_id, user_id)]
    found = footprint(conn, contact_ids)
    erased = erase_subject(conn, subject, list(p.get("consent_proofs") or []))
    dropped = outbox.drop_unsent(conn, found.conversation_ids, subject.names)
    for client_id in {*dropped, *found.client_ids}:
        replica_sync.forget_upload(conn, client_id)  # the relay's media id of an upload
    backups = migration_backups.delete_all_of(conn)
    return LocalErasure(found.conversation_ids, found.message_ids, tuple(erased.media_files),
                        len(dropped), len(backups))


@register("contact.erased")
def _contact_erased(conn: Connection, p: dict[str, Any]) -> None:
    erase_contact_event(conn, p)


@register("erased")
def _erased(conn: Connection, p: dict[str, Any]) -> None:
    """A scrubbed event: nothing of it is left to apply."""
