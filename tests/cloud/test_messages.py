"""Send bodies in Meta's shape, and Meta's documented limits enforced before sending."""

from __future__ import annotations

import pytest

from wadesk.cloud.contact_cards import ContactCard, ContactName, ContactPhone
from wadesk.cloud.errors import CloudValidationError, MalformedResponseError
from wadesk.cloud.interactive import Buttons, ListMessage, ListRow, ListSection, ReplyButton
from wadesk.cloud.messages import (
    Audio,
    Contacts,
    Document,
    Image,
    Location,
    MessageStatus,
    Reaction,
    Recipient,
    SendResult,
    Sticker,
    Text,
    Video,
    build_message_body,
)
from wadesk.cloud.template_messages import (
    CurrencyParameter,
    MediaParameter,
    PayloadParameter,
    TemplateComponent,
    TemplateMessage,
    TextParameter,
)

ANNA = Recipient.of("+49 (151) 123-45678")


def body_for(content, **kw):
    return build_message_body(ANNA, content, **kw)


def test_text_body() -> None:
    assert body_for(Text("Hallo 👋", preview_url=True)) == {
        "messaging_product": "whatsapp", "recipient_type": "individual",
        "to": "+49 (151) 123-45678", "type": "text",
        "text": {"body": "Hallo 👋", "preview_url": True}}


def test_reply_and_callback_data() -> None:
    body = body_for(Text("ok"), reply_to="wamid.ABC", callback_data="outbox:1")
    assert body["context"] == {"message_id": "wamid.ABC"}
    assert body["biz_opaque_callback_data"] == "outbox:1"


def test_callback_data_limit() -> None:
    assert body_for(Text("ok"), callback_data="x" * 512)["biz_opaque_callback_data"]
    with pytest.raises(CloudValidationError, match="biz_opaque_callback_data"):
        body_for(Text("ok"), callback_data="x" * 513)


def test_recipient_by_phone_or_bsuid() -> None:
    assert Recipient.of("DE.13491208655302741918") == Recipient(user_id="DE.13491208655302741918")
    body = build_message_body(Recipient.of("DE.13491208655302741918"), Text("hi"))
    assert body["recipient"] == "DE.13491208655302741918" and "to" not in body
    assert Recipient.of("4915112345678").phone == "4915112345678"


@pytest.mark.parametrize("bad", ["", "abc", "+49 151 x", "12", "1" * 16, "٤٩١٥١١٢٣٤٥٦٧٨",
                                 "4915112345678\n", 4915112345678])
def test_bad_phone_numbers(bad) -> None:
    with pytest.raises(CloudValidationError):
        Recipient.of(bad)


def test_recipient_needs_exactly_one() -> None:
    with pytest.raises(CloudValidationError):
        Recipient()
    with pytest.raises(CloudValidationError):
        Recipient(phone="4915112345678", user_id="DE.1")


def test_text_limits() -> None:
    assert Text("é" * 4096).body
    with pytest.raises(CloudValidationError, match="4097"):
        Text("x" * 4097)
    with pytest.raises(CloudValidationError):
        Text("")
    with pytest.raises(CloudValidationError):
        Text("   \n")


@pytest.mark.parametrize("content, key, payload", [
    (Image(id="1418232952735452", caption="Bild"), "image",
     {"id": "1418232952735452", "caption": "Bild"}),
    (Image(link="https://example.com/a.jpg"), "image", {"link": "https://example.com/a.jpg"}),
    (Video(id="42", caption="Film"), "video", {"id": "42", "caption": "Film"}),
    (Audio(id="43", voice=True), "audio", {"id": "43", "voice": True}),
    (Audio(link="https://example.com/a.mp3"), "audio", {"link": "https://example.com/a.mp3"}),
    (Document(id="44", caption="Rechnung", filename="R-1.pdf"), "document",
     {"id": "44", "caption": "Rechnung", "filename": "R-1.pdf"}),
    (Sticker(id="45"), "sticker", {"id": "45"}),
    (Location(52.52, 13.405, "Alex", "Berlin"), "location",
     {"latitude": 52.52, "longitude": 13.405, "name": "Alex", "address": "Berlin"}),
    (Reaction("wamid.X", "❤️"), "reaction", {"message_id": "wamid.X", "emoji": "❤️"}),
    (Reaction("wamid.X"), "reaction", {"message_id": "wamid.X", "emoji": ""}),
])
def test_content_payloads(content, key: str, payload: dict) -> None:
    body = body_for(content)
    assert body["type"] == key and body[key] == payload


