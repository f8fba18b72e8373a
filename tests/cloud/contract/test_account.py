"""The account side: business profile (read, update, photo via the resumable upload),
phone-number info, templates (paged list, create, delete by name and by hsm_id) and
analytics (account and per template)."""

from __future__ import annotations

import httpx
import pytest

from tests.cloud.contract.conftest import TLS, Sim
from wadesk.cloud import CloudClient, CloudValidationError
from wadesk.cloud.analytics import Granularity, TemplateMetric
from wadesk.cloud.errors import BadRequestError
from wadesk.cloud.messages import MessageStatus
from wadesk.cloud.phone_numbers import MessagingLimitTier, QualityRating
from wadesk.cloud.profile import BusinessProfileUpdate, Vertical
from wadesk.cloud.template_messages import TemplateComponent, TemplateMessage, TextParameter
from wadesk.cloud.templates import TemplateCategory, TemplateDefinition, TemplateStatus
from wadesk.cloud.webhook_types import TemplateEvent, TemplateStatusUpdate
from wadesk.sim.samples import sample_bytes

pytestmark = pytest.mark.anyio


# -- business profile -------------------------------------------------------------------


async def test_profile_read(client: CloudClient) -> None:
    profile = await client.get_business_profile()
    assert profile.about and len(profile.about) <= 139
    assert profile.address == "Boxhagener Straße 42, 10245 Berlin"
    assert profile.email == "hallo@radhaus-berlin.de"
    assert profile.websites == ("https://radhaus-berlin.de",)
    assert profile.vertical is Vertical.RETAIL
    assert profile.profile_picture_url and profile.profile_picture_url.startswith("http")


async def test_profile_read_some_fields(client: CloudClient) -> None:
    profile = await client.get_business_profile(("about", "vertical"))
    assert profile.about and profile.vertical is Vertical.RETAIL
    assert profile.email is None and profile.websites == ()


async def test_profile_update_at_the_limits(client: CloudClient) -> None:
    update = BusinessProfileUpdate(
        about="ö" * 139, address="a" * 256, description="Beschreibung " * 39 + "Ende.",
        email="werkstatt@radhaus-berlin.de",
        websites=("https://radhaus-berlin.de", "https://radhaus-berlin.de/" + "x" * 230),
        vertical=Vertical.AUTO,
    )
    assert len(update.description or "") <= 512
    await client.update_business_profile(update)
    profile = await client.get_business_profile()
    assert (profile.about, profile.address, profile.description, profile.email) == (
        update.about, update.address, update.description, update.email)
    assert profile.websites == update.websites and profile.vertical is Vertical.AUTO


async def test_profile_limits_agree(sim: Sim, client: CloudClient) -> None:
    """What the client refuses locally the simulator refuses too (code 100)."""
    with pytest.raises(CloudValidationError):
        BusinessProfileUpdate(about="x" * 140)
    for field, value in (("about", "x" * 140), ("about", ""), ("address", "a" * 257),
                         ("description", "d" * 513), ("email", "kein-at-zeichen"),
                         ("websites", ["ftp://radhaus-berlin.de"]),
                         ("websites", ["https://a.de", "https://b.de", "https://c.de"]),
                         ("vertical", "BICYCLES")):
        with pytest.raises(BadRequestError) as caught:
            await client.call("POST", f"{sim.pid}/whatsapp_business_profile",
                              json={"messaging_product": "whatsapp", field: value})
        assert caught.value.code == 100, field


async def test_profile_photo_by_resumable_upload(client: CloudClient) -> None:
    photo = sample_bytes("hinterrad.jpg")
    before = (await client.get_business_profile(("profile_picture_url",))).profile_picture_url
    handle = await client.set_profile_photo(photo, "image/jpeg", file_name="laden.jpg")
    assert handle.startswith("4::")
    after = (await client.get_business_profile(("profile_picture_url",))).profile_picture_url
    assert after and after != before
    async with httpx.AsyncClient(verify=TLS) as http:
        assert (await http.get(after)).content == photo


async def test_profile_photo_bad_handle(client: CloudClient) -> None:
    with pytest.raises(BadRequestError):
        await client.update_business_profile(BusinessProfileUpdate(profile_picture_handle="4::bogus"))


