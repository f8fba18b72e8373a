"""Applying incoming and outgoing messages: idempotent, batched, merged with echoes."""

from __future__ import annotations

from typing import Any

import pytest

from wadesk.store import conversations
from wadesk.store.contacts import ContactInfo
from wadesk.store.conversations import get_conversation
from wadesk.store.ingest import (
    add_local_echo,
    apply_incoming_message,
    apply_messages,
    apply_outgoing_message,
    assign_wamid,
)
from wadesk.store.messages import get_message, get_message_by_client_id, get_raw_json, page_messages
from wadesk.store.search import search_messages

from .factories import assert_search_index_consistent, image, incoming, outgoing


def _count(conn: Any) -> int:
    return conn.execute("SELECT count(*) FROM messages").fetchone()[0]


def test_the_same_wamid_twice_is_one_message(conn: Any) -> None:
    msg = incoming("Hallo, ist das Paket unterwegs?", raw_json='{"id": "x"}')
    first = apply_incoming_message(conn, msg)
    second = apply_incoming_message(conn, msg)
    assert first.created and not second.created
    assert second.message_id == first.message_id
    assert _count(conn) == 1
    assert get_conversation(conn, first.conversation_id).unread_count == 1
    assert get_raw_json(conn, first.message_id) == '{"id": "x"}'


def test_duplicates_inside_one_batch_and_across_batches(conn: Any) -> None:
    a, b = incoming("eins"), incoming("zwei")
    results = apply_messages(conn, [a, b, a])
    assert [r.created for r in results] == [True, True, False]
    assert results[2].message_id == results[0].message_id
    again = apply_messages(conn, [b, a])
    assert [r.created for r in again] == [False, False]
    assert _count(conn) == 2
    assert_search_index_consistent(conn)


def test_incoming_counts_unread_and_opens_the_window(conn: Any) -> None:
    result = apply_incoming_message(conn, incoming(ts=1000))
    apply_incoming_message(conn, incoming(ts=1500))
    apply_incoming_message(conn, incoming(ts=1200))  # late webhook
    apply_outgoing_message(conn, outgoing(ts=1600))
    conv = get_conversation(conn, result.conversation_id)
    assert conv.unread_count == 3
    assert conv.last_customer_msg_at == 1500
    assert conv.last_activity_at == 1600


def test_history_backfill_is_not_unread(conn: Any) -> None:
    result = apply_incoming_message(conn, incoming(ts=500, origin="history"))
    conv = get_conversation(conn, result.conversation_id)
    assert conv.unread_count == 0
    assert conv.last_customer_msg_at == 500


def test_preview_is_the_newest_message_even_when_webhooks_come_late(conn: Any) -> None:
    newest = apply_incoming_message(conn, incoming("neu", ts=2000))
    apply_incoming_message(conn, incoming("alt", ts=1000))
    summary = conversations.list_conversations(conn)[0]
    assert summary.conversation.last_message_id == newest.message_id
    assert summary.last_message.text == "neu"


def test_a_customer_message_unarchives(conn: Any) -> None:
    result = apply_incoming_message(conn, incoming(ts=1))
    conversations.set_archived(conn, result.conversation_id, True)
    apply_outgoing_message(conn, outgoing(ts=2))
    assert get_conversation(conn, result.conversation_id).archived
    apply_incoming_message(conn, incoming(ts=3))
    assert not get_conversation(conn, result.conversation_id).archived


def test_one_conversation_per_contact_and_business_number(conn: Any) -> None:
    a = apply_incoming_message(conn, incoming(phone_number_id="111"))
    b = apply_incoming_message(conn, incoming(phone_number_id="222"))
    c = apply_incoming_message(conn, incoming(phone_number_id="111"))
    d = apply_incoming_message(conn, incoming(n=2, phone_number_id="111"))
    assert a.conversation_id == c.conversation_id
    assert len({a.conversation_id, b.conversation_id, d.conversation_id}) == 3


def test_local_echo_then_wamid_then_synced_event(conn: Any) -> None:
    conv_id = apply_incoming_message(conn, incoming()).conversation_id
    echo = add_local_echo(conn, conv_id, client_id="c-1", type="text", text="Bin gleich da", ts=10)
    assert echo.created
    pending = get_message(conn, echo.message_id)
    assert (pending.status, pending.wamid, pending.direction) == ("pending", None, "out")
    assert add_local_echo(conn, conv_id, client_id="c-1", type="text", text="x").created is False

    assert assign_wamid(conn, "c-1", "wamid.sent.1") is True
    assert assign_wamid(conn, "c-unknown", "wamid.nope") is False
    synced = apply_outgoing_message(
        conn, outgoing("Bin gleich da", wamid="wamid.sent.1", client_id="c-1", status="sent", ts=11)
    )
    assert not synced.created and synced.message_id == echo.message_id
    message = get_message(conn, echo.message_id)
    assert (message.wamid, message.status, message.sent_at) == ("wamid.sent.1", "sent", 11)
    assert _count(conn) == 2
    assert search_messages(conn, "gleich")[0].id == echo.message_id


