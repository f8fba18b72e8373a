"""Who may do what on the relay: passwords, one-time setup codes, device tokens, roles.

- Passwords are hashed with scrypt (stdlib, memory-hard), each with its own salt.
- A setup code is what `wadesk relay adduser` prints: 15 characters from an
  alphabet without look-alikes (about 75 bits), valid once, for 7 days.
- A device token is 256 random bits given to one desktop at login and kept in its
  keychain; the relay stores only its SHA-256 (enough for a value that random, and a
  lookup by hash needs no per-request key stretching).
- Roles are ordered agent < admin < owner; every permission names the lowest role
  that has it (PERMISSIONS below is the one table of who may do what).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from enum import IntEnum

SETUP_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no I, O, 0, 1
SETUP_CODE_LENGTH = 15
SETUP_CODE_LIFETIME_S = 7 * 24 * 3600
TOKEN_PREFIX = "wdt_"

# scrypt cost: 16 MiB and ~50 ms per check on a small VPS; logins are rare.
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1
MIN_PASSWORD_LENGTH = 10

# Rate limit: this many failed logins per name or per address within the window.
LOGIN_FAILURES_ALLOWED = 5
LOGIN_WINDOW_S = 15 * 60


class Role(IntEnum):
    AGENT = 1
    ADMIN = 2
    OWNER = 3

    @classmethod
    def parse(cls, name: str) -> "Role":
        try:
            return cls[name.upper()]
        except KeyError:
            raise ValueError(f"unknown role {name!r}: use owner, admin or agent") from None


# permission -> the lowest role that has it
PERMISSIONS: dict[str, Role] = {
    "read": Role.AGENT,
    "send": Role.AGENT,
    "assign": Role.AGENT,
    "label": Role.AGENT,
    "note": Role.AGENT,
    "media": Role.AGENT,
    "consent.record": Role.AGENT,  # a consent the customer gave or withdrew
    "quick_replies.manage": Role.ADMIN,
    "labels.manage": Role.ADMIN,
    "automations.manage": Role.ADMIN,
    "profile.manage": Role.ADMIN,
    "people.manage": Role.ADMIN,
    "cloud_token.manage": Role.ADMIN,  # a new Cloud API token after Meta refused the old
    "audit.read": Role.OWNER,
    "data.export": Role.OWNER,
    "data.erase": Role.OWNER,
}


def allowed(role: str, permission: str) -> bool:
    return Role.parse(role) >= PERMISSIONS[permission]


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"a password needs at least {MIN_PASSWORD_LENGTH} characters")
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(
        password.encode(), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P, dklen=32
    )
    b64 = lambda raw: base64.b64encode(raw).decode()  # noqa: E731
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${b64(salt)}${b64(digest)}"


def check_password(password: str, stored: str | None) -> bool:
    if not stored:
        return False
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(
            password.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
            dklen=len(expected),
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def new_setup_code() -> str:
    raw = "".join(secrets.choice(SETUP_CODE_ALPHABET) for _ in range(SETUP_CODE_LENGTH))
    return "-".join(raw[i : i + 5] for i in range(0, SETUP_CODE_LENGTH, 5))


def normalise_setup_code(code: str) -> str:
    """What the person typed, forgiving case, spaces and dashes."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def hash_setup_code(code: str) -> str:
    return hashlib.sha256(("setup:" + normalise_setup_code(code)).encode()).hexdigest()


def new_device_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def hash_device_token(token: str) -> str:
    return hashlib.sha256(("device:" + token).encode()).hexdigest()


def bearer_token(header: str | None) -> str | None:
    """The token of an `Authorization: Bearer …` header, or None."""
    if not header:
        return None
    scheme, _, value = header.partition(" ")
    value = value.strip()
    if scheme.lower() != "bearer" or not value.startswith(TOKEN_PREFIX) or len(value) > 200:
        return None
    return value
