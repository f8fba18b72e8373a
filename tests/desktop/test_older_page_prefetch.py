"""Idle time reads and measures the next older page, so reaching the top of a chat
inserts it without laying out a single bubble on the spot (issue 5)."""

import pytest

from tests.desktop.conftest import chat_with_history
from wadesk.desktop.views import bubble_layout
from wadesk.store import edits, reactions

JONAS = "491701234567"


@pytest.fixture
def chat(english, qtbot, inbox, team):
    return chat_with_history(qtbot, inbox, team, JONAS)


@pytest.fixture
def measured(monkeypatch):
    """The keys of the rows laid out from now on (every layout goes through layout_item);
    measured.flags: (key, neighbour flags) of each."""
    keys = Measured()
    real = bubble_layout.layout_item

    def recording(item, *args):
        keys.append(item.key)
        keys.flags.add((item.key, bubble_layout.flags_of(item)))
        return real(item, *args)

    monkeypatch.setattr(bubble_layout, "layout_item", recording)
    return keys


class Measured(list):
    def __init__(self) -> None:
        super().__init__()
        self.flags: set[tuple[str, tuple[bool, bool, bool]]] = set()

    def clear(self) -> None:
        super().clear()
        self.flags.clear()


def idle(qtbot, view):
    qtbot.waitUntil(lambda: not view.prefetch.active)


def measured_ahead(view) -> bool:
    delegate, model = view.itemDelegate(), view.chat_model()
    width = delegate.width_for(view)
    first = model.first_row_flags_after_older()
    return (all(delegate.is_measured(item, width, view.font()) for item in model.older_ahead)
            and first is not None and delegate.is_measured(first[0], width, view.font(), first[1]))


def test_idle_time_reads_and_measures_the_next_older_page(chat, qtbot):
    model = chat.chat_model()
    idle(qtbot, chat)
    assert model.rowCount() == 50  # read, not shown
    ahead = model.older_ahead
    assert [item.text.split()[1] for item in ahead[:2]] == ["200", "201"]
    assert len(ahead) == 50 and measured_ahead(chat)
    assert chat.itemDelegate().cache.computed >= 100  # the first page, and this one


def test_reaching_the_top_inserts_the_page_without_measuring_a_bubble(chat, qtbot, measured):
    model = chat.chat_model()
    idle(qtbot, chat)
    measured.clear()
    chat.verticalScrollBar().setValue(0)
    qtbot.waitUntil(lambda: model.rowCount() == 100)
    idle(qtbot, chat)  # laid out, and the page after it read and measured in turn
    shown = {(item.key, bubble_layout.flags_of(item)) for item in map(model.item, range(51))}
    assert not shown & measured.flags  # the new rows and the former first row: from the cache
    assert len(measured) >= 50  # (what was measured is the next page: 150 and older)
    assert model.older_ahead is not None and measured_ahead(chat)
    # The rows went in with the sizes measured ahead.
    delegate = chat.itemDelegate()
    for row in range(51):
        item = model.item(row)
        layout = delegate.cache.find(item, delegate.width_for(chat))
        assert layout is not None and chat.visualRect(model.index(row, 0)).height() == layout.height


def test_a_new_width_measures_the_page_read_ahead_again(chat, qtbot, measured):
    model = chat.chat_model()
    idle(qtbot, chat)
    delegate = chat.itemDelegate()
    old_width = delegate.width_for(chat)
    first_ahead = model.older_ahead[0]
    chat.resize(560, 500)
    qtbot.waitUntil(lambda: delegate.width_for(chat) != old_width)
    assert not delegate.is_measured(first_ahead, delegate.width_for(chat), chat.font())
    measured.clear()
    idle(qtbot, chat)
    assert first_ahead.key in measured and measured_ahead(chat)
    assert delegate.cache.find(first_ahead, old_width) is None  # the other width's layouts are gone


def test_bubbles_are_measured_once_when_the_scroll_bar_appears(english, qtbot, inbox, team, measured):
    view = chat_with_history(qtbot, inbox, team, JONAS, count=30)
    model = view.chat_model()
    assert view.verticalScrollBar().isVisible()
    idle(qtbot, view)
    assert sorted(measured) == sorted(model.item(row).key for row in range(30))  # each once


def test_an_edited_message_is_measured_again_also_one_read_ahead(chat, qtbot, inbox, measured):
    model = chat.chat_model()
    idle(qtbot, chat)
    delegate = chat.itemDelegate()
    width = delegate.width_for(chat)
    shown = model.item(model.rowCount() - 1)
    assert edits.apply_edit(inbox.conn, shown.wamid, "Doch lieber morgen", inbox.now)
    ahead = model.older_ahead[10]
    assert edits.apply_edit(inbox.conn, ahead.wamid, "Korrigiert", inbox.now)
    measured.clear()
    model.refresh_message(shown.message_id)
    model.refresh_message(ahead.message_id)
    assert model.older_ahead is None  # the page read ahead was stale: it is read again
    qtbot.waitUntil(lambda: shown.key in measured)
    layout = delegate.layout_for(model.item(model.rowCount() - 1), width, chat.font())
    assert layout.footer_text.startswith("edited")
    idle(qtbot, chat)
    again = model.older_ahead[10]
    assert again.text == "Korrigiert" and ahead.key in measured
    assert delegate.cache.find(again, width).footer_text.startswith("edited")


def test_a_reaction_is_measured_again(chat, qtbot, inbox, measured):
    model = chat.chat_model()
    idle(qtbot, chat)
    row = model.rowCount() - 2
    item = model.item(row)
    delegate = chat.itemDelegate()
    assert delegate.cache.find(item, delegate.width_for(chat)).reactions_rect is None
    reactions.set_reaction(inbox.conn, target_wamid=item.wamid, reactor="business", emoji="👍", ts=inbox.now)
    measured.clear()
    model.refresh_message(item.message_id)
    qtbot.waitUntil(lambda: item.key in measured)
    layout = delegate.cache.find(model.item(row), delegate.width_for(chat))
    assert layout is not None and layout.reactions_rect is not None
    assert chat.visualRect(model.index(row, 0)).height() == layout.height


def test_prefetching_stops_while_the_chat_is_hidden(chat, qtbot):
    model = chat.chat_model()
    chat.hide()
    model.open(model.conversation_id, "Jonas")  # a reset would start it
    idle(qtbot, chat)
    assert model.older_ahead is None  # nothing read for a chat no one sees
    chat.show()
    idle(qtbot, chat)
    assert model.older_ahead is not None and measured_ahead(chat)


def test_nothing_is_read_or_measured_while_the_user_scrolls(chat, qtbot, measured):
    """Every frame of a scroll is the user's; the work waits for the pause after it."""
    model, bar, prefetch = chat.chat_model(), chat.verticalScrollBar(), chat.prefetch
    idle(qtbot, chat)
    prefetch._idle.setInterval(60_000)  # a pause that never comes while the test scrolls
    model.load_older()  # the page read ahead goes in: the next one is to be read now
    measured.clear()
    for _ in range(8):
        bar.setValue(bar.value() - 20)
        qtbot.wait(20)
        assert not prefetch._timer.isActive() and prefetch._idle.isActive()
        assert model.older_ahead is None and measured == []
    prefetch._idle.setInterval(1)
    bar.setValue(bar.value() - 20)  # the last step; then the user pauses
    idle(qtbot, chat)  # the pause: the page is read and measured now
    assert model.older_ahead and measured_ahead(chat)
