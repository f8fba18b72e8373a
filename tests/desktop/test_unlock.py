import keyring
import pytest
from keyring.backends import fail

from wadesk import paths, secrets
from wadesk.desktop.unlock import UnlockCancelled, open_profile_store
from wadesk.store.errors import WrongKeyError


def _never_asked(new: bool, error: str):
    raise AssertionError("no passphrase should be asked for when a keychain exists")


def test_first_start_with_keychain_creates_an_encrypted_store(tmp_path):
    profile = paths.for_profile(tmp_path)
    conn = open_profile_store(profile, _never_asked)
    conn.close()
    assert profile.database.exists()
    assert secrets.key_mode(profile.data) is secrets.KeyMode.KEYCHAIN
    assert not profile.database.read_bytes().startswith(b"SQLite format 3")
    # Second start opens the same store with the same key.
    open_profile_store(profile, _never_asked).close()


def test_no_keychain_uses_the_passphrase_the_user_chose(tmp_path):
    keyring.set_keyring(fail.Keyring())
    profile = paths.for_profile(tmp_path)
    asked: list[tuple[bool, str]] = []

    def ask(new: bool, error: str):
        asked.append((new, error))
        return "correct horse battery"

    open_profile_store(profile, ask).close()
    assert asked == [(True, "")]
    assert secrets.key_mode(profile.data) is secrets.KeyMode.PASSPHRASE

    answers = iter(["wrong passphrase", "correct horse battery"])
    asked.clear()

    def ask_again(new: bool, error: str):
        asked.append((new, error))
        return next(answers)

    open_profile_store(profile, ask_again).close()
    assert asked[0] == (False, "")
    assert asked[1][0] is False and "does not open" in asked[1][1]


def test_cancelling_the_passphrase_creates_nothing(tmp_path):
    keyring.set_keyring(fail.Keyring())
    profile = paths.for_profile(tmp_path)
    with pytest.raises(UnlockCancelled):
        open_profile_store(profile, lambda new, error: None)
    assert not profile.database.exists()
    assert secrets.key_mode(profile.data) is None


def test_lost_keychain_key_never_replaces_the_history(tmp_path, memory_keyring):
    profile = paths.for_profile(tmp_path)
    open_profile_store(profile, _never_asked).close()
    before = profile.database.read_bytes()
    memory_keyring.items.clear()
    with pytest.raises(secrets.KeychainLostKeyError):
        open_profile_store(profile, _never_asked)
    assert profile.database.read_bytes() == before


def test_a_different_key_is_refused(tmp_path, memory_keyring):
    profile = paths.for_profile(tmp_path)
    open_profile_store(profile, _never_asked).close()
    for item in memory_keyring.items:
        memory_keyring.items[item] = "11" * 32
    with pytest.raises(WrongKeyError):
        open_profile_store(profile, _never_asked)
