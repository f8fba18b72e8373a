import json

import pytest

from tests.desktop.conftest import PN
from wadesk.desktop.chat_items import NOTE
from wadesk.desktop.models.chat_model import ChatModel
from wadesk.store import edits, ingest, notes, reactions, statuses
from wadesk.store.contacts import ContactInfo
from wadesk.store.ingest import IncomingMessage, apply_messages

JONAS = "491701234567"


def fill_history(inbox, count: int, start: int | None = None) -> int:
    start = inbox.now - 10 * count if start is None else start
    items = [
        IncomingMessage(f"w{i:05d}", PN, ContactInfo(wa_id=JONAS, profile_name="Jonas Müller"), "text",
                        start + 10 * i, f"Nachricht {i}")
        for i in range(count)
    ]
    apply_messages(inbox.conn, items)
    return inbox.conversation_id(JONAS)


def texts(model):
    return [model.item(row).text for row in range(model.rowCount())]


def test_passes_the_model_tester(qtmodeltester, inbox, team):
    conversation = fill_history(inbox, 120)
    model = ChatModel(inbox.conn, team)
    model.open(conversation, "Jonas Müller")
    qtmodeltester.check(model)
    model.load_older()
    model.load_older()
    qtmodeltester.check(model)


def test_opens_with_the_newest_page_and_pages_older_history_by_keyset(inbox, team):
    conversation = fill_history(inbox, 120)
    model = ChatModel(inbox.conn, team)
    model.open(conversation, "Jonas Müller")
    assert texts(model) == [f"Nachricht {i}" for i in range(70, 120)]  # oldest at the top
    assert model.can_load_older
    flags = []
    model.loading_changed.connect(flags.append)
    assert model.load_older() == 50
    assert flags == [True, False]  # the in-progress flag, set while the page loads
    assert texts(model)[:2] == ["Nachricht 20", "Nachricht 21"]
    assert model.load_older() == 20
    assert not model.can_load_older
    assert texts(model) == [f"Nachricht {i}" for i in range(120)]
    assert model.load_older() == 0


def test_messages_with_the_same_second_are_neither_lost_nor_doubled(inbox, team):
    items = [
        IncomingMessage(f"s{i}", PN, ContactInfo(wa_id=JONAS), "text", inbox.now, f"Gleichzeitig {i}")
        for i in range(75)
    ]
    apply_messages(inbox.conn, items)
    model = ChatModel(inbox.conn, team)
    model.open(inbox.conversation_id(JONAS), "Jonas")
    model.load_older()
    assert texts(model) == [f"Gleichzeitig {i}" for i in range(75)]


def test_day_separators_and_runs(inbox, team):
    day = 86_400
    inbox.incoming(JONAS, "gestern", ts=inbox.now - day)
    inbox.incoming(JONAS, "heute 1", ts=inbox.now - 60)
    inbox.incoming(JONAS, "heute 2", ts=inbox.now - 50)
    inbox.outgoing(JONAS, "Antwort", ts=inbox.now - 40)
    model = ChatModel(inbox.conn, team)
    model.open(inbox.conversation_id(JONAS), "Jonas")
    flags = [(model.item(r).day_header, model.item(r).first_in_run) for r in range(4)]
    assert flags == [(True, True), (True, True), (False, False), (False, True)]


def test_new_messages_are_appended_and_changed_ones_updated_in_place(qtbot, inbox, team):
    inbox.incoming(JONAS, "Hallo", ts=inbox.now - 100)
    conversation = inbox.conversation_id(JONAS)
    model = ChatModel(inbox.conn, team)
    model.open(conversation, "Jonas")
    echo = ingest.add_local_echo(inbox.conn, conversation, client_id="c-1", type="text", text="Moin!",
                                 ts=inbox.now - 50, agent_id="me")
    with qtbot.waitSignal(model.rowsInserted):
        model.refresh_message(echo.message_id)
    assert texts(model) == ["Hallo", "Moin!"]
    assert model.data(model.index(1, 0), ChatModel.StatusRole) == "pending"
    ingest.assign_wamid(inbox.conn, "c-1", "wamid.OUT1")
    statuses.apply_status(inbox.conn, status="delivered", ts=inbox.now - 40, wamid="wamid.OUT1")
    with qtbot.waitSignal(model.dataChanged), qtbot.waitSignal(model.item_changed) as changed:
        model.refresh_message(echo.message_id)
    assert changed.args == [f"m{echo.message_id}"]
    assert model.rowCount() == 2
    assert model.data(model.index(1, 0), ChatModel.StatusRole) == "delivered"


