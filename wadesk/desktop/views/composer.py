"""Writing to the customer: text, attachments, replies, quick replies, templates, notes.

The composer only emits what the user wants to send; actions.py writes the local echo
and the outbox entry, and the sync worker ships it. While the 24-hour window is
closed, free text is replaced by a plain explanation and the template button; internal
notes stay possible, since they never reach the customer.

A send empties the field at once, but what was sent stays with the composer until the
store has it, and comes back if the write fails (composer_pending.py).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from wadesk.cloud.messages import BODY_MAX, CAPTION_MAX
from wadesk.cloud.templates import MessageTemplate
from wadesk.desktop import formatting
from wadesk.desktop.actions import NOTE_MAX
from wadesk.desktop.attachments import Attachment, check_attachment, new_paste_folder, remove_paste_folder
from wadesk.desktop.models.quick_reply_model import QuickReplyModel, fill_placeholders
from wadesk.desktop.theme import current_colours
from wadesk.desktop.views import glyphs
from wadesk.desktop.views.composer_edit import ComposerEdit
from wadesk.desktop.views.composer_pending import PendingSends

COUNTER_FROM = 0.9  # show the character counter from 90 % of the limit


class _Bar(QWidget):
    """A one-line strip above the text field (reply preview, attachment, warning)."""

    closed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.title = QLabel(objectName="BarTitle", textFormat=Qt.TextFormat.PlainText)
        # Plain text: a customer's "<b>" in a quoted message is shown, not obeyed.
        self.text = QLabel(objectName="BarText", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.close_button = QToolButton(objectName="BarClose", autoRaise=True)
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.setIconSize(QSize(16, 16))
        self.close_button.clicked.connect(self.closed)
        texts = QVBoxLayout()
        texts.setSpacing(1)
        texts.addWidget(self.title)
        texts.addWidget(self.text)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 6, 6)
        layout.addLayout(texts, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_text(self, title: str, text: str) -> None:
        self.close_button.setIcon(glyphs.icon("close", current_colours()["muted"], 16))
        self.title.setText(title)
        self.title.setVisible(bool(title))
        self.text.setText(text)
        self.setAccessibleName(f"{title} {text}".strip())
        self.show()


class Composer(PendingSends, QWidget):
    send_text = Signal(str, str)  # text, wamid replied to ("" for none)
    send_media = Signal(str, str, str)  # path, caption, wamid replied to
    send_template = Signal(object, str)  # TemplateMessage, the text as the customer reads it
    add_note = Signal(str)
    reply_cleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Composer")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAcceptDrops(True)
        self._reply_wamid = ""
        self._attachment: Attachment | None = None
        self._window_open = True
        self._templates: list[MessageTemplate] = []
        self._placeholders: dict[str, str] = {}
        self._temp_dir: Path | None = None
        self._init_pending()

        self.reply_bar = _Bar("ReplyBar")
        self.reply_bar.closed.connect(self.clear_reply)
        self.attachment_bar = _Bar("AttachmentBar")
        self.attachment_bar.closed.connect(self.clear_attachment)
        self.warning_bar = _Bar("WarningBar")
        self.warning_bar.closed.connect(self.warning_bar.hide)
        # A text that could not be put back is shown here: it must be copyable.
        self.warning_bar.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                                      | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.closed_banner = QWidget(objectName="ClosedBanner")
        self.closed_banner.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.closed_text = QLabel(wordWrap=True, objectName="ClosedText")
        self.closed_template = QPushButton(self.tr("Choose a template"), objectName="PrimaryButton")
        self.closed_template.clicked.connect(self.choose_template)
        banner = QHBoxLayout(self.closed_banner)
        banner.setContentsMargins(12, 4, 4, 4)
        banner.addWidget(self.closed_text, 1)
        banner.addWidget(self.closed_template)
        self.closed_banner.hide()

        self.quick_replies = QuickReplyModel(parent=self)
        self.edit = ComposerEdit(self.quick_replies)
        self.edit.setAccessibleName(self.tr("Message"))
        self.edit.submitted.connect(self.submit)
        self.edit.textChanged.connect(self._update_counter)
        self.edit.files_dropped.connect(lambda paths: self.attach_file(paths[0]))
        self.edit.image_pasted.connect(self._attach_image)
        self.edit.quick_reply_chosen.connect(self._use_quick_reply)
        self.edit.escape_pressed.connect(self.escape)

        self.note_button = self._tool("note", self.tr("Internal note (only your team sees it)"), checkable=True)
        self.note_button.toggled.connect(self._note_mode)
        self.attach_button = self._tool("paperclip", self.tr("Attach a file"))
        self.attach_button.clicked.connect(self._pick_file)
        self.template_button = self._tool("template", self.tr("Send a template"))
        self.template_button.clicked.connect(self.choose_template)
        self.counter = QLabel(objectName="Counter")
        self.counter.hide()
        self.send_button = QToolButton(objectName="SendButton")
        self.send_button.setAccessibleName(self.tr("Send"))
        self.send_button.setToolTip(self.tr("Send (Enter)"))
        self.send_button.setIconSize(QSize(22, 22))
        self.send_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.send_button.clicked.connect(self.submit)

        row = QHBoxLayout()
        row.setContentsMargins(10, 8, 10, 8)
        row.setSpacing(4)
        for button in (self.note_button, self.attach_button, self.template_button):
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignBottom)
        row.addSpacing(4)
        # While the window is closed the explanation takes the text field's place.
        row.addWidget(self.edit, 1)
        row.addWidget(self.closed_banner, 1)
        row.addWidget(self.counter, 0, Qt.AlignmentFlag.AlignBottom)
        row.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignBottom)
        strips = QVBoxLayout()
        strips.setContentsMargins(12, 0, 12, 0)
        strips.setSpacing(6)
        for bar in (self.reply_bar, self.attachment_bar, self.warning_bar):
            strips.addWidget(bar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(strips)
        layout.addLayout(row)
        self.refresh_style()
        self._apply_state()

    def _tool(self, glyph: str, text: str, checkable: bool = False) -> QToolButton:
        button = QToolButton(objectName="ComposerTool", checkable=checkable, autoRaise=True)
        button.setProperty("glyph", glyph)
        button.setToolTip(text)
        button.setAccessibleName(text)
        button.setIconSize(QSize(22, 22))
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        return button

    def refresh_style(self) -> None:
        """Repaint the glyph icons in the current theme's colours."""
        colours = current_colours()
        for button in (self.note_button, self.attach_button, self.template_button):
            button.setIcon(glyphs.icon(button.property("glyph"), colours["muted"], 22))
        self.send_button.setIcon(glyphs.icon("send", colours["accent_text"], 22))

    # -- configuration -------------------------------------------------------------------

    @property
    def enter_sends(self) -> bool:
        return self.edit.enter_sends

    @enter_sends.setter
    def enter_sends(self, value: bool) -> None:
        self.edit.enter_sends = value
        self.send_button.setToolTip(self.tr("Send (Enter)") if value else self.tr("Send (Ctrl+Enter)"))

    def set_quick_reply_source(self, source) -> None:
        self.quick_replies.set_source(source)

    def set_placeholder_values(self, values: dict[str, str]) -> None:
        self._placeholders = dict(values)

    def set_templates(self, templates: list[MessageTemplate]) -> None:
        self._templates = list(templates)
        self._apply_state()

    def set_window_open(self, is_open: bool) -> None:
        self._window_open = is_open
        self._apply_state()

    @property
    def window_open(self) -> bool:
        return self._window_open

    @property
    def note_mode(self) -> bool:
        return self.note_button.isChecked()

    def _note_mode(self, on: bool) -> None:
        self.edit.setProperty("note", on)
        self.edit.style().unpolish(self.edit)
        self.edit.style().polish(self.edit)
        self._apply_state()

    def _apply_state(self) -> None:
        writable = self._window_open or self.note_mode
        self.closed_banner.setVisible(not writable)
        self.edit.setVisible(writable)
        self.send_button.setVisible(writable)
        self.closed_text.setText(self.tr(
            "24 hours have passed since the customer's last message: WhatsApp only lets you send "
            "an approved template now. Free text works again once they reply."))
        self.closed_template.setEnabled(bool(self._templates))
        self.edit.setEnabled(writable)
        self.attach_button.setEnabled(self._window_open and not self.note_mode)
        self.template_button.setEnabled(bool(self._templates) and not self.note_mode)
        if self.note_mode:
            self.edit.setPlaceholderText(self.tr("Internal note — only your team sees it"))
        elif self._window_open:
            self.edit.setPlaceholderText(self.tr("Type a message — “/” for quick replies"))
        else:
            self.edit.setPlaceholderText(self.tr("Only a template can be sent"))
        self.edit.setToolTip("" if writable else self.closed_text.text())
        self._update_counter()

    # -- reply, attachments, quick replies -----------------------------------------------

    def set_reply_to(self, wamid: str, author: str, preview: str) -> None:
        self._reply_wamid = wamid
        self.reply_bar.show_text(author, preview)
        self.edit.setFocus()

    def clear_reply(self) -> None:
        self._reply_wamid = ""
        self.reply_bar.hide()
        self.reply_cleared.emit()

    @property
    def reply_wamid(self) -> str:
        return self._reply_wamid

    def escape(self) -> bool:
        """Close the innermost open strip; False when there was none."""
        for bar, close in ((self.warning_bar, self.warning_bar.hide), (self.attachment_bar, self.clear_attachment),
                           (self.reply_bar, self.clear_reply)):
            if bar.isVisible():
                close()
                return True
        return False

    def attach_file(self, path: str) -> bool:
        checked = check_attachment(path)
        if isinstance(checked, str):
            self.warning_bar.show_text(self.tr("This file cannot be sent"), checked)
            return False
        self.warning_bar.hide()
        if self._temp_dir is not None and checked.path.parent != self._temp_dir:
            self._drop_pasted()  # a pasted image replaced by another file
        self._show_attachment(checked)
        return True

    def _show_attachment(self, attachment: Attachment) -> None:
        self._attachment = attachment
        hint = self.tr("add a caption below, or just send")
        self.attachment_bar.show_text(attachment.path.name, f"{formatting.file_size(attachment.size)} · {hint}")
        self._update_counter()

    def clear_attachment(self) -> None:
        self._attachment = None
        self._drop_pasted()  # sent (the store holds its encrypted copy) or dropped
        self.attachment_bar.hide()
        self._update_counter()

    def _drop_pasted(self) -> None:
        """A pasted image is plaintext on disk: its folder goes as soon as it is not needed."""
        remove_paste_folder(self._temp_dir)
        self._temp_dir = None

    def cleanup(self) -> None:
        """The window closes: no pasted image stays behind (its bytes were read when
        the send was planned)."""
        self._drop_pasted()
        self._drop_pending_files()

    @property
    def attachment(self) -> Attachment | None:
        return self._attachment

    def _attach_image(self, image: QImage) -> None:
        if self._temp_dir is None or not self._temp_dir.is_dir():
            self._temp_dir = new_paste_folder()
        path = self._temp_dir / "pasted-image.png"
        image.save(str(path), "PNG")
        if not self.attach_file(str(path)):
            if self._attachment is not None and self._attachment.path == path:
                self.clear_attachment()  # the old paste was overwritten: it goes too
            else:
                self._drop_pasted()

    def _pick_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Attach a file"))
        if path:
            self.attach_file(path)

    def _use_quick_reply(self, row: int) -> None:
        reply = self.quick_replies.reply(row)
        if reply is None:
            return
        self.edit.setPlainText(fill_placeholders(reply.text, self._placeholders))
        cursor = self.edit.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.edit.setTextCursor(cursor)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and self._window_open:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        files = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            self.attach_file(files[0])
            event.acceptProposedAction()

    # -- sending -------------------------------------------------------------------------

    def limit(self) -> int:
        if self.note_mode:
            return NOTE_MAX
        return CAPTION_MAX if self._attachment is not None else BODY_MAX

    def _update_counter(self) -> None:
        length, limit = len(self.edit.toPlainText().strip()), self.limit()
        self.counter.setVisible(length >= limit * COUNTER_FROM)
        self.counter.setText(f"{length} / {limit}")
        self.counter.setProperty("over", length > limit)
        self.counter.style().unpolish(self.counter)
        self.counter.style().polish(self.counter)
        has_content = bool(self.edit.toPlainText().strip()) or self._attachment is not None
        self.send_button.setEnabled(has_content and length <= limit and (self.note_mode or self._window_open))

    def submit(self) -> None:
        if not self.send_button.isEnabled():
            return
        pending = self._take_for_sending()
        text = pending.text.strip()
        if pending.note:
            self._hand_over(pending, lambda: self.add_note.emit(text))
        elif pending.attachment is not None:
            path = str(pending.attachment.path)
            self._hand_over(pending, lambda: self.send_media.emit(path, text, pending.reply_wamid))
        else:
            self._hand_over(pending, lambda: self.send_text.emit(text, pending.reply_wamid))

    def choose_template(self) -> None:
        from wadesk.desktop.dialogs.template_dialog import TemplateDialog

        dialog = TemplateDialog(self._templates, self._placeholders.get("first_name", ""), self)
        if dialog.exec() == TemplateDialog.DialogCode.Accepted:
            message = dialog.message()
            if message is not None:
                self.send_template.emit(message, dialog.rendered_text())
