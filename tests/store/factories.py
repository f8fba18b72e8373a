"""Test data in the shapes webhooks and sync events give the store."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import sqlcipher3

from wadesk.store.connection import key_statements
from wadesk.store.contacts import ContactInfo
from wadesk.store.ingest import IncomingMessage, MediaInfo, OutgoingMessage

PHONE = "106540352242922"
_numbers = itertools.count(1)


def contact(n: int = 1, **changes: Any) -> ContactInfo:
    fields = {"wa_id": f"4915100000{n:03d}", "profile_name": f"Kunde {n}"}
    fields.update(changes)
    return ContactInfo(**fields)


def incoming(text: str | None = "Hallo", *, n: int = 1, ts: int = 1_700_000_000, **fields: Any) -> IncomingMessage:
    values: dict[str, Any] = {
        "wamid": f"wamid.in.{next(_numbers)}",
        "phone_number_id": PHONE,
        "contact": contact(n),
        "type": "text",
        "ts": ts,
        "text": text,
    }
    values.update(fields)
    return IncomingMessage(**values)


def outgoing(text: str | None = "Danke!", *, n: int = 1, ts: int = 1_700_000_100, **fields: Any) -> OutgoingMessage:
    values: dict[str, Any] = {
        "phone_number_id": PHONE,
        "contact": contact(n),
        "type": "text",
        "ts": ts,
        "text": text,
        "wamid": f"wamid.out.{next(_numbers)}",
    }
    values.update(fields)
    return OutgoingMessage(**values)


def image(caption: str = "Foto", **fields: Any) -> IncomingMessage:
    media = MediaInfo(media_id="1234567890", mime="image/jpeg", size=12345, sha256="ab" * 32)
    return incoming(caption, type="image", media=media, **fields)


def assert_search_index_consistent(conn: Any) -> None:
    """FTS5's own check that the index matches the messages table exactly."""
    conn.execute("INSERT INTO message_fts(message_fts, rank) VALUES ('integrity-check', 1)")
    conn.execute("INSERT INTO contact_fts(contact_fts, rank) VALUES ('integrity-check', 1)")


def indexed_terms(conn: Any) -> set[str]:
    """Every term the message search index holds."""
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.message_vocab"
        " USING fts5vocab(main, message_fts, 'row')"
    )
    return {row[0] for row in conn.execute("SELECT term FROM temp.message_vocab")}


def raw_sqlcipher(path: Path, key: bytes) -> Any:
    """A bare SQLCipher connection to a wadesk file, bypassing the store's checks."""
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    for statement in key_statements(key=key):
        conn.execute(statement)
    return conn
