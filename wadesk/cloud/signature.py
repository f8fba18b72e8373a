"""X-Hub-Signature-256: HMAC-SHA256 of the raw webhook body, keyed with the app secret.

Meta signs the exact bytes it sends; the check must run on those bytes, before any
JSON parsing, and compare in constant time. Re-serialised JSON does not match, on
purpose. There is no timestamp in the signature: replays are only stopped by
deduplicating on message and status ids.
"""

from __future__ import annotations

import hashlib
import hmac
import string

HEADER = "X-Hub-Signature-256"
_PREFIX = "sha256="
_HEX = frozenset(string.hexdigits)


def _key(app_secret: str | bytes) -> bytes:
    return app_secret.encode() if isinstance(app_secret, str) else bytes(app_secret)


def sign(body: bytes, app_secret: str | bytes) -> str:
    """The header value Meta would send for `body`."""
    key = _key(app_secret)
    if not key:
        raise ValueError("an empty app secret signs nothing")
    return _PREFIX + hmac.new(key, body, hashlib.sha256).hexdigest()


def is_valid(body: bytes, header_value: str | None, app_secret: str | bytes) -> bool:
    """True only if `header_value` is a well-formed signature of exactly `body`.

    An empty app secret never validates: an unconfigured relay must fail closed."""
    return Verifier(app_secret).is_valid(body, header_value)


class Verifier:
    """`is_valid` for one app secret, for a receiver that checks thousands of bodies.

    The keyed HMAC state is made once and copied per body: `hmac.digest` looks the
    digest up in OpenSSL on every call, and under OpenSSL 3 that lookup takes a lock
    and costs more than hashing a webhook (measured in the relay's intake)."""

    __slots__ = ("_base",)

    def __init__(self, app_secret: str | bytes) -> None:
        key = _key(app_secret)
        self._base = hmac.new(key, digestmod=hashlib.sha256) if key else None

    def is_valid(self, body: bytes, header_value: str | None) -> bool:
        """As `is_valid(body, header_value, app_secret)`."""
        if not isinstance(body, (bytes, bytearray)) or not isinstance(header_value, str):
            return False
        if self._base is None or not header_value.startswith(_PREFIX):
            return False
        given = header_value[len(_PREFIX):].strip()
        # bytes.fromhex would skip spaces; a plain character check is exact.
        if len(given) != 64 or not _HEX.issuperset(given):
            return False
        mac = self._base.copy()
        mac.update(body)
        return hmac.compare_digest(mac.hexdigest().encode(), given.lower().encode())


def subscription_challenge(mode: str | None, verify_token: str | None,
                           challenge: str | None, expected_token: str) -> str | None:
    """The GET handshake (`hub.mode`, `hub.verify_token`, `hub.challenge`): the body to
    answer with 200, or None for 403."""
    if mode != "subscribe" or challenge is None or verify_token is None or not expected_token:
        return None
    if not hmac.compare_digest(verify_token.encode(), expected_token.encode()):
        return None
    return challenge
