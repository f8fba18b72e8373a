"""X-Hub-Signature-256: HMAC-SHA256 of the raw webhook body, keyed with the app secret.

Meta signs the exact bytes it sends; the check must run on those bytes, before any
JSON parsing, and compare in constant time.
"""

from __future__ import annotations

import hashlib
import hmac

HEADER = "X-Hub-Signature-256"
_PREFIX = "sha256="


def sign(body: bytes, app_secret: str | bytes) -> str:
    """The header value Meta would send for `body`."""
    key = app_secret.encode() if isinstance(app_secret, str) else app_secret
    return _PREFIX + hmac.new(key, body, hashlib.sha256).hexdigest()


def is_valid(body: bytes, header_value: str | None, app_secret: str | bytes) -> bool:
    """True only if `header_value` is a well-formed signature of exactly `body`."""
    if not header_value or not header_value.startswith(_PREFIX):
        return False
    given = header_value[len(_PREFIX):].strip()
    if len(given) != 64:
        return False
    try:
        bytes.fromhex(given)
    except ValueError:
        return False
    expected = sign(body, app_secret)[len(_PREFIX):]
    return hmac.compare_digest(expected.encode(), given.lower().encode())
