"""4: events that arrived before the message they are about (both roles).

Meta does not order its webhooks: a status can come before the send call has
returned the wamid, a reaction or an edit before the message it targets. Such an event
is parked here, under the wamid it waits for, and applied the moment that message
appears (see early_events.py). A state table, so that a replica replaying the log
parks and settles exactly as the relay did and both end in the same state.
"""

from wadesk.store.migrations.base import BOTH, Migration

MIGRATION = Migration(
    number=4,
    name="early events",
    roles=BOTH,
    steps=(
        """
        CREATE TABLE early_events (
            id      INTEGER PRIMARY KEY,
            wamid   TEXT NOT NULL,      -- the message it waits for
            kind    TEXT NOT NULL,
            payload TEXT NOT NULL
        )
        """,
        "CREATE INDEX early_events_by_wamid ON early_events(wamid, id)",
    ),
)
