"""3: the relay's append-only event log and its counters.

`seq` is the sync cursor every desktop keeps: AUTOINCREMENT so a number is never
reused, even after the newest rows were deleted by a purge. `dedupe_key` makes a
webhook delivered twice (or a wamid seen again in another batch) one event.
"""

from wadesk.store.migrations.base import RELAY_ONLY, Migration

MIGRATION = Migration(
    number=3,
    name="relay event log",
    roles=RELAY_ONLY,
    steps=(
        """
        CREATE TABLE events (
            seq        INTEGER PRIMARY KEY AUTOINCREMENT,
            at         INTEGER NOT NULL,
            kind       TEXT NOT NULL,
            dedupe_key TEXT UNIQUE,
            actor_id   INTEGER,
            payload    TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE counters (
            name  TEXT PRIMARY KEY,
            value INTEGER NOT NULL
        ) WITHOUT ROWID
        """,
    ),
)
