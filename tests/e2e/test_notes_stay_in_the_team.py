"""Notes are for the team only: they never reach WhatsApp (the simulator's record of
what the business sent), and a note the relay refuses is not left on the author's PC
as if the team had it."""

from wadesk.desktop import chat_items
from wadesk.desktop.actions import NOTE_MAX, new_client_id
from wadesk.store import notes, outbox

WAIT = 10_000


def items(window):
    model = window.chat_page.model
    return [model.item(r) for r in range(model.rowCount())]


def sent_to_whatsapp(sim_api) -> list[str]:
    answer = sim_api.get("/messages")
    answer.raise_for_status()
    return [str(message) for message in answer.json()["data"]]


def test_a_note_reaches_the_colleague_but_never_the_customer(desktop, sim_api, qtbot):
    lena = desktop("Lena", "owner")
    tom = desktop("Tom", "agent")
    sim_api.post("/customers/jonas/say", json={"type": "text", "text": "Ist mein Rad fertig?"}).raise_for_status()
    for d in (lena, tom):
        qtbot.waitUntil(lambda d=d: d.window.list_model.rowCount() == 1, timeout=WAIT)
    conversation = lena.window.list_model.conversation_id(0)
    lena.window.open_conversation(conversation)
    tom.window.open_conversation(conversation)

    composer = lena.window.chat_page.composer
    composer.note_button.setChecked(True)
    composer.edit.setPlainText("Kunde zahlt bar")
    composer.submit()
    qtbot.waitUntil(lambda: any(i.kind == chat_items.NOTE and i.text == "Kunde zahlt bar"
                                for i in items(tom.window)), timeout=WAIT)
    # And a message afterwards, so that the simulator has surely seen all Lena sent.
    composer.note_button.setChecked(False)
    composer.edit.setPlainText("Ja, ab 15 Uhr!")
    composer.submit()
    qtbot.waitUntil(lambda: any("Ja, ab 15 Uhr!" in m for m in sent_to_whatsapp(sim_api)), timeout=WAIT)
    assert not any("Kunde zahlt bar" in m for m in sent_to_whatsapp(sim_api))


def test_a_note_the_relay_refuses_leaves_the_authors_pc_with_a_warning(desktop, sim_api, qtbot):
    lena = desktop("Lena", "owner")
    tom = desktop("Tom", "agent")
    sim_api.post("/customers/jonas/say", json={"type": "text", "text": "Ist mein Rad fertig?"}).raise_for_status()
    for d in (lena, tom):
        qtbot.waitUntil(lambda d=d: d.window.list_model.rowCount() == 1, timeout=WAIT)
    conversation = lena.window.list_model.conversation_id(0)
    lena.window.open_conversation(conversation)

    # The composer does not even offer to save a note over the relay's limit.
    composer = lena.window.chat_page.composer
    composer.note_button.setChecked(True)
    composer.edit.setPlainText("x" * (NOTE_MAX + 1))
    assert not composer.send_button.isEnabled() and composer.counter.isVisible()
    assert composer.counter.text() == f"{NOTE_MAX + 1} / {NOTE_MAX}"
    composer.submit()
    assert outbox.list_outbox(lena.conn) == []

    # One queued by an older wadesk (or any other way past the composer): the relay says no.
    too_long = "Lang " * 1000
    local_id = -4711
    payload = {"v": 1, "op": "note", "conversation_id": conversation, "agent_id": str(lena.person_id),
               "text": too_long.strip(), "local_note_id": local_id}
    outbox.enqueue(lena.conn, new_client_id(), payload)
    notes.upsert_note(lena.conn, conversation, too_long.strip(), author_id=str(lena.person_id), note_id=local_id)
    lena.window.on_notes_changed(conversation)
    lena.worker.kick_outbox()

    warning = composer.warning_bar
    qtbot.waitUntil(lambda: warning.isVisible() and warning.title.text() == "Note not saved", timeout=WAIT)
    assert "4096" in warning.text.text()  # the relay's reason
    assert notes.notes_for(lena.conn, conversation) == []
    assert not any(i.kind == chat_items.NOTE for i in items(lena.window))
    assert outbox.list_outbox(lena.conn) == []
    assert notes.notes_for(tom.conn, conversation) == []
    assert not any("Lang Lang" in m for m in sent_to_whatsapp(sim_api))
