"""The relay's presence list -> the worker's signal: the relay's conversation ids mapped
to this replica's, my own entries and unknown conversations left out."""

from __future__ import annotations

import asyncio
import os
import time

import pytest

from tests.desktop.conftest import Inbox
from wadesk.desktop.sync.worker import SyncWorker
from wadesk.store import replica_sync
from wadesk.store.connection import open_database


@pytest.fixture
def replica(tmp_path):
    """A replica file with two conversations whose relay ids differ from the local ones."""
    key, path = os.urandom(32), tmp_path / "replica.db"
    conn = open_database(path, key=key, create=True)
    inbox = Inbox(conn, tmp_path / "media")
    jonas = inbox.incoming("491701234567").conversation_id
    aylin = inbox.incoming("4915123456789").conversation_id
    replica_sync.remember_relay_conversation(conn, jonas, 40)
    replica_sync.remember_relay_conversation(conn, aylin, jonas)  # the relay's 1 is our 2
    conn.close()
    return (lambda: open_database(path, key=key)), jonas, aylin


def run_presence(opener, entries, me_id="7"):
    worker = SyncWorker("http://127.0.0.1:9", "token", opener, None, me_id)
    seen = []
    worker.presence_changed.connect(seen.append)
    try:
        asyncio.run(worker._presence(entries))
    finally:
        worker.db.close()
    return seen


def test_presence_names_the_local_conversation(replica):
    opener, jonas, aylin = replica
    until = time.time() + 10
    seen = run_presence(opener, [
        {"conversation_id": 40, "person_id": "9", "what": "typing", "until": until},
        {"conversation_id": jonas, "person_id": "9", "what": "typing", "until": until},  # = local aylin
        {"conversation_id": 40, "person_id": "7", "what": "typing", "until": until},  # me
        {"conversation_id": 999, "person_id": "9", "what": "typing", "until": until},  # unknown here
        {"conversation_id": 40, "person_id": "9", "what": "dancing", "until": until},  # a kind from the future
        {"conversation_id": "x", "person_id": "9", "what": "typing"},  # broken
    ])
    assert len(seen) == 1
    assert sorted((t.conversation_id, t.person_id) for t in seen[0]) == sorted([(jonas, "9"), (aylin, "9")])
    assert all(abs(t.until - until) < 1.0 for t in seen[0])


def test_a_skewed_relay_clock_neither_hides_nor_pins_it(replica):
    opener, _jonas, _aylin = replica
    seen = run_presence(opener, [
        {"conversation_id": 40, "person_id": "9", "what": "typing", "until": time.time() - 30},
        {"conversation_id": 40, "person_id": "8", "what": "typing", "until": time.time() + 3600},
    ])
    now = time.time()
    assert [(t.person_id, 0 < t.until - now <= 15.0) for t in seen[0]] == [("8", True), ("9", True)]
