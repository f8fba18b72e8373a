"""Ctrl+N: writing to a phone number, from the number to the open conversation.

    number dialog -> a conversation with that number exists: open it
                  -> none: WhatsApp lets a business write first only with an approved
                     template (no customer-service window is open), so the template
                     picker, then the send queued by number: planned here
                     (actions.plan_start_conversation), its outbox row written on the
                     database thread (the window's StoreWriter), the outcome back here
    the relay's events bring the new conversation with the message (by its client id):
    it opens, unless the user has gone on to another chat meanwhile
    a write that fails says so and offers the picker again, as the user left it

The window owns this and tells it what happens (`conversation_changed`, `user_opened`,
`refused`); it reads the store only by indexed lookups.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox

from wadesk.core.phone_format import format_number
from wadesk.core.phone_input import country_code_of
from wadesk.desktop.actions import ActionError
from wadesk.desktop.dialogs.new_conversation_dialog import NewConversationDialog
from wadesk.desktop.dialogs.template_dialog import TemplateDialog
from wadesk.store import desktop_reads, messages

log = logging.getLogger(__name__)


class NewConversation(QObject):
    templates_wanted = Signal()  # the user wants a template and there is none yet: fetch them
    queued = Signal()  # a first message went into the outbox: ship it now

    def __init__(self, window: Any, business_number: str) -> None:
        super().__init__(window)
        self.window = window
        self.country_code = country_code_of(business_number)
        self.awaiting: str | None = None  # client id of a first message on its way
        self._sending: object | None = None  # a first message being written to the outbox
        self.dialog: NewConversationDialog | None = None
        self.picker: TemplateDialog | None = None
        self.notice: QMessageBox | None = None

    def ask_number(self) -> None:
        if self.window.actions is None:
            return
        dialog = NewConversationDialog(self.country_code, self.window)
        dialog.number_chosen.connect(self.start)
        self.dialog = dialog
        dialog.open()

    def start(self, wa_id: str) -> None:
        """Open the conversation with this number, or offer the first template."""
        window = self.window
        existing = desktop_reads.conversations_with_number(window.store, wa_id)
        if existing:
            window.sidebar.search.clear()
            window.open_conversation(existing[0].conversation.id)
            return
        templates = window.templates
        if not templates:
            self.templates_wanted.emit()
            self._tell(QMessageBox.Icon.Information, self.tr("No template to send"), self.tr(
                "WhatsApp lets a business write first only with a template it has approved, and "
                "there is none yet (or the relay could not fetch them). Create one in WhatsApp "
                "Manager; wadesk offers it here once Meta has approved it."))
            return
        picker = TemplateDialog(templates, "", window)
        picker.setWindowTitle(self.tr("First message to %1").replace("%1", format_number(wa_id)))
        picker.accepted.connect(lambda: self._send(wa_id, picker))
        self.picker = picker
        picker.open()

    def _send(self, wa_id: str, picker: TemplateDialog) -> None:
        message = picker.message()
        window = self.window
        if message is None or window.actions is None or window.writer is None:
            return
        try:
            write = window.actions.plan_start_conversation(wa_id, message)
        except ActionError as exc:
            self._tell(QMessageBox.Icon.Warning, self.tr("Not sent"), exc.text)  # translated by actions
            return
        sending = self._sending = object()  # user_opened() forgets it
        window.writer.write(write, lambda client_id: self._queued(wa_id, client_id, sending),
                            lambda error: self._not_queued(error, picker))

    def _queued(self, wa_id: str, client_id: str, sending: object) -> None:
        """The first message is in the outbox (reported on the UI thread)."""
        if sending is self._sending:  # the user has not gone on to another chat meanwhile
            self._sending = None
            self.awaiting = client_id
            self.window.statusBar().showMessage(self.tr(
                "Sending the template to %1 — the conversation opens as soon as your relay has it.")
                .replace("%1", format_number(wa_id)), 30_000)
        self.queued.emit()

    def _not_queued(self, error: Exception, picker: TemplateDialog) -> None:
        """Writing the outbox row failed: nothing went out. Say so, then offer the
        picker again with the template and values as the user left them."""
        self._sending = None
        if isinstance(error, ActionError):
            text = error.text  # translated by actions
        else:
            log.error("the first message to a number could not be queued: %s", type(error).__name__)
            text = self.tr("The first message could not be saved, so it was not sent. Please try again.")
        self._tell(QMessageBox.Icon.Warning, self.tr("Not sent"), text)
        if self.notice is not None:
            self.notice.finished.connect(lambda _result: picker.open())

    # -- what the window reports ---------------------------------------------------------

    def conversation_changed(self) -> None:
        """A conversation changed (the sync): is it the one the first message made?"""
        if self.awaiting is None:
            return
        found = messages.get_message_by_client_id(self.window.store, self.awaiting)
        if found is not None:
            self.awaiting = None
            self.window.statusBar().clearMessage()
            self.window.sidebar.search.clear()
            self.window.open_conversation(found.conversation_id)

    def user_opened(self) -> None:
        """The user went on to a chat: a first message arriving later must not pull
        them away (its conversation shows in the list like any other)."""
        self.awaiting = None
        self._sending = None

    def refused(self, reason: str) -> None:
        """The relay refused a first message (there is no bubble to mark failed)."""
        self.awaiting = None
        self._tell(QMessageBox.Icon.Warning, self.tr("Not sent"), reason)

    def _tell(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        self.notice = box
        box.open()
