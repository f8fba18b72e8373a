"""GET /api/v1/templates: every page from the simulator, cached, stale when Meta fails;
and the same list giving a sent template its words (with_template_text)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.relay.conftest import TOKEN
from tests.relay.conftest_team import customer_writes, relay_read
from wadesk.cloud.templates import MessageTemplate, TemplateStatus
from wadesk.relay import send_request, templates_api
from wadesk.store import events


def sim_templates(sim: Any) -> list[dict[str, Any]]:
    return sim.call(lambda: [t.to_json() for t in sim.simulator.templates.items])


def graph_calls(sim_api: httpx.Client) -> int:
    return sim_api.get("/state").json()["counts"]["graph_calls"]


def fail_next_template_list(sim_api: httpx.Client, count: int = 1) -> None:
    answer = sim_api.post("/faults", json={"kind": "http_error", "count": count,
                                           "endpoint": "templates", "status": 500})
    answer.raise_for_status()


def test_all_pages_as_meta_returns_them_then_from_the_cache(
        relay, client, team, sim, sim_api, monkeypatch):
    monkeypatch.setattr(templates_api, "PAGE_SIZE", 3)  # the simulator holds more than 3
    expected = sim_templates(sim)
    assert len(expected) > 6
    before = graph_calls(sim_api)
    answer = client.get("/api/v1/templates", headers=team.headers("agent"))
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["templates"] == expected  # Meta's objects, untouched, in Meta's order
    assert "stale" not in body and isinstance(body["fetched_at"], float)
    assert graph_calls(sim_api) - before == -(-len(expected) // 3)  # one call per page
    parsed = [MessageTemplate.from_payload(t) for t in body["templates"]]
    hello = next(t for t in parsed if t.name == "hello_world")
    assert hello.status is TemplateStatus.APPROVED and hello.language == "en_US"
    assert hello.components and hello.id
    # Within five minutes the next desktop gets the same list without a call to Meta.
    calls = graph_calls(sim_api)
    again = client.get("/api/v1/templates", headers=team.headers("admin")).json()
    assert again == body and graph_calls(sim_api) == calls


def test_refresh_fetches_again_but_not_twice_in_a_row(relay, client, team, sim, sim_api,
                                                      monkeypatch):
    headers = team.headers("agent")
    first = client.get("/api/v1/templates", headers=headers).json()
    created = httpx.post(
        f"{sim.base_url}/v25.0/{sim.waba_id}/message_templates",
        headers={"Authorization": f"Bearer {TOKEN}"},
        json={"name": "pickup_reminder", "language": "de", "category": "UTILITY",
              "components": [{"type": "BODY", "text": "Ihr Rad wartet auf Sie."}]})
    assert created.status_code == 200, created.text
    # A refresh right after a fetch is served from the cache (no stream of calls to Meta).
    calls = graph_calls(sim_api)
    soon = client.get("/api/v1/templates", params={"refresh": "1"}, headers=headers).json()
    assert soon == first and graph_calls(sim_api) == calls
    monkeypatch.setattr(templates_api, "MIN_REFRESH_S", 0.0)
    fresh = client.get("/api/v1/templates", params={"refresh": "1"}, headers=headers).json()
    assert "pickup_reminder" in [t["name"] for t in fresh["templates"]]
    assert fresh["fetched_at"] >= first["fetched_at"]
    # Without refresh, the (new) cache answers.
    cached = client.get("/api/v1/templates", headers=headers).json()
    assert cached == fresh


def test_meta_failing_serves_the_stale_list(relay, client, team, sim_api, monkeypatch):
    headers = team.headers("agent")
    good = client.get("/api/v1/templates", headers=headers).json()
    monkeypatch.setattr(templates_api, "CACHE_S", 0.0)  # the list has expired
    fail_next_template_list(sim_api)
    stale = client.get("/api/v1/templates", headers=headers)
    assert stale.status_code == 200
    assert stale.json() == {**good, "stale": True}
    # Meta is left alone for a while after a failure: still the stale list, no new call.
    calls = graph_calls(sim_api)
    assert client.get("/api/v1/templates", headers=headers).json()["stale"] is True
    assert graph_calls(sim_api) == calls
    monkeypatch.setattr(templates_api, "RETRY_AFTER_FAILURE_S", 0.0)
    recovered = client.get("/api/v1/templates", headers=headers).json()
    assert "stale" not in recovered and recovered["templates"] == good["templates"]


def test_meta_failing_with_nothing_cached_is_a_clear_502(relay, client, team, sim_api):
    fail_next_template_list(sim_api)
    answer = client.get("/api/v1/templates", headers=team.headers("agent"))
    assert answer.status_code == 502
    error = answer.json()["error"]
    assert error["code"] == "cloud_unavailable"
    assert "WhatsApp could not be reached" in error["message"]


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wdt_nonsense"}])
def test_templates_need_a_signed_in_device(relay, client, team, headers):
    answer = client.get("/api/v1/templates", headers=headers)
    assert answer.status_code == 401
    assert answer.json()["error"]["code"]


# -- a sent template's words -------------------------------------------------------------

REMINDER = {"name": "appointment_reminder", "language": {"code": "de"}, "components": [
    {"type": "header", "parameters": [{"type": "text", "text": "12.05."}]},
    {"type": "body", "parameters": [{"type": "text", "text": "Sophie"},
                                    {"type": "text", "text": "12.05."},
                                    {"type": "text", "text": "10:30"}]}]}
REMINDER_TEXT = ("*Ihr Termin am 12.05.*\n"
                 "Hallo Sophie, wir erinnern Sie an Ihren Werkstatttermin am 12.05. um 10:30 Uhr. "
                 "Bitte bringen Sie Ihr Fahrrad mit.\n[Termin bestätigen]\n[Verschieben]")


def template_send(template: dict[str, Any], client_id: str = "c-template-0001") -> dict[str, Any]:
    return {"client_id": client_id, "conversation_id": 1, "type": "template",
            "template": template}


def with_text(relay: Any, body: dict[str, Any]) -> send_request.SendRequest:
    req = send_request.parse(body)
    return relay.call(lambda: templates_api.with_template_text(relay.ctx, req))


def test_a_template_send_gets_the_words_the_customer_reads(relay, sim_api, monkeypatch):
    before = graph_calls(sim_api)
    req = with_text(relay, template_send(REMINDER))
    assert req.echo_text == req.template_text == REMINDER_TEXT
    assert graph_calls(sim_api) == before + 1  # nothing cached yet: fetched once
    # The words are no part of the request: the same client id still means the same message.
    assert req.request_hash == send_request.parse(template_send(REMINDER)).request_hash
    # The next template send renders from the cache.
    hello = with_text(relay, template_send({"name": "hello_world", "language": "en_US"}))
    assert hello.echo_text.startswith("*Hello World*\nWelcome and congratulations!!")
    assert graph_calls(sim_api) == before + 1
    # Nor does a send wait for Meta once the list is old: the words it has will do.
    monkeypatch.setattr(templates_api, "CACHE_S", 0.0)
    assert with_text(relay, template_send(REMINDER)).echo_text == REMINDER_TEXT
    assert graph_calls(sim_api) == before + 1
    # Any other send passes through untouched.
    text = send_request.parse({"client_id": "c-text-00001", "conversation_id": 1, "type": "text",
                               "text": {"body": "Hallo"}})
    assert relay.call(lambda: templates_api.with_template_text(relay.ctx, text)) is text


def test_a_template_approved_since_the_last_fetch_is_fetched_again(relay, sim, sim_api,
                                                                   monkeypatch):
    with_text(relay, template_send(REMINDER))  # the list is cached
    created = httpx.post(
        f"{sim.base_url}/v25.0/{sim.waba_id}/message_templates",
        headers={"Authorization": f"Bearer {TOKEN}"},
        json={"name": "pickup_reminder", "language": "de", "category": "UTILITY",
              "components": [{"type": "BODY", "text": "Hallo {{1}}, Ihr Rad wartet auf Sie."}]})
    assert created.status_code == 200, created.text
    pickup = template_send({"name": "pickup_reminder", "language": {"code": "de"}, "components": [
        {"type": "body", "parameters": [{"type": "text", "text": "Jonas"}]}]})
    # Right after a fetch Meta is not asked again: the name and the values.
    calls = graph_calls(sim_api)
    assert with_text(relay, pickup).echo_text == "pickup_reminder: Jonas"
    assert graph_calls(sim_api) == calls
    monkeypatch.setattr(templates_api, "MIN_REFRESH_S", 0.0)
    assert with_text(relay, pickup).echo_text == "Hallo Jonas, Ihr Rad wartet auf Sie."
    # Unknown to Meta too: one call more at most, and the name and the values.
    ghost = template_send({"name": "no_such_template", "language": {"code": "de"}})
    assert with_text(relay, ghost).echo_text == "no_such_template"


def test_meta_failing_or_slow_never_fails_the_send(relay, sim_api, monkeypatch):
    fail_next_template_list(sim_api)
    order = template_send({"name": "order_ready", "language": {"code": "de"}, "components": [
        {"type": "body", "parameters": [{"type": "text", "text": "Jonas"},
                                        {"type": "text", "text": "R-1042"}]}]})
    failed = with_text(relay, order)
    assert failed.template_text is None and failed.echo_text == "order_ready: Jonas, R-1042"
    # Slow: the send goes on without the words; the list arrives for the next one.
    monkeypatch.setattr(templates_api, "RETRY_AFTER_FAILURE_S", 0.0)
    monkeypatch.setattr(templates_api, "TEXT_WAIT_S", 0.2)
    sim_api.post("/faults", json={"kind": "timeout", "count": 1, "endpoint": "templates",
                                  "seconds": 1.0}).raise_for_status()
    slow = with_text(relay, order)
    assert slow.template_text is None and slow.echo_text == "order_ready: Jonas, R-1042"


def test_the_send_queued_event_carries_the_rendered_template(relay, client, team, sim_api):
    conversation_id, _ = customer_writes(sim_api, relay)
    body = {**template_send(REMINDER, "c-template-0042"), "conversation_id": conversation_id}
    answer = client.post("/api/v1/messages", json=body, headers=team.headers("agent"))
    assert answer.status_code == 200, answer.text
    assert answer.json()["state"] == "accepted"
    queued = [e for e in relay_read(relay, lambda conn: events.events_since(conn, 0, 1000))
              if e.kind == "send.queued"]
    assert [e.payload["text"] for e in queued] == [REMINDER_TEXT]
    # Posting it again (a retry after a lost answer) is the same message, not a conflict.
    again = client.post("/api/v1/messages", json=body, headers=team.headers("agent"))
    assert again.status_code == 200 and again.json()["wamid"] == answer.json()["wamid"]
