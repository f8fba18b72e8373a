"""Templates come from the relay; Ctrl+N writes to a number (its conversation, or a first
template); all against the real relay and simulator."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from wadesk.desktop import message_kinds as mk
from wadesk.desktop.dialogs.template_dialog import TemplateDialog, sendable
from wadesk.store import desktop_reads, outbox

WAIT = 10_000
# Dialogs on the offscreen platform (what a test has) say this; it is not ours.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def listed(dialog: TemplateDialog) -> list[str]:
    return [dialog.list.item(row).text() for row in range(dialog.list.count())]


def choose(dialog: TemplateDialog, name: str, values: list[str]) -> None:
    row = next(r for r in range(dialog.list.count()) if dialog.list.item(r).text().startswith(name.replace("_", " ")))
    dialog.list.setCurrentRow(row)
    for edit, value in zip(dialog._edits.values(), values):
        edit.setText(value)


def test_the_picker_offers_the_approved_templates_and_one_goes_out_after_the_window_closed(
        desktop, sim, sim_api, qtbot):
    lena = desktop("Lena")
    window = lena.window
    # Fetched from the relay after the team loaded: exactly the simulator's approved ones.
    qtbot.waitUntil(lambda: bool(window.templates), timeout=WAIT)
    expected = sim.call(lambda: sorted((t.name, t.language) for t in sim.simulator.templates.items
                                       if t.status == "APPROVED"))
    assert sorted((t.name, t.language) for t in window.templates) == expected
    assert any(not sendable(t) for t in window.templates)  # a media header: shown, not offered

    sim_api.post("/customers/sophie/say", json={"type": "text", "text": "Ist mein Rad fertig?"}).raise_for_status()
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 1, timeout=WAIT)
    window.open_conversation(window.list_model.conversation_id(0))
    sim_api.post("/clock/advance", json={"hours": 25}).raise_for_status()

    composer = window.chat_page.composer
    assert composer.template_button.isEnabled()
    seen: list[list[str]] = []

    def fill_the_picker() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, TemplateDialog):
            QTimer.singleShot(20, fill_the_picker)
            return
        seen.append(listed(dialog))
        choose(dialog, "order_ready", ["Sophie", "R-1042"])
        assert dialog.send_button.isEnabled()
        dialog.send_button.click()

    QTimer.singleShot(0, fill_the_picker)
    composer.template_button.click()  # the real picker, modal, as the user gets it
    assert seen and any(text.startswith("order ready") for text in seen[0])

    model = window.chat_page.model
    qtbot.waitUntil(lambda: model.item(model.rowCount() - 1).kind == mk.TEMPLATE, timeout=WAIT)  # the echo
    last = model.item(model.rowCount() - 1)
    assert last.kind == mk.TEMPLATE and "Hallo Sophie" in (last.text or "")
    qtbot.waitUntil(lambda: model.item(model.rowCount() - 1).status in ("delivered", "read"), timeout=WAIT)
    sent = sim_api.get("/messages").json()["data"]
    assert [(m["type"], m["request"]["template"]["name"]) for m in sent] == [("template", "order_ready")]
    parameters = sent[0]["request"]["template"]["components"][0]["parameters"]
    assert [p["text"] for p in parameters] == ["Sophie", "R-1042"]


def test_ctrl_n_writes_a_first_template_to_a_new_number(desktop, sim_api, qtbot):
    lena = desktop("Lena")
    window = lena.window
    qtbot.waitUntil(lambda: bool(window.templates), timeout=WAIT)
    window.activateWindow()
    window.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.new_conversations.dialog is not None
                    and window.new_conversations.dialog.isVisible(), timeout=WAIT)
    dialog = window.new_conversations.dialog

    # A typo is refused with a reason, and nothing is lost: the dialog stays.
    qtbot.keyClicks(dialog.number, "0151 2345 67B9")
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.error.isVisible()
    assert "digits" in dialog.error.text()
    dialog.number.setText("0151 2345 6789")  # how a German types a mobile number
    assert dialog.understood.text() == "+49 151 23456789"
    dialog.ok_button.click()
    assert not dialog.isVisible()

    picker = window.new_conversations.picker
    assert picker is not None and picker.isVisible()
    assert "+49 151 23456789" in picker.windowTitle()
    choose(picker, "order_ready", ["Herr Wagner", "R-2001"])
    picker.send_button.click()
    # Queued by number (no conversation exists here yet)...
    queued = outbox.list_outbox(lena.conn)
    assert not queued or queued[0].payload["to"]["wa_id"] == "4915123456789"
    # ...and the conversation opens when the relay's events bring it.
    qtbot.waitUntil(lambda: window.open_conversation_id is not None, timeout=WAIT)
    summary = desktop_reads.conversation_summary(lena.conn, window.open_conversation_id)
    assert summary.contact.wa_id == "4915123456789"
    assert window.chat_page.header.name.text() == "+49 151 23456789"
    model = window.chat_page.model
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.item(0).status in ("sent", "delivered", "read"),
                    timeout=WAIT)
    assert model.item(0).kind == mk.TEMPLATE
    sent = sim_api.get("/messages").json()["data"]
    assert [(m["wa_id"], m["type"]) for m in sent] == [("4915123456789", "template")]
    assert not outbox.list_outbox(lena.conn)


def test_ctrl_n_with_a_known_number_opens_its_conversation(desktop, sim_api, qtbot):
    lena = desktop("Lena")
    window = lena.window
    sim_api.post("/customers/jonas/say", json={"type": "text", "text": "Hallo!"}).raise_for_status()
    sim_api.post("/customers/aylin/say", json={"type": "text", "text": "Guten Tag"}).raise_for_status()
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 2, timeout=WAIT)
    window.new_conversation()
    dialog = window.new_conversations.dialog
    dialog.number.setText("+49 (0)170 1234567")  # Jonas, written the old-fashioned way
    dialog.ok_button.click()
    assert window.new_conversations.picker is None  # nothing to send: the chat is there
    assert window.chat_page.header.name.text() == "Jonas Müller"
    assert sim_api.get("/messages").json()["data"] == []


def first_message_to_a_number_the_relay_does_not_serve(desktop, qtbot):
    """Lena's desktop after the relay refused her first message (a business number it
    does not serve: a profile moved to another relay) and the notice is up."""
    lena = desktop("Lena")
    window = lena.window
    qtbot.waitUntil(lambda: bool(window.templates), timeout=WAIT)
    hello = next(t for t in window.templates if t.name == "hello_world")
    from wadesk.desktop.dialogs.template_dialog import build_message

    window.actions.start_conversation("4915123456789", build_message(hello, {}), phone_number_id="999")
    window.outbox_changed.emit()
    qtbot.waitUntil(lambda: window.new_conversations.notice is not None and window.new_conversations.notice.isVisible(),
                    timeout=WAIT)
    return lena


def test_a_first_message_the_relay_refuses_is_reported_and_leaves_the_queue(desktop, sim_api, qtbot):
    lena = first_message_to_a_number_the_relay_does_not_serve(desktop, qtbot)
    window = lena.window
    assert window.new_conversations.notice.text() == "This business number is not configured on the relay."
    assert outbox.list_outbox(lena.conn) == []
    assert sim_api.get("/messages").json()["data"] == []
