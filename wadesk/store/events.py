"""The relay's append-only event log (migration 3) and its counters.

Every change of the team's shared state is one event: a kind ("message.in",
"status", "conversation.assigned" ...), a JSON payload that is complete on its own
(a desktop has nothing else to go by), and a monotonic `seq` that is every desktop's
sync cursor. Events are written together with their effect on the state tables, in
one transaction (see apply_events.py), so the log and the state never disagree.

`dedupe_key` makes delivery idempotent: Meta repeats webhooks, and a wamid can show up
again in another batch. Appending an event whose key is already there stores nothing
and returns None, so the caller knows not to apply it again.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

import orjson

from wadesk.store._db import Connection, execute, execute_many, query_all, query_one

# The newest events are what long-polls ask for; a page is capped so one answer stays
# small enough to parse in a few milliseconds on the desktop.
MAX_PAGE = 1000

_INSERT = (
    "INSERT INTO events(at, kind, dedupe_key, actor_id, payload) VALUES (?, ?, ?, ?, ?)"
    " ON CONFLICT (dedupe_key) DO NOTHING"
)
_KNOWN = "SELECT 1 FROM events WHERE dedupe_key = ?"
_KNOWN_MANY = (
    "SELECT dedupe_key FROM events WHERE dedupe_key IN (SELECT value FROM json_each(?))"
)
# Every column has a value: binding None costs the driver an adapter lookup.
_INSERT_NUMBERED = "INSERT INTO events(seq, at, kind, dedupe_key, payload) VALUES (?, ?, ?, ?, ?)"
_SINCE = "SELECT seq, at, kind, actor_id, payload FROM events WHERE seq > ? ORDER BY seq LIMIT ?"


@dataclass(frozen=True, slots=True)
class Event:
    seq: int
    at: int
    kind: str
    actor_id: int | None
    payload: dict[str, Any]

    def as_json(self) -> dict[str, Any]:
        """The wire shape of GET /api/v1/sync."""
        return {"seq": self.seq, "at": self.at, "kind": self.kind, "actor_id": self.actor_id,
                "payload": self.payload}


# Compact JSON text (the sync API splices it into its answers as is). orjson writes it
# about eight times faster than the standard library (a tenth of the relay writer's work
# per webhook); what orjson does not take as it is (keys that are not text, integers
# beyond 64 bits, text with a lone surrogate, objects of other types) goes to the
# standard library, which encodes or refuses it as before. (NaN, which orjson would
# write as null, is refused at every input: no payload holds one.)
_ENCODER = json.JSONEncoder(separators=(",", ":"))
_ORJSON_STRICT = orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_PASSTHROUGH_DATETIME \
    | orjson.OPT_PASSTHROUGH_SUBCLASS


def encode_payload(payload: dict[str, Any]) -> str:
    try:
        return orjson.dumps(payload, option=_ORJSON_STRICT).decode()
    except TypeError:  # orjson.JSONEncodeError
        return _ENCODER.encode(payload)


def append_event(
    conn: Connection,
    kind: str,
    payload: dict[str, Any],
    *,
    dedupe_key: str | None = None,
    actor_id: int | None = None,
    at: int | None = None,
) -> int | None:
    """Append one event; its seq, or None when `dedupe_key` was already logged."""
    if not kind:
        raise ValueError("an event needs a kind")
    # Looked up first: an INSERT that hits the UNIQUE key would still use up a seq
    # (AUTOINCREMENT counts it), and repeated webhooks would leave gaps that make every
    # long-poll return at once with nothing.
    if dedupe_key is not None and conn.execute(_KNOWN, (dedupe_key,)).fetchone() is not None:
        return None
    cursor = conn.execute(
        _INSERT,
        (int(time.time()) if at is None else at, kind, dedupe_key, actor_id,
         encode_payload(payload)),
    )
    if cursor.rowcount == 0:
        return None
    return cursor.lastrowid


def known_dedupe_keys(conn: Connection, keys: list[str]) -> set[str]:
    """The keys among `keys` that are logged already (one query for a whole batch)."""
    if not keys:
        return set()
    return {row[0] for row in query_all(conn, _KNOWN_MANY, (json.dumps(keys),))}


def append_events(conn: Connection, rows: list[tuple[str, str, str]], *, at: int) -> int:
    """Append (kind, payload JSON, dedupe key) rows in order, in the caller's
    transaction; the seq of the first row (the others follow one by one).

    For a batch whose keys the caller has checked with known_dedupe_keys (a key logged
    already is an IntegrityError here, never silently skipped). The numbers are given
    here, after the highest ever handed out, which is what AUTOINCREMENT would pick
    (the caller holds the write lock), and one statement writes them all."""
    first = latest_seq(conn) + 1
    execute_many(conn, _INSERT_NUMBERED,
                 [(first + i, at, kind, key, payload) for i, (kind, payload, key) in enumerate(rows)])
    return first


def has_dedupe_key(conn: Connection, dedupe_key: str) -> bool:
    return query_one(conn, "SELECT 1 FROM events WHERE dedupe_key = ?", (dedupe_key,)) is not None


def events_since(conn: Connection, seq: int, limit: int = MAX_PAGE) -> list[Event]:
    """Events after `seq`, oldest first, at most `limit` (capped at MAX_PAGE)."""
    limit = max(1, min(int(limit), MAX_PAGE))
    rows = query_all(conn, _SINCE, (int(seq), limit))
    return [Event(row[0], row[1], row[2], row[3], json.loads(row[4])) for row in rows]


def raw_events_since(conn: Connection, seq: int, limit: int = MAX_PAGE) -> list[tuple[Any, ...]]:
    """(seq, at, kind, actor_id, payload JSON text) rows: the sync API splices the
    stored JSON into its answer instead of parsing and re-serialising every payload."""
    limit = max(1, min(int(limit), MAX_PAGE))
    return query_all(conn, _SINCE, (int(seq), limit))


def latest_seq(conn: Connection) -> int:
    """The highest seq ever handed out (0 for an empty log).

    Read from sqlite_sequence, not max(seq): a purge of the newest events must not
    make a number come back (AUTOINCREMENT never reuses one)."""
    row = query_one(conn, "SELECT seq FROM sqlite_sequence WHERE name = 'events'")
    return int(row[0]) if row else 0


def count_events(conn: Connection, kind: str | None = None) -> int:
    if kind is None:
        row = query_one(conn, "SELECT count(*) FROM events")
    else:
        row = query_one(conn, "SELECT count(*) FROM events WHERE kind = ?", (kind,))
    assert row is not None
    return int(row[0])


def bump_counter(conn: Connection, name: str, by: int = 1) -> None:
    execute(
        conn,
        "INSERT INTO counters(name, value) VALUES (?, ?)"
        " ON CONFLICT (name) DO UPDATE SET value = value + excluded.value",
        (name, int(by)),
    )


def counter(conn: Connection, name: str) -> int:
    row = query_one(conn, "SELECT value FROM counters WHERE name = ?", (name,))
    return int(row[0]) if row else 0


def all_counters(conn: Connection) -> dict[str, int]:
    return {name: int(value) for name, value in query_all(conn, "SELECT name, value FROM counters")}
