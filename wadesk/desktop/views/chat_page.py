"""The right-hand side while a conversation is open: header, chat, composer.

It owns the chat model and routes what the user does to signals carrying the open
conversation's id; the main window turns those into store writes (actions.py).
Opening media happens here: photos in a viewer, everything else in the system's
program through a temporary file the media cache removes again. The file is decrypted
(and a copy written) on a worker (media_jobs.py) while a busy cursor shows; a file not
downloaded yet, damaged, or that cannot be written is explained in a message box.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from wadesk.desktop import media_jobs as jobs
from wadesk.desktop import message_kinds as mk
from wadesk.desktop.actions import window_refused
from wadesk.desktop.dialogs.image_viewer import ImageViewer, viewer_limit
from wadesk.desktop.media_cache import MediaCache
from wadesk.desktop.models.chat_model import ChatModel
from wadesk.desktop.models.conversation_list_model import contact_name
from wadesk.desktop.models.quick_reply_model import placeholder_values
from wadesk.desktop.team import TeamDirectory
from wadesk.desktop.views.chat_delegate import ChatDelegate
from wadesk.desktop.views.chat_view import ChatView
from wadesk.desktop.views.composer import Composer
from wadesk.desktop.views.conversation_header import ConversationHeader
from wadesk.store import quick_replies
from wadesk.store.conversations import ConversationSummary
from wadesk.store.labels import Label


class ChatPage(QWidget):
    send_text = Signal(int, str, str)  # conversation id, text, wamid replied to
    send_media = Signal(int, str, str, str)  # conversation id, path, caption, wamid replied to
    send_template = Signal(int, object, str)  # conversation id, TemplateMessage, rendered text
    add_note = Signal(int, str)
    react = Signal(int, str)  # message id, emoji ("" removes)
    assign = Signal(int, object)  # conversation id, person id or None
    label = Signal(int, int, bool)  # conversation id, label id, present
    retry = Signal(int)  # message id

    def __init__(self, conn: Any, team: TeamDirectory, media: MediaCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ChatPage")
        self._team = team
        self.media = media
        self._drafts: dict[int, str] = {}  # unsent text per conversation, as WhatsApp keeps it
        self._viewer_titles: dict[int, str] = {}  # message id -> title of the photo being opened
        self.media_notice: QMessageBox | None = None  # the last failure told about opening or saving
        self.model = ChatModel(conn, team, self)
        self.delegate = ChatDelegate(media, self)
        self.view = ChatView(self.delegate)
        self.view.setModel(self.model)
        self.header = ConversationHeader(team)
        self.composer = Composer()
        self.composer.set_quick_reply_source(lambda typed: quick_replies.find_quick_replies(conn, typed))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.composer)

        media.ready.connect(self.view.media_ready)
        media.job_done.connect(self._media_job_done)
        media.busy_changed.connect(self._show_busy)
        self.header.window_changed.connect(self.composer.set_window_open)
        self.header.assign_requested.connect(lambda person: self._emit(self.assign, person))
        self.header.unassign_requested.connect(lambda: self._emit(self.assign, None))
        self.header.label_toggled.connect(lambda label_id, on: self._emit(self.label, label_id, on))
        self.view.reply_requested.connect(self.reply_to)
        self.view.react_requested.connect(self.react)
        self.view.retry_requested.connect(self.retry)
        self.view.template_requested.connect(lambda _message_id: self.composer.choose_template())
        self.view.media_requested.connect(self.open_media)
        self.view.save_requested.connect(self.save_media)
        self.composer.send_text.connect(lambda text, reply: self._emit(self.send_text, text, reply))
        self.composer.send_media.connect(lambda path, caption, reply: self._emit(self.send_media, path, caption, reply))
        self.composer.send_template.connect(lambda message, text: self._emit(self.send_template, message, text))
        self.composer.add_note.connect(lambda text: self._emit(self.add_note, text))

    @property
    def conversation_id(self) -> int | None:
        return self.model.conversation_id

    def _emit(self, signal, *args) -> None:
        if self.model.conversation_id is not None:
            signal.emit(self.model.conversation_id, *args)

    def open(self, summary: ConversationSummary, labels: list[Label], around: int | None = None) -> None:
        """Show a conversation; `around`: a message id to open it at (a search hit),
        centred and highlighted, also when the conversation is open already."""
        name = contact_name(summary.contact)
        if around is not None and summary.conversation.id == self.model.conversation_id:
            if not self.view.show_key(f"m{around}"):  # not in the loaded stretch: page to it
                self.model.open(summary.conversation.id, name, around)
        elif summary.conversation.id != self.model.conversation_id:
            if self.model.conversation_id is not None:
                draft = self.composer.edit.toPlainText()
                if draft.strip():
                    self._drafts[self.model.conversation_id] = draft
                else:
                    self._drafts.pop(self.model.conversation_id, None)
            self.composer.clear_reply()
            self.composer.clear_attachment()
            self.composer.edit.setPlainText(self._drafts.pop(summary.conversation.id, ""))
            self.composer.edit.moveCursor(self.composer.edit.textCursor().MoveOperation.End)
            self.model.open(summary.conversation.id, name, around)
        self.update_header(summary, labels)
        number = self.header.number.text()
        self.composer.set_placeholder_values(placeholder_values(name, number, self._team.name(self._team.me_id)))

    def update_header(self, summary: ConversationSummary, labels: list[Label]) -> None:
        if summary.conversation.id == self.model.conversation_id:
            refused = self._window_refusal_in_view(summary.conversation.last_customer_msg_at)
            if refused:
                self.header.window_refused(summary.conversation.id, summary.conversation.last_customer_msg_at)
        self.header.set_conversation(summary, labels)
        self.composer.set_window_open(self.header.window_open)

    def window_refused(self, summary: ConversationSummary) -> None:
        """WhatsApp (or the relay for it) refused a send: the window is closed whatever
        the clock says, until the customer writes again."""
        self.header.window_refused(summary.conversation.id, summary.conversation.last_customer_msg_at)
        if summary.conversation.id == self.model.conversation_id:
            self.composer.set_window_open(self.header.window_open)

    def _window_refusal_in_view(self, last_customer_msg_at: int | None, look_back: int = 50) -> bool:
        """A loaded message after the customer's last one failed with 131047 (after a
        restart the header has no memory of the refusal; the failed bubble has)."""
        rows = self.model.rowCount()
        for row in range(rows - 1, max(-1, rows - 1 - look_back), -1):
            item = self.model.item(row)
            message = item.message if item is not None else None
            if message is None or message.direction == "in":
                continue
            if window_refused(message) and message.ts >= (last_customer_msg_at or 0):
                return True
        return False

    def close_conversation(self) -> None:
        self.model.close()
        self.header.clear()

    def forget_conversations(self, conversation_ids: set[int]) -> bool:
        """The owner erased these conversations: drop their drafts, and if one of them
        is open, close it with its reply, attachment and typed text. True if it was open.
        (SQLite reuses ids: a draft left behind would turn up in a later conversation.)"""
        for conversation_id in conversation_ids:
            self._drafts.pop(conversation_id, None)
        if self.model.conversation_id not in conversation_ids:
            return False
        self.close_conversation()  # first: clearing the text below then tells no one "typing"
        self.composer.clear_reply()
        self.composer.clear_attachment()
        self.composer.edit.clear()
        self.delegate.cache.clear()  # laid-out texts of the erased messages
        return True

    def reply_to(self, key: str) -> None:
        item = self.model.item(self.model.row_of_key(key))
        if item is None or item.wamid is None:
            return
        if item.outgoing:
            author = item.sender or self.tr("You")
        else:
            author = self.header.name.text()
        preview = mk.preview_text(item.kind, item.text or (item.message.media_filename if item.message else None))
        self.composer.set_reply_to(item.wamid, author, preview)

    def open_media(self, message_id: int) -> None:
        item = self.model.item(self.model.row_of_key(f"m{message_id}"))
        if item is None or item.message is None:
            return
        if not item.message.media_file:
            self._media_failed(jobs.OPEN, jobs.MISSING)
            return
        if item.kind in (mk.PHOTO, mk.STICKER):
            failure = self.media.view(message_id, viewer_limit(self))
            if failure is None:
                self._viewer_titles[message_id] = item.message.media_filename or self.header.name.text()
            action = jobs.VIEW
        else:
            extension = {mk.VOICE: ".ogg", mk.VIDEO: ".mp4"}.get(item.kind, "")
            name = item.message.media_filename or (mk.kind_label(item.kind) + extension)
            failure, action = self.media.open_externally(message_id, name), jobs.OPEN
        if failure is not None:
            self._media_failed(action, failure)

    def save_media(self, message_id: int) -> None:
        item = self.model.item(self.model.row_of_key(f"m{message_id}"))
        if item is None or item.message is None:
            return
        if not item.message.media_file:  # before asking where: there is nothing to save yet
            self._media_failed(jobs.SAVE, jobs.MISSING)
            return
        suggested = item.message.media_filename or mk.kind_label(item.kind)
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save as"), suggested)
        if path:
            failure = self.media.save_as(message_id, Path(path))
            if failure is not None:
                self._media_failed(jobs.SAVE, failure)

    def _media_job_done(self, result: jobs.JobResult) -> None:
        title = self._viewer_titles.pop(result.message_id, "") if result.action == jobs.VIEW else ""
        if result.failure is not None:
            self._media_failed(result.action, result.failure)
        elif result.action == jobs.VIEW and result.image is not None:
            viewer = ImageViewer(result.image, title, self)
            viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            viewer.open()

    def _show_busy(self, busy: bool) -> None:
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        else:
            QApplication.restoreOverrideCursor()

    def _media_failed(self, action: str, failure: str) -> None:
        """Tell the user in plain words why a file did not open or was not saved."""
        saving = action == jobs.SAVE
        title = self.tr("Not saved") if saving else self.tr("Cannot open the file")
        icon = QMessageBox.Icon.Warning
        if failure == jobs.MISSING:
            icon, title = QMessageBox.Icon.Information, self.tr("Not downloaded yet")
            text = self.tr("This file has not been downloaded yet. It appears here as soon as it is.")
        elif failure == jobs.NOT_OPENED:
            text = self.tr("wadesk could not open this file. Try “Save as…” instead.")
        elif failure == jobs.DAMAGED:
            text = self.tr("This file is damaged or cannot be decrypted.")
        elif failure == jobs.NO_SPACE:
            text = (self.tr("The file could not be saved: the disk is full.") if saving
                    else self.tr("wadesk could not make the copy to open: the disk is full."))
        elif failure == jobs.NO_PERMISSION:
            text = (self.tr("The file could not be saved: wadesk may not write to this folder. "
                            "Choose another folder.") if saving
                    else self.tr("wadesk could not make the copy to open: it may not write to the temporary folder."))
        else:
            text = (self.tr("The file could not be saved to this folder.") if saving
                    else self.tr("wadesk could not make the copy to open."))
        if self.media_notice is not None:
            self.media_notice.deleteLater()
        self.media_notice = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        self.media_notice.setObjectName("MediaNotice")
        self.media_notice.open()  # window-modal, without a nested event loop