def test_outgoing_known_by_wamid_first_gets_its_client_id(conn: Any) -> None:
    conv_id = apply_incoming_message(conn, incoming()).conversation_id
    by_wamid = apply_outgoing_message(conn, outgoing("Hallo", wamid="wamid.o.1", status="delivered"))
    echo = add_local_echo(conn, conv_id, client_id="c-9", type="text", text="Hallo")
    assert assign_wamid(conn, "c-9", "wamid.o.1")
    assert get_message(conn, echo.message_id) is None  # the echo merged into the real row
    merged = get_message_by_client_id(conn, "c-9")
    assert merged.id == by_wamid.message_id and merged.status == "delivered"
    assert_search_index_consistent(conn)


def test_outgoing_needs_an_id_and_known_values(conn: Any) -> None:
    with pytest.raises(ValueError):
        apply_outgoing_message(conn, outgoing(wamid=None, client_id=None))
    with pytest.raises(ValueError):
        apply_outgoing_message(conn, outgoing(status="seen"))
    with pytest.raises(ValueError):
        apply_incoming_message(conn, incoming(origin="fax"))
    assert _count(conn) == 0


def test_media_metadata_is_kept(conn: Any) -> None:
    result = apply_incoming_message(conn, image("Schaden am Karton"))
    message = get_message(conn, result.message_id)
    assert message.type == "image"
    assert message.media.mime == "image/jpeg" and message.media.size == 12345
    assert message.media_file is None
    assert get_message(conn, apply_incoming_message(conn, incoming()).message_id).media is None


def test_a_failing_batch_leaves_nothing_behind(conn: Any) -> None:
    good = incoming("bleibt nicht")
    bad = incoming("kaputt", type=None)  # NOT NULL violation in the middle of the batch
    with pytest.raises(Exception):
        apply_messages(conn, [good, bad])
    assert _count(conn) == 0
    assert conversations.list_conversations(conn) == []
    assert not conn.in_transaction


def test_batches_join_the_callers_transaction(conn: Any) -> None:
    from wadesk.store._db import transaction
    from wadesk.store.sync_state import get_sync_cursor, set_sync_cursor

    with pytest.raises(RuntimeError):
        with transaction(conn):
            apply_messages(conn, [incoming("eins"), incoming("zwei")])
            set_sync_cursor(conn, 42)
            raise RuntimeError("the network thread died")
    assert _count(conn) == 0 and get_sync_cursor(conn) == 0
    with transaction(conn):
        apply_messages(conn, [incoming("eins")])
        set_sync_cursor(conn, 43)
    assert _count(conn) == 1 and get_sync_cursor(conn) == 43
    assert search_messages(conn, "eins")


def test_many_conversations_in_one_batch_keep_ids_in_order(conn: Any) -> None:
    items = [incoming(f"Nachricht {i}", n=i % 7, ts=1000 + i) for i in range(60)]
    items += [outgoing(f"Antwort {i}", n=i % 7, ts=2000 + i, client_id=f"c-{i}") for i in range(30)]
    results = apply_messages(conn, items)
    ids = [r.message_id for r in results]
    assert ids == sorted(ids) and len(set(ids)) == 90
    for result, item in zip(results, items):
        assert get_message(conn, result.message_id).text == item.text
    per_conversation = {}
    for result in results:
        per_conversation[result.conversation_id] = per_conversation.get(result.conversation_id, 0) + 1
    assert len(per_conversation) == 7
    for conversation_id, count in per_conversation.items():
        assert len(page_messages(conn, conversation_id, limit=100)) == count
    assert_search_index_consistent(conn)


def test_a_contact_change_inside_a_batch_is_applied(conn: Any) -> None:
    items = [
        incoming("a", contact=ContactInfo(wa_id="491700001", profile_name="Alt")),
        incoming("b", contact=ContactInfo(wa_id="491700001", profile_name="Neu")),
        incoming("c", contact=ContactInfo(wa_id="491700001", user_id="DE.1", profile_name="Neu")),
    ]
    results = apply_messages(conn, items)
    assert len({r.conversation_id for r in results}) == 1
    summary = conversations.list_conversations(conn)[0]
    assert summary.contact.profile_name == "Neu" and summary.contact.user_id == "DE.1"


def test_contact_block_shapes(conn: Any) -> None:
    block = {"profile": {"name": "Jörg", "username": "joerg"}, "wa_id": "4917012345", "user_id": "DE.77"}
    info = ContactInfo.from_webhook(block)
    assert info == ContactInfo(wa_id="4917012345", user_id="DE.77", profile_name="Jörg", username="joerg")
    only_bsuid = ContactInfo.from_webhook({"profile": {"name": "Ana"}, "user_id": "DE.78"})
    assert only_bsuid.wa_id is None
    apply_incoming_message(conn, incoming(contact=only_bsuid))
    assert conversations.list_conversations(conn)[0].contact.display_name == "Ana"
