"""Delivery statuses of outgoing messages, applied in any order, any number of times.

Meta sends statuses out of order, repeats them, skips `delivered` when a message is
read at once, and can send `failed` after `delivered` (multi-device). Every rule we
need fits one total order:

    pending < sent < delivered < failed < read < played

and a message's status is the highest it has ever been told. So a late `sent` or
`delivered` never undoes `read`; `failed` wins over everything up to delivered; only
a read (or played) receipt, which proves delivery, overrides `failed`. Because
max() is commutative and idempotent, the end state never depends on arrival order.
Each status's own time is recorded the first time it is heard, even when it does not
move the status (a late `delivered` still says when it was delivered).
"""

from __future__ import annotations

from enum import Enum

from wadesk.store._db import Connection, execute, query_one, transaction

RANK = {"pending": 0, "sent": 1, "delivered": 2, "failed": 3, "read": 4, "played": 5}
_TIME_COLUMN = {
    "sent": "sent_at",
    "delivered": "delivered_at",
    "failed": "failed_at",
    "read": "read_at",
    "played": "played_at",
}


class StatusOutcome(Enum):
    ADVANCED = "advanced"  # the message's status moved forward
    RECORDED = "recorded"  # only a status time was new (or nothing): status unchanged
    UNKNOWN_MESSAGE = "unknown_message"  # no message with that wamid / client id


def next_status(current: str | None, new: str) -> str:
    """The status after hearing `new` while at `current` (the rule above)."""
    if current is None or RANK[new] > RANK[current]:
        return new
    return current


def apply_status(
    conn: Connection,
    *,
    status: str,
    ts: int,
    wamid: str | None = None,
    client_id: str | None = None,
    error_code: int | None = None,
    error_reason: str | None = None,
) -> StatusOutcome:
    """Apply one status webhook (or sync event) to the message it names.

    `client_id` comes from `biz_opaque_callback_data`: a status can arrive before the
    send call has returned the wamid."""
    if status not in _TIME_COLUMN:
        raise ValueError(f"unknown status {status!r}")
    with transaction(conn):
        row = None
        if wamid is not None:
            row = query_one(conn, "SELECT id FROM messages WHERE wamid = ?", (wamid,))
        if row is None and client_id is not None:
            row = query_one(conn, "SELECT id FROM messages WHERE client_id = ?", (client_id,))
            if row is not None and wamid is not None:
                execute(conn, "UPDATE messages SET wamid = ? WHERE id = ? AND wamid IS NULL", (wamid, row[0]))
        if row is None:
            return StatusOutcome.UNKNOWN_MESSAGE
        return apply_status_to(conn, row[0], status, ts, error_code, error_reason)


def apply_status_to(
    conn: Connection,
    message_id: int,
    status: str,
    ts: int,
    error_code: int | None = None,
    error_reason: str | None = None,
) -> StatusOutcome:
    """apply_status for a known message row, inside the caller's transaction."""
    if status == "pending":
        return StatusOutcome.RECORDED
    row = query_one(conn, "SELECT status FROM messages WHERE id = ?", (message_id,))
    if row is None:
        return StatusOutcome.UNKNOWN_MESSAGE
    current = row[0]
    new = next_status(current, status)
    column = _TIME_COLUMN[status]  # from the fixed map above
    if new == current:
        execute(
            conn, f"UPDATE messages SET {column} = coalesce({column}, ?) WHERE id = ?", (ts, message_id)
        )
        return StatusOutcome.RECORDED
    if new == "failed":
        execute(
            conn,
            "UPDATE messages SET status = 'failed', failed_at = coalesce(failed_at, ?),"
            " error_code = ?, error_reason = ? WHERE id = ?",
            (ts, error_code, error_reason, message_id),
        )
    else:
        execute(
            conn,
            f"UPDATE messages SET status = ?, {column} = coalesce({column}, ?) WHERE id = ?",
            (new, ts, message_id),
        )
    return StatusOutcome.ADVANCED
