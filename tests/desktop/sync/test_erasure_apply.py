"""A page with a `contact.erased` event: what event_apply reports to the UI, and that
the erased rows leave no page image behind in the WAL."""

from __future__ import annotations

import os
import secrets
import time
from pathlib import Path

import pytest

from tests.store.sqlcipher_pages import wal_pages
from wadesk.desktop.sync.event_apply import apply_page
from wadesk.store import conversations
from wadesk.store.connection import open_database
from wadesk.store.contact_erasure import Subject, subject_of
from wadesk.store.contacts import find_contact

PN = "106540352242922"
MARKER = "Kesselflickerlied5813"


def contact(wa_id: str, name: str) -> dict:
    return {"wa_id": wa_id, "user_id": None, "profile_name": name, "username": None}


JONAS, AYLIN, NEW = contact("491701234567", "Jonas"), contact("4915112345678", "Aylin"), contact("4915100000999", "Neu")


@pytest.fixture
def key() -> bytes:
    return os.urandom(32)


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "replica.db"


@pytest.fixture
def conn(db_path, key):
    connection = open_database(db_path, key=key, create=True)
    yield connection
    connection.close()


def event(seq: int, kind: str, payload: dict) -> dict:
    return {"seq": seq, "at": int(time.time()), "kind": kind, "actor_id": 1, "payload": payload}


def message_in(seq: int, who: dict, text: str, media: dict | None = None) -> dict:
    return event(seq, "message.in", {
        "wamid": f"wamid.{seq}", "phone_number_id": PN, "contact": who, "type": "image" if media else "text",
        "ts": int(time.time()), "text": text, "reply_to_wamid": None, "media": media, "origin": "cloud",
        "raw": None})


def erased(seq: int, subject: Subject) -> dict:
    return event(seq, "contact.erased", {"subject": subject.as_json(), "consent_proofs": [], "ts": 1})


def subject_for(conn, wa_id: str) -> Subject:
    return subject_of(find_contact(conn, wa_id=wa_id), secrets.token_hex(16))


def test_news_about_an_erased_customer_in_the_same_page_is_dropped(conn):
    apply_page(conn, [message_in(1, AYLIN, "Hallo")], "7")
    photo = {"media_id": "m-1", "mime": "image/jpeg", "size": 10, "filename": None, "sha256": None}
    first = apply_page(conn, [message_in(2, JONAS, f"Code {MARKER}")], "7")
    (jonas,) = first.conversations
    # One page: Jonas sends a photo, is erased, and a new customer writes after it.
    subject = subject_for(conn, JONAS["wa_id"])
    changes = apply_page(conn, [message_in(3, JONAS, "Foto", media=photo), erased(4, subject),
                                message_in(5, NEW, "Guten Tag")], "7")

    assert changes.erasures == 1 and changes.erased == {jonas}
    assert len(changes.erased_messages) == 2 and changes.wal_truncated is True
    assert changes.media == []  # no download of the erased photo
    assert [n.name for n in changes.incoming] == ["Neu"]  # no notice about Jonas
    new = conversations.list_conversations(conn)[0].conversation.id
    assert changes.conversations == {new} and set(changes.messages.values()) == {new}
    assert changes.total_unread == 2 and changes.cursor == 5 and not changes.empty


def test_the_erased_rows_leave_no_page_image_in_the_wal(conn, db_path, key):
    apply_page(conn, [message_in(1, JONAS, f"Mein Code ist {MARKER}")], "7")
    assert any(MARKER.encode() in page for page in wal_pages(Path(f"{db_path}-wal"), key))

    changes = apply_page(conn, [erased(2, subject_for(conn, JONAS["wa_id"]))], "7")

    assert changes.wal_truncated is True
    assert not any(MARKER.encode() in page for page in wal_pages(Path(f"{db_path}-wal"), key))


def test_an_erasure_of_someone_never_seen_here_changes_no_row(conn):
    apply_page(conn, [message_in(1, AYLIN, "Hallo")], "7")
    stranger = Subject("00" * 16, "ab" * 32, None)
    changes = apply_page(conn, [erased(2, stranger)], "7")
    assert changes.erasures == 1 and changes.erased == set() and changes.erased_media == []
    assert len(conversations.list_conversations(conn)) == 1
