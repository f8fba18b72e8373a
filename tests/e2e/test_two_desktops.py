"""Two desktops (two profiles, two people) on one relay see each other's work."""

from __future__ import annotations

from wadesk.desktop import chat_items
from wadesk.desktop.models.conversation_list_model import ConversationListModel as M
from wadesk.store import labels, notes

WAIT = 10_000


def row(window, conversation_id: int, role: int):
    model = window.list_model
    return model.data(model.index(model.row_of(conversation_id), 0), role)


def items(window):
    model = window.chat_page.model
    return [model.item(r) for r in range(model.rowCount())]


def test_sends_assignments_labels_and_notes_reach_the_colleague(desktop, sim_api, relay_api, qtbot):
    lena = desktop("Lena", "owner")
    tom = desktop("Tom", "agent")
    sim_api.post("/customers/jonas/say", json={"type": "text", "text": "Ist mein Rad fertig?"}).raise_for_status()
    for d in (lena, tom):
        qtbot.waitUntil(lambda d=d: d.window.list_model.rowCount() == 1, timeout=WAIT)
    conversation = lena.window.list_model.conversation_id(0)
    assert tom.window.list_model.conversation_id(0) == conversation

    # Tom looks at the conversation; Lena answers. Tom sees her answer, under her name,
    # and is told that she has just answered.
    tom.window.open_conversation(conversation)
    lena.window.open_conversation(conversation)
    lena.window.chat_page.send_text.emit(conversation, "Ja, ab 15 Uhr!", "")
    qtbot.waitUntil(lambda: any(i.text == "Ja, ab 15 Uhr!" and i.status in ("sent", "delivered", "read")
                                for i in items(tom.window)), timeout=WAIT)
    answer = next(i for i in items(tom.window) if i.text == "Ja, ab 15 Uhr!")
    assert answer.sender == "Lena"
    qtbot.waitUntil(lambda: "Lena has just answered" in tom.controller.activity.text(), timeout=WAIT)
    assert tom.controller.activity.isVisible()

    # Tom takes the conversation: Lena's list shows his initials.
    tom.window.chat_page.assign.emit(conversation, str(tom.person_id))
    qtbot.waitUntil(lambda: row(lena.window, conversation, M.AssigneeIdRole) == str(tom.person_id), timeout=WAIT)
    assert row(lena.window, conversation, M.AssigneeNameRole) == "Tom"
    assert lena.window.chat_page.header.assignee.text() == "Assigned to Tom"

    # The owner makes a label; Lena puts it on the conversation; Tom's row shows it.
    label = relay_api(lena.token).post("/api/v1/labels", json={"name": "Reparatur", "colour": "#E67E22"}).json()["id"]
    qtbot.waitUntil(lambda: label in [found.id for found in labels.list_labels(lena.conn)], timeout=WAIT)
    lena.controller.set_label(conversation, label, True)
    # Locally first: as soon as the worker's database thread has written it.
    qtbot.waitUntil(lambda: row(lena.window, conversation, M.LabelNamesRole) == ["Reparatur"], timeout=WAIT)
    qtbot.waitUntil(lambda: row(tom.window, conversation, M.LabelNamesRole) == ["Reparatur"], timeout=WAIT)

    # A note for the team: Lena's shows at once, then under the relay's id on both.
    lena.window.chat_page.add_note.emit(conversation, "Rad steht hinten links")
    qtbot.waitUntil(lambda: any(i.kind == chat_items.NOTE and i.text == "Rad steht hinten links"
                                for i in items(tom.window)), timeout=WAIT)
    qtbot.waitUntil(lambda: [n.id > 0 for n in notes.notes_for(lena.conn, conversation)] == [True], timeout=WAIT)
    assert [n.text for n in notes.notes_for(tom.conn, conversation)] == ["Rad steht hinten links"]
