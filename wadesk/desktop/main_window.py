"""The main window: the conversation column on the left, the open chat on the right,
the connection state always visible at the bottom.

`attach_store` connects it to the profile's encrypted replica. From then on the list
and the chat read the store (short keyset reads only), the user's actions are written
as local echoes plus outbox entries (actions.py) on the sync worker's database thread
once `use_db_thread` has been called (store_writer.py; the window repaints the rows
when the write reports back, a few ms later), and the sync worker reports what it
applied through the `on_*` slots so the affected rows repaint.

Ctrl+N writes to a number (new_conversation.py). The search box's queries run on a
reader thread when `attach_store` is given a connection opener (search_thread.py);
choosing a search hit opens its conversation at the message found.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from wadesk.cloud.templates import MessageTemplate
from wadesk.desktop.actions import ActionError, OutgoingActions
from wadesk.desktop.media_cache import MediaCache
from wadesk.desktop.models.conversation_list_model import ConversationListModel
from wadesk.desktop.new_conversation import NewConversation
from wadesk.desktop.resources import resource
from wadesk.desktop.store_writer import StoreWriter
from wadesk.desktop.team import TeamDirectory
from wadesk.desktop.views.chat_page import ChatPage
from wadesk.desktop.views.conversation_delegate import ConversationDelegate
from wadesk.desktop.views.sidebar import Sidebar
from wadesk.desktop.views.welcome_page import WelcomePage
from wadesk.store import conversations, desktop_reads, labels, outbox

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    conversation_opened = Signal(int)  # shown to the user (e.g. to tell colleagues)
    conversation_read = Signal(int)  # marked read in the store: the read receipt goes out
    outbox_changed = Signal()  # something was queued: the sender need not wait for its poll

    def __init__(self, business_name: str, business_number: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"wadesk — {business_name}")
        self.setWindowIcon(QIcon(str(resource("icons", "wadesk-256.png"))))
        self.resize(1200, 780)
        self.setMinimumSize(820, 520)
        self._conn: Any = None
        self.team = TeamDirectory(parent=self)
        self.list_model: ConversationListModel | None = None
        self.chat_page: ChatPage | None = None
        self.media: MediaCache | None = None
        self.actions: OutgoingActions | None = None
        self.writer: StoreWriter | None = None
        self._marking: set[int] = set()  # conversations whose read mark is being written
        self._state = "offline"
        self._opening = False
        self._templates: list[MessageTemplate] = []
        self.new_conversations = NewConversation(self, business_number)
        self.new_conversations.queued.connect(self._update_waiting)

        self.sidebar = Sidebar(business_name, business_number)
        self.chat_area = QStackedWidget()
        self.welcome = WelcomePage()
        self.chat_area.addWidget(self.welcome)

        splitter = QSplitter(Qt.Orientation.Horizontal, objectName="Central")
        splitter.addWidget(self.sidebar)
        splitter.addWidget(self.chat_area)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([400, 800])
        splitter.setChildrenCollapsible(False)
        splitter.setHandleWidth(1)
        self.setCentralWidget(splitter)

        self.connection_dot = QLabel("●", objectName="ConnectionDot")
        self.connection_text = QLabel()
        self.statusBar().addWidget(self.connection_dot)
        self.statusBar().addWidget(self.connection_text, 1)
        self.statusBar().setSizeGripEnabled(False)
        self.set_connection_state("offline", waiting=0)

        for keys in ("Ctrl+K", "Ctrl+F"):
            QShortcut(QKeySequence(keys), self, activated=self._focus_search)
        QShortcut(QKeySequence("Alt+Up"), self, activated=lambda: self.step_conversation(-1))
        QShortcut(QKeySequence("Alt+Down"), self, activated=lambda: self.step_conversation(1))
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.escape)
        QShortcut(QKeySequence(QKeySequence.StandardKey.New), self, activated=self.new_conversation)
        self.sidebar.new_conversation_requested.connect(self.new_conversation)
        self.sidebar.show_list(False)

    # -- the store -----------------------------------------------------------------------

    def attach_store(self, conn: Any, media_dir: Path | None, team: TeamDirectory | None = None,
                     open_reader: Any = None) -> None:
        """Show the conversations of this replica and act on it. `open_reader()` opens
        another connection to it (profile_store's opener): the search reads there, on
        its own thread; without it the search runs on `conn`."""
        self._conn = conn
        if team is not None:
            self.team = team
        self.media = MediaCache(conn, media_dir, self)
        self.actions = OutgoingActions(conn, media_dir, self.team.me_id)
        self.writer = StoreWriter(conn, self)
        self.team.changed.connect(lambda: setattr(self.actions, "me_id", self.team.me_id))
        self.list_model = ConversationListModel(conn, self.team, open_reader=open_reader, parent=self)
        view = self.sidebar.list_view
        view.setModel(self.list_model)
        view.setItemDelegate(ConversationDelegate(view))
        view.setMouseTracking(True)
        view.selectionModel().currentChanged.connect(self._current_changed)
        for signal in (self.list_model.modelReset, self.list_model.rowsInserted, self.list_model.rowsRemoved):
            signal.connect(self._update_empty_hint)
        self.sidebar.filter_changed.connect(self._filter_changed)
        self.sidebar.search_changed.connect(self._search_changed)
        self.list_model.search_failed.connect(lambda: self.statusBar().showMessage(
            self.tr("The search could not be run. Try again in a moment."), 10_000))
        self.chat_page = ChatPage(conn, self.team, self.media)
        self.chat_area.addWidget(self.chat_page)
        page = self.chat_page
        page.send_text.connect(lambda c, text, reply: self._send(
            c, lambda: self.actions.plan_send_text(c, text, reply or None)))
        page.send_media.connect(lambda c, path, caption, reply: self._send(
            c, lambda: self.actions.plan_send_media(c, path, caption, reply or None)))
        page.send_template.connect(lambda c, message, text: self._act(
            lambda: self.actions.plan_send_template(c, message, text)))
        page.react.connect(self._react)
        page.add_note.connect(self._add_note)
        page.assign.connect(self.assign)
        page.label.connect(self.set_label)
        page.retry.connect(self._retry)
        self.on_labels_changed()
        self._update_empty_hint()

    def use_db_thread(self, submit: Any) -> None:
        """The user's writes go to this database thread from now on (the sync worker's
        `db.submit`); None: back to the window's own connection."""
        if self.writer is not None:
            self.writer.use(submit)

    # -- opening conversations -----------------------------------------------------------

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if current.isValid() and previous.isValid() and self._open_one_vanished(previous.row()):
            # The open conversation's row is going because it was erased (any refresh
            # that runs before the sync's erasure report finds it gone), and Qt moves
            # the current row to a neighbour: not the user's choice, so nothing opens.
            # on_conversations_erased closes the chat and clears the selection.
            return
        if current.isValid():
            # A search hit in a message: open the chat there.
            self.open_conversation(current.data(ConversationListModel.IdRole),
                                   current.data(ConversationListModel.MatchMessageIdRole))

    def _open_one_vanished(self, row: int) -> bool:
        open_id = self.open_conversation_id
        return (open_id is not None and self.list_model is not None
                and self.list_model.conversation_id(row) == open_id
                and desktop_reads.conversation_summary(self._conn, open_id) is None)

    def open_conversation(self, conversation_id: int, message_id: int | None = None) -> None:
        """Show a conversation (at `message_id`, highlighted, if given), mark it read in
        the store, tell who listens."""
        if self._conn is None or self.chat_page is None or self.list_model is None or self._opening:
            return
        if message_id is None and conversation_id == self.chat_page.conversation_id \
                and self.chat_area.currentWidget() is self.chat_page:
            return  # re-selected after the list was filtered or reordered
        self._opening = True
        try:
            self._open(conversation_id, message_id)
        finally:
            self._opening = False

    def _open(self, conversation_id: int, message_id: int | None = None) -> None:
        summary = desktop_reads.conversation_summary(self._conn, conversation_id)
        if summary is None:
            return
        self.new_conversations.user_opened()
        self.list_model.set_pinned(conversation_id)
        if summary.conversation.unread_count:
            self._mark_read(conversation_id)
            summary = desktop_reads.conversation_summary(self._conn, conversation_id) or summary
        row = self.list_model.row_of(conversation_id)
        view = self.sidebar.list_view
        if row >= 0 and view.currentIndex().row() != row:
            view.selectionModel().setCurrentIndex(
                self.list_model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.chat_page.open(summary, labels.conversation_labels(self._conn, conversation_id), around=message_id)
        self.chat_area.setCurrentWidget(self.chat_page)
        if not self.sidebar.search.hasFocus():  # keep typing a search undisturbed
            self.chat_page.composer.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.conversation_opened.emit(conversation_id)

    def _mark_read(self, conversation_id: int) -> None:
        if conversation_id in self._marking or self.writer is None:
            return
        self._marking.add(conversation_id)

        def done(_result: Any) -> None:
            self._marking.discard(conversation_id)
            if self.list_model is not None:
                self.list_model.refresh_conversation(conversation_id)
            self.conversation_read.emit(conversation_id)

        def failed(_error: Exception) -> None:
            self._marking.discard(conversation_id)

        self.writer.write(lambda conn: conversations.mark_read(conn, conversation_id), done, failed)

    @property
    def open_conversation_id(self) -> int | None:
        return self.chat_page.conversation_id if self.chat_page is not None else None

    def step_conversation(self, step: int) -> None:
        """Alt+Up / Alt+Down: the previous or next conversation of the list."""
        model = self.list_model
        if model is None or model.rowCount() == 0:
            return
        current = self.sidebar.list_view.currentIndex().row()
        if step > 0 and current + step >= model.rowCount() and model.canFetchMore():
            model.fetchMore()
        row = max(0, min(model.rowCount() - 1, current + step if current >= 0 else 0))
        self.sidebar.list_view.setCurrentIndex(model.index(row, 0))

    def _filter_changed(self, key: str) -> None:
        if self.list_model is None:
            return
        if key.startswith("label:"):
            self.list_model.set_filter("label", int(key.split(":", 1)[1]))
        else:
            self.list_model.set_filter(key)
        self._reselect_open()

    def _search_changed(self, text: str) -> None:
        if self.list_model is None:
            return
        self.list_model.set_search(text)
        if not text.strip():
            self._reselect_open()  # back in the inbox: the open chat's row is marked again

    def _reselect_open(self) -> None:
        open_id = self.open_conversation_id
        if open_id is not None and self.list_model is not None:
            row = self.list_model.row_of(open_id)
            if row >= 0:
                self.sidebar.list_view.selectionModel().setCurrentIndex(
                    self.list_model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _update_empty_hint(self, *_args) -> None:
        model = self.list_model
        filtered = model is not None and (model.filter_key != "all" or bool(model.search_text))
        self.sidebar.show_list(model is not None and model.rowCount() > 0, filtered)

    # -- what the user does --------------------------------------------------------------

    def _act(self, plan, on_done=None, on_error=None) -> bool:
        """Plan the action here (checks, short reads), write it on the database thread;
        `on_done(result)` repaints when the write has reported back, `on_error(error)`
        (default: a warning) hears of a refusal or a failed write. False: nothing to do."""
        if self.actions is None or self.writer is None:
            return False
        failed = on_error or self._refuse
        try:
            write = plan()
        except ActionError as exc:
            failed(exc)
            return True
        if write is None:
            return False

        def done(result: Any) -> None:
            (on_done or self._message_written)(result)
            self._update_waiting()

        self.writer.write(write, done, failed)
        return True

    def _send(self, conversation_id: int, plan, on_done=None) -> None:
        """A message or note from the composer. What was typed stays with the composer
        until the store has it; a refusal or a failed write gives it back there (into
        another conversation's composer only as a warning to copy from)."""
        composer = self.chat_page.composer if self.chat_page is not None else None
        pending = composer.claim_pending() if composer is not None else None
        if pending is None:  # not from the composer (a retry, a tool)
            self._act(plan, on_done)
            return

        def done(result: Any) -> None:
            composer.sent(pending)
            (on_done or self._message_written)(result)

        def failed(error: Exception) -> None:
            if not isinstance(error, ActionError):
                log.error("a send could not be written to the store: %s", type(error).__name__)
            reason = error.text if isinstance(error, ActionError) else None
            composer.not_sent(pending, reason, restore=self.open_conversation_id == conversation_id)

        if not self._act(plan, done, failed):
            composer.sent(pending)  # nothing was written and nothing will report back

    def _refuse(self, error: Exception) -> None:
        if isinstance(error, ActionError):
            log.info("an action was refused: %s", error.kind)
            QMessageBox.warning(self, self.tr("Not sent"), error.text)
        else:
            log.error("the user's action could not be written: %s", type(error).__name__)
            QMessageBox.warning(self, self.tr("Not sent"), self.tr("The message could not be saved."))

    def _message_written(self, result: Any) -> None:
        if result is not None:
            self.on_message_changed(result.message_id, result.conversation_id)

    def _react(self, message_id: int, emoji: str) -> None:
        self._act(lambda: self.actions.plan_react(message_id, emoji),
                  lambda _ok: self.on_message_changed(message_id, self.open_conversation_id or 0))

    def _add_note(self, conversation_id: int, text: str) -> None:
        self._send(conversation_id, lambda: self.actions.plan_add_note(conversation_id, text),
                   lambda _note: self.on_notes_changed(conversation_id))

    def assign(self, conversation_id: int, person_id: str | None) -> None:
        self._act(lambda: self.actions.plan_assign(conversation_id, person_id),
                  lambda _ok: self.on_conversation_changed(conversation_id))

    def set_label(self, conversation_id: int, label_id: int, present: bool) -> None:
        """Put a label on a conversation (or take it off), for the team too."""
        self._act(lambda: self.actions.plan_set_label(conversation_id, label_id, present),
                  lambda _ok: self.on_conversation_changed(conversation_id))

    def _retry(self, message_id: int) -> None:
        self._act(lambda: self.actions.plan_retry(message_id))

    def new_conversation(self) -> None:
        """Ctrl+N: write to a phone number."""
        if self._conn is not None:
            self.new_conversations.ask_number()

    def _update_waiting(self) -> None:
        """After every action that queued something."""
        self.outbox_changed.emit()
        if self._conn is not None and self._state != "online":
            self.set_connection_state(self._state, waiting=len(outbox.list_outbox(self._conn)))

    # -- what the sync worker reports (slots) --------------------------------------------

    def on_message_changed(self, message_id: int, conversation_id: int) -> None:
        """A message was added or changed (new, status, reaction, edit, revoke, media)."""
        if self.chat_page is not None and conversation_id == self.chat_page.conversation_id:
            self.chat_page.model.refresh_message(message_id)
        if conversation_id:
            self.on_conversation_changed(conversation_id)

    def on_conversation_changed(self, conversation_id: int) -> None:
        """Activity, unread count, assignee, labels or the contact's name changed."""
        if self.list_model is not None:
            self.list_model.refresh_conversation(conversation_id)
        self.new_conversations.conversation_changed()
        if self.chat_page is not None and conversation_id == self.chat_page.conversation_id:
            summary = desktop_reads.conversation_summary(self._conn, conversation_id)
            if summary is None:
                return
            if summary.conversation.unread_count and self.isActiveWindow():
                # The customer wrote into the chat the user is looking at: it is read.
                self._mark_read(conversation_id)
            self.chat_page.update_header(summary, labels.conversation_labels(self._conn, conversation_id))

    def on_conversations_erased(self, conversation_ids: set[int], message_ids: set[int]) -> None:
        """The owner erased customers (on the relay, for the whole team): their
        conversations leave the list, an open one closes, nothing decrypted of them
        stays in memory."""
        if not conversation_ids and not message_ids:
            return
        if self.media is not None:
            self.media.drop(message_ids)
        was_open = self.chat_page is not None and self.chat_page.forget_conversations(conversation_ids)
        view = self.sidebar.list_view
        if self.list_model is not None:
            current = view.currentIndex()
            if was_open or (current.isValid() and current.data(ConversationListModel.IdRole) in conversation_ids):
                # Else Qt moves the current row to a neighbour as the row goes, and
                # that would open (and mark read) another customer's chat.
                view.selectionModel().clear()
            if was_open:
                self.list_model.set_pinned(None)
            for conversation_id in conversation_ids:
                self.list_model.refresh_conversation(conversation_id)
        if was_open:
            self.chat_area.setCurrentWidget(self.welcome)
            self.statusBar().showMessage(
                self.tr("The owner erased this customer's data: the conversation was closed."), 15_000)
        elif conversation_ids:
            self.statusBar().showMessage(self.tr("The owner erased a customer's data."), 15_000)

    def on_notes_changed(self, conversation_id: int) -> None:
        if self.chat_page is not None and conversation_id == self.chat_page.conversation_id:
            self.chat_page.model.refresh_notes()

    def on_labels_changed(self) -> None:
        """The team's labels were added, renamed or deleted."""
        if self._conn is not None:
            everything = labels.list_labels(self._conn)
            self.sidebar.set_labels(everything)
            if self.chat_page is not None:
                self.chat_page.header.set_all_labels(everything)

    def set_business(self, name: str, number: str) -> None:
        """The business as its relay tells it: title, sidebar, Ctrl+N's country code."""
        from wadesk.core.phone_input import country_code_of

        self.setWindowTitle(f"wadesk — {name}")
        self.sidebar.business_name.setText(name)
        self.sidebar.business_number.setText(number)
        self.new_conversations.country_code = country_code_of(number)

    def set_templates(self, templates: list[MessageTemplate]) -> None:
        """The business's approved templates (from the relay, refreshed now and then)."""
        self._templates = list(templates)
        if self.chat_page is not None:
            self.chat_page.composer.set_templates(templates)

    @property
    def templates(self) -> list[MessageTemplate]:
        return list(self._templates)

    @property
    def store(self) -> Any:
        """The replica's connection (None before attach_store)."""
        return self._conn

    def theme_changed(self) -> None:
        """Call after theme.apply_theme at run time: repaint what caches colours."""
        if self.chat_page is not None:
            self.chat_page.composer.refresh_style()
            self.chat_page.header.refresh_style()
            self.chat_page.delegate.reset_style()
        self.on_labels_changed()
        self.update()

    # -- keyboard ------------------------------------------------------------------------

    def _focus_search(self) -> None:
        self.sidebar.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.sidebar.search.selectAll()

    def escape(self) -> None:
        """Esc: close the innermost strip of the composer, else leave the search."""
        if self.chat_page is not None and self.chat_page.composer.escape():
            return
        if self.sidebar.search.hasFocus() or self.sidebar.search.text():
            self.sidebar.search.clear()
            if self.chat_page is not None and self.chat_page.conversation_id is not None:
                self.chat_page.composer.edit.setFocus()

    def set_connection_state(self, state: str, waiting: int = 0) -> None:
        """state: 'online', 'reconnecting' or 'offline'; waiting: messages in the outbox."""
        self._state = state
        texts = {
            "online": self.tr("Online"),
            "reconnecting": self.tr("Reconnecting…"),
            "offline": self.tr("Offline — not connected to your relay"),
        }
        text = texts[state]
        if waiting:
            text += " · " + self.tr("%n message(s) waiting to be sent", "", waiting)
        self.connection_dot.setProperty("state", state)
        self.connection_dot.style().unpolish(self.connection_dot)
        self.connection_dot.style().polish(self.connection_dot)
        self.connection_text.setText(text)
        self.connection_text.setAccessibleName(text)

    def closeEvent(self, event) -> None:
        if self.list_model is not None:
            self.list_model.close()  # the search thread and its connection
        if self.media is not None:
            self.media.cleanup()
        if self.chat_page is not None:
            self.chat_page.composer.cleanup()  # a pasted image not sent
        super().closeEvent(event)
