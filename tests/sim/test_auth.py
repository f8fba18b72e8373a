"""Tokens, object ids and API versions: Meta's answers for each."""

from __future__ import annotations

import httpx

from tests.sim.conftest import JONAS, TOKEN, assert_meta_error


def test_any_api_version_prefix_is_served(sim):
    for version in ("v19.0", "v25.0", "v26.0"):
        answer = httpx.get(f"{sim.server.base_url}/{version}/{sim.pid}",
                           headers={"Authorization": f"Bearer {TOKEN}"})
        assert answer.status_code == 200
        assert answer.json()["id"] == sim.pid


def test_not_a_version_is_an_unknown_path(sim):
    answer = httpx.get(f"{sim.server.base_url}/latest/{sim.pid}", headers={"Authorization": f"Bearer {TOKEN}"})
    assert_meta_error(answer, 2500)


def test_wrong_token_is_190_with_http_401(sim):
    answer = sim.graph.post(f"/{sim.pid}/messages", headers={"Authorization": "Bearer EAAGnotit"},
                            json={"messaging_product": "whatsapp", "to": JONAS, "text": {"body": "x"}})
    error = assert_meta_error(answer, 190, 401)
    assert "Invalid OAuth access token" in error["message"]
    assert answer.headers["www-authenticate"].startswith("OAuth")
    assert sim.sent() == []


def test_missing_token_is_190(sim):
    answer = httpx.get(f"{sim.server.graph_url()}/{sim.pid}")
    assert_meta_error(answer, 190, 401)


def test_token_in_query_string_and_oauth_scheme_are_accepted(sim):
    assert httpx.get(f"{sim.server.graph_url()}/{sim.pid}", params={"access_token": TOKEN}).status_code == 200
    assert httpx.get(f"{sim.server.graph_url()}/{sim.pid}",
                     headers={"Authorization": f"OAuth {TOKEN}"}).status_code == 200


def test_token_expiry_mid_session_and_a_new_token(sim):
    assert sim.graph.get(f"/{sim.pid}").status_code == 200
    sim.fault("expire_token")
    error = assert_meta_error(sim.graph.get(f"/{sim.pid}"), 190, 401)
    assert error["error_subcode"] == 463
    assert "expired" in error["message"]
    assert sim.control.get("/state").json()["account"]["token_expired"] is True
    new = sim.control.post("/token", json={}).json()["access_token"]
    assert new != TOKEN
    ok = sim.graph.get(f"/{sim.pid}", headers={"Authorization": f"Bearer {new}"})
    assert ok.status_code == 200
    # The old token now reads as expired, not as garbage.
    assert assert_meta_error(sim.graph.get(f"/{sim.pid}"), 190, 401)["error_subcode"] == 463


def test_token_with_a_lifetime_expires_on_the_simulated_clock(make_sim):
    sim = make_sim(token_ttl=3600)
    assert sim.graph.get(f"/{sim.pid}").status_code == 200
    sim.advance(3601)
    assert_meta_error(sim.graph.get(f"/{sim.pid}"), 190, 401)


def test_expire_token_later(sim):
    sim.fault("expire_token", in_seconds=60)
    assert sim.graph.get(f"/{sim.pid}").status_code == 200
    sim.advance(61)
    assert_meta_error(sim.graph.get(f"/{sim.pid}"), 190, 401)


def test_unknown_phone_number_id_is_100(sim):
    answer = sim.send_text(JONAS, pid="999999999999999")
    error = assert_meta_error(answer, 100)
    assert error["error_subcode"] == 33
    assert "999999999999999" in error["message"]


def test_unknown_object_and_unknown_edge(sim):
    assert_meta_error(sim.graph.get("/123456"), 100)
    assert_meta_error(sim.graph.get(f"/{sim.pid}/no_such_edge"), 2500)
