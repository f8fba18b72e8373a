"""How long the copies made before a migration (`wadesk.db.bak-vN`) are kept.

open_database copies a database before it migrates it (connection._backup), so that an
update that goes wrong can be undone by putting the copy back. But a copy keeps all
that the database held at that moment, also what is erased later (GDPR Art. 17), out
of reach of every deletion. So a copy lives only while it is useful as a way back:

* It is kept for at least KEEP_DAYS days after it was made, and until the migrated
  database has been opened on KEEP_USE_DAYS different days after the migration day
  (the new version has been used for a while; a problem with it would have shown).
  At the first open when both hold, it is deleted.
* However seldom the database is opened, a copy older than MAX_DAYS days is deleted
  at the next open.
* Every erasure (`contact.erased`, applied alike by the relay and by every desktop,
  apply_privacy_events.py) deletes every copy at once, in the erasing transaction: the
  erasure matters more than a way back, and an erasure that is rolled back has lost
  only the copies. (A server keeps backups of its own data folder outside wadesk: those
  are the operator's to expire.)
* A copy that cannot be deleted (permissions) is logged, by file name only, and tried
  again at the next open. Opening the database never fails because of a copy.

Days of use are counted in `store_meta` (`backup_use_days`, and `backup_last_day`, the
day number of the last counted open), reset in the migration's transaction; a copy's
age is its file's modification time (written once, when it was made). Copies found
without a count (made by an older wadesk) start counting at the next open. Only opens
count, not running time: a relay that runs for months on one open drops its copies at
its first erasure or at the first restart past the limits.
"""

from __future__ import annotations

import logging
import re
import time
from pathlib import Path

from wadesk.store._db import Connection, execute, query_all, query_one, transaction
from wadesk.store.errors import StoreError

log = logging.getLogger(__name__)

KEEP_DAYS = 7
KEEP_USE_DAYS = 3
MAX_DAYS = 30
DAY_S = 86_400

_USE_DAYS = "backup_use_days"
_LAST_DAY = "backup_last_day"


def backups_of(database: Path) -> list[Path]:
    """The migration copies of this database (and what a copy interrupted by a crash
    left beside it), oldest name first."""
    pattern = re.compile(re.escape(database.name) + r"\.bak-v\d+(\.\d+)?(-journal|-wal|-shm)?")
    try:
        return sorted(p for p in database.parent.iterdir() if pattern.fullmatch(p.name))
    except OSError:
        return []


def started(conn: Connection, *, now: float | None = None) -> None:
    """A copy was just made: count days of use from today (in the migration's
    transaction)."""
    _save(conn, 0, _day(now))


def after_open(conn: Connection, database: Path, *, now: float | None = None) -> list[Path]:
    """Count today as a day of use and delete the copies the policy no longer keeps;
    the files deleted. Called by open_database once the database is open and current."""
    found = backups_of(database)
    if not found:
        return []
    now = time.time() if now is None else now
    today = _day(now)
    try:
        use_days, last_day = _usage(conn)
        if last_day is None:
            use_days, last_day = 0, today
            _save(conn, use_days, last_day)
        elif today > last_day:  # a clock set back counts nothing
            use_days, last_day = use_days + 1, today
            _save(conn, use_days, last_day)
    except StoreError as exc:  # a busy or full disk: keep everything, count next time
        log.warning("could not count the use of the migration backups: %s", type(exc).__name__)
        return []
    expired = [path for path in found if _expired(path, now, use_days)]
    deleted = _delete(expired)
    if len(deleted) == len(found):
        _forget_usage(conn)
    return deleted


def delete_all(database: Path) -> list[Path]:
    """Delete every copy of this database (an erasure); the files deleted."""
    return _delete(backups_of(database))


def delete_all_of(conn: Connection) -> list[Path]:
    """delete_all for the database file behind `conn` (none for an in-memory one)."""
    database = database_file(conn)
    return delete_all(database) if database is not None else []


def database_file(conn: Connection) -> Path | None:
    for _seq, name, file in query_all(conn, "PRAGMA database_list"):
        if name == "main" and file:
            return Path(file)
    return None


def _expired(path: Path, now: float, use_days: int) -> bool:
    try:
        age_days = (now - path.stat().st_mtime) / DAY_S
    except OSError:
        return False  # gone meanwhile
    return age_days >= MAX_DAYS or (age_days >= KEEP_DAYS and use_days >= KEEP_USE_DAYS)


def _delete(paths: list[Path]) -> list[Path]:
    deleted = []
    for path in paths:
        try:
            path.unlink(missing_ok=True)
            deleted.append(path)
        except OSError as exc:
            log.warning("could not delete the migration backup %s: %s", path.name, type(exc).__name__)
    return deleted


def _day(now: float | None) -> int:
    return int((time.time() if now is None else now) // DAY_S)


def _usage(conn: Connection) -> tuple[int, int | None]:
    use_days = query_one(conn, "SELECT value FROM store_meta WHERE key = ?", (_USE_DAYS,))
    last_day = query_one(conn, "SELECT value FROM store_meta WHERE key = ?", (_LAST_DAY,))
    if use_days is None or last_day is None:
        return 0, None
    try:
        return int(use_days[0]), int(last_day[0])
    except ValueError:
        return 0, None  # damaged: count again from today


def _save(conn: Connection, use_days: int, last_day: int) -> None:
    with transaction(conn):
        for key, value in ((_USE_DAYS, use_days), (_LAST_DAY, last_day)):
            execute(conn, "INSERT INTO store_meta(key, value) VALUES (?, ?)"
                          " ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, str(value)))


def _forget_usage(conn: Connection) -> None:
    try:
        with transaction(conn):
            execute(conn, "DELETE FROM store_meta WHERE key IN (?, ?)", (_USE_DAYS, _LAST_DAY))
    except StoreError as exc:
        log.warning("could not reset the backup count: %s", type(exc).__name__)
