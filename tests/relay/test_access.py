"""Every endpoint of the relay, with every role, no token, a bad and a revoked token.

The endpoints are enumerated from the app itself (create_app), so a new endpoint
cannot escape: it fails this test until it is listed below with its permission.
"""

from __future__ import annotations

import re

import httpx
import pytest
from starlette.routing import Route

from wadesk.relay import auth
from wadesk.relay.access import ApiError, require
from wadesk.relay.app import create_app
from wadesk.relay.context import RelayContext

# The only endpoints without a token: Meta's webhook, the monitor's health check, and
# the login that hands out tokens.
PUBLIC = {
    ("GET", "/webhook"), ("POST", "/webhook"), ("GET", "/healthz"), ("POST", "/api/v1/login"),
}

PERMISSION = {
    ("GET", "/api/v1/sync"): "read",
    ("GET", "/api/v1/media/{key}"): "media",
    ("GET", "/api/v1/me"): "read",
    ("POST", "/api/v1/me/password"): "read",
    ("GET", "/api/v1/devices"): "read",
    ("DELETE", "/api/v1/devices/{device_id}"): "read",
    ("GET", "/api/v1/people"): "read",
    ("POST", "/api/v1/people"): "people.manage",
    ("PATCH", "/api/v1/people/{person_id}"): "people.manage",
    ("POST", "/api/v1/people/{person_id}/setup-code"): "people.manage",
    ("GET", "/api/v1/labels"): "read",
    ("POST", "/api/v1/labels"): "labels.manage",
    ("PATCH", "/api/v1/labels/{label_id}"): "labels.manage",
    ("DELETE", "/api/v1/labels/{label_id}"): "labels.manage",
    ("POST", "/api/v1/labels/{label_id}/apply"): "label",
    ("POST", "/api/v1/labels/{label_id}/remove"): "label",
    ("POST", "/api/v1/conversations/{conversation_id}/assign"): "assign",
    ("GET", "/api/v1/conversations/{conversation_id}/notes"): "read",
    ("POST", "/api/v1/conversations/{conversation_id}/notes"): "note",
    ("DELETE", "/api/v1/notes/{note_id}"): "note",
    ("GET", "/api/v1/quick-replies"): "read",
    ("POST", "/api/v1/quick-replies"): "quick_replies.manage",
    ("PATCH", "/api/v1/quick-replies/{quick_reply_id}"): "quick_replies.manage",
    ("DELETE", "/api/v1/quick-replies/{quick_reply_id}"): "quick_replies.manage",
    ("GET", "/api/v1/audit"): "audit.read",
    ("POST", "/api/v1/messages"): "send",
    ("GET", "/api/v1/messages/{client_id}"): "read",
    ("POST", "/api/v1/media"): "send",
    ("POST", "/api/v1/conversations/{conversation_id}/read"): "read",
    ("POST", "/api/v1/conversations/{conversation_id}/typing"): "send",
    ("GET", "/api/v1/sending"): "read",
    ("GET", "/api/v1/templates"): "read",
    ("GET", "/api/v1/automations"): "read",
    ("PUT", "/api/v1/automations"): "automations.manage",
    ("GET", "/api/v1/contacts/{contact}/consents"): "read",
    ("POST", "/api/v1/contacts/{contact}/consents"): "consent.record",
    ("GET", "/api/v1/contacts/{contact}/export"): "data.export",
    ("POST", "/api/v1/contacts/{contact}/erase"): "data.erase",
    ("PUT", "/api/v1/cloud-token"): "cloud_token.manage",
    ("GET", "/api/v1/profile"): "read",
    ("PUT", "/api/v1/profile"): "profile.manage",
    # Last: it revokes the calling device.
    ("POST", "/api/v1/logout"): "read",
}


def app_endpoints(ctx: RelayContext) -> list[tuple[str, str]]:
    found = []
    for route in create_app(ctx).routes:
        assert isinstance(route, Route), f"{route!r}: mounts would hide endpoints from this test"
        methods = route.methods or {"GET", "POST"}  # an ASGI endpoint handles its own
        found += [(m, route.path) for m in sorted(methods) if m != "HEAD"]
    return found


