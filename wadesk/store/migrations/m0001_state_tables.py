"""1: the shared state tables of the replica and the relay.

Times are integer Unix seconds (UTC), as Meta sends them. Ids of agents (`assignee_id`,
`agent_id`, `author_id`) are the relay's opaque person ids, kept as text.
"""

from __future__ import annotations

from wadesk.store._db import Connection, execute
from wadesk.store.errors import StoreError
from wadesk.store.migrations.base import BOTH, Migration



def _one_of(column: str, *values: str) -> str:
    """A CHECK that `column` holds one of `values`.

    Written as ORs because SQLite evaluates a CHECK with `IN (list)` by building a
    temporary index on every row written: ~3 us per insert each, a third of the
    ingest budget."""
    return "(" + " OR ".join(f"{column} = '{value}'" for value in values) + ")"


_STORE_META = """
CREATE TABLE store_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID
"""

# Only what the conversation itself tells us: no address-book fields, ever.
_CONTACTS = """
CREATE TABLE contacts (
    id            INTEGER PRIMARY KEY,
    wa_id         TEXT,             -- WhatsApp id (the phone number), absent for username users
    user_id       TEXT,             -- business-scoped user id (BSUID)
    username      TEXT,
    profile_name  TEXT,             -- the name the customer set in WhatsApp
    business_name TEXT,             -- the name the business gives them
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    CHECK (wa_id IS NOT NULL OR user_id IS NOT NULL)
)
"""

_CONVERSATIONS = """
CREATE TABLE conversations (
    id                   INTEGER PRIMARY KEY,
    contact_id           INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    phone_number_id      TEXT NOT NULL,   -- the business number (Cloud API phone-number id)
    last_activity_at     INTEGER NOT NULL DEFAULT 0,
    last_message_id      INTEGER,         -- the preview; no FK: see conversations.refresh_preview
    unread_count         INTEGER NOT NULL DEFAULT 0,
    last_customer_msg_at INTEGER,         -- opens the 24-hour customer service window
    assignee_id          TEXT,
    archived             INTEGER NOT NULL DEFAULT 0 CHECK (archived = 0 OR archived = 1),
    created_at           INTEGER NOT NULL,
    UNIQUE (contact_id, phone_number_id)
)
"""

_MESSAGES = f"""
CREATE TABLE messages (
    id              INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    wamid           TEXT,
    client_id       TEXT,             -- made by the sending desktop: local echo and dedupe
    direction       TEXT NOT NULL CHECK {_one_of('direction', 'in', 'out')},
    type            TEXT NOT NULL,
    ts              INTEGER NOT NULL,
    text            TEXT,             -- the body, or the media caption
    reply_to_wamid  TEXT,
    status          TEXT CHECK (status IS NULL OR
                        {_one_of('status', 'pending', 'sent', 'delivered', 'read', 'played', 'failed')}),
    sent_at         INTEGER,
    delivered_at    INTEGER,
    read_at         INTEGER,
    played_at       INTEGER,
    failed_at       INTEGER,
    error_code      INTEGER,
    error_reason    TEXT,
    agent_id        TEXT,
    origin          TEXT NOT NULL DEFAULT 'cloud'
                    CHECK {_one_of('origin', 'cloud', 'phone', 'history', 'automation')},
    edited_at       INTEGER,
    revoked_at      INTEGER,
    media_id        TEXT,
    media_mime      TEXT,
    media_size      INTEGER,
    media_filename  TEXT,
    media_sha256    TEXT,
    media_file      TEXT,             -- name of the encrypted file in the media folder
    media_key       BLOB,             -- that file's AES-256-GCM key
    raw_json        TEXT,
    CHECK (wamid IS NOT NULL OR client_id IS NOT NULL)
)
"""

_REACTIONS = f"""
CREATE TABLE reactions (
    message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    reactor    TEXT NOT NULL CHECK {_one_of('reactor', 'customer', 'business')},
    emoji      TEXT,                  -- NULL once removed; the row stays so that an older,
    ts         INTEGER NOT NULL,      -- late-arriving reaction cannot bring it back
    agent_id   TEXT,
    PRIMARY KEY (message_id, reactor)
) WITHOUT ROWID
"""

