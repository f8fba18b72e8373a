import pytest

from wadesk.relay import auth


def test_password_hash_round_trip_and_salting():
    first = auth.hash_password("Fahrradkette 42")
    second = auth.hash_password("Fahrradkette 42")
    assert first != second  # a salt of its own each time
    assert first.startswith("scrypt$")
    assert "Fahrradkette" not in first
    assert auth.check_password("Fahrradkette 42", first)
    assert not auth.check_password("Fahrradkette 43", first)
    assert not auth.check_password("Fahrradkette 42", None)
    assert not auth.check_password("x", "garbage")
    assert not auth.check_password("x", "scrypt$1$2$3$%%%$%%%")


def test_short_passwords_are_refused():
    with pytest.raises(ValueError, match="at least"):
        auth.hash_password("kurz")


def test_setup_codes_are_readable_and_forgiving():
    code = auth.new_setup_code()
    assert len(code) == 17 and code.count("-") == 2
    assert not set(code.replace("-", "")) & set("IO01")
    typed = " " + code.lower().replace("-", " ") + " "
    assert auth.hash_setup_code(typed) == auth.hash_setup_code(code)
    assert auth.new_setup_code() != code


def test_device_tokens_and_bearer_parsing():
    token = auth.new_device_token()
    assert token.startswith("wdt_") and len(token) > 40
    assert auth.bearer_token(f"Bearer {token}") == token
    assert auth.bearer_token(f"bearer   {token}") == token
    assert auth.bearer_token(f"Basic {token}") is None
    assert auth.bearer_token("Bearer not-ours") is None
    assert auth.bearer_token(None) is None
    assert auth.bearer_token("Bearer wdt_" + "x" * 500) is None
    assert auth.hash_device_token(token) != auth.hash_device_token(auth.new_device_token())


@pytest.mark.parametrize(
    ("role", "permission", "expected"),
    [
        ("agent", "send", True),
        ("agent", "note", True),
        ("agent", "quick_replies.manage", False),
        ("admin", "people.manage", True),
        ("admin", "audit.read", False),
        ("owner", "data.erase", True),
        ("owner", "read", True),
    ],
)
def test_roles_are_ordered(role, permission, expected):
    assert auth.allowed(role, permission) is expected


def test_unknown_role_is_an_error():
    with pytest.raises(ValueError, match="owner, admin or agent"):
        auth.allowed("boss", "read")
