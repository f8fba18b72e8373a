"""A template shows the words the customer read on every desktop: the sender's pending
bubble, the same message after the sync, a colleague's desktop, and a conversation
started by number (Ctrl+N), where only the relay's text exists. Real relay, simulator
and app."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from wadesk.desktop import message_kinds as mk
from wadesk.desktop.dialogs.template_dialog import TemplateDialog, build_message
from wadesk.desktop.models.conversation_list_model import ConversationListModel as M
from wadesk.desktop.rich_text import to_html
from wadesk.store import messages

WAIT = 10_000
# Dialogs on the offscreen platform (what a test has) say this; it is not ours.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

REMINDER = ("*Ihr Termin am 12.05.*\n"
            "Hallo Sophie, wir erinnern Sie an Ihren Werkstatttermin am 12.05. um 10:30 Uhr. "
            "Bitte bringen Sie Ihr Fahrrad mit.\n"
            "[Termin bestätigen]\n[Verschieben]")


def items(window):
    model = window.chat_page.model
    return [model.item(r) for r in range(model.rowCount())]


def templates_of(window):
    return [i for i in items(window) if i.kind == mk.TEMPLATE]


def pick(name: str, language: str, values: list[str], previews: list[str]) -> None:
    """Fill the template picker the user has open, keep its preview, then press Send."""
    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, TemplateDialog):
        QTimer.singleShot(20, lambda: pick(name, language, values, previews))
        return
    row = next(r for r in range(dialog.list.count())
               if dialog.list.item(r).text() == f"{name.replace('_', ' ')}  ·  {language}")
    dialog.list.setCurrentRow(row)
    previews.append(dialog.preview.text())  # nothing filled in yet
    for edit, value in zip(dialog._edits.values(), values):
        edit.setText(value)
    previews.append(dialog.preview.text())
    dialog.send_button.click()


def test_a_template_shows_its_text_on_the_senders_and_a_colleagues_desktop(desktop, sim_api, qtbot):
    lena = desktop("Lena", "owner")
    tom = desktop("Tom", "agent")
    sim_api.post("/customers/sophie/say", json={"type": "text", "text": "Wann ist mein Termin?"}).raise_for_status()
    for d in (lena, tom):
        qtbot.waitUntil(lambda d=d: d.window.list_model.rowCount() == 1 and bool(d.window.templates), timeout=WAIT)
    conversation = lena.window.list_model.conversation_id(0)
    lena.window.open_conversation(conversation)
    tom.window.open_conversation(conversation)

    # Lena sends the German reminder through the real picker; its preview is the bubble's text.
    previews: list[str] = []
    QTimer.singleShot(0, lambda: pick("appointment_reminder", "de", ["12.05.", "Sophie", "12.05.", "10:30"],
                                      previews))
    lena.window.chat_page.composer.template_button.click()
    assert len(previews) == 2
    assert "<b>Ihr Termin am {{1}}</b>" in previews[0] and "um {{3}} Uhr" in previews[0]
    assert previews[1] == to_html(REMINDER)
    # Before any network: as soon as the database thread has written the echo.
    qtbot.waitUntil(lambda: len(templates_of(lena.window)) == 1, timeout=WAIT)
    [pending] = templates_of(lena.window)
    assert pending.text == REMINDER

    # Tom sees the same words, from the relay's rendering; the list shows them on one line.
    qtbot.waitUntil(lambda: [i.text for i in templates_of(tom.window)] == [REMINDER], timeout=WAIT)
    assert "<b>Ihr Termin am 12.05.</b>" in to_html(templates_of(tom.window)[0].text)
    preview = tom.window.list_model.data(tom.window.list_model.index(0, 0), M.PreviewRole)
    assert preview.startswith("Ihr Termin am 12.05. Hallo Sophie, wir erinnern Sie")

    # Once synced and delivered, Lena's bubble still says the same.
    qtbot.waitUntil(lambda: templates_of(lena.window)[0].status in ("delivered", "read"), timeout=WAIT)
    assert [i.text for i in templates_of(lena.window)] == [REMINDER]
    sent = sim_api.get("/messages").json()["data"]
    assert [(m["type"], m["request"]["template"]["name"]) for m in sent] == [("template", "appointment_reminder")]


def test_a_first_template_to_a_new_number_shows_its_text(desktop, qtbot):
    lena = desktop("Lena", "owner")
    tom = desktop("Tom", "agent")
    qtbot.waitUntil(lambda: bool(lena.window.templates), timeout=WAIT)
    order_ready = next(t for t in lena.window.templates if (t.name, t.language) == ("order_ready", "de"))
    message = build_message(order_ready, {("body", "1"): "Herr Wagner", ("body", "2"): "R-2001"})
    # What Ctrl+N queues: no conversation here yet, so no local echo; the relay's text only.
    client_id = lena.window.actions.start_conversation("4915123456789", message)
    lena.window.outbox_changed.emit()
    expected = ("Hallo Herr Wagner, Ihr Fahrrad ist fertig und kann ab sofort bei uns abgeholt werden. "
                "Auftragsnummer: R-2001. Bis bald im Radhaus Berlin!\n"
                "_Radhaus Berlin · Boxhagener Straße 42_")
    for d in (lena, tom):
        qtbot.waitUntil(lambda d=d: messages.get_message_by_client_id(d.conn, client_id) is not None, timeout=WAIT)
        found = messages.get_message_by_client_id(d.conn, client_id)
        assert (found.type, found.text) == ("template", expected)
    assert "<i>Radhaus Berlin · Boxhagener Straße 42</i>" in to_html(expected)
