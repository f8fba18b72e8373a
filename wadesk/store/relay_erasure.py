"""The relay's part of erasing a contact: finding their earlier events in the log and
scrubbing them, and dropping their sends.

The log is append-only for everything else, but it holds the customer's texts
(message.in carries the text and Meta's raw JSON) and numbers, and a desktop that
syncs from 0 replays it. So every earlier event about the contact keeps its `seq`
(cursors and gaps stay as they were) and its time, and becomes a tombstone:
kind `erased`, payload `{"erasure_seq": N}`. The dedupe keys stay: they are Meta's
opaque ids, and they keep a webhook that Meta delivers again from bringing an erased
message back.

Which events are the contact's: those that name their WhatsApp id or BSUID (a contact
or conversation block, a status's recipient), and those that name one of their
messages (by wamid or client id) or notes. The log is read in `seq` order and every
matching event adds its own message ids to the trail, so a reaction the business sent
(known only by its client id, then by its wamid) is found as well.

The audit log keeps its entries (who did what, when), but those that named one of the
contact's messages by wamid no longer do.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from wadesk.store._db import Connection, execute, query_all
from wadesk.store.contacts import Contact

TOMBSTONE_KIND = "erased"
SCAN_PAGE = 2000


def contact_trail(conn: Connection, contact: Contact) -> set[str]:
    """What the contact's events can be recognised by: their ids, their messages'
    wamids and client ids, their notes, their sends."""
    trail = {f"id:{value}" for value in (contact.wa_id, contact.user_id) if value}
    for wamid, client_id in query_all(
            conn, "SELECT m.wamid, m.client_id FROM messages m"
            " JOIN conversations c ON c.id = m.conversation_id WHERE c.contact_id = ?",
            (contact.id,)):
        trail.update(_message_tokens(wamid, client_id))
    for (note_id,) in query_all(
            conn, "SELECT n.id FROM notes n JOIN conversations c ON c.id = n.conversation_id"
            " WHERE c.contact_id = ?", (contact.id,)):
        trail.add(f"note:{note_id}")
    recipients = [value for value in (contact.wa_id, contact.user_id) if value]
    for recipient in recipients:
        for client_id, wamid in query_all(
                conn, "SELECT client_id, wamid FROM relay_sends WHERE recipient = ?", (recipient,)):
            trail.update(_message_tokens(wamid, client_id))
    return trail


def find_contact_events(conn: Connection, trail: set[str], after_seq: int = 0
                        ) -> tuple[list[int], int]:
    """The seqs after `after_seq` of events that belong to the trail (which grows by
    what they name), and the last seq looked at."""
    found: list[int] = []
    last = after_seq
    while True:
        rows = query_all(conn, "SELECT seq, kind, payload FROM events WHERE seq > ?"
                         " ORDER BY seq LIMIT ?", (last, SCAN_PAGE))
        for seq, kind, payload in rows:
            if kind == TOMBSTONE_KIND:
                continue
            tokens = event_tokens(json.loads(payload))
            if tokens & trail:
                found.append(seq)
                trail.update(tokens)
        if len(rows) < SCAN_PAGE:
            return found, rows[-1][0] if rows else last
        last = rows[-1][0]


def tombstone_events(conn: Connection, seqs: Iterable[int], erasure_seq: int) -> int:
    """Scrub these events' payloads (keeping seq, time and dedupe key); how many."""
    payload = json.dumps({"erasure_seq": erasure_seq}, separators=(",", ":"))
    changed = 0
    for seq in seqs:
        changed += execute(conn, "UPDATE events SET kind = ?, payload = ?, actor_id = NULL"
                           " WHERE seq = ? AND kind <> ?", (TOMBSTONE_KIND, payload, seq,
                                                           TOMBSTONE_KIND))
    return changed


def messages_and_files(conn: Connection, contact_id: int) -> tuple[int, list[str]]:
    """How many messages the contact has, and the names of their stored media files."""
    rows = query_all(conn, "SELECT m.media_file FROM messages m JOIN conversations c"
                     " ON c.id = m.conversation_id WHERE c.contact_id = ?", (contact_id,))
    return len(rows), [name for (name,) in rows if name]


def drop_sends(conn: Connection, contact: Contact) -> int:
    """The contact's records in the relay's outbox (their bodies hold texts)."""
    dropped = 0
    for recipient in (contact.wa_id, contact.user_id):
        if recipient:
            dropped += execute(conn, "DELETE FROM relay_sends WHERE recipient = ?", (recipient,))
    return dropped


def scrub_audit_targets(conn: Connection, trail: set[str]) -> int:
    """Audit entries that name one of the contact's messages by its wamid (which embeds
    the customer's number) keep who did what and when, but name no message any more."""
    changed = 0
    for row_id, target in query_all(conn, "SELECT id, target FROM audit_log"
                                    " WHERE target >= 'message:' AND target < 'message;'"):
        value = target[len("message:"):]
        if f"msg:{value}" in trail or f"cid:{value}" in trail:
            changed += execute(conn, "UPDATE audit_log SET target = 'message:erased'"
                               " WHERE id = ?", (row_id,))
    return changed


def event_tokens(payload: dict[str, Any]) -> set[str]:
    """Everything in a payload that can name a customer, a message or a note."""
    tokens: set[str] = set()
    for block in (payload, payload.get("contact"), payload.get("conversation")):
        if isinstance(block, dict):
            for key in ("wa_id", "user_id", "recipient_id", "recipient_user_id"):
                if isinstance(block.get(key), str) and block[key]:
                    tokens.add(f"id:{block[key]}")
    message = payload.get("message")
    for block in (payload, message if isinstance(message, dict) else None):
        if block is not None:
            tokens.update(_message_tokens(block.get("wamid"), block.get("client_id")))
    if isinstance(payload.get("target_wamid"), str):
        tokens.add(f"msg:{payload['target_wamid']}")
    if payload.get("note_id") is not None:
        tokens.add(f"note:{payload['note_id']}")
    return tokens


def _message_tokens(wamid: Any, client_id: Any) -> set[str]:
    tokens = set()
    if isinstance(wamid, str) and wamid:
        tokens.add(f"msg:{wamid}")
    if isinstance(client_id, str) and client_id:
        tokens.add(f"cid:{client_id}")
    return tokens
