"""The parser on every recorded payload: the typed fields carry what the JSON said."""

from __future__ import annotations

import json

import pytest

from tests.cloud.conftest import all_payload_names, payload, payload_bytes
from wadesk.cloud.errors import TemporaryError, WindowClosedError
from wadesk.cloud.media import MediaKind
from wadesk.cloud.webhook_content import (
    ButtonReplyContent,
    ContactsContent,
    EditContent,
    ListReplyContent,
    LocationContent,
    MediaContent,
    MessageType,
    OrderContent,
    ReactionContent,
    RevokeContent,
    SystemContent,
    SystemType,
    TemplateButtonContent,
    TextContent,
    UnknownContent,
    UnsupportedContent,
)
from wadesk.cloud.webhook_parser import parse_webhook
from wadesk.cloud.webhook_types import (
    AccountEvent,
    AccountUpdate,
    AppStateSync,
    CapabilityUpdate,
    DeliveryStatus,
    HistoryChunk,
    InboundMessage,
    MessageEcho,
    QualityEvent,
    QualityUpdate,
    StatusUpdate,
    TemplateEvent,
    TemplateStatusUpdate,
    UnknownChange,
    WebhookErrors,
)

WABA = "102290129340398"
PNID = "106540352242922"
DISPLAY = "15550783881"
ANNA = "4915112345678"
TS = 1767225600


def only(name: str):
    events = parse_webhook(payload_bytes(name))
    assert len(events) == 1
    return events[0]


def inbound(name: str) -> InboundMessage:
    event = only(name)
    assert isinstance(event, InboundMessage)
    assert (event.waba_id, event.phone_number_id, event.display_phone_number) == (
        WABA, PNID, DISPLAY)
    assert event.timestamp == TS and isinstance(event.timestamp, int)
    assert event.id.startswith("wamid.")
    assert event.raw == payload(name)["entry"][0]["changes"][0]["value"]["messages"][0]
    return event


@pytest.mark.parametrize("name", all_payload_names())
def test_every_payload_parses_from_bytes_str_and_dict(name: str) -> None:
    from_bytes = parse_webhook(payload_bytes(name))
    assert from_bytes
    assert parse_webhook(payload_bytes(name).decode()) == from_bytes
    assert parse_webhook(payload(name)) == from_bytes
    for event in from_bytes:
        assert event.waba_id


def test_text() -> None:
    m = inbound("text")
    assert m.type is MessageType.TEXT and m.type_name == "text"
    assert m.content == TextContent("Hallo, haben Sie heute geöffnet?")
    assert m.sender.wa_id == ANNA and m.sender.name == "Anna Schmidt"
    assert m.sender.user_id is None and m.sender.username is None
    assert m.context is None and m.referral is None and m.errors == ()


def test_reply_context() -> None:
    m = inbound("text_reply")
    assert m.context is not None
    assert m.context.reply_to_id == "wamid.HBgNNDkxNTExMjM0NTY3OBUCABEYEjBBQ0FGRTIxN0Q1"
    assert m.context.reply_to_from == DISPLAY
    assert not m.context.forwarded and not m.context.frequently_forwarded


def test_forwarded_context() -> None:
    m = inbound("text_forwarded")
    assert m.context is not None and m.context.reply_to_id is None
    assert m.context.forwarded and m.context.frequently_forwarded


def test_referral() -> None:
    m = inbound("text_referral")
    assert m.referral is not None
    assert m.referral.source_type == "ad" and m.referral.source_id == "6521394760513"
    assert m.referral.headline == "Frühlingsangebot" and m.referral.media_type == "image"
    assert m.referral.ctwa_clid.startswith("ARAk")
    assert m.referral.raw["image_url"].startswith("https://")


@pytest.mark.parametrize("name, kind, media_id", [
    ("image", MediaKind.IMAGE, "1418232952735452"),
    ("video", MediaKind.VIDEO, "2381412262054711"),
    ("audio_voice", MediaKind.AUDIO, "1002944448452386"),
    ("sticker", MediaKind.STICKER, "1226315378286633"),
    ("document", MediaKind.DOCUMENT, "880227580858734"),
])
def test_media_kinds(name: str, kind: MediaKind, media_id: str) -> None:
    m = inbound(name)
    assert isinstance(m.content, MediaContent)
    assert m.content.kind is kind and m.content.id == media_id
    assert m.type.value == str(kind)
    assert len(m.content.sha256 or "") == 64