# -- phone number -----------------------------------------------------------------------


async def test_phone_number_info(sim: Sim, client: CloudClient) -> None:
    info = await client.get_phone_number()
    assert info.id == sim.pid
    assert info.display_phone_number == "+49 30 1234567"
    assert info.verified_name == "Radhaus Berlin"
    assert info.quality_rating is QualityRating.GREEN
    assert info.messaging_limit is MessagingLimitTier.TIER_250
    assert info.throughput_level == "STANDARD"
    assert info.code_verification_status == "VERIFIED"
    assert info.platform_type == "CLOUD_API"
    assert info.is_on_biz_app is False


async def test_phone_number_some_fields(client: CloudClient) -> None:
    info = await client.get_phone_number(("verified_name",))
    assert info.verified_name == "Radhaus Berlin" and info.quality_rating is None


# -- templates --------------------------------------------------------------------------


async def test_templates_first_page(client: CloudClient) -> None:
    page = await client.list_templates_page(limit=4)
    assert len(page.templates) == 4 and page.after
    following = await client.list_templates_page(limit=4, after=page.after)
    assert {t.id for t in page.templates}.isdisjoint(t.id for t in following.templates)


async def test_iter_templates_across_pages(sim: Sim, client: CloudClient) -> None:
    everything = (await client.list_templates_page(limit=1000)).templates
    assert len(everything) >= 10
    assert (await client.list_templates_page(limit=1000)).after is None  # one page: no cursor
    paged = [t async for t in client.iter_templates(page_size=3)]
    assert [t.id for t in paged] == [t.id for t in everything]
    by_key = {(t.name, t.language): t for t in paged}
    hello = by_key[("hello_world", "en_US")]
    assert hello.status is TemplateStatus.APPROVED and hello.category is TemplateCategory.UTILITY
    assert hello.parameter_format == "POSITIONAL"
    assert [c["type"] for c in hello.components] == ["HEADER", "BODY", "FOOTER"]
    assert by_key[("spring_check", "de")].status is TemplateStatus.PENDING
    assert by_key[("spring_check", "de")].parameter_format == "NAMED"
    assert by_key[("winter_storage", "de")].status is TemplateStatus.REJECTED
    assert by_key[("review_request", "en")].status is TemplateStatus.PAUSED


def definition(name: str, language: str = "de") -> TemplateDefinition:
    return TemplateDefinition(
        name=name, language=language, category=TemplateCategory.UTILITY,
        parameter_format="NAMED",
        components=(
            {"type": "HEADER", "format": "TEXT", "text": "Abholung"},
            {"type": "BODY", "text": "Hallo {{first_name}}, Ihr Rad steht ab {{day}} bereit.",
             "example": {"body_text_named_params": [
                 {"param_name": "first_name", "example": "Jonas"},
                 {"param_name": "day", "example": "Montag"}]}},
            {"type": "FOOTER", "text": "Radhaus Berlin"},
            {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "Danke"}]},
        ),
    )


async def test_create_approve_and_send_a_named_template(sim: Sim, client: CloudClient) -> None:
    created = await client.create_template(definition("pickup_ready"))
    assert created.status is TemplateStatus.PENDING
    assert created.category is TemplateCategory.UTILITY
    listed = {t.id: t async for t in client.iter_templates(page_size=5)}
    assert listed[created.id].name == "pickup_ready"
    assert listed[created.id].status is TemplateStatus.PENDING

    with pytest.raises(BadRequestError) as caught:  # same name and language again
        await client.create_template(definition("pickup_ready"))
    assert caught.value.code == 100 and caught.value.subcode == 2388024

    sim.ctl("POST", f"/templates/{created.id}/status", {"status": "APPROVED"})
    post, event = await sim.hook.wait_event(
        lambda e: isinstance(e, TemplateStatusUpdate) and e.template_id == created.id)
    assert post.signed
    assert event.event is TemplateEvent.APPROVED and event.template_name == "pickup_ready"

    message = TemplateMessage("pickup_ready", "de", (TemplateComponent.body(
        TextParameter("Aylin", name="first_name"), TextParameter("Dienstag", name="day")),))
    result = await client.send(sim.new_customer("Aylin"), message)
    assert result.message_status is MessageStatus.ACCEPTED
    assert sim.sent(result.wamid)["text"] == "Hallo Aylin, Ihr Rad steht ab Dienstag bereit."


