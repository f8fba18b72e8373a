"""What a send leaves behind in the composer until the store has it.

A send empties the composer at once (the local echo shows it as sent), but the text,
the attachment and the message replied to are kept here as a PendingSend. Whoever
writes the send claims it while the composer's signal is emitted (`claim_pending`) and
reports back with `sent` (a pasted image's plaintext folder can go) or `not_sent`: then
it goes back into the composer, or, if the user has typed something new meanwhile or
another conversation is open now, into the warning, where the text can be copied.
A send nobody claims counts as sent at once (a composer with no store behind it).

PendingSends is a mixin of Composer (views/composer.py): it uses the composer's
edit, bars, note button and attachment state.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from wadesk.desktop.attachments import Attachment, check_attachment, remove_paste_folder


@dataclass(eq=False)
class PendingSend:
    """One send on its way to the store, as the user left the composer."""

    text: str  # as typed, not stripped
    note: bool
    attachment: Attachment | None = None
    paste_folder: Path | None = None  # a pasted image's plaintext folder: goes once stored
    reply_wamid: str = ""
    reply_author: str = ""
    reply_preview: str = ""
    settled: bool = False  # `sent` or `not_sent` has been called


class PendingSends:
    def _init_pending(self) -> None:
        self._pending: list[PendingSend] = []  # sent, not yet reported stored or failed
        self._submitting: PendingSend | None = None  # while the send signal is emitted
        self._claimed = False

    def _take_for_sending(self) -> PendingSend:
        """Empty the composer into a PendingSend. The attachment is taken off, not
        dropped: the write may still need its file, and a failure puts it back."""
        pending = PendingSend(self.edit.toPlainText(), self.note_mode, reply_wamid=self._reply_wamid,
                              reply_author=self.reply_bar.title.text(), reply_preview=self.reply_bar.text.text())
        if not pending.note and self._attachment is not None:
            pending.attachment, pending.paste_folder = self._attachment, self._temp_dir
            self._attachment, self._temp_dir = None, None
            self.attachment_bar.hide()
        self.edit.clear()
        if self._reply_wamid:
            self.clear_reply()
        return pending

    def _hand_over(self, pending: PendingSend, emit: Callable[[], None]) -> None:
        """Emit the send (its receiver may claim it meanwhile), then keep it if claimed."""
        self._submitting, self._claimed = pending, False
        try:
            emit()
        finally:
            self._submitting = None
        if not self._claimed:
            self.sent(pending)  # nobody reports back on it: as good as stored
        elif not pending.settled:  # the write runs on the database thread
            self._pending.append(pending)

    def claim_pending(self) -> PendingSend | None:
        """Called by the receiver of a send signal while it is emitted: the send being
        made, which the receiver then reports back on (`sent` or `not_sent`, also at
        once if it refuses it). None outside a composer's send."""
        if self._submitting is None or self._claimed:
            return None
        self._claimed = True
        return self._submitting

    def sent(self, pending: PendingSend) -> None:
        """The store has it: a pasted image's plaintext folder is not needed any more."""
        if pending.settled:
            return
        self._forget(pending)
        remove_paste_folder(pending.paste_folder)
        pending.paste_folder = None

    def not_sent(self, pending: PendingSend, reason: str | None, restore: bool = True) -> None:
        """It was refused (`reason`, in the user's language) or the store could not
        write it (None). Put it back into an empty composer; else (the user typed
        something new, or `restore` is False: another conversation is open now) the
        warning holds the text, to copy."""
        if pending.settled:
            return
        self._forget(pending)
        if reason is None:
            reason = (self.tr("The note could not be saved on this computer. Please try again.") if pending.note
                      else self.tr("The message could not be saved on this computer, so it was not sent. "
                                   "Please try again."))
        title = self.tr("Note not saved") if pending.note else self.tr("Not sent")
        empty = not self.edit.toPlainText().strip() and self._attachment is None
        if restore and empty and (pending.note or self._window_open):
            self._put_back(pending)
            self.warning_bar.show_text(title, reason)
            return
        lines = [reason]
        if pending.text.strip():
            lines.append(self.tr("What you wrote: %1").replace("%1", pending.text.strip()))
        if pending.paste_folder is not None:
            lines.append(self.tr("Paste the image again to send it."))
        elif pending.attachment is not None:
            lines.append(self.tr("The file: %1").replace("%1", str(pending.attachment.path)))
        remove_paste_folder(pending.paste_folder)  # nowhere to put it back: plaintext must not stay
        pending.paste_folder = None
        self.warning_bar.show_text(title, "\n".join(lines))

    def _put_back(self, pending: PendingSend) -> None:
        if self.note_mode != pending.note:
            self.note_button.setChecked(pending.note)  # a note never comes back as a message
        if pending.attachment is not None:
            checked = check_attachment(pending.attachment.path)  # gone, maybe: why it failed
            if isinstance(checked, Attachment):
                self._temp_dir = pending.paste_folder
                self._show_attachment(checked)
            else:
                remove_paste_folder(pending.paste_folder)
            pending.paste_folder = None
        if pending.reply_wamid and not self._reply_wamid:
            self.set_reply_to(pending.reply_wamid, pending.reply_author, pending.reply_preview)
        self.edit.setPlainText(pending.text)
        self.edit.moveCursor(self.edit.textCursor().MoveOperation.End)
        self.edit.setFocus()

    def _forget(self, pending: PendingSend) -> None:
        pending.settled = True
        if pending in self._pending:
            self._pending.remove(pending)

    def _drop_pending_files(self) -> None:
        """The window closes: the pasted images of sends still on their way go (their
        bytes were read when the send was planned)."""
        for pending in self._pending:
            remove_paste_folder(pending.paste_folder)
            pending.paste_folder = None

    @property
    def pending_sends(self) -> int:
        """Sends whose write has not reported back yet."""
        return len(self._pending)
