"""Contacts come only from conversations: ids, profile name, the business's name."""

from __future__ import annotations

from typing import Any

from wadesk.store.contacts import (
    ContactInfo,
    find_contact,
    get_contact,
    search_contacts,
    set_business_name,
    upsert_contact,
)
from wadesk.store.conversations import list_conversations
from wadesk.store.ingest import apply_incoming_message
from wadesk.store.messages import page_messages

from .factories import assert_search_index_consistent, incoming


def test_no_address_book_fields_exist(conn: Any) -> None:
    columns = {row[1] for row in conn.execute("PRAGMA table_info(contacts)")}
    assert columns == {"id", "wa_id", "user_id", "username", "profile_name", "business_name",
                       "created_at", "updated_at"}


def test_upsert_from_a_webhook_block_and_update(conn: Any) -> None:
    block = {"profile": {"name": "Jürgen"}, "wa_id": "4915112345678"}
    first = upsert_contact(conn, ContactInfo.from_webhook(block), now=10)
    again = upsert_contact(conn, ContactInfo.from_webhook(block), now=20)
    assert again == first  # nothing changed: not even updated_at
    renamed = upsert_contact(conn, ContactInfo(wa_id="4915112345678", profile_name="Jürgen M."), now=30)
    assert renamed.id == first.id and renamed.profile_name == "Jürgen M." and renamed.updated_at == 30
    # A block without a name keeps the known one.
    assert upsert_contact(conn, ContactInfo(wa_id="4915112345678")).profile_name == "Jürgen M."


def test_the_business_name_wins_for_display(conn: Any) -> None:
    contact = upsert_contact(conn, ContactInfo(wa_id="491", profile_name="J"))
    assert contact.display_name == "J"
    set_business_name(conn, contact.id, "Jürgen (Stammkunde)")
    assert get_contact(conn, contact.id).display_name == "Jürgen (Stammkunde)"
    set_business_name(conn, contact.id, "")
    assert get_contact(conn, contact.id).business_name is None
    assert upsert_contact(conn, ContactInfo(wa_id="492")).display_name == "+492"
    assert upsert_contact(conn, ContactInfo(user_id="DE.5", username="ana_k")).display_name == "ana_k"


def test_bsuid_links_to_the_known_phone_number(conn: Any) -> None:
    by_phone = upsert_contact(conn, ContactInfo(wa_id="4917000", profile_name="Ana"))
    linked = upsert_contact(conn, ContactInfo(wa_id="4917000", user_id="DE.100"))
    assert linked.id == by_phone.id and linked.user_id == "DE.100"
    assert find_contact(conn, user_id="DE.100").id == by_phone.id


def test_two_rows_of_one_person_merge_with_their_history(conn: Any) -> None:
    a = apply_incoming_message(conn, incoming("per Nummer", contact=ContactInfo(wa_id="4917001"), ts=1))
    b = apply_incoming_message(conn, incoming("per BSUID", contact=ContactInfo(user_id="DE.200"), ts=2))
    assert a.conversation_id != b.conversation_id
    set_business_name(conn, get_contact(conn, 1).id, "Frau Kurz")
    c = apply_incoming_message(
        conn, incoming("beides", contact=ContactInfo(wa_id="4917001", user_id="DE.200"), ts=3)
    )
    summaries = list_conversations(conn)
    assert len(summaries) == 1
    assert summaries[0].conversation.id == c.conversation_id
    assert summaries[0].conversation.unread_count == 3
    assert summaries[0].contact.business_name == "Frau Kurz"
    texts = [m.text for m in page_messages(conn, c.conversation_id)]
    assert texts == ["beides", "per BSUID", "per Nummer"]
    assert conn.execute("SELECT count(*) FROM contacts").fetchone()[0] == 1
    assert_search_index_consistent(conn)


def test_a_recycled_number_starts_a_new_contact(conn: Any) -> None:
    old = upsert_contact(conn, ContactInfo(wa_id="4917002", user_id="DE.300", profile_name="Alt"))
    new = upsert_contact(conn, ContactInfo(wa_id="4917002", user_id="DE.301", profile_name="Neu"))
    assert new.id != old.id
    assert get_contact(conn, old.id).wa_id is None
    assert find_contact(conn, wa_id="4917002").id == new.id


def test_search_by_name_without_diacritics_and_by_number(conn: Any) -> None:
    mueller = upsert_contact(conn, ContactInfo(wa_id="4915112345678", profile_name="Jürgen Müller"))
    upsert_contact(conn, ContactInfo(wa_id="4930999", profile_name="Anna Schmidt"))
    ana = upsert_contact(conn, ContactInfo(user_id="DE.9", username="ana_k"))
    set_business_name(conn, mueller.id, "Stammkunde Bäckerei")
    assert [c.id for c in search_contacts(conn, "mull")] == [mueller.id]
    assert [c.id for c in search_contacts(conn, "backer")] == [mueller.id]
    assert [c.id for c in search_contacts(conn, "jurg mul")] == [mueller.id]
    assert [c.id for c in search_contacts(conn, "+49 151 1234")] == [mueller.id]
    assert [c.id for c in search_contacts(conn, "12345")] == [mueller.id]
    assert [c.id for c in search_contacts(conn, "ana_k")] == [ana.id]
    assert search_contacts(conn, '"(*') == []
    assert search_contacts(conn, "") == []
