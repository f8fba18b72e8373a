"""The relay's configuration: a TOML file, environment variables, and secrets.

Plain settings come from the file and can be overridden by WADESK_RELAY_<NAME>
variables. The four secrets (Cloud API access token, app secret, webhook verify
token, database key) come from, in this order:

1. an environment variable (WADESK_ACCESS_TOKEN, WADESK_APP_SECRET,
   WADESK_VERIFY_TOKEN, WADESK_RELAY_DB_KEY), as systemd's credentials or a container
   secret would provide it;
2. a file named in the config (`access_token_file = "..."`), which must not be
   readable by group or others;
3. the OS keychain (`wadesk relay secrets set NAME`);
4. the config file itself (`access_token = "..."`), only if that file is private.

A secret in a file that others can read is refused with a message that says how to
fix it: a leaked Cloud API token lets anyone write to the business's customers.
"""

from __future__ import annotations

import os
import secrets
import stat
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from wadesk import secrets as keychain

SECRET_NAMES = ("access_token", "app_secret", "verify_token", "db_key")
_SECRET_ENV = {
    "access_token": "WADESK_ACCESS_TOKEN",
    "app_secret": "WADESK_APP_SECRET",
    "verify_token": "WADESK_VERIFY_TOKEN",
    "db_key": "WADESK_RELAY_DB_KEY",
}
_ENV_PREFIX = "WADESK_RELAY_"


class ConfigError(Exception):
    """A configuration the relay cannot start with; the text says what to change."""


@dataclass(frozen=True, slots=True)
class RelayConfig:
    data_dir: Path
    host: str = "127.0.0.1"
    port: int = 8710
    public_url: str = ""
    graph_base_url: str = "https://graph.facebook.com"
    graph_version: str = "v25.0"
    app_id: str = ""
    waba_id: str = ""
    phone_number_ids: tuple[str, ...] = ()
    throughput_per_s: float = 80.0
    tls_certfile: str = ""
    tls_keyfile: str = ""
    # Reverse proxies whose X-Forwarded-For is believed (for per-address login limits).
    trusted_proxies: tuple[str, ...] = ()
    access_token: str = field(default="", repr=False)
    # Where the access token came from, so a new one can be kept in the same place:
    # "env", "file" (access_token_file), "keychain", "config", or "" (given in code).
    access_token_source: str = ""
    access_token_file: str = ""
    app_secret: str = field(default="", repr=False)
    verify_token: str = field(default="", repr=False)
    db_key: bytes = field(default=b"", repr=False)

    @property
    def database(self) -> Path:
        return self.data_dir / "relay.db"

    @property
    def media_dir(self) -> Path:
        return self.data_dir / "media"


def _is_private(path: Path) -> bool:
    if os.name != "posix":
        return True  # NTFS ACLs: the installer restricts the folder instead
    mode = path.stat().st_mode
    return not (mode & (stat.S_IRWXG | stat.S_IRWXO))


def _read_secret_file(name: str, path: Path) -> str:
    if not path.is_file():
        raise ConfigError(f"The file for {name} ({path}) does not exist.")
    if not _is_private(path):
        raise ConfigError(
            f"The file for {name} ({path}) can be read by other users of this server. "
            f"Make it private with: chmod 600 {path}"
        )
    return path.read_text(encoding="utf-8").strip()


def _coerce(name: str, value: Any, kind: type) -> Any:
    try:
        if kind is tuple:
            if isinstance(value, str):
                value = [part.strip() for part in value.split(",") if part.strip()]
            return tuple(str(v) for v in value)
        if kind is Path:
            return Path(str(value)).expanduser()
        return kind(value)
    except (TypeError, ValueError):
        raise ConfigError(f"The setting {name} = {value!r} is not a valid {kind.__name__}.") from None


_PLAIN: Mapping[str, type] = {
    "data_dir": Path,
    "host": str,
    "port": int,
    "public_url": str,
    "graph_base_url": str,
    "graph_version": str,
    "app_id": str,
    "waba_id": str,
    "phone_number_ids": tuple,
    "throughput_per_s": float,
    "tls_certfile": str,
    "tls_keyfile": str,
    "trusted_proxies": tuple,
}


