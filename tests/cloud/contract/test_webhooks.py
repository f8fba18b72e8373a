"""Webhooks end to end: the simulator's signed POSTs, checked with the client's
signature check and read with its parser. Statuses of what we sent (with callback data,
pricing, failures by family) and every kind of message a customer can send, including
downloading the media of an inbound message."""

from __future__ import annotations

from typing import Any

import pytest

from tests.cloud.contract.conftest import APP_SECRET, VERIFY_TOKEN, Sim, eventually, sha256_hex
from wadesk.cloud import CloudClient
from wadesk.cloud.contact_cards import ContactCard
from wadesk.cloud.errors import MediaError, UndeliverableError
from wadesk.cloud.media import MediaKind
from wadesk.cloud.messages import Audio, Image, Reaction
from wadesk.cloud.signature import is_valid
from wadesk.cloud.webhook_content import (
    ButtonReplyContent,
    ContactsContent,
    EditContent,
    ListReplyContent,
    LocationContent,
    MediaContent,
    MessageType,
    ReactionContent,
    RevokeContent,
    TemplateButtonContent,
    TextContent,
    UnsupportedContent,
)
from wadesk.cloud.webhook_types import DeliveryStatus, InboundMessage, StatusUpdate
from wadesk.sim.samples import sample_bytes

pytestmark = pytest.mark.anyio


async def test_the_handshake_came_first(sim: Sim) -> None:
    await eventually(lambda: sim.hook.handshakes, what="the webhook handshake")
    first = sim.hook.handshakes[0]
    assert first["hub.mode"] == "subscribe" and first["hub.verify_token"] == VERIFY_TOKEN
    assert sim.state()["webhook"]["verification"]["status"] == "verified"


# -- statuses ---------------------------------------------------------------------------


async def test_sent_delivered_read_signed_with_callback_data(sim: Sim, client: CloudClient) -> None:
    wa_id, _ = sim.chatting("Jonas")
    result = await client.send_text(wa_id, "Ihr Rad ist fertig.", callback_data='{"ticket": 17}')
    statuses = await sim.hook.wait_statuses(result.wamid, "sent", "delivered", "read")
    assert sim.sent(result.wamid)["statuses"] == ["sent", "delivered", "read"]  # the order played
    posts = sim.hook.posts_with_status(result.wamid)
    assert len(posts) == 3
    for post in posts:
        assert post.signed and is_valid(post.body, post.signature, APP_SECRET)
        assert post.headers["content-type"] == "application/json"
    for name, status in statuses.items():
        assert isinstance(status, StatusUpdate) and status.status is DeliveryStatus(name)
        assert status.callback_data == '{"ticket": 17}'
        assert status.recipient_id == wa_id
        assert status.phone_number_id == sim.pid and status.waba_id == sim.waba
        assert status.display_phone_number == "49301234567"
        assert status.errors == ()
    sent, delivered, read = statuses["sent"], statuses["delivered"], statuses["read"]
    assert sent.timestamp <= delivered.timestamp <= read.timestamp
    assert sent.pricing is not None
    assert (sent.pricing.billable, sent.pricing.pricing_model, sent.pricing.category,
            sent.pricing.type) == (False, "PMP", "service", "free_customer_service")
    assert sent.conversation is not None and sent.conversation.expiration_timestamp
    assert delivered.conversation is not None and delivered.conversation.id == sent.conversation.id


async def test_voice_note_is_played(sim: Sim, client: CloudClient) -> None:
    wa_id, _ = sim.chatting()
    media_id = await client.upload_media(sample_bytes("sprachnachricht.ogg"), "audio/ogg; codecs=opus")
    result = await client.send(wa_id, Audio(id=media_id, voice=True))
    await sim.hook.wait_statuses(result.wamid, "sent", "delivered", "read", "played")


async def test_reaction_is_only_ever_sent(sim: Sim, client: CloudClient) -> None:
    wa_id, inbound = sim.chatting()
    reaction = await client.send(wa_id, Reaction(inbound, "❤️"))
    after = await client.send_text(wa_id, "Danke!")
    await sim.hook.wait_statuses(after.wamid, "read")  # later than a reaction's delivered would be
    await sim.hook.wait_statuses(reaction.wamid, "sent")
    assert [s.status_name for s in sim.hook.statuses(reaction.wamid)] == ["sent"]
    assert sim.hook.statuses(reaction.wamid)[0].pricing is None


async def test_undeliverable_fault_fails_with_131026(sim: Sim, client: CloudClient) -> None:
    wa_id, _ = sim.chatting()
    sim.fault("undeliverable")
    result = await client.send_text(wa_id, "Hallo")
    failed = (await sim.hook.wait_statuses(result.wamid, "failed"))["failed"]
    assert failed.errors[0].code == 131026 and failed.errors[0].family is UndeliverableError


async def test_number_not_on_whatsapp_fails_with_131026(sim: Sim, client: CloudClient) -> None:
    result = await client.send_text("4930123", "Hallo?")  # seven digits: nobody's wa_id
    failed = (await sim.hook.wait_statuses(result.wamid, "failed"))["failed"]
    assert failed.errors[0].family is UndeliverableError


