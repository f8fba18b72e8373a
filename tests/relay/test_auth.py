import time

import pytest

from wadesk.relay import auth
from wadesk.relay.rate_limit import login_retry_after
from wadesk.store import people


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


WINDOW, ALLOWED = auth.LOGIN_WINDOW_S, auth.LOGIN_FAILURES_ALLOWED
NOW = 1_700_000_000


def test_a_login_limit_says_the_time_left_not_the_whole_window():
    recent = [NOW - 10 * i for i in range(ALLOWED)]  # newest first, one every 10 s
    # The oldest of the five failures is 40 s old: it stops counting in 860 s.
    assert login_retry_after(recent, ALLOWED, WINDOW, NOW) == WINDOW - 10 * (ALLOWED - 1)
    assert login_retry_after(recent[:-1], ALLOWED, WINDOW, NOW) is None  # four: not limited
    just_failed = [NOW] * ALLOWED
    assert login_retry_after(just_failed, ALLOWED, WINDOW, NOW) == WINDOW
    # More than enough failures: the limit lifts when the fifth newest grows old.
    many = [NOW - 100 * i for i in range(8)]
    assert login_retry_after(many, ALLOWED, WINDOW, NOW) == WINDOW - 100 * (ALLOWED - 1)
    assert login_retry_after(many, ALLOWED, WINDOW, NOW + WINDOW - 400) is None
    assert login_retry_after([NOW - WINDOW] * ALLOWED, ALLOWED, WINDOW, NOW) is None
    assert login_retry_after([NOW - WINDOW + 1] * ALLOWED, ALLOWED, WINDOW, NOW) == 1


def test_the_429_after_failed_logins_long_ago_tells_the_time_left(relay, client):
    now = int(time.time())
    def fail_long_ago(conn):
        for _ in range(ALLOWED):
            people.record_login_failure(conn, ["name:mia"], now - 600)

    relay.call(lambda: relay.ctx.write(fail_long_ago))
    answer = client.post("/api/v1/login", json={"name": "Mia", "password": "egal-egal-egal"})
    assert answer.status_code == 429
    left = int(answer.headers["retry-after"])
    assert WINDOW - 600 - 5 <= left <= WINDOW - 600  # not the whole quarter of an hour
    assert "5 minutes" in answer.json()["error"]["message"]
    # Other names from this address are not limited by Mia's failures.
    assert client.post("/api/v1/login", json={"name": "Tom", "password": "egal-egal-egal"}
                       ).status_code == 401
