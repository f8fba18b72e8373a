"""Opening the profile's encrypted store with the right key.

The keychain holds a random key; with no keychain the user explicitly picks the
passphrase mode. `ask_passphrase(new, error)` is how this module talks to the user (a
dialog in the app, a plain function in tests); it returns None when the user gives up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from wadesk import secrets
from wadesk.paths import Paths
from wadesk.secrets import KeyMode
from wadesk.store.connection import open_database
from wadesk.store.errors import WrongKeyError

AskPassphrase = Callable[[bool, str], "str | None"]


class UnlockCancelled(Exception):
    """The user closed the passphrase dialog."""


def open_profile_store(paths: Paths, ask_passphrase: AskPassphrase) -> Any:
    """The open replica database of `paths`, created on first start."""
    paths.ensure()
    mode = secrets.key_mode(paths.data)
    exists = paths.database.exists()
    if mode is None and not exists:
        if secrets.keychain_available():
            key = secrets.database_key(paths.data, create=True)
            return open_database(paths.database, key=key, create=True)
        passphrase = ask_passphrase(True, "")
        if passphrase is None:
            raise UnlockCancelled()
        conn = open_database(paths.database, passphrase=passphrase, create=True)
        secrets.set_key_mode(paths.data, KeyMode.PASSPHRASE)
        return conn
    if mode is KeyMode.PASSPHRASE:
        error = ""
        while True:
            passphrase = ask_passphrase(False, error)
            if passphrase is None:
                raise UnlockCancelled()
            try:
                return open_database(paths.database, passphrase=passphrase)
            except WrongKeyError:
                error = QCoreApplication.translate(
                    "unlock", "That passphrase does not open this history. Check that Caps Lock is off "
                    "and try again; if it is lost, a new profile can sync the history from your relay.")
    # Keychain mode (or a database from before the mode was recorded).
    key = secrets.database_key(paths.data, create=not exists)
    return open_database(paths.database, key=key, create=not exists)
