"""A colleague typing shows as "Lena is typing…" on the other desktops (through the
relay's presence in the sync answers); nobody sees themselves."""

from __future__ import annotations

from PySide6.QtCore import Qt

WAIT = 10_000


def test_a_colleague_typing_shows_on_the_other_desktop(desktop, sim_api, relay_api, qtbot):
    lena = desktop("Lena", "owner")
    tom = desktop("Tom", "agent")
    sim_api.post("/customers/jonas/say", json={"type": "text", "text": "Ist mein Rad fertig?"}).raise_for_status()
    for d in (lena, tom):
        qtbot.waitUntil(lambda d=d: d.window.list_model.rowCount() == 1, timeout=WAIT)
    conversation = lena.window.list_model.conversation_id(0)
    tom.window.open_conversation(conversation)
    lena.window.open_conversation(conversation)

    edit = lena.window.chat_page.composer.edit
    edit.setFocus()
    qtbot.keyClicks(edit, "Ja, ab")
    activity = tom.controller.activity
    qtbot.waitUntil(lambda: activity.text() == "● Lena is typing…", timeout=WAIT)
    assert activity.isVisible()
    assert lena.controller.activity.typing_names(conversation) == []  # not herself

    # Another conversation on Tom's screen: Lena's typing is not about it.
    sim_api.post("/customers/aylin/say", json={"type": "text", "text": "Hallo"}).raise_for_status()
    qtbot.waitUntil(lambda: tom.window.list_model.rowCount() == 2, timeout=WAIT)
    other = next(tom.window.list_model.conversation_id(r) for r in range(2)
                 if tom.window.list_model.conversation_id(r) != conversation)
    tom.window.open_conversation(other)
    assert not activity.isVisible()
    tom.window.open_conversation(conversation)
    assert activity.text() == "● Lena is typing…"

    # She sends: her typing ends with the answer, as in WhatsApp.
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: activity.text() == "● Lena has just answered this customer", timeout=WAIT)


def relay_conversation_of(relay, wa_id: str) -> int:
    from wadesk.store import contacts, conversations

    server = relay.server

    def find(conn):
        contact = contacts.find_contact(conn, wa_id=wa_id)
        return conversations.find_conversation_id(conn, contact.id, relay.config.phone_number_ids[0])

    return server.call(lambda: server.ctx.read(find))


def test_typing_reported_straight_to_the_relay_reaches_the_desktop(desktop, sim_api, relay_api, relay, qtbot):
    """One desktop, and a colleague who is only a direct relay call: presence names the
    relay's conversation id, which the desktop maps to its own."""
    from tests.e2e.conftest import add_person
    from wadesk.desktop.sync.login import log_in

    tom = desktop("Tom", "agent")
    person_id, code = add_person(relay, "Mia", "agent")
    mia = relay_api(log_in(relay.url, "Mia", setup_code=code).token)
    sim_api.post("/customers/aylin/say", json={"type": "text", "text": "Hallo"}).raise_for_status()
    qtbot.waitUntil(lambda: tom.window.list_model.rowCount() == 1, timeout=WAIT)
    local = tom.window.list_model.conversation_id(0)
    tom.window.open_conversation(local)
    mia.post(f"/api/v1/conversations/{relay_conversation_of(relay, '4915123456789')}/typing").raise_for_status()
    activity = tom.controller.activity
    qtbot.waitUntil(lambda: activity.text() == "● Mia is typing…", timeout=WAIT)
    assert activity.typing_names(local) == ["Mia"]
    assert tom.worker.me_id == str(tom.person_id)
