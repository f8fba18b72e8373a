"""Media through the client: upload, info, download (also after the short-lived URL has
expired), streaming into a sink, delete."""

from __future__ import annotations

import io

import httpx
import pytest

from tests.cloud.contract.conftest import MP4, TLS, WEBP, Sim, sha256_hex
from wadesk.cloud import CloudClient
from wadesk.cloud.errors import BadRequestError, CloudApiError, MediaError
from wadesk.sim.samples import sample_bytes

pytestmark = pytest.mark.anyio

FILES = [
    ("hinterrad.jpg", sample_bytes("hinterrad.jpg"), "image/jpeg"),
    ("screenshot.png", sample_bytes("screenshot.png"), "image/png"),
    ("kaufbeleg.pdf", sample_bytes("kaufbeleg.pdf"), "application/pdf"),
    ("sprachnachricht.ogg", sample_bytes("sprachnachricht.ogg"), "audio/ogg; codecs=opus"),
    ("clip.mp4", MP4, "video/mp4"),
    ("sticker.webp", WEBP, "image/webp"),
    ("notiz.txt", "Rahmennummer: WBK 12345 — ÄÖÜ".encode(), "text/plain"),
]


@pytest.mark.parametrize("name,data,mime", FILES, ids=[f[0] for f in FILES])
async def test_upload_info_download(client: CloudClient, name: str, data: bytes, mime: str) -> None:
    media_id = await client.upload_media(data, mime, filename=name)
    info = await client.get_media_info(media_id)
    assert info.id == media_id
    assert info.mime_type == mime.split(";")[0]
    assert info.file_size == len(data)
    assert info.sha256 == sha256_hex(data)
    assert info.url.startswith(client.base_url + "/")
    downloaded = await client.download_media(media_id)
    assert downloaded.content == data
    assert downloaded.info.sha256 == info.sha256


async def test_download_streams_into_a_sink(client: CloudClient) -> None:
    data = sample_bytes("kaufbeleg.pdf")
    media_id = await client.upload_media(data, "application/pdf", filename="beleg.pdf")
    sink = io.BytesIO()
    info = await client.download_media_to(media_id, sink)
    assert sink.getvalue() == data and info.file_size == len(data)


async def test_download_limit_is_checked_before_the_bytes_come(client: CloudClient) -> None:
    data = sample_bytes("hinterrad.jpg")
    media_id = await client.upload_media(data, "image/jpeg")
    with pytest.raises(MediaError):
        await client.download_media(media_id, max_bytes=len(data) - 1)


async def test_expired_download_url_is_fetched_again(sim: Sim) -> None:
    """The URL lives five minutes: here it expires between the info call and the
    download (the clock jumps), the download answers 404 and the client asks again."""
    data = sample_bytes("screenshot.png")
    seen: list[tuple[str, int]] = []
    armed = {"on": False}

    async def on_response(response: httpx.Response) -> None:
        path = response.request.url.path
        kind = "download" if "attachments" in path else path.rsplit("/", 1)[-1]
        seen.append((kind, response.status_code))
        if armed["on"] and kind != "download":
            armed["on"] = False
            sim.advance(301)  # past media_url_ttl

    async with httpx.AsyncClient(event_hooks={"response": [on_response]}, verify=TLS) as http, \
            sim.client(http_client=http) as client:
        media_id = await client.upload_media(data, "image/png", filename="s.png")
        seen.clear()
        armed["on"] = True
        downloaded = await client.download_media(media_id)
    assert downloaded.content == data
    assert seen == [(media_id, 200), ("download", 404), (media_id, 200), ("download", 200)]


async def test_old_url_answers_404_after_five_minutes(sim: Sim, client: CloudClient) -> None:
    media_id = await client.upload_media(sample_bytes("hinterrad.jpg"), "image/jpeg")
    info = await client.get_media_info(media_id)
    sim.advance(301)
    async with sim.client() as other:
        with pytest.raises(CloudApiError) as caught:
            async with other._t.download(info.url):  # noqa: SLF001 - the raw URL on purpose
                pass
    assert caught.value.http_status == 404
    assert (await client.download_media(media_id)).content == sample_bytes("hinterrad.jpg")


async def test_delete(client: CloudClient) -> None:
    media_id = await client.upload_media(sample_bytes("kaufbeleg.pdf"), "application/pdf")
    await client.delete_media(media_id)
    with pytest.raises(BadRequestError) as caught:
        await client.get_media_info(media_id)
    assert caught.value.code == 100 and caught.value.subcode == 33
    with pytest.raises(BadRequestError):
        await client.delete_media(media_id)


async def test_unknown_media_id(client: CloudClient) -> None:
    with pytest.raises(BadRequestError) as caught:
        await client.download_media("1234567890123456")
    assert caught.value.code == 100
