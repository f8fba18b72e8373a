"""CloudClient under failures the simulator cannot produce: bodiless 5xx, broken JSON,
connection errors before and after sending, expired or tampered media, looping cursors,
and a server that echoes the token. httpx.MockTransport stands in for the network here;
the endpoints themselves are covered by the contract tests against the simulator.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable

import httpx
import pytest

from tests.cloud.conftest import TOKEN
from wadesk.cloud.client import CloudClient
from wadesk.cloud.errors import (
    CloudApiError,
    CloudError,
    CloudValidationError,
    MalformedResponseError,
    MediaError,
    OutcomeUnknownError,
    RequestNotSentError,
    TemporaryError,
    WindowClosedError,
)

pytestmark = pytest.mark.anyio

BASE = "http://127.0.0.1:8765"
PNID = "106540352242922"
SENT = {"messaging_product": "whatsapp", "contacts": [{"input": "4915112345678",
        "wa_id": "4915112345678"}], "messages": [{"id": "wamid.OUT1"}]}

Handler = Callable[[httpx.Request], httpx.Response]


def client(handler: Handler, **kw) -> CloudClient:
    return CloudClient(TOKEN, phone_number_id=PNID, waba_id="102290129340398", base_url=BASE,
                       transport=httpx.MockTransport(handler), **kw)


def raising(exc_type: type[httpx.HTTPError]) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        raise exc_type("simulated", request=request)
    return handler


def assert_no_token(error: BaseException) -> None:
    for text in (str(error), repr(error), str(error.args), str(vars(error))):
        assert TOKEN not in text
    assert error.__cause__ is None or TOKEN not in repr(error.__cause__)


async def test_requests_carry_bearer_and_versioned_path() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=SENT)

    async with client(handler, api_version="v26.0") as c:
        result = await c.send_text("4915112345678", "Hallo")
    assert result.wamid == "wamid.OUT1"
    assert str(seen[0].url) == f"{BASE}/v26.0/{PNID}/messages"
    assert seen[0].headers["authorization"] == f"Bearer {TOKEN}"
    assert seen[0].headers["user-agent"].startswith("wadesk/")
    assert TOKEN not in repr(seen[0].headers)  # httpx masks it; our logs never print it


async def test_5xx_without_body_is_temporary_with_retry_after() -> None:
    async with client(lambda r: httpx.Response(503, headers={"Retry-After": "12"})) as c:
        with pytest.raises(TemporaryError) as info:
            await c.send_text("4915112345678", "Hallo")
    assert info.value.retryable and info.value.retry_after == 12.0
    assert info.value.http_status == 503 and info.value.code is None


async def test_html_error_page_is_temporary() -> None:
    page = httpx.Response(502, text="<html><body>Bad Gateway</body></html>",
                          headers={"content-type": "text/html"})
    async with client(lambda r: page) as c:
        with pytest.raises(TemporaryError):
            await c.get_phone_number()


async def test_meta_error_maps_by_code_even_with_odd_status() -> None:
    error = {"error": {"message": "(#131047) Re-engagement message", "type": "OAuthException",
                       "code": 131047, "error_data": {"details": "24 hours"},
                       "fbtrace_id": "Az8"}}
    async with client(lambda r: httpx.Response(500, json=error)) as c:
        with pytest.raises(WindowClosedError) as info:
            await c.send_text("4915112345678", "Hallo")
    assert info.value.http_status == 500 and info.value.fbtrace_id == "Az8"
    assert not info.value.retryable


@pytest.mark.parametrize("response", [
    httpx.Response(200, text="{not json"),
    httpx.Response(200, text="[1, 2]"),
    httpx.Response(200, content=b"\xff\xfe\x00"),
    httpx.Response(200, json={"messaging_product": "whatsapp"}),
], ids=["broken", "array", "binary", "no-wamid"])
async def test_malformed_success_on_send_is_outcome_unknown(response: httpx.Response) -> None:
    async with client(lambda r: response) as c:
        with pytest.raises(MalformedResponseError) as info:
            await c.send_text("4915112345678", "Hallo")
    assert isinstance(info.value, OutcomeUnknownError) and not info.value.retryable


async def test_success_false_is_not_taken_for_success() -> None:
    async with client(lambda r: httpx.Response(200, json={"success": False})) as c:
        with pytest.raises(MalformedResponseError):
            await c.mark_read("wamid.IN1")


@pytest.mark.parametrize("exc_type", [httpx.ConnectError, httpx.ConnectTimeout,
                                      httpx.PoolTimeout])
async def test_failure_before_sending_is_safe_to_retry(exc_type) -> None:
    async with client(raising(exc_type)) as c:
        with pytest.raises(RequestNotSentError) as info:
            await c.send_text("4915112345678", "Hallo")
    assert info.value.retryable and isinstance(info.value, TemporaryError)
    assert info.value.__cause__ is None


@pytest.mark.parametrize("exc_type", [httpx.ReadTimeout, httpx.WriteTimeout,
                                      httpx.RemoteProtocolError, httpx.ReadError])
async def test_failure_after_sending_is_outcome_unknown(exc_type) -> None:
    async with client(raising(exc_type)) as c:
        with pytest.raises(OutcomeUnknownError) as info:
            await c.send_text("4915112345678", "Hallo")
    assert not info.value.retryable
    assert not isinstance(info.value, TemporaryError)


async def test_lost_answer_to_a_read_may_be_retried() -> None:
    async with client(raising(httpx.ReadTimeout)) as c:
        with pytest.raises(OutcomeUnknownError) as info:
            await c.get_phone_number()
    assert info.value.retryable


async def test_media_redirect_is_followed_without_the_token() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path == "/v25.0/555":
            return info("https://lookaside.fbsbx.example/m", b"jpeg")
        if request.url.host == "lookaside.fbsbx.example":
            return httpx.Response(302, headers={"location": "https://cdn.fbcdn.example/m"})
        return httpx.Response(200, content=b"jpeg")

    async with client(handler) as c:
        assert (await c.download_media("555")).content == b"jpeg"
    assert [r.url.host for r in seen] == ["127.0.0.1", "lookaside.fbsbx.example",
                                          "cdn.fbcdn.example"]
    assert "authorization" in seen[1].headers and "authorization" not in seen[2].headers


async def test_token_never_appears_in_reprs_errors_or_logs(caplog) -> None:
    caplog.set_level(logging.DEBUG)
    echo = {"error": {"message": f"Invalid OAuth access token - {TOKEN}", "code": 190,
                      "error_data": {"details": f"token {TOKEN} expired"},
                      "fbtrace_id": "Tr1"}}
    scenarios: list[Handler] = [
        lambda r: httpx.Response(401, json=echo),
        lambda r: httpx.Response(400, text=f"plain {TOKEN}"),
        lambda r: httpx.Response(503),
        lambda r: httpx.Response(200, text=f"{{oops {TOKEN}"),
        raising(httpx.ConnectError),
        raising(httpx.ReadTimeout),
    ]
    errors: list[CloudError] = []
    for handler in scenarios:
        c = client(handler)
        assert TOKEN not in repr(c) and TOKEN not in str(c) and TOKEN not in repr(vars(c))
        assert TOKEN not in repr(vars(c._t))
        async with c:
            with pytest.raises(CloudError) as info:
                await c.send_text("4915112345678", "Geheimer Kundentext")
            errors.append(info.value)
    for kwargs in ({"base_url": "ftp://x"}, {"api_version": "25"}):
        with pytest.raises(CloudValidationError) as bad:
            CloudClient(TOKEN, **kwargs)
        errors.append(bad.value)
    for error in errors:
        assert_no_token(error)
    assert "<redacted>" in errors[0].message and "<redacted>" in errors[0].details
    log_text = "\n".join(r.getMessage() for r in caplog.records)
    assert caplog.records and TOKEN not in log_text
    assert "Geheimer Kundentext" not in log_text and "4915112345678" not in log_text


def media_handler(responses: dict[str, list[httpx.Response]], seen: list[str]) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(f"{request.method} {request.url.path}")
        return responses[request.url.path].pop(0)
    return handler


def info(url: str, data: bytes, sha: str | None = None) -> httpx.Response:
    return httpx.Response(200, json={"messaging_product": "whatsapp", "url": url,
                                     "mime_type": "image/jpeg", "file_size": len(data),
                                     "sha256": sha or hashlib.sha256(data).hexdigest(),
                                     "id": "555"})


async def test_expired_media_url_is_refreshed_once() -> None:
    data = b"\xff\xd8 jpeg bytes"
    seen: list[str] = []
    responses = {
        "/v25.0/555": [info(f"{BASE}/media/old", data), info(f"{BASE}/media/new", data)],
        "/media/old": [httpx.Response(404)],
        "/media/new": [httpx.Response(200, content=data)],
    }
    async with client(media_handler(responses, seen)) as c:
        downloaded = await c.download_media("555")
    assert downloaded.content == data and downloaded.info.url.endswith("/new")
    assert seen == ["GET /v25.0/555", "GET /media/old", "GET /v25.0/555", "GET /media/new"]


async def test_media_host_answering_a_web_page() -> None:
    page = httpx.Response(200, text="<html>Browser not supported</html>",
                          headers={"content-type": "text/html; charset=utf-8"})
    responses = {"/v25.0/555": [info(f"{BASE}/m", b"x")], "/m": [page]}
    async with client(media_handler(responses, [])) as c:
        with pytest.raises(MediaError, match="web page") as error:
            await c.download_media("555")
    assert error.value.retryable


async def test_media_404_twice_gives_up() -> None:
    responses = {"/v25.0/555": [info(f"{BASE}/m", b"x"), info(f"{BASE}/m", b"x")],
                 "/m": [httpx.Response(404), httpx.Response(404)]}
    async with client(media_handler(responses, [])) as c:
        with pytest.raises(CloudApiError) as error:
            await c.download_media("555")
    assert error.value.http_status == 404


async def test_media_checksum_mismatch() -> None:
    responses = {"/v25.0/555": [info(f"{BASE}/m", b"x", sha=hashlib.sha256(b"y").hexdigest())],
                 "/m": [httpx.Response(200, content=b"x")]}
    async with client(media_handler(responses, [])) as c:
        with pytest.raises(MediaError, match="sha256"):
            await c.download_media("555")


async def test_media_larger_than_allowed() -> None:
    responses = {"/v25.0/555": [httpx.Response(200, json={"url": f"{BASE}/m", "id": "555"})],
                 "/m": [httpx.Response(200, content=b"z" * 2048)]}
    async with client(media_handler(responses, [])) as c:
        with pytest.raises(MediaError):
            await c.download_media("555", max_bytes=1024)


async def test_token_is_never_sent_to_a_foreign_plain_http_host() -> None:
    seen: list[str] = []
    responses = {"/v25.0/555": [info("http://evil.example/m", b"x")]}
    async with client(media_handler(responses, seen)) as c:
        with pytest.raises(CloudValidationError):
            await c.download_media("555")
    assert seen == ["GET /v25.0/555"]


async def test_template_iterator_stops_on_a_repeating_cursor() -> None:
    calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        return httpx.Response(200, json={
            "data": [{"id": str(calls), "name": f"t{calls}", "status": "APPROVED"}],
            "paging": {"cursors": {"after": "SAME"}, "next": f"{BASE}/next"}})

    async with client(handler) as c:
        names = [t.name async for t in c.iter_templates()]
    assert names == ["t1", "t2"] and calls == 2


async def test_shared_http_client_is_left_open() -> None:
    shared = httpx.AsyncClient(transport=httpx.MockTransport(
        lambda r: httpx.Response(200, json={"success": True})))
    async with CloudClient(TOKEN, phone_number_id=PNID, base_url=BASE, http_client=shared) as c:
        await c.mark_read("wamid.IN1")
    assert not shared.is_closed
    await shared.aclose()


async def test_missing_ids_fail_locally() -> None:
    async with CloudClient(TOKEN, base_url=BASE,
                           transport=httpx.MockTransport(lambda r: httpx.Response(500))) as c:
        with pytest.raises(CloudValidationError, match="phone_number_id"):
            await c.send_text("4915112345678", "x")
        with pytest.raises(CloudValidationError, match="media_id"):
            await c.get_media_info("../../me")
        with pytest.raises(CloudValidationError, match="app_id"):
            await c.upload_profile_photo(b"\xff\xd8", "image/jpeg")
