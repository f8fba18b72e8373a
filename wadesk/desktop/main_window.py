"""The main window: the conversation column on the left, the open chat on the right,
the connection state always visible at the bottom."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QStackedWidget, QWidget

from wadesk.desktop.resources import resource
from wadesk.desktop.views.sidebar import Sidebar
from wadesk.desktop.views.welcome_page import WelcomePage


class MainWindow(QMainWindow):
    def __init__(self, business_name: str, business_number: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"wadesk — {business_name}")
        self.setWindowIcon(QIcon(str(resource("icons", "wadesk-256.png"))))
        self.resize(1200, 780)
        self.setMinimumSize(820, 520)

        self.sidebar = Sidebar(business_name, business_number)
        self.chat_area = QStackedWidget()
        self.welcome = WelcomePage()
        self.chat_area.addWidget(self.welcome)

        splitter = QSplitter(Qt.Orientation.Horizontal, objectName="Central")
        splitter.addWidget(self.sidebar)
        splitter.addWidget(self.chat_area)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 820])
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
        self.sidebar.show_list(False)

    def _focus_search(self) -> None:
        self.sidebar.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.sidebar.search.selectAll()

    def set_connection_state(self, state: str, waiting: int = 0) -> None:
        """state: 'online', 'reconnecting' or 'offline'; waiting: messages in the outbox."""
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
