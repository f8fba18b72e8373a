import pytest
from PySide6.QtCore import QModelIndex, Qt

from tests.desktop.conftest import PN
from tests.desktop.search_reader import (  # noqa: F401  (the fixtures open_reader, store)
    open_reader_fixture,
    replica_key_fixture,
    store_fixture,
)
from wadesk.desktop.models.conversation_list_model import ConversationListModel as M
from wadesk.store import contacts, conversations, labels
from wadesk.store.contacts import ContactInfo
from wadesk.store.ingest import IncomingMessage, MediaInfo, apply_messages


def names(model):
    return [model.data(model.index(row, 0), M.NameRole) for row in range(model.rowCount())]


def test_passes_the_model_tester(qtmodeltester, inbox, team):
    for i in range(5):
        inbox.incoming(f"49170000000{i}", f"Nachricht {i}", name=f"Kunde {i}", ts=inbox.now - i)
    model = M(inbox.conn, team)
    qtmodeltester.check(model)


def test_shows_the_conversations_of_the_encrypted_store(english, inbox, team):
    inbox.incoming("491701234567", "Hallo, mein Hinterrad eiert!", name="Jonas Müller", ts=inbox.now - 60)
    inbox.incoming("4915123456789", None, name="Aylin Yıldız", type="image",
                   media=MediaInfo("m1", "image/jpeg", 1000), ts=inbox.now - 30)
    inbox.incoming("4915234567890", "Ist heute offen?", ts=inbox.now - 90)  # no profile name
    model = M(inbox.conn, team, now=lambda: inbox.now)
    assert names(model) == ["Aylin Yıldız", "Jonas Müller", "+49 152 34567890"]
    aylin = model.index(0, 0)
    assert model.data(aylin, M.PreviewRole) == "Photo"
    assert model.data(aylin, M.PreviewIconRole) == "camera"
    assert model.data(aylin, M.UnreadRole) == 1
    assert model.data(model.index(1, 0), M.NumberRole) == "+49 170 1234567"
    assert model.data(model.index(1, 0), M.PreviewRole) == "Hallo, mein Hinterrad eiert!"
    assert ":" in model.data(aylin, M.TimeRole)  # today: a clock time


def test_the_business_given_name_wins(inbox, team):
    result = inbox.incoming("491701234567", name="Jonas")
    summary = conversations.list_conversations(inbox.conn)[0]
    contacts.set_business_name(inbox.conn, summary.contact.id, "Jonas (Lastenrad)")
    model = M(inbox.conn, team)
    assert names(model) == ["Jonas (Lastenrad)"]
    assert result.conversation_id == model.conversation_id(0)