def test_reactions_edits_and_revokes(inbox, team):
    first = inbox.incoming(JONAS, "Kann ich um 9 kommen?", ts=inbox.now - 100, wamid="wamid.Q")
    model = ChatModel(inbox.conn, team)
    model.open(first.conversation_id, "Jonas")
    reactions.set_reaction(inbox.conn, target_wamid="wamid.Q", reactor="business", emoji="👍", ts=inbox.now)
    edits.apply_edit(inbox.conn, "wamid.Q", "Kann ich um 15 Uhr kommen?", inbox.now)
    model.refresh_message(first.message_id)
    item = model.item(0)
    assert item.text == "Kann ich um 15 Uhr kommen?" and item.edited
    assert model.data(model.index(0, 0), ChatModel.ReactionsRole) == ["👍"]
    edits.apply_revoke(inbox.conn, "wamid.Q", inbox.now + 1)
    model.refresh_message(first.message_id)
    assert model.item(0).kind == "deleted" and model.item(0).text is None and not model.item(0).edited


def test_replies_quote_their_original(inbox, team):
    inbox.incoming(JONAS, "Kann ich morgen kommen?", ts=inbox.now - 100, wamid="wamid.ASK", name="Jonas Müller")
    inbox.outgoing(JONAS, "Ja, gern!", ts=inbox.now - 50, reply_to="wamid.ASK", agent_id="tobias")
    model = ChatModel(inbox.conn, team)
    model.open(inbox.conversation_id(JONAS), "Jonas Müller")
    reply = model.item(1)
    assert reply.quote.author == "Jonas Müller" and reply.quote.text == "Kann ich morgen kommen?"
    assert reply.sender == "Tobias Wagner"  # a colleague's send carries their name


def test_notes_join_the_loaded_stretch_of_history(inbox, team):
    conversation = fill_history(inbox, 80, start=inbox.now - 10_000)
    notes.upsert_note(inbox.conn, conversation, "Alte Notiz", author_id="mia", ts=inbox.now - 9_990)
    notes.upsert_note(inbox.conn, conversation, "Neue Notiz", author_id="mia", ts=inbox.now - 9_215)
    model = ChatModel(inbox.conn, team)
    model.open(conversation, "Jonas")
    shown = [model.item(r) for r in range(model.rowCount())]
    assert [i.text for i in shown if i.kind == NOTE] == ["Neue Notiz"]
    position = next(r for r, i in enumerate(shown) if i.kind == NOTE)
    assert shown[position - 1].text == "Nachricht 78" and shown[position + 1].text == "Nachricht 79"
    model.load_older()
    assert [model.item(r).text for r in range(model.rowCount()) if model.item(r).kind == NOTE] == [
        "Alte Notiz", "Neue Notiz"]
    assert next(model.item(r) for r in range(model.rowCount()) if model.item(r).kind == NOTE).sender == "Mia Hoffmann"


def test_locations_and_contact_cards_are_read_from_the_payload(inbox, team):
    raw = {"location": {"latitude": 52.5079, "longitude": 13.4581, "name": "Zuhause", "address": "Simon-Dach-Straße 12"}}
    inbox.incoming(JONAS, None, type="location", raw_json=json.dumps(raw), ts=inbox.now - 20)
    cards = {"contacts": [{"name": {"formatted_name": "Werkstatt Kowalski"}, "phones": [{"phone": "+49 30 9876543"}]}]}
    inbox.incoming(JONAS, None, type="contacts", raw_json=json.dumps(cards), ts=inbox.now - 10)
    model = ChatModel(inbox.conn, team)
    model.open(inbox.conversation_id(JONAS), "Jonas")
    assert model.item(0).details["name"] == "Zuhause" and model.item(0).details["latitude"] == pytest.approx(52.5079)
    assert model.item(1).details["cards"] == [{"name": "Werkstatt Kowalski", "phones": ["+49 30 9876543"]}]


def test_a_message_of_another_conversation_is_ignored(inbox, team):
    inbox.incoming(JONAS, "Hallo", ts=inbox.now - 10)
    other = inbox.incoming("4915123456789", "Moin", ts=inbox.now)
    model = ChatModel(inbox.conn, team)
    model.open(inbox.conversation_id(JONAS), "Jonas")
    model.refresh_message(other.message_id)
    assert texts(model) == ["Hallo"]


def message_id(inbox, wamid: str) -> int:
    from wadesk.store import messages

    return messages.get_message_by_wamid(inbox.conn, wamid).id


