"""Numbered, append-only migrations: one transaction, backup first, roles; and how long
a backup lives (migration_backups.py)."""

from __future__ import annotations

import importlib
import os
import pkgutil
import re
import time
from pathlib import Path

import pytest

from wadesk.store import migration_backups, migrations, replica_sync
from wadesk.store.connection import open_database
from wadesk.store.contacts import ContactInfo
from wadesk.store.errors import StoreError
from wadesk.store.ingest import apply_incoming_message
from wadesk.store.messages import get_message_by_wamid
from wadesk.store.migrations import BOTH, RELAY_ONLY, Migration

from .factories import incoming, raw_sqlcipher


def test_numbers_only_go_up_without_gaps() -> None:
    numbers = [m.number for m in migrations.MIGRATIONS]
    assert numbers == list(range(1, len(numbers) + 1))
    assert migrations.LATEST == numbers[-1]


def test_every_migration_module_is_registered_under_its_number() -> None:
    found = {}
    for info in pkgutil.iter_modules(migrations.__path__):
        match = re.fullmatch(r"m(\d{4})_[a-z0-9_]+", info.name)
        if info.name == "base":
            continue
        assert match, f"migration module {info.name} is not named mNNNN_what"
        module = importlib.import_module(f"{migrations.__name__}.{info.name}")
        assert module.MIGRATION.number == int(match.group(1))
        found[module.MIGRATION.number] = module.MIGRATION
    assert tuple(found[n] for n in sorted(found)) == migrations.MIGRATIONS


def test_every_migration_names_known_roles() -> None:
    for migration in migrations.MIGRATIONS:
        assert migration.roles and migration.roles <= migrations.ROLES


def _add(monkeypatch: pytest.MonkeyPatch, *extra: Migration) -> None:
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS + extra)
    monkeypatch.setattr(migrations, "LATEST", extra[-1].number)


def _next(offset: int = 1) -> int:
    return migrations.LATEST + offset


