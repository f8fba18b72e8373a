"""Applying a run of status events at once, with exactly the effect of the status
handler (apply_events) on each in turn: the relay's intake gets dozens of statuses per
commit, mostly for messages it knows.

One query reads the messages the run names (and whether any event waits for them);
the statuses.py rule (a message's status is the highest it was ever told, each time
kept the first time it is heard) is followed in memory, and each touched message gets
one UPDATE with its end values. Anything out of the ordinary goes to the handler
itself, after the pending values are written: a message not known by its wamid (found
by client id, or parked until it exists), a status name the rule does not know, a
message that events wait for.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from wadesk.store._db import Connection, execute_many, query_all
from wadesk.store.statuses import RANK, next_status

# The columns a status can change, in the order of the prefetch below.
_COLUMNS = ("status", "sent_at", "delivered_at", "failed_at", "read_at", "played_at",
            "error_code", "error_reason")
_TIMED = frozenset(RANK) - {"pending"}


def apply_status_run(conn: Connection, payloads: Sequence[dict[str, Any]],
                     handler: Callable[[Connection, dict[str, Any]], None]) -> None:
    """Apply status payloads in order; `handler` is the one-event status handler."""
    known: dict[str, list[Any]] | None = None
    # message id -> (its row as read, its row now); rows: id, then _COLUMNS
    touched: dict[int, tuple[tuple[Any, ...], list[Any]]] = {}
    for n, p in enumerate(payloads):
        if known is None:
            known = _known_messages(conn, [q["wamid"] for q in payloads[n:] if q.get("wamid")])
        row = known.get(p.get("wamid"))  # type: ignore[arg-type]
        if row is None or p.get("status") not in _TIMED:
            _write(conn, touched)
            handler(conn, p)
            # The handler may have changed any message (one found by its client id, a
            # parked event settled): read them again for the rest of the run.
            known = None
            continue
        if row[0] not in touched:
            touched[row[0]] = (tuple(row), row)
        _advance(row, p["status"], p["ts"], p.get("error_code"), p.get("error_reason"))
    _write(conn, touched)


def _known_messages(conn: Connection, wamids: list[str]) -> dict[str, list[Any]]:
    """Rows of the messages with these wamids that no parked event waits for."""
    if not wamids:
        return {}
    rows = query_all(
        conn,
        f"SELECT wamid, id, {', '.join(_COLUMNS)},"
        " EXISTS (SELECT 1 FROM early_events e WHERE e.wamid = m.wamid)"
        " FROM messages m WHERE wamid IN (SELECT value FROM json_each(?))",
        (json.dumps(wamids),),
    )
    return {row[0]: list(row[1:-1]) for row in rows if not row[-1]}


def _advance(row: list[Any], status: str, ts: int, error_code: Any, error_reason: Any) -> None:
    """statuses.apply_status_to on the row in memory (row: id, then _COLUMNS)."""
    current = row[1]
    new = next_status(current, status)
    column = 1 + _COLUMNS.index(status + "_at")
    if row[column] is None:  # coalesce(column, ts): the first time heard is kept
        row[column] = ts
    if new != current:
        row[1] = new
        if new == "failed":
            row[7], row[8] = error_code, error_reason


def _write(conn: Connection, touched: dict[int, tuple[tuple[Any, ...], list[Any]]]) -> None:
    """One UPDATE per message that changed, of the columns that changed, grouped by
    shape for executemany."""
    shapes: dict[tuple[str, ...], list[list[Any]]] = {}
    for before, row in touched.values():
        columns = tuple(name for name, old, new in zip(_COLUMNS, before[1:], row[1:]) if old != new)
        if columns:
            values = [new for old, new in zip(before[1:], row[1:]) if old != new]
            values.append(row[0])
            shapes.setdefault(columns, []).append(values)
    for columns, rows in shapes.items():
        # Column names come from _COLUMNS only; every value is bound.
        assignments = ", ".join(f"{name} = ?" for name in columns)
        execute_many(conn, f"UPDATE messages SET {assignments} WHERE id = ?", rows)
    touched.clear()