def test_image_fields() -> None:
    c = inbound("image").content
    assert c.caption == "So sieht der Schaden aus" and c.mime_type == "image/jpeg"
    assert c.url.startswith("https://lookaside.fbsbx.com/")
    assert not c.voice and not c.animated and c.filename is None


def test_voice_note() -> None:
    c = inbound("audio_voice").content
    assert c.voice is True and c.mime_type == "audio/ogg; codecs=opus" and c.caption is None


def test_animated_sticker() -> None:
    c = inbound("sticker").content
    assert c.animated is True and c.mime_type == "image/webp"


def test_document() -> None:
    c = inbound("document").content
    assert c.filename == "Rechnung-2026-03.pdf" and c.caption == "Rechnung März"
    assert c.mime_type == "application/pdf" and c.url is None


def test_location() -> None:
    c = inbound("location").content
    assert c == LocationContent(52.520008, 13.404954, "Alexanderplatz",
                                "Alexanderplatz 1, 10178 Berlin", "https://maps.example.com/alex")


def test_contacts() -> None:
    c = inbound("contacts").content
    assert isinstance(c, ContactsContent) and len(c.contacts) == 1
    card = c.contacts[0]
    assert card.name.formatted_name == "Jonas Weber" and card.name.first_name == "Jonas"
    assert [p.phone for p in card.phones] == ["+49 40 1234567", "+49 170 7654321"]
    assert card.phones[1].wa_id == "491707654321" and card.phones[0].wa_id is None
    assert card.emails[0].email == "jonas.weber@example.de"
    assert card.org.company == "Weber Elektro GmbH" and card.birthday == "1988-04-12"
    assert card.addresses[0].city == "Hamburg" and card.urls[0].type == "WORK"


def test_button_reply() -> None:
    m = inbound("button_reply")
    assert m.type is MessageType.INTERACTIVE
    assert m.content == ButtonReplyContent("confirm_yes", "Ja, passt")
    assert m.context.reply_to_id == "wamid.HBgNNDkxNTExMjM0NTY3OBUCABEYEkJVVFRPTlMwMQ"


def test_list_reply() -> None:
    assert inbound("list_reply").content == ListReplyContent(
        "slot_tue_10", "Di 10:00", "Dienstag, 10:00–10:30")


def test_unknown_interactive_kind_is_kept() -> None:
    m = inbound("interactive_unknown")
    assert m.type is MessageType.INTERACTIVE
    assert isinstance(m.content, UnknownContent)
    assert m.content.type_name == "interactive/nfm_reply"
    assert m.content.raw["nfm_reply"]["name"] == "flow"


def test_template_quick_reply_button() -> None:
    m = inbound("button")
    assert m.type is MessageType.BUTTON
    assert m.content == TemplateButtonContent("STOP_PROMOS", "Keine Werbung mehr")


def test_reaction_and_its_removal() -> None:
    set_ = inbound("reaction").content
    assert isinstance(set_, ReactionContent) and set_.emoji == "👍" and not set_.removed
    removed = inbound("reaction_removed").content
    assert removed.emoji is None and removed.removed
    assert removed.message_id == set_.message_id


def test_order() -> None:
    c = inbound("order").content
    assert isinstance(c, OrderContent)
    assert c.catalog_id == "1537206773713437" and c.text == "Bitte bis Freitag liefern"
    assert [(i.product_retailer_id, i.quantity, i.item_price, i.currency) for i in c.items] == [
        ("SKU-KAFFEE-500", 2, 12.5, "EUR"), ("SKU-TASSE", 1, 7.9, "EUR")]


def test_system_number_change_without_contacts_block() -> None:
    m = inbound("system")
    assert m.content == SystemContent(SystemType.USER_CHANGED_NUMBER, m.content.body,
                                      "4915198765432", None)
    assert m.sender.wa_id == ANNA and m.sender.name is None


def test_system_identity_change() -> None:
    c = inbound("system_identity").content
    assert c.type is SystemType.CUSTOMER_IDENTITY_CHANGED and c.customer == ANNA


def test_edit() -> None:
    m = inbound("edit")
    assert m.type is MessageType.EDIT
    assert m.content == EditContent("wamid.HBgNNDkxNTExMjM0NTY3OBUCABIYFjNFQjBURVhUMDE",
                                    TextContent("Hallo, haben Sie morgen geöffnet?"), "text")


