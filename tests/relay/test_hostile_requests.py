"""10,000 random and hostile requests: bad JSON, wrong signatures, huge headers, wrong
methods and content types, bodies over 3 MB, garbage HTTP, bad tokens. Not one 5xx,
and nothing stored."""

from __future__ import annotations

import asyncio
import json
import random

import httpx

from tests.relay.conftest import APP_SECRET, all_events, relay_read
from tests.relay.payloads import envelope, metadata, text_message
from wadesk.cloud.signature import sign
from wadesk.store.state_dump import dump_state

REQUESTS = 10_000
CONNECTIONS = 8


def _request(method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1"]
    for name, value in (headers or {}).items():
        lines.append(f"{name}: {value}")
    if body or method in ("POST", "PUT", "PATCH"):
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def _hostile(rng: random.Random, n: int) -> tuple[str, bytes]:
    """(category, raw request bytes) number n of the run."""
    good = json.dumps(text_message(f"wamid.H{n}", "hallo")).encode()
    json_headers = {"Content-Type": "application/json"}
    kind = rng.randrange(16)
    if kind == 0:  # not JSON, correctly signed
        body = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 300)))
        return "bad_json", _request("POST", "/webhook", body,
                                    {**json_headers, "X-Hub-Signature-256": sign(body, APP_SECRET)})
    if kind == 1:  # truncated JSON, signed
        body = good[: rng.randrange(1, len(good) - 1)]
        return "truncated", _request("POST", "/webhook", body,
                                     {**json_headers, "X-Hub-Signature-256": sign(body, APP_SECRET)})
    if kind == 2:  # a real webhook signed with another secret
        return "wrong_secret", _request("POST", "/webhook", good,
                                        {**json_headers, "X-Hub-Signature-256": sign(good, "guess")})
    if kind == 3:  # no signature
        return "unsigned", _request("POST", "/webhook", good, json_headers)
    if kind == 4:  # malformed signature headers
        value = rng.choice(["sha256=", "sha1=" + "a" * 40, "sha256=" + "z" * 64, "garbage",
                            "sha256=" + "0" * 63, " ", "sha256=" + "A" * 65])
        return "bad_signature", _request("POST", "/webhook", good,
                                         {**json_headers, "X-Hub-Signature-256": value})
    if kind == 5:  # wrong methods
        method = rng.choice(["PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO"])
        return "method", _request(method, "/webhook", good if method != "TRACE" else b"", json_headers)
    if kind == 6:  # wrong content types, signed correctly
        ctype = rng.choice(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
                            "application/jsonx", "", "application/json-patch+json"])
        headers = {"X-Hub-Signature-256": sign(good, APP_SECRET)}
        if ctype:
            headers["Content-Type"] = ctype
        return "content_type", _request("POST", "/webhook", good, headers)
    if kind == 7:  # huge headers
        headers = {**json_headers, "X-Filler": "a" * rng.choice([8_000, 40_000, 70_000]),
                   "X-Hub-Signature-256": sign(good, "nope")}
        return "huge_header", _request("POST", "/webhook", good, headers)
    if kind == 8:  # hostile JSON, signed: deep nesting, NaN, wrong types, odd encodings
        body = rng.choice([
            b"[" * 50_000 + b"]" * 50_000,
            b'{"object": "whatsapp_business_account", "entry": [{"id": NaN}]}',
            json.dumps({"object": "whatsapp_business_account", "entry": [{"id": 5, "changes": "x"}]}).encode(),
            json.dumps({"object": "whatsapp_business_account", "entry": [1, None, "x"]}).encode(),
            '{"object": "whatsapp_business_account"}'.encode("utf-16"),
            b"\xef\xbb\xbf" + good[:-3],
            json.dumps({"object": "whatsapp_business_account", "entry": []}).encode()[:-1] + b"\x00}",
        ])
        return "hostile_json", _request("POST", "/webhook", body,
                                        {**json_headers, "X-Hub-Signature-256": sign(body, APP_SECRET)})
    if kind == 9:  # signed envelopes whose items are all broken, or for foreign numbers
        value = {"messaging_product": "whatsapp", "metadata": metadata("999"),
                 "messages": [{"from": "49", "id": f"wamid.F{n}", "timestamp": "1", "type": "text",
                               "text": {"body": "x"}}]}
        broken = envelope({"messaging_product": "whatsapp", "metadata": metadata(),
                           "messages": [{"id": f"wamid.Z{n}", "type": "text"}],
                           "statuses": [{"id": 5, "status": None}]})
        body = json.dumps(rng.choice([envelope(value), broken])).encode()
        return "foreign_or_broken", _request("POST", "/webhook", body,
                                             {**json_headers, "X-Hub-Signature-256": sign(body, APP_SECRET)})
    if kind == 10:  # the API without, with garbage, or with forged tokens
        path = rng.choice(["/api/v1/sync?since=0", "/api/v1/sync?since=-5&wait=x",
                           "/api/v1/media/wamid.X", "/api/v1/media/" + "a" * 300,
                           "/api/v1/messages", "/api/v1/labels", "/api/v1/people", "/api/v1/audit"])
        token = rng.choice(["", "Bearer ", "Bearer wdt_" + "x" * 43, "Basic YWRtaW46YWRtaW4=",
                            "Bearer " + "wdt_" + "y" * 500, "Bearer wdt_\x7f"])
        headers = {"Authorization": token} if token else {}
        method = rng.choice(["GET", "POST", "DELETE"])
        return "api_auth", _request(method, path, b"{}" if method == "POST" else b"",
                                    {**headers, **json_headers})
    if kind == 11:  # the handshake with wrong tokens
        return "handshake", _request("GET", rng.choice([
            "/webhook?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1",
            "/webhook?hub.mode=unsubscribe", "/webhook", "/webhook?hub.challenge=%00%ff"]))
    if kind == 12:  # random paths and query strings
        path = "/" + "".join(rng.choice("abc/%.?=&") for _ in range(rng.randrange(1, 40)))
        return "path", _request(rng.choice(["GET", "POST"]), path.replace(" ", ""))
    if kind == 13:  # garbage HTTP
        return "garbage_http", rng.choice([b"HELLO\r\n\r\n", b"GET\r\n\r\n", b"\x16\x03\x01\x02\x00",
                                           b"POST /webhook HTTP/9.9\r\n\r\n",
                                           b"GET /webhook HTTP/1.1\r\nHost: a\r\nContent-Length: -5\r\n\r\n"])
    if kind == 14:  # correctly signed but with a lying Content-Length
        headers = {**json_headers, "X-Hub-Signature-256": sign(good, APP_SECRET),
                   "Content-Length": "abc"}
        return "bad_length", _request("POST", "/webhook", b"", headers) + good
    # a signed envelope with unknown fields of every kind, and no messages in it
    body = json.dumps(envelope({"messaging_product": "whatsapp", "metadata": metadata("999"),
                                "surprise": {"x": [1, 2]}, "statuses": []},
                               field=rng.choice(["messages", "new_field", "security"]))).encode()
    return "unknown_fields", _request("POST", "/webhook", body,
                                      {**json_headers, "X-Hub-Signature-256": sign(body, APP_SECRET)})


