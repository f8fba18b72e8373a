"""The left column: who we are, search, filters and the conversation list."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

SEARCH_DEBOUNCE_MS = 200


class Sidebar(QWidget):
    search_changed = Signal(str)  # debounced, so typing never floods the store
    filter_changed = Signal(str)  # "all" | "unread" | "mine" | "unassigned"

    def __init__(self, business_name: str, business_number: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("Sidebar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setMinimumWidth(340)

        header = QWidget(objectName="SidebarHeader")
        header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        header_layout = QVBoxLayout(header)
        header_layout.setContentsMargins(16, 12, 16, 12)
        header_layout.setSpacing(0)
        self.business_name = QLabel(business_name, objectName="BusinessName")
        self.business_number = QLabel(business_number, objectName="BusinessNumber")
        header_layout.addWidget(self.business_name)
        header_layout.addWidget(self.business_number)

        self.search = QLineEdit(objectName="SearchField")
        self.search.setPlaceholderText(self.tr("Search names, numbers and messages"))
        self.search.setAccessibleName(self.tr("Search"))
        self.search.setClearButtonEnabled(True)
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(lambda: self.search_changed.emit(self.search.text()))
        self.search.textChanged.connect(lambda _text: self._debounce.start())

        chips = QHBoxLayout()
        chips.setSpacing(4)
        self.filters = QButtonGroup(self, exclusive=True)
        for key, text in (
            ("all", self.tr("All")),
            ("unread", self.tr("Unread")),
            ("mine", self.tr("Mine")),
            ("unassigned", self.tr("Unassigned")),
        ):
            chip = QPushButton(text, objectName="FilterChip", checkable=True)
            chip.setProperty("filter_key", key)
            chip.setCursor(Qt.CursorShape.PointingHandCursor)
            chip.setAccessibleName(self.tr("Show %s conversations") % text)
            self.filters.addButton(chip)
            chips.addWidget(chip)
            if key == "all":
                chip.setChecked(True)
        chips.addStretch(1)
        self.filters.buttonClicked.connect(
            lambda button: self.filter_changed.emit(button.property("filter_key"))
        )

        self.list_view = QListView(objectName="ConversationList")
        self.list_view.setAccessibleName(self.tr("Conversations"))
        self.list_view.setUniformItemSizes(True)
        self.list_view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.empty_hint = QLabel(
            self.tr("No conversations yet.\nWhen a customer writes to your number, it shows up here."),
            objectName="EmptyListHint",
            alignment=Qt.AlignmentFlag.AlignCenter,
            wordWrap=True,
        )
        self.empty_hint.setMargin(24)
        self._list_stack = QStackedLayout()
        self._list_stack.addWidget(self.empty_hint)
        self._list_stack.addWidget(self.list_view)

        controls = QVBoxLayout()
        controls.setContentsMargins(12, 10, 12, 8)
        controls.setSpacing(10)
        controls.addWidget(self.search)
        controls.addLayout(chips)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addLayout(controls)
        layout.addLayout(self._list_stack, 1)

    def show_list(self, has_rows: bool) -> None:
        self._list_stack.setCurrentWidget(self.list_view if has_rows else self.empty_hint)