def test_opens_at_a_search_hit_with_the_page_around_it_and_pages_both_ways(qtmodeltester, inbox, team):
    conversation = fill_history(inbox, 300)
    note_time = inbox.now - 10 * 300 + 10 * 120 + 5  # between message 120 and 121
    notes.upsert_note(inbox.conn, conversation, "Rad steht hinten", author_id="mia", note_id=7, ts=note_time)
    late_note = notes.upsert_note(inbox.conn, conversation, "Abgeholt", author_id="mia", note_id=8,
                                  ts=inbox.now + 5)
    hit = message_id(inbox, "w00100")
    model = ChatModel(inbox.conn, team)
    assert model.open(conversation, "Jonas Müller", around=hit)
    assert model.focus_key == f"m{hit}"
    # The hit and 49 older messages, then 50 newer ones; the note between them, in place.
    shown = texts(model)
    assert shown[0] == "Nachricht 51" and shown[49] == "Nachricht 100" and shown[-1] == "Nachricht 150"
    assert shown[shown.index("Nachricht 120") + 1] == "Rad steht hinten"
    assert "Abgeholt" not in shown  # after the loaded stretch: it comes with paging down
    assert model.can_load_older and model.can_load_newer
    qtmodeltester.check(model)

    # A new message while the end of the chat is not loaded waits for the paging.
    new = ingest.apply_incoming_message(inbox.conn, IncomingMessage(
        "w-new", PN, ContactInfo(wa_id=JONAS), "text", inbox.now + 20, "Danke!"))
    model.refresh_message(new.message_id)
    assert "Danke!" not in texts(model)

    while model.can_load_newer:
        assert model.load_newer() > 0
    shown = texts(model)
    assert shown[-3:] == ["Nachricht 299", "Abgeholt", "Danke!"]
    assert shown.count("Rad steht hinten") == 1 and len(set(shown)) == len(shown)
    assert model.item(model.rowCount() - 1).last and not model.item(model.rowCount() - 2).last
    model.load_older()
    assert texts(model)[0] == "Nachricht 1"
    qtmodeltester.check(model)
    # Once the end is loaded, news go in at the bottom again.
    newer = ingest.apply_incoming_message(inbox.conn, IncomingMessage(
        "w-newer", PN, ContactInfo(wa_id=JONAS), "text", inbox.now + 30, "Bis morgen"))
    model.refresh_message(newer.message_id)
    assert texts(model)[-1] == "Bis morgen"
    assert late_note.id == 8


def test_a_hit_near_either_end_and_a_stale_hit(inbox, team):
    conversation = fill_history(inbox, 120)
    model = ChatModel(inbox.conn, team)
    model.open(conversation, "Jonas Müller", around=message_id(inbox, "w00115"))
    assert not model.can_load_newer and texts(model)[-1] == "Nachricht 119"
    model.open(conversation, "Jonas Müller", around=message_id(inbox, "w00003"))
    assert not model.can_load_older and texts(model)[0] == "Nachricht 0" and model.can_load_newer
    # A message that is gone (deleted meanwhile): the newest page, and False.
    assert not model.open(conversation, "Jonas Müller", around=10**9)
    assert model.focus_key is None and texts(model)[-1] == "Nachricht 119" and not model.can_load_newer


def test_a_page_read_ahead_is_shown_only_by_load_older_and_pages_stay_whole(inbox, team):
    conversation = fill_history(inbox, 175)
    notes.upsert_note(inbox.conn, conversation, "Zahlt bar", author_id="mia", ts=inbox.now - 10 * 175 + 305)
    model = ChatModel(inbox.conn, team)
    model.open(conversation, "Jonas Müller")
    inserted = []
    model.rowsInserted.connect(lambda parent, first, last: inserted.append((first, last)))
    while model.can_load_older:
        rows, pages = model.rowCount(), len(inserted)
        ahead = model.prefetch_older()
        assert model.prefetch_older() is ahead  # read once
        assert model.rowCount() == rows and len(inserted) == pages  # nothing shown yet
        assert model.load_older() == len(ahead)
        assert [model.item(row) for row in range(len(ahead))] == ahead  # the very rows read ahead
        assert model.older_ahead is None
    assert [t for t in texts(model) if t != "Zahlt bar"] == [f"Nachricht {i}" for i in range(175)]
    assert texts(model).index("Zahlt bar") == 31  # the note, by its time, in the page that took it in


def test_a_message_of_the_stretch_read_ahead_drops_it_and_arrives_with_the_page(inbox, team):
    conversation = fill_history(inbox, 120)
    model = ChatModel(inbox.conn, team)
    model.open(conversation, "Jonas Müller")
    dropped = []
    model.older_ahead_dropped.connect(lambda: dropped.append(1))
    model.prefetch_older()
    late = inbox.incoming(JONAS, "Nachgereicht", ts=inbox.now - 10 * 120 + 505)  # between 50 and 51
    model.refresh_message(late.message_id)
    assert dropped == [1] and model.older_ahead is None and model.rowCount() == 50
    model.load_older()
    assert texts(model)[0] == "Nachricht 21"  # a page of 50 with the late one in it
    assert texts(model)[29:32] == ["Nachricht 50", "Nachgereicht", "Nachricht 51"]
    model.prefetch_older()
    notes.upsert_note(inbox.conn, conversation, "Neue Notiz", author_id="mia", ts=inbox.now - 10 * 120 + 5)
    model.refresh_notes()  # notes changed: the page read ahead took in the old ones
    assert dropped == [1, 1] and model.older_ahead is None
    model.load_older()
    assert texts(model)[:2] == ["Nachricht 0", "Neue Notiz"]
