"""6: the relay's id of each local conversation (both roles; only replicas fill it).

A desktop addresses the relay (mark read, notes, assignment, labels, typing) by the
relay's conversation id. Since this version every event that makes or names a
conversation carries the relay's reference (see apply_events.py), and the replica
keeps the id here when it applies the event, so its own numbering may differ freely.

Until now the ids were kept as `relay_conv:<local id>` rows of sync_state; they move
here. A table, not key/value rows: the foreign key drops the entry with its
conversation (a merge of two contacts, an erasure), so a later conversation that gets
the same local id never inherits it, and the index answers "which local conversation
does the relay call N" without a scan.

The relay's own database gets the table too and leaves it empty (the references in its
log name its own rows); one schema for both roles keeps apply_events free of role
checks.
"""

from __future__ import annotations

from wadesk.store._db import Connection, execute
from wadesk.store.migrations.base import BOTH, Migration


def _move_sync_state_rows(conn: Connection) -> None:
    # Only rows whose conversation still exists and whose value is a number: a stale or
    # damaged entry would only misaddress the relay.
    execute(
        conn,
        "INSERT OR IGNORE INTO relay_conversations(conversation_id, relay_id)"
        " SELECT c.id, CAST(s.value AS INTEGER) FROM sync_state s"
        " JOIN conversations c ON c.id = CAST(substr(s.key, 12) AS INTEGER)"
        " WHERE s.key >= 'relay_conv:' AND s.key < 'relay_conv;'"
        " AND s.value GLOB '[0-9]*' AND NOT s.value GLOB '*[^0-9]*'",
    )
    execute(conn, "DELETE FROM sync_state WHERE key >= 'relay_conv:' AND key < 'relay_conv;'")


MIGRATION = Migration(
    number=6,
    name="relay conversation references",
    roles=BOTH,
    steps=(
        """
        CREATE TABLE relay_conversations (
            conversation_id INTEGER PRIMARY KEY REFERENCES conversations(id) ON DELETE CASCADE,
            relay_id        INTEGER NOT NULL
        )
        """,
        "CREATE INDEX relay_conversations_by_relay_id ON relay_conversations(relay_id)",
        _move_sync_state_rows,
    ),
)
