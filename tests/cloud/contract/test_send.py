"""Every kind of message the client can send, accepted by the simulator as Meta would
accept it: the body the client built is what arrived, the answer parses into a
SendResult, and the simulator plans the statuses a real message of that kind gets.
Also mark-read and the typing indicator."""

from __future__ import annotations

import pytest

from tests.cloud.contract.conftest import MP4, WEBP, Sim, eventually
from wadesk.cloud import CloudClient, CloudValidationError
from wadesk.cloud.contact_cards import (
    ContactAddress,
    ContactCard,
    ContactEmail,
    ContactName,
    ContactOrg,
    ContactPhone,
    ContactUrl,
)
from wadesk.cloud.errors import BadRequestError
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
    Sticker,
    Text,
    Video,
    build_message_body,
)
from wadesk.cloud.template_messages import (
    CurrencyParameter,
    DateTimeParameter,
    MediaParameter,
    PayloadParameter,
    TemplateComponent,
    TemplateMessage,
    TextParameter,
)
from wadesk.sim.samples import sample_bytes

pytestmark = pytest.mark.anyio

DELIVERED = ["sent", "delivered", "read"]


async def send_and_check(sim: Sim, client: CloudClient, to: str, content, *,
                         plan: list[str] = DELIVERED, **options) -> dict:
    """Send `content`, check the answer and that the simulator got exactly the body the
    client builds; returns the simulator's record of the message."""
    result = await client.send(to, content, **options)
    assert result.wamid.startswith("wamid.")
    assert result.input == to
    recorded = sim.sent(result.wamid)
    assert recorded["request"] == build_message_body(Recipient.of(to), content, **options)
    assert recorded["type"] == ("interactive" if isinstance(content, (Buttons, ListMessage))
                                else content.type)
    assert recorded["planned_statuses"] == plan
    return recorded


async def test_text_with_preview_reply_and_callback_data(sim: Sim, client: CloudClient) -> None:
    wa_id, inbound = sim.chatting("Jana")
    recorded = await send_and_check(
        sim, client, wa_id, Text("Schau mal: https://radhaus-berlin.de/preise", preview_url=True),
        reply_to=inbound, callback_data="ticket-17")
    assert recorded["request"]["text"]["preview_url"] is True
    assert recorded["request"]["context"] == {"message_id": inbound}
    assert recorded["biz_opaque_callback_data"] == "ticket-17"
    assert recorded["text"].startswith("Schau mal")


async def test_send_text_shortcut_and_formatted_number(sim: Sim, client: CloudClient) -> None:
    wa_id, _ = sim.chatting()
    pretty = f"+{wa_id[:2]} ({wa_id[2:5]}) {wa_id[5:9]}-{wa_id[9:]}"
    result = await client.send_text(pretty, "Hallo 👋 مرحبا")
    assert (result.input, result.wa_id, result.user_id) == (pretty, wa_id, None)
    assert result.message_status is None
    assert sim.sent(result.wamid)["wa_id"] == wa_id


async def test_longest_text_body_goes_through(sim: Sim, client: CloudClient) -> None:
    """The client's local limit (4096) is the simulator's: the longest allowed passes."""
    wa_id, _ = sim.chatting()
    await send_and_check(sim, client, wa_id, Text("ä" * 4096))


def uploads() -> list[tuple[str, bytes, str]]:
    return [
        ("image", sample_bytes("hinterrad.jpg"), "image/jpeg"),
        ("video", MP4, "video/mp4"),
        ("audio", sample_bytes("sprachnachricht.ogg"), "audio/ogg; codecs=opus"),
        ("document", sample_bytes("kaufbeleg.pdf"), "application/pdf"),
        ("sticker", WEBP, "image/webp"),
    ]


def media_content(kind: str, *, media_id: str | None = None, link: str | None = None):
    ref = {"id": media_id, "link": link}
    if kind == "image":
        return Image(**ref, caption="Das Hinterrad")
    if kind == "video":
        return Video(**ref, caption="So klingt es")
    if kind == "audio":
        return Audio(**ref, voice=media_id is not None)
    if kind == "document":
        return Document(**ref, caption="Ihre Rechnung", filename="Rechnung R-1042.pdf")
    return Sticker(**ref)


@pytest.mark.parametrize("kind,data,mime", uploads(), ids=[u[0] for u in uploads()])
async def test_media_by_uploaded_id(sim: Sim, client: CloudClient, kind: str, data: bytes,
                                    mime: str) -> None:
    wa_id, _ = sim.chatting()
    media_id = await client.upload_media(data, mime, filename=f"file.{kind}")
    content = media_content(kind, media_id=media_id)
    # A voice note gets `played` once the customer listened to it.
    plan = DELIVERED + ["played"] if kind == "audio" else DELIVERED
    recorded = await send_and_check(sim, client, wa_id, content, plan=plan)
    assert recorded["request"][kind]["id"] == media_id