_LABELS = """
CREATE TABLE labels (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    colour     TEXT NOT NULL,
    created_at INTEGER NOT NULL
)
"""

_CONVERSATION_LABELS = """
CREATE TABLE conversation_labels (
    conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    label_id        INTEGER NOT NULL REFERENCES labels(id) ON DELETE CASCADE,
    PRIMARY KEY (conversation_id, label_id)
) WITHOUT ROWID
"""

_MESSAGE_LABELS = """
CREATE TABLE message_labels (
    message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    label_id   INTEGER NOT NULL REFERENCES labels(id) ON DELETE CASCADE,
    PRIMARY KEY (message_id, label_id)
) WITHOUT ROWID
"""

_NOTES = """
CREATE TABLE notes (
    id              INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    author_id       TEXT,
    text            TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
)
"""

_QUICK_REPLIES = """
CREATE TABLE quick_replies (
    id         INTEGER PRIMARY KEY,
    shortcut   TEXT NOT NULL UNIQUE COLLATE NOCASE,
    text       TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
)
"""

_SYNC_STATE = """
CREATE TABLE sync_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID
"""

# Sends waiting for the relay (replica) or for Meta (relay). Done rows are deleted.
_OUTBOX = f"""
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    client_id       TEXT NOT NULL UNIQUE,
    payload_json    TEXT NOT NULL,
    state           TEXT NOT NULL CHECK {_one_of('state', 'queued', 'sending', 'failed')},
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error      TEXT,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
)
"""

_INDEXES = (
    # Partial: most contacts have only one of the two ids.
    "CREATE UNIQUE INDEX contacts_by_wa_id ON contacts(wa_id) WHERE wa_id IS NOT NULL",
    "CREATE UNIQUE INDEX contacts_by_user_id ON contacts(user_id) WHERE user_id IS NOT NULL",
    # The conversation list: one index per filter, each already in keyset order.
    "CREATE INDEX conversations_by_activity"
    " ON conversations(archived, last_activity_at DESC, id DESC)",
    "CREATE INDEX conversations_unread_by_activity"
    " ON conversations(archived, last_activity_at DESC, id DESC) WHERE unread_count > 0",
    "CREATE INDEX conversations_by_assignee"
    " ON conversations(assignee_id, archived, last_activity_at DESC, id DESC)",
    # A conversation's history, newest first, paged by (ts, id): read backwards, an
    # index on (conversation_id, ts) is in (ts DESC, id DESC) order already, because
    # every index entry ends in the rowid (= id). Leaving id out keeps the entries
    # small: this index takes a random insert per message, and its pages are most of
    # what a batch of new messages dirties.
    "CREATE INDEX messages_by_conversation ON messages(conversation_id, ts)",
    # Partial: an incoming message has no client id, a pending outgoing one no wamid.
    "CREATE UNIQUE INDEX messages_by_wamid ON messages(wamid) WHERE wamid IS NOT NULL",
    "CREATE UNIQUE INDEX messages_by_client_id ON messages(client_id) WHERE client_id IS NOT NULL",
    "CREATE INDEX conversation_labels_by_label ON conversation_labels(label_id, conversation_id)",
    "CREATE INDEX message_labels_by_label ON message_labels(label_id, message_id)",
    "CREATE INDEX notes_by_conversation ON notes(conversation_id, created_at, id)",
    "CREATE INDEX outbox_due ON outbox(state, next_attempt_at)",
)

