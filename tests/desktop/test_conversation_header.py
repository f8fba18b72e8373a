import pytest

from wadesk.core.window import WINDOW_SECONDS
from wadesk.desktop.views.conversation_header import ConversationHeader
from wadesk.store import labels
from wadesk.store.desktop_reads import conversation_summary

JONAS = "491701234567"


@pytest.fixture
def header(english, qtbot, team, inbox):
    clock = {"now": inbox.now}
    widget = ConversationHeader(team, now=lambda: clock["now"])
    widget.setMinimumSize(800, 60)
    qtbot.addWidget(widget)
    widget.show()
    return widget, clock


def show(widget, inbox, wa_id=JONAS):
    conversation = inbox.conversation_id(wa_id)
    widget.set_conversation(conversation_summary(inbox.conn, conversation), labels.conversation_labels(inbox.conn, conversation))


def test_name_number_labels_and_a_live_window(header, inbox):
    widget, clock = header
    inbox.incoming(JONAS, "Hallo", name="Jonas Müller", ts=inbox.now - (3 * 3600 + 12 * 60) - (WINDOW_SECONDS - 6 * 3600 - 24 * 60))
    repair = labels.upsert_label(inbox.conn, "Reparatur", "#d4815a")
    labels.set_conversation_label(inbox.conn, inbox.conversation_id(JONAS), repair.id)
    show(widget, inbox)
    assert widget.name.text() == "Jonas Müller"
    assert widget.number.text() == "+49 170 1234567"
    assert "Reparatur" in widget.labels.text()
    assert widget.window_open
    assert widget.window_label.text() == "● Open for 3 h 12 min"
    clock["now"] += 3 * 3600
    widget.refresh_window()  # what the minute timer does
    assert widget.window_label.text() == "● Open for 12 min"
    assert widget.window_label.property("state") == "soon"


def test_closed_window_says_only_a_template_can_be_sent(header, inbox, qtbot):
    widget, clock = header
    inbox.incoming(JONAS, "Hallo", ts=inbox.now - 3600)
    show(widget, inbox)
    with qtbot.waitSignal(widget.window_changed) as blocker:
        clock["now"] += WINDOW_SECONDS
        widget.refresh_window()
    assert blocker.args == [False]
    assert widget.window_label.text() == "● Closed: only a template can be sent"


def test_assignment_menu(header, inbox, qtbot):
    widget, _clock = header
    inbox.incoming(JONAS, "Hallo")
    show(widget, inbox)
    assert widget.assignee.text() == "Unassigned"
    menu = widget.assignee.menu()
    menu.aboutToShow.emit()
    texts = [a.text() for a in menu.actions()]
    assert texts[0] == "Assign to me" and "Unassign" not in texts
    with qtbot.waitSignal(widget.assign_requested) as blocker:
        menu.actions()[0].trigger()
    assert blocker.args == ["me"]
    colleagues = menu.actions()[1].menu()
    assert [a.text() for a in colleagues.actions()] == ["Mia Hoffmann", "Tobias Wagner"]
    from wadesk.store import conversations

    conversations.set_assignee(inbox.conn, inbox.conversation_id(JONAS), "tobias")
    show(widget, inbox)
    assert widget.assignee.text() == "Assigned to Tobias Wagner"
    menu.aboutToShow.emit()
    with qtbot.waitSignal(widget.unassign_requested):
        next(a for a in menu.actions() if a.text() == "Unassign").trigger()
