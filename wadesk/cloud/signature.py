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
    if not isinstance(body, (bytes, bytearray)) or not isinstance(header_value, str):
        return False
    if not _key(app_secret) or not header_value.startswith(_PREFIX):
        return False
    given = header_value[len(_PREFIX):].strip()
    # bytes.fromhex would skip spaces; a plain character check is exact.
    if len(given) != 64 or not _HEX.issuperset(given):
        return False
    expected = hmac.digest(_key(app_secret), body, "sha256").hex()  # one-shot: no HMAC object
    return hmac.compare_digest(expected.encode(), given.lower().encode())


def subscription_challenge(mode: str | None, verify_token: str | None,
                           challenge: str | None, expected_token: str) -> str | None:
    """The GET handshake (`hub.mode`, `hub.verify_token`, `hub.challenge`): the body to
    answer with 200, or None for 403."""
    if mode != "subscribe" or challenge is None or verify_token is None or not expected_token:
        return None
    if not hmac.compare_digest(verify_token.encode(), expected_token.encode()):
        return None
    return challenge
