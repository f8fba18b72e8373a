"""The tray icon with the unread count, and desktop notices for new customer messages.

Notices go through QSystemTrayIcon.showMessage, which every desktop shows in its own
way (Windows toasts, macOS Notification Center, freedesktop notifications); clicking
one opens its conversation. Where there is no tray (some Linux desktops, the tests'
offscreen platform) nothing is shown, but `notified` is still emitted. Message texts
never go to the log.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from wadesk.desktop.resources import resource
from wadesk.desktop.settings import Settings

PREVIEW_CHARS = 120


def badge_icon(count: int, size: int = 64) -> QIcon:
    """The app icon with a red badge carrying the unread count (99+ above 99)."""
    pixmap = QPixmap(str(resource("icons", "wadesk-64.png"))).scaled(
        size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
    if count <= 0:
        return QIcon(pixmap)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    diameter = size * 0.56
    rect = QRectF(size - diameter, 0, diameter, diameter)
    painter.setBrush(QColor("#e53935"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(rect)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(diameter * (0.55 if count < 10 else 0.42)))
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(count) if count < 100 else "99+")
    painter.end()
    return QIcon(pixmap)


class Notifier(QObject):
    notified = Signal(int, str, str)  # conversation id, title, text
    open_requested = Signal(int)  # a notice was clicked: open this conversation
    show_requested = Signal()
    lock_settings_requested = Signal()
    quit_requested = Signal()

    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.unread = -1
        self._last_conversation: int | None = None
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(badge_icon(0), self)
            menu = QMenu()
            menu.addAction(self.tr("Open wadesk"), self.show_requested.emit)
            menu.addAction(self.tr("App lock…"), self.lock_settings_requested.emit)
            menu.addSeparator()
            menu.addAction(self.tr("Quit wadesk"), self.quit_requested.emit)
            self._menu = menu
            self.tray.setContextMenu(menu)
            self.tray.activated.connect(self._activated)
            self.tray.messageClicked.connect(self._clicked)
            self.tray.show()
        self.set_unread(0)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.show_requested.emit()

    def _clicked(self) -> None:
        if self._last_conversation is not None:
            self.open_requested.emit(self._last_conversation)

    def set_unread(self, count: int) -> None:
        if count == self.unread:
            return
        self.unread = count
        if self.tray is not None:
            self.tray.setIcon(badge_icon(count))
            tip = self.tr("wadesk — %n unread message(s)", "", count) if count else "wadesk"
            self.tray.setToolTip(tip)

    def notify(self, conversation_id: int, title: str, text: str) -> None:
        if not self.settings.get("notifications"):
            return
        if len(text) > PREVIEW_CHARS:
            text = text[: PREVIEW_CHARS - 1] + "…"
        self._last_conversation = conversation_id
        if self.tray is not None:
            self.tray.showMessage(title, text, badge_icon(0), 8000)
        if self.settings.get("sound"):
            QApplication.beep()
        self.notified.emit(conversation_id, title, text)

    def hide(self) -> None:
        if self.tray is not None:
            self.tray.hide()
