"""Desktops refuse plain-HTTP relay addresses, except on this computer."""

from __future__ import annotations

import pytest

from wadesk.core.relay_url import InsecureRelayUrl, RelayUrlError, check_relay_url, is_loopback


@pytest.mark.parametrize("url, expected", [
    ("https://relay.radhaus.de", "https://relay.radhaus.de"),
    ("https://relay.radhaus.de/", "https://relay.radhaus.de"),
    ("  HTTPS://Relay.Radhaus.de:8443/wadesk/ ", "https://relay.radhaus.de:8443/wadesk"),
    ("http://127.0.0.1:8710", "http://127.0.0.1:8710"),
    ("http://127.8.9.10:1", "http://127.8.9.10:1"),
    ("http://localhost:8710/", "http://localhost:8710"),
    ("http://[::1]:8710", "http://[::1]:8710"),
    ("https://[2001:db8::1]", "https://[2001:db8::1]"),
])
def test_accepted(url, expected):
    assert check_relay_url(url) == expected


@pytest.mark.parametrize("url", [
    "http://relay.radhaus.de",
    "http://192.168.1.20:8710",
    "http://10.0.0.1",
    "http://127.0.0.1.evil.example",
    "http://localhost.evil.example",
    "http://[2001:db8::1]",
    "http://0.0.0.0:8710",
])
def test_plain_http_elsewhere_is_refused(url):
    with pytest.raises(InsecureRelayUrl, match="https://"):
        check_relay_url(url)


@pytest.mark.parametrize("url", [
    "", "relay.radhaus.de", "ftp://relay.radhaus.de", "https://", "https://user:pw@relay.de",
    "https://relay.de/?token=x", "https://relay.de/#x", "https://relay.de:99999", None,
])
def test_not_an_address(url):
    with pytest.raises(RelayUrlError):
        check_relay_url(url)  # type: ignore[arg-type]


def test_loopback():
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("LOCALHOST")
    assert not is_loopback("127.0.0.1.nip.io") and not is_loopback("example.com")
