import pytest
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QImage

from wadesk.cloud.templates import MessageTemplate
from wadesk.desktop.models.quick_reply_model import QuickReplyModel, fill_placeholders, placeholder_values
from wadesk.desktop.views.composer import Composer
from wadesk.store import quick_replies

TEMPLATES = [
    {"id": "1", "name": "order_ready", "language": "de", "status": "APPROVED", "category": "UTILITY",
     "parameter_format": "POSITIONAL",
     "components": [{"type": "BODY", "text": "Hallo {{1}}, Ihr Fahrrad ist fertig. Auftrag {{2}}.",
                     "example": {"body_text": [["Jonas", "R-1042"]]}},
                    {"type": "FOOTER", "text": "Radhaus Berlin"}]},
    {"id": "2", "name": "repair_quote", "language": "de", "status": "APPROVED", "category": "UTILITY",
     "components": [{"type": "HEADER", "format": "DOCUMENT"}, {"type": "BODY", "text": "Anbei {{1}}"}]},
    {"id": "3", "name": "promo", "language": "de", "status": "REJECTED", "category": "MARKETING",
     "components": [{"type": "BODY", "text": "Rabatt!"}]},
]


@pytest.fixture
def composer(english, qtbot):
    widget = Composer()
    qtbot.addWidget(widget)
    # An explicit minimum keeps the layout from resizing the test's top-level window,
    # which the offscreen platform answers with a warning (as in the main window).
    widget.setMinimumSize(600, 100)
    widget.resize(700, 160)
    widget.show()
    widget.edit.setFocus()
    return widget


def test_enter_sends_and_shift_enter_makes_a_new_line(composer, qtbot):
    qtbot.keyClicks(composer.edit, "Hallo")
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    composer.edit.insertPlainText("zweite Zeile mit Umlaut: ö")
    assert composer.edit.toPlainText() == "Hallo\nzweite Zeile mit Umlaut: ö"
    with qtbot.waitSignal(composer.send_text) as blocker:
        qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    assert blocker.args == ["Hallo\nzweite Zeile mit Umlaut: ö", ""]
    assert composer.edit.toPlainText() == ""


