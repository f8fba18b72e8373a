"""One desktop against the real relay and simulator: the everyday flow."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import Qt

from wadesk.desktop.models.conversation_list_model import ConversationListModel as M
from wadesk.store import messages as store_messages
from wadesk.store import quick_replies

WAIT = 10_000


def row_data(window, row: int, role: int):
    model = window.list_model
    return model.data(model.index(row, 0), role)


def last_item(window):
    model = window.chat_page.model
    return model.item(model.rowCount() - 1)


def type_and_send(qtbot, window, text: str) -> None:
    edit = window.chat_page.composer.edit
    edit.setFocus()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_a_customer_writes_and_gets_an_answer_that_is_read(desktop, sim_api, qtbot, caplog):
    caplog.set_level(logging.DEBUG)
    lena = desktop("Lena")
    window = lena.window
    sim_api.post("/customers/jonas/say", json={"type": "text", "text": "Hallo, ist mein Rad fertig?"}).raise_for_status()

    qtbot.waitUntil(lambda: window.list_model.rowCount() == 1 and row_data(window, 0, M.UnreadRole) == 1, timeout=WAIT)
    assert row_data(window, 0, M.NameRole) == "Jonas Müller"
    qtbot.waitUntil(lambda: window.statusBar().isVisible() and window._state == "online", timeout=WAIT)
    assert lena.controller.notifier.unread == 1

    view = window.sidebar.list_view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(window.list_model.index(0, 0)).center())
    assert window.chat_page.header.name.text() == "Jonas Müller"
    # Marked read by the worker's database thread: the badge goes a moment later.
    qtbot.waitUntil(lambda: row_data(window, 0, M.UnreadRole) == 0, timeout=WAIT)
    # The read receipt went through the relay to WhatsApp: the customer sees blue ticks.
    qtbot.waitUntil(lambda: all(m["read"] for m in sim_api.get("/inbound").json()["data"]), timeout=WAIT)

    type_and_send(qtbot, window, "Ja, du kannst es ab 15 Uhr abholen.")
    # The local echo, as soon as the database thread has written it (a few ms).
    # (its status may already have moved on from "pending" by the time this looks)
    qtbot.waitUntil(lambda: last_item(window).text == "Ja, du kannst es ab 15 Uhr abholen.", timeout=WAIT)
    qtbot.waitUntil(lambda: last_item(window).status == "read", timeout=WAIT)
    sent = sim_api.get("/messages").json()["data"]
    assert [m["text"] for m in sent] == ["Ja, du kannst es ab 15 Uhr abholen."]
    assert lena.controller.notifier.unread == 0
    # Neither the device token nor a message text ever reaches a log.
    logged = caplog.text
    assert lena.token not in logged and "Rad fertig" not in logged and "15 Uhr" not in logged


def test_a_new_message_notifies_unless_it_is_on_screen(desktop, sim_api, qtbot):
    lena = desktop("Lena")
    notices = []
    lena.controller.notifier.notified.connect(lambda cid, title, text: notices.append((title, text)))
    sim_api.post("/customers/aylin/say", json={"type": "text", "text": "Ist das ein Garantiefall?"})
    qtbot.waitUntil(lambda: notices == [("Aylin Yıldız", "Ist das ein Garantiefall?")], timeout=WAIT)

    window = lena.window
    window.open_conversation(window.list_model.conversation_id(0))
    sim_api.post("/customers/aylin/say", json={"type": "text", "text": "Den Beleg habe ich noch."})
    qtbot.waitUntil(lambda: window.chat_page.model.rowCount() == 2, timeout=WAIT)
    qtbot.waitUntil(lambda: row_data(window, 0, M.UnreadRole) == 0, timeout=WAIT)
    assert len(notices) == 1  # the second one was seen as it arrived: no notice, no badge


def test_a_reply_after_the_window_closed_is_refused_with_the_template_hint(desktop, sim_api, qtbot):
    lena = desktop("Lena")
    window = lena.window
    sim_api.post("/customers/sophie/say", json={"type": "text", "text": "Hallo?"})
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 1, timeout=WAIT)
    window.open_conversation(window.list_model.conversation_id(0))
    sim_api.post("/clock/advance", json={"hours": 25}).raise_for_status()

    type_and_send(qtbot, window, "Entschuldige, ich war im Urlaub!")
    qtbot.waitUntil(lambda: last_item(window).status == "failed", timeout=WAIT)
    assert last_item(window).message.error_code == 131047  # WhatsApp's "re-engagement" refusal
    composer = window.chat_page.composer
    qtbot.waitUntil(lambda: composer.closed_banner.isVisible(), timeout=WAIT)
    assert "template" in composer.closed_text.text()
    assert not composer.edit.isVisible()


# The completer's popup asks the offscreen platform for things it cannot do.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_a_quick_reply_through_slash(desktop, sim_api, relay_api, qtbot):
    lena = desktop("Lena")
    window = lena.window
    relay_api(lena.token).post("/api/v1/quick-replies", json={
        "shortcut": "zeiten", "text": "Hallo {first_name}, wir haben Mo–Fr 10–19 Uhr geöffnet."}).raise_for_status()
    sim_api.post("/customers/jonas/say", json={"type": "text", "text": "Wann habt ihr offen?"})
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 1
                    and bool(quick_replies.find_quick_replies(lena.conn, "zei")), timeout=WAIT)
    window.open_conversation(window.list_model.conversation_id(0))

    edit = window.chat_page.composer.edit
    edit.setFocus()
    qtbot.keyClicks(edit, "/zei")
    popup = edit.completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=WAIT)
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # takes the quick reply
    assert edit.toPlainText() == "Hallo Jonas, wir haben Mo–Fr 10–19 Uhr geöffnet."
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # sends it
    qtbot.waitUntil(lambda: last_item(window).status in ("sent", "delivered", "read"), timeout=WAIT)
    bodies = [m["text"] for m in sim_api.get("/messages").json()["data"]]
    assert bodies == ["Hallo Jonas, wir haben Mo–Fr 10–19 Uhr geöffnet."]


def test_a_message_written_while_the_relay_is_down_goes_out_once(desktop, sim_api, relay, qtbot):
    lena = desktop("Lena")
    window = lena.window
    sim_api.post("/customers/emma/say", json={"type": "text", "text": "Habt ihr Schläuche in 28 Zoll?"})
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 1, timeout=WAIT)
    window.open_conversation(window.list_model.conversation_id(0))
    qtbot.waitUntil(lambda: window._state == "online", timeout=WAIT)

    relay.stop()
    qtbot.waitUntil(lambda: window._state in ("reconnecting", "offline"), timeout=WAIT)
    type_and_send(qtbot, window, "Ja, haben wir da!")
    qtbot.waitUntil(lambda: "1 message" in window.connection_text.text(), timeout=WAIT)
    echo = last_item(window)
    assert echo.status == "pending"

    relay.start()  # the same port and data: the desktop finds it again by itself
    qtbot.waitUntil(lambda: window._state == "online" and last_item(window).status in ("sent", "delivered", "read"),
                    timeout=WAIT)
    assert "waiting" not in window.connection_text.text()
    bodies = [m["text"] for m in sim_api.get("/messages").json()["data"]]
    assert bodies == ["Ja, haben wir da!"]
    assert store_messages.get_message(lena.conn, echo.message_id).wamid is not None
