"""The writer's side of the intake: the webhooks of one commit group stored together
(intake_store.py), with the real cloud parser, the real group-commit writer and a real
relay database. Over HTTP the same is covered by test_intake.py and, under SIGKILL,
by test_crash_recovery.py."""

from __future__ import annotations

import secrets
import threading

import pytest

from tests.relay.payloads import PHONE_NUMBER_ID, outgoing_event, status, text_message
from wadesk.cloud.webhook_parser import parse_webhook
from wadesk.relay.intake_store import IntakeWrite
from wadesk.relay.webhook_events import LogEntry, Translation, translate
from wadesk.relay.writer import GroupCommitWriter
from wadesk.store import events, messages
from wadesk.store.apply_events import apply_event
from wadesk.store.connection import open_database


def webhook(payload) -> Translation:
    return translate(parse_webhook(payload), (PHONE_NUMBER_ID,))


@pytest.fixture
def writer(tmp_path):
    key = secrets.token_bytes(32)
    path = tmp_path / "relay.db"
    conn = open_database(path, key=key, role="relay", create=True)
    for wamid in ("wamid.O1", "wamid.O2"):  # sends the statuses below are about
        payload = outgoing_event(wamid, client_id=f"c-{wamid}")
        events.append_event(conn, "message.out", payload, dedupe_key=f"msg:{wamid}")
        apply_event(conn, "message.out", payload)
    conn.close()
    writer = GroupCommitWriter(lambda: open_database(path, key=key, role="relay",
                                                     check_same_thread=False))
    writer.start().result(10)
    yield writer
    writer.stop()


def one_group(writer, translations):
    """Store the webhooks as one commit group (as concurrent POSTs would be)."""
    gate, running = threading.Event(), threading.Event()
    blocker = writer.submit(lambda conn: (running.set(), gate.wait(5)))
    running.wait(5)
    futures = [writer.submit(IntakeWrite(t)) for t in translations]
    gate.set()
    blocker.result(5)
    groups = writer.groups
    results = [f.result(5) for f in futures]
    assert writer.groups == groups + 1  # they really shared one commit
    return results


def read(writer, fn):
    return writer.submit(fn).result(5)


def test_a_group_logs_its_messages_first_each_naming_the_relays_conversation(writer):
    stored = one_group(writer, [
        webhook(status("wamid.O1", "sent", callback="c-wamid.O1")),
        webhook(text_message("wamid.A", "Ist mein Rad fertig?")),
        webhook(status("wamid.O1", "delivered", ts=1_700_000_200)),
        webhook(text_message("wamid.B", "Hallo", wa_id="491702222222")),
        webhook(text_message("wamid.A", "Ist mein Rad fertig?")),  # Meta repeats itself
    ])
    logged = read(writer, lambda conn: events.events_since(conn, 2))
    assert [(e.kind, e.payload["wamid"]) for e in logged] == [
        ("message.in", "wamid.A"), ("message.in", "wamid.B"),
        ("status", "wamid.O1"), ("status", "wamid.O1")]
    assert [len(s.new) for s in stored] == [1, 1, 1, 1, 0] and stored[4].duplicates == 1
    for event in logged[:2]:
        ref = event.payload["conversation"]
        message = read(writer, lambda conn, w=event.payload["wamid"]:
                       messages.get_message_by_wamid(conn, w))
        assert ref == {"id": message.conversation_id, "phone_number_id": PHONE_NUMBER_ID,
                       "wa_id": event.payload["contact"]["wa_id"], "user_id": None}
    assert logged[0].payload["conversation"]["id"] != logged[1].payload["conversation"]["id"]
    # Each webhook is told its own events (the media fetcher and the stats use them).
    a, b, sent, delivered = (e.seq for e in logged)
    assert [[seq for seq, _ in s.new] for s in stored] == [[sent], [a], [delivered], [b], []]
    o1 = read(writer, lambda conn: messages.get_message_by_wamid(conn, "wamid.O1"))
    assert o1.status == "delivered" and o1.delivered_at == 1_700_000_200
    assert read(writer, lambda conn: events.counter(conn, "webhook_duplicate_events")) == 1


def test_an_entry_no_rule_foresaw_costs_only_itself(writer):
    odd = webhook(status("wamid.O2", "read", ts=1_700_000_300))
    # A status name the state tables refuse (as if a newer Meta sent one through).
    bogus = LogEntry("status", {**odd.entries[0].payload, "status": "bogus"}, "status:wamid.O2:bogus")
    odd.entries.append(bogus)
    stored = one_group(writer, [
        webhook(text_message("wamid.C", "eins")),
        odd,
        webhook(status("wamid.O1", "read", ts=1_700_000_400)),
    ])
    assert [len(s.new) for s in stored] == [1, 1, 1]
    assert [s.failed for s in stored] == [0, 1, 0]
    keys = read(writer, lambda conn: [row[0] for row in conn.execute(
        "SELECT dedupe_key FROM events WHERE seq > 2 ORDER BY seq")])
    assert keys == ["msg:wamid.C", "status:wamid.O2:read", "status:wamid.O1:read"]
    assert read(writer, lambda conn: events.counter(conn, "webhook_entries_failed")) == 1
    o2 = read(writer, lambda conn: messages.get_message_by_wamid(conn, "wamid.O2"))
    assert o2.status == "read"
    # The careful path names conversations too.
    [event] = read(writer, lambda conn: events.events_since(conn, 2, 1))
    assert event.payload["conversation"]["id"] == read(
        writer, lambda conn: messages.get_message_by_wamid(conn, "wamid.C")).conversation_id