def test_media_needs_id_or_link_not_both() -> None:
    with pytest.raises(CloudValidationError):
        Image()
    with pytest.raises(CloudValidationError):
        Image(id="1", link="https://example.com/a.jpg")
    with pytest.raises(CloudValidationError):
        Image(link="ftp://example.com/a.jpg")
    with pytest.raises(CloudValidationError):
        Image(id="../me")


def test_caption_limit() -> None:
    assert Video(id="1", caption="c" * 1024)
    with pytest.raises(CloudValidationError, match="caption"):
        Image(id="1", caption="c" * 1025)


@pytest.mark.parametrize("lat, lon", [(91, 0), (0, 181), (float("nan"), 0), (True, 0)])
def test_location_bounds(lat, lon) -> None:
    with pytest.raises(CloudValidationError):
        Location(lat, lon)


def test_reaction_removal_and_no_context() -> None:
    assert Reaction("wamid.X").removes
    with pytest.raises(CloudValidationError, match="context"):
        body_for(Reaction("wamid.X", "👍"), reply_to="wamid.Y")


def test_contacts_payload() -> None:
    card = ContactCard(ContactName("Jonas Weber", first_name="Jonas"),
                       phones=(ContactPhone("+49 40 1234567", "WORK"),))
    body = body_for(Contacts((card,)))
    assert body["contacts"] == [{"name": {"formatted_name": "Jonas Weber", "first_name": "Jonas"},
                                 "phones": [{"phone": "+49 40 1234567", "type": "WORK"}]}]
    with pytest.raises(CloudValidationError):
        Contacts(())
    with pytest.raises(CloudValidationError):
        Contacts((ContactCard(ContactName("")),))


def test_buttons_payload() -> None:
    msg = Buttons("Passt der Termin?", (ReplyButton("yes", "Ja"), ReplyButton("no", "Nein")),
                  header="Termin", footer="Werkstatt Weber")
    body = body_for(msg)
    assert body["type"] == "interactive"
    assert body["interactive"] == {
        "type": "button", "body": {"text": "Passt der Termin?"},
        "header": {"type": "text", "text": "Termin"}, "footer": {"text": "Werkstatt Weber"},
        "action": {"buttons": [{"type": "reply", "reply": {"id": "yes", "title": "Ja"}},
                               {"type": "reply", "reply": {"id": "no", "title": "Nein"}}]}}


def test_buttons_with_media_header() -> None:
    body = body_for(Buttons("b", (ReplyButton("a", "A"),), header=Image(id="9")))
    assert body["interactive"]["header"] == {"type": "image", "image": {"id": "9"}}


@pytest.mark.parametrize("make", [
    lambda: Buttons("b", tuple(ReplyButton(str(i), f"B{i}") for i in range(4))),
    lambda: Buttons("b", ()),
    lambda: Buttons("b", (ReplyButton("a", "x" * 21),)),
    lambda: Buttons("x" * 1025, (ReplyButton("a", "A"),)),
    lambda: Buttons("b", (ReplyButton("a", "A"),), footer="f" * 61),
    lambda: Buttons("b", (ReplyButton("a", "A"), ReplyButton("a", "B"))),
    lambda: Buttons("b", (ReplyButton("a", "A"),), header=Sticker(id="1")),
])
def test_button_limits(make) -> None:
    with pytest.raises(CloudValidationError):
        make()


def test_button_limits_at_the_edge_pass() -> None:
    Buttons("x" * 1024, tuple(ReplyButton(str(i), "t" * 20) for i in range(3)), footer="f" * 60)


def _rows(n: int, start: int = 0) -> tuple[ListRow, ...]:
    return tuple(ListRow(f"r{i}", f"Zeile {i}") for i in range(start, start + n))


def test_list_payload() -> None:
    msg = ListMessage("Wähle einen Termin", "Termine",
                      (ListSection(_rows(2), "Dienstag"), ListSection(_rows(1, 2), "Mittwoch")))
    payload = body_for(msg)["interactive"]
    assert payload["type"] == "list" and payload["action"]["button"] == "Termine"
    assert [s["title"] for s in payload["action"]["sections"]] == ["Dienstag", "Mittwoch"]
    assert payload["action"]["sections"][1]["rows"] == [{"id": "r2", "title": "Zeile 2"}]