async def test_unknown_media_id_fails_with_131053(sim: Sim, client: CloudClient) -> None:
    wa_id, _ = sim.chatting()
    result = await client.send(wa_id, Image(id="9999999999999999"))
    failed = (await sim.hook.wait_statuses(result.wamid, "failed"))["failed"]
    assert failed.errors[0].code == 131053 and failed.errors[0].family is MediaError


async def test_failed_after_delivered(sim: Sim, client: CloudClient) -> None:
    wa_id, _ = sim.chatting()
    sim.fault("failed_after_delivered")
    result = await client.send_text(wa_id, "Hallo")
    statuses = await sim.hook.wait_statuses(result.wamid, "sent", "delivered", "failed")
    assert statuses["failed"].errors[0].family is UndeliverableError


async def test_duplicate_deliveries_are_identical_and_signed(sim: Sim, client: CloudClient) -> None:
    wa_id, _ = sim.chatting()
    sim.fault("duplicate_webhooks", count=1)
    result = await client.send_text(wa_id, "Doppelt?")
    await eventually(lambda: len(sim.hook.posts_with_status(result.wamid)) == 4,
                     what="three statuses, one of them twice")
    posts = sim.hook.posts_with_status(result.wamid)
    assert all(p.signed for p in posts)
    bodies = [p.body for p in posts]
    assert len(set(bodies)) == 3  # the duplicate is byte-for-byte the same POST


# -- inbound messages -------------------------------------------------------------------


def _contact_card() -> list[dict[str, Any]]:
    return [{"name": {"formatted_name": "Mia Wagner", "first_name": "Mia", "last_name": "Wagner"},
             "phones": [{"phone": "+49 151 2345678", "type": "CELL", "wa_id": "491512345678"}],
             "emails": [{"email": "mia@example.de", "type": "HOME"}]}]


def check_text(m: InboundMessage, spec: dict[str, Any]) -> None:
    assert m.content == TextContent("Grüß dich! 🚲 مرحبا")


def check_image(m: InboundMessage, spec: dict[str, Any]) -> None:
    c = m.content
    assert isinstance(c, MediaContent) and c.kind is MediaKind.IMAGE
    assert (c.mime_type, c.caption) == ("image/jpeg", "Das Hinterrad")
    assert c.sha256 == sha256_hex(sample_bytes("hinterrad.jpg")) and c.url


def check_document(m: InboundMessage, spec: dict[str, Any]) -> None:
    c = m.content
    assert isinstance(c, MediaContent) and c.kind is MediaKind.DOCUMENT
    assert (c.mime_type, c.filename, c.caption) == ("application/pdf", "Kaufbeleg.pdf", "Beleg")


def check_voice(m: InboundMessage, spec: dict[str, Any]) -> None:
    c = m.content
    assert isinstance(c, MediaContent) and c.kind is MediaKind.AUDIO
    assert c.voice is True and c.mime_type == "audio/ogg; codecs=opus"


def check_location(m: InboundMessage, spec: dict[str, Any]) -> None:
    assert m.content == LocationContent(52.5079, 13.4581, "Zuhause", "Simon-Dach-Straße 12, 10245 Berlin")


def check_contacts(m: InboundMessage, spec: dict[str, Any]) -> None:
    c = m.content
    assert isinstance(c, ContactsContent) and len(c.contacts) == 1
    card: ContactCard = c.contacts[0]
    assert card.name.formatted_name == "Mia Wagner"
    assert card.phones[0].wa_id == "491512345678" and card.emails[0].email == "mia@example.de"


def check_reaction(m: InboundMessage, spec: dict[str, Any]) -> None:
    assert m.content == ReactionContent(spec["message_id"], "👍")


def check_reaction_removed(m: InboundMessage, spec: dict[str, Any]) -> None:
    assert isinstance(m.content, ReactionContent) and m.content.removed


def check_edit(m: InboundMessage, spec: dict[str, Any]) -> None:
    c = m.content
    assert isinstance(c, EditContent) and c.original_message_id == spec["original_message_id"]
    assert c.content == TextContent("Korrektur: Dienstag, nicht Montag") and c.type_name == "text"


def check_revoke(m: InboundMessage, spec: dict[str, Any]) -> None:
    assert m.content == RevokeContent(spec["original_message_id"])


def check_unsupported(m: InboundMessage, spec: dict[str, Any]) -> None:
    assert m.content == UnsupportedContent("poll")
    assert m.errors[0].code == 131051 and m.errors[0].family is MediaError


def check_button_reply(m: InboundMessage, spec: dict[str, Any]) -> None:
    assert m.content == ButtonReplyContent("mo", "Montag")


def check_list_reply(m: InboundMessage, spec: dict[str, Any]) -> None:
    assert m.content == ListReplyContent("insp", "Inspektion", "Durchsicht inkl. Bremsen")


def check_template_button(m: InboundMessage, spec: dict[str, Any]) -> None:
    assert m.content == TemplateButtonContent("confirm-R-1042", "Termin bestätigen")


