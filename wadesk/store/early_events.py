"""Events that came before their message: parked, then applied when it appears.

A status for a wamid no row has yet, a reaction, edit or revocation of a message not
yet seen: `park_early_event` keeps the payload under the awaited wamid, and
`settle_early_events` (called by whatever creates a message with a wamid: an incoming
message, an echo, the send's acceptance) applies them in the order they came. Parking
is part of the state (migration 4), so a replica replaying the log does the same.
"""

from __future__ import annotations

import json
from typing import Any

from wadesk.store._db import Connection, execute, insert, query_all, query_one

# A wamid that never appears (a message sent by another tool, then deleted) must not
# collect statuses forever.
MAX_PER_WAMID = 16


def message_exists(conn: Connection, wamid: str) -> bool:
    return query_one(conn, "SELECT 1 FROM messages WHERE wamid = ?", (wamid,)) is not None


def park_early_event(conn: Connection, wamid: str, kind: str, payload: dict[str, Any]) -> bool:
    """Keep `payload` until message `wamid` exists; False when its quota is full."""
    row = query_one(conn, "SELECT count(*) FROM early_events WHERE wamid = ?", (wamid,))
    if row is not None and row[0] >= MAX_PER_WAMID:
        return False
    insert(
        conn,
        "INSERT INTO early_events(wamid, kind, payload) VALUES (?, ?, ?)",
        (wamid, kind, json.dumps(payload, separators=(",", ":"), sort_keys=True)),
    )
    return True


def settle_early_events(conn: Connection, wamid: str) -> int:
    """Apply what waited for message `wamid` (inside the caller's transaction); how many."""
    rows = query_all(
        conn, "SELECT id, kind, payload FROM early_events WHERE wamid = ? ORDER BY id", (wamid,)
    )
    if not rows:
        return 0
    execute(conn, "DELETE FROM early_events WHERE wamid = ?", (wamid,))
    # Imported here: apply_events imports this module.
    from wadesk.store.apply_events import apply_event

    for _id, kind, payload in rows:
        apply_event(conn, kind, json.loads(payload))
    return len(rows)


def count_parked(conn: Connection) -> int:
    row = query_one(conn, "SELECT count(*) FROM early_events")
    return int(row[0]) if row else 0