@pytest.mark.parametrize("make", [
    lambda: ListMessage("b", "Menü", (ListSection(_rows(6), "A"), ListSection(_rows(5, 6), "B"))),
    lambda: ListMessage("b", "Menü", (ListSection((ListRow("a", "x" * 25),)),)),
    lambda: ListMessage("b", "Menü", (ListSection(_rows(1)), ListSection(_rows(1, 1)))),
    lambda: ListMessage("b", "Menü", (ListSection(_rows(1)), ListSection(_rows(1)))),
    lambda: ListMessage("b", "", (ListSection(_rows(1)),)),
    lambda: ListMessage("b", "Menü", ()),
])
def test_list_limits(make) -> None:
    with pytest.raises(CloudValidationError):
        make()


def test_list_ten_rows_over_sections_pass() -> None:
    ListMessage("b", "Menü", (ListSection(_rows(5), "A"), ListSection(_rows(5, 5), "B")))
    ListSection((ListRow("a", "x" * 24),))


def test_template_payload() -> None:
    msg = TemplateMessage("order_shipped", "de", (
        TemplateComponent.header(MediaParameter("document", link="https://example.com/r.pdf",
                                                filename="Rechnung.pdf")),
        TemplateComponent.body(TextParameter("Anna"), CurrencyParameter("12,50 €", "EUR", 12500)),
        TemplateComponent.button(0, "quick_reply", PayloadParameter("STOP")),
        TemplateComponent.button(1, "url", TextParameter("order/123")),
    ))
    assert body_for(msg)["template"] == {
        "name": "order_shipped", "language": {"code": "de"}, "components": [
            {"type": "header", "parameters": [{"type": "document", "document": {
                "link": "https://example.com/r.pdf", "filename": "Rechnung.pdf"}}]},
            {"type": "body", "parameters": [
                {"type": "text", "text": "Anna"},
                {"type": "currency", "currency": {"fallback_value": "12,50 €", "code": "EUR",
                                                  "amount_1000": 12500}}]},
            {"type": "button", "sub_type": "quick_reply", "index": "0",
             "parameters": [{"type": "payload", "payload": "STOP"}]},
            {"type": "button", "sub_type": "url", "index": "1",
             "parameters": [{"type": "text", "text": "order/123"}]}]}


def test_named_template_parameter() -> None:
    assert TextParameter("Anna", name="first_name").to_payload() == {
        "type": "text", "text": "Anna", "parameter_name": "first_name"}


@pytest.mark.parametrize("make", [
    lambda: TemplateMessage("", "de"),
    lambda: TemplateMessage("x", "german"),
    lambda: TemplateComponent.header(TextParameter("h" * 61)),
    lambda: TemplateComponent("header", (TextParameter("a"), TextParameter("b"))),
    lambda: TemplateComponent.button(10, "quick_reply"),
    lambda: TemplateComponent("footer"),
    lambda: TextParameter("x", name="First Name"),
    lambda: TemplateMessage("x", "de", (TemplateComponent.body(), TemplateComponent.body())),
])
def test_template_limits(make) -> None:
    with pytest.raises(CloudValidationError):
        make()


def test_send_result_by_phone() -> None:
    result = SendResult.from_response({
        "messaging_product": "whatsapp",
        "contacts": [{"input": "+49 151 12345678", "wa_id": "4915112345678"}],
        "messages": [{"id": "wamid.OUT1"}]})
    assert (result.wamid, result.input, result.wa_id, result.user_id, result.message_status) == (
        "wamid.OUT1", "+49 151 12345678", "4915112345678", None, None)


def test_send_result_by_bsuid_and_paced_template() -> None:
    result = SendResult.from_response({
        "contacts": [{"input": "DE.1349", "user_id": "DE.1349"}],
        "messages": [{"id": "wamid.OUT2", "message_status": "held_for_quality_assessment"}]})
    assert result.wa_id is None and result.user_id == "DE.1349"
    assert result.message_status is MessageStatus.HELD_FOR_QUALITY_ASSESSMENT
    new = SendResult.from_response({"messages": [{"id": "w", "message_status": "teleported"}]})
    assert new.message_status is MessageStatus.UNKNOWN


@pytest.mark.parametrize("data", [{}, {"messages": []}, {"messages": [{"id": ""}]},
                                  {"messages": "wamid"}])
def test_send_result_without_wamid_is_outcome_unknown(data) -> None:
    with pytest.raises(MalformedResponseError):
        SendResult.from_response(data)