async def test_delete_by_name_removes_every_language(client: CloudClient) -> None:
    await client.create_template(definition("gone_soon", "de"))
    await client.create_template(definition("gone_soon", "en"))
    await client.delete_template("gone_soon")
    assert not [t async for t in client.iter_templates() if t.name == "gone_soon"]
    with pytest.raises(BadRequestError):
        await client.delete_template("gone_soon")


async def test_delete_by_hsm_id_removes_one_language(client: CloudClient) -> None:
    german = await client.create_template(definition("half_gone", "de"))
    english = await client.create_template(definition("half_gone", "en"))
    await client.delete_template("half_gone", hsm_id=german.id)
    left = [t.id async for t in client.iter_templates() if t.name == "half_gone"]
    assert left == [english.id]


async def test_delete_by_hsm_id_needs_the_name(client: CloudClient) -> None:
    """Meta deletes by id only together with the template's name."""
    created = await client.create_template(definition("id_only", "de"))
    with pytest.raises(CloudValidationError):
        await client.delete_template(hsm_id=created.id)
    await client.delete_template("id_only", hsm_id=created.id)


# -- analytics --------------------------------------------------------------------------


async def test_analytics_count_what_was_sent_and_delivered(sim: Sim, client: CloudClient) -> None:
    wa_id, _ = sim.chatting()
    sent = [(await client.send_text(wa_id, f"Nachricht {i}")).wamid for i in range(3)]
    for wamid in sent:
        await sim.wait_played(wamid, "read")
    now = int(sim.now())
    analytics = await client.get_analytics(now - 3600, now + 3600, Granularity.HALF_HOUR)
    assert len(analytics.data_points) == 4
    assert analytics.data_points[0].start == now - 3600
    assert analytics.data_points[-1].end == now + 3600
    # Exactly the simulator's own count of what reached `sent` and `delivered`.
    outbox = sim.outbox()
    reached = [m for m in outbox if now - 3600 <= int(m["timestamp"]) < now + 3600]
    assert sum(p.sent for p in analytics.data_points) == sum(
        1 for m in reached if {"sent", "delivered", "read"} & set(m["statuses"]))
    assert sum(p.delivered for p in analytics.data_points) == sum(
        1 for m in reached if {"delivered", "read"} & set(m["statuses"]))
    assert sum(p.sent for p in analytics.data_points) >= 3
    day = await client.get_analytics(now - 3600, now + 3600)  # DAY: one point
    assert len(day.data_points) == 1 and day.data_points[0].sent >= 3


async def test_template_analytics(sim: Sim, client: CloudClient) -> None:
    reminder = "1023456789012305"  # appointment_reminder (en): quick-reply buttons
    to = sim.new_customer("Emma", prefix="44770")
    message = TemplateMessage("appointment_reminder", "en", (
        TemplateComponent.header(TextParameter("12 May")),
        TemplateComponent.body(TextParameter("Emma"), TextParameter("12 May"),
                               TextParameter("10:30")),
    ))
    first = (await client.send(to, message)).wamid
    second = (await client.send(to, message)).wamid
    await sim.wait_played(first, "read")
    await sim.wait_played(second, "read")
    sim.say(to, {"type": "button", "payload": "confirm", "text": "Confirm", "reply_to": first})
    now = int(sim.now())
    stats = await client.get_template_analytics([reminder], now - 3600, now + 3600)
    assert len(stats.data_points) == 1
    point = stats.data_points[0]
    assert point.template_id == reminder
    assert (point.sent, point.delivered, point.read, point.clicked) == (2, 2, 2, 1)
    only_sent = await client.get_template_analytics([reminder], now - 3600, now + 3600,
                                                    metrics=(TemplateMetric.SENT,))
    assert only_sent.data_points[0].sent == 2 and only_sent.data_points[0].read == 0


async def test_template_analytics_of_an_unknown_template(sim: Sim, client: CloudClient) -> None:
    now = int(sim.now())
    with pytest.raises(BadRequestError):
        await client.get_template_analytics(["999"], now - 60, now)
