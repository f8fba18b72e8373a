"""The relay's sends to the Cloud API (migration 5): outbox and idempotency record.

One row per client id. The sender (wadesk/relay/sender.py) moves a row through
queued -> sending -> accepted | failed | unknown, and back to queued for a retry.
Every function here runs inside the caller's transaction (the relay's group writer);
the events that tell the desktops about a send are appended by the caller in the
same transaction.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

from wadesk.store._db import Connection, execute, query_all, query_one

STATES = ("queued", "sending", "accepted", "failed", "unknown")
OPEN_STATES = ("queued", "sending")
SETTLED_STATES = ("accepted", "failed")


@dataclass(frozen=True, slots=True)
class SendRecord:
    client_id: str
    request_hash: str
    person_id: int | None
    device_id: int | None
    conversation_id: int | None
    phone_number_id: str
    recipient: str
    kind: str
    body: dict[str, Any] | None
    state: str
    attempts: int
    next_attempt_at: float
    wamid: str | None
    error_code: int | None
    error_reason: str | None
    created_at: int
    updated_at: int

    @property
    def settled(self) -> bool:
        return self.state in SETTLED_STATES


_COLUMNS = (
    "client_id, request_hash, person_id, device_id, conversation_id, phone_number_id,"
    " recipient, kind, body_json, state, attempts, next_attempt_at, wamid, error_code,"
    " error_reason, created_at, updated_at"
)


def _record(row: tuple[Any, ...]) -> SendRecord:
    body = json.loads(row[8]) if row[8] is not None else None
    return SendRecord(*row[:8], body, *row[9:])  # type: ignore[arg-type]


def _now() -> int:
    return int(time.time())


def add_send(
    conn: Connection,
    *,
    client_id: str,
    request_hash: str,
    person_id: int | None,
    device_id: int | None,
    conversation_id: int | None,
    phone_number_id: str,
    recipient: str,
    kind: str,
    body: dict[str, Any],
    sending: bool = False,
    now: float | None = None,
) -> SendRecord:
    """Record a new send: queued (due at once), or with `sending` already claimed for
    its first call (counted as attempt 1). The caller has checked the client id is new."""
    at = time.time() if now is None else now
    row = query_one(
        conn,
        "INSERT INTO relay_sends(client_id, request_hash, person_id, device_id, conversation_id,"
        " phone_number_id, recipient, kind, body_json, state, attempts, next_attempt_at,"
        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        f" RETURNING {_COLUMNS}",
        (
            client_id, request_hash, person_id, device_id, conversation_id, phone_number_id,
            recipient, kind, json.dumps(body, separators=(",", ":"), ensure_ascii=False),
            "sending" if sending else "queued", 1 if sending else 0, at, int(at), int(at),
        ),
    )
    assert row is not None
    return _record(row)


def has_open_send(conn: Connection, phone_number_id: str, recipient: str) -> bool:
    """Is a send to this person still queued or under way? (A new one must wait its turn.)"""
    return query_one(
        conn,
        "SELECT 1 FROM relay_sends WHERE phone_number_id = ? AND recipient = ?"
        " AND (state = 'queued' OR state = 'sending') LIMIT 1",
        (phone_number_id, recipient),
    ) is not None


def get_send(conn: Connection, client_id: str) -> SendRecord | None:
    row = query_one(conn, f"SELECT {_COLUMNS} FROM relay_sends WHERE client_id = ?", (client_id,))
    return _record(row) if row else None


def get_send_by_wamid(conn: Connection, wamid: str) -> SendRecord | None:
    row = query_one(conn, f"SELECT {_COLUMNS} FROM relay_sends WHERE wamid = ?", (wamid,))
    return _record(row) if row else None


def due_sends(conn: Connection, *, now: float | None = None, limit: int = 100) -> list[SendRecord]:
    """Queued sends whose time has come, oldest first, and only the oldest open one per
    recipient: a later message never overtakes an earlier one waiting for a retry."""
    at = time.time() if now is None else now
    rows = query_all(
        conn,
        f"SELECT {_COLUMNS} FROM relay_sends AS s"
        " WHERE s.state = 'queued' AND s.next_attempt_at <= ?"
        " AND NOT EXISTS (SELECT 1 FROM relay_sends AS o"
        "   WHERE o.phone_number_id = s.phone_number_id AND o.recipient = s.recipient"
        "   AND (o.state = 'queued' OR o.state = 'sending') AND o.rowid < s.rowid)"
        " ORDER BY s.rowid LIMIT ?",
        (at, limit),
    )
    return [_record(row) for row in rows]


def next_due_at(conn: Connection) -> float | None:
    """When the earliest queued send becomes due (None: the queue is empty)."""
    row = query_one(conn, "SELECT min(next_attempt_at) FROM relay_sends WHERE state = 'queued'")
    return float(row[0]) if row and row[0] is not None else None


def mark_sending(conn: Connection, client_id: str, *, now: int | None = None) -> bool:
    """queued -> sending, counting the attempt; False if it was not queued any more."""
    return execute(
        conn,
        "UPDATE relay_sends SET state = 'sending', attempts = attempts + 1, updated_at = ?"
        " WHERE client_id = ? AND state = 'queued'",
        (_now() if now is None else now, client_id),
    ) == 1


def mark_accepted(conn: Connection, client_id: str, wamid: str, *, now: int | None = None) -> bool:
    """Meta took it (from its answer, or learnt later from a status webhook)."""
    return execute(
        conn,
        "UPDATE relay_sends SET state = 'accepted', wamid = ?, body_json = NULL,"
        " error_code = NULL, error_reason = NULL, updated_at = ?"
        " WHERE client_id = ? AND state != 'accepted' AND state != 'failed'",
        (wamid, _now() if now is None else now, client_id),
    ) == 1


def mark_failed(
    conn: Connection, client_id: str, *, code: int | None, reason: str, wamid: str | None = None,
    now: int | None = None,
) -> bool:
    return execute(
        conn,
        "UPDATE relay_sends SET state = 'failed', error_code = ?, error_reason = ?,"
        " wamid = coalesce(?, wamid), body_json = NULL, updated_at = ?"
        " WHERE client_id = ? AND state != 'accepted' AND state != 'failed'",
        (code, reason, wamid, _now() if now is None else now, client_id),
    ) == 1


def mark_unknown(conn: Connection, client_id: str, *, reason: str, now: int | None = None) -> bool:
    """The call went out and its answer was lost: never sent again, settled by a status.
    The body stays until then (a reaction's target is in it)."""
    return execute(
        conn,
        "UPDATE relay_sends SET state = 'unknown', error_reason = ?,"
        " updated_at = ? WHERE client_id = ? AND state = 'sending'",
        (reason, _now() if now is None else now, client_id),
    ) == 1


def reschedule(
    conn: Connection, client_id: str, *, at: float, code: int | None, reason: str,
    now: int | None = None,
) -> bool:
    """sending -> queued again, due at `at` (a retry after a retryable error)."""
    return execute(
        conn,
        "UPDATE relay_sends SET state = 'queued', next_attempt_at = ?, error_code = ?,"
        " error_reason = ?, updated_at = ? WHERE client_id = ? AND state = 'sending'",
        (at, code, reason, _now() if now is None else now, client_id),
    ) == 1


def interrupted_sends(conn: Connection) -> list[SendRecord]:
    """Sends a crash left in `sending`: their call may have reached Meta."""
    return [_record(r) for r in query_all(
        conn, f"SELECT {_COLUMNS} FROM relay_sends WHERE state = 'sending' ORDER BY rowid")]


def unknown_sends(conn: Connection, *, updated_before: int | None = None) -> list[SendRecord]:
    sql = f"SELECT {_COLUMNS} FROM relay_sends WHERE state = 'unknown'"
    params: tuple[Any, ...] = ()
    if updated_before is not None:
        sql += " AND updated_at < ?"
        params = (updated_before,)
    return [_record(r) for r in query_all(conn, sql + " ORDER BY rowid", params)]


def count_by_state(conn: Connection) -> dict[str, int]:
    counts = {state: 0 for state in STATES}
    for state, n in query_all(conn, "SELECT state, count(*) FROM relay_sends GROUP BY state"):
        counts[state] = int(n)
    return counts


def get_state(conn: Connection, key: str) -> str | None:
    row = query_one(conn, "SELECT value FROM relay_state WHERE key = ?", (key,))
    return row[0] if row else None


def set_state(conn: Connection, key: str, value: str | None) -> None:
    if value is None:
        execute(conn, "DELETE FROM relay_state WHERE key = ?", (key,))
    else:
        execute(
            conn,
            "INSERT INTO relay_state(key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )
