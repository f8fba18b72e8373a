"""Group commit: many writers share one COMMIT; a failing one undoes only itself."""

from __future__ import annotations

import asyncio
import secrets
import threading
from typing import ClassVar

import pytest

from tests.relay.conftest import make_relay_config
from wadesk.relay.context import RelayContext
from wadesk.relay.writer import GroupCommitWriter
from wadesk.store import events
from wadesk.store.connection import open_database


def test_concurrent_writes_share_commits_and_failures_stay_their_own(tmp_path):
    async def run():
        ctx = RelayContext(make_relay_config(tmp_path / "relay"))
        await ctx.start()
        try:
            def good(n):
                return lambda conn: events.append_event(conn, "t", {"n": n}, dedupe_key=f"k{n}")

            def bad(conn):
                events.append_event(conn, "t", {"n": "bad"}, dedupe_key="bad")
                raise ValueError("refused")

            calls = [ctx.write(good(n)) if n % 10 else ctx.write(bad) for n in range(200)]
            results = await asyncio.gather(*calls, return_exceptions=True)
            failures = [r for r in results if isinstance(r, Exception)]
            assert len(failures) == 20 and all(isinstance(f, ValueError) for f in failures)
            assert sorted(r for r in results if isinstance(r, int)) == list(range(1, 181))
            stored = await ctx.read(lambda conn: events.events_since(conn, 0))
            assert len(stored) == 180 and all(e.payload["n"] != "bad" for e in stored)
            writer = ctx._writer
            assert writer is not None and writer.groups < 200  # they really shared commits
            assert ctx.latest_seq == 180
        finally:
            await ctx.stop()

    asyncio.run(run())


def test_a_failing_commit_fails_every_caller_of_the_group(tmp_path):
    key = secrets.token_bytes(32)
    path = tmp_path / "relay.db"
    conn = open_database(path, key=key, role="relay", create=True)
    conn.close()
    writer = GroupCommitWriter(lambda: open_database(path, key=key, role="relay",
                                                     check_same_thread=False))
    writer.start().result(10)
    try:
        # A deferred foreign key violation is only checked at COMMIT.
        def violate(conn):
            conn.execute("PRAGMA defer_foreign_keys = ON")
            conn.execute("INSERT INTO conversations(contact_id, phone_number_id, created_at)"
                          " VALUES (999, 'x', 0)")

        gate, running = threading.Event(), threading.Event()
        blocker = writer.submit(lambda conn: (running.set(), gate.wait(5)))
        running.wait(5)  # the next two queue up behind it: one group of their own
        futures = [writer.submit(violate), writer.submit(lambda conn: events.append_event(conn, "t", {}))]
        gate.set()
        blocker.result(5)
        for future in futures:
            with pytest.raises(Exception):
                future.result(5)
        assert writer.submit(events.latest_seq).result(5) == 0
    finally:
        writer.stop()


class Note:
    """A write that can share its work with the notes queued beside it."""

    combined: ClassVar[list[int]] = []

    def __init__(self, n, bad=False):
        self.n, self.bad = n, bad

    def __call__(self, conn):
        if self.bad:
            events.append_event(conn, "note", {"n": self.n}, dedupe_key=f"note{self.n}")
            raise ValueError("refused")
        return events.append_event(conn, "note", {"n": self.n}, dedupe_key=f"note{self.n}")

    @staticmethod
    def combine(conn, notes):
        Note.combined.append(len(notes))
        results = [events.append_event(conn, "note", {"n": note.n}, dedupe_key=f"note{note.n}")
                   for note in notes]
        if any(note.bad for note in notes):
            raise ValueError("one of them is refused")
        return results


def _one_group(writer, calls):
    """Submit `calls` so that they all land in one commit group."""
    gate, running = threading.Event(), threading.Event()
    blocker = writer.submit(lambda conn: (running.set(), gate.wait(5)))
    running.wait(5)
    futures = [writer.submit(call) for call in calls]
    gate.set()
    blocker.result(5)
    return futures


@pytest.fixture
def writer(tmp_path):
    key = secrets.token_bytes(32)
    path = tmp_path / "relay.db"
    open_database(path, key=key, role="relay", create=True).close()
    writer = GroupCommitWriter(lambda: open_database(path, key=key, role="relay",
                                                     check_same_thread=False))
    writer.start().result(10)
    Note.combined = []
    yield writer
    writer.stop()


def test_neighbours_with_one_combine_share_the_work(writer):
    futures = _one_group(writer, [Note(1), Note(2), lambda conn: "alone", Note(3), Note(4)])
    assert [f.result(5) for f in futures] == [1, 2, "alone", 3, 4]
    assert Note.combined == [2, 2]  # the plain callable between them splits the run


def test_a_failing_combine_runs_each_alone_and_only_the_bad_one_fails(writer):
    futures = _one_group(writer, [Note(1), Note(2, bad=True), Note(3)])
    assert futures[0].result(5) == 1 and futures[2].result(5) == 2
    with pytest.raises(ValueError):
        futures[1].result(5)
    assert Note.combined == [3]
    stored = writer.submit(lambda conn: [e.payload["n"] for e in events.events_since(conn, 0)])
    assert stored.result(5) == [1, 3]  # nothing of the combined attempt is left
