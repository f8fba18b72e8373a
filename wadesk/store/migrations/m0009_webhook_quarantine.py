"""9: webhook entries the relay could not apply, kept for a replay instead of lost.

A webhook whose entry fails to parse or to apply is still answered 200 (so Meta does
not redeliver the good rest of it); the entry waits here, inside the encrypted
database, until `wadesk relay quarantine replay` applies it. `error` is the exception's
type only: its message may quote message text. One waiting row per dedupe key (a
redelivery of the same broken entry is not kept twice).
"""

from wadesk.store.migrations.base import RELAY_ONLY, Migration

MIGRATION = Migration(
    number=9,
    name="webhook quarantine",
    roles=RELAY_ONLY,
    steps=(
        """
        CREATE TABLE webhook_quarantine (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            received_at INTEGER NOT NULL,
            kind        TEXT NOT NULL,     -- a log entry kind, or 'webhook_item' (unparsed)
            dedupe_key  TEXT NOT NULL,
            raw         TEXT NOT NULL,     -- the entry's JSON
            error       TEXT NOT NULL,     -- the exception type, never its message
            replayed_at INTEGER
        )
        """,
        """
        CREATE UNIQUE INDEX webhook_quarantine_waiting
            ON webhook_quarantine(dedupe_key) WHERE replayed_at IS NULL
        """,
    ),
)
