"""5: the relay's record of every send to Meta, and a little key-value state.

`relay_sends` is the relay's outbox to the Cloud API and its idempotency record in
one: keyed by the client id the desktop made, it keeps the outcome after the send
(accepted with its wamid, failed with Meta's code) so that the same client id posted
again returns the same answer and never sends twice. The request body (which holds
the message text) is kept only while the send is not settled.

States: queued (waiting for its turn or a retry) -> sending (the call to Meta is
under way) -> accepted | failed | unknown (the call went out, the answer was lost;
settled later by the status webhook that carries the client id back).

`relay_state` holds the few facts about the relay itself that must survive a restart
(e.g. "the Cloud API token was refused").
"""

from wadesk.store.migrations.base import RELAY_ONLY, Migration

MIGRATION = Migration(
    number=5,
    name="relay sends",
    roles=RELAY_ONLY,
    steps=(
        """
        CREATE TABLE relay_sends (
            client_id       TEXT PRIMARY KEY,
            request_hash    TEXT NOT NULL,   -- same client id with other content: refused
            person_id       INTEGER,
            device_id       INTEGER,
            conversation_id INTEGER,
            phone_number_id TEXT NOT NULL,
            recipient       TEXT NOT NULL,   -- wa_id or BSUID: sends to one person go in order
            kind            TEXT NOT NULL,   -- text, image, template, reaction, ...
            body_json       TEXT,            -- the Graph request; NULL once settled
            state           TEXT NOT NULL CHECK (state = 'queued' OR state = 'sending'
                                OR state = 'accepted' OR state = 'failed' OR state = 'unknown'),
            attempts        INTEGER NOT NULL DEFAULT 0,
            next_attempt_at REAL NOT NULL,
            wamid           TEXT,
            error_code      INTEGER,
            error_reason    TEXT,
            created_at      INTEGER NOT NULL,
            updated_at      INTEGER NOT NULL
        )
        """,
        "CREATE INDEX relay_sends_due ON relay_sends(state, next_attempt_at)",
        "CREATE INDEX relay_sends_by_wamid ON relay_sends(wamid) WHERE wamid IS NOT NULL",
        # "is an older send to this person still open?": keeps one person's sends in order.
        "CREATE INDEX relay_sends_by_recipient ON relay_sends(phone_number_id, recipient, state)",
        """
        CREATE TABLE relay_state (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID
        """,
    ),
)