async def _read_response(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length, chunked = 0, False
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
        elif name.strip().lower() == b"transfer-encoding" and b"chunked" in value.lower():
            chunked = True
    if chunked:
        while True:
            size = int((await reader.readuntil(b"\r\n")).strip(), 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    elif length:
        await reader.readexactly(length)
    return status


async def _run(port: int, requests: list[tuple[str, bytes]]) -> dict[str, dict[object, int]]:
    results: dict[str, dict[object, int]] = {}
    queue = iter(requests)

    async def worker() -> None:
        conn = None
        for category, data in queue:
            if conn is None:
                conn = await asyncio.open_connection("127.0.0.1", port)
            reader, writer = conn
            try:
                writer.write(data)
                status: object = await asyncio.wait_for(_read_response(reader), 20)
            except (asyncio.IncompleteReadError, ConnectionError, ValueError, IndexError):
                status = "closed"  # the server dropped a request it could not parse
            closes = category in ("garbage_http", "huge_header", "bad_length", "hostile_json",
                                  "method", "path", "handshake", "content_type")
            if status == "closed" or closes or (isinstance(status, int) and status >= 400):
                writer.close()  # a fresh connection: never reuse one after an error
                conn = None
            bucket = results.setdefault(category, {})
            bucket[status] = bucket.get(status, 0) + 1
        if conn is not None:
            conn[1].close()

    await asyncio.gather(*(worker() for _ in range(CONNECTIONS)))
    return results


def test_ten_thousand_hostile_requests_no_5xx_nothing_stored(relay, client, team):
    rng = random.Random(2024)
    requests = [_hostile(rng, n) for n in range(REQUESTS)]
    big = b'{"object":"whatsapp_business_account","pad":"' + b"x" * (3 * 1024 * 1024) + b'"}'
    for n in range(8):  # > 3 MB, with and without a valid signature: 413 before anything else
        requests[n * 1000] = ("too_large", _request("POST", "/webhook", big, {
            "Content-Type": "application/json",
            "X-Hub-Signature-256": sign(big, APP_SECRET if n % 2 else "x")}))
    port = int(relay.base_url.rsplit(":", 1)[1])
    results = asyncio.run(_run(port, requests))

    server_errors = {cat: {s: c for s, c in statuses.items() if isinstance(s, int) and s >= 500}
                     for cat, statuses in results.items()}
    assert {cat: e for cat, e in server_errors.items() if e} == {}
    assert sum(sum(s.values()) for s in results.values()) == REQUESTS
    assert results["too_large"] == {413: 8}
    # Every kind gets its own clear answer (no connection merely dropped):
    expected = {
        "wrong_secret": {403}, "bad_signature": {403}, "unsigned": {401}, "handshake": {403},
        "bad_json": {400}, "truncated": {400}, "bad_length": {400}, "garbage_http": {400},
        "content_type": {415}, "path": {404},
        "huge_header": {403, 431},  # under 64 KB the signature is looked at (and wrong)
        "method": {400, 405},  # 400: a method HTTP does not even know
        # Signed and well-formed, but nothing in it this relay keeps: 200, so that Meta
        # does not retry what can never succeed (broken items go to the quarantine).
        "foreign_or_broken": {200}, "unknown_fields": {200},
        "hostile_json": {200, 400},  # 200: a signed envelope whose items are all broken
        "api_auth": {400, 401, 405},
    }
    assert {cat: set(results[cat]) for cat in expected} == expected
    # Nothing stored: no event, no contact, no conversation, no message.
    assert all_events(relay) == []
    state = relay_read(relay, dump_state)
    assert {table: rows for table, rows in state.items() if rows} == {}
    assert client.get("/healthz").json()["status"] == "ok"


# Authenticated hostile bodies ---------------------------------------------------------
# Every POST/PUT/PATCH endpoint of the app (enumerated from its routes, so a new one
# cannot escape), fed random and hostile JSON with a valid owner token: never a 5xx,
# and where the answer is 4xx, nothing in the store changed.

_UNBODIED = {("POST", "/api/v1/logout")}  # it would revoke the token the test uses
_FIELDS = ("conversation_id", "assignee_id", "label_id", "note_id", "person_id", "client_id",
           "type", "text", "to", "reply_to", "template", "interactive", "name", "colour",
           "role", "disabled", "wamid", "shortcut", "purpose", "state", "source", "at",
           "evidence", "notice_version", "greeting", "away", "business_hours", "token",
           "password", "current_password", "new_password", "setup_code", "device_name",
           "confirm", "index", "amount_1000", "body", "id", "since")
_RAW_BODIES = (b"NaN", b"[1,2]", b'{"conversation_id": Infinity}', b'{"text": NaN}',
               b'{"at": -Infinity}', b'{"conversation_id": 1e400}', b'{"a": 1' + b"0" * 400 + b"}",
               b'{"text": "\\ud83d"}', b'{"text": {"body": "a\\udc00b"}}', b'{"\\ud800": 1}',
               b'{"name": "\xed\xa0\xbd"}', b'{"x": "\xff"}', b"", b"{}", b'{"x": ' * 3000)


def _hostile_value(rng: random.Random, depth: int = 0) -> object:
    pick = rng.randrange(14 if depth < 3 else 10)
    if pick == 0:
        return rng.choice([10**30, 2**63, 2**63 - 1, -(2**63), -1, 0, 1, 2, 3, 999999])
    if pick == 1:
        return rng.choice([0.5, -1e300, 1e300, 3.0])
    if pick == 2:
        return rng.choice(["\ud83d", "a\udc00", "x" * 100_000, "", " ", "\x00", "wamid.X",
                           "owner", "agent", "given", "#12AB3C", "marketing", "text"])
    if pick == 3:
        return rng.choice([True, False, None])
    if pick == 4:
        return "".join(rng.choice("aZ9-_.: \u00e4\U0001f600") for _ in range(rng.randrange(1, 30)))
    if pick == 5:
        return rng.randrange(-5, 5)
    if pick in (6, 7, 8, 9):
        return rng.choice([rng.randrange(1, 4), "hallo", None, 10**30])
    if pick in (10, 11):
        return {rng.choice(_FIELDS): _hostile_value(rng, depth + 1) for _ in range(rng.randrange(4))}
    return [_hostile_value(rng, depth + 1) for _ in range(rng.randrange(4))]


def _hostile_body(rng: random.Random) -> bytes:
    if rng.randrange(5) == 0:
        return rng.choice(_RAW_BODIES)
    body = {name: _hostile_value(rng) for name in rng.sample(_FIELDS, rng.randrange(1, 8))}
    return json.dumps(body).encode("utf-8", "surrogatepass")  # ASCII: escapes every surrogate


def _path(rng: random.Random, template: str, real: dict[str, str]) -> str:
    import re

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        return rng.choice([real.get(name, "1"), real.get(name, "1"), str(10**30), "0", "-1",
                           str(2**63), "abc", "%F0%9F"])

    return re.sub(r"\{(\w+)\}", one, template)


def _fingerprint(conn):
    from wadesk.store import events, people

    return (events.latest_seq(conn), dump_state(conn),
            [(p.id, p.role, p.disabled_at, p.has_password) for p in people.list_people(conn)],
            [(d.id, d.revoked_at) for d in people.list_devices(conn)],
            [e.id for e in people.read_audit(conn, limit=1)])


def test_authenticated_hostile_bodies_no_5xx_and_nothing_changes_on_4xx(relay, client, team,
                                                                        post_webhook):
    from starlette.routing import Route

    from wadesk.relay.app import create_app

    assert post_webhook(text_message("wamid.HB1", "Hallo")).status_code == 200
    owner = team.headers("owner")
    label = client.post("/api/v1/labels", json={"name": "Rad", "colour": "#112233"},
                        headers=owner).json()
    note = client.post("/api/v1/conversations/1/notes", json={"text": "Notiz"}, headers=owner)
    reply = client.post("/api/v1/quick-replies", json={"shortcut": "zeit", "text": "9-18"},
                        headers=owner)
    assert note.status_code == 201 and reply.status_code == 201
    real = {"conversation_id": "1", "label_id": str(label["id"]), "note_id": str(note.json()["id"]),
            "quick_reply_id": str(reply.json()["id"]), "person_id": str(team.person_ids["agent"]),
            "contact": "491701111111"}
    endpoints = sorted({(method, route.path) for route in create_app(relay.ctx).routes
                        if isinstance(route, Route) and route.path != "/webhook"
                        for method in (route.methods or ()) if method in ("POST", "PUT", "PATCH")}
                       - _UNBODIED)
    assert len(endpoints) >= 20

    rng = random.Random(63)
    problems: list[str] = []
    before = relay_read(relay, _fingerprint)
    for method, template in endpoints:
        for _ in range(30):
            path, body = _path(rng, template, real), _hostile_body(rng)
            answer = client.request(method, path, content=body, headers={
                **owner, "Content-Type": "application/json"})
            after = relay_read(relay, _fingerprint)
            if answer.status_code >= 500:
                problems.append(f"{method} {path} {body[:80]!r}: {answer.status_code}")
            elif answer.status_code >= 400:
                assert answer.json()["error"]["code"]
                if after != before:
                    problems.append(f"{method} {path} {body[:80]!r}: {answer.status_code} "
                                    "but the store changed")
            before = after
    assert problems == []
    assert client.get("/healthz").json()["status"] == "ok"


def test_the_reported_bad_inputs_are_clear_400s(relay, client, team, post_webhook):
    assert post_webhook(text_message("wamid.HB2", "Hallo")).status_code == 200
    owner = {**team.headers("owner"), "Content-Type": "application/json"}
    label = client.post("/api/v1/labels", json={"name": "Rad", "colour": "#112233"},
                        headers=owner).json()

    def post(path: str, body: bytes | dict) -> httpx.Response:
        raw = body if isinstance(body, bytes) else json.dumps(body).encode()
        return client.post(path, content=raw, headers=owner)

    huge = 10**30
    cases = [
        ("/api/v1/messages", {"client_id": "c-hostile-1", "conversation_id": huge, "type": "text",
                              "text": {"body": "x"}}, "conversation_id"),
        ("/api/v1/conversations/1/assign", {"assignee_id": huge}, "assignee_id"),
        (f"/api/v1/labels/{label['id']}/apply", {"conversation_id": huge}, "conversation_id"),
        ("/api/v1/messages", b'{"client_id": "c-hostile-2", "conversation_id": 1, "type": '
                             b'"template", "template": {"name": "x", "language": "de", '
                             b'"components": [{"type": "body", "parameters": [{"type": '
                             b'"currency", "currency": {"fallback_value": "1", "code": "EUR", '
                             b'"amount_1000": Infinity}}]}]}}', "Infinity"),
        ("/api/v1/messages", b'{"client_id": "c-hostile-3", "conversation_id": 1, "type": '
                             b'"template", "template": {"name": "x", "language": "de", '
                             b'"components": [{"type": "button", "index": NaN}]}}', "NaN"),
        ("/api/v1/messages", {"client_id": "c-hostile-4", "conversation_id": 1, "type": "text",
                              "text": {"body": "kaputt \ud83d"}}, "text.body"),
        ("/api/v1/conversations/1/notes", {"text": "\ud83d Notiz"}, "text"),
    ]
    before = relay_read(relay, _fingerprint)
    for path, body, named in cases:
        answer = post(path, body)
        assert answer.status_code == 400, (path, answer.text)
        assert named in answer.json()["error"]["message"], (path, answer.text)
    assert client.post("/api/v1/notes/1", headers=owner).status_code in (404, 405)
    assert client.delete(f"/api/v1/notes/{huge}", headers=owner).status_code == 404
    assert relay_read(relay, _fingerprint) == before