@pytest.mark.parametrize("kind", ["image", "video", "audio", "document", "sticker"])
async def test_media_by_link(sim: Sim, client: CloudClient, kind: str) -> None:
    wa_id, _ = sim.chatting()
    link = f"https://cdn.radhaus-berlin.de/media/sample.{kind}"
    recorded = await send_and_check(sim, client, wa_id, media_content(kind, link=link))
    assert recorded["request"][kind]["link"] == link


async def test_location(sim: Sim, client: CloudClient) -> None:
    wa_id, _ = sim.chatting()
    await send_and_check(sim, client, wa_id, Location(52.5079, 13.4581, "Radhaus Berlin",
                                                      "Boxhagener Straße 42, 10245 Berlin"))


async def test_contacts(sim: Sim, client: CloudClient) -> None:
    wa_id, _ = sim.chatting()
    card = ContactCard(
        name=ContactName("Radhaus Werkstatt", first_name="Radhaus", last_name="Werkstatt"),
        phones=(ContactPhone("+49 30 1234567", "WORK", "49301234567"),),
        emails=(ContactEmail("werkstatt@radhaus-berlin.de", "WORK"),),
        urls=(ContactUrl("https://radhaus-berlin.de", "WORK"),),
        addresses=(ContactAddress(street="Boxhagener Straße 42", city="Berlin", zip="10245",
                                  country="Deutschland", country_code="DE", type="WORK"),),
        org=ContactOrg("Radhaus Berlin", "Werkstatt", "Meister"),
        birthday="1990-04-01",
    )
    recorded = await send_and_check(sim, client, wa_id, Contacts((card,)))
    assert recorded["request"]["contacts"][0]["phones"][0]["wa_id"] == "49301234567"


async def test_interactive_buttons(sim: Sim, client: CloudClient) -> None:
    wa_id, _ = sim.chatting()
    buttons = Buttons(
        "Wann passt es Ihnen?",
        (ReplyButton("mo", "Montag"), ReplyButton("di", "Dienstag"),
         ReplyButton("later", "x" * 20)),  # the longest title allowed
        header="Termin", footer="Radhaus Berlin",
    )
    await send_and_check(sim, client, wa_id, buttons)


async def test_interactive_buttons_with_image_header(sim: Sim, client: CloudClient) -> None:
    wa_id, _ = sim.chatting()
    buttons = Buttons("Passt das?", (ReplyButton("ja", "Ja"), ReplyButton("nein", "Nein")),
                      header=Image(link="https://cdn.radhaus-berlin.de/angebot.jpg"))
    await send_and_check(sim, client, wa_id, buttons)


async def test_interactive_list(sim: Sim, client: CloudClient) -> None:
    wa_id, _ = sim.chatting()
    menu = ListMessage(
        "Was dürfen wir für Sie tun?", "Leistungen",
        (ListSection((ListRow("insp", "Inspektion", "Durchsicht inkl. Bremsen"),
                      ListRow("tyre", "Reifenwechsel")), title="Werkstatt"),
         ListSection(tuple(ListRow(f"rent{i}", f"Leihrad {i}") for i in range(8)),
                     title="Verleih")),  # ten rows in all: the maximum
        header="Radhaus Berlin", footer="Antwort in 1 h",
    )
    await send_and_check(sim, client, wa_id, menu)


async def test_reaction_set_and_removed(sim: Sim, client: CloudClient) -> None:
    wa_id, inbound = sim.chatting()
    # A reaction only ever gets `sent` (no delivered or read), as at Meta.
    await send_and_check(sim, client, wa_id, Reaction(inbound, "👍"), plan=["sent"])
    removed = await send_and_check(sim, client, wa_id, Reaction(inbound, ""), plan=["sent"])
    assert removed["request"]["reaction"] == {"message_id": inbound, "emoji": ""}


async def test_reaction_takes_no_context(client: CloudClient, sim: Sim) -> None:
    wa_id, inbound = sim.chatting()
    with pytest.raises(CloudValidationError):
        await client.send(wa_id, Reaction(inbound, "👍"), reply_to=inbound)


