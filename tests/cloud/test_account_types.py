"""Profile, templates, analytics, phone number and media: limits and result parsing."""

from __future__ import annotations

import hashlib
import json
from base64 import b64encode
from datetime import datetime, timezone

import pytest

from wadesk.cloud.analytics import (
    Analytics,
    Granularity,
    TemplateAnalytics,
    TemplateMetric,
    analytics_fields,
    template_analytics_params,
)
from wadesk.cloud.errors import CloudValidationError, MalformedResponseError
from wadesk.cloud.media import MB, MediaInfo, MediaKind, check_upload, sha256_matches
from wadesk.cloud.phone_numbers import MessagingLimitTier, PhoneNumberInfo, QualityRating
from wadesk.cloud.profile import BusinessProfile, BusinessProfileUpdate, Vertical
from wadesk.cloud.templates import (
    MessageTemplate,
    TemplateCategory,
    TemplateCreated,
    TemplateDefinition,
    TemplatePage,
    TemplateStatus,
)


def test_profile_parse_and_unknown_vertical() -> None:
    profile = BusinessProfile.from_response({"data": [{
        "about": "Fahrräder seit 1987", "address": "Hauptstr. 1, Köln",
        "description": "Reparatur und Verkauf", "email": "info@rad.example",
        "websites": ["https://rad.example"], "vertical": "SPACE_TRAVEL",
        "messaging_product": "whatsapp"}]})
    assert profile.about == "Fahrräder seit 1987" and profile.websites == ("https://rad.example",)
    assert profile.vertical is Vertical.UNKNOWN and profile.profile_picture_url is None
    with pytest.raises(MalformedResponseError):
        BusinessProfile.from_response({"data": []})


def test_profile_update_payload_sends_only_given_fields() -> None:
    update = BusinessProfileUpdate(about="Offen Mo–Fr", websites=("https://a.example",),
                                   vertical=Vertical.RETAIL, address="")
    assert update.to_payload() == {"messaging_product": "whatsapp", "about": "Offen Mo–Fr",
                                   "address": "", "websites": ["https://a.example"],
                                   "vertical": "RETAIL"}


def test_profile_limits_at_the_edge_pass() -> None:
    BusinessProfileUpdate(about="a" * 139, address="b" * 256, description="c" * 512,
                          email=("e" * 115) + "@example.de",
                          websites=("https://" + "w" * 248, "http://x.example"))


@pytest.mark.parametrize("kwargs", [
    {"about": ""}, {"about": "   "}, {"about": "a" * 140}, {"address": "b" * 257},
    {"description": "c" * 513}, {"email": "not-an-email"}, {"email": "a@b"},
    {"email": ("e" * 120) + "@example.de"},
    {"websites": ("https://a", "https://b", "https://c")}, {"websites": ("ftp://a.example",)},
    {"websites": ("https://" + "w" * 249,)}, {"vertical": "RETAIL"},
    {"vertical": Vertical.UNKNOWN}, {},
])
def test_profile_limits(kwargs) -> None:
    with pytest.raises(CloudValidationError):
        BusinessProfileUpdate(**kwargs)


def test_template_page_and_unknown_enums() -> None:
    page = TemplatePage.from_response({
        "data": [{"id": "111", "name": "order_shipped", "language": "de", "status": "APPROVED",
                  "category": "UTILITY", "parameter_format": "POSITIONAL",
                  "components": [{"type": "BODY", "text": "Hallo {{1}}"}]},
                 {"id": 222, "name": "new_kind", "status": "IN_ORBIT", "category": "GOSSIP"}],
        "paging": {"cursors": {"before": "B", "after": "A"}, "next": "https://graph/next"}})
    first, second = page.templates
    assert first.status is TemplateStatus.APPROVED and first.category is TemplateCategory.UTILITY
    assert first.components[0]["text"] == "Hallo {{1}}"
    assert second.id == "222" and second.status is TemplateStatus.UNKNOWN
    assert second.category is TemplateCategory.UNKNOWN and page.after == "A"


def test_template_last_page_has_no_after() -> None:
    page = TemplatePage.from_response({"data": [], "paging": {"cursors": {"after": "A"}}})
    assert page.after is None
    assert TemplatePage.from_response({"data": []}).after is None


def test_template_definition() -> None:
    definition = TemplateDefinition(
        "order_shipped", "de", TemplateCategory.UTILITY,
        ({"type": "HEADER", "format": "TEXT", "text": "Bestellung {{1}}"},
         {"type": "BODY", "text": "Hallo {{1}}, Ihre Bestellung ist unterwegs."},
         {"type": "FOOTER", "text": "Rad & Tat"},
         {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "Danke"}]}))
    payload = definition.to_payload()
    assert payload["category"] == "UTILITY" and payload["name"] == "order_shipped"
    assert len(payload["components"]) == 4
    created = TemplateCreated.from_response({"id": "594425479261596", "status": "PENDING",
                                             "category": "UTILITY"})
    assert created.status is TemplateStatus.PENDING


@pytest.mark.parametrize("name, components", [
    ("Order Shipped", ({"type": "BODY", "text": "x"},)),
    ("x" * 513, ({"type": "BODY", "text": "x"},)),
    ("ok", ()),
    ("ok", ({"type": "BODY", "text": "x" * 1025},)),
    ("ok", ({"type": "BODY", "text": "x"}, {"type": "FOOTER", "text": "f" * 61})),
    ("ok", ({"type": "BODY", "text": "x"}, {"type": "HEADER", "format": "TEXT", "text": "h" * 61})),
    ("ok", ({"type": "BODY", "text": "x"},
            {"type": "HEADER", "format": "TEXT", "text": "{{1}} {{2}}"})),
    ("ok", ({"type": "BODY", "text": "x"}, {"type": "BUTTONS", "buttons": [{}] * 11})),
])
def test_template_definition_limits(name, components) -> None:
    with pytest.raises(CloudValidationError):
        TemplateDefinition(name, "de", TemplateCategory.MARKETING, components)


