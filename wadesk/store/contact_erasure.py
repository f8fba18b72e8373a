"""Erasing a contact everywhere: the `contact.erased` event, applied alike by the relay
and every replica.

The event cannot name the customer in the clear: it stays in the relay's log, and a
desktop that syncs from 0 later must find no trace of them. So it names them by salted
hashes of their WhatsApp id and BSUID (a random salt per erasure); a machine that still
holds the contact recognises it by hashing its own contacts' ids the same way, and one
that never had it (a new desktop) has nothing to find. The consent proofs travel in the
payload, so both end with the same minimal proof (consents.py).

    contact.erased {"subject": {"salt", "wa_id_hash", "user_id_hash"},
                    "consent_proofs": [proof, ...], "ts"}

Finding the contact costs two SHA-256 per contact of the store (about a third of a
second per 100,000 contacts), once per erasure.

Media files: this module deletes rows; each file's key lives in its message row, which
secure_delete zeroes, so a file left behind cannot be decrypted by anyone. The relay
unlinks its files after the commit; a desktop's media cache sweeps unreferenced files
(media_files.remove_orphan_files).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from wadesk.store import consents
from wadesk.store._db import Connection, execute, query_all
from wadesk.store.contacts import Contact
from wadesk.store.deletion import ErasedRows, erase_contact_rows


@dataclass(frozen=True, slots=True)
class Subject:
    salt: str
    wa_id_hash: str | None
    user_id_hash: str | None

    def as_json(self) -> dict[str, Any]:
        return {"salt": self.salt, "wa_id_hash": self.wa_id_hash,
                "user_id_hash": self.user_id_hash}

    @classmethod
    def from_json(cls, block: dict[str, Any]) -> Subject:
        return cls(str(block["salt"]), block.get("wa_id_hash"), block.get("user_id_hash"))

    def names(self, wa_id: str | None, user_id: str | None) -> bool:
        """Whether a customer with these ids is the one this subject hashes."""
        if wa_id and self.wa_id_hash and consents.subject_hash(self.salt, wa_id, None) \
                == self.wa_id_hash:
            return True
        return bool(user_id and self.user_id_hash
                    and consents.subject_hash(self.salt, None, user_id) == self.user_id_hash)


def subject_of(contact: Contact, salt: str) -> Subject:
    return Subject(
        salt,
        consents.subject_hash(salt, contact.wa_id, None) if contact.wa_id else None,
        consents.subject_hash(salt, None, contact.user_id) if contact.user_id else None,
    )


def erase_subject(conn: Connection, subject: Subject,
                  consent_proofs: list[dict[str, Any]]) -> ErasedRows:
    """Apply an erasure (in the caller's transaction): every contact the subject names
    goes with all that hangs on it, events parked for them too; the proofs stay."""
    messages, files, dropped = 0, [], 0
    for contact_id, wa_id, user_id in query_all(conn, "SELECT id, wa_id, user_id FROM contacts"):
        if subject.names(wa_id, user_id):
            erased = erase_contact_rows(conn, contact_id, consent_proofs)
            messages += erased.messages
            files += erased.media_files
            dropped += erased.consents_dropped
    # Keeps the proofs also where the contact never was (a replica syncing from 0).
    consents.replace_with_proofs(conn, None, None, consent_proofs)
    _drop_parked(conn, subject)
    return ErasedRows(messages, files, dropped)


def _drop_parked(conn: Connection, subject: Subject) -> None:
    """Parked events (a status for a message not seen yet) that name the customer."""
    for row_id, payload in query_all(conn, "SELECT id, payload FROM early_events"):
        p = json.loads(payload)
        blocks = [p, p.get("contact") or {}, p.get("conversation") or {}]
        ids = [(b.get("wa_id") or b.get("recipient_id"), b.get("user_id")
                or b.get("recipient_user_id")) for b in blocks if isinstance(b, dict)]
        if any(subject.names(wa_id, user_id) for wa_id, user_id in ids):
            execute(conn, "DELETE FROM early_events WHERE id = ?", (row_id,))
