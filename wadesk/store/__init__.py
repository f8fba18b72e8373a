"""Everything SQL: the encrypted connection, numbered migrations, typed reads and writes.

No Qt and no HTTP here. All SQL of wadesk lives in this package, with bound
parameters only; rows come out as frozen dataclasses.

Map
    connection      open_database (SQLCipher key, checks, pragmas, migrations), checkpoint
    errors          the typed errors (wrong key, corrupt, from the future, disk full ...)
    migrations/     numbered, append-only; one list for both roles (see its docstring)
    migration_backups  how long the copy made before a migration is kept (erasure: gone)
    ingest          applying incoming/outgoing messages, one or a batch; local echo
    messages        reading messages: by id, wamid, client id; keyset pages
    statuses        delivery statuses, monotonic in any arrival order
    reactions, edits, deletion, media_files
    conversations   the inbox list (keyset, filters), read/assign/archive
    contacts        contacts from conversations only; contact search
    search, fts     message full-text search (FTS5) and safe query building
    labels, notes, quick_replies, outbox, sync_state
    events          the relay's append-only event log; apply_events / apply_team_events /
                    apply_privacy_events apply each kind, on the relay and on every replica
    automations     greeting and away messages, business hours (shared state)
    consents        consent records per customer; the proof kept after an erasure
    contact_export, contact_erasure, relay_erasure
                    everything on one customer as JSON; erasing it (replica and relay log)
    people, team_queries, relay_*  the relay's people, devices, sends, media, uploads
    replica_sync, desktop_reads    what only a desktop's replica reads and keeps
    state_dump      the shared tables, compared between relay and replicas in tests

Conventions
    Times are integer Unix seconds (UTC), as Meta sends them.
    Things born at Meta are known by natural keys (wamid, wa_id / BSUID, phone-number
    id); things born in the team (labels, notes, quick replies) by the relay's ids,
    which a replica stores as they are.
    Connections are in autocommit mode; every write function is one transaction, or
    joins the caller's (`_db.transaction`). Inside a caller's transaction a failing
    call leaves it to the caller to roll back (leaving the `with` block does that);
    per-call savepoints would cost FTS5 a flush and SQLite a page copy per message.
    One writer connection; readers open their own (WAL lets them read meanwhile).
"""