def test_enter_can_be_set_to_make_new_lines(composer, qtbot):
    composer.enter_sends = False
    qtbot.keyClicks(composer.edit, "Eins")
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    assert composer.edit.toPlainText() == "Eins\n"
    with qtbot.waitSignal(composer.send_text):
        qtbot.keyClick(composer.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_nothing_is_sent_when_empty(composer, qtbot):
    with qtbot.assertNotEmitted(composer.send_text):
        qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
        qtbot.keyClicks(composer.edit, "   ")
        qtbot.keyClick(composer.edit, Qt.Key.Key_Return)


# The offscreen platform cannot raise the completer's popup or let it grab the keyboard.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_slash_completes_a_quick_reply_and_fills_its_placeholders(composer, qtbot, store):
    quick_replies.upsert_quick_reply(store, "zeiten", "Hallo {name}, wir haben Mo–Fr 10–19 Uhr geöffnet.")
    quick_replies.upsert_quick_reply(store, "danke", "Vielen Dank, {first_name}!")
    composer.set_quick_reply_source(lambda typed: quick_replies.find_quick_replies(store, typed))
    composer.set_placeholder_values(placeholder_values("Jonas Müller", "+49 170 1234567", "Lena"))
    qtbot.keyClicks(composer.edit, "/ze")
    popup = composer.edit.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    assert composer.quick_replies.rowCount() == 1
    assert popup.currentIndex().data() .startswith("/zeiten")
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    assert composer.edit.toPlainText() == "Hallo Jonas Müller, wir haben Mo–Fr 10–19 Uhr geöffnet."
    assert not popup.isVisible()
    composer.edit.clear()
    qtbot.keyClicks(composer.edit, "/d")
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(composer.edit, Qt.Key.Key_Tab)
    assert composer.edit.toPlainText() == "Vielen Dank, Jonas!"


def test_quick_reply_model_passes_the_model_tester(qtmodeltester, store):
    quick_replies.upsert_quick_reply(store, "zeiten", "Mo–Fr 10–19 Uhr")
    model = QuickReplyModel(lambda typed: quick_replies.find_quick_replies(store, typed))
    model.update("")
    qtmodeltester.check(model)


def test_placeholders():
    values = placeholder_values("Jonas Müller", "+49 170 1234567", "Lena")
    assert fill_placeholders("{first_name} / {name} / {number} / {agent} / {unknown}", values) == (
        "Jonas / Jonas Müller / +49 170 1234567 / Lena / {unknown}")


def test_the_counter_shows_near_the_limit_and_blocks_too_long_texts(composer):
    composer.edit.setPlainText("a" * 3000)
    assert not composer.counter.isVisible()
    composer.edit.setPlainText("a" * 4000)
    assert composer.counter.isVisible() and composer.counter.text() == "4000 / 4096"
    assert composer.send_button.isEnabled()
    composer.edit.setPlainText("a" * 4097)
    assert composer.counter.property("over") is True and not composer.send_button.isEnabled()


def test_a_closed_window_allows_only_templates_and_notes(composer, qtbot):
    composer.set_templates([MessageTemplate.from_payload(t) for t in TEMPLATES])
    composer.set_window_open(False)
    assert composer.closed_banner.isVisible() and not composer.edit.isVisible()
    assert "template" in composer.closed_text.text()
    assert not composer.attach_button.isEnabled() and composer.closed_template.isEnabled()
    composer.note_button.setChecked(True)  # a note never reaches the customer
    assert composer.edit.isVisible() and composer.edit.isEnabled()
    composer.edit.setFocus()
    composer.edit.insertPlainText("Kunde ruft morgen zurück")
    with qtbot.waitSignal(composer.add_note) as blocker, qtbot.assertNotEmitted(composer.send_text):
        qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    assert blocker.args == ["Kunde ruft morgen zurück"]


def test_replies_carry_the_quoted_wamid_and_escape_closes_the_bar(composer, qtbot):
    composer.set_reply_to("wamid.Q", "Jonas Müller", "Kann ich um 9 kommen?")
    assert composer.reply_bar.isVisible()
    qtbot.keyClick(composer.edit, Qt.Key.Key_Escape)
    assert not composer.reply_bar.isVisible() and composer.reply_wamid == ""
    composer.set_reply_to("wamid.Q", "Jonas Müller", "Kann ich um 9 kommen?")
    qtbot.keyClicks(composer.edit, "Ja")
    with qtbot.waitSignal(composer.send_text) as blocker:
        qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    assert blocker.args == ["Ja", "wamid.Q"]
    assert not composer.reply_bar.isVisible()


def test_files_are_checked_before_they_are_offered(composer, qtbot, tmp_path):
    program = tmp_path / "setup.exe"
    program.write_bytes(b"MZ\x90\x00" + b"\x00" * 200)
    assert not composer.attach_file(str(program))
    assert composer.warning_bar.isVisible() and "does not accept" in composer.warning_bar.text.text()
    big = tmp_path / "urlaub.jpg"
    big.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * (6 * 1024 * 1024))
    assert not composer.attach_file(str(big))
    assert "up to 5.0 MB" in composer.warning_bar.text.text()
    pdf = tmp_path / "Angebot.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
    assert composer.attach_file(str(pdf))
    assert not composer.warning_bar.isVisible() and composer.attachment_bar.isVisible()
    composer.edit.insertPlainText("Ihr Angebot")
    with qtbot.waitSignal(composer.send_media) as blocker:
        qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    assert blocker.args == [str(pdf), "Ihr Angebot", ""]
    assert composer.attachment is None


def test_dropped_files_and_pasted_images_become_attachments(composer, tmp_path):
    photo = tmp_path / "rad.png"
    QImage(40, 30, QImage.Format.Format_RGB32).save(str(photo))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    composer.edit.insertFromMimeData(mime)
    assert composer.attachment is not None and composer.attachment.path == photo
    composer.clear_attachment()
    pasted = QMimeData()
    image = QImage(20, 20, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.red)
    pasted.setImageData(image)
    composer.edit.insertFromMimeData(pasted)
    assert composer.attachment is not None and composer.attachment.mime == "image/png"


def test_the_template_picker_builds_the_message(composer, qtbot, monkeypatch):
    from wadesk.desktop.dialogs import template_dialog

    templates = [MessageTemplate.from_payload(t) for t in TEMPLATES]
    dialog = template_dialog.TemplateDialog(templates, "Jonas")
    qtbot.addWidget(dialog)
    assert dialog.template().name == "order_ready"
    assert not dialog.list.item(1).flags() & Qt.ItemFlag.ItemIsEnabled  # a document header
    assert not dialog.list.item(2).flags() & Qt.ItemFlag.ItemIsEnabled  # rejected
    assert not dialog.send_button.isEnabled()  # the order number is missing
    dialog._edits[("body", "2")].setText("R-1042")
    assert dialog.send_button.isEnabled()
    message = dialog.message()
    assert message.to_payload() == {
        "name": "order_ready", "language": {"code": "de"},
        "components": [{"type": "body", "parameters": [{"type": "text", "text": "Jonas"},
                                                         {"type": "text", "text": "R-1042"}]}],
    }
    assert dialog.rendered_text() == "Hallo Jonas, Ihr Fahrrad ist fertig. Auftrag R-1042.\n_Radhaus Berlin_"
