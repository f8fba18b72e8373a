"""Incoming media: fetched from the simulator at once, stored encrypted, served to
desktops with the "media" permission."""

from __future__ import annotations

import httpx

from tests.relay.conftest import all_events, relay_read, wait_for
from wadesk.sim.samples import sample_bytes
from wadesk.store import messages as store_messages


def test_incoming_media_is_fetched_encrypted_logged_and_served(relay, sim, client, team, relay_config):
    control = httpx.Client(base_url=sim.base_url)
    said = control.post("/_sim/customers/jonas/say",
                        json={"type": "image", "file": "hinterrad.jpg", "caption": "Speiche"}).json()
    wamid = said["message"]["id"]
    wait_for(lambda: any(e.kind == "media.stored" for e in all_events(relay)))
    stored = next(e for e in all_events(relay) if e.kind == "media.stored")
    original = sample_bytes("hinterrad.jpg")
    assert stored.payload["wamid"] == wamid and stored.payload["size"] == len(original)
    message = relay_read(relay, lambda conn: store_messages.get_message_by_wamid(conn, wamid))
    assert message.media_file is not None and message.text == "Speiche"
    on_disk = (relay_config.media_dir / message.media_file).read_bytes()
    assert original not in on_disk and original[:64] not in on_disk  # encrypted at rest
    for key in (wamid, message.media_id, str(message.id)):
        answer = client.get(f"/api/v1/media/{key}", headers=team.headers("agent"))
        assert answer.status_code == 200 and answer.content == original
        assert answer.headers["content-type"] == "image/jpeg"
        assert answer.headers["cache-control"] == "private, no-store"


def test_media_needs_a_token_and_unknown_ids_are_404(relay, client, team):
    assert client.get("/api/v1/media/wamid.nothing").status_code == 401
    assert client.get("/api/v1/media/wamid.nothing", headers={
        "Authorization": f"Bearer {team.revoked_token}"}).status_code == 401
    missing = client.get("/api/v1/media/wamid.nothing", headers=team.headers("agent"))
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def test_a_failed_download_is_retried(relay, sim, client, team):
    control = httpx.Client(base_url=sim.base_url)
    control.post("/_sim/faults", json={"kind": "http_error", "count": 2, "status": 500,
                                       "endpoint": "media_info"})
    relay.ctx.media_fetcher.first_retry_s = 0.05
    said = control.post("/_sim/customers/jonas/say", json={"type": "document"}).json()
    wamid = said["message"]["id"]
    wait_for(lambda: any(e.kind == "media.stored" for e in all_events(relay)), timeout=15)
    answer = client.get(f"/api/v1/media/{wamid}", headers=team.headers("agent"))
    assert answer.status_code == 200 and answer.content == sample_bytes("kaufbeleg.pdf")
