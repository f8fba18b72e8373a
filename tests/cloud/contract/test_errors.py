"""Every error family of wadesk.cloud.errors that the simulator can produce, raised by
the real client from real answers: the right class, code, retry decision, and what the
simulator did (or did not do) about the request."""

from __future__ import annotations

import socket
from collections.abc import Callable
from typing import Any

import pytest

from tests.cloud.contract.conftest import Sim, eventually, network
from wadesk.cloud import CloudClient, CloudValidationError
from wadesk.cloud.errors import (
    AuthenticationError,
    BadRequestError,
    CloudApiError,
    MediaError,
    OutcomeUnknownError,
    PairRateLimitError,
    RequestNotSentError,
    TemplateError,
    TemporaryError,
    ThroughputLimitError,
    UndeliverableError,
    family_for_code,
)
from wadesk.cloud.interactive import Buttons, ListMessage, ListRow, ListSection, ReplyButton
from wadesk.cloud.messages import Image, Recipient, Text, build_message_body
from wadesk.cloud.template_messages import (
    MediaParameter,
    TemplateComponent,
    TemplateMessage,
    TextParameter,
)
from wadesk.sim.samples import sample_bytes

pytestmark = pytest.mark.anyio


def outbox_of(sim: Sim, wa_id: str) -> list[dict[str, Any]]:
    return sim.ctl("GET", "/messages", customer=wa_id)["data"]


def assert_meta_error(error: CloudApiError, family: type[CloudApiError], code: int,
                      http_status: int = 400) -> None:
    assert type(error) is family, repr(error)
    assert family_for_code(code) is family
    assert (error.code, error.http_status) == (code, http_status)
    assert error.fbtrace_id and error.message


# -- authentication ---------------------------------------------------------------------


async def test_wrong_token(sim: Sim) -> None:
    wrong = "EAAGthisisnotthetoken0000000000"
    async with sim.client(token=wrong) as client:
        with pytest.raises(AuthenticationError) as caught:
            await client.send_text(sim.new_customer(), "Hallo")
    assert_meta_error(caught.value, AuthenticationError, 190, 401)
    assert not caught.value.retryable
    for text in (str(caught.value), repr(caught.value), repr(caught.value.raw)):
        assert wrong not in text


async def test_token_expires_mid_session(sim: Sim) -> None:
    wa_id, _ = sim.chatting()
    async with sim.client() as client:
        await client.send_text(wa_id, "Das geht noch")
        sim.fault("expire_token")
        with pytest.raises(AuthenticationError) as caught:
            await client.send_text(wa_id, "Das nicht mehr")
        assert_meta_error(caught.value, AuthenticationError, 190, 401)
        assert caught.value.subcode == 463  # "session has expired"
        with pytest.raises(AuthenticationError):  # every call, not only sends
            await client.get_phone_number()
        new_token = sim.ctl("POST", "/token", {})["access_token"]
        with pytest.raises(AuthenticationError) as again:  # the old token stays dead
            await client.get_phone_number()
        assert again.value.subcode == 463
    async with sim.client(token=new_token) as renewed:
        await renewed.send_text(wa_id, "Mit neuem Token")
    assert [m["text"] for m in outbox_of(sim, wa_id)] == ["Das geht noch", "Mit neuem Token"]


async def test_token_lifetime_runs_out_on_the_simulated_clock(sim: Sim) -> None:
    sim.fault("expire_token", in_seconds=3600)
    async with sim.client() as client:
        await client.get_phone_number()
        sim.advance(3601)
        with pytest.raises(AuthenticationError) as caught:
            await client.get_phone_number()
    assert caught.value.subcode == 463
    sim.ctl("POST", "/token", {})  # a fresh token for the tests that follow


async def test_rotated_token_answers_expired(sim: Sim) -> None:
    async with sim.client() as client:
        await client.get_phone_number()
        sim.ctl("POST", "/token", {})
        with pytest.raises(AuthenticationError) as caught:
            await client.get_phone_number()
    assert caught.value.subcode == 463


# -- bad requests -----------------------------------------------------------------------


async def test_unknown_phone_number_id(sim: Sim, client: CloudClient) -> None:
    with pytest.raises(BadRequestError) as caught:
        await client.send_text(sim.new_customer(), "Hallo", phone_number_id="100000000000001")
    assert_meta_error(caught.value, BadRequestError, 100)
    assert caught.value.subcode == 33
    with pytest.raises(BadRequestError):
        await client.get_phone_number(phone_number_id="100000000000001")


