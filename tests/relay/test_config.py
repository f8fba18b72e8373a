"""The relay's configuration: file, environment, secrets and the database key."""

from __future__ import annotations

import os
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from wadesk import secrets as keychain
from wadesk.relay import config as relay_config
from wadesk.relay.config import ConfigError, check_ready_to_run, load, with_db_key

KEY_HEX = "ab" * 32


def write(path: Path, text: str, mode: int = 0o600) -> Path:
    path.write_text(text, encoding="utf-8")
    os.chmod(path, mode)
    return path


def test_file_then_environment_then_overrides(tmp_path):
    cfg = write(tmp_path / "relay.toml", f'data_dir = "{tmp_path}"\nport = 9000\n'
                'phone_number_ids = ["1", "2"]\nthroughput_per_s = 20\n')
    env = {"WADESK_RELAY_PORT": "9100", "WADESK_RELAY_TRUSTED_PROXIES": "127.0.0.1, ::1"}
    config = load(cfg, env, {"host": "0.0.0.0"})
    assert (config.port, config.host, config.phone_number_ids) == (9100, "0.0.0.0", ("1", "2"))
    assert config.trusted_proxies == ("127.0.0.1", "::1")
    assert config.throughput_per_s == 20.0
    assert config.database == tmp_path / "relay.db"


@pytest.mark.parametrize("text, message", [
    ("data_dir = '/x'\nport = 'eighty'", "not a valid int"),
    ("data_dir = '/x'\ncolour = 'red'", "Unknown settings"),
    ("data_dir = ", "not valid TOML"),
    ("port = 80", "Set data_dir"),
    ("data_dir = '/x'\npublic_url = 'http://relay.example.de'", "https://"),
    ("data_dir = '/x'\ntls_certfile = '/c.pem'", "both tls_certfile and tls_keyfile"),
    ("data_dir = '/x'\nthroughput_per_s = 0", "positive"),
])
def test_bad_configs_say_what_to_fix(tmp_path, text, message):
    with pytest.raises(ConfigError, match=message):
        load(write(tmp_path / "relay.toml", text), {})


def test_secrets_from_environment_files_and_keychain(tmp_path):
    token_file = write(tmp_path / "token", "EAAG-from-file\n")
    cfg = write(tmp_path / "relay.toml", f'data_dir = "{tmp_path}"\n'
                f'access_token_file = "{token_file}"\n')
    keychain.set_secret("relay-verify_token", tmp_path.resolve(), "from-keychain")
    config = load(cfg, {"WADESK_APP_SECRET": "from-env", "WADESK_RELAY_DB_KEY": KEY_HEX})
    assert config.access_token == "EAAG-from-file"
    assert config.app_secret == "from-env"
    assert config.verify_token == "from-keychain"
    assert config.db_key == bytes.fromhex(KEY_HEX)
    # Secrets never show in a repr (logs, tracebacks).
    assert "EAAG" not in repr(config) and "from-env" not in repr(config)


def test_secrets_others_can_read_are_refused(tmp_path):
    token_file = write(tmp_path / "token", "EAAG", mode=0o644)
    cfg = write(tmp_path / "relay.toml", f'data_dir = "{tmp_path}"\n'
                f'access_token_file = "{token_file}"\n')
    with pytest.raises(ConfigError, match=f"chmod 600 {token_file}"):
        load(cfg, {})
    open_cfg = write(tmp_path / "open.toml", f'data_dir = "{tmp_path}"\napp_secret = "s"\n', 0o644)
    with pytest.raises(ConfigError, match="can be read by other users"):
        load(open_cfg, {})
    private = write(tmp_path / "private.toml", f'data_dir = "{tmp_path}"\napp_secret = "s"\n')
    assert load(private, {}).app_secret == "s"


def test_running_needs_the_meta_secrets(tmp_path):
    config = load(None, {"WADESK_RELAY_DATA_DIR": str(tmp_path), "WADESK_APP_SECRET": "x"})
    with pytest.raises(ConfigError) as error:
        check_ready_to_run(config)
    assert "WADESK_ACCESS_TOKEN" in str(error.value) and "verify token" in str(error.value)
    assert "app secret" not in str(error.value)


def test_database_key_made_once_in_the_keychain(tmp_path):
    env = {"WADESK_RELAY_DATA_DIR": str(tmp_path / "data")}
    config = with_db_key(load(None, env), create=True)
    assert len(config.db_key) == 32
    # The next start finds it (load reads the keychain).
    assert load(None, env).db_key == config.db_key
    # Given explicitly, it is used as it is.
    explicit = load(None, {**env, "WADESK_RELAY_DB_KEY": KEY_HEX})
    assert with_db_key(explicit, create=True).db_key == bytes.fromhex(KEY_HEX)


def test_a_lost_key_is_never_replaced(tmp_path):
    env = {"WADESK_RELAY_DATA_DIR": str(tmp_path)}
    (tmp_path / "relay.db").write_bytes(b"encrypted data")
    with pytest.raises(ConfigError, match="a new key cannot open the existing data"):
        with_db_key(load(None, env), create=True)


def test_without_a_keychain_the_error_says_how(tmp_path):
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(ConfigError, match="WADESK_RELAY_DB_KEY"):
        with_db_key(load(None, {"WADESK_RELAY_DATA_DIR": str(tmp_path)}), create=True)


def test_loopback_public_url_may_be_http(tmp_path):
    config = load(None, {"WADESK_RELAY_DATA_DIR": str(tmp_path),
                         "WADESK_RELAY_PUBLIC_URL": "http://127.0.0.1:8710"})
    assert config.public_url == "http://127.0.0.1:8710"
    assert relay_config.is_loopback_host("[::1]")
