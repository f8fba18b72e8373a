"""The 24-hour customer service window, with the simulator's clock moved 25 hours ahead
(this module's own simulator: the jump closes every window in it)."""

from __future__ import annotations

import pytest

from tests.cloud.contract.conftest import APP_SECRET, Sim
from wadesk.cloud import CloudClient
from wadesk.cloud.errors import WindowClosedError, family_for_code
from wadesk.cloud.signature import is_valid
from wadesk.cloud.template_messages import TemplateComponent, TemplateMessage, TextParameter
from wadesk.cloud.webhook_types import DeliveryStatus

pytestmark = pytest.mark.anyio

DAY_AND_AN_HOUR = 25 * 3600


def order_ready(name: str) -> TemplateMessage:
    return TemplateMessage("order_ready", "de", (
        TemplateComponent.body(TextParameter(name), TextParameter("R-1042")),))


async def test_free_form_outside_the_window_is_accepted_then_fails(sim: Sim,
                                                                  client: CloudClient) -> None:
    wa_id, _ = sim.chatting("Jonas")
    inside = await client.send_text(wa_id, "Gern, bis morgen!")
    await sim.hook.wait_statuses(inside.wamid, "sent", "delivered", "read")

    sim.advance(DAY_AND_AN_HOUR)
    late = await client.send_text(wa_id, "Ist noch etwas offen?", callback_data="late-1")
    assert late.wamid.startswith("wamid.") and late.wa_id == wa_id  # 200: accepted, no more

    statuses = await sim.hook.wait_statuses(late.wamid, "failed")
    (post,) = sim.hook.posts_with_status(late.wamid)
    assert is_valid(post.body, post.signature, sim.server.app_secret)
    assert sim.server.app_secret == APP_SECRET
    assert not is_valid(post.body, post.signature, "another-secret")
    failed = statuses["failed"]
    assert failed.status is DeliveryStatus.FAILED
    assert failed.recipient_id == wa_id and failed.callback_data == "late-1"
    assert failed.phone_number_id == sim.pid and failed.waba_id == sim.waba
    (error,) = failed.errors
    assert error.code == 131047 and error.details
    assert error.family is WindowClosedError
    assert family_for_code(error.code) is WindowClosedError
    assert issubclass(error.family, WindowClosedError) and not error.family.retryable
    # It never reached the phone: no sent, delivered or read will follow.
    assert sim.sent(late.wamid)["planned_statuses"] == ["failed"]


async def test_templates_still_pass_after_25_hours(sim: Sim, client: CloudClient) -> None:
    wa_id, _ = sim.chatting("Sophie")
    sim.advance(DAY_AND_AN_HOUR)
    result = await client.send(wa_id, order_ready("Sophie"))
    statuses = await sim.hook.wait_statuses(result.wamid, "sent", "delivered", "read")
    assert "failed" not in {s.status_name for s in sim.hook.statuses(result.wamid)}
    sent = statuses["sent"]
    # Outside the window a utility template is billed.
    assert sent.pricing is not None
    assert (sent.pricing.pricing_model, sent.pricing.category, sent.pricing.billable) == (
        "PMP", "utility", True)
    assert sent.conversation is not None and sent.conversation.origin_type == "utility"


async def test_a_new_customer_message_opens_the_window_again(sim: Sim,
                                                             client: CloudClient) -> None:
    wa_id, _ = sim.chatting("Emma")
    sim.advance(DAY_AND_AN_HOUR)
    assert sim.customer(wa_id)["window_closes_at"] < sim.now()
    sim.say(wa_id, {"type": "text", "text": "Hallo, ich nochmal!"})
    assert sim.customer(wa_id)["window_closes_at"] > sim.now() + 23 * 3600
    result = await client.send_text(wa_id, "Hallo Emma, was können wir tun?")
    statuses = await sim.hook.wait_statuses(result.wamid, "sent", "delivered", "read")
    assert statuses["sent"].pricing is not None and statuses["sent"].pricing.billable is False


async def test_never_written_customer_gets_only_templates(sim: Sim, client: CloudClient) -> None:
    stranger = sim.new_customer("Fremd")
    free = await client.send_text(stranger, "Hallo?")
    template = await client.send(stranger, order_ready("Fremd"))
    failed = (await sim.hook.wait_statuses(free.wamid, "failed"))["failed"]
    assert failed.errors[0].family is WindowClosedError
    await sim.hook.wait_statuses(template.wamid, "sent", "delivered", "read")
