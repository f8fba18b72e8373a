"""X-Hub-Signature-256: only the exact bytes Meta sent, signed with our secret, pass."""

from __future__ import annotations

import json

import pytest

from tests.cloud.conftest import payload_bytes
from wadesk.cloud.signature import HEADER, is_valid, sign, subscription_challenge

SECRET = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
BODY = payload_bytes("text")


def test_header_name_is_metas() -> None:
    assert HEADER == "X-Hub-Signature-256"


def test_correct_signature_is_accepted() -> None:
    assert is_valid(BODY, sign(BODY, SECRET), SECRET)
    assert is_valid(BODY, sign(BODY, SECRET.encode()), SECRET.encode())


def test_uppercase_hex_is_accepted() -> None:
    header = sign(BODY, SECRET)
    assert is_valid(BODY, "sha256=" + header[7:].upper(), SECRET)


@pytest.mark.parametrize("tamper", [
    lambda b: b.replace(b"Hallo", b"Hallo!"),
    lambda b: b + b" ",
    lambda b: b[:-1],
    lambda b: b"",
    lambda b: bytes([b[0] ^ 1]) + b[1:],
])
def test_tampered_body_is_rejected(tamper) -> None:
    assert not is_valid(tamper(BODY), sign(BODY, SECRET), SECRET)


def test_wrong_secret_is_rejected() -> None:
    assert not is_valid(BODY, sign(BODY, "another-secret"), SECRET)
    assert not is_valid(BODY, sign(BODY, SECRET + " "), SECRET)


def test_missing_header_is_rejected() -> None:
    assert not is_valid(BODY, None, SECRET)
    assert not is_valid(BODY, "", SECRET)


@pytest.mark.parametrize("header", [
    "{hex}",                       # no prefix
    "sha1={hex}",                  # wrong algorithm
    "SHA256={hex}",                # prefix is case-sensitive, as Meta sends it
    "sha256={short}",              # short
    "sha256={hex}00",              # long
    "sha256=" + "g" * 64,          # not hex
    "sha256=" + "٣" * 64,          # non-ASCII digits
    "sha256={spaced}",             # spaces between bytes (bytes.fromhex would allow them)
    "sha256=",
    "sha256",
])
def test_malformed_header_is_rejected(header: str) -> None:
    hexdigest = sign(BODY, SECRET)[7:]
    value = header.format(hex=hexdigest, short=hexdigest[:40],
                          spaced=" ".join(hexdigest[i:i + 2] for i in range(0, 64, 2))[:64])
    assert not is_valid(BODY, value, SECRET)


@pytest.mark.parametrize("dumps", [
    lambda d: json.dumps(d),
    lambda d: json.dumps(d, separators=(",", ":")),
    lambda d: json.dumps(d, ensure_ascii=False, indent=2),
    lambda d: json.dumps(d, sort_keys=True),
])
def test_reserialised_json_is_rejected(dumps) -> None:
    reserialised = dumps(json.loads(BODY)).encode()
    assert reserialised != BODY
    assert not is_valid(reserialised, sign(BODY, SECRET), SECRET)


def test_empty_secret_never_validates() -> None:
    forged = "sha256=" + __import__("hmac").new(b"", BODY, "sha256").hexdigest()
    assert not is_valid(BODY, forged, "")
    with pytest.raises(ValueError):
        sign(BODY, "")


def test_non_bytes_body_is_rejected() -> None:
    assert not is_valid(BODY.decode(), sign(BODY, SECRET), SECRET)  # type: ignore[arg-type]


def test_subscription_challenge() -> None:
    assert subscription_challenge("subscribe", "v-token", "1158201444", "v-token") == "1158201444"
    assert subscription_challenge("subscribe", "wrong", "1158201444", "v-token") is None
    assert subscription_challenge("unsubscribe", "v-token", "1", "v-token") is None
    assert subscription_challenge("subscribe", None, "1", "v-token") is None
    assert subscription_challenge("subscribe", "", "1", "") is None
