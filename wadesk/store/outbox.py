"""Sends waiting to go out, so that nothing typed is lost to a crash or an outage.

Each item is keyed by the message's client id, which the receiver deduplicates on:
retrying after a lost response can never send twice. An item is `queued` until its
next attempt time, `sending` while a worker has it, `failed` when retrying is
pointless (the error says why); a sent item is deleted.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from wadesk.store._db import Connection, execute, query_all, transaction


@dataclass(frozen=True, slots=True)
class OutboxItem:
    id: int
    client_id: str
    payload: dict[str, Any]
    state: str
    attempts: int
    next_attempt_at: int
    last_error: str | None
    created_at: int
    updated_at: int


_COLUMNS = (
    "id, client_id, payload_json, state, attempts, next_attempt_at, last_error,"
    " created_at, updated_at"
)


def _item(row: tuple) -> OutboxItem:
    return OutboxItem(row[0], row[1], json.loads(row[2]), *row[3:])


def _now(now: int | None) -> int:
    return int(time.time()) if now is None else now


def enqueue(conn: Connection, client_id: str, payload: dict[str, Any], *, now: int | None = None) -> bool:
    """Queue a send; False if this client id is already queued (a double click)."""
    now = _now(now)
    with transaction(conn):
        return (
            execute(
                conn,
                "INSERT OR IGNORE INTO outbox(client_id, payload_json, state, next_attempt_at,"
                " created_at, updated_at) VALUES (?, ?, 'queued', ?, ?, ?)",
                (client_id, json.dumps(payload, separators=(",", ":")), now, now, now),
            )
            == 1
        )


def claim_due(conn: Connection, *, now: int | None = None, limit: int = 10) -> list[OutboxItem]:
    """Take the queued items whose time has come, oldest first, marking them sending."""
    now = _now(now)
    with transaction(conn):
        rows = query_all(
            conn,
            "UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ?"
            " WHERE id IN (SELECT id FROM outbox WHERE state = 'queued' AND next_attempt_at <= ?"
            " ORDER BY next_attempt_at, id LIMIT ?)"
            f" RETURNING {_COLUMNS}",
            (now, now, limit),
        )
    return sorted((_item(row) for row in rows), key=lambda item: (item.next_attempt_at, item.id))


def mark_sent(conn: Connection, client_id: str) -> bool:
    with transaction(conn):
        return execute(conn, "DELETE FROM outbox WHERE client_id = ?", (client_id,)) == 1


def retry_later(
    conn: Connection, client_id: str, *, next_attempt_at: int, error: str, now: int | None = None
) -> bool:
    with transaction(conn):
        return (
            execute(
                conn,
                "UPDATE outbox SET state = 'queued', next_attempt_at = ?, last_error = ?,"
                " updated_at = ? WHERE client_id = ?",
                (next_attempt_at, error, _now(now), client_id),
            )
            == 1
        )


def mark_failed(conn: Connection, client_id: str, *, error: str, now: int | None = None) -> bool:
    with transaction(conn):
        return (
            execute(
                conn,
                "UPDATE outbox SET state = 'failed', last_error = ?, updated_at = ?"
                " WHERE client_id = ?",
                (error, _now(now), client_id),
            )
            == 1
        )


def requeue_interrupted(conn: Connection, *, now: int | None = None) -> int:
    """At start: items left `sending` by a crash go back to the queue. Safe, because
    the receiver deduplicates on the client id."""
    now = _now(now)
    with transaction(conn):
        return execute(
            conn,
            "UPDATE outbox SET state = 'queued', next_attempt_at = ?, updated_at = ?"
            " WHERE state = 'sending'",
            (now, now),
        )


def list_outbox(conn: Connection) -> list[OutboxItem]:
    return [_item(row) for row in query_all(conn, f"SELECT {_COLUMNS} FROM outbox ORDER BY id")]


def drop_unsent(conn: Connection, conversation_ids: Iterable[int],
                is_recipient: Callable[[str | None, str | None], bool]) -> list[str]:
    """An erasure: everything still waiting to go out about these conversations (sends,
    notes, assignments, labels), and first messages to a number with no conversation
    yet whose recipient `is_recipient(wa_id, user_id)` says is the erased customer;
    the client ids dropped. In the caller's transaction. Items already `sending` go
    too: their answer then finds nothing to update."""
    wanted = set(conversation_ids)
    dropped = []
    with transaction(conn):
        for row_id, client_id, payload_json in query_all(
                conn, "SELECT id, client_id, payload_json FROM outbox ORDER BY id"):
            payload = json.loads(payload_json)
            conversation_id = payload.get("conversation_id")
            to = payload.get("to") if isinstance(payload.get("to"), dict) else {}
            if conversation_id in wanted or (
                    conversation_id is None and is_recipient(to.get("wa_id"), to.get("user_id"))):
                execute(conn, "DELETE FROM outbox WHERE id = ?", (row_id,))
                dropped.append(client_id)
    return dropped
