"""Contacts: only what conversations tell us (ids, profile name, username) plus the
name the business gives them. No address-book field exists, by design.

A contact is known by its WhatsApp id (`wa_id`, the phone number), its business-scoped
user id (`user_id`, BSUID), or both. Since BSUIDs, the same person can first appear
with one id and later with the other; a webhook block carrying both then links them,
merging two contact rows into one.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from wadesk.store._db import Connection, execute, query_all, query_one, transaction
from wadesk.store.fts import fts_query


@dataclass(frozen=True, slots=True)
class ContactInfo:
    """A contact as a webhook (or a sync event) describes it."""

    wa_id: str | None = None
    user_id: str | None = None
    profile_name: str | None = None
    username: str | None = None

    @classmethod
    def from_webhook(cls, block: Mapping[str, Any]) -> ContactInfo:
        """From one item of a webhook's `contacts` array."""
        profile = block.get("profile") or {}
        return cls(
            wa_id=block.get("wa_id") or None,
            user_id=block.get("user_id") or None,
            profile_name=profile.get("name") or None,
            username=profile.get("username") or None,
        )


@dataclass(frozen=True, slots=True)
class Contact:
    id: int
    wa_id: str | None
    user_id: str | None
    username: str | None
    profile_name: str | None
    business_name: str | None
    created_at: int
    updated_at: int

    @property
    def display_name(self) -> str:
        for name in (self.business_name, self.profile_name, self.username):
            if name:
                return name
        return f"+{self.wa_id}" if self.wa_id else str(self.user_id)


COLUMNS = "id, wa_id, user_id, username, profile_name, business_name, created_at, updated_at"


def upsert_contact(conn: Connection, info: ContactInfo, *, now: int | None = None) -> Contact:
    """Create or update the contact a webhook contact block describes."""
    with transaction(conn):
        return upsert_contact_in_tx(conn, info, now=now)


def upsert_contact_in_tx(conn: Connection, info: ContactInfo, *, now: int | None = None) -> Contact:
    """upsert_contact for callers that already hold a transaction."""
    if not info.wa_id and not info.user_id:
        raise ValueError("a contact needs a wa_id or a user_id")
    now = int(time.time()) if now is None else now
    by_user = find_contact(conn, user_id=info.user_id) if info.user_id else None
    by_wa = find_contact(conn, wa_id=info.wa_id) if info.wa_id else None
    if by_user is not None and by_wa is not None and by_user.id != by_wa.id:
        if by_wa.user_id is None:
            # One person, first seen by phone number, now also by BSUID.
            _merge(conn, keep=by_user, drop=by_wa)
        else:
            # The number now belongs to another WhatsApp user (numbers get recycled).
            execute(conn, "UPDATE contacts SET wa_id = NULL WHERE id = ?", (by_wa.id,))
        by_wa = None
    current = by_user or by_wa
    if current is not None and by_user is None and info.user_id and current.user_id:
        # Same number, a different BSUID: a new person behind a recycled number.
        execute(conn, "UPDATE contacts SET wa_id = NULL WHERE id = ?", (current.id,))
        current = None
    if current is None:
        row = query_one(
            conn,
            "INSERT INTO contacts(wa_id, user_id, username, profile_name, created_at, updated_at)"
            f" VALUES (?, ?, ?, ?, ?, ?) RETURNING {COLUMNS}",
            (info.wa_id, info.user_id, info.username, info.profile_name, now, now),
        )
        assert row is not None
        return Contact(*row)
    changes = {
        "wa_id": info.wa_id if info.wa_id and info.wa_id != current.wa_id else None,
        "user_id": info.user_id if info.user_id and not current.user_id else None,
        "username": info.username if info.username and info.username != current.username else None,
        "profile_name": info.profile_name
        if info.profile_name and info.profile_name != current.profile_name
        else None,
    }
    changes = {column: value for column, value in changes.items() if value is not None}
    if not changes:
        return current
    # Column names come from the fixed dict above; values are bound.
    assignments = ", ".join(f"{column} = ?" for column in changes)
    row = query_one(
        conn,
        f"UPDATE contacts SET {assignments}, updated_at = ? WHERE id = ? RETURNING {COLUMNS}",
        (*changes.values(), now, current.id),
    )
    assert row is not None
    return Contact(*row)


def _merge(conn: Connection, *, keep: Contact, drop: Contact) -> None:
    # Imported here: conversations imports this module for its summaries.
    from wadesk.store import conversations

    for (conversation_id, phone_number_id) in query_all(
        conn, "SELECT id, phone_number_id FROM conversations WHERE contact_id = ?", (drop.id,)
    ):
        target = conversations.find_conversation_id(conn, keep.id, phone_number_id)
        if target is None:
            execute(conn, "UPDATE conversations SET contact_id = ? WHERE id = ?", (keep.id, conversation_id))
        else:
            conversations.merge_into(conn, source_id=conversation_id, target_id=target)
    if drop.business_name and not keep.business_name:
        execute(conn, "UPDATE contacts SET business_name = ? WHERE id = ?", (drop.business_name, keep.id))
    execute(conn, "DELETE FROM contacts WHERE id = ?", (drop.id,))


def get_contact(conn: Connection, contact_id: int) -> Contact | None:
    row = query_one(conn, f"SELECT {COLUMNS} FROM contacts WHERE id = ?", (contact_id,))
    return Contact(*row) if row else None


def find_contact(
    conn: Connection, *, wa_id: str | None = None, user_id: str | None = None
) -> Contact | None:
    """The contact with this BSUID, else the one with this WhatsApp id."""
    if user_id:
        row = query_one(conn, f"SELECT {COLUMNS} FROM contacts WHERE user_id = ?", (user_id,))
        if row:
            return Contact(*row)
    if wa_id:
        row = query_one(conn, f"SELECT {COLUMNS} FROM contacts WHERE wa_id = ?", (wa_id,))
        if row:
            return Contact(*row)
    return None


def set_business_name(conn: Connection, contact_id: int, name: str | None) -> bool:
    with transaction(conn):
        return (
            execute(
                conn,
                "UPDATE contacts SET business_name = ?, updated_at = ? WHERE id = ?",
                (name or None, int(time.time()), contact_id),
            )
            == 1
        )


def search_contacts(conn: Connection, query: str, *, limit: int = 20) -> list[Contact]:
    """Contacts whose names, username or ids match `query` (search-as-you-type).

    Words match by prefix, without diacritics ("Mul" finds "Müller"); a query of digits
    (spaces, + and - ignored) also finds any number containing them."""
    match = fts_query(query, prefix=True, all_prefix=True)
    digits = "".join(ch for ch in query if ch.isdigit())
    only_number = bool(digits) and all(ch.isdigit() or ch in " +-()/" for ch in query.strip())
    if match is None and not only_number:
        return []
    parts, params = [], []
    if match is not None:
        parts.append("SELECT rowid FROM contact_fts WHERE contact_fts MATCH ?")
        params.append(match)
    if only_number:
        # A LIKE over a few thousand short numbers takes well under a millisecond.
        parts.append("SELECT id FROM contacts WHERE wa_id LIKE ?")
        params.append(f"%{digits}%")
    rows = query_all(
        conn,
        f"SELECT {COLUMNS} FROM contacts WHERE id IN ({' UNION '.join(parts)})"
        " ORDER BY updated_at DESC, id DESC LIMIT ?",
        (*params, limit),
    )
    return [Contact(*row) for row in rows]
