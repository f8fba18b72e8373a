"""Which relay addresses a desktop may use: HTTPS, or plain HTTP only on loopback.

A desktop sends its device token with every request; over plain HTTP anyone on the
shop's Wi-Fi (or between the shop and the server) could copy it and read and write the
business's chats. Loopback is the exception: the one-PC mode and the demo run the relay
in the same process, and nothing leaves the machine.

In wadesk.core because the desktop (login, settings) checks addresses with it and the
desktop depends only on store/core/cloud, never on the relay package.

    check_relay_url("https://relay.radhaus.de")   -> "https://relay.radhaus.de"
    check_relay_url("http://127.0.0.1:8710/")    -> "http://127.0.0.1:8710"
    check_relay_url("http://relay.radhaus.de")   -> InsecureRelayUrl
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit, urlunsplit


class RelayUrlError(ValueError):
    """Not a usable relay address; the text says why, for the person who typed it."""


class InsecureRelayUrl(RelayUrlError):
    pass


def is_loopback(host: str) -> bool:
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_relay_url(url: str) -> str:
    """The relay's base URL, normalised (no trailing slash), or RelayUrlError."""
    if not isinstance(url, str) or not url.strip():
        raise RelayUrlError("Enter the relay's address, e.g. https://relay.example.de.")
    text = url.strip()
    if "://" not in text:
        raise RelayUrlError("The address must start with https://.")
    try:
        parts = urlsplit(text)
        port = parts.port  # raises on a bad port
    except ValueError:
        raise RelayUrlError("This is not a valid address.") from None
    scheme = parts.scheme.lower()
    host = parts.hostname or ""
    if scheme not in ("https", "http") or not host:
        raise RelayUrlError("The address must start with https:// and name a server.")
    if parts.username or parts.password:
        raise RelayUrlError("The address must not contain a user name or password.")
    if parts.query or parts.fragment:
        raise RelayUrlError("The address must not contain ? or #.")
    if scheme == "http" and not is_loopback(host):
        raise InsecureRelayUrl(
            "The relay must be reached over https://: plain http would let others on the "
            "network read your team's messages and its login. (http:// is allowed only "
            "for a relay on this computer.)"
        )
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc += f":{port}"
    return urlunsplit((scheme, netloc, parts.path.rstrip("/"), "", ""))