def test_revoke() -> None:
    assert inbound("revoke").content == RevokeContent(
        "wamid.HBgNNDkxNTExMjM0NTY3OBUCABIYFjNFQjBURVhUMDE")


def test_unsupported() -> None:
    m = inbound("unsupported")
    assert m.type is MessageType.UNSUPPORTED
    assert m.content == UnsupportedContent("poll_creation")
    assert [e.code for e in m.errors] == [131051]
    assert m.errors[0].details == "Message type is currently not supported."


def test_unknown_type_is_kept_with_its_json() -> None:
    m = inbound("unknown_type")
    assert m.type is MessageType.UNKNOWN and m.type_name == "hologram"
    assert isinstance(m.content, UnknownContent) and m.content.type_name == "hologram"
    assert m.content.raw["hologram"]["shape"] == "dodecahedron"


def status(name: str) -> StatusUpdate:
    event = only(name)
    assert isinstance(event, StatusUpdate)
    assert (event.waba_id, event.phone_number_id) == (WABA, PNID)
    assert event.id == "wamid.HBgNNDkxNTExMjM0NTY3OBUCABEYEk9VVEdPSU5HMDE"
    assert event.timestamp == TS and event.recipient_id == ANNA
    return event


@pytest.mark.parametrize("name, expected", [
    ("status_sent", DeliveryStatus.SENT), ("status_delivered", DeliveryStatus.DELIVERED),
    ("status_read", DeliveryStatus.READ), ("status_played", DeliveryStatus.PLAYED),
    ("status_failed", DeliveryStatus.FAILED), ("status_unknown", DeliveryStatus.UNKNOWN),
])
def test_status_kinds(name: str, expected: DeliveryStatus) -> None:
    assert status(name).status is expected


def test_status_sent_pricing_conversation_callback() -> None:
    s = status("status_sent")
    assert s.callback_data == "outbox:7f3c9a"
    assert s.conversation.id == "c5f2a8e4b1d9f0a3e7c6b2d8f4a1e9c3"
    assert s.conversation.origin_type == "service"
    assert s.conversation.expiration_timestamp == 1767312000
    assert (s.pricing.billable, s.pricing.pricing_model, s.pricing.category, s.pricing.type) == (
        False, "PMP", "service", "free_customer_service")
    assert s.errors == () and s.recipient_user_id is None


def test_status_with_bsuid() -> None:
    assert status("status_delivered").recipient_user_id == "DE.13491208655302741918"


def test_status_failed_carries_the_error_family() -> None:
    s = status("status_failed")
    assert s.errors[0].code == 131047 and s.errors[0].title == "Re-engagement message"
    assert s.errors[0].family is WindowClosedError
    assert "24 hours" in s.errors[0].details


def test_status_unknown_keeps_the_word() -> None:
    s = status("status_unknown")
    assert s.status_name == "beamed_to_mars" and s.raw["new_field"] == {"x": 1}


def test_value_level_errors() -> None:
    e = only("value_errors")
    assert isinstance(e, WebhookErrors) and e.phone_number_id == PNID
    assert e.errors[0].code == 131000 and e.errors[0].family is TemporaryError


def test_echoes() -> None:
    events = parse_webhook(payload_bytes("echoes"))
    assert [type(e) for e in events] == [MessageEcho, MessageEcho]
    text, image = events
    assert (text.from_, text.to, text.timestamp) == (DISPLAY, ANNA, TS)
    assert text.content == TextContent("Wir haben bis 18 Uhr geöffnet.")
    assert image.type is MessageType.IMAGE and image.content.caption == "Unser Schaufenster"
    assert text.phone_number_id == PNID and text.waba_id == WABA


def test_history_chunk() -> None:
    chunk = only("history")
    assert isinstance(chunk, HistoryChunk)
    assert (chunk.phase, chunk.chunk_order, chunk.progress) == (0, 1, 55)
    assert [t.id for t in chunk.threads] == [ANNA, "4917612345678"]
    first, second = chunk.threads[0].messages
    assert first.content == TextContent("Ist mein Paket schon unterwegs?")
    assert first.status is DeliveryStatus.READ and first.timestamp == 1751328000
    assert second.from_ == DISPLAY and second.to == ANNA
    assert second.status is DeliveryStatus.DELIVERED
    assert chunk.threads[1].messages[0].content.kind is MediaKind.IMAGE