def _tables(conn) -> set[str]:
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_an_existing_database_is_backed_up_then_migrated(
    db_path: Path, key: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    conn = open_database(db_path, key=key, create=True)
    apply_incoming_message(conn, incoming("vor dem Update", wamid="wamid.old"))
    conn.close()
    old_version = migrations.LATEST
    _add(monkeypatch, Migration(_next(), "greetings", BOTH, ("CREATE TABLE test_greetings (text TEXT)",)))

    conn = open_database(db_path, key=key)
    assert "test_greetings" in _tables(conn)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == old_version + 1
    conn.close()

    backup = db_path.with_name(f"wadesk.db.bak-v{old_version}")
    assert backup.exists()
    assert not backup.read_bytes().startswith(b"SQLite format 3")  # still encrypted
    copy = raw_sqlcipher(backup, key)
    assert copy.execute("PRAGMA user_version").fetchone()[0] == old_version
    assert "test_greetings" not in {r[0] for r in copy.execute("SELECT name FROM sqlite_master")}
    assert copy.execute("SELECT text FROM messages WHERE wamid = 'wamid.old'").fetchone() == (
        "vor dem Update",
    )
    copy.close()


def test_a_new_database_needs_no_backup(db_path: Path, key: bytes) -> None:
    open_database(db_path, key=key, create=True).close()
    assert sorted(p.name for p in db_path.parent.iterdir()) == ["media", "wadesk.db"]


def test_backups_are_never_overwritten(db_path: Path, key: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    open_database(db_path, key=key, create=True).close()
    old_version = migrations.LATEST
    existing = db_path.with_name(f"wadesk.db.bak-v{old_version}")
    existing.write_bytes(b"an older backup")
    _add(monkeypatch, Migration(_next(), "noop", BOTH, ("CREATE TABLE test_noop (x)",)))
    open_database(db_path, key=key).close()
    assert existing.read_bytes() == b"an older backup"
    assert db_path.with_name(f"wadesk.db.bak-v{old_version}.2").exists()


def test_all_pending_migrations_run_in_one_transaction(
    db_path: Path, key: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    conn = open_database(db_path, key=key, create=True)
    apply_incoming_message(conn, incoming(wamid="wamid.survives"))
    conn.close()
    old_version = migrations.LATEST
    _add(
        monkeypatch,
        Migration(_next(1), "good", BOTH, ("CREATE TABLE test_good (x)",)),
        Migration(_next(2), "bad", BOTH, ("CREATE TABLE test_good (x)",)),  # fails: exists
    )
    with pytest.raises(Exception, match="already exists"):
        open_database(db_path, key=key)
    monkeypatch.undo()
    conn = open_database(db_path, key=key)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == old_version
    assert "test_good" not in _tables(conn)
    assert get_message_by_wamid(conn, "wamid.survives") is not None
    conn.close()


def test_relay_only_migrations_skip_the_replica_but_count(
    tmp_path: Path, key: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add(
        monkeypatch,
        Migration(_next(1), "test relay table", RELAY_ONLY,
                  ("CREATE TABLE test_relay_only (seq INTEGER PRIMARY KEY, body TEXT NOT NULL)",)),
        Migration(_next(2), "test shared table", BOTH, ("CREATE TABLE test_shared (x)",)),
    )
    replica = open_database(tmp_path / "replica.db", key=key, create=True)
    relay = open_database(tmp_path / "relay.db", key=key, role="relay", create=True)
    assert "test_relay_only" not in _tables(replica) and "test_shared" in _tables(replica)
    assert {"test_relay_only", "test_shared", "messages", "contacts"} <= _tables(relay)
    for conn in (replica, relay):
        assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
        conn.close()


def test_step_functions_run_inside_the_transaction(
    db_path: Path, key: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_database(db_path, key=key, create=True).close()

    def fill(conn) -> None:
        conn.execute("INSERT INTO quick_replies(shortcut, text, created_at, updated_at)"
                     " VALUES ('hours', 'Mo-Fr 9-18 Uhr', 0, 0)")
        raise StoreError("step failed")

    _add(monkeypatch, Migration(_next(), "fill", BOTH, (fill,)))
    with pytest.raises(StoreError, match="step failed"):
        open_database(db_path, key=key)
    monkeypatch.undo()
    conn = open_database(db_path, key=key)
    assert conn.execute("SELECT count(*) FROM quick_replies").fetchone()[0] == 0
    conn.close()


def test_6_moves_the_relays_conversation_ids_out_of_sync_state(
    db_path: Path, key: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = tuple(m for m in migrations.MIGRATIONS if m.number < 6)
    monkeypatch.setattr(migrations, "MIGRATIONS", before)
    monkeypatch.setattr(migrations, "LATEST", 5)
    conn = open_database(db_path, key=key, create=True)
    kept = apply_incoming_message(conn, incoming(wamid="wamid.kept")).conversation_id
    other = apply_incoming_message(
        conn, incoming(wamid="wamid.other", contact=ContactInfo(wa_id="491709999999"))
    ).conversation_id
    conn.executemany("INSERT INTO sync_state(key, value) VALUES (?, ?)", [
        (f"relay_conv:{kept}", "41"),
        (f"relay_conv:{other}", "not a number"),  # damaged: would only misaddress the relay
        ("relay_conv:999", "7"),  # a conversation that is gone
        ("sync_cursor", "12"),
    ])
    conn.close()
    monkeypatch.undo()

    conn = open_database(db_path, key=key)
    assert replica_sync.relay_conversation_id(conn, kept) == 41
    assert replica_sync.relay_conversation_id(conn, other) is None
    assert conn.execute("SELECT key FROM sync_state ORDER BY key").fetchall() == [("sync_cursor",)]
    # The entry goes with its conversation (here: the contact is erased).
    conn.execute("DELETE FROM messages")
    conn.execute("DELETE FROM contacts")
    assert conn.execute("SELECT count(*) FROM relay_conversations").fetchone()[0] == 0
    conn.close()


DAY = migration_backups.DAY_S


def _migrate_once(db_path: Path, key: bytes, monkeypatch: pytest.MonkeyPatch, name: str) -> Path:
    """Open the database under a new migration; the backup that made."""
    before = set(migration_backups.backups_of(db_path))
    _add(monkeypatch, Migration(_next(), name, BOTH, (f"CREATE TABLE test_{name} (x)",)))
    open_database(db_path, key=key).close()
    (made,) = set(migration_backups.backups_of(db_path)) - before
    return made


def _noon(made: float, days_later: int) -> float:
    """Midday (in day numbers) of the day `days_later` days after the one of `made`."""
    return (made // DAY + days_later) * DAY + DAY / 2


def _use_days(conn) -> str | None:
    row = conn.execute("SELECT value FROM store_meta WHERE key = 'backup_use_days'").fetchone()
    return row[0] if row else None


def test_a_backup_stays_a_week_and_three_days_of_use_then_goes(
    db_path: Path, key: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    conn = open_database(db_path, key=key, create=True)
    apply_incoming_message(conn, incoming("vor dem Update", wamid="wamid.old"))
    conn.close()
    backup = _migrate_once(db_path, key, monkeypatch, "policy")
    made = backup.stat().st_mtime

    conn = open_database(db_path, key=key)  # the same day again: no day of use yet
    assert backup.exists() and _use_days(conn) == "0"
    assert migration_backups.after_open(conn, db_path, now=_noon(made, 1)) == []
    assert migration_backups.after_open(conn, db_path, now=_noon(made, 1) + DAY / 3) == []  # same day
    assert _use_days(conn) == "1"
    # Over a week old, but used on two days only: still the way back.
    assert migration_backups.after_open(conn, db_path, now=_noon(made, 8)) == []
    assert backup.exists() and _use_days(conn) == "2"
    # Used on a third day: it goes, and so does the count.
    assert migration_backups.after_open(conn, db_path, now=_noon(made, 9)) == [backup]
    assert not backup.exists() and _use_days(conn) is None
    assert get_message_by_wamid(conn, "wamid.old").text == "vor dem Update"
    conn.close()


def test_three_days_of_use_in_the_first_week_are_not_enough(
    db_path: Path, key: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_database(db_path, key=key, create=True).close()
    backup = _migrate_once(db_path, key, monkeypatch, "early")
    made = backup.stat().st_mtime
    conn = open_database(db_path, key=key)
    for day in (1, 2, 3, 6):
        assert migration_backups.after_open(conn, db_path, now=_noon(made, day)) == []
    assert backup.exists() and _use_days(conn) == "4"
    assert migration_backups.after_open(conn, db_path, now=_noon(made, 8)) == [backup]
    conn.close()


def test_a_backup_past_the_limit_goes_at_the_next_open_however_seldom_used(
    db_path: Path, key: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_database(db_path, key=key, create=True).close()
    old = _migrate_once(db_path, key, monkeypatch, "first")
    recent = _migrate_once(db_path, key, monkeypatch, "second")
    assert old != recent
    long_ago = time.time() - (migration_backups.MAX_DAYS + 1) * DAY
    os.utime(old, (long_ago, long_ago))

    open_database(db_path, key=key).close()  # the app's own open applies the policy
    assert not old.exists() and recent.exists()


def test_backups_without_a_count_start_counting_and_other_files_are_left_alone(
    db_path: Path, key: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_database(db_path, key=key, create=True).close()
    backup = _migrate_once(db_path, key, monkeypatch, "uncounted")
    conn = open_database(db_path, key=key)
    conn.execute("DELETE FROM store_meta WHERE key LIKE 'backup_%'")  # made by an older wadesk
    conn.close()
    unrelated = [db_path.with_name("wadesk.db.bak-notes.txt"), db_path.with_name("other.db.bak-v3")]
    for path in unrelated:
        path.write_bytes(b"not ours")

    conn = open_database(db_path, key=key)
    assert _use_days(conn) == "0" and backup.exists()
    assert migration_backups.backups_of(db_path) == [backup]
    far = time.time() + (migration_backups.MAX_DAYS + 1) * DAY
    assert migration_backups.after_open(conn, db_path, now=far) == [backup]
    conn.close()
    assert all(path.read_bytes() == b"not ours" for path in unrelated)
