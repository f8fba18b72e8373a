"""The tray icon with the unread count, and desktop notices for new customer messages.

Notices go through QSystemTrayIcon.showMessage, which every desktop shows in its own
way (Windows toasts, macOS Notification Center, freedesktop notifications); clicking
one opens its conversation. Where there is no tray (some Linux desktops, the tests'
offscreen platform) nothing is shown, but `notified` is still emitted. Message texts
never go to the log.

QSystemTrayIcon.messageClicked does not say which notice was clicked. So that no
notice ever opens another customer's chat, a notice that arrives while one for a
different conversation is still on screen sums both up ("New messages from 2
customers") and a click on it opens the window at the list, not a conversation.

While the app lock is on (`locked()` is true) notices show neither name nor text, only
"New message", and neither the tray nor a notice shows the window.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from wadesk.desktop.resources import resource
from wadesk.desktop.settings import Settings

PREVIEW_CHARS = 120
NOTICE_MS = 8000  # how long a notice stays on screen (the desktop may keep it longer)


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
    notified = Signal(int, str, str)  # conversation id (0: several, or locked), title, text
    open_requested = Signal(int)  # a notice was clicked: open this conversation
    show_requested = Signal()
    lock_settings_requested = Signal()
    quit_requested = Signal()

    def __init__(self, settings: Settings, parent: QObject | None = None, *,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.settings = settings
        self.unread = -1
        self.locked: Callable[[], bool] = lambda: False  # the app lock's state (inbox_controller)
        self._clock = clock
        self._on_screen: dict[int, float] = {}  # conversation id -> when its notice goes away
        self._click_opens: int | None = None  # what a click on the notice on screen opens
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(badge_icon(0), self)
            menu = QMenu()
            menu.addAction(self.tr("Open wadesk"), self.show_requested.emit)
            menu.addAction(self.tr("App lock…"), self._lock_settings)
            menu.addSeparator()
            menu.addAction(self.tr("Quit wadesk"), self.quit_requested.emit)
            self._menu = menu
            self.tray.setContextMenu(menu)
            self.tray.activated.connect(self._activated)
            self.tray.messageClicked.connect(self.notice_clicked)
            self.tray.show()
        self.set_unread(0)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.show_requested.emit()  # while locked, the controller raises the lock instead

    def _lock_settings(self) -> None:
        if self.locked():
            self.show_requested.emit()  # the lock first
        else:
            self.lock_settings_requested.emit()

    def notice_clicked(self) -> None:
        """The notice on screen was clicked: open its conversation, or the window when
        it sums up several (or was shown while locked)."""
        if self._click_opens is not None and not self.locked():
            self.open_requested.emit(self._click_opens)
        else:
            self.show_requested.emit()

    def set_unread(self, count: int) -> None:
        if count == self.unread:
            return
        self.unread = count
        if self.tray is not None:
            self.tray.setIcon(badge_icon(count))
            tip = self.tr("wadesk — %n unread message(s)", "", count) if count else "wadesk"
            self.tray.setToolTip(tip)

    def notify(self, conversation_id: int | None, title: str, text: str) -> None:
        """A notice for a conversation; None: one that sums up several (a click shows
        the window)."""
        if not self.settings.get("notifications"):
            return
        now = self._clock()
        self._on_screen = {cid: until for cid, until in self._on_screen.items() if until > now}
        if conversation_id is not None:
            self._on_screen[conversation_id] = now + NOTICE_MS / 1000
        customers = len(self._on_screen)
        if self.locked():
            # Whoever stands at the locked PC learns nothing of who wrote or what.
            title, text, conversation_id = "wadesk", self.tr("New message"), None
        elif conversation_id is not None and customers > 1:
            title = self.tr("New messages")
            text = self.tr("from %n customer(s)", "", customers)
            conversation_id = None
        if len(text) > PREVIEW_CHARS:
            text = text[: PREVIEW_CHARS - 1] + "…"
        self._click_opens = conversation_id
        if self.tray is not None:
            self.tray.showMessage(title, text, badge_icon(0), NOTICE_MS)
        if self.settings.get("sound"):
            QApplication.beep()
        self.notified.emit(conversation_id or 0, title, text)

    def hide(self) -> None:
        if self.tray is not None:
            self.tray.hide()
