"""Sending never stops for good: one item that cannot go (its file is gone, the relay's
answer is garbage, something unexpected fails) is settled on its own, and what was
written after it still goes out, exactly once.

The real app, relay and simulator on loopback; where the relay must answer badly, a
tiny proxy in front of it does (relay_proxy.py)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from tests.e2e.conftest import FAST_WORKER, Desktop, add_person
from tests.e2e.relay_proxy import RelayProxy
from wadesk import paths as wpaths
from wadesk.core.send_failure_texts import MEDIA_MISSING
from wadesk.desktop import failure_text
from wadesk.desktop.app import Inbox
from wadesk.desktop.profile_store import open_with_key
from wadesk.desktop.settings import Settings
from wadesk.desktop.sync.login import log_in
from wadesk.desktop.sync.outbox_sender import SEND_ERROR
from wadesk.sim.samples import sample_bytes
from wadesk.store import messages, notes, outbox

WAIT = 15_000


def chat_items(window):
    model = window.chat_page.model
    return [model.item(row) for row in range(model.rowCount())]


def type_and_send(qtbot, window, text: str) -> None:
    edit = window.chat_page.composer.edit
    edit.setFocus()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def sent_texts(sim_api) -> list[str]:
    return [m["text"] for m in sim_api.get("/messages").json()["data"] if m["type"] == "text"]


def gone_out(item) -> bool:
    return item.status in ("sent", "delivered", "read")


@pytest.fixture
def proxy(relay) -> Iterator[RelayProxy]:
    server = RelayProxy(relay.url)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def desktop_via_proxy(relay, proxy, tmp_path, english, qtbot) -> Iterator[Desktop]:
    """Lena's desktop, talking to the relay only through the proxy."""
    person_id, code = add_person(relay, "Lena", "owner")
    login = log_in(relay.url, "Lena", setup_code=code)
    paths = wpaths.for_profile(tmp_path / "profile-Lena")
    conn, opener = open_with_key(paths, os.urandom(32))
    inbox = Inbox(paths, conn, opener, proxy.base_url, login.token, str(person_id), Settings(None),
                  ("Radhaus Berlin", "+49 30 1234567"), FAST_WORKER)
    qtbot.addWidget(inbox.window)
    inbox.window.resize(1200, 780)
    assert inbox.show()
    inbox.window.activateWindow()
    made = Desktop("Lena", person_id, login.token, inbox, conn, paths)
    qtbot.waitUntil(lambda: inbox.worker.connection.state == "online", timeout=WAIT)
    yield made
    made.close()


def open_first_conversation(qtbot, window, sim_api, customer: str = "jonas", rows: int = 1) -> int:
    sim_api.post(f"/customers/{customer}/say", json={"type": "text", "text": "Schicken Sie mir das Angebot?"})
    qtbot.waitUntil(lambda: window.list_model.rowCount() == rows, timeout=WAIT)
    conversation = window.list_model.conversation_id(0)
    window.open_conversation(conversation)
    return conversation


def test_an_attachment_whose_file_is_gone_fails_with_the_reason_and_the_next_text_goes_once(
        desktop, sim_api, relay, qtbot, tmp_path):
    lena = desktop("Lena")
    window = lena.window
    conversation = open_first_conversation(qtbot, window, sim_api)
    qtbot.waitUntil(lambda: window._state == "online", timeout=WAIT)

    relay.stop()  # the attachment waits in the outbox ...
    qtbot.waitUntil(lambda: window._state in ("reconnecting", "offline"), timeout=WAIT)
    offer = tmp_path / "Angebot.pdf"
    offer.write_bytes(sample_bytes("kaufbeleg.pdf"))
    window.chat_page.send_media.emit(conversation, str(offer), "Das Angebot", "")

    def document():
        found = [i for i in chat_items(window) if i.message is not None and i.message.type == "document"]
        return found[0].message if found else None

    qtbot.waitUntil(lambda: document() is not None and document().media_file is not None, timeout=WAIT)
    (lena.paths.media / document().media_file).unlink()  # ... and its encrypted file is lost
    type_and_send(qtbot, window, "Das Angebot kommt gleich.")
    # The text is queued behind it (the attachment may already be refused meanwhile:
    # its file is read before the relay is asked, so that needs no relay).
    qtbot.waitUntil(lambda: any((item.payload.get("message") or {}).get("type") == "text"
                                for item in outbox.list_outbox(lena.conn)), timeout=WAIT)

    relay.start()
    qtbot.waitUntil(lambda: document() is not None and document().status == "failed", timeout=WAIT)
    qtbot.waitUntil(lambda: gone_out(chat_items(window)[-1]), timeout=WAIT)
    assert failure_text.shown(document()) == MEDIA_MISSING
    assert chat_items(window)[-1].message.text == "Das Angebot kommt gleich."
    assert sent_texts(sim_api) == ["Das Angebot kommt gleich."]
    assert [m["type"] for m in sim_api.get("/messages").json()["data"]] == ["text"]
    # (the relay's status can come by the sync before the send's answer clears the outbox)
    qtbot.waitUntil(lambda: outbox.list_outbox(lena.conn) == [], timeout=WAIT)
    qtbot.waitUntil(lambda: window._state == "online" and "waiting" not in window.connection_text.text(),
                    timeout=WAIT)


