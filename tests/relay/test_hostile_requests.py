"""10,000 random and hostile requests: bad JSON, wrong signatures, huge headers, wrong
methods and content types, bodies over 3 MB, garbage HTTP, bad tokens. Not one 5xx,
and nothing stored."""

from __future__ import annotations

import asyncio
import json
import random

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
    assert set(results["wrong_secret"]) == {403} and set(results["unsigned"]) == {401}
    assert set(results["bad_json"]) == {400} and set(results["content_type"]) == {415}
    assert set(results["method"]) <= {400, 405}  # 400: a method HTTP does not even know
    assert all(s == "closed" or 400 <= s < 500 for s in results["garbage_http"])
    assert set(results["api_auth"]) <= {400, 401, 404, 405}
    # Nothing stored: no event, no contact, no conversation, no message.
    assert all_events(relay) == []
    state = relay_read(relay, dump_state)
    assert {table: rows for table, rows in state.items() if rows} == {}
    assert client.get("/healthz").json()["status"] == "ok"