def _buttons(titles: list[str]) -> dict[str, Any]:
    return {"type": "button", "body": {"text": "Wann?"}, "action": {"buttons": [
        {"type": "reply", "reply": {"id": f"b{i}", "title": t}} for i, t in enumerate(titles)]}}


def _list(rows: int) -> dict[str, Any]:
    return {"type": "list", "body": {"text": "Was?"}, "action": {"button": "Auswahl", "sections": [
        {"title": "Alles", "rows": [{"id": f"r{i}", "title": f"Zeile {i}"} for i in range(rows)]}]}}


# (name, what the typed API would be asked to build, the raw body part, Meta's code)
TOO_LONG: list[tuple[str, Callable[[], Any], dict[str, Any], int]] = [
    ("text body", lambda: Text("x" * 4097), {"type": "text", "text": {"body": "x" * 4097}}, 100),
    ("caption", lambda: Image(link="https://x.de/a.jpg", caption="c" * 1025),
     {"type": "image", "image": {"link": "https://x.de/a.jpg", "caption": "c" * 1025}}, 100),
    ("callback data", None, {"type": "text", "text": {"body": "Hallo"},
                             "biz_opaque_callback_data": "d" * 513}, 100),
    ("button title", lambda: ReplyButton("b0", "t" * 21),
     {"type": "interactive", "interactive": _buttons(["t" * 21])}, 131009),
    ("four buttons", lambda: Buttons("Wann?", tuple(ReplyButton(f"b{i}", "Tag") for i in range(4))),
     {"type": "interactive", "interactive": _buttons(["Mo", "Di", "Mi", "Do"])}, 131009),
    ("eleven rows", lambda: ListMessage("Was?", "Auswahl", (ListSection(tuple(
        ListRow(f"r{i}", f"Zeile {i}") for i in range(11)), "Alles"),)),
     {"type": "interactive", "interactive": _list(11)}, 131009),
    ("interactive body", lambda: Buttons("b" * 1025, (ReplyButton("a", "A"),)),
     {"type": "interactive", "interactive": {**_buttons(["A"]), "body": {"text": "b" * 1025}}},
     131009),
    ("footer", lambda: Buttons("Wann?", (ReplyButton("a", "A"),), footer="f" * 61),
     {"type": "interactive", "interactive": {**_buttons(["A"]), "footer": {"text": "f" * 61}}},
     131009),
]


@pytest.mark.parametrize("name,typed,raw,code", TOO_LONG, ids=[t[0] for t in TOO_LONG])
async def test_over_long_fields(sim: Sim, client: CloudClient, name: str,
                                typed: Callable[[], Any] | None, raw: dict[str, Any],
                                code: int) -> None:
    """The client refuses them locally without a call; sent raw, the simulator answers
    with Meta's code, and both map to BadRequestError."""
    wa_id, _ = sim.chatting()
    calls = sim.graph_calls()
    with pytest.raises(CloudValidationError):
        if typed is None:
            build_message_body(Recipient.of(wa_id), Text("Hallo"), callback_data="d" * 513)
        else:
            typed()
    assert sim.graph_calls() == calls
    body = {"messaging_product": "whatsapp", "recipient_type": "individual", "to": wa_id, **raw}
    with pytest.raises(BadRequestError) as caught:
        await client.send_payload(body)
    assert_meta_error(caught.value, BadRequestError, code)
    assert caught.value.details and not caught.value.retryable
    assert outbox_of(sim, wa_id) == []


async def test_sender_is_recipient(sim: Sim, client: CloudClient) -> None:
    with pytest.raises(UndeliverableError) as caught:
        await client.send_text("+49 30 1234567", "An mich selbst")
    assert_meta_error(caught.value, UndeliverableError, 131021)
    assert not caught.value.retryable


async def test_unknown_code_is_a_generic_error(sim: Sim, client: CloudClient) -> None:
    with pytest.raises(CloudApiError) as caught:
        await client.call("GET", f"{sim.pid}/no_such_edge")
    error = caught.value
    assert type(error) is CloudApiError
    assert (error.code, error.http_status, error.retryable) == (2500, 400, False)
    assert error.fbtrace_id and "no_such_edge" in error.message


# -- templates --------------------------------------------------------------------------


def reminder(*components: TemplateComponent, language: str = "de") -> TemplateMessage:
    return TemplateMessage("appointment_reminder", language, components)


