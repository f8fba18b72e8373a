"""Applying incoming and outgoing messages, idempotently, one or a batch at a time.

Identity: a message born at Meta is known by its wamid; one typed on a desktop is
known first by the client id that desktop made (local echo) and gets its wamid when
Meta accepts it. Applying the same message twice (a repeated webhook, a re-synced
event) finds the existing row and changes nothing.

The sync worker and the relay's intake hand over whole batches: one transaction, one
lookup of known ids, contacts and conversations resolved once per batch, and one
UPDATE per touched conversation (message_batch.py). Single messages take the same
path.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from wadesk.store import statuses
from wadesk.store._db import Connection, query_one, transaction
from wadesk.store.contacts import ContactInfo
from wadesk.store.message_batch import MessageBatch, attach_wamid
from wadesk.store.message_inputs import (  # noqa: F401  (re-exported: ingest's vocabulary)
    ORIGINS,
    ApplyResult,
    IncomingMessage,
    MediaInfo,
    OutgoingMessage,
)


def apply_incoming_message(conn: Connection, msg: IncomingMessage) -> ApplyResult:
    """Store a customer's message once; bumps unread and the 24-hour window."""
    return apply_messages(conn, (msg,))[0]


def apply_outgoing_message(conn: Connection, msg: OutgoingMessage) -> ApplyResult:
    """Store a message the business sent, once; merges with its local echo by client id."""
    return apply_messages(conn, (msg,))[0]


def apply_messages(
    conn: Connection, items: Sequence[IncomingMessage | OutgoingMessage]
) -> list[ApplyResult]:
    """Apply many messages in order, in one transaction (or the caller's)."""
    for item in items:
        _validate(item)
    with transaction(conn):
        batch = MessageBatch(conn, items)
        results = [batch.apply(item) for item in items]
        batch.finish()
    return results


def add_local_echo(
    conn: Connection,
    conversation_id: int,
    *,
    client_id: str,
    type: str,
    text: str | None,
    ts: int | None = None,
    agent_id: str | None = None,
    reply_to_wamid: str | None = None,
    media: MediaInfo | None = None,
) -> ApplyResult:
    """Show a message the user just sent at once, as pending, before any network."""
    msg = OutgoingMessage(
        phone_number_id="", contact=ContactInfo(), type=type,
        ts=int(time.time()) if ts is None else ts, client_id=client_id, text=text,
        reply_to_wamid=reply_to_wamid, media=media, agent_id=agent_id,
    )
    with transaction(conn):
        batch = MessageBatch(conn, (msg,))
        found = batch.known(None, client_id)
        if found is not None:
            return ApplyResult(found[0], found[1], False)
        result = ApplyResult(batch.insert(conversation_id, msg), conversation_id, True)
        batch.finish()
    return result


def assign_wamid(conn: Connection, client_id: str, wamid: str) -> bool:
    """Meta accepted the message with this client id and named it `wamid`."""
    with transaction(conn):
        row = query_one(conn, "SELECT id FROM messages WHERE client_id = ?", (client_id,))
        if row is None:
            return False
        attach_wamid(conn, row[0], wamid)
        return True


def _validate(item: IncomingMessage | OutgoingMessage) -> None:
    if item.origin not in ORIGINS:
        raise ValueError(f"unknown origin {item.origin!r}")
    if isinstance(item, OutgoingMessage):
        if item.wamid is None and item.client_id is None:
            raise ValueError("an outgoing message needs a wamid or a client id")
        if item.status not in statuses.RANK:
            raise ValueError(f"unknown status {item.status!r}")
