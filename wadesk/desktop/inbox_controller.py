"""Connects the main window to the sync worker, and both to the desktop around them.

    UI -> worker   a conversation opened (read receipt), typing in the composer (typing
                   indicator), anything put into the outbox (sends, notes, assignment,
                   labels, a first message to a number: ship now), templates wanted
    worker -> UI   rows that changed (list and chat), notes, labels, the team's names,
                   downloaded media, refused sends (the template hint), the connection
                   state, a revoked device (log in again), the approved templates
    desktop        tray icon with the unread count, notices for new customer messages
                   (never for the team's own sends), "a colleague has just answered",
                   "Mia is typing…"; while the app lock asks for the PIN, neither the
                   tray nor a notice shows the window, and notices say only "New message"
    erasure        the owner erased a customer: their rows leave the list, their open
                   chat closes, their drafts and decrypted thumbnails are forgotten, and
                   the worker's database thread unlinks their media files (at start,
                   too, it sweeps files no message names: left by a crash in between,
                   and the plaintext temp folders a crashed run left behind)

The window's own slots (on_message_changed, on_conversation_changed, …) do the
repainting; this module decides which to call. Everything here runs on the UI thread:
the worker's signals arrive queued.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from wadesk.desktop import failure_text
from wadesk.desktop import message_kinds as mk
from wadesk.desktop.colleague_activity import ColleagueActivityLabel
from wadesk.desktop.media_cache import (
    ORPHAN_GRACE_S,
    delete_erased_media,
    sweep_leftover_temp_folders,
)
from wadesk.desktop.models.conversation_list_model import (
    ConversationListModel,
    contact_name,
)
from wadesk.desktop.notifier import Notifier
from wadesk.desktop.settings import Settings
from wadesk.desktop.sync.event_apply import SendRefusal, SyncChanges
from wadesk.desktop.sync.worker import SyncWorker
from wadesk.store import desktop_reads, labels, media_files, outbox, replica_sync
from wadesk.store.connection import checkpoint

log = logging.getLogger(__name__)

# Above this many changed conversations in one page (a first sync, a long outage) the
# list is reloaded once instead of being patched row by row.
RELOAD_ABOVE = 200
MAX_SINGLE_NOTICES = 3


class InboxController(QObject):
    relogin_requested = Signal()  # the device was signed out; app.py shows the login

    def __init__(self, window: Any, worker: SyncWorker, conn: Any, settings: Settings,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.worker = worker
        self.conn = conn
        self.settings = settings
        self._names: dict[str, str] = {}
        self._closed = False
        self.notifier = Notifier(settings, self)
        self.notifier.locked = self.locked
        self.activity = ColleagueActivityLabel(window.team)
        window.statusBar().addPermanentWidget(self.activity)
        self._connect_window()
        self._connect_worker()
        window.use_db_thread(worker.db.submit)  # the user's writes: on the worker's database thread
        self._load_cached_team()
        if worker.media_dir is not None:
            self._on_db_thread(media_files.remove_orphan_files, worker.media_dir, min_age_s=ORPHAN_GRACE_S)
        sweep_leftover_temp_folders()  # plaintext a crashed run left in the temp folder

    # -- wiring --------------------------------------------------------------------------

    def _connect_window(self) -> None:
        window, page = self.window, self.window.chat_page
        window.conversation_opened.connect(self._opened)
        window.outbox_changed.connect(self._outbox_changed)
        window.new_conversations.templates_wanted.connect(lambda: self.worker.refresh_templates())
        for signal in (page.send_text, page.send_media, page.send_template, page.add_note, page.react,
                       page.assign, page.retry):
            # Connected after the window's own handlers, which write the outbox entry
            # first; this only tells the worker to ship it now.
            signal.connect(self._outbox_changed)
        page.composer.edit.textChanged.connect(self._typing)
        page.composer.enter_sends = bool(self.settings.get("enter_sends"))
        view = window.sidebar.list_view
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._list_menu)
        self.notifier.open_requested.connect(self.open_conversation)
        self.notifier.show_requested.connect(self.raise_window)
        self.notifier.quit_requested.connect(QApplication.quit)

    def _connect_worker(self) -> None:
        w = self.worker
        w.changes.connect(self._apply_changes)
        w.message_changed.connect(self._message_changed)
        w.notes_changed.connect(self.window.on_notes_changed)
        w.conversations_changed.connect(self._conversations_changed)
        w.unread_changed.connect(self.notifier.set_unread)
        w.media_ready.connect(self._media_ready)
        w.send_refused.connect(self._refused)
        w.connection_changed.connect(self.window.set_connection_state)
        w.signed_out.connect(self._signed_out)
        w.team_loaded.connect(self._team_loaded)
        w.templates_loaded.connect(self.window.set_templates)
        w.presence_changed.connect(self.activity.set_typing)

    def replace_worker(self, worker: SyncWorker) -> None:
        """After logging in again: the new token's worker takes over."""
        self.worker = worker
        self._connect_worker()
        self.window.use_db_thread(worker.db.submit)

    def close(self) -> None:
        self._closed = True
        self.notifier.hide()

    # -- UI -> worker ----------------------------------------------------------------------

    def _opened(self, conversation_id: int) -> None:
        self.worker.conversation_opened(conversation_id)  # also recounts the unread messages
        self.activity.show_conversation(conversation_id)

    def _outbox_changed(self, *_args: Any) -> None:
        self.worker.kick_outbox()

    def _typing(self) -> None:
        page = self.window.chat_page
        if page.conversation_id is not None and page.composer.edit.toPlainText().strip() \
                and not page.composer.note_mode:
            self.worker.typing(page.conversation_id)

    def set_label(self, conversation_id: int, label_id: int, present: bool) -> None:
        """Put a label on a conversation (or take it off): written on the worker's
        database thread, shown when written, shipped like everything the user does."""
        self.window.set_label(conversation_id, label_id, present)  # its outbox_changed kicks the worker

    def _list_menu(self, position: Any) -> None:
        view = self.window.sidebar.list_view
        index = view.indexAt(position)
        if not index.isValid():
            return
        conversation_id = index.data(ConversationListModel.IdRole)
        menu = self.conversation_menu(conversation_id)
        if not menu.isEmpty():
            menu.exec(view.viewport().mapToGlobal(position))

    def conversation_menu(self, conversation_id: int) -> QMenu:
        """Labels and assignment for a conversation, from its row in the list."""
        menu = QMenu(self.window)
        present = {label.id for label in labels.conversation_labels(self.conn, conversation_id)}
        all_labels = labels.list_labels(self.conn)
        if all_labels:
            sub = menu.addMenu(self.tr("Labels"))
            for label in all_labels:
                action = sub.addAction(label.name)
                action.setCheckable(True)
                action.setChecked(label.id in present)
                action.toggled.connect(lambda on, lid=label.id: self.set_label(conversation_id, lid, on))
        team = self.window.team
        if team.me_id is not None:
            menu.addAction(self.tr("Assign to me"), lambda: self._assign(conversation_id, team.me_id))
        return menu

    def _assign(self, conversation_id: int, person_id: str | None) -> None:
        self.window.assign(conversation_id, person_id)  # its outbox_changed kicks the worker

    # -- worker -> UI --------------------------------------------------------------------

    def _apply_changes(self, changes: SyncChanges) -> None:
        if self._closed:
            return
        window = self.window
        if changes.erasures:
            self._erased(changes)  # first: a later event of the page may reuse an id
        if changes.people:
            for person_id, person in changes.people.items():
                self._names[person_id] = person.get("name") or ""
            window.team.set_members(self.worker.me_id or window.team.me_id, dict(self._names))
        if changes.labels:
            window.on_labels_changed()
        open_id = window.open_conversation_id
        if len(changes.conversations) > RELOAD_ABOVE and window.list_model is not None:
            window.list_model.reload()
            if open_id is not None:
                window.on_conversation_changed(open_id)
        else:
            for conversation_id in changes.conversations:
                window.on_conversation_changed(conversation_id)
        if open_id is not None and window.chat_page is not None:
            for message_id, conversation_id in changes.messages.items():
                if conversation_id == open_id:
                    window.chat_page.model.refresh_message(message_id)
        for conversation_id in changes.notes:
            window.on_notes_changed(conversation_id)
        for activity in changes.activity:
            self.activity.record(activity)
        for refusal in changes.refusals:
            self._refused(refusal)
        for notice in changes.notices:
            window.statusBar().showMessage(failure_text.translated(notice), 30_000)
        looking = open_id is not None and window.isActiveWindow() and not window.isMinimized()
        unseen = []
        for incoming in changes.incoming:
            if looking and incoming.conversation_id == open_id:
                self.worker.mark_read(open_id)  # seen as it arrives: no badge, blue ticks
            else:
                unseen.append(incoming)
        if len(unseen) > MAX_SINGLE_NOTICES:
            # Back after a while: one notice for the lot, not a cascade of them.
            customers = {incoming.conversation_id for incoming in unseen}
            # One customer: the notice opens their chat; several: the list.
            self.notifier.notify(next(iter(customers)) if len(customers) == 1 else None,
                                 self.tr("%n new message(s)", "", len(unseen)),
                                 self.tr("from %n customer(s)", "", len(customers)))
        else:
            for incoming in unseen:
                self._notify(incoming)
        self.notifier.set_unread(changes.total_unread)

    def _erased(self, changes: SyncChanges) -> None:
        window = self.window
        was_open = window.open_conversation_id in changes.erased
        window.on_conversations_erased(changes.erased, changes.erased_messages)
        if was_open:
            self.activity.show_conversation(None)
        media_dir = self.worker.media_dir
        if media_dir is not None and changes.erased_media:
            self._on_db_thread(delete_erased_media, media_dir, list(changes.erased_media))
        if changes.wal_truncated is False:
            self._on_db_thread(checkpoint, truncate=True)  # the reader that held it is gone now

    def _on_db_thread(self, fn: Any, *args: Any, **kwargs: Any) -> None:
        """Run store work on the worker's database thread (its writer connection, in
        order with the sync), not on the UI thread; failures are logged."""
        def run(conn: Any) -> Any:
            return fn(conn, *args, **kwargs)

        def done(future: Any) -> None:
            if not future.cancelled() and future.exception() is not None:
                log.warning("cleaning up the media folder failed: %s", type(future.exception()).__name__)

        try:
            self.worker.db.submit(run).add_done_callback(done)
        except RuntimeError:  # the worker has stopped (quitting): the next start sweeps
            pass

    def _notify(self, incoming: Any) -> None:
        summary = desktop_reads.conversation_summary(self.conn, incoming.conversation_id)
        title = contact_name(summary.contact) if summary is not None else incoming.name
        text = mk.preview_text(mk.kind_of(incoming.type), incoming.text)
        self.notifier.notify(incoming.conversation_id, title, text)

    def _message_changed(self, message_id: int, conversation_id: int) -> None:
        if not self._closed:
            self.window.on_message_changed(message_id, conversation_id)

    def _conversations_changed(self, conversation_ids: list[int]) -> None:
        for conversation_id in conversation_ids:
            self.window.on_conversation_changed(conversation_id)

    def _media_ready(self, message_id: int, conversation_id: int) -> None:
        if self.window.media is not None:
            self.window.media.forget(message_id)
        self.window.on_message_changed(message_id, conversation_id)

    def _refused(self, refusal: SendRefusal) -> None:
        window = self.window
        # The relay's English sentence, in this window's language (unknown ones as they came).
        reason = failure_text.translated(refusal.reason)
        if not refusal.conversation_id:  # a first message to a number: no bubble to mark
            window.new_conversations.refused(reason)
            return
        if refusal.message_id:
            window.on_message_changed(refusal.message_id, refusal.conversation_id)
        if refusal.code == "window_closed" and window.chat_page is not None:
            # The relay (or WhatsApp) knows better than this PC's clock: the window is
            # closed until the customer writes again, so the composer offers the
            # template instead of free text, also after later changes to the header.
            summary = desktop_reads.conversation_summary(self.conn, refusal.conversation_id)
            if summary is not None:
                window.chat_page.window_refused(summary)
        if window.open_conversation_id != refusal.conversation_id or refusal.code == "window_closed":
            return
        composer = window.chat_page.composer
        if not refusal.message_id:
            # A note (refused sends have their bubble): it is gone from this PC too.
            composer.warning_bar.show_text(self.tr("Note not saved"), reason)
        else:
            composer.warning_bar.show_text(self.tr("Not sent"), reason)

    def _team_loaded(self, me_id: str | None, people: dict[str, dict[str, Any]]) -> None:
        self._names = {pid: p.get("name") or "" for pid, p in people.items()}
        self.window.team.set_members(me_id, dict(self._names))

    def _load_cached_team(self) -> None:
        cached = replica_sync.load_team(self.conn)
        if cached:
            self._names = {pid: p.get("name") or "" for pid, p in cached.items()}
        self.window.team.set_members(self.worker.me_id, dict(self._names))

    def _signed_out(self, message: str) -> None:
        self.window.set_connection_state("offline", waiting=len(outbox.list_outbox(self.conn)))
        # The worker's texts are marked for translation there, translated here on the UI
        # thread; a relay's own explanation passes through unchanged.
        message = QCoreApplication.translate("SyncWorker", message)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Signed out"), message,
                          QMessageBox.StandardButton.NoButton, self.window)
        again = box.addButton(self.tr("Log in again"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.buttonClicked.connect(lambda button: self.relogin_requested.emit() if button is again else None)
        self.signed_out_box = box
        box.open()

    # -- the desktop ---------------------------------------------------------------------

    def locked(self) -> bool:
        """The app lock is asking for the PIN: nothing may show the window meanwhile."""
        lock = getattr(self.window, "app_lock", None)
        return bool(lock is not None and lock.locked)

    def open_conversation(self, conversation_id: int) -> None:
        if self.locked():
            self.window.app_lock.raise_dialog()
            return
        self.raise_window()
        self.window.open_conversation(conversation_id)

    def raise_window(self) -> None:
        if self.locked():
            self.window.app_lock.raise_dialog()
            return
        window = self.window
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()
