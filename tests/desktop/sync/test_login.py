"""The first login's outcomes, each a kind the wizard can explain (no servers needed)."""

import httpx
import pytest

from wadesk.desktop.sync.login import LoginError, log_in


def answering(status, body, seen=None):
    def handle(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            seen.append(request)
        if isinstance(body, bytes):
            return httpx.Response(status, content=body)
        return httpx.Response(status, json=body)

    return httpx.MockTransport(handle)


def test_a_good_setup_code_gives_a_token_that_never_shows_in_a_repr():
    seen = []
    transport = answering(200, {"token": "wdt_secret", "person": {"id": 3, "name": "Lena"},
                                "device": {"id": 7}, "must_set_password": True}, seen)
    result = log_in("https://relay.example.de/", " Lena ", setup_code=" ABCDE-FGHIJ ", transport=transport)
    assert result.token == "wdt_secret" and result.person["id"] == 3 and result.relay_url == "https://relay.example.de"
    assert "wdt_secret" not in repr(result)
    sent = seen[0]
    assert sent.url.path == "/api/v1/login"
    assert b'"setup_code":"ABCDE-FGHIJ"' in sent.content.replace(b" ", b"") and b'"name":"Lena"' in sent.content.replace(b" ", b"")


@pytest.mark.parametrize(("status", "body", "kind"), [
    (401, {"error": {"code": "login_failed", "message": "wrong"}}, "wrong_code"),
    (429, {"error": {"code": "too_many_attempts", "message": "wait"}}, "too_many"),
    (404, {"error": {"code": "not_found", "message": "nothing"}}, "not_a_relay"),
    (200, b"<html>a web shop</html>", "not_a_relay"),
    (500, {"error": {"code": "internal", "message": "oops"}}, "relay_error"),
])
def test_refusals_become_kinds(status, body, kind):
    with pytest.raises(LoginError) as caught:
        log_in("https://relay.example.de", "Lena", password="pw", transport=answering(status, body))
    assert caught.value.kind == kind


def test_plain_http_to_another_machine_is_refused_before_anything_is_sent():
    with pytest.raises(LoginError) as caught:
        log_in("http://relay.example.de", "Lena", setup_code="X", transport=answering(200, {}))
    assert caught.value.kind == "insecure"
    with pytest.raises(LoginError) as caught:
        log_in("relay.example.de", "Lena", setup_code="X")
    assert caught.value.kind == "bad_address"


def test_nothing_listening_is_unreachable():
    with pytest.raises(LoginError) as caught:
        log_in("http://127.0.0.1:9", "Lena", setup_code="X", timeout=2)
    assert caught.value.kind == "unreachable"


def test_a_certificate_problem_is_named_as_such():
    import ssl

    def handle(request):
        raise httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed",
                                 request=request) from ssl.SSLCertVerificationError("self signed")

    with pytest.raises(LoginError) as caught:
        log_in("https://relay.example.de", "Lena", setup_code="X", transport=httpx.MockTransport(handle))
    assert caught.value.kind == "certificate"