def test_app_state_sync_is_only_counted() -> None:
    event = only("app_state_sync")
    assert isinstance(event, AppStateSync) and event.entries == 2
    assert event.raw == {}
    # Nothing of the address book may survive in the event.
    assert "Mustermann" not in repr(event) and "4917612345678" not in repr(event)


def test_template_status() -> None:
    e = only("template_status")
    assert isinstance(e, TemplateStatusUpdate) and e.event is TemplateEvent.APPROVED
    assert (e.template_id, e.template_name, e.language, e.reason) == (
        "1689556908129832", "order_shipped", "de", "NONE")
    assert e.phone_number_id is None and e.waba_id == WABA
    rejected = only("template_status_rejected")
    assert rejected.event is TemplateEvent.REJECTED and rejected.reason == "INCORRECT_CATEGORY"


def test_quality_update() -> None:
    e = only("quality_update")
    assert isinstance(e, QualityUpdate) and e.event is QualityEvent.UPGRADE
    assert e.current_limit == "TIER_10K" and e.display_phone_number == DISPLAY


def test_account_update() -> None:
    e = only("account_update")
    assert isinstance(e, AccountUpdate) and e.event is AccountEvent.VERIFIED_ACCOUNT
    assert e.phone_number == DISPLAY


def test_capability_update() -> None:
    e = only("capability_update")
    assert isinstance(e, CapabilityUpdate)
    assert (e.max_daily_conversation_per_phone, e.max_phone_numbers_per_business) == (2000, 2)


def test_unknown_field_becomes_unknown_change() -> None:
    e = only("unknown_field")
    assert isinstance(e, UnknownChange) and e.field == "user_preferences"
    assert e.raw["value"]["user_preferences"][0]["value"] == "stop"


def test_multi_entry_batch_keeps_order_and_origin() -> None:
    events = parse_webhook(payload_bytes("multi_entry"))
    assert [type(e) for e in events] == [InboundMessage, StatusUpdate, AccountUpdate]
    assert [e.waba_id for e in events] == [WABA, WABA, "999000111222333"]
    assert events[2].event is AccountEvent.UNKNOWN
    assert events[2].raw["event"] == "SOMETHING_NEW"


def test_emoji_and_right_to_left_text() -> None:
    m = inbound("emoji_rtl")
    assert m.content.body.startswith("مرحبا!") and "שלום" in m.content.body
    assert "👨‍👩‍👧‍👦" in m.content.body and "🇩🇪" in m.content.body
    assert m.sender.name == "سارة كوهين · שרה 🌸"


def test_4096_character_body() -> None:
    body = inbound("body_4096").content.body
    assert len(body) == 4096 and "😀" in body


def test_missing_optional_fields() -> None:
    image, location, document, delivered = parse_webhook(payload_bytes("minimal_fields"))
    assert image.content == MediaContent(MediaKind.IMAGE, "123")
    assert image.sender.name is None and image.display_phone_number is None
    assert location.content == LocationContent(48.1, 11.5)
    assert document.content.filename is None and document.content.caption is None
    assert delivered.status is DeliveryStatus.DELIVERED and delivered.recipient_id is None
    assert delivered.pricing is None and delivered.conversation is None
    assert delivered.callback_data is None and delivered.errors == ()


def test_username_user_without_phone_number() -> None:
    m = inbound("username_user")
    assert m.sender.wa_id is None
    assert m.sender.user_id == "DE.13491208655302741918"
    assert m.sender.username == "lea.berlin" and m.sender.name == "Lea"


@pytest.mark.parametrize("body", [
    b'{"a": 123456789012345678901234567890}',
    b'{"a":[1, -18446744073709551616 ,2]}',
    b'{"a":18446744073709551615,"b":1.5e3}',
    b'{"a": {"b" :\n 99999999999999999999}}',
    b'{"t":"order:1234567890123456789012","n":5}',
])
def test_the_envelope_holds_the_values_the_standard_library_reads(body):
    """The fast decoder is used only where it gives the same values (it would turn
    integers beyond 64 bits into floats)."""
    from wadesk.cloud.webhook_parser import loads_envelope

    decoded = loads_envelope(body)
    assert decoded == json.loads(body)
    assert [type(v) for v in decoded.values()] == [type(v) for v in json.loads(body).values()]
