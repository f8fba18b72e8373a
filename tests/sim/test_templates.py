"""Templates: listing with paging, creating, deleting, and the checks on sending."""

from __future__ import annotations

import httpx
import pytest

from tests.sim.conftest import EMMA, JONAS, TOKEN, assert_meta_error, wait_for


def _template(name: str, code: str, *components: dict) -> dict:
    return {"type": "template", "template": {"name": name, "language": {"code": code},
                                             "components": list(components)}}


def _body(*texts: str) -> dict:
    return {"type": "body", "parameters": [{"type": "text", "text": t} for t in texts]}


def test_list_shows_approved_and_pending_in_german_and_english(sim):
    data = sim.graph.get(f"/{sim.waba}/message_templates").json()["data"]
    by_key = {(t["name"], t["language"]): t for t in data}
    assert by_key[("order_ready", "de")]["status"] == "APPROVED"
    assert by_key[("order_ready", "en")]["status"] == "APPROVED"
    assert by_key[("hello_world", "en_US")]["status"] == "APPROVED"
    assert by_key[("appointment_reminder", "de")]["category"] == "UTILITY"
    assert by_key[("spring_check", "de")]["status"] == "PENDING"
    assert by_key[("spring_check", "de")]["parameter_format"] == "NAMED"
    item = by_key[("order_ready", "de")]
    assert set(item) == {"id", "name", "language", "status", "category", "parameter_format", "components"}
    assert "{{1}}" in next(c for c in item["components"] if c["type"] == "BODY")["text"]


def test_paging_follows_next_until_the_end(sim):
    names, pages = [], 0
    url: str | None = f"{sim.server.graph_url()}/{sim.waba}/message_templates?limit=3&fields=name,status"
    while url:
        page = httpx.get(url, headers={"Authorization": f"Bearer {TOKEN}"}).json()
        pages += 1
        names += [t["name"] + ":" + t["id"] for t in page["data"]]
        assert all(set(t) == {"name", "status", "id"} for t in page["data"])
        assert page["paging"]["cursors"]["after"]
        url = page["paging"].get("next")
    assert pages == 4  # 10 templates, 3 a page
    assert len(names) == len(set(names)) == 10


def test_paging_by_after_cursor_and_filters(sim):
    first = sim.graph.get(f"/{sim.waba}/message_templates", params={"limit": 2}).json()
    after = first["paging"]["cursors"]["after"]
    second = sim.graph.get(f"/{sim.waba}/message_templates", params={"limit": 2, "after": after}).json()
    assert {t["id"] for t in first["data"]}.isdisjoint({t["id"] for t in second["data"]})
    assert "previous" in second["paging"]
    pending = sim.graph.get(f"/{sim.waba}/message_templates", params={"status": "PENDING"}).json()["data"]
    assert {t["name"] for t in pending} == {"spring_check"}
    assert "next" not in sim.graph.get(f"/{sim.waba}/message_templates").json()["paging"]
    assert_meta_error(sim.graph.get(f"/{sim.waba}/message_templates", params={"after": "garbage!"}), 100)
    assert_meta_error(sim.graph.get(f"/{sim.waba}/message_templates", params={"fields": "nope"}), 100)


def test_create_then_approved_then_sendable(make_sim, receiver):
    sim = make_sim(webhook_url=receiver.url, template_review_delay=0.05)
    new = {"name": "pickup_slot", "language": "de", "category": "UTILITY",
           "components": [{"type": "BODY", "text": "Hallo {{1}}, Abholung ab {{2}} Uhr möglich.",
                           "example": {"body_text": [["Jonas", "16"]]}}]}
    created = sim.graph.post(f"/{sim.waba}/message_templates", json=new)
    assert created.status_code == 200
    body = created.json()
    assert body["status"] == "PENDING" and body["category"] == "UTILITY" and body["id"].isdigit()
    [post] = wait_for(lambda: receiver.posts)
    assert post.values()[0]["event"] == "APPROVED"
    answer = sim.send({"to": JONAS, **_template("pickup_slot", "de", _body("Jonas", "16"))})
    assert answer.status_code == 200
    assert sim.sent()[0]["text"] == "Hallo Jonas, Abholung ab 16 Uhr möglich."
    assert_meta_error(sim.graph.post(f"/{sim.waba}/message_templates", json=new), 100)  # exists


