"""Secrets in the OS keychain: the database key, the device token, the Cloud API token.

The database key is 32 random bytes made on first run and kept only in the keychain
(Windows Credential Manager, macOS Keychain, Secret Service on Linux). Where no usable
keychain exists (a headless Linux box), wadesk never falls back silently and never
writes a key to disk: the caller must offer the passphrase mode, in which SQLCipher
derives the key from a passphrase the user types at every start. Which of the two a
profile uses is recorded (not secret) in `key-mode` beside the database.

Secret values never go to logs, exception texts or reprs.
"""

from __future__ import annotations

import hashlib
import secrets as _random
from enum import Enum
from pathlib import Path

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

SERVICE = "wadesk"
KEY_BYTES = 32


class KeyMode(str, Enum):
    KEYCHAIN = "keychain"
    PASSPHRASE = "passphrase"


class SecretsError(Exception):
    """Base of the keychain errors; texts are meant for the user."""


class NoKeychainError(SecretsError):
    def __init__(self) -> None:
        super().__init__(
            "This computer has no usable keychain to keep wadesk's database key. "
            "Choose a passphrase instead: you will type it each time wadesk starts."
        )


class KeychainLostKeyError(SecretsError):
    def __init__(self) -> None:
        super().__init__(
            "The database key is missing from this computer's keychain. Without it the "
            "history cannot be opened. Restore the keychain, or start a new profile."
        )


def _usable(backend: KeyringBackend) -> bool:
    # The 'fail' and 'null' backends, or a chainer with nothing inside, keep nothing.
    name = type(backend).__module__ + "." + type(backend).__name__
    if name.startswith(("keyring.backends.fail.", "keyring.backends.null.")):
        return False
    if name == "keyring.backends.chainer.ChainerBackend":
        return bool(getattr(backend, "backends", []))
    try:
        return float(backend.priority) > 0  # type: ignore[arg-type]
    except Exception:  # a backend whose priority check raises is not usable here
        return False


def keychain_available() -> bool:
    return _usable(keyring.get_keyring())


def keychain_name() -> str:
    """A readable name of the keychain in use, for the settings page and self-test."""
    backend = keyring.get_keyring()
    return getattr(backend, "name", type(backend).__name__)


def _item(kind: str, scope: Path | str) -> str:
    # One item per profile: several profiles (the demo, a second shop) never share keys.
    scope_id = hashlib.sha256(str(scope).encode()).hexdigest()[:16]
    return f"{kind}:{scope_id}"


def get_secret(kind: str, scope: Path | str) -> str | None:
    try:
        return keyring.get_password(SERVICE, _item(kind, scope))
    except keyring.errors.KeyringError as exc:
        raise SecretsError(f"The keychain could not be read ({type(exc).__name__}).") from None


def set_secret(kind: str, scope: Path | str, value: str) -> None:
    try:
        keyring.set_password(SERVICE, _item(kind, scope), value)
    except keyring.errors.KeyringError as exc:
        raise SecretsError(f"The keychain refused to store a secret ({type(exc).__name__}).") from None
    if keyring.get_password(SERVICE, _item(kind, scope)) != value:
        raise SecretsError("The keychain did not keep the secret it was given.")


def delete_secret(kind: str, scope: Path | str) -> None:
    try:
        keyring.delete_password(SERVICE, _item(kind, scope))
    except keyring.errors.PasswordDeleteError:
        pass


def key_mode(data_dir: Path) -> KeyMode | None:
    """The mode this profile's database uses, or None before the first run."""
    marker = data_dir / "key-mode"
    if not marker.exists():
        return None
    return KeyMode(marker.read_text(encoding="ascii").strip())


def set_key_mode(data_dir: Path, mode: KeyMode) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "key-mode").write_text(mode.value, encoding="ascii")


def database_key(data_dir: Path, *, create: bool) -> bytes:
    """The profile's raw 256-bit database key from the keychain.

    With `create`, a missing key is made (random) and stored first. Without it, a
    missing key is an error: creating a new one would lock the user out of the
    existing history.
    """
    if not keychain_available():
        raise NoKeychainError()
    stored = get_secret("db-key", data_dir)
    if stored is None:
        if not create:
            raise KeychainLostKeyError()
        key = _random.token_bytes(KEY_BYTES)
        set_secret("db-key", data_dir, key.hex())
        set_key_mode(data_dir, KeyMode.KEYCHAIN)
        return key
    key = bytes.fromhex(stored)
    if len(key) != KEY_BYTES:
        raise SecretsError("The database key in the keychain is damaged.")
    return key
