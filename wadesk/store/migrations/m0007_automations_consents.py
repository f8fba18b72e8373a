"""7: the team's automation settings and the customers' consents (both roles).

Shared state, applied from the event log like every other table of the team
(apply_privacy_events.py), so every desktop shows the same greeting, away message,
business hours and consents as the relay.

`automation_settings` has at most one row (id 1); without it the defaults in
automations.py hold. `business_hours` are the opening ranges of the week in the shop's
local time (minutes after midnight, 0 = Monday).

`consents` is append-only history: every "given" and "withdrawn" is its own row, the
newest per purpose is the current state. A row names the customer by the WhatsApp id
and BSUID they had when it was recorded (not by a contact row id, which a merge of two
contacts would change). When a contact is erased (GDPR Art. 17), their rows become
minimal proof (see consents.py): the identity is replaced by a salted hash and the
evidence text is dropped.
"""

from wadesk.store.migrations.base import BOTH, Migration

MIGRATION = Migration(
    number=7,
    name="automations and consents",
    roles=BOTH,
    steps=(
        """
        CREATE TABLE automation_settings (
            id                  INTEGER PRIMARY KEY CHECK (id = 1),
            greeting_enabled    INTEGER NOT NULL
                                CHECK (greeting_enabled = 0 OR greeting_enabled = 1),
            greeting_text       TEXT NOT NULL,
            greeting_after_days INTEGER NOT NULL,  -- greet again after this many quiet days
            away_enabled        INTEGER NOT NULL CHECK (away_enabled = 0 OR away_enabled = 1),
            away_text           TEXT NOT NULL,
            away_when           TEXT NOT NULL
                                CHECK (away_when = 'outside_hours' OR away_when = 'always'),
            time_zone           TEXT NOT NULL,     -- IANA name, e.g. Europe/Berlin
            updated_at          INTEGER NOT NULL,
            updated_by          TEXT               -- the relay's person id
        )
        """,
        """
        CREATE TABLE business_hours (
            weekday INTEGER NOT NULL CHECK (weekday >= 0 AND weekday <= 6),
            opens   INTEGER NOT NULL,
            closes  INTEGER NOT NULL,
            PRIMARY KEY (weekday, opens),
            CHECK (opens >= 0 AND opens < closes AND closes <= 1440)
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE consents (
            id               INTEGER PRIMARY KEY,  -- the relay's id
            wa_id            TEXT,                 -- who, while they are not erased
            user_id          TEXT,
            subject_hash     TEXT,                 -- who, once erased: sha256(salt, id)
            subject_salt     TEXT,
            purpose          TEXT NOT NULL,        -- e.g. marketing_templates
            state            TEXT NOT NULL CHECK (state = 'given' OR state = 'withdrawn'),
            at               INTEGER NOT NULL,     -- when the customer gave or withdrew it
            source           TEXT NOT NULL,        -- how: whatsapp_message, in_person, ...
            evidence         TEXT,                 -- e.g. the customer's words; dropped at erasure
            notice_version   TEXT,                 -- the privacy notice version shown
            recorded_by      TEXT,                 -- the relay's person id
            recorded_by_name TEXT,
            recorded_at      INTEGER NOT NULL,
            CHECK (wa_id IS NOT NULL OR user_id IS NOT NULL OR subject_hash IS NOT NULL)
        )
        """,
        "CREATE INDEX consents_by_wa_id ON consents(wa_id, purpose, at) WHERE wa_id IS NOT NULL",
        "CREATE INDEX consents_by_user_id ON consents(user_id, purpose, at)"
        " WHERE user_id IS NOT NULL",
    ),
)