def test_analytics_fields_syntax() -> None:
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    assert analytics_fields(start, 1767312000, Granularity.DAY) == (
        "analytics.start(1767225600).end(1767312000).granularity(DAY)")
    with pytest.raises(CloudValidationError):
        analytics_fields(10, 5, Granularity.DAY)
    with pytest.raises(CloudValidationError):
        analytics_fields(datetime(2026, 1, 1), 1767312000, Granularity.DAY)


def test_analytics_parse() -> None:
    result = Analytics.from_response({"analytics": {"phone_numbers": ["15550783881"],
        "granularity": "DAY", "data_points": [
            {"start": 1767225600, "end": 1767312000, "sent": 120, "delivered": 117},
            {"start": 1767312000, "end": 1767398400, "sent": "9", "delivered": None}]},
        "id": "102290129340398"})
    assert [(p.sent, p.delivered) for p in result.data_points] == [(120, 117), (9, 0)]


def test_template_analytics() -> None:
    params = template_analytics_params(["111", "222"], 1767225600, 1767312000,
                                       [TemplateMetric.SENT, TemplateMetric.READ])
    assert params == {"start": "1767225600", "end": "1767312000", "granularity": "DAILY",
                      "template_ids": '["111", "222"]', "metric_types": "SENT,READ"}
    assert json.loads(params["template_ids"]) == ["111", "222"]
    result = TemplateAnalytics.from_response({"data": [{"granularity": "DAILY", "data_points": [
        {"template_id": "111", "start": 1767225600, "end": 1767312000, "sent": 5,
         "delivered": 5, "read": 3, "clicked": [{"type": "quick_reply_button", "count": 2},
                                               {"type": "url_button", "count": 1}]}]}]})
    (point,) = result.data_points
    assert (point.sent, point.read, point.clicked) == (5, 3, 3)


def test_phone_number_info() -> None:
    info = PhoneNumberInfo.from_response({
        "id": "106540352242922", "display_phone_number": "+1 555-078-3881",
        "verified_name": "Rad & Tat", "quality_rating": "GREEN",
        "throughput": {"level": "STANDARD"}, "is_on_biz_app": True,
        "whatsapp_business_manager_messaging_limit": "TIER_2K"})
    assert info.quality_rating is QualityRating.GREEN and info.throughput_level == "STANDARD"
    assert info.messaging_limit is MessagingLimitTier.TIER_2K and info.is_on_biz_app is True
    odd = PhoneNumberInfo.from_response({"quality_rating": "PURPLE",
                                         "whatsapp_business_manager_messaging_limit": "TIER_9"})
    assert odd.quality_rating is QualityRating.UNKNOWN
    assert odd.messaging_limit is MessagingLimitTier.UNKNOWN and odd.verified_name is None


@pytest.mark.parametrize("mime, size, kind", [
    ("image/jpeg", 5 * MB, MediaKind.IMAGE), ("audio/ogg; codecs=opus", 1000, MediaKind.AUDIO),
    ("application/pdf", 100 * MB, MediaKind.DOCUMENT), ("image/webp", 500 * 1024,
                                                        MediaKind.STICKER),
    ("video/mp4", 16 * MB, MediaKind.VIDEO),
])
def test_upload_check_passes(mime: str, size: int, kind: MediaKind) -> None:
    assert check_upload(mime, size) is kind


@pytest.mark.parametrize("mime, size", [
    ("image/jpeg", 5 * MB + 1), ("image/gif", 10), ("video/mp4", 16 * MB + 1),
    ("image/webp", 500 * 1024 + 1), ("application/pdf", 0),
])
def test_upload_check_refuses(mime: str, size: int) -> None:
    with pytest.raises(CloudValidationError):
        check_upload(mime, size)


def test_sha256_in_hex_or_base64() -> None:
    digest = hashlib.sha256(b"data").digest()
    assert sha256_matches(digest.hex(), digest)
    assert sha256_matches(digest.hex().upper(), digest)
    assert sha256_matches(b64encode(digest).decode(), digest)
    assert not sha256_matches(hashlib.sha256(b"other").hexdigest(), digest)
    assert sha256_matches(None, digest) and sha256_matches("IMAGE_HASH", digest)


def test_media_info() -> None:
    info = MediaInfo.from_response({"messaging_product": "whatsapp", "url": "https://x/m",
                                    "mime_type": "image/jpeg", "sha256": "ab",
                                    "file_size": "1234", "id": "55"})
    assert (info.id, info.file_size, info.mime_type) == ("55", 1234, "image/jpeg")
    with pytest.raises(MalformedResponseError):
        MediaInfo.from_response({"id": "55"})


def test_message_template_from_sparse_payload() -> None:
    template = MessageTemplate.from_payload({"name": "x"})
    assert template.status is TemplateStatus.UNKNOWN and template.components == ()


@pytest.mark.parametrize("value, ok", [
    ("upload:MTphdHRhY2htZW50OjlkYWM3NmQ1?sig=ARZqkGCA_uQMxC8nHKI", True),
    ("upload:MTphdHRhY2htZW50Ojlk+/=", True),
    ("upload:abc/../../me", False), ("media:abc", False), ("upload:a b", False),
    ("upload:abc#frag", False),
])
def test_upload_session_ids(value: str, ok: bool) -> None:
    from wadesk.cloud._checks import upload_session
    if ok:
        assert upload_session("upload id", value) == value
    else:
        with pytest.raises(CloudValidationError):
            upload_session("upload id", value)
