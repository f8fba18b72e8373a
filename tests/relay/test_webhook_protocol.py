"""POST /webhook answered by the HTTP layer (webhook_protocol.py), over raw TCP.

What a client sees must be what uvicorn's ASGI way gives, in every case the shortcut
leaves to it or takes itself: keep-alive, requests pipelined behind a webhook (answers
in order), an early refusal (the connection closed after it), HTTP/1.0, Expect:
100-continue, and a client that goes away before its answer.
"""

from __future__ import annotations

import json
import socket
from typing import Any

import pytest

from tests.relay.conftest import all_events, signed, wait_for
from tests.relay.payloads import text_message
from wadesk.relay import webhook_protocol
from wadesk.relay.server import uvicorn_config


def _webhook(wamid: str, *, extra_headers: str = "", version: str = "1.1") -> bytes:
    body, headers = signed(text_message(wamid))
    head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    return (f"POST /webhook HTTP/{version}\r\nHost: relay\r\n{head}{extra_headers}"
            f"Content-Length: {len(body)}\r\n\r\n").encode() + body


def _connect(relay: Any) -> socket.socket:
    host, port = relay.base_url.removeprefix("http://").rsplit(":", 1)
    sock = socket.create_connection((host, int(port)), timeout=10)
    return sock


def _responses(sock: socket.socket, count: int) -> list[tuple[int, dict[str, str], bytes]]:
    """Read `count` whole responses (Content-Length framed) from the socket."""
    buffer = b""
    out: list[tuple[int, dict[str, str], bytes]] = []
    while len(out) < count:
        while b"\r\n\r\n" not in buffer:
            chunk = sock.recv(65536)
            if not chunk:
                raise ConnectionError(f"closed after {len(out)} responses")
            buffer += chunk
        head, buffer = buffer.split(b"\r\n\r\n", 1)
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {k.lower(): v.strip() for k, v in (line.split(":", 1) for line in lines[1:])}
        if status == 100:
            continue
        length = int(headers.get("content-length", "0"))
        while len(buffer) < length:
            buffer += sock.recv(65536)
        out.append((status, headers, buffer[:length]))
        buffer = buffer[length:]
    return out


def _closed(sock: socket.socket) -> bool:
    try:
        return sock.recv(1) == b""
    except (ConnectionResetError, TimeoutError):
        return True


def _stored_wamids(relay: Any) -> list[str]:
    return [e.payload.get("wamid") for e in all_events(relay) if e.kind == "message.in"]


def test_the_relay_serves_webhooks_with_the_shortcut():
    assert webhook_protocol.HttpToolsProtocol is not None  # httptools is a dependency
    intake = object.__new__(webhook_protocol.WebhookIntake)
    app = type("App", (), {"webhook": intake})()
    config = type("C", (), {"tls_certfile": None, "tls_keyfile": None})()
    http = uvicorn_config(app, config).http  # type: ignore[arg-type]
    assert isinstance(http, type) and http.intake is intake


def test_keep_alive_webhooks_are_each_stored_and_answered_200(relay):
    with _connect(relay) as sock:
        for n in range(3):
            sock.sendall(_webhook(f"wamid.KA{n}"))
            [(status, headers, body)] = _responses(sock, 1)
            assert status == 200 and body == b"" and "connection" not in headers
    assert sorted(_stored_wamids(relay)) == ["wamid.KA0", "wamid.KA1", "wamid.KA2"]


def test_pipelined_requests_are_answered_in_order(relay):
    """A webhook, a bad webhook, a health check and another webhook in one send."""
    bad = _webhook("wamid.PX").replace(b"sha256=", b"sha256=0", 1)
    with _connect(relay) as sock:
        sock.sendall(_webhook("wamid.P1") + bad + b"GET /healthz HTTP/1.1\r\nHost: relay\r\n\r\n"
                     + _webhook("wamid.P2"))
        answers = _responses(sock, 4)
    assert [status for status, _, _ in answers] == [200, 403, 200, 200]
    assert "status" in json.loads(answers[2][2])  # the health check's own answer
    assert sorted(_stored_wamids(relay)) == ["wamid.P1", "wamid.P2"]


def test_a_body_announced_over_3_mb_is_refused_at_once_and_the_connection_closed(relay):
    with _connect(relay) as sock:
        sock.sendall(b"POST /webhook HTTP/1.1\r\nHost: relay\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 4000000\r\n\r\n{")
        [(status, headers, body)] = _responses(sock, 1)
        assert status == 413 and headers["connection"] == "close"
        assert json.loads(body)["error"]["code"] == "too_large"
        assert _closed(sock)
    assert _stored_wamids(relay) == []