def load(
    config_file: Path | None = None,
    env: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> RelayConfig:
    """Read the file (if any), then the environment, then explicit overrides."""
    env = os.environ if env is None else env
    raw: dict[str, Any] = {}
    file_private = True
    if config_file is not None:
        try:
            raw = tomllib.loads(config_file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"The config file {config_file} does not exist.") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"The config file {config_file} is not valid TOML: {exc}") from None
        file_private = _is_private(config_file)
        unknown = set(raw) - set(_PLAIN) - set(SECRET_NAMES) - {f"{n}_file" for n in SECRET_NAMES}
        if unknown:
            raise ConfigError(f"Unknown settings in {config_file}: {', '.join(sorted(unknown))}.")
    values: dict[str, Any] = {}
    for name, kind in _PLAIN.items():
        value = raw.get(name)
        env_value = env.get(_ENV_PREFIX + name.upper())
        if env_value is not None:
            value = env_value
        if overrides and overrides.get(name) is not None:
            value = overrides[name]
        if value is not None:
            values[name] = _coerce(name, value, kind)
    if "data_dir" not in values:
        raise ConfigError("Set data_dir: the folder where the relay keeps its encrypted data.")
    data_dir = values["data_dir"]
    for name in SECRET_NAMES:
        found = _secret(name, raw, env, config_file, file_private, data_dir)
        if found is not None:
            value, source = found
            values[name] = bytes.fromhex(value) if name == "db_key" and value else value
            if name == "access_token":
                values["access_token_source"] = source
                if source == "file":
                    values["access_token_file"] = str(
                        Path(str(raw["access_token_file"])).expanduser())
    config = RelayConfig(**values)
    _check(config)
    return config


def _secret(
    name: str,
    raw: Mapping[str, Any],
    env: Mapping[str, str],
    config_file: Path | None,
    file_private: bool,
    data_dir: Path,
) -> tuple[str, str] | None:
    """(the secret, where it came from: "env", "file", "keychain" or "config")."""
    if env.get(_SECRET_ENV[name]):
        return env[_SECRET_ENV[name]].strip(), "env"
    if raw.get(f"{name}_file"):
        return _read_secret_file(name, Path(str(raw[f"{name}_file"])).expanduser()), "file"
    try:
        if keychain.keychain_available():
            stored = keychain.get_secret(f"relay-{name}", data_dir.resolve())
            if stored:
                return stored, "keychain"
    except keychain.SecretsError:
        pass
    if raw.get(name):
        if not file_private:
            raise ConfigError(
                f"{config_file} holds {name} but can be read by other users of this server. "
                f"Make it private (chmod 600 {config_file}) or move the secret to a file or "
                f"the environment."
            )
        return str(raw[name]), "config"
    return None


def _check(config: RelayConfig) -> None:
    if config.db_key and len(config.db_key) != 32:
        raise ConfigError("db_key must be 64 hexadecimal characters (32 random bytes).")
    if not 0 < config.port < 65536:
        raise ConfigError(f"port {config.port} is not a valid TCP port.")
    if config.throughput_per_s <= 0:
        raise ConfigError("throughput_per_s must be positive.")
    if config.public_url:
        parts = urlsplit(config.public_url)
        if parts.scheme != "https" and not is_loopback_host(parts.hostname or ""):
            raise ConfigError(
                "public_url must start with https:// — Meta only delivers webhooks over HTTPS."
            )
    if bool(config.tls_certfile) != bool(config.tls_keyfile):
        raise ConfigError("Give both tls_certfile and tls_keyfile, or neither.")


def is_loopback_host(host: str) -> bool:
    return host in ("localhost", "::1", "[::1]") or host.startswith("127.")