BODY3 = TemplateComponent.body(TextParameter("Jonas"), TextParameter("12.05."), TextParameter("10:30"))
TEMPLATE_ERRORS = [
    ("too few body parameters", TemplateMessage("order_ready", "de", (
        TemplateComponent.body(TextParameter("Jonas")),)), 132000),
    ("missing header parameter", reminder(BODY3), 132000),
    ("unknown name", TemplateMessage("does_not_exist", "de"), 132001),
    ("unknown language", TemplateMessage("order_ready", "fr"), 132001),
    ("not approved yet", TemplateMessage("spring_check", "de"), 132001),
    ("rejected", TemplateMessage("winter_storage", "de"), 132001),
    ("wrong header format", reminder(TemplateComponent.header(
        MediaParameter("image", link="https://x.de/a.jpg")), BODY3), 132012),
    ("too long once filled", TemplateMessage("order_ready", "de", (TemplateComponent.body(
        TextParameter("J" * 1000), TextParameter("R-1")),)), 132005),
    ("paused", TemplateMessage("review_request", "en", (
        TemplateComponent.body(TextParameter("Emma")),)), 132015),
]


@pytest.mark.parametrize("name,message,code", TEMPLATE_ERRORS, ids=[t[0] for t in TEMPLATE_ERRORS])
async def test_template_errors(sim: Sim, client: CloudClient, name: str, message: TemplateMessage,
                               code: int) -> None:
    to = sim.new_customer()
    with pytest.raises(TemplateError) as caught:
        await client.send(to, message)
    assert_meta_error(caught.value, TemplateError, code)
    assert outbox_of(sim, to) == []


async def test_disabled_template(sim: Sim, client: CloudClient) -> None:
    sim.ctl("POST", "/templates/1023456789012303/status", {"status": "DISABLED"})  # order_ready en
    with pytest.raises(TemplateError) as caught:
        await client.send(sim.new_customer(), TemplateMessage("order_ready", "en", (
            TemplateComponent.body(TextParameter("Emma"), TextParameter("R-1")),)))
    assert caught.value.code == 132016


# -- media ------------------------------------------------------------------------------


@pytest.mark.parametrize("data,mime", [
    (b"PK\x03\x04 not really a zip", "application/zip"),
    (sample_bytes("kaufbeleg.pdf"), "image/jpeg"),  # the content is not what it claims
    (b"", "image/png"),
], ids=["unsupported type", "content mismatch", "empty"])
async def test_media_upload_errors(sim: Sim, client: CloudClient, data: bytes, mime: str) -> None:
    calls = sim.graph_calls()
    if mime == "application/zip" or not data:
        with pytest.raises(CloudValidationError):  # checked locally by default
            await client.upload_media(data, mime)
        assert sim.graph_calls() == calls
    with pytest.raises(MediaError) as caught:
        await client.upload_media(data, mime, check_type=False)
    assert_meta_error(caught.value, MediaError, 131053)


async def test_static_sticker_over_100_kb(client: CloudClient) -> None:
    """The client only knows the animated limit (500 KB); Meta checks the static one."""
    big = b"RIFF" + (200_000).to_bytes(4, "little") + b"WEBPVP8 " + b"\x00" * 200_000
    with pytest.raises(MediaError) as caught:
        await client.upload_media(big, "image/webp")
    assert caught.value.code == 131053


# -- limits -----------------------------------------------------------------------------


async def test_throughput_limit(sim: Sim, client: CloudClient) -> None:
    first, _ = sim.chatting()
    second, _ = sim.chatting()
    sim.limits(throughput=0.001)  # one message now, the next in 1000 s
    try:
        await client.send_text(first, "Eins")
        with pytest.raises(ThroughputLimitError) as caught:
            await client.send_text(second, "Zwei")
    finally:
        sim.limits(throughput=80)
    assert_meta_error(caught.value, ThroughputLimitError, 130429)
    assert caught.value.retryable and caught.value.retry_after == 1.0
    assert outbox_of(sim, second) == []
    await client.send_text(second, "Zwei, später")


async def test_pair_rate_limit(sim: Sim, client: CloudClient) -> None:
    busy, _ = sim.chatting()
    other, _ = sim.chatting()
    sim.limits(pair_rate_burst=1, pair_rate_interval=3600)
    try:
        await client.send_text(busy, "Eins")
        with pytest.raises(PairRateLimitError) as caught:
            await client.send_text(busy, "Zwei")
        await client.send_text(other, "Andere Kundin: kein Problem")
    finally:
        sim.limits(pair_rate_burst=1000, pair_rate_interval=6.0)
    assert_meta_error(caught.value, PairRateLimitError, 131056)
    assert caught.value.retryable and caught.value.retry_after == 4.0
    assert [m["text"] for m in outbox_of(sim, busy)] == ["Eins"]


