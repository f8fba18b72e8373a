"""The relay's copies of uploads (migration 8): kept, moved onto the message a send
makes, dropped when stale, and never taken for orphans."""

from __future__ import annotations

import secrets

import pytest

from tests.store.factories import outgoing
from wadesk.store import media_files, messages, relay_media, relay_uploads
from wadesk.store._db import transaction
from wadesk.store.connection import open_database
from wadesk.store.ingest import MediaInfo, apply_messages
from wadesk.store.relay_uploads import Upload

PDF = b"%PDF-1.4 Rechnung 2024-117 " * 40


@pytest.fixture
def conn(tmp_path):
    connection = open_database(tmp_path / "relay.db", key=secrets.token_bytes(32), role="relay",
                               create=True)
    yield connection
    connection.close()


def sealed_upload(media_dir, media_id: str = "4490709327384033", *, at: int = 1000) -> Upload:
    name, key = relay_media.seal_media_file(PDF, media_dir)
    return Upload(media_id, name, key, "application/pdf", len(PDF), "ab" * 32, "rechnung.pdf",
                  7, at)


def test_a_send_takes_the_upload_onto_its_message(conn, tmp_path):
    media_dir = tmp_path / "media"
    upload = sealed_upload(media_dir)
    with transaction(conn):
        assert relay_uploads.add_upload(conn, upload)
        assert not relay_uploads.add_upload(conn, upload)  # one record per media id
    assert relay_uploads.get_upload(conn, upload.media_id) == upload
    with transaction(conn):
        apply_messages(conn, [outgoing(None, wamid=None, client_id="c-00000001", type="document",
                                       status="pending",
                                       media=MediaInfo(upload.media_id, None, None, None, None))])
        assert relay_uploads.attach_upload(conn, upload, "c-00000001")
    message = messages.get_message_by_client_id(conn, "c-00000001")
    assert message is not None and message.media_file == upload.media_file
    assert media_files.read_media(conn, message.id, media_dir) == PDF
    found = relay_media.find_stored_media(conn, upload.media_id)
    assert found is not None and found.mime == "application/pdf" and found.size == len(PDF)
    assert relay_uploads.get_upload(conn, upload.media_id) is None
    with transaction(conn):  # a second send of the same media id finds no copy to take
        assert not relay_uploads.attach_upload(conn, upload, "c-00000001")


def test_stale_uploads_and_orphan_files(conn, tmp_path):
    media_dir = tmp_path / "media"
    old = sealed_upload(media_dir, "1111111111", at=1000)
    fresh = sealed_upload(media_dir, "2222222222", at=1000 + relay_uploads.UPLOAD_LIFETIME_S)
    stray, _ = relay_media.seal_media_file(b"nobody's", media_dir)
    with transaction(conn):
        relay_uploads.add_upload(conn, old)
        relay_uploads.add_upload(conn, fresh)
    # Files of uploads no send has named yet are not orphans; a stray file is.
    assert media_files.remove_orphan_files(conn, media_dir) == 1
    assert not (media_dir / stray).exists()
    assert (media_dir / old.media_file).exists() and (media_dir / fresh.media_file).exists()
    before = 1000 + relay_uploads.UPLOAD_LIFETIME_S
    assert [u.media_id for u in relay_uploads.stale_uploads(conn, before_ts=before)] == ["1111111111"]
    with transaction(conn):
        assert relay_uploads.delete_upload(conn, "1111111111")
    assert relay_uploads.stale_uploads(conn, before_ts=before) == []
