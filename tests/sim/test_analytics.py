"""Analytics fields on the WABA and template analytics, counted from what was sent."""

from __future__ import annotations

import pytest

from tests.sim.conftest import EMMA, JONAS, assert_meta_error, wait_for

DAY = 86400


def _order_ready(to: str) -> dict:
    return {"to": to, "type": "template", "template": {
        "name": "order_ready", "language": {"code": "de"},
        "components": [{"type": "body", "parameters": [{"type": "text", "text": "Jonas"},
                                                        {"type": "text", "text": "R-1"}]}]}}


@pytest.fixture
def day_start(sim):
    now = int(sim.control.get("/clock").json()["now"])
    return now - now % DAY


def test_analytics_counts_sent_and_delivered_per_day(sim, receiver, day_start):
    sim.say("jonas", {"text": "Hallo"})
    ids = [sim.send_text(JONAS, f"n{i}").json()["messages"][0]["id"] for i in range(3)]
    failed = sim.send_text("4915799999999", "no window").json()["messages"][0]["id"]
    for wamid in ids:
        receiver.wait_statuses(wamid, 3)
    receiver.wait_statuses(failed, 1)
    fields = f"analytics.start({day_start - DAY}).end({day_start + DAY}).granularity(DAY)"
    answer = sim.graph.get(f"/{sim.waba}", params={"fields": fields}).json()
    assert answer["id"] == sim.waba
    analytics = answer["analytics"]
    assert analytics["granularity"] == "DAY"
    assert analytics["phone_numbers"] == ["49301234567"]
    yesterday, today = analytics["data_points"]
    assert yesterday == {"start": day_start - DAY, "end": day_start, "sent": 0, "delivered": 0}
    assert today["sent"] == 3 and today["delivered"] == 3
    assert "read" not in today
    half = sim.graph.get(f"/{sim.waba}", params={
        "fields": f"analytics.start({day_start}).end({day_start + DAY}).granularity(HALF_HOUR)"
                  ".phone_numbers([\"49301234567\"])"}).json()["analytics"]["data_points"]
    assert len(half) == 48
    assert sum(p["sent"] for p in half) == 3
    month = sim.graph.get(f"/{sim.waba}", params={
        "fields": f"analytics.start({day_start - 40 * DAY}).end({day_start + DAY}).granularity(MONTH)"}).json()
    assert sum(p["sent"] for p in month["analytics"]["data_points"]) == 3


def test_pricing_analytics(sim, receiver, day_start):
    wamid = sim.send(_order_ready(JONAS)).json()["messages"][0]["id"]
    receiver.wait_statuses(wamid, 3)
    fields = f"pricing_analytics.start({day_start}).end({day_start + DAY}).granularity(DAILY)"
    [point] = sim.graph.get(f"/{sim.waba}", params={"fields": fields}).json()["pricing_analytics"]["data"][0]["data_points"]
    assert point["pricing_category"] == "UTILITY" and point["pricing_type"] == "REGULAR"
    assert point["volume"] == 1 and point["cost"] > 0


def test_analytics_errors(sim, day_start):
    for fields in (f"analytics.start({day_start}).end({day_start + DAY}).granularity(WEEK)",
                   f"analytics.start(x).end({day_start}).granularity(DAY)",
                   f"analytics.start({day_start}).end({day_start - 1}).granularity(DAY)",
                   "analytics.start(1",
                   "no_such_field"):
        assert_meta_error(sim.graph.get(f"/{sim.waba}", params={"fields": fields}), 100)
    plain = sim.graph.get(f"/{sim.waba}").json()
    assert plain["name"] == "Radhaus Berlin" and plain["currency"] == "EUR"


def test_template_analytics(sim, receiver, day_start):
    first = sim.send(_order_ready(JONAS)).json()["messages"][0]["id"]
    second = sim.send(_order_ready(EMMA)).json()["messages"][0]["id"]
    receiver.wait_statuses(first, 3)
    receiver.wait_statuses(second, 3)
    reminder = {"to": EMMA, "type": "template", "template": {
        "name": "appointment_reminder", "language": {"code": "en"}, "components": [
            {"type": "header", "parameters": [{"type": "text", "text": "12 May"}]},
            {"type": "body", "parameters": [{"type": "text", "text": t} for t in ("Emma", "12 May", "10:30")]}]}}
    third = sim.send(reminder).json()["messages"][0]["id"]
    sim.say("emma", {"type": "button", "payload": "Confirm", "text": "Confirm", "reply_to": third})
    wait_for(lambda: receiver.statuses(third))
    params = {"start": day_start, "end": day_start + DAY, "granularity": "DAILY",
              "template_ids": '["1023456789012302","1023456789012305"]',
              "metric_types": "SENT,DELIVERED,READ,CLICKED"}
    answer = sim.graph.get(f"/{sim.waba}/template_analytics", params=params).json()
    [block] = answer["data"]
    assert block["granularity"] == "DAILY"
    points = {p["template_id"]: p for p in block["data_points"]}
    assert points["1023456789012302"]["sent"] == 2
    assert points["1023456789012302"]["read"] == 2
    assert points["1023456789012305"]["clicked"] == [
        {"type": "quick_reply_button", "button_content": "Confirm", "count": 1}]
    only_sent = sim.graph.get(f"/{sim.waba}/template_analytics",
                              params={**params, "metric_types": "SENT"}).json()["data"][0]["data_points"][0]
    assert set(only_sent) == {"template_id", "start", "end", "sent"}
    assert_meta_error(sim.graph.get(f"/{sim.waba}/template_analytics", params={**params, "template_ids": "[]"}), 100)
    assert_meta_error(sim.graph.get(f"/{sim.waba}/template_analytics", params={**params, "granularity": "MONTHLY"}), 100)
    assert_meta_error(sim.graph.get(f"/{sim.waba}/template_analytics", params={**params, "template_ids": '["1"]'}), 100)
