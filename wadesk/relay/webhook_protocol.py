"""POST /webhook answered by the HTTP layer itself, without an ASGI request cycle.

At Meta's ceiling the relay takes thousands of webhooks a second on one core, and
uvicorn's ASGI cycle (a scope, a task, receive/send messages, two writes per answer)
cost about as much CPU as checking, parsing and storing the webhook. This protocol is
uvicorn's own httptools protocol with one addition: a plain `POST /webhook` is read
into bytes, handed to the intake's plain steps (intake.py: check_headers, accept,
the group-committed write, stored), and answered with one write when the COMMIT is
durable. No task is created; the writer's future calls back.

Everything else, and every webhook request that is not the plain case, takes uvicorn's
ordinary way to the same intake (RelayApp routes /webhook to it): GET/HEAD, a query
string, `Expect: 100-continue`, an upgrade, and a request pipelined behind another
one on the same connection (so answers stay in order). A refusal before the body is
complete (413, 415, a bad Content-Length) is answered at once and the connection
closed: its remaining bytes are not worth reading. Any request whose line and headers
exceed MAX_HEAD gets 431 and a closed connection (httptools has no limit of its own).

It relies on uvicorn's protocol attributes (`cycle`, `pipeline`, `url`, `headers`,
`parser`, `on_response_complete`); `protocol_for` checks they exist and otherwise
leaves uvicorn as it is. tests/relay/test_webhook_protocol.py drives it over TCP.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from wadesk.relay.intake import MAX_BODY, Reject, WebhookIntake, error_json, too_large

log = logging.getLogger("wadesk.relay.intake")

try:
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
except ImportError:  # httptools missing: uvicorn uses h11, and so do we
    HttpToolsProtocol = None  # type: ignore[assignment,misc]

_STATUS_LINES = {s.value: b"HTTP/1.1 %d %s\r\n" % (s.value, s.phrase.encode()) for s in HTTPStatus}
MAX_HEAD = 64 * 1024  # request line and headers (nginx's default allows 32 KB)
_NEEDED = ("on_message_begin", "on_url", "on_header", "on_headers_complete", "on_body", "on_message_complete",
           "on_response_complete", "connection_lost", "shutdown")


def protocol_for(intake: WebhookIntake | None) -> type | None:
    """uvicorn's `http=` protocol class with the webhook fast path, or None when this
    uvicorn has no httptools protocol of the expected shape."""
    if intake is None or HttpToolsProtocol is None:
        return None
    if not all(callable(getattr(HttpToolsProtocol, name, None)) for name in _NEEDED):
        log.warning("uvicorn's HTTP protocol changed; webhooks take the ASGI way")
        return None
    return type("WebhookHttpProtocol", (_WebhookFastPath,), {"intake": intake})


class _Pending:
    """The one webhook this connection is answering; stands in for uvicorn's cycle
    (uvicorn looks at `response_complete`, `disconnected`, `keep_alive` and sets
    `message_event`)."""

    __slots__ = ("headers", "chunks", "size", "keep_alive", "response_complete",
                 "disconnected", "refused")

    def __init__(self, headers: dict[bytes, bytes], keep_alive: bool) -> None:
        self.headers = headers
        self.chunks: list[bytes] = []
        self.size = 0
        self.keep_alive = keep_alive
        self.response_complete = False
        self.disconnected = False
        self.refused = False  # answered before the body was complete

    @property
    def message_event(self) -> _Pending:
        return self

    def set(self) -> None:  # message_event.set(): nobody waits on it here
        pass


class _WebhookFastPath(HttpToolsProtocol or object):  # type: ignore[misc]
    intake: WebhookIntake
    _head_size = 0
    _head_refused = False

    # A request line and headers of more than MAX_HEAD bytes get 431 and the connection
    # is closed (httptools itself sets no limit: a client could grow them without end).
    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._head_size = 0

    def on_url(self, url: bytes) -> None:
        if self._counted(len(url)):
            super().on_url(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        if self._counted(len(name) + len(value)):
            super().on_header(name, value)

    def _counted(self, size: int) -> bool:
        if self._head_refused:
            return False
        self._head_size += size
        if self._head_size <= MAX_HEAD:
            return True
        self._head_refused = True
        self.intake.ctx.stats["http_431"] += 1
        self._write(431, error_json("headers_too_large", "The request's headers are too large."),
                    b"application/json", keep_alive=False)
        return False

    def on_headers_complete(self) -> None:
        if self._head_refused:
            return
        parser = self.parser
        if (self.url != b"/webhook" or parser.get_method() != b"POST"
                or self.expect_100_continue or parser.should_upgrade()
                or (self.cycle is not None and not self.cycle.response_complete)):
            super().on_headers_complete()
            return
        keep_alive = parser.get_http_version() != "1.0" and parser.should_keep_alive()
        pending = _Pending(dict(self.headers), keep_alive)
        self.cycle = pending
        try:
            self.intake.check_headers(pending.headers)
        except Reject as rej:
            self._refuse_early(pending, rej)

    def on_body(self, body: bytes) -> None:
        if self._head_refused:
            return
        pending = self.cycle
        if type(pending) is not _Pending:
            super().on_body(body)
            return
        if pending.refused:
            return
        pending.size += len(body)
        if pending.size > MAX_BODY:
            self._refuse_early(pending, too_large())
            return
        pending.chunks.append(body)

    def on_message_complete(self) -> None:
        if self._head_refused:
            return
        pending = self.cycle
        if type(pending) is not _Pending:
            super().on_message_complete()
            return
        if pending.refused:
            return
        chunks = pending.chunks
        body = chunks[0] if len(chunks) == 1 else b"".join(chunks)
        pending.chunks = []
        intake = self.intake
        try:
            write = intake.accept(pending.headers, body)
        except Reject as rej:
            self._answer(pending, intake.refused(rej))
            return
        except Exception as exc:
            self._answer(pending, intake.refused(_unexpected(exc)))
            return
        if write is None:
            self._answer(pending, intake.ok())
            return
        try:
            future = intake.ctx.write_future(write)
        except Exception as exc:  # the relay is stopping
            self._answer(pending, intake.refused(intake.not_stored(exc)))
            return
        future.add_done_callback(lambda done: self._stored(pending, done))

    def _stored(self, pending: _Pending, done: Any) -> None:
        intake = self.intake
        if done.cancelled():
            answer = intake.refused(intake.not_stored(RuntimeError("cancelled")))
        elif (exc := done.exception()) is not None:
            answer = intake.refused(intake.not_stored(exc))
        else:
            try:
                intake.stored(done.result())
                answer = intake.ok()
            except Exception as exc:  # stored all the same; Meta's retry is a duplicate
                answer = intake.refused(_unexpected(exc))
        self._answer(pending, answer)

    def _refuse_early(self, pending: _Pending, rej: Reject) -> None:
        pending.refused = True
        pending.keep_alive = False
        self._answer(pending, self.intake.refused(rej))

    def _answer(self, pending: _Pending, answer: tuple[int, bytes, bytes]) -> None:
        status, body, ctype = answer
        pending.response_complete = True
        if not pending.disconnected:
            self._write(status, body, ctype, keep_alive=pending.keep_alive)

    def _write(self, status: int, body: bytes, ctype: bytes, *, keep_alive: bool) -> None:
        """One whole answer in one write; then the next request, or the connection closed."""
        transport = self.transport
        if transport.is_closing():
            return
        head = [_STATUS_LINES[status]]
        for name, value in self.server_state.default_headers:
            head += [name, b": ", value, b"\r\n"]
        head += [b"content-type: ", ctype, b"\r\ncontent-length: ",
                 str(len(body)).encode(), b"\r\n"]
        if not keep_alive:
            head.append(b"connection: close\r\n")
        head += [b"\r\n", body]
        transport.write(b"".join(head))
        if keep_alive:
            self.on_response_complete()
        else:
            transport.close()

def _unexpected(exc: BaseException) -> Reject:
    """As the ASGI app answers an unexpected error: logged by type, 500, no values."""
    log.error("unexpected error", extra={"path": "/webhook", "error": type(exc).__name__})
    return Reject(500, "internal", "Something went wrong on the relay; it has been logged.")
