import keyring
import pytest
from keyring.backends import fail

from wadesk import secrets


def test_database_key_is_random_and_kept_in_the_keychain(tmp_path, memory_keyring):
    key = secrets.database_key(tmp_path, create=True)
    assert len(key) == 32
    assert secrets.database_key(tmp_path, create=False) == key
    assert secrets.key_mode(tmp_path) is secrets.KeyMode.KEYCHAIN
    # Nothing of the key is written beside the database.
    for file in tmp_path.rglob("*"):
        if file.is_file():
            assert key.hex().encode() not in file.read_bytes()
            assert key not in file.read_bytes()
    assert key.hex() in memory_keyring.items.values()


def test_each_profile_has_its_own_key(tmp_path):
    first = secrets.database_key(tmp_path / "a", create=True)
    second = secrets.database_key(tmp_path / "b", create=True)
    assert first != second


def test_missing_key_is_not_silently_replaced(tmp_path):
    with pytest.raises(secrets.KeychainLostKeyError):
        secrets.database_key(tmp_path, create=False)


def test_no_keychain_asks_for_the_passphrase_mode(tmp_path):
    keyring.set_keyring(fail.Keyring())
    assert not secrets.keychain_available()
    with pytest.raises(secrets.NoKeychainError, match="passphrase"):
        secrets.database_key(tmp_path, create=True)
    assert list(tmp_path.iterdir()) == []


def test_damaged_key_in_keychain_is_reported(tmp_path, memory_keyring):
    secrets.database_key(tmp_path, create=True)
    for item in memory_keyring.items:
        memory_keyring.items[item] = "abcd"
    with pytest.raises(secrets.SecretsError, match="damaged"):
        secrets.database_key(tmp_path, create=False)


def test_secret_round_trip_and_delete(tmp_path):
    secrets.set_secret("device-token", tmp_path, "tok-123")
    assert secrets.get_secret("device-token", tmp_path) == "tok-123"
    secrets.delete_secret("device-token", tmp_path)
    assert secrets.get_secret("device-token", tmp_path) is None
    secrets.delete_secret("device-token", tmp_path)  # deleting twice is fine