def concrete(path: str) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: "not-a-key" if m.group(1) in ("key", "client_id")
                  else "999999", path)


def call(client: httpx.Client, method: str, path: str, headers: dict[str, str]) -> httpx.Response:
    body = {} if method in ("POST", "PATCH", "PUT") else None
    return client.request(method, concrete(path), json=body, headers=headers)


def test_every_endpoint_is_listed(relay):
    endpoints = app_endpoints(relay.ctx)
    unlisted = [e for e in endpoints if e not in PUBLIC and e not in PERMISSION]
    assert unlisted == [], f"new endpoints need an entry (and a permission check): {unlisted}"
    gone = [e for e in PERMISSION if e not in endpoints]
    assert gone == [], f"listed endpoints that no longer exist: {gone}"
    assert all(p in auth.PERMISSIONS for p in PERMISSION.values())


def test_every_endpoint_checks_the_token_and_the_role(relay, client, team):
    endpoints = sorted(app_endpoints(relay.ctx), key=lambda e: e == ("POST", "/api/v1/logout"))
    bad_tokens = {
        "no token": {},
        "revoked token": {"Authorization": f"Bearer {team.revoked_token}"},
        "unknown token": {"Authorization": f"Bearer {auth.new_device_token()}"},
        "not bearer": {"Authorization": f"Basic {team.tokens['owner']}"},
    }
    problems: list[str] = []
    for method, path in endpoints:
        if (method, path) in PUBLIC:
            continue
        for what, headers in bad_tokens.items():
            answer = call(client, method, path, headers)
            if answer.status_code != 401 or answer.json()["error"]["code"] != "unauthenticated":
                problems.append(f"{method} {path} with {what}: {answer.status_code}")
        permission = PERMISSION[(method, path)]
        for role in ("agent", "admin", "owner"):
            answer = call(client, method, path, team.headers(role))
            if auth.allowed(role, permission):
                if answer.status_code in (401, 403) or answer.status_code >= 500:
                    problems.append(f"{method} {path} as {role}: {answer.status_code} {answer.text}")
            elif answer.status_code != 403 or answer.json()["error"]["code"] != "forbidden":
                problems.append(f"{method} {path} as {role} should be 403: {answer.status_code}")
    assert problems == []


def test_public_endpoints_need_no_token(relay, client):
    assert client.get("/healthz").status_code == 200
    assert client.post("/api/v1/login", json={}).status_code == 400
    assert client.get("/webhook", params={"hub.mode": "subscribe"}).status_code == 403


def test_a_disabled_person_is_locked_out(relay, client, team):
    from wadesk.store import people

    relay.call(lambda: relay.ctx.write(lambda c: people.disable_person(c, team.person_ids["agent"])))
    answer = client.get("/api/v1/me", headers=team.headers("agent"))
    assert answer.status_code == 401


def test_require_refuses_unknown_permissions(relay):
    async def check() -> None:
        with pytest.raises(KeyError):
            await require(None, relay.ctx, "make.coffee")  # type: ignore[arg-type]

    relay.call(check)


def test_api_error_shape():
    error = ApiError(429, "too_many_attempts", "Wait.", headers={"Retry-After": "9"})
    from wadesk.relay.access import error_response

    response = error_response(error)
    assert response.status_code == 429 and response.headers["retry-after"] == "9"
    assert response.body == b'{"error":{"code":"too_many_attempts","message":"Wait."}}'




def test_the_role_table_keeps_the_promise():
    """"Admins also manage quick replies, labels, automations, the business profile and
    people; only owners read the audit log and export or erase data." """
    agent_may = {"read", "send", "assign", "label", "note", "media", "consent.record"}
    admin_also = {"quick_replies.manage", "labels.manage", "automations.manage",
                  "profile.manage", "people.manage", "cloud_token.manage"}
    owner_only = {"audit.read", "data.export", "data.erase"}
    assert set(auth.PERMISSIONS) == agent_may | admin_also | owner_only
    for permission in auth.PERMISSIONS:
        roles = {r for r in ("agent", "admin", "owner") if auth.allowed(r, permission)}
        expected = ({"agent", "admin", "owner"} if permission in agent_may
                    else {"admin", "owner"} if permission in admin_also else {"owner"})
        assert roles == expected, permission
