"""The profile's store, opened once for the UI and once more for the sync worker.

unlock.py decides the key (keychain, or the passphrase the user chose) and opens the
UI's connection. The sync worker needs a second connection with the same key, opened
on its own database thread: `open_store` hands back an opener for it, so the user is
asked for a passphrase once, not twice. The key or passphrase stays in this process's
memory only (SQLCipher keeps it there anyway while the database is open).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wadesk import secrets
from wadesk.desktop.unlock import AskPassphrase, open_profile_store
from wadesk.paths import Paths
from wadesk.secrets import KeyMode
from wadesk.store.connection import open_database

Opener = Callable[[], Any]


def open_store(paths: Paths, ask_passphrase: AskPassphrase) -> tuple[Any, Opener]:
    """(the UI's connection, an opener of further connections with the same key)."""
    given: list[str] = []

    def asking(new: bool, error: str) -> str | None:
        value = ask_passphrase(new, error)
        if value is not None:
            given.append(value)
        return value

    conn = open_profile_store(paths, asking)
    database = paths.database
    if secrets.key_mode(paths.data) is KeyMode.PASSPHRASE and given:
        passphrase = given[-1]  # the last one given is the one that opened it
        return conn, lambda: open_database(database, passphrase=passphrase)
    key = secrets.database_key(paths.data, create=False)
    return conn, lambda: open_database(database, key=key)


def open_with_key(paths: Paths, key: bytes) -> tuple[Any, Opener]:
    """For the demo and the benchmark: a key this process holds (never stored)."""
    paths.ensure()
    database = paths.database
    conn = open_database(database, key=key, create=True)
    return conn, lambda: open_database(database, key=key)
