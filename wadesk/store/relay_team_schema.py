"""The relay's tables for people, their devices, logins and the audit trail.

Kept as a list of statements so that the numbered migration that creates them
(`migrations/mNNNN_relay_team.py`) stays a two-line module.
"""

STATEMENTS = (
    """
    CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        role TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'agent')),
        password_hash TEXT,            -- scrypt; NULL until a password is set
        created_at INTEGER NOT NULL,
        disabled_at INTEGER
    )
    """,
    """
    CREATE TABLE setup_codes (
        code_hash TEXT PRIMARY KEY,    -- sha256 of the one-time code, never the code
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        used_at INTEGER
    )
    """,
    """
    CREATE TABLE devices (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        token_hash TEXT NOT NULL UNIQUE, -- sha256 of the device token, never the token
        name TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER,
        revoked_at INTEGER
    )
    """,
    "CREATE INDEX devices_by_person ON devices (person_id)",
    """
    CREATE TABLE login_failures (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL,             -- 'name:<lower name>' or 'ip:<address>'
        at INTEGER NOT NULL
    )
    """,
    "CREATE INDEX login_failures_by_key ON login_failures (key, at)",
    """
    CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
        person_name TEXT,              -- kept when the person is deleted
        action TEXT NOT NULL,          -- 'message.sent', 'conversation.assigned', ...
        target TEXT,                   -- ids only: never message texts
        details TEXT                   -- JSON of non-content facts
    )
    """,
    "CREATE INDEX audit_log_by_time ON audit_log (at)",
)
