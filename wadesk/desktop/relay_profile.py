"""Which relay this profile talks to and as whom: `relay.json` beside the database.

    {"relay_url": "https://relay.radhaus.de", "person_id": "3", "person_name": "Lena",
     "role": "agent", "device_id": 7, "kind": "remote",
     "business_name": "Radhaus Berlin", "business_number": "+49 30 1234567"}

`kind` is "remote" (the team's relay runs elsewhere) or "local" (a one-PC shop: the
relay runs inside the desktop process, see local_relay.py). The business's name and
number are the last ones the relay told (shown at once at the next start).

Nothing secret is in it: the device token lives in the OS keychain under the
profile's data folder (`secrets.set_secret("device-token", paths.data, token)`). On a
computer with no keychain the user has chosen the passphrase mode for the database;
the token then lives inside that encrypted database (never in a plain file).
A profile without this file has never been connected: the app opens the first-run
wizard.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from wadesk import secrets
from wadesk.core.relay_url import RelayUrlError, check_relay_url
from wadesk.paths import Paths
from wadesk.store import replica_sync

log = logging.getLogger(__name__)

FILE_NAME = "relay.json"
TOKEN_KIND = "device-token"
REMOTE, LOCAL = "remote", "local"


@dataclass(frozen=True, slots=True)
class RelayProfile:
    relay_url: str
    person_id: str
    person_name: str
    role: str = "agent"
    device_id: int | None = None
    kind: str = REMOTE
    business_name: str = ""
    business_number: str = ""


def _path(paths: Paths) -> Path:
    return paths.data / FILE_NAME


def load(paths: Paths) -> RelayProfile | None:
    """The saved connection; None when there is none or it cannot be used: also when
    its address is not one a desktop may send its token to (plain HTTP to another
    machine: a relay.json edited by hand or by something else). The wizard then asks
    for the relay again."""
    try:
        raw = json.loads(_path(paths).read_text(encoding="utf-8"))
        url = check_relay_url(str(raw["relay_url"]))
        return RelayProfile(url, str(raw["person_id"]), str(raw.get("person_name") or ""),
                            str(raw.get("role") or "agent"), raw.get("device_id"),
                            LOCAL if raw.get("kind") == LOCAL else REMOTE,
                            str(raw.get("business_name") or ""), str(raw.get("business_number") or ""))
    except RelayUrlError as exc:
        log.warning("the saved relay address is refused", extra={"error": type(exc).__name__})
        return None
    except (FileNotFoundError, ValueError, KeyError, TypeError):
        return None


def save(paths: Paths, profile: RelayProfile) -> None:
    paths.data.mkdir(parents=True, exist_ok=True)
    target = _path(paths)
    temporary = target.with_suffix(".tmp")
    temporary.write_text(json.dumps(asdict(profile), indent=2), encoding="utf-8")
    os.replace(temporary, target)


def save_token(paths: Paths, token: str, conn: Any = None) -> None:
    """Into the keychain; with none, into the open encrypted database `conn`."""
    if secrets.keychain_available():
        secrets.set_secret(TOKEN_KIND, paths.data, token)
        return
    if conn is None:
        raise secrets.NoKeychainError()
    replica_sync.set_device_token(conn, token)


def load_token(paths: Paths, conn: Any = None) -> str | None:
    if secrets.keychain_available():
        found = secrets.get_secret(TOKEN_KIND, paths.data)
        if found:
            return found
    return replica_sync.device_token(conn) if conn is not None else None


def forget_token(paths: Paths, conn: Any = None) -> None:
    if secrets.keychain_available():
        secrets.delete_secret(TOKEN_KIND, paths.data)
    if conn is not None:
        replica_sync.set_device_token(conn, None)
