"""A wizard page that checks in the background when Next is pressed, then moves on.

The relay login (first_run_wizard.RelayLoginPage) and the one-PC token check
(one_pc_pages.LocalAccountPage) both ask a server something that may take seconds:

    Next pressed -> not checked yet: the page stays, says what it is doing, greys its
                    Next button, and runs the check on a daemon thread
                 -> the outcome comes back by a queued signal (UI thread): the page
                    shows it; once it is good, the wizard moves on by itself (or
                    finishes, when this was its last page)

A subclass says what "checked" means (`passed`), starts the check with
`run_in_background`, and judges the outcome in `check_finished`. The texts are the
subclass's own (self.tr in the subclass keeps each page's translation context).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget, QWizardPage

ERROR_COLOUR = "#ea0038"  # as the passphrase dialog's


def plain_label(text: str, name: str = "") -> QLabel:
    """A wrapping label that shows its text as typed (never as rich text)."""
    widget = QLabel(text, wordWrap=True)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    if name:
        widget.setObjectName(name)
    return widget


class _Outcome(QObject):
    """Carries the background check's outcome to the UI thread (a queued signal)."""

    done = Signal(object)


class BackgroundCheckPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._busy = False
        self._outcome = _Outcome(self)
        self._outcome.done.connect(self._finished)
        self.status = plain_label("", "ErrorText")  # the subclass places it in its layout
        self.status.setVisible(False)

    # -- what a subclass says -----------------------------------------------------------

    def passed(self) -> bool:
        """The check has succeeded for what is filled in now."""
        raise NotImplementedError

    def start_check(self) -> None:
        """Start the check: collect the fields, then `run_in_background`."""
        raise NotImplementedError

    def check_finished(self, outcome: object) -> bool:
        """Show the outcome (on the UI thread); True: it passed, move on."""
        raise NotImplementedError

    # -- shared --------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._busy

    def show_status(self, text: str, error: bool = True) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "")
        self.status.setVisible(bool(text))

    def validatePage(self) -> bool:
        """Next pressed: the first time, check in the background; the page moves on by
        itself once the check passed."""
        if self.passed():
            return True
        self.start_check()
        return False

    def run_in_background(self, work: Callable[[], object], waiting_text: str, thread_name: str,
                          if_it_crashes: Callable[[Exception], object]) -> None:
        """Run `work()` on a daemon thread while `waiting_text` shows; its result, or
        `if_it_crashes(exc)` for any exception (never leave the page spinning), goes
        to `check_finished` on the UI thread. A second call while one runs is ignored."""
        if self._busy:
            return
        self._busy = True
        self.completeChanged.emit()
        self.show_status(waiting_text, error=False)
        outcome_signal = self._outcome.done

        def run() -> None:
            try:
                outcome = work()
            except Exception as exc:  # noqa: BLE001 - mapped to the page's own failure
                outcome = if_it_crashes(exc)
            try:
                outcome_signal.emit(outcome)
            except RuntimeError:  # the wizard was closed meanwhile: nobody waits for it
                pass

        threading.Thread(target=run, name=thread_name, daemon=True).start()

    def _finished(self, outcome: object) -> None:
        self._busy = False
        self.completeChanged.emit()
        if self.check_finished(outcome):
            self._move_on()

    def _move_on(self) -> None:
        wizard = self.wizard()
        if wizard is not None and wizard.currentPage() is self:
            if wizard.nextId() == -1:
                wizard.accept()
            else:
                wizard.next()