# -- Meta unwell, network trouble -------------------------------------------------------


@pytest.mark.parametrize("status,code", [(500, 131000), (503, 2)])
async def test_5xx_is_temporary_and_nothing_happened(sim: Sim, client: CloudClient, status: int,
                                                     code: int) -> None:
    wa_id, _ = sim.chatting()
    sim.fault("http_error", status=status)
    with pytest.raises(TemporaryError) as caught:
        await client.send_text(wa_id, "Erster Versuch")
    assert_meta_error(caught.value, TemporaryError, code, status)
    assert caught.value.retryable
    assert outbox_of(sim, wa_id) == []
    await client.send_text(wa_id, "Zweiter Versuch")  # the fault is used up
    assert [m["text"] for m in outbox_of(sim, wa_id)] == ["Zweiter Versuch"]


@pytest.mark.parametrize("endpoint", ["phone", "media", "profile", "templates", "waba"])
async def test_5xx_on_other_endpoints(sim: Sim, client: CloudClient, endpoint: str) -> None:
    sim.fault("http_error", endpoint=endpoint)
    calls = {
        "phone": lambda: client.get_phone_number(),
        "media": lambda: client.upload_media(sample_bytes("hinterrad.jpg"), "image/jpeg"),
        "profile": lambda: client.get_business_profile(),
        "templates": lambda: client.list_templates_page(),
        "waba": lambda: client.get_analytics(1_700_000_000, 1_700_003_600),
    }
    with pytest.raises(TemporaryError):
        await calls[endpoint]()
    await calls[endpoint]()


async def test_slow_answer_within_the_timeout_is_temporary(sim: Sim, client: CloudClient) -> None:
    wa_id, _ = sim.chatting()
    sim.fault("timeout", seconds=0.05)  # hangs, then 503 "service unavailable"
    with pytest.raises(TemporaryError) as caught:
        await client.send_text(wa_id, "Hallo")
    assert (caught.value.code, caught.value.http_status) == (2, 503)
    assert outbox_of(sim, wa_id) == []


async def test_timeout_of_a_send_is_outcome_unknown(sim: Sim) -> None:
    """The request left: the client cannot know that the simulator did nothing, so it
    must not call it retryable (a blind retry could double-send)."""
    wa_id, _ = sim.chatting()
    sim.fault("timeout", seconds=0.8)
    async with sim.client(timeout=0.25) as client:
        with pytest.raises(OutcomeUnknownError) as caught:
            await client.send_text(wa_id, "Hallo")
    assert not caught.value.retryable
    assert outbox_of(sim, wa_id) == []  # this fault really did nothing


async def test_timeout_of_a_read_is_outcome_unknown_but_retryable(sim: Sim) -> None:
    sim.fault("timeout", seconds=0.8, endpoint="phone")
    async with sim.client(timeout=0.25) as client:
        with pytest.raises(OutcomeUnknownError) as caught:
            await client.get_phone_number()
        assert caught.value.retryable
        await client.get_phone_number()


async def test_connection_refused_is_not_sent(sim: Sim) -> None:
    with socket.socket() as probe:  # a port where nobody listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    async with CloudClient(sim.server.access_token, phone_number_id=sim.pid,
                           base_url=f"http://127.0.0.1:{port}", timeout=2.0,
                           transport=network()) as client:
        with pytest.raises(RequestNotSentError) as caught:
            await client.send_text(sim.new_customer(), "Hallo")
    assert caught.value.retryable and isinstance(caught.value, TemporaryError)


@pytest.mark.parametrize("mode", ["drop", "hang"])
async def test_lost_response_after_acceptance(sim: Sim, mode: str) -> None:
    """The simulator accepted the message and the answer never arrived: the client says
    outcome unknown, and the message's status webhooks tell the truth later."""
    wa_id, _ = sim.chatting()
    sim.fault("lost_response", mode=mode, seconds=0.8)
    async with sim.client(timeout=0.25) as client:
        with pytest.raises(OutcomeUnknownError) as caught:
            await client.send_text(wa_id, "Kommt das an?", callback_data="attempt-1")
    assert not caught.value.retryable
    accepted = outbox_of(sim, wa_id)
    assert [m["text"] for m in accepted] == ["Kommt das an?"]
    statuses = await sim.hook.wait_statuses(accepted[0]["id"], "sent", "delivered", "read")
    assert statuses["read"].callback_data == "attempt-1"
    await eventually(lambda: sim.state()["faults"]["pending"] == [], what="fault used up")
