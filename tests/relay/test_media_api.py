"""Incoming media: fetched from the simulator at once, stored encrypted, served to
desktops with the "media" permission. Outgoing media: the relay keeps its copy of an
upload and serves it the same way once a send names it."""

from __future__ import annotations

import hashlib
import time
import uuid
from typing import Any

import httpx

from tests.relay.conftest import all_events, relay_read, wait_for
from tests.relay.conftest_team import customer_writes
from wadesk.relay import outgoing_media
from wadesk.sim.samples import sample_bytes
from wadesk.store import messages as store_messages
from wadesk.store import relay_uploads


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


def test_a_failed_download_is_retried_until_it_comes(relay, sim, client, team):
    """Fifteen failures in a row (a longer outage) do not give the file up: only a
    media id past its 7 days, or Meta saying it is gone, does."""
    control = httpx.Client(base_url=sim.base_url)
    control.post("/_sim/faults", json={"kind": "http_error", "count": 15, "status": 500,
                                       "endpoint": "media_info"})
    relay.ctx.media_fetcher.first_retry_s = 0.02
    relay.ctx.media_fetcher.max_retry_s = 0.1
    said = control.post("/_sim/customers/jonas/say", json={"type": "document"}).json()
    wamid = said["message"]["id"]
    wait_for(lambda: any(e.kind == "media.stored" for e in all_events(relay)), timeout=15)
    answer = client.get(f"/api/v1/media/{wamid}", headers=team.headers("agent"))
    assert answer.status_code == 200 and answer.content == sample_bytes("kaufbeleg.pdf")


def upload(client: httpx.Client, team: Any, name: str, mime: str) -> dict[str, Any]:
    answer = client.post(f"/api/v1/media?filename={name}", content=sample_bytes(name),
                         headers={**team.headers("agent"), "Content-Type": mime})
    assert answer.status_code == 201, answer.text
    return answer.json()


def test_outgoing_media_is_kept_and_served_to_every_desktop(relay, client, team, sim_api,
                                                            relay_config):
    conversation_id, _ = customer_writes(sim_api, relay)
    original = sample_bytes("kaufbeleg.pdf")
    uploaded = upload(client, team, "kaufbeleg.pdf", "application/pdf")
    assert uploaded["kept"] is True
    media_id = uploaded["media_id"]
    client_id = "c-" + uuid.uuid4().hex
    sent = client.post("/api/v1/messages", headers=team.headers("agent"), json={
        "client_id": client_id, "conversation_id": conversation_id, "type": "document",
        "document": {"id": media_id, "caption": "Ihre Rechnung"}})
    assert sent.status_code == 200 and sent.json()["state"] == "accepted", sent.text
    wamid = sent.json()["wamid"]
    # The echo every desktop applies names the file by the media id it fetches it with.
    queued = next(e for e in all_events(relay) if e.kind == "send.queued")
    assert queued.payload["media"] == {
        "media_id": media_id, "mime": "application/pdf", "size": len(original),
        "sha256": hashlib.sha256(original).hexdigest(), "filename": "kaufbeleg.pdf"}
    message = relay_read(relay, lambda c: store_messages.get_message_by_client_id(c, client_id))
    assert message.media_file is not None and message.wamid == wamid
    on_disk = (relay_config.media_dir / message.media_file).read_bytes()
    assert original[:64] not in on_disk  # encrypted at rest, like incoming media
    for key in (media_id, wamid):
        for role in ("agent", "owner"):
            answer = client.get(f"/api/v1/media/{key}", headers=team.headers(role))
            assert answer.status_code == 200 and answer.content == original
            assert answer.headers["content-type"] == "application/pdf"
    # Nothing is left waiting for a send: the file belongs to the message now.
    assert relay_read(relay, lambda conn: relay_uploads.get_upload(conn, media_id)) is None


def test_an_upload_no_send_names_is_dropped_after_metas_30_days(relay, client, team,
                                                                relay_config):
    media_id = upload(client, team, "hinterrad.jpg", "image/jpeg")["media_id"]
    kept = relay_read(relay, lambda conn: relay_uploads.get_upload(conn, media_id))
    assert kept is not None and (relay_config.media_dir / kept.media_file).exists()
    assert kept.size == len(sample_bytes("hinterrad.jpg")) and kept.mime == "image/jpeg"
    soon = relay.call(lambda: outgoing_media.drop_stale_uploads(relay.ctx, now=time.time() + 86400))
    assert soon == 0
    later = time.time() + relay_uploads.UPLOAD_LIFETIME_S + 60
    assert relay.call(lambda: outgoing_media.drop_stale_uploads(relay.ctx, now=later)) == 1
    assert relay_read(relay, lambda conn: relay_uploads.get_upload(conn, media_id)) is None
    assert not (relay_config.media_dir / kept.media_file).exists()
