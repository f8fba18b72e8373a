"""Meta's rules: the 24-hour window, throughput and pair rate limits."""

from __future__ import annotations

from tests.sim.conftest import AYLIN, EMMA, JONAS, assert_meta_error, by_rank

TEMPLATE = {"type": "template", "template": {
    "name": "order_ready", "language": {"code": "de"},
    "components": [{"type": "body", "parameters": [{"type": "text", "text": "Jonas"},
                                                    {"type": "text", "text": "R-1042"}]}]}}


def test_free_form_outside_the_window_is_accepted_then_fails_131047(sim, receiver):
    sim.say("jonas", {"text": "Hallo"})
    sim.advance(25 * 3600)
    answer = sim.send_text(JONAS, "Sind Sie noch da?", biz_opaque_callback_data="cb-1")
    assert answer.status_code == 200
    wamid = answer.json()["messages"][0]["id"]
    [failed] = receiver.wait_statuses(wamid, 1)
    assert failed["status"] == "failed"
    assert failed["biz_opaque_callback_data"] == "cb-1"
    [error] = failed["errors"]
    assert error["code"] == 131047
    assert error["title"] == "Re-engagement message"
    assert "24 hours" in error["error_data"]["details"]
    assert "pricing" not in failed


def test_never_wrote_means_no_window(sim, receiver):
    wamid = sim.send_text("4915799999999", "Hallo").json()["messages"][0]["id"]
    [failed] = receiver.wait_statuses(wamid, 1)
    assert failed["errors"][0]["code"] == 131047


def test_templates_pass_outside_the_window_and_are_billed(sim, receiver):
    answer = sim.send({"to": JONAS, **TEMPLATE})
    assert answer.status_code == 200
    message = answer.json()["messages"][0]
    assert message["message_status"] == "accepted"
    sent = by_rank(receiver.wait_statuses(message["id"], 3))
    assert [s["status"] for s in sent] == ["sent", "delivered", "read"]
    assert sent[0]["pricing"] == {"billable": True, "pricing_model": "PMP", "category": "utility",
                                  "type": "regular"}


def test_utility_template_inside_the_window_is_free(sim, receiver):
    sim.say("jonas", {"text": "Hallo"})
    wamid = sim.send({"to": JONAS, **TEMPLATE}).json()["messages"][0]["id"]
    sent = receiver.wait_statuses(wamid, 1)[0]
    assert sent["pricing"]["billable"] is False


def test_the_window_reopens_when_the_customer_writes_again(sim, receiver):
    sim.say("jonas", {"text": "Hallo"})
    sim.advance(23 * 3600)
    ok = sim.send_text(JONAS, "Noch offen").json()["messages"][0]["id"]
    assert receiver.wait_statuses(ok, 1)[0]["status"] == "sent"
    sim.advance(2 * 3600)
    closed = sim.send_text(JONAS, "Jetzt zu").json()["messages"][0]["id"]
    assert receiver.wait_statuses(closed, 1)[0]["status"] == "failed"
    sim.say("jonas", {"text": "Bin wieder da"})
    again = sim.send_text(JONAS, "Willkommen zurück").json()["messages"][0]["id"]
    assert receiver.wait_statuses(again, 1)[0]["status"] == "sent"
    state = sim.control.get("/customers/jonas").json()
    assert state["window_closes_at"] > sim.control.get("/clock").json()["now"]


def test_throughput_limit_is_130429(sim):
    sim.control.post("/clock", json={"frozen": True})  # no refill while the test runs
    sim.control.post("/limits", json={"throughput": 5})
    for who in (JONAS, EMMA, AYLIN):
        sim.say({JONAS: "jonas", EMMA: "emma", AYLIN: "aylin"}[who], {"text": "Hallo"})
    results = [sim.send_text((JONAS, EMMA, AYLIN)[i % 3], f"n{i}") for i in range(7)]
    assert [r.status_code for r in results] == [200] * 5 + [400] * 2
    error = assert_meta_error(results[5], 130429)
    assert "too many messages" in error["error_data"]["details"]
    sim.advance(1)
    assert sim.send_text(JONAS, "wieder frei").status_code == 200
    assert len(sim.sent()) == 6


def test_default_throughput_is_80_per_second(make_sim):
    sim = make_sim()
    state = sim.control.get("/limits").json()
    assert state["throughput"] == 80
    assert state["throughput_burst"] == 80


def test_pair_rate_limit_is_131056_per_customer(sim):
    sim.control.post("/clock", json={"frozen": True})
    sim.control.post("/limits", json={"pair_rate_burst": 3, "pair_rate_interval": 6})
    sim.say("jonas", {"text": "Hallo"})
    sim.say("emma", {"text": "Hi"})
    codes = [sim.send_text(JONAS, f"n{i}").status_code for i in range(4)]
    assert codes == [200, 200, 200, 400]
    error = assert_meta_error(sim.send_text(JONAS, "noch eine"), 131056)
    assert "same phone number" in error["error_data"]["details"]
    assert sim.send_text(EMMA, "other customers are fine").status_code == 200
    sim.advance(6)  # one more message per 6 s, sustained
    assert sim.send_text(JONAS, "jetzt wieder").status_code == 200
    assert sim.send_text(JONAS, "aber nur eine").status_code == 400


def test_limits_are_checked_after_validation(sim):
    sim.control.post("/clock", json={"frozen": True})
    sim.control.post("/limits", json={"throughput": 1})
    assert_meta_error(sim.send_text(JONAS, "x" * 5000), 100)
    sim.say("jonas", {"text": "Hallo"})
    assert sim.send_text(JONAS, "ok").status_code == 200
