"""Media: upload, info with a short-lived URL, authenticated download, delete; the
customers' real sample files; the resumable upload."""

from __future__ import annotations

import hashlib

import httpx
import pytest

from tests.sim.conftest import JONAS, TOKEN, assert_meta_error, wait_for
from wadesk.sim.samples import sample_bytes

JPEG = sample_bytes("hinterrad.jpg")


def _upload(sim, data: bytes, mime: str, filename: str = "file", product: str | None = "whatsapp"):
    form = {"type": mime}
    if product is not None:
        form["messaging_product"] = product
    return sim.graph.post(f"/{sim.pid}/media", data=form, files={"file": (filename, data, mime)})


def test_upload_info_download_delete_round_trip(sim):
    answer = _upload(sim, JPEG, "image/jpeg", "rad.jpg")
    assert answer.status_code == 200, answer.text
    media_id = answer.json()["id"]
    info = sim.graph.get(f"/{media_id}").json()
    assert info["messaging_product"] == "whatsapp"
    assert info["id"] == media_id
    assert info["mime_type"] == "image/jpeg"
    assert info["file_size"] == len(JPEG)
    assert info["sha256"] == hashlib.sha256(JPEG).hexdigest()
    download = httpx.get(info["url"], headers={"Authorization": f"Bearer {TOKEN}"})
    assert download.status_code == 200
    assert download.content == JPEG
    assert download.headers["content-type"] == "image/jpeg"
    assert httpx.get(info["url"]).status_code == 401  # the same bearer token is required
    assert sim.graph.get(f"/{media_id}", params={"phone_number_id": sim.pid}).status_code == 200
    assert_meta_error(sim.graph.get(f"/{media_id}", params={"phone_number_id": "123"}), 100)
    assert sim.graph.delete(f"/{media_id}").json() == {"success": True}
    assert_meta_error(sim.graph.get(f"/{media_id}"), 100)
    assert httpx.get(info["url"], headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 404
    assert_meta_error(sim.graph.delete(f"/{media_id}"), 100)


def test_download_url_expires_after_five_simulated_minutes(sim):
    media_id = _upload(sim, JPEG, "image/jpeg").json()["id"]
    url = sim.graph.get(f"/{media_id}").json()["url"]
    sim.advance(299)
    assert httpx.get(url, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    sim.advance(2)
    assert httpx.get(url, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 404
    fresh = sim.graph.get(f"/{media_id}").json()["url"]
    assert fresh != url
    assert httpx.get(fresh, headers={"Authorization": f"Bearer {TOKEN}"}).content == JPEG


def test_uploaded_media_lives_30_days(sim):
    media_id = _upload(sim, JPEG, "image/jpeg").json()["id"]
    sim.advance(29 * 86400)
    assert sim.graph.get(f"/{media_id}").status_code == 200
    sim.advance(2 * 86400)
    assert_meta_error(sim.graph.get(f"/{media_id}"), 100)


@pytest.mark.parametrize(
    ("data", "mime", "code"),
    [
        (b"<html></html>", "text/html", 131053),
        (b"PK\x03\x04zip", "application/zip", 131053),
        (b"this is not a jpeg", "image/jpeg", 131053),
        (b"\xff\xd8\xff" + b"\0" * (5 * 1024 * 1024), "image/jpeg", 131053),
        (b"RIFF\0\0\0\0WEBP" + b"\0" * (100 * 1024), "image/webp", 131053),
        (b"", "application/pdf", 131053),
    ],
    ids=["html", "zip", "wrong-content", "image-over-5mb", "static-sticker-over-100kb", "empty"],
)
def test_unsupported_or_oversize_media_is_131053(sim, data, mime, code):
    error = assert_meta_error(_upload(sim, data, mime), code)
    assert error["error_data"]["details"]


def test_upload_needs_messaging_product_and_file(sim):
    assert_meta_error(_upload(sim, JPEG, "image/jpeg", product=None), 100)
    no_file = sim.graph.post(f"/{sim.pid}/media", data={"messaging_product": "whatsapp", "type": "image/jpeg"},
                             files={"other": ("x", b"y", "text/plain")})
    assert_meta_error(no_file, 100)
    assert_meta_error(sim.graph.post(f"/{sim.pid}/media", json={"messaging_product": "whatsapp"}), 100)


def test_every_document_and_audio_type_uploads(sim):
    for name, mime in [("kaufbeleg.pdf", "application/pdf"), ("sprachnachricht.ogg", "audio/ogg"),
                       ("screenshot.png", "image/png")]:
        assert _upload(sim, sample_bytes(name), mime, name).status_code == 200
    assert _upload(sim, b"Plain text notes", "text/plain", "notes.txt").status_code == 200


def test_customer_media_is_real_and_downloadable(sim, receiver):
    for spec, mime, magic in [
        ({"type": "image", "file": "hinterrad.jpg", "caption": "Hinterrad"}, "image/jpeg", b"\xff\xd8\xff"),
        ({"type": "image", "file": "screenshot.png"}, "image/png", b"\x89PNG\r\n\x1a\n"),
        ({"type": "document", "file": "kaufbeleg.pdf", "filename": "Beleg.pdf"}, "application/pdf", b"%PDF-"),
        ({"type": "audio", "file": "sprachnachricht.ogg"}, "audio/ogg; codecs=opus", b"OggS"),
    ]:
        message = sim.say("aylin", spec)
        item = message[spec["type"]]
        assert item["mime_type"] == mime
        info = sim.graph.get(f"/{item['id']}").json()
        data = httpx.get(info["url"], headers={"Authorization": f"Bearer {TOKEN}"}).content
        assert data.startswith(magic)
        assert hashlib.sha256(data).hexdigest() == item["sha256"] == info["sha256"]
        assert httpx.get(item["url"], headers={"Authorization": f"Bearer {TOKEN}"}).content == data
    document = sim.control.get("/inbound").json()["data"][2]["message"]["document"]
    assert document["filename"] == "Beleg.pdf"
    voice = sim.control.get("/inbound").json()["data"][3]["message"]["audio"]
    assert voice["voice"] is True


def test_customer_media_expires_after_7_days(sim):
    item = sim.say("jonas", {"type": "image"})["image"]
    sim.advance(7 * 86400 + 1)
    assert_meta_error(sim.graph.get(f"/{item['id']}"), 100)


def test_sending_uploaded_media_and_bad_media_ids(sim, receiver):
    sim.say("jonas", {"text": "Schick mal ein Foto"})
    image = _upload(sim, JPEG, "image/jpeg").json()["id"]
    pdf = _upload(sim, sample_bytes("kaufbeleg.pdf"), "application/pdf").json()["id"]
    ok = sim.send({"to": JONAS, "type": "image", "image": {"id": image, "caption": "So sieht's aus"}})
    assert receiver.wait_statuses(ok.json()["messages"][0]["id"], 1)[0]["status"] == "sent"
    for payload in ({"type": "image", "image": {"id": "000000"}},
                    {"type": "image", "image": {"id": pdf}},
                    {"type": "audio", "audio": {"id": image, "voice": True}}):
        answer = sim.send({"to": JONAS, **payload})
        assert answer.status_code == 200  # accepted; the failure comes by webhook
        [failed] = receiver.wait_statuses(answer.json()["messages"][0]["id"], 1)
        assert failed["status"] == "failed"
        assert failed["errors"][0]["code"] == 131053


def test_resumable_upload_and_profile_picture(sim):
    app_id = sim.control.get("/state").json()["account"]["app_id"]
    png = sample_bytes("logo.png")
    start = sim.graph.post(f"/{app_id}/uploads", params={"file_name": "logo.png", "file_length": len(png),
                                                         "file_type": "image/png"})
    session = start.json()["id"]
    assert session.startswith("upload:")
    half = len(png) // 2
    first = sim.graph.post(f"/{session}", content=png[:half],
                           headers={"file_offset": "0", "Authorization": f"OAuth {TOKEN}"})
    assert first.json()["file_offset"] == half
    assert sim.graph.get(f"/{session}").json() == {"id": session, "file_offset": half}
    assert_meta_error(sim.graph.post(f"/{session}", content=png[half:], headers={"file_offset": "0"}), 100)
    done = sim.graph.post(f"/{session}", content=png[half:], headers={"file_offset": str(half)})
    handle = done.json()["h"]
    assert handle.startswith("4::")
    answer = sim.graph.post(f"/{sim.pid}/whatsapp_business_profile",
                            json={"messaging_product": "whatsapp", "profile_picture_handle": handle})
    assert answer.json() == {"success": True}
    url = sim.graph.get(f"/{sim.pid}/whatsapp_business_profile",
                        params={"fields": "profile_picture_url"}).json()["data"][0]["profile_picture_url"]
    assert httpx.get(url).content == png
    assert_meta_error(sim.graph.post(f"/{sim.pid}/whatsapp_business_profile",
                                     json={"messaging_product": "whatsapp", "profile_picture_handle": "4::nope"}), 100)
    assert_meta_error(sim.graph.post("/999/uploads", params={"file_name": "a", "file_length": 1,
                                                             "file_type": "image/png"}), 100)
    assert_meta_error(sim.graph.post(f"/{app_id}/uploads", params={"file_name": "a", "file_length": 1,
                                                                   "file_type": "image/gif"}), 100)


def test_download_fault_and_auth(sim):
    media_id = _upload(sim, JPEG, "image/jpeg").json()["id"]
    url = sim.graph.get(f"/{media_id}").json()["url"]
    sim.fault("http_error", endpoint="download")
    assert httpx.get(url, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 500
    assert httpx.get(url, headers={"Authorization": "Bearer wrong"}).status_code == 401
    wait_for(lambda: httpx.get(url, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200)
