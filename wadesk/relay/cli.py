"""`wadesk relay …`: run the relay, or manage its people, devices and secrets.

    wadesk relay [run] [--config FILE] [--host H] [--port P] [--log-level L]
    wadesk relay adduser NAME --role owner|admin|agent     prints a one-time setup code
    wadesk relay passwd NAME                               sets a password (asked twice)
    wadesk relay people
    wadesk relay devices [NAME]
    wadesk relay revoke DEVICE_ID
    wadesk relay secrets set NAME                          into this server's keychain
    wadesk relay set-token                                 a new Cloud API token, checked
                                                           with Meta, kept where the old was
    wadesk relay quarantine list                           webhook entries that failed
    wadesk relay quarantine replay [ID]                    apply them again (all, or one)

The config file comes from --config, else $WADESK_RELAY_CONFIG; every setting can also
come from WADESK_RELAY_<NAME> variables (see config.py). Secrets are read from the
terminal without echo (or from standard input when it is not a terminal), never from
the command line, where `ps` and the shell history would show them.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from wadesk import secrets as keychain
from wadesk.relay import auth, config as relay_config
from wadesk.relay.access import ApiError
from wadesk.relay.config import ConfigError, RelayConfig
from wadesk.store import people
from wadesk.store._db import transaction
from wadesk.store.errors import StoreError

_COMMANDS = ("run", "adduser", "passwd", "people", "devices", "revoke", "secrets", "set-token",
             "quarantine")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wadesk relay", description="The wadesk team relay.",
        epilog="--config FILE (default: $WADESK_RELAY_CONFIG) may be given anywhere.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    run = sub.add_parser("run", help="serve webhooks and the team API (the default)")
    run.add_argument("--host", help="listen address (overrides the config)")
    run.add_argument("--port", type=int, help="listen port (overrides the config)")
    run.add_argument("--log-level", default="info",
                     choices=("debug", "info", "warning", "error"))
    add = sub.add_parser("adduser", help="add a person; prints their one-time setup code")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=("owner", "admin", "agent"))
    passwd = sub.add_parser("passwd", help="set a person's password")
    passwd.add_argument("name")
    sub.add_parser("people", help="list the people")
    devices = sub.add_parser("devices", help="list devices (of one person)")
    devices.add_argument("name", nargs="?")
    revoke = sub.add_parser("revoke", help="revoke a device's token")
    revoke.add_argument("device_id", type=int)
    secret = sub.add_parser("secrets", help="keep a secret in this server's keychain")
    secret_sub = secret.add_subparsers(dest="action", metavar="ACTION", required=True)
    secret_set = secret_sub.add_parser("set", help="store a secret (asked without echo)")
    secret_set.add_argument("secret", choices=relay_config.SECRET_NAMES)
    sub.add_parser("set-token", help="check a new Cloud API access token with Meta and keep "
                   "it where the relay reads its token (asked without echo)")
    quarantine = sub.add_parser("quarantine", help="webhook entries the relay could not apply")
    q_sub = quarantine.add_subparsers(dest="action", metavar="ACTION", required=True)
    q_sub.add_parser("list", help="list them (ids, kinds, when, error types; no texts)")
    q_replay = q_sub.add_parser("replay", help="apply the waiting ones again (or one)")
    q_replay.add_argument("entry_id", type=int, nargs="?")
    return parser


def _take_config(argv: list[str]) -> tuple[list[str], str | None]:
    """--config FILE / --config=FILE from anywhere on the line."""
    rest: list[str] = []
    config: str | None = None
    items = iter(argv)
    for arg in items:
        if arg == "--config":
            config = next(items, None)
            if config is None:
                raise ConfigError("--config needs a file name.")
        elif arg.startswith("--config="):
            config = arg.split("=", 1)[1]
        else:
            rest.append(arg)
    return rest, config


def main(argv: list[str]) -> int:
    try:
        argv, config_file = _take_config(list(argv))
    except ConfigError as exc:
        print(f"wadesk relay: {exc}", file=sys.stderr)
        return 2
    if not argv or (argv[0] not in _COMMANDS and argv[0] not in ("-h", "--help")):
        argv = ["run", *argv]  # `wadesk relay --port 8710` runs the relay
    args = _parser().parse_args(argv)
    args.config = config_file
    try:
        config = _load(args)
        return _HANDLERS[args.command](config, args)
    except ConfigError as exc:
        print(f"wadesk relay: {exc}", file=sys.stderr)
        return 2
    except (StoreError, keychain.SecretsError) as exc:
        print(f"wadesk relay: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _load(args: argparse.Namespace) -> RelayConfig:
    config_file = args.config or os.environ.get("WADESK_RELAY_CONFIG")
    overrides: dict[str, Any] = {}
    if getattr(args, "host", None):
        overrides["host"] = args.host
    if getattr(args, "port", None):
        overrides["port"] = args.port
    return relay_config.load(Path(config_file) if config_file else None, overrides=overrides)


def _run(config: RelayConfig, args: argparse.Namespace) -> int:
    relay_config.check_ready_to_run(config)
    config = relay_config.with_db_key(config, create=True)
    from wadesk.relay.server import run_relay  # uvicorn is only needed here

    return run_relay(config, log_level=getattr(args, "log_level", "info"))


def _open(config: RelayConfig, *, create: bool = False) -> Any:
    from wadesk.store.connection import open_database

    config = relay_config.with_db_key(config, create=create)
    config.data_dir.mkdir(parents=True, exist_ok=True)
    return open_database(config.database, key=config.db_key, role="relay", create=create)


def _with_db(config: RelayConfig, fn: Callable[[Any], Any], *, create: bool = False) -> Any:
    conn = _open(config, create=create)
    try:
        with transaction(conn):
            return fn(conn)
    finally:
        conn.close()


def _adduser(config: RelayConfig, args: argparse.Namespace) -> int:
    from wadesk.relay.people_api import add_person_with_code

    try:
        person, code, expires = _with_db(
            config, lambda conn: add_person_with_code(conn, args.name, args.role, None),
            create=True)
    except ApiError as exc:
        print(f"wadesk relay: {exc.message}", file=sys.stderr)
        return 1
    until = time.strftime("%Y-%m-%d %H:%M", time.localtime(expires))
    print(f"Added {person.name} ({person.role}). One-time setup code (valid until {until}):")
    print(f"\n    {code}\n")
    print("Enter it with the name in the wadesk app's sign-in; it works once.")
    return 0


def _ask_secret(prompt: str, *, confirm: bool = False) -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    value = getpass.getpass(prompt)
    if confirm and getpass.getpass("Again: ") != value:
        raise ConfigError("The two entries differ; nothing was changed.")
    return value


def _passwd(config: RelayConfig, args: argparse.Namespace) -> int:
    conn = _open(config)
    try:
        person = people.find_person(conn, args.name)
        if person is None:
            print(f"wadesk relay: there is no person called {args.name!r}.", file=sys.stderr)
            return 1
        password = _ask_secret(f"New password for {person.name}: ", confirm=True)
        try:
            hashed = auth.hash_password(password)
        except ValueError as exc:
            print(f"wadesk relay: {exc}.", file=sys.stderr)
            return 1
        with transaction(conn):
            people.set_password_hash(conn, person.id, hashed)
            people.audit(conn, None, "password.changed", f"person:{person.id}", {"by": "cli"})
    finally:
        conn.close()
    print(f"The password of {person.name} is set.")
    return 0


def _when(ts: int | None) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(ts)) if ts else "-"


def _people(config: RelayConfig, args: argparse.Namespace) -> int:
    everyone = _with_db(config, people.list_people)
    print(f"{'ID':>4}  {'NAME':<24} {'ROLE':<6} {'PASSWORD':<8} STATE")
    for p in everyone:
        state = "disabled " + _when(p.disabled_at) if p.disabled_at else "active"
        print(f"{p.id:>4}  {p.name:<24} {p.role:<6} {'yes' if p.has_password else 'no':<8} {state}")
    return 0


def _devices(config: RelayConfig, args: argparse.Namespace) -> int:
    def read(conn: Any) -> tuple[list[Any], dict[int, str]] | None:
        names = {p.id: p.name for p in people.list_people(conn)}
        person_id = None
        if args.name:
            person = people.find_person(conn, args.name)
            if person is None:
                return None
            person_id = person.id
        return people.list_devices(conn, person_id), names

    found = _with_db(config, read)
    if found is None:
        print(f"wadesk relay: there is no person called {args.name!r}.", file=sys.stderr)
        return 1
    devices, names = found
    print(f"{'ID':>4}  {'PERSON':<20} {'DEVICE':<24} {'CREATED':<16} {'LAST SEEN':<16} STATE")
    for d in devices:
        state = "revoked " + _when(d.revoked_at) if d.revoked_at else "active"
        print(f"{d.id:>4}  {names.get(d.person_id, '?'):<20} {d.name[:24]:<24} "
              f"{_when(d.created_at):<16} {_when(d.last_seen_at):<16} {state}")
    return 0


def _revoke(config: RelayConfig, args: argparse.Namespace) -> int:
    def write(conn: Any) -> bool:
        if not people.revoke_device(conn, args.device_id):
            return False
        people.audit(conn, None, "device.revoked", f"device:{args.device_id}", {"by": "cli"})
        return True

    if not _with_db(config, write):
        print(f"wadesk relay: no active device {args.device_id}.", file=sys.stderr)
        return 1
    print(f"Device {args.device_id} is revoked; it must sign in again.")
    return 0


def _secrets(config: RelayConfig, args: argparse.Namespace) -> int:
    name = args.secret
    value = _ask_secret(f"{name}: ").strip()
    if not value:
        raise ConfigError("Nothing was entered; nothing was changed.")
    if name == "db_key":
        try:
            if len(bytes.fromhex(value)) != 32:
                raise ValueError
        except ValueError:
            raise ConfigError("db_key must be 64 hexadecimal characters.") from None
        if config.database.exists():
            raise ConfigError("The database exists already: its key cannot be replaced here.")
    if not keychain.keychain_available():
        raise keychain.NoKeychainError()
    keychain.set_secret(f"relay-{name}", config.data_dir.resolve(), value)
    print(f"{name} is stored in this server's keychain ({keychain.keychain_name()}).")
    return 0


def _set_token(config: RelayConfig, args: argparse.Namespace) -> int:
    import asyncio

    from wadesk.relay import cloud_token
    from wadesk.relay.sender import token_fingerprint

    if config.access_token_source in ("env", "config"):
        where = ("the environment variable WADESK_ACCESS_TOKEN"
                 if config.access_token_source == "env" else "the config file")
        raise ConfigError(f"The relay reads its token from {where}: put the new token there "
                          "and restart the relay. Nothing was changed.")
    try:
        token = cloud_token.clean_token(_ask_secret("New Cloud API access token: "))
        number = asyncio.run(cloud_token.check_token(config, token))
    except cloud_token.TokenCheckError as exc:
        print(f"wadesk relay: {exc.message} Nothing was changed.", file=sys.stderr)
        return 1
    kept = relay_config.keep_access_token(config, token, keychain_if_unset=True)
    if not kept.survives_restart:
        print(f"wadesk relay: {kept.note}", file=sys.stderr)
        return 1
    if config.database.exists():
        _with_db(config, lambda conn: people.audit(
            conn, None, "cloud_token.replaced", "cloud",
            {"by": "cli", "stored": kept.where, "fingerprint": token_fingerprint(token)}))
    print(f"WhatsApp accepts the token{f' for {number}' if number else ''}. {kept.note}")
    print("Restart the relay to use it, or give it to the running relay without a restart: "
          "PUT /api/v1/cloud-token (an owner or admin).")
    return 0


def _quarantine(config: RelayConfig, args: argparse.Namespace) -> int:
    from wadesk.store import quarantine

    if args.action == "list":
        entries = _with_db(config, quarantine.list_entries)
        print(f"{'ID':>5}  {'RECEIVED':<16} {'KIND':<16} {'ERROR':<24} REPLAYED")
        for e in entries:
            print(f"{e.id:>5}  {_when(e.received_at):<16} {e.kind[:16]:<16} "
                  f"{e.error[:24]:<24} {_when(e.replayed_at)}")
        waiting = sum(1 for e in entries if e.replayed_at is None)
        print(f"{waiting} waiting.")
        return 0
    return _replay(config, args.entry_id)


def _replay(config: RelayConfig, entry_id: int | None) -> int:
    """Each entry in its own transaction: one that fails again stays waiting and does
    not hold back the others. A running relay shows the new events to desktops with
    its next write (its long poll is told by its own writer only)."""
    from wadesk.relay.intake_store import replay
    from wadesk.store import quarantine

    conn = _open(config)
    failed = stored = 0
    try:
        todo = quarantine.take_for_replay(conn, entry_id)
        if entry_id is not None and not todo:
            print(f"wadesk relay: no waiting quarantined entry {entry_id}.", file=sys.stderr)
            return 1
        for entry in todo:
            with transaction(conn):
                result = replay(conn, entry, tuple(config.phone_number_ids))
            if isinstance(result, str):
                failed += 1
                print(f"{entry.id}: failed again ({result}); it stays in the quarantine.")
            else:
                stored += len(result.new)
                print(f"{entry.id}: replayed, {len(result.new)} new event(s), "
                      f"{result.duplicates} already stored.")
    finally:
        conn.close()
    print(f"{len(todo) - failed} replayed, {failed} still waiting, {stored} new event(s).")
    return 1 if failed else 0


_HANDLERS: dict[str, Callable[[RelayConfig, argparse.Namespace], int]] = {
    "run": _run,
    "adduser": _adduser,
    "passwd": _passwd,
    "people": _people,
    "devices": _devices,
    "revoke": _revoke,
    "secrets": _secrets,
    "set-token": _set_token,
    "quarantine": _quarantine,
}