def test_outgoing_preview_carries_its_status_and_the_assignee(inbox, team):
    inbox.incoming("491701234567", name="Jonas")
    inbox.outgoing("491701234567", "Bis morgen!", ts=inbox.now + 1, status="read")
    conversations.set_assignee(inbox.conn, inbox.conversation_id("491701234567"), "tobias")
    model = M(inbox.conn, team)
    index = model.index(0, 0)
    assert model.data(index, M.PreviewStatusRole) == "read"
    assert model.data(index, M.AssigneeInitialsRole) == "TW"
    spoken = model.data(index, Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("Jonas") and "assigned to Tobias Wagner" in spoken and "Bis morgen!" in spoken


def test_filters(inbox, team):
    for i, wa in enumerate(("491700000001", "491700000002", "491700000003")):
        inbox.incoming(wa, name=f"Kunde {i}", ts=inbox.now - i)
    c1, c2, c3 = (inbox.conversation_id(w) for w in ("491700000001", "491700000002", "491700000003"))
    conversations.mark_read(inbox.conn, c1)
    conversations.set_assignee(inbox.conn, c2, "me")
    conversations.set_assignee(inbox.conn, c3, "tobias")
    repair = labels.upsert_label(inbox.conn, "Reparatur", "#d4815a")
    labels.set_conversation_label(inbox.conn, c3, repair.id)
    model = M(inbox.conn, team)
    assert names(model) == ["Kunde 0", "Kunde 1", "Kunde 2"]
    model.set_filter("unread")
    assert names(model) == ["Kunde 1", "Kunde 2"]
    model.set_filter("mine")
    assert names(model) == ["Kunde 1"]
    model.set_filter("unassigned")
    assert names(model) == ["Kunde 0"]
    model.set_filter("label", repair.id)
    assert names(model) == ["Kunde 2"]
    assert model.data(model.index(0, 0), M.LabelColoursRole) == ["#d4815a"]
    with pytest.raises(ValueError):
        model.set_filter("label")


@pytest.mark.parametrize("on_reader", [True, False], ids=["reader thread", "UI connection"])
def test_search_finds_names_numbers_and_message_texts(inbox, team, open_reader, qtbot, on_reader):
    inbox.incoming("491701234567", "Mein Hinterrad eiert", name="Jonas Müller", ts=inbox.now - 30)
    inbox.incoming("4915123456789", "Der Akku hält nur noch 20 km", name="Aylin Yıldız", ts=inbox.now - 20)
    model = M(inbox.conn, team, open_reader=open_reader if on_reader else None)

    def search(text: str) -> list[str]:
        model.set_search(text)
        qtbot.waitUntil(lambda: not model.search_pending, timeout=5_000)
        assert model.search_text == text
        return names(model)

    try:
        assert search("mul") == ["Jonas Müller"]  # prefix, without the umlaut
        assert search("1512345") == ["Aylin Yıldız"]
        assert search("akku") == ["Aylin Yıldız"]
        assert model.data(model.index(0, 0), M.PreviewRole) == "Der Akku hält nur noch 20 km"
        model.set_search("")  # the inbox again, at once
        assert len(names(model)) == 2
        assert open_reader.threads == (["wadesk-search"] if on_reader else [])
    finally:
        model.close()


def test_pages_are_fetched_by_keyset_as_the_list_scrolls(inbox, team):
    items = [
        IncomingMessage(f"w{i}", PN, ContactInfo(wa_id=f"4917{i:08d}", profile_name=f"Kunde {i:03d}"), "text",
                        inbox.now - i, f"Nachricht {i}")
        for i in range(250)
    ]
    apply_messages(inbox.conn, items)
    model = M(inbox.conn, team)
    assert model.rowCount() == M.PAGE_SIZE and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 250 and not model.canFetchMore(QModelIndex())
    assert names(model) == [f"Kunde {i:03d}" for i in range(250)]


def test_new_activity_moves_a_row_to_the_top(qtmodeltester, inbox, team):
    for i in range(4):
        inbox.incoming(f"49170000000{i}", name=f"Kunde {i}", ts=inbox.now - 100 + i)
    model = M(inbox.conn, team)
    qtmodeltester.check(model)
    assert names(model)[0] == "Kunde 3"
    result = inbox.incoming("491700000000", "Noch eine Frage", ts=inbox.now)
    model.refresh_conversation(result.conversation_id)
    assert names(model) == ["Kunde 0", "Kunde 3", "Kunde 2", "Kunde 1"]
    assert model.data(model.index(0, 0), M.UnreadRole) == 2
    assert model.data(model.index(0, 0), M.PreviewRole) == "Noch eine Frage"


def test_a_new_conversation_appears_and_a_read_one_leaves_the_unread_filter(inbox, team):
    inbox.incoming("491700000001", name="Kunde 1", ts=inbox.now - 10)
    model = M(inbox.conn, team)
    model.set_filter("unread")
    result = inbox.incoming("491700000002", name="Kunde 2", ts=inbox.now)
    model.refresh_conversation(result.conversation_id)
    assert names(model) == ["Kunde 2", "Kunde 1"]
    first = inbox.conversation_id("491700000001")
    model.set_pinned(first)  # the open conversation stays while it is read
    conversations.mark_read(inbox.conn, first)
    model.refresh_conversation(first)
    assert names(model) == ["Kunde 2", "Kunde 1"]
    model.set_pinned(None)  # once another one is opened, it goes
    assert names(model) == ["Kunde 2"]


def test_a_row_below_the_loaded_part_waits_for_its_page(inbox, team):
    items = [
        IncomingMessage(f"w{i}", PN, ContactInfo(wa_id=f"4917{i:08d}", profile_name=f"Kunde {i:03d}"), "text",
                        inbox.now - 1000 + i, "x")
        for i in range(150)
    ]
    apply_messages(inbox.conn, items)
    model = M(inbox.conn, team)
    oldest = inbox.conversation_id("491700000000")
    model.refresh_conversation(oldest)  # still old: comes with the next page, not twice
    assert model.row_of(oldest) == -1
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 150 and names(model).count("Kunde 000") == 1


@pytest.mark.slow
def test_ten_thousand_conversations_stay_smooth(qtbot, inbox, team):
    items = [
        IncomingMessage(f"w{i}", PN, ContactInfo(wa_id=f"491{i:09d}", profile_name=f"Kunde {i}"), "text",
                        inbox.now - i, f"Nachricht Nummer {i}")
        for i in range(10_000)
    ]
    apply_messages(inbox.conn, items)
    from wadesk.desktop.views.conversation_delegate import ConversationDelegate
    from PySide6.QtWidgets import QListView

    model = M(inbox.conn, team)
    view = QListView()
    view.setUniformItemSizes(True)
    view.setItemDelegate(ConversationDelegate(view))
    view.setModel(model)
    view.resize(380, 700)
    qtbot.addWidget(view)
    view.show()
    # Speed is measured by bench/desktop_bench.py; here: every row arrives, in pages.
    pages = 0
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        pages += 1
    assert model.rowCount() == 10_000
    assert pages > 1, "rows must arrive page by page, not all at once"
    view.scrollToBottom()
    last = model.index(9_999, 0)
    qtbot.waitUntil(lambda: view.viewport().rect().intersects(view.visualRect(last)), timeout=5000)
