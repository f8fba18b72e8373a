"""The relay's quarantine of webhook entries that failed to parse or to apply.

Rows are added in the intake's own transaction (see relay/intake_store.py), listed
without their payloads (the CLI and /healthz never show texts), taken for a replay and
marked replayed once it stored them. Table: migration m0009.
"""

from __future__ import annotations

from dataclasses import dataclass

from wadesk.store._db import Connection, execute, query_all, query_one

UNPARSED = "webhook_item"  # the kind of an item the cloud parser refused


@dataclass(frozen=True, slots=True)
class QuarantinedEntry:
    """A waiting or replayed entry, as listed: no payload."""

    id: int
    received_at: int
    kind: str
    dedupe_key: str
    error: str
    replayed_at: int | None


@dataclass(frozen=True, slots=True)
class EntryToReplay:
    id: int
    kind: str
    dedupe_key: str
    raw: str


def add(conn: Connection, *, kind: str, dedupe_key: str, raw: str, error: str, at: int) -> bool:
    """Keep one entry; False when the same dedupe key is already waiting."""
    return execute(conn, """
        INSERT OR IGNORE INTO webhook_quarantine (received_at, kind, dedupe_key, raw, error)
        VALUES (?, ?, ?, ?, ?)""", (at, kind, dedupe_key, raw, error)) > 0


def list_entries(conn: Connection, *, waiting_only: bool = False,
                 limit: int = 1000) -> list[QuarantinedEntry]:
    where = "WHERE replayed_at IS NULL" if waiting_only else ""
    rows = query_all(conn, f"""
        SELECT id, received_at, kind, dedupe_key, error, replayed_at
        FROM webhook_quarantine {where} ORDER BY id LIMIT ?""", (limit,))
    return [QuarantinedEntry(*row) for row in rows]


def waiting_count(conn: Connection) -> int:
    row = query_one(conn, "SELECT count(*) FROM webhook_quarantine WHERE replayed_at IS NULL")
    return int(row[0]) if row else 0


def take_for_replay(conn: Connection, entry_id: int | None = None) -> list[EntryToReplay]:
    """The waiting entries (or the one named), oldest first, with their payloads."""
    if entry_id is None:
        rows = query_all(conn, """
            SELECT id, kind, dedupe_key, raw FROM webhook_quarantine
            WHERE replayed_at IS NULL ORDER BY id""")
    else:
        rows = query_all(conn, """
            SELECT id, kind, dedupe_key, raw FROM webhook_quarantine
            WHERE replayed_at IS NULL AND id = ?""", (entry_id,))
    return [EntryToReplay(*row) for row in rows]


def mark_replayed(conn: Connection, entry_id: int, *, at: int) -> bool:
    return execute(conn, """
        UPDATE webhook_quarantine SET replayed_at = ?
        WHERE id = ? AND replayed_at IS NULL""", (at, entry_id)) > 0


def purge_replayed(conn: Connection, *, before_ts: int) -> int:
    """Forget entries replayed before `before_ts` (their data is in the log by then)."""
    return execute(conn, "DELETE FROM webhook_quarantine WHERE replayed_at IS NOT NULL AND replayed_at < ?",
                   (before_ts,))