def test_an_answer_that_is_not_json_does_not_stop_later_sends(desktop_via_proxy, proxy, sim_api, qtbot):
    window = desktop_via_proxy.window
    open_first_conversation(qtbot, window, sim_api)
    # The relay gets the first send, the desktop an HTML page instead of its answer.
    fault = proxy.fault("POST", r"/api/v1/messages", "forward_then_not_json", times=1)
    type_and_send(qtbot, window, "Ja, ist fertig.")
    qtbot.waitUntil(lambda: fault.used == 1, timeout=WAIT)
    type_and_send(qtbot, window, "Abholung ab 15 Uhr.")

    qtbot.waitUntil(lambda: outbox.list_outbox(desktop_via_proxy.conn) == [], timeout=WAIT)
    qtbot.waitUntil(lambda: [gone_out(i) for i in chat_items(window)[-2:]] == [True, True], timeout=WAIT)
    # The retry carried the same client id: the relay did not send it twice, and the
    # second went after it.
    assert sent_texts(sim_api) == ["Ja, ist fertig.", "Abholung ab 15 Uhr."]
    assert desktop_via_proxy.worker.running


def test_an_item_that_keeps_failing_is_marked_failed_and_only_its_conversation_waits_for_it(
        desktop_via_proxy, proxy, relay_api, sim_api, qtbot):
    lena = desktop_via_proxy
    window, worker = lena.window, lena.worker
    sim_api.post("/customers/emma/say", json={"type": "text", "text": "Habt ihr Schläuche?"})
    jonas = open_first_conversation(qtbot, window, sim_api, "jonas", rows=2)
    emma = next(window.list_model.conversation_id(r) for r in range(2) if window.list_model.conversation_id(r) != jonas)
    seen: list[tuple[str, int]] = []
    reasons: list[str] = []
    worker.send_refused.connect(lambda refusal: (seen.append(("refused", refusal.conversation_id)),
                                                 reasons.append(refusal.reason)))
    worker.message_changed.connect(lambda message_id, conversation_id: seen.append(("changed", message_id)))
    # Every try of the note gets an answer it cannot use (no note id): an unexpected error.
    proxy.fault("POST", r"/api/v1/conversations/\d+/notes", "json_without_fields", times=1000)

    window.chat_page.add_note.emit(jonas, "Rad steht hinten links")
    type_and_send(qtbot, window, "Ihr Rad ist fertig.")  # written after the note: waits for it
    window.open_conversation(emma)
    type_and_send(qtbot, window, "Ja, in 28 Zoll.")  # another conversation: does not wait

    qtbot.waitUntil(lambda: ("refused", jonas) in seen, timeout=WAIT)
    assert reasons == [SEND_ERROR]
    qtbot.waitUntil(lambda: sorted(sent_texts(sim_api)) == sorted(["Ihr Rad ist fertig.", "Ja, in 28 Zoll."]),
                    timeout=WAIT)
    jonas_text = messages.page_messages(lena.conn, jonas, limit=10)
    text_id = next(m.id for m in jonas_text if m.direction == "out" and m.text == "Ihr Rad ist fertig.")
    qtbot.waitUntil(lambda: ("changed", text_id) in seen, timeout=WAIT)
    assert seen.index(("refused", jonas)) < seen.index(("changed", text_id))  # its order kept
    emma_id = next(m.id for m in messages.page_messages(lena.conn, emma, limit=10) if m.direction == "out")
    # Emma's conversation did not wait for the note's tries (each at least a second apart).
    assert seen.index(("changed", emma_id)) < seen.index(("refused", jonas))
    assert len(sent_texts(sim_api)) == 2  # each once
    # Settled like a refusal: off the queue, and the note the team never got leaves this
    # PC too (the window said why); nothing reached the relay.
    assert outbox.list_outbox(lena.conn) == []
    assert notes.notes_for(lena.conn, jonas) == []
    assert relay_api(lena.token).get(f"/api/v1/conversations/{jonas}/notes").json()["notes"] == []
    qtbot.waitUntil(lambda: "waiting" not in window.connection_text.text(), timeout=WAIT)
    assert worker.running
