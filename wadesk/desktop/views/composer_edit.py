"""The composer's text field: grows with its text, sends on Enter (configurable),
completes quick replies after a "/", and hands pasted or dropped files to the
composer instead of inserting their names as text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QModelIndex, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeyEvent, QTextOption
from PySide6.QtWidgets import QCompleter, QPlainTextEdit, QWidget

from wadesk.desktop.models.quick_reply_model import QuickReplyModel

MAX_LINES = 6


class ComposerEdit(QPlainTextEdit):
    submitted = Signal()
    files_dropped = Signal(list)  # local paths
    image_pasted = Signal(QImage)
    quick_reply_chosen = Signal(int)  # row in the quick reply model
    escape_pressed = Signal()

    def __init__(self, quick_replies: QuickReplyModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ComposerEdit")
        self.enter_sends = True
        self.setTabChangesFocus(True)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.document().setDocumentMargin(2)
        self.quick_replies = quick_replies
        self.completer = QCompleter(quick_replies, self)
        self.completer.setWidget(self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setMaxVisibleItems(8)
        self.completer.popup().setObjectName("QuickReplyPopup")
        self.completer.popup().setAccessibleName(self.tr("Quick replies"))
        self.completer.activated[QModelIndex].connect(self._completed)
        self._swallow_enter = False
        self.textChanged.connect(self._text_changed)
        self.document().documentLayout().documentSizeChanged.connect(lambda _size: self._fit_height())
        self._fit_height()

    def _completed(self, index: QModelIndex) -> None:
        # QCompleter forwards the Enter that chose the reply to this widget afterwards;
        # that Enter must not send the message right away.
        self._swallow_enter = True
        QTimer.singleShot(0, self._stop_swallowing)
        self.quick_reply_chosen.emit(index.row())

    def _stop_swallowing(self) -> None:
        self._swallow_enter = False

    def _fit_height(self) -> None:
        line = self.fontMetrics().lineSpacing()
        lines = max(1, min(MAX_LINES, int(self.document().size().height())))
        margins = self.contentsMargins()
        frame = int(self.document().documentMargin() * 2 + margins.top() + margins.bottom())
        self.setFixedHeight(lines * line + frame + 12)

    def quick_reply_prefix(self) -> str | None:
        """What follows the "/" while the whole text is one "/word", else None."""
        text = self.toPlainText()
        if text.startswith("/") and not any(ch.isspace() for ch in text):
            return text[1:]
        return None

    def _text_changed(self) -> None:
        prefix = self.quick_reply_prefix()
        popup = self.completer.popup()
        if prefix is None or self.quick_replies.update(prefix) == 0:
            popup.hide()
            return
        self.completer.complete(QRect(0, 0, max(self.width(), 360), self.cursorRect().height()))
        popup.setCurrentIndex(self.quick_replies.index(0, 0))

    def event(self, event) -> bool:
        # Tab normally moves the focus before keyPressEvent sees it; with the quick
        # replies open it picks the highlighted one instead.
        if (event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Tab
                and self.completer.popup().isVisible()):
            self.keyPressEvent(event)
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        popup = self.completer.popup()
        key = event.key()
        if popup.isVisible() and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab):
            index = popup.currentIndex()
            popup.hide()
            if index.isValid():
                self.quick_reply_chosen.emit(index.row())
            return
        if key == Qt.Key.Key_Escape:
            if popup.isVisible():
                popup.hide()
            else:
                self.escape_pressed.emit()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._swallow_enter:
                self._swallow_enter = False
                return
            modifiers = event.modifiers()
            shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
            ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
            if (self.enter_sends and not shift and not ctrl) or (not self.enter_sends and ctrl):
                self.submitted.emit()
                return
            self.insertPlainText("\n")
            return
        super().keyPressEvent(event)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasImage() or source.hasUrls() or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        files = [url.toLocalFile() for url in source.urls() if url.isLocalFile()] if source.hasUrls() else []
        if files:
            self.files_dropped.emit(files)
        elif source.hasImage():
            self.image_pasted.emit(QImage(source.imageData()))
        else:
            self.insertPlainText(source.text())  # never rich text: WhatsApp has none