_NEEDED_TO_RUN = {
    "access_token": "the Cloud API access token (WADESK_ACCESS_TOKEN, or "
                    "`wadesk relay secrets set access_token`)",
    "app_secret": "the Meta app secret that signs webhooks (WADESK_APP_SECRET, or "
                  "`wadesk relay secrets set app_secret`)",
    "verify_token": "the webhook verify token you chose in the Meta app (WADESK_VERIFY_TOKEN, "
                    "or `wadesk relay secrets set verify_token`)",
}


def check_ready_to_run(config: RelayConfig) -> None:
    """`wadesk relay run` needs the three Meta secrets; say which are missing and how
    to give them (the management commands need none of them)."""
    missing = [text for name, text in _NEEDED_TO_RUN.items() if not getattr(config, name)]
    if missing:
        raise ConfigError("The relay cannot start without " + "; ".join(missing) + ".")


def with_db_key(config: RelayConfig, *, create: bool) -> RelayConfig:
    """The config with its database key: given (environment, 0600 file, config file or
    keychain, see load()), else made on the first run and kept in the keychain like the
    desktop's. Without a keychain, a clear ConfigError says how to provide one.

    A key is only ever created when there is no database yet: a new key for an
    existing database would lock the business out of its history."""
    if config.db_key:
        return config
    exists = config.database.exists()
    try:
        if not keychain.keychain_available():
            raise keychain.NoKeychainError()
        if exists or not create:
            if exists:
                raise ConfigError(
                    f"The database key for {config.database} is missing: it is not in the "
                    "environment (WADESK_RELAY_DB_KEY), the config or this server's keychain. "
                    "Restore it; a new key cannot open the existing data."
                )
            raise ConfigError(
                f"There is no relay database in {config.data_dir} yet: run `wadesk relay run` "
                "once to create it (or give its key as WADESK_RELAY_DB_KEY)."
            )
        key = secrets.token_bytes(32)
        keychain.set_secret("relay-db_key", config.data_dir.resolve(), key.hex())
        return replace(config, db_key=key)
    except keychain.SecretsError as exc:
        raise ConfigError(
            f"{exc} The relay needs a database key: set WADESK_RELAY_DB_KEY to 64 hex "
            "characters (e.g. from `openssl rand -hex 32`), as an environment variable or a "
            "systemd credential, or name a file with `db_key_file = \"...\"` (chmod 600)."
        ) from None


@dataclass(frozen=True, slots=True)
class KeptToken:
    """Where a new access token was kept: "keychain", "file" (both survive a restart)
    or "memory" (only until the relay stops; `note` says why and what to do)."""

    where: str
    note: str

    @property
    def survives_restart(self) -> bool:
        return self.where != "memory"


def keep_access_token(config: RelayConfig, token: str, *,
                      keychain_if_unset: bool = False) -> KeptToken:
    """Store a new Cloud API token where the current one came from, when the relay can
    write there: the keychain, or the private file (replaced atomically, mode 0600).
    A token from the environment or the config file cannot be changed from here; with
    no source at all, `keychain_if_unset` keeps it in the keychain (the CLI)."""
    source = config.access_token_source
    if source == "" and keychain_if_unset:
        source = "keychain"
    if source == "keychain":
        if not keychain.keychain_available():
            raise keychain.NoKeychainError()
        keychain.set_secret("relay-access_token", config.data_dir.resolve(), token)
        return KeptToken("keychain", "The token is kept in this server's keychain.")
    if source == "file" and config.access_token_file:
        path = Path(config.access_token_file)
        try:
            _write_private(path, token)
        except OSError:
            return KeptToken("memory", f"The relay cannot write {path}: the new token holds "
                             f"until the relay restarts. Put it into {path} (chmod 600).")
        return KeptToken("file", f"The token is kept in {path}.")
    if source == "env":
        return KeptToken("memory", "The token came from WADESK_ACCESS_TOKEN: the new one holds "
                         "until the relay restarts. Change the variable too.")
    if source == "config":
        return KeptToken("memory", "The token is written in the config file: the new one holds "
                         "until the relay restarts. Change it in the config file too.")
    return KeptToken("memory", "The new token holds until the relay stops.")


def _write_private(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
