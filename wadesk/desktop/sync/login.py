"""The first login of this computer: setup code (or password) -> a device token.

Synchronous on purpose (the wizard runs it on a worker thread, the demo at start):
one request, no loop. Failures come back as a LoginError whose `kind` the wizard
turns into one plain sentence with what to do; `kind` is one of

    bad_address   the text is not a usable address (`detail` says why, in English)
    insecure      plain http:// to a machine other than this one
    unreachable   nothing answers there (offline, wrong address, relay down)
    certificate   the server's TLS certificate is not trusted
    not_a_relay   something answers, but it is not a wadesk relay
    wrong_code    name and code/password do not match (or the code was used)
    too_many      too many failed attempts: wait
    relay_error   the relay failed in another way (its message is in `detail`)

The token is returned to the caller, which puts it in the keychain; it is never
logged or kept anywhere else.
"""

from __future__ import annotations

import platform
import ssl
from dataclasses import dataclass
from typing import Any

import httpx

from wadesk.core.relay_url import InsecureRelayUrl, RelayUrlError, check_relay_url


class LoginError(Exception):
    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(kind)
        self.kind = kind
        self.detail = detail


@dataclass(frozen=True, slots=True)
class LoginResult:
    relay_url: str
    token: str
    person: dict[str, Any]
    device: dict[str, Any]
    must_set_password: bool

    def __repr__(self) -> str:  # the token never shows in a traceback or a log
        return f"LoginResult(relay_url={self.relay_url!r}, person={self.person.get('name')!r})"


def device_name() -> str:
    return (platform.node() or "desktop")[:100]


def _is_certificate_problem(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLError) or "CERTIFICATE" in str(seen).upper():
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def log_in(relay_url: str, name: str, *, setup_code: str | None = None, password: str | None = None,
           device: str | None = None, transport: httpx.BaseTransport | None = None,
           timeout: float = 15.0) -> LoginResult:
    try:
        base = check_relay_url(relay_url)
    except InsecureRelayUrl as exc:
        raise LoginError("insecure", str(exc)) from None
    except RelayUrlError as exc:
        raise LoginError("bad_address", str(exc)) from None
    body: dict[str, Any] = {"name": name.strip(), "device_name": device or device_name()}
    if setup_code is not None:
        # Codes are read aloud and typed: spaces and case do not matter.
        body["setup_code"] = setup_code.strip()
    else:
        body["password"] = password or ""
    try:
        with httpx.Client(base_url=base, timeout=httpx.Timeout(timeout, connect=8.0), transport=transport) as client:
            response = client.post("/api/v1/login", json=body)
    except httpx.ConnectError as exc:
        raise LoginError("certificate" if _is_certificate_problem(exc) else "unreachable") from None
    except httpx.TimeoutException:
        raise LoginError("unreachable") from None
    except httpx.HTTPError as exc:
        raise LoginError("certificate" if _is_certificate_problem(exc) else "unreachable") from None
    try:
        answer = response.json()
    except ValueError:
        raise LoginError("not_a_relay") from None
    if response.status_code == 200 and isinstance(answer, dict) and answer.get("token"):
        return LoginResult(base, answer["token"], answer.get("person") or {}, answer.get("device") or {},
                           bool(answer.get("must_set_password")))
    error = answer.get("error") if isinstance(answer, dict) else None
    if not isinstance(error, dict):
        raise LoginError("not_a_relay")
    if response.status_code == 401:
        raise LoginError("wrong_code")
    if response.status_code == 429:
        raise LoginError("too_many")
    if response.status_code in (404, 405):
        raise LoginError("not_a_relay")
    raise LoginError("relay_error", str(error.get("message") or ""))
