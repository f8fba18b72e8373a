"""Suite-wide setup: no display, no real keychain, no user profile is ever touched."""

from __future__ import annotations

import os

# Set before anything imports Qt: CI has no display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
import pytest
from keyring.backend import KeyringBackend


class MemoryKeyring(KeyringBackend):
    """An in-memory keychain so that no test ever reaches the OS keychain."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        if self.items.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory):
    """Every test gets a fresh in-memory keychain and a throw-away WADESK_HOME.

    The OS backends are never even probed (probing D-Bus can hang a headless CI)."""
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    monkeypatch.setenv("WADESK_HOME", str(tmp_path_factory.mktemp("wadesk-home")))
    return backend
