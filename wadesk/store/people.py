"""People on the relay, their devices, one-time setup codes, login failures, audit.

Only hashes of device tokens and setup codes are stored: a copy of the relay's
database gives no one a way in. Hashing and token making live in wadesk/relay/auth.py;
this module only keeps what it is given.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

from wadesk.store._db import Connection, execute, query_all, query_one, transaction

ROLES = ("owner", "admin", "agent")


class NameTakenError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Person:
    id: int
    name: str
    role: str
    has_password: bool
    created_at: int
    disabled_at: int | None


@dataclass(frozen=True, slots=True)
class Device:
    id: int
    person_id: int
    name: str
    created_at: int
    last_seen_at: int | None
    revoked_at: int | None


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: int
    person_id: int | None
    person_name: str | None
    action: str
    target: str | None
    details: dict[str, Any]


_PERSON = "SELECT id, name, role, password_hash IS NOT NULL, created_at, disabled_at FROM people"
_DEVICE = "SELECT id, person_id, name, created_at, last_seen_at, revoked_at FROM devices"


def _now() -> int:
    return int(time.time())


def add_person(conn: Connection, name: str, role: str) -> Person:
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    name = name.strip()
    if not name or len(name) > 80:
        raise ValueError("a name has 1 to 80 characters")
    with transaction(conn):
        if query_one(conn, "SELECT 1 FROM people WHERE name = ?", (name,)):
            raise NameTakenError(f"There is already a person called {name!r}.")
        row = query_one(
            conn,
            "INSERT INTO people (name, role, created_at) VALUES (?, ?, ?) RETURNING id",
            (name, role, _now()),
        )
    assert row is not None
    person = get_person(conn, row[0])
    assert person is not None
    return person


def get_person(conn: Connection, person_id: int) -> Person | None:
    row = query_one(conn, _PERSON + " WHERE id = ?", (person_id,))
    return Person(row[0], row[1], row[2], bool(row[3]), row[4], row[5]) if row else None


def find_person(conn: Connection, name: str) -> Person | None:
    row = query_one(conn, _PERSON + " WHERE name = ?", (name.strip(),))
    return Person(row[0], row[1], row[2], bool(row[3]), row[4], row[5]) if row else None


def list_people(conn: Connection) -> list[Person]:
    return [
        Person(r[0], r[1], r[2], bool(r[3]), r[4], r[5])
        for r in query_all(conn, _PERSON + " ORDER BY name")
    ]


def set_role(conn: Connection, person_id: int, role: str) -> bool:
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    return execute(conn, "UPDATE people SET role = ? WHERE id = ?", (role, person_id)) == 1


def set_password_hash(conn: Connection, person_id: int, password_hash: str) -> bool:
    return execute(
        conn, "UPDATE people SET password_hash = ? WHERE id = ?", (password_hash, person_id)
    ) == 1


def password_hash(conn: Connection, person_id: int) -> str | None:
    row = query_one(conn, "SELECT password_hash FROM people WHERE id = ?", (person_id,))
    return row[0] if row else None


def disable_person(conn: Connection, person_id: int) -> bool:
    """Disable a person and revoke all their devices at once."""
    now = _now()
    with transaction(conn):
        changed = execute(
            conn, "UPDATE people SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL", (now, person_id)
        )
        execute(
            conn,
            "UPDATE devices SET revoked_at = ? WHERE person_id = ? AND revoked_at IS NULL",
            (now, person_id),
        )
    return changed == 1


def add_setup_code(conn: Connection, person_id: int, code_hash: str, lifetime_s: int) -> None:
    now = _now()
    execute(
        conn,
        "INSERT INTO setup_codes (code_hash, person_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
        (code_hash, person_id, now, now + lifetime_s),
    )


def use_setup_code(conn: Connection, code_hash: str) -> int | None:
    """The person the code belongs to, marking it used; None if unknown, used or expired."""
    now = _now()
    row = query_one(
        conn,
        "UPDATE setup_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL"
        " AND expires_at > ? RETURNING person_id",
        (now, code_hash, now),
    )
    return row[0] if row else None


def add_device(conn: Connection, person_id: int, token_hash: str, name: str) -> Device:
    row = query_one(
        conn,
        "INSERT INTO devices (person_id, token_hash, name, created_at) VALUES (?, ?, ?, ?) RETURNING id",
        (person_id, token_hash, name[:120], _now()),
    )
    assert row is not None
    device = query_one(conn, _DEVICE + " WHERE id = ?", (row[0],))
    assert device is not None
    return Device(*device)


def device_owner(conn: Connection, token_hash: str) -> tuple[Device, Person] | None:
    """The live device with this token hash and its enabled person, else None."""
    row = query_one(
        conn,
        "SELECT d.id, d.person_id, d.name, d.created_at, d.last_seen_at, d.revoked_at,"
        " p.id, p.name, p.role, p.password_hash IS NOT NULL, p.created_at, p.disabled_at"
        " FROM devices d JOIN people p ON p.id = d.person_id"
        " WHERE d.token_hash = ? AND d.revoked_at IS NULL AND p.disabled_at IS NULL",
        (token_hash,),
    )
    if row is None:
        return None
    return Device(*row[:6]), Person(row[6], row[7], row[8], bool(row[9]), row[10], row[11])


def touch_device(conn: Connection, device_id: int, at: int) -> None:
    execute(conn, "UPDATE devices SET last_seen_at = ? WHERE id = ?", (at, device_id))


def list_devices(conn: Connection, person_id: int | None = None) -> list[Device]:
    if person_id is None:
        rows = query_all(conn, _DEVICE + " ORDER BY id")
    else:
        rows = query_all(conn, _DEVICE + " WHERE person_id = ? ORDER BY id", (person_id,))
    return [Device(*r) for r in rows]


def revoke_device(conn: Connection, device_id: int) -> bool:
    return execute(
        conn, "UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", (_now(), device_id)
    ) == 1


def record_login_failure(conn: Connection, keys: list[str], at: int) -> None:
    with transaction(conn):
        for key in keys:
            execute(conn, "INSERT INTO login_failures (key, at) VALUES (?, ?)", (key, at))
        # Old failures only cost space; a day is far beyond any rate-limit window.
        execute(conn, "DELETE FROM login_failures WHERE at < ?", (at - 86_400,))


def count_login_failures(conn: Connection, key: str, since: int) -> int:
    row = query_one(conn, "SELECT count(*) FROM login_failures WHERE key = ? AND at >= ?", (key, since))
    return row[0] if row else 0


def clear_login_failures(conn: Connection, keys: list[str]) -> None:
    with transaction(conn):
        for key in keys:
            execute(conn, "DELETE FROM login_failures WHERE key = ?", (key,))


def audit(
    conn: Connection,
    person: Person | None,
    action: str,
    target: str | None = None,
    details: dict[str, Any] | None = None,
) -> None:
    """Record who did what. Callers pass ids and facts, never message texts."""
    execute(
        conn,
        "INSERT INTO audit_log (at, person_id, person_name, action, target, details) VALUES (?, ?, ?, ?, ?, ?)",
        (
            _now(),
            person.id if person else None,
            person.name if person else None,
            action,
            target,
            json.dumps(details or {}, ensure_ascii=False, sort_keys=True),
        ),
    )


def read_audit(conn: Connection, *, before_id: int | None = None, limit: int = 100) -> list[AuditEntry]:
    sql = "SELECT id, at, person_id, person_name, action, target, details FROM audit_log"
    params: list[Any] = []
    if before_id is not None:
        sql += " WHERE id < ?"
        params.append(before_id)
    sql += " ORDER BY id DESC LIMIT ?"
    params.append(limit)
    return [
        AuditEntry(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6] or "{}"))
        for r in query_all(conn, sql, params)
    ]
