"""Numbered, append-only schema migrations for both store roles.

The desktop replica and the team relay keep the same state tables (contacts,
conversations, messages, reactions, labels, notes, quick replies, ...) and the same
read/write functions run on both. The relay adds tables of its own (its event log,
people and devices, its outbox to Meta, the audit trail).

Both live in ONE numbered list. Each migration names the roles it applies to
(`BOTH` or `RELAY_ONLY`); a migration that does not apply to a role is skipped but its
number still counts, so `PRAGMA user_version` is a single integer with one meaning:
"every migration up to here that concerns my role has been applied". One list keeps
the order between state and relay changes explicit (a relay migration written against
state schema N never runs before state migration N on a fresh install), and the
replica never carries empty relay tables. A database records its role at creation and
is never opened in the other role.

Rules: append only (a released migration is never edited, renumbered or removed);
numbers go 1, 2, 3 ... without gaps and match the module name `mNNNN_<what>.py`; every
module is listed in MIGRATIONS below (a static import, so frozen builds include it).
All pending migrations run in one transaction; connection.open_database backs the file
up first when it already holds data.
"""

from __future__ import annotations

from wadesk.store._db import Connection, execute
from wadesk.store.migrations import m0001_state_tables, m0002_relay_team, m0003_relay_event_log
from wadesk.store.migrations import m0004_early_events, m0005_relay_sends
from wadesk.store.migrations import m0006_relay_conversation_ref
from wadesk.store.migrations import m0007_automations_consents
from wadesk.store.migrations import m0008_relay_uploads
from wadesk.store.migrations import m0009_webhook_quarantine
from wadesk.store.migrations.base import BOTH, RELAY, RELAY_ONLY, REPLICA, ROLES, Migration

__all__ = [
    "BOTH",
    "LATEST",
    "MIGRATIONS",
    "RELAY",
    "RELAY_ONLY",
    "REPLICA",
    "ROLES",
    "Migration",
    "apply_pending",
    "pending",
]

MIGRATIONS: tuple[Migration, ...] = (
    m0001_state_tables.MIGRATION,
    m0002_relay_team.MIGRATION,
    m0003_relay_event_log.MIGRATION,
    m0004_early_events.MIGRATION,
    m0005_relay_sends.MIGRATION,
    m0006_relay_conversation_ref.MIGRATION,
    m0007_automations_consents.MIGRATION,
    m0008_relay_uploads.MIGRATION,
    m0009_webhook_quarantine.MIGRATION,
)

LATEST = MIGRATIONS[-1].number


def pending(version: int, role: str) -> list[Migration]:
    return [m for m in MIGRATIONS if m.number > version and m.applies_to(role)]


def apply_pending(conn: Connection, version: int, role: str) -> int:
    """Run the pending migrations inside the caller's transaction; the new version.

    The version moves to the last number of the list even when the last migrations
    were skipped for this role, so they are never considered again."""
    for migration in pending(version, role):
        for step in migration.steps:
            if isinstance(step, str):
                execute(conn, step)
            else:
                step(conn)
    latest = MIGRATIONS[-1].number
    # PRAGMA takes no bound parameters; `latest` is an int from our own list.
    execute(conn, f"PRAGMA user_version = {int(latest)}")
    return latest