# External-content FTS5 over messages: the index holds no second copy of the text, and
# its rowid is the message id, so "newest first" is ORDER BY rowid DESC (no sort).
#
# New messages are indexed by ingest.apply_messages once per batch (the only place
# that inserts messages), not by an insert trigger: FTS5 flushes its in-memory terms
# into a new on-disk segment at every statement savepoint, so a trigger indexing each
# insert wrote one tiny segment per message and merged them endlessly (ingest ran 4x
# slower). Updates and deletes keep the index exact through the triggers below. The
# invariant after every store call: every message row is in the index (one without
# text as an empty document) with its current text, so FTS5's integrity-check can
# compare index and table (the tests do).
_MESSAGE_FTS = (
    "CREATE VIRTUAL TABLE message_fts USING fts5("
    "text, media_filename, content='messages', content_rowid='id',"
    " tokenize='unicode61 remove_diacritics 2')",
    """
    CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
        INSERT INTO message_fts(message_fts, rowid, text, media_filename)
        VALUES ('delete', old.id, old.text, old.media_filename);
    END
    """,
    """
    CREATE TRIGGER messages_fts_update AFTER UPDATE OF text, media_filename ON messages BEGIN
        INSERT INTO message_fts(message_fts, rowid, text, media_filename)
        VALUES ('delete', old.id, old.text, old.media_filename);
        INSERT INTO message_fts(rowid, text, media_filename)
        VALUES (new.id, new.text, new.media_filename);
    END
    """,
)

_CONTACT_FTS = (
    "CREATE VIRTUAL TABLE contact_fts USING fts5("
    "profile_name, business_name, username, wa_id, user_id,"
    " content='contacts', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    """
    CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN
        INSERT INTO contact_fts(rowid, profile_name, business_name, username, wa_id, user_id)
        VALUES (new.id, new.profile_name, new.business_name, new.username, new.wa_id, new.user_id);
    END
    """,
    """
    CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN
        INSERT INTO contact_fts(contact_fts, rowid, profile_name, business_name, username,
                                wa_id, user_id)
        VALUES ('delete', old.id, old.profile_name, old.business_name, old.username,
                old.wa_id, old.user_id);
    END
    """,
    """
    CREATE TRIGGER contacts_fts_update
    AFTER UPDATE OF profile_name, business_name, username, wa_id, user_id ON contacts BEGIN
        INSERT INTO contact_fts(contact_fts, rowid, profile_name, business_name, username,
                                wa_id, user_id)
        VALUES ('delete', old.id, old.profile_name, old.business_name, old.username,
                old.wa_id, old.user_id);
        INSERT INTO contact_fts(rowid, profile_name, business_name, username, wa_id, user_id)
        VALUES (new.id, new.profile_name, new.business_name, new.username, new.wa_id, new.user_id);
    END
    """,
)

# FTS5 leaves (pgsz bytes) are rows of the *_data table. SQLCipher keeps 48 bytes of
# every 4096-byte page for its IV and HMAC (80 with its default HMAC-SHA512), so the
# default 4050-byte leaf no longer fits on one page and would spill into an overflow
# page.
_FTS_PAGE_SIZE = 3900


def _configure_fts(conn: Connection) -> None:
    for table in ("message_fts", "contact_fts"):
        execute(conn, f"INSERT INTO {table}({table}, rank) VALUES ('pgsz', {_FTS_PAGE_SIZE})")
        if _supports_secure_delete(conn):
            # Deleted text is removed from the index itself, not hidden by delete markers.
            execute(conn, f"INSERT INTO {table}({table}, rank) VALUES ('secure-delete', 1)")


def _supports_secure_delete(conn: Connection) -> bool:
    # SQLCipher 4.19 (SQLite 3.53) always has it. Only the benchmark's plain baseline on
    # an older stdlib sqlite3 (< 3.42) lacks it, which changes nothing it measures.
    version = conn.execute("SELECT sqlite_version()").fetchone()[0]
    if tuple(int(part) for part in version.split(".")[:2]) >= (3, 42):
        return True
    if "sqlcipher" in type(conn).__module__:
        raise StoreError(f"SQLCipher with SQLite {version} lacks FTS5 secure-delete")
    return False


MIGRATION = Migration(
    number=1,
    name="state tables",
    roles=BOTH,
    steps=(
        _STORE_META,
        _CONTACTS,
        _CONVERSATIONS,
        _MESSAGES,
        _REACTIONS,
        _LABELS,
        _CONVERSATION_LABELS,
        _MESSAGE_LABELS,
        _NOTES,
        _QUICK_REPLIES,
        _SYNC_STATE,
        _OUTBOX,
        *_INDEXES,
        *_MESSAGE_FTS,
        *_CONTACT_FTS,
        _configure_fts,
    ),
)