@pytest.mark.parametrize(
    "template",
    [
        {"name": "Mit Großbuchstaben", "language": "de", "category": "UTILITY",
         "components": [{"type": "BODY", "text": "x"}]},
        {"name": "ok_name", "language": "deutsch", "category": "UTILITY", "components": [{"type": "BODY", "text": "x"}]},
        {"name": "ok_name", "language": "de", "category": "SPAM", "components": [{"type": "BODY", "text": "x"}]},
        {"name": "ok_name", "language": "de", "category": "UTILITY", "components": []},
        {"name": "ok_name", "language": "de", "category": "UTILITY",
         "components": [{"type": "BODY", "text": "x" * 1025}]},
        {"name": "ok_name", "language": "de", "category": "UTILITY",
         "components": [{"type": "HEADER", "format": "TEXT", "text": "h" * 61}, {"type": "BODY", "text": "x"}]},
        {"name": "ok_name", "language": "de", "category": "UTILITY",
         "components": [{"type": "BODY", "text": "x"}, {"type": "FOOTER", "text": "f" * 61}]},
        {"name": "ok_name", "language": "de", "category": "UTILITY",
         "components": [{"type": "BODY", "text": "x"},
                        {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "b"}] * 11}]},
    ],
    ids=["name", "language", "category", "no-components", "body-1025", "header-61", "footer-61", "11-buttons"],
)
def test_create_validation_is_100(sim, template):
    assert_meta_error(sim.graph.post(f"/{sim.waba}/message_templates", json=template), 100)


def test_delete_by_name_and_by_hsm_id(sim):
    listed = sim.graph.get(f"/{sim.waba}/message_templates", params={"name": "order_ready"}).json()["data"]
    german = next(t for t in listed if t["language"] == "de")
    answer = sim.graph.delete(f"/{sim.waba}/message_templates", params={"name": "order_ready", "hsm_id": german["id"]})
    assert answer.json() == {"success": True}
    left = sim.graph.get(f"/{sim.waba}/message_templates", params={"name": "order_ready"}).json()["data"]
    assert [t["language"] for t in left] == ["en"]
    assert sim.graph.delete(f"/{sim.waba}/message_templates", params={"name": "appointment_reminder"}).status_code == 200
    assert_meta_error(sim.graph.delete(f"/{sim.waba}/message_templates", params={"name": "appointment_reminder"}), 100)
    assert_meta_error(sim.graph.delete(f"/{sim.waba}/message_templates"), 100)


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        (_template("no_such_template", "de", _body()), 132001),
        (_template("order_ready", "fr", _body("a", "b")), 132001),
        (_template("spring_check", "de"), 132001),  # pending
        (_template("winter_storage", "de"), 132001),  # rejected
        (_template("review_request", "en", _body("Emma")), 132015),  # paused
        (_template("order_ready", "de", _body("Jonas")), 132000),
        (_template("order_ready", "de", _body("Jonas", "R-1", "extra")), 132000),
        (_template("order_ready", "de"), 132000),
        (_template("appointment_reminder", "de", _body("Sophie", "12.05.", "10:30")), 132000),  # no header param
        (_template("repair_quote", "de", {"type": "header", "parameters": [{"type": "text", "text": "x"}]},
                   _body("Lukas", "89 €")), 132012),
        (_template("hello_world", "en_US", _body("unexpected")), 132000),
        (_template("order_ready", "de", _body("x" * 1000, "y")), 132005),
        ({"type": "template", "template": {"name": "order_ready"}}, 100),
    ],
    ids=["unknown", "unknown-language", "pending", "rejected", "paused", "too-few", "too-many", "missing-body",
         "missing-header", "header-kind", "params-for-none", "too-long", "no-language"],
)
def test_template_send_errors(sim, payload, code):
    assert_meta_error(sim.send({"to": JONAS, **payload}), code)
    assert sim.sent() == []


def test_template_sends_with_header_buttons_and_named_params(sim):
    reminder = _template(
        "appointment_reminder", "en",
        {"type": "header", "parameters": [{"type": "text", "text": "12 May"}]},
        _body("Emma", "12 May", "10:30"),
        {"type": "button", "sub_type": "quick_reply", "index": "0", "parameters": [{"type": "payload", "payload": "ok"}]},
    )
    assert sim.send({"to": EMMA, **reminder}).status_code == 200
    quote = _template("repair_quote", "de",
                      {"type": "header", "parameters": [{"type": "document", "document": {
                          "link": "https://radhaus.example/kv.pdf", "filename": "KV.pdf"}}]},
                      _body("Lukas", "89,00 €"))
    assert sim.send({"to": JONAS, **quote}).status_code == 200
    sim.control.post("/templates/1023456789012307/status", json={"status": "APPROVED"})
    named = _template("spring_check", "de", {"type": "body", "parameters": [
        {"type": "text", "parameter_name": "first_name", "text": "Aylin"},
        {"type": "text", "parameter_name": "end_date", "text": "30.04."}]})
    assert sim.send({"to": "4915123456789", **named}).status_code == 200
    assert sim.sent()[-1]["text"].startswith("Hallo Aylin, der Frühling ist da! Bis 30.04.")
    wrong_name = _template("spring_check", "de", {"type": "body", "parameters": [
        {"type": "text", "parameter_name": "vorname", "text": "Aylin"},
        {"type": "text", "parameter_name": "end_date", "text": "30.04."}]})
    assert_meta_error(sim.send({"to": "4915123456789", **wrong_name}), 132000)
    bad_button = dict(reminder)
    bad_button["template"] = {**reminder["template"], "components": reminder["template"]["components"][:2] + [
        {"type": "button", "sub_type": "quick_reply", "index": "5", "parameters": []}]}
    assert_meta_error(sim.send({"to": EMMA, **bad_button}), 131009)