def test_a_chunked_body_over_3_mb_is_refused_while_it_streams(relay):
    chunk = b"x" * 1_000_000
    with _connect(relay) as sock:
        sock.sendall(b"POST /webhook HTTP/1.1\r\nHost: relay\r\nContent-Type: application/json\r\n"
                     b"Transfer-Encoding: chunked\r\n\r\n")
        try:
            for _ in range(4):
                sock.sendall(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # refused and closed while we were still sending: also right
        [(status, _, body)] = _responses(sock, 1)
        assert status == 413 and json.loads(body)["error"]["code"] == "too_large"


@pytest.mark.parametrize("path", ["/webhook", "/healthz"])
def test_headers_beyond_64_kb_get_431_and_a_closed_connection(relay, path):
    filler = "X-Filler: " + "a" * 70_000 + "\r\n"
    with _connect(relay) as sock:
        sock.sendall(_webhook("wamid.BIG", extra_headers=filler).replace(b"/webhook", path.encode(), 1))
        [(status, headers, body)] = _responses(sock, 1)
        assert status == 431 and headers["connection"] == "close"
        assert json.loads(body)["error"]["code"] == "headers_too_large"
        assert _closed(sock)
    with _connect(relay) as sock:  # 40 KB of headers are still fine
        sock.sendall(_webhook("wamid.OK", extra_headers="X-Filler: " + "a" * 40_000 + "\r\n"))
        assert _responses(sock, 1)[0][0] == 200
    assert _stored_wamids(relay) == ["wamid.OK"]


def test_a_wrong_content_type_is_refused_and_stores_nothing(relay):
    request = _webhook("wamid.CT").replace(b"Content-Type: application/json",
                                           b"Content-Type: text/plain")
    with _connect(relay) as sock:
        sock.sendall(request)
        [(status, _, body)] = _responses(sock, 1)
    assert status == 415 and json.loads(body)["error"]["code"] == "unsupported_media_type"
    assert _stored_wamids(relay) == []


def test_http_1_0_is_answered_and_closed(relay):
    with _connect(relay) as sock:
        sock.sendall(_webhook("wamid.H10", version="1.0"))
        [(status, headers, _)] = _responses(sock, 1)
        assert status == 200 and headers["connection"] == "close"
        assert _closed(sock)
    assert _stored_wamids(relay) == ["wamid.H10"]


def test_expect_100_continue_takes_the_asgi_way_and_is_stored(relay):
    request = _webhook("wamid.E100", extra_headers="Expect: 100-continue\r\n")
    head, body = request.split(b"\r\n\r\n", 1)
    with _connect(relay) as sock:
        sock.sendall(head + b"\r\n\r\n")
        assert sock.recv(64).startswith(b"HTTP/1.1 100")
        sock.sendall(body)
        [(status, _, _)] = _responses(sock, 1)
    assert status == 200 and _stored_wamids(relay) == ["wamid.E100"]


def test_a_client_gone_before_its_answer_loses_nothing(relay):
    with _connect(relay) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        sock.sendall(_webhook("wamid.GONE"))
    # stored all the same (Meta would deliver it again; the duplicate is dropped) ...
    wait_for(lambda: _stored_wamids(relay) == ["wamid.GONE"])
    # ... and the relay goes on answering
    with _connect(relay) as sock:
        sock.sendall(_webhook("wamid.AFTER"))
        assert _responses(sock, 1)[0][0] == 200


@pytest.mark.parametrize(("path", "expected"), [(b"/webhook?x=1", 200), (b"/webhook/", 307)])
def test_other_paths_take_the_asgi_way(relay, path, expected):
    """A query string reaches the intake the ASGI way; /webhook/ is redirected there."""
    request = _webhook("wamid.Q").replace(b"POST /webhook ", b"POST " + path + b" ", 1)
    with _connect(relay) as sock:
        sock.sendall(request)
        [(status, _, _)] = _responses(sock, 1)
    assert status == expected
    assert _stored_wamids(relay) == (["wamid.Q"] if expected == 200 else [])


def test_a_failing_after_store_hook_still_answers_200(relay, caplog):
    """The webhook is committed before the hooks run: Meta must not be told otherwise."""
    def broken(stored):
        raise RuntimeError("a bug in a hook")

    relay.ctx.intake.after_store.append(broken)
    try:
        with _connect(relay) as sock:
            sock.sendall(_webhook("wamid.HOOK"))
            assert _responses(sock, 1)[0][0] == 200
    finally:
        relay.ctx.intake.after_store.remove(broken)
    assert _stored_wamids(relay) == ["wamid.HOOK"]
    assert relay.ctx.stats["webhook_hook_failed"] == 1
    assert "after-store hook failed" in caplog.text
