"""Ctrl+N: writing to a phone number, from the number to the open conversation.

    number dialog -> a conversation with that number exists: open it
                  -> none: WhatsApp lets a business write first only with an approved
                     template (no customer-service window is open), so the template
                     picker, then the send queued by number (actions.start_conversation)
    the relay's events bring the new conversation with the message (by its client id):
    it opens, unless the user has gone on to another chat meanwhile

The window owns this and tells it what happens (`conversation_changed`, `user_opened`,
`refused`); it reads the store only by indexed lookups.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox

from wadesk.core.phone_format import format_number
from wadesk.core.phone_input import country_code_of
from wadesk.desktop.actions import ActionError
from wadesk.desktop.dialogs.new_conversation_dialog import NewConversationDialog
from wadesk.desktop.dialogs.template_dialog import TemplateDialog
from wadesk.store import desktop_reads, messages


class NewConversation(QObject):
    templates_wanted = Signal()  # the user wants a template and there is none yet: fetch them
    queued = Signal()  # a first message went into the outbox: ship it now

    def __init__(self, window: Any, business_number: str) -> None:
        super().__init__(window)
        self.window = window
        self.country_code = country_code_of(business_number)
        self.awaiting: str | None = None  # client id of a first message on its way
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
        if message is None or self.window.actions is None:
            return
        try:
            self.awaiting = self.window.actions.start_conversation(wa_id, message)
        except ActionError as exc:
            self._tell(QMessageBox.Icon.Warning, self.tr("Not sent"), str(exc))
            return
        self.window.statusBar().showMessage(self.tr(
            "Sending the template to %1 — the conversation opens as soon as your relay has it.")
            .replace("%1", format_number(wa_id)), 30_000)
        self.queued.emit()

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

    def refused(self, reason: str) -> None:
        """The relay refused a first message (there is no bubble to mark failed)."""
        self.awaiting = None
        self._tell(QMessageBox.Icon.Warning, self.tr("Not sent"), reason)

    def _tell(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        self.notice = box
        box.open()