# (name, spec, the parsed type, check); "$prev" is replaced by the customer's previous message
INBOUND = [
    ("text", {"type": "text", "text": "Grüß dich! 🚲 مرحبا"}, MessageType.TEXT, check_text),
    ("image", {"type": "image", "file": "hinterrad.jpg", "caption": "Das Hinterrad"},
     MessageType.IMAGE, check_image),
    ("document", {"type": "document", "file": "kaufbeleg.pdf", "filename": "Kaufbeleg.pdf",
                  "caption": "Beleg"}, MessageType.DOCUMENT, check_document),
    ("voice", {"type": "audio", "file": "sprachnachricht.ogg", "voice": True},
     MessageType.AUDIO, check_voice),
    ("location", {"type": "location", "latitude": 52.5079, "longitude": 13.4581, "name": "Zuhause",
                  "address": "Simon-Dach-Straße 12, 10245 Berlin"}, MessageType.LOCATION, check_location),
    ("contacts", {"type": "contacts", "contacts": _contact_card()}, MessageType.CONTACTS,
     check_contacts),
    ("reaction", {"type": "reaction", "message_id": "$prev", "emoji": "👍"}, MessageType.REACTION,
     check_reaction),
    ("reaction removed", {"type": "reaction", "message_id": "$prev"}, MessageType.REACTION,
     check_reaction_removed),
    ("edit", {"type": "edit", "original_message_id": "$prev",
              "text": "Korrektur: Dienstag, nicht Montag"}, MessageType.EDIT, check_edit),
    ("revoke", {"type": "revoke", "original_message_id": "$prev"}, MessageType.REVOKE, check_revoke),
    ("unsupported", {"type": "unsupported", "unsupported_type": "poll"}, MessageType.UNSUPPORTED,
     check_unsupported),
    ("button reply", {"type": "interactive", "button_reply": {"id": "mo", "title": "Montag"}},
     MessageType.INTERACTIVE, check_button_reply),
    ("list reply", {"type": "interactive", "list_reply": {
        "id": "insp", "title": "Inspektion", "description": "Durchsicht inkl. Bremsen"}},
     MessageType.INTERACTIVE, check_list_reply),
    ("template button", {"type": "button", "payload": "confirm-R-1042", "text": "Termin bestätigen"},
     MessageType.BUTTON, check_template_button),
]


@pytest.mark.parametrize("name,spec,kind,check", INBOUND, ids=[i[0] for i in INBOUND])
async def test_inbound_message(sim: Sim, name: str, spec: dict[str, Any], kind: MessageType,
                               check: Any) -> None:
    wa_id, previous = sim.chatting("Mia Wagner")
    spec = {k: (previous if v == "$prev" else v) for k, v in spec.items()}
    sent = sim.say(wa_id, spec)
    message = await sim.hook.wait_message(sent["id"])
    (post,) = [p for p in sim.hook.all_posts() if message in p.events]
    assert post.signed
    assert message.type is kind and message.type_name == sent["type"]
    assert message.sender.wa_id == wa_id and message.sender.name == "Mia Wagner"
    assert message.phone_number_id == sim.pid and message.waba_id == sim.waba
    assert message.timestamp == int(sent["timestamp"])
    check(message, spec)


async def test_inbound_reply_and_forward_marks(sim: Sim, client: CloudClient) -> None:
    wa_id, _ = sim.chatting()
    ours = await client.send_text(wa_id, "Montag um 10?")
    sent = sim.say(wa_id, {"type": "text", "text": "Passt!", "reply_to": ours.wamid,
                           "forwarded": "frequently"})
    message = await sim.hook.wait_message(sent["id"])
    assert message.context is not None
    assert (message.context.reply_to_id, message.context.reply_to_from) == (ours.wamid, "49301234567")
    assert message.context.frequently_forwarded and not message.context.forwarded


async def test_inbound_from_a_username_user(sim: Sim) -> None:
    sent = sim.say("kiezradler", {"type": "text", "text": "moin, habt ihr offen?"})
    message = await sim.hook.wait_message(sent["id"])
    assert message.sender.wa_id is None
    assert message.sender.user_id == "DE.13491208655302741918"
    assert message.sender.username == "kiezradler"


@pytest.mark.parametrize("spec,file", [
    ({"type": "image", "file": "kette.jpg"}, "kette.jpg"),
    ({"type": "document", "file": "kaufbeleg.pdf"}, "kaufbeleg.pdf"),
    ({"type": "audio", "file": "sprachnachricht.ogg", "voice": True}, "sprachnachricht.ogg"),
], ids=["image", "document", "voice"])
async def test_inbound_media_downloads_and_matches_its_sha256(sim: Sim, client: CloudClient,
                                                              spec: dict[str, Any], file: str) -> None:
    wa_id, _ = sim.chatting()
    message = await sim.hook.wait_message(sim.say(wa_id, spec)["id"])
    content = message.content
    assert isinstance(content, MediaContent)
    downloaded = await client.download_media(content.id)
    assert sha256_hex(downloaded.content) == content.sha256 == downloaded.info.sha256
    assert downloaded.content == sample_bytes(file)
    assert downloaded.info.mime_type == content.mime_type
