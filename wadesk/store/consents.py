"""Consents: what a customer agreed to (or withdrew), when, how, and who recorded it.

Shared state (migration 7). Every record is kept as history; the newest per purpose
(by `at`, then id) is the customer's current choice. A record names the customer by the
WhatsApp id and BSUID they had then, so that merging two contacts (first known by
number, later by BSUID) never loses or moves a consent.

What stays after an erasure (GDPR Art. 17) — the "minimal proof": a business must be
able to show that a customer agreed to marketing (Art. 7(1); in Germany §7 UWG), and
that it honoured a withdrawal, for as long as a claim can be made (Art. 17(3)(e)).
So an erased customer's records keep purpose, given/withdrawn, when, the source
category, the privacy notice version and who on the team recorded it, but lose
everything else: the number and BSUID are replaced by a salted SHA-256 (the salt is
random per erasure; only someone who already knows the number can check a record
against it) and the evidence text (which may quote the customer) is dropped.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from wadesk.store._db import Connection, execute, query_all, query_one

STATES = ("given", "withdrawn")
SOURCES = ("whatsapp_message", "website", "in_person", "phone_call", "paper_form", "other")


@dataclass(frozen=True, slots=True)
class Consent:
    id: int
    wa_id: str | None
    user_id: str | None
    purpose: str
    state: str
    at: int
    source: str
    evidence: str | None
    notice_version: str | None
    recorded_by: str | None
    recorded_by_name: str | None
    recorded_at: int
    subject_hash: str | None = None  # set once the customer is erased
    subject_salt: str | None = None


_COLUMNS = ("id, wa_id, user_id, purpose, state, at, source, evidence, notice_version,"
            " recorded_by, recorded_by_name, recorded_at, subject_hash, subject_salt")
# Proof fields: what an erasure keeps (see the module docstring).
PROOF_FIELDS = ("id", "purpose", "state", "at", "source", "notice_version", "recorded_by",
                "recorded_by_name", "recorded_at", "subject_hash", "subject_salt")


def subject_hash(salt: str, wa_id: str | None, user_id: str | None) -> str:
    """The pseudonym an erased customer's consent records keep."""
    identity = f"wa_id:{wa_id}" if wa_id else f"user_id:{user_id}"
    return hashlib.sha256(f"wadesk-consent:{salt}:{identity}".encode()).hexdigest()


def next_consent_id(conn: Connection) -> int:
    row = query_one(conn, "SELECT coalesce(max(id), 0) + 1 FROM consents")
    return int(row[0]) if row else 1


def record_consent(conn: Connection, consent: Consent) -> bool:
    """Store one record under the relay's id; False if that id is stored already
    (applying an event twice changes nothing)."""
    if consent.state not in STATES:
        raise ValueError(f"state must be one of {', '.join(STATES)}")
    if not (consent.wa_id or consent.user_id or consent.subject_hash):
        raise ValueError("a consent names a customer")
    return execute(
        conn,
        f"INSERT INTO consents ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (id) DO NOTHING",
        (consent.id, consent.wa_id, consent.user_id, consent.purpose, consent.state,
         consent.at, consent.source, consent.evidence, consent.notice_version,
         consent.recorded_by, consent.recorded_by_name, consent.recorded_at,
         consent.subject_hash, consent.subject_salt),
    ) == 1


def get_consent(conn: Connection, consent_id: int) -> Consent | None:
    row = query_one(conn, f"SELECT {_COLUMNS} FROM consents WHERE id = ?", (consent_id,))
    return Consent(*row) if row else None


def consents_of(conn: Connection, wa_id: str | None, user_id: str | None) -> list[Consent]:
    """A customer's records, newest first: those under their BSUID, and those under
    their number that were recorded before a BSUID was known."""
    rows: list[tuple[Any, ...]] = []
    if user_id:
        rows += query_all(conn, f"SELECT {_COLUMNS} FROM consents WHERE user_id = ?", (user_id,))
    if wa_id:
        rows += query_all(conn, f"SELECT {_COLUMNS} FROM consents WHERE wa_id = ?"
                          " AND user_id IS NULL", (wa_id,))
    found = [Consent(*row) for row in rows]
    return sorted(found, key=lambda c: (c.at, c.id), reverse=True)


def current_choices(records: list[Consent]) -> dict[str, Consent]:
    """purpose -> the newest record (records as consents_of returns them)."""
    current: dict[str, Consent] = {}
    for record in records:
        current.setdefault(record.purpose, record)
    return current


def proofs_of(conn: Connection, wa_id: str | None, user_id: str | None,
              salt: str) -> list[dict[str, Any]]:
    """The minimal proof each of a customer's records becomes when they are erased."""
    hashed = subject_hash(salt, wa_id, user_id)
    return [
        {"id": c.id, "purpose": c.purpose, "state": c.state, "at": c.at, "source": c.source,
         "notice_version": c.notice_version, "recorded_by": c.recorded_by,
         "recorded_by_name": c.recorded_by_name, "recorded_at": c.recorded_at,
         "subject_hash": hashed, "subject_salt": salt}
        for c in consents_of(conn, wa_id, user_id)
    ]


def replace_with_proofs(conn: Connection, wa_id: str | None, user_id: str | None,
                        proofs: list[dict[str, Any]]) -> int:
    """Drop a customer's records and keep `proofs` (proofs_of's shape) instead, in the
    caller's transaction; the number of records dropped."""
    dropped = 0
    if user_id:
        dropped += execute(conn, "DELETE FROM consents WHERE user_id = ?", (user_id,))
    if wa_id:
        dropped += execute(conn, "DELETE FROM consents WHERE wa_id = ? AND user_id IS NULL",
                           (wa_id,))
    for proof in proofs:
        values = {name: proof.get(name) for name in PROOF_FIELDS}
        execute(
            conn,
            f"INSERT OR REPLACE INTO consents ({', '.join(PROOF_FIELDS)})"
            f" VALUES ({', '.join('?' for _ in PROOF_FIELDS)})",
            tuple(values.values()),
        )
    return dropped


def proofs_matching(conn: Connection, wa_id: str | None, user_id: str | None) -> list[Consent]:
    """Erased records that belonged to this number or BSUID (for a dispute: "did this
    customer agree?"), newest first."""
    rows = query_all(conn, f"SELECT {_COLUMNS} FROM consents WHERE subject_hash IS NOT NULL")
    found = []
    for row in rows:
        record = Consent(*row)
        salt = record.subject_salt or ""
        candidates = {subject_hash(salt, wa_id, None) if wa_id else None,
                      subject_hash(salt, None, user_id) if user_id else None}
        if record.subject_hash in candidates:
            found.append(record)
    return sorted(found, key=lambda c: (c.at, c.id), reverse=True)
