"""Applying message events (message.in, message.out, message.echo): one, or a run of
them as one ingest batch with exactly the effect of applying them one at a time.

The relay's intake applies whole runs of webhooks this way; a replica applies the same
events one by one through apply_events. Both must end in the same rows, so a run is
cut wherever the one-by-one order could matter: right after a message that events
were waiting for (see early_events.py), because those apply the moment it exists.
Everything else a batch does per run is order-preserving by construction (see
MessageBatch).

A payload may carry `conversation`, the relay's reference of the conversation (see
apply_events.py). It never changes the shared state: the message goes to the
conversation of its contact and number, as on the relay. A replica keeps the relay's
id for that conversation (replica_sync), so it addresses the relay by the relay's id.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from wadesk.store import early_events, replica_sync
from wadesk.store._db import Connection, query_all
from wadesk.store.contacts import ContactInfo
from wadesk.store.events import encode_payload
from wadesk.store.ingest import (
    IncomingMessage,
    MediaInfo,
    OutgoingMessage,
    apply_messages,
)

MESSAGE_KINDS = frozenset({"message.in", "message.out", "message.echo"})


def contact_info(block: dict[str, Any] | None) -> ContactInfo:
    block = block or {}
    return ContactInfo(
        wa_id=block.get("wa_id") or None,
        user_id=block.get("user_id") or None,
        profile_name=block.get("profile_name") or None,
        username=block.get("username") or None,
    )


def media_info(block: dict[str, Any] | None) -> MediaInfo | None:
    if not block:
        return None
    return MediaInfo(block.get("media_id"), block.get("mime"), block.get("size"),
                     block.get("filename"), block.get("sha256"))


def raw_json(payload: dict[str, Any]) -> str | None:
    """The message's raw Cloud API object as the store keeps it (the log's spelling)."""
    raw = payload.get("raw")
    return encode_payload(raw) if raw is not None else None


def message_input(kind: str, p: dict[str, Any]) -> IncomingMessage | OutgoingMessage:
    contact = contact_info(p.get("contact"))
    if kind == "message.in":
        return IncomingMessage(
            wamid=p["wamid"], phone_number_id=p["phone_number_id"], contact=contact,
            type=p["type"], ts=p["ts"], text=p.get("text"),
            reply_to_wamid=p.get("reply_to_wamid"), media=media_info(p.get("media")),
            origin=p.get("origin") or "cloud", raw_json=raw_json(p),
        )
    return OutgoingMessage(
        phone_number_id=p["phone_number_id"], contact=contact, type=p["type"], ts=p["ts"],
        wamid=p.get("wamid"), client_id=p.get("client_id"), text=p.get("text"),
        reply_to_wamid=p.get("reply_to_wamid"), media=media_info(p.get("media")),
        agent_id=p.get("agent_id"), origin=p.get("origin") or "cloud",
        status=p.get("status") or "sent", raw_json=raw_json(p),
    )


def apply_message_events(conn: Connection, items: Sequence[tuple[str, dict[str, Any]]]) -> list[int]:
    """Apply message events in order (inside the caller's transaction); the local
    conversation id of each."""
    if len(items) == 1:
        # One event: ask for waiting events only when there is a wamid, as always.
        waiting = {items[0][1]["wamid"]} if items[0][1].get("wamid") else set()
    else:
        waiting = _waiting_wamids(conn, [p["wamid"] for _, p in items if p.get("wamid")])
    conversation_ids: list[int] = []
    start = 0
    for end, (_kind, p) in enumerate(items, 1):
        if end < len(items) and p.get("wamid") not in waiting:
            continue
        run = items[start:end]
        results = apply_messages(conn, [message_input(kind, payload) for kind, payload in run])
        local_ids = [result.conversation_id for result in results]
        _remember_references(conn, run, local_ids)
        conversation_ids.extend(local_ids)
        last = run[-1][1].get("wamid")
        if last in waiting:
            early_events.settle_early_events(conn, last)
        start = end
    return conversation_ids


def _remember_references(conn: Connection, run: Sequence[tuple[str, dict[str, Any]]],
                         local_ids: list[int]) -> None:
    """Keep the relay's id of each conversation the run's payloads name (a replica;
    the relay applies its payloads before it adds the reference)."""
    refs = {local: ref["id"] for local, (_kind, p) in zip(local_ids, run)
            if (ref := p.get("conversation")) and ref.get("id")}
    if not refs:
        return
    if len(refs) > 1 or len(run) > 1:
        # A later message of the run may have merged an earlier one's conversation
        # away (one person linked by number and BSUID): one at a time, its reference
        # would have gone with it.
        present = replica_sync.existing_conversations(conn, list(refs))
        refs = {local: relay for local, relay in refs.items() if local in present}
    replica_sync.remember_relay_conversations(conn, refs.items())


def _waiting_wamids(conn: Connection, wamids: list[str]) -> set[str]:
    """The wamids among `wamids` that parked events wait for (usually none)."""
    if not wamids:
        return set()
    rows = query_all(
        conn,
        "SELECT DISTINCT wamid FROM early_events WHERE wamid IN (SELECT value FROM json_each(?))",
        (json.dumps(wamids),),
    )
    return {row[0] for row in rows}
