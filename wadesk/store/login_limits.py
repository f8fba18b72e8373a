"""When a login rate limit lifts: the times of a key's newest failed logins.

(people.py records and counts the failures; this answers "until when", for the
429's Retry-After.)
"""

from __future__ import annotations

from wadesk.store._db import Connection, query_all


def newest_failures(conn: Connection, key: str, since: int, limit: int) -> list[int]:
    """The times of the newest `limit` failures of `key` at or after `since`, newest
    first (login_failures_by_key serves it in index order)."""
    rows = query_all(conn, "SELECT at FROM login_failures WHERE key = ? AND at >= ?"
                     " ORDER BY at DESC LIMIT ?", (key, since, limit))
    return [int(row[0]) for row in rows]
