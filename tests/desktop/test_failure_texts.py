"""Why a message or note did not go out, in the user's language: the relay sends the
English sentences of wadesk.core.send_failure_texts, lupdate finds every one of them,
and the desktop translates them when it shows them (an unknown text as it came).

The shipped catalogues get these sentences when the lead regenerates them, so the
tests build their own from lupdate's output: German for a few, "[de] ..." for the
rest, compiled with lrelease and installed like the real one."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from tests.e2e.conftest import desktop, relay, sim, sim_api  # noqa: F401  (a real relay and desktops)
from tests.e2e.test_templates_and_new_conversations import first_message_to_a_number_the_relay_does_not_serve
from wadesk.cloud import errors as e
from wadesk.core import send_failure_texts as texts
from wadesk.desktop import chat_items, failure_text
from wadesk.desktop.actions import NOTE_MAX, new_client_id
from wadesk.relay import send_errors
from wadesk.relay.team_api import NOTE_MAX as RELAY_NOTE_MAX
from wadesk.store import notes, outbox

ROOT = Path(__file__).resolve().parents[2]
TOOLS = Path(sys.executable).parent
WAIT = 10_000
GERMAN = {
    texts.WINDOW_CLOSED: "Mehr als 24 Stunden seit der letzten Nachricht des Kunden: nur eine "
                         "Vorlage kann gesendet werden.",
    texts.NOTE_TOO_LONG: "Eine Notiz darf höchstens %1 Zeichen haben; diese hat %2.",
    texts.UNKNOWN_PHONE_NUMBER: "Diese Geschäftsnummer ist auf dem Relay nicht eingerichtet.",
    texts.MEDIA_TOO_LARGE: "WhatsApp nimmt %1-Dateien bis %2 KB; diese hat %3 KB.",
}


def german(sentence: str) -> str:
    return GERMAN.get(sentence, "[de] " + sentence)


def lupdate(sources: list[str], ts: Path) -> ET.ElementTree:
    subprocess.run([str(TOOLS / "pyside6-lupdate"), *sources, "-ts", str(ts)], check=True,
                   capture_output=True)
    return ET.parse(ts)


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory) -> Path:
    """A .qm with every sentence lupdate finds in the table, translated."""
    folder = tmp_path_factory.mktemp("catalogue")
    tree = lupdate([str(ROOT / "wadesk" / "core" / "send_failure_texts.py")], folder / "wadesk_de.ts")
    for message in tree.iter("message"):
        translation = message.find("translation")
        translation.text = german(message.findtext("source"))
        translation.attrib.pop("type", None)  # no longer "unfinished"
    tree.write(folder / "wadesk_de.ts", encoding="utf-8", xml_declaration=True)
    subprocess.run([str(TOOLS / "pyside6-lrelease"), str(folder / "wadesk_de.ts"), "-qm",
                    str(folder / "wadesk_de.qm")], check=True, capture_output=True)
    return folder / "wadesk_de.qm"


@pytest.fixture
def in_german(qapp, catalogue):
    translator = QTranslator()
    assert translator.load(str(catalogue))
    qapp.installTranslator(translator)
    yield
    QCoreApplication.instance().removeTranslator(translator)


def test_lupdate_finds_every_sentence_of_the_table_and_the_catalogues_include_it(tmp_path):
    tree = lupdate([str(ROOT / "wadesk" / "core" / "send_failure_texts.py")], tmp_path / "x.ts")
    found = {(c.findtext("name"), m.findtext("source")) for c in tree.iter("context") for m in c.iter("message")}
    assert found == {(texts.CONTEXT, sentence) for sentence in texts.SENTENCES}
    assert len(texts.SENTENCES) > 40

    spec = importlib.util.spec_from_file_location("build_resources", ROOT / "resources" / "build_resources.py")
    build_resources = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_resources)
    sources = build_resources.catalogue_sources()
    assert str(ROOT / "wadesk" / "core" / "send_failure_texts.py") in sources
    assert str(ROOT / "wadesk" / "desktop" / "failure_text.py") in sources


@pytest.mark.parametrize("error", [
    *(e.CloudError("x", code=code) for code in texts.BY_CODE),
    *(e.family_for_code(code)("x", code=code) for code in (190, 10, 100, 131031, 131042, 131052, 130429,
                                                            131056, 80007, 131000, 135000)),
    e.CloudError("x", code=4711), e.CloudError("x"), e.CloudValidationError("to", "is not a phone number"),
], ids=repr)
def test_every_reason_the_relay_gives_for_a_failed_send_is_a_sentence_of_the_table(error):
    reason = send_errors.reason_for(error)
    found = texts.source_of(reason)
    assert found is not None, reason
    assert texts.fill(found[0], *found[1]) == reason
    assert send_errors.reason_for_code(getattr(error, "code", None)) is not None


def test_the_relays_english_stays_as_it_was():
    assert send_errors.reason_for(e.CloudError("x", code=4711)) == "WhatsApp refused the message (error 4711)."
    assert send_errors.WINDOW_CLOSED == ("More than 24 hours since the customer's last message: only a "
                                         "template can be sent.")
    assert texts.fill(texts.MEDIA_TOO_LARGE, "image", 5120, 6001) == \
        "WhatsApp takes image files up to 5120 KB; this one has 6001 KB."
    # One pass: a value that looks like a placeholder is kept as it is.
    assert texts.fill(texts.MEDIA_TYPE_REFUSED, "x/%1") == "WhatsApp does not take files of type x/%1."
    assert RELAY_NOTE_MAX == NOTE_MAX


def test_every_sentence_is_shown_in_the_users_language_with_its_values(in_german):
    for sentence in texts.SENTENCES:
        values = ("video", "16384", "20001")[:sentence.count("%")]
        assert failure_text.translated(texts.fill(sentence, *values)) == texts.fill(german(sentence), *values)
    assert failure_text.translated(texts.fill(texts.MEDIA_TOO_LARGE, "image", 5120, 6001)) == \
        "WhatsApp nimmt image-Dateien bis 5120 KB; diese hat 6001 KB."


def test_an_unknown_text_is_shown_as_it_came_unless_metas_code_has_a_sentence(in_german):
    assert failure_text.translated("A reason a newer relay gives.") == "A reason a newer relay gives."
    assert failure_text.translated("Message failed to send because more than 24 hours have passed.",
                                   131047) == GERMAN[texts.WINDOW_CLOSED]
    assert failure_text.translated("Re-engagement message", "131047") == GERMAN[texts.WINDOW_CLOSED]
    assert failure_text.translated("Something new", 999_999) == "Something new"
    assert failure_text.translated(None, None) == "" and failure_text.translated("", "window_closed") == ""
    assert failure_text.translated(None, 131047) == GERMAN[texts.WINDOW_CLOSED]
    # A table sentence inside other words is not the sentence.
    assert failure_text.translated("Note: " + texts.WINDOW_CLOSED) == "Note: " + texts.WINDOW_CLOSED


def test_in_english_the_relays_sentence_is_shown_unchanged(english):
    reason = texts.fill(texts.NOTE_TOO_LONG, 4096, 5000)
    assert failure_text.translated(reason) == "A note can have at most 4096 characters; this one has 5000."


# -- the real relay ------------------------------------------------------------------------


def items(window):
    model = window.chat_page.model
    return [model.item(r) for r in range(model.rowCount())]


def test_a_note_the_relay_refuses_is_explained_in_german(desktop, sim_api, qtbot, in_german):  # noqa: F811
    lena = desktop("Lena", "owner")
    sim_api.post("/customers/jonas/say", json={"type": "text", "text": "Ist mein Rad fertig?"}).raise_for_status()
    qtbot.waitUntil(lambda: lena.window.list_model.rowCount() == 1, timeout=WAIT)
    conversation = lena.window.list_model.conversation_id(0)
    lena.window.open_conversation(conversation)

    # Queued past the composer (an older wadesk): the relay says no, in its English.
    too_long = ("Lang " * 1000).strip()
    payload = {"v": 1, "op": "note", "conversation_id": conversation, "agent_id": str(lena.person_id),
               "text": too_long, "local_note_id": -4711}
    outbox.enqueue(lena.conn, new_client_id(), payload)
    notes.upsert_note(lena.conn, conversation, too_long, author_id=str(lena.person_id), note_id=-4711)
    lena.window.on_notes_changed(conversation)
    lena.worker.kick_outbox()

    warning = lena.window.chat_page.composer.warning_bar
    qtbot.waitUntil(lambda: warning.isVisible() and warning.title.text() == "Note not saved", timeout=WAIT)
    assert warning.text.text() == f"Eine Notiz darf höchstens {NOTE_MAX} Zeichen haben; diese hat {len(too_long)}."
    assert not any(i.kind == chat_items.NOTE for i in items(lena.window))


def test_a_reply_after_the_window_closed_keeps_the_relays_english_and_shows_german(
        desktop, sim_api, qtbot, in_german):  # noqa: F811
    lena = desktop("Lena")
    window = lena.window
    sim_api.post("/customers/sophie/say", json={"type": "text", "text": "Hallo?"}).raise_for_status()
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 1, timeout=WAIT)
    window.open_conversation(window.list_model.conversation_id(0))
    sim_api.post("/clock/advance", json={"hours": 25}).raise_for_status()

    window.chat_page.composer.edit.setPlainText("Entschuldige, ich war im Urlaub!")
    window.chat_page.composer.submit()
    qtbot.waitUntil(lambda: items(window)[-1].status == "failed", timeout=WAIT)
    message = items(window)[-1].message
    assert message.error_code == 131047
    assert failure_text.shown(message) == GERMAN[texts.WINDOW_CLOSED]


def test_a_first_message_the_relay_refuses_is_explained_in_german(desktop, sim_api, qtbot, in_german):  # noqa: F811
    lena = first_message_to_a_number_the_relay_does_not_serve(desktop, qtbot)
    window = lena.window
    assert window.new_conversations.notice.text() == GERMAN[texts.UNKNOWN_PHONE_NUMBER]
    assert outbox.list_outbox(lena.conn) == []


def test_the_relays_notice_of_a_dead_token_is_shown_in_german(desktop, sim_api, qtbot, in_german):  # noqa: F811
    lena = desktop("Lena")
    window = lena.window
    sim_api.post("/customers/jonas/say", json={"type": "text", "text": "Hallo?"}).raise_for_status()
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 1, timeout=WAIT)
    window.open_conversation(window.list_model.conversation_id(0))
    sim_api.post("/faults", json={"kind": "expire_token"}).raise_for_status()

    window.chat_page.composer.edit.setPlainText("Ja, ab 15 Uhr.")
    window.chat_page.composer.submit()  # refused with 190: the relay stops sending and says why
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == german(texts.TOKEN_EXPIRED), timeout=WAIT)