async def test_template_with_header_body_and_button_parameters(sim: Sim,
                                                               client: CloudClient) -> None:
    to = sim.new_customer("Sophie")  # no open window needed for a template
    template = TemplateMessage("appointment_reminder", "de", (
        TemplateComponent.header(TextParameter("12.05.")),
        TemplateComponent.body(TextParameter("Sophie"), DateTimeParameter("Montag, 12.05."),
                               TextParameter("10:30")),
        TemplateComponent.button(0, "quick_reply", PayloadParameter("confirm-R-1042")),
        TemplateComponent.button(1, "quick_reply", PayloadParameter("move-R-1042")),
    ))
    result = await client.send(to, template, callback_data="reminder-R-1042")
    assert result.message_status is MessageStatus.ACCEPTED
    recorded = sim.sent(result.wamid)
    assert recorded["request"] == build_message_body(Recipient.of(to), template,
                                                     callback_data="reminder-R-1042")
    assert recorded["template_id"] == "1023456789012304"
    assert recorded["category"] == "utility"
    assert "Hallo Sophie" in recorded["text"] and "Montag, 12.05." in recorded["text"]
    assert recorded["planned_statuses"] == DELIVERED


async def test_template_with_document_header_and_currency(sim: Sim, client: CloudClient) -> None:
    to = sim.new_customer("Lukas")
    template = TemplateMessage("repair_quote", "de", (
        TemplateComponent.header(MediaParameter("document", link="https://cdn.radhaus-berlin.de/kv.pdf",
                                                filename="Kostenvoranschlag.pdf")),
        TemplateComponent.body(TextParameter("Lukas"),
                               CurrencyParameter("89,00 €", "EUR", 89_000)),
    ))
    result = await client.send(to, template)
    assert "89,00 €" in sim.sent(result.wamid)["text"]


async def test_template_without_parameters(sim: Sim, client: CloudClient) -> None:
    result = await client.send(sim.new_customer(), TemplateMessage("hello_world", "en_US"))
    assert sim.sent(result.wamid)["text"].startswith("Welcome and congratulations")


async def test_bsuid_recipient_of_a_username_user(sim: Sim, client: CloudClient) -> None:
    bsuid = "DE.13491208655302741918"  # Kiez Radler: a username, no phone number
    sim.say("kiezradler", {"type": "text", "text": "moin"})
    recorded = await send_and_check(sim, client, bsuid, Text("Moin zurück!"))
    assert "recipient" in recorded["request"] and "to" not in recorded["request"]
    result = await client.send_text(bsuid, "Noch was?")
    assert (result.user_id, result.wa_id, result.input) == (bsuid, None, bsuid)
    assert sim.sent(result.wamid)["user_id"] == bsuid


async def test_mark_read_marks_earlier_messages_too(sim: Sim, client: CloudClient) -> None:
    wa_id, first = sim.chatting()
    second = sim.say(wa_id, {"type": "text", "text": "Und noch etwas"})["id"]
    third = sim.say(wa_id, {"type": "text", "text": "Und das Letzte"})["id"]
    await client.mark_read(second)
    read = {e["message"]["id"]: e["read"] for e in sim.inbound(wa_id)}
    assert read == {first: True, second: True, third: False}
    assert sim.customer(wa_id)["read_up_to"] == second


async def test_mark_read_of_an_unknown_message(client: CloudClient) -> None:
    with pytest.raises(BadRequestError) as caught:
        await client.mark_read("wamid.HBgLNDkxNTc5OTk5OTk5FQIAEhggMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAA")
    assert caught.value.code == 100


async def test_typing_indicator_until_the_reply(sim: Sim, client: CloudClient) -> None:
    wa_id, inbound = sim.chatting()
    before = sim.now()
    await client.send_typing_indicator(inbound)
    customer = sim.customer(wa_id)
    assert customer["read_up_to"] == inbound
    assert before + 24 <= customer["typing_until"] <= sim.now() + 25
    await client.send_text(wa_id, "Bin gleich da!")
    assert sim.customer(wa_id)["typing_until"] is None


async def test_another_api_version(sim: Sim) -> None:
    """The version is a setting; the simulator serves any /vNN.N/ prefix."""
    wa_id, _ = sim.chatting()
    async with sim.client(api_version="v26.0") as newer:
        result = await newer.send_text(wa_id, "Hallo aus v26.0")
    assert sim.sent(result.wamid)["text"] == "Hallo aus v26.0"


async def test_statuses_follow_every_kind_of_send(sim: Sim, client: CloudClient) -> None:
    """The plans above are carried out: the simulator plays them and posts webhooks."""
    wa_id, _ = sim.chatting()
    result = await client.send_text(wa_id, "Ihr Rad ist fertig.")
    await sim.wait_played(result.wamid, *DELIVERED)
    statuses = await sim.hook.wait_statuses(result.wamid, *DELIVERED)
    assert all(s.recipient_id == wa_id for s in statuses.values())
    await eventually(lambda: sim.state()["webhook"]["pending"] == 0, what="deliveries drained")
