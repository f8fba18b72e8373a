"""The left column: who we are (and the way into the settings), search, filters and
the conversation list."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPointF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QIcon,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QStackedLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from wadesk.desktop.theme import current_colours
from wadesk.desktop.views import glyphs
from wadesk.store.labels import Label


def _dot(colour: str) -> QIcon:
    pixmap = QPixmap(24, 24)
    pixmap.setDevicePixelRatio(2)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(2, 2, 8, 8)
    painter.end()
    return QIcon(pixmap)


def gear_icon(colour: str, size: int = 22) -> QIcon:
    """A cog: eight teeth around a ring, drawn so it takes the theme's colour."""
    ratio = 2
    pixmap = QPixmap(size * ratio, size * ratio)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 24, size / 24)
    outline = QPainterPath()
    teeth, outer, inner = 8, 10.0, 7.6
    for i in range(teeth * 4):
        # Each tooth: up, flat top, down, flat root (a quarter of its angle each).
        angle = (i / (teeth * 4)) * 2 * math.pi - math.pi / 2
        radius = outer if i % 4 in (1, 2) else inner
        point = QPointF(12 + radius * math.cos(angle), 12 + radius * math.sin(angle))
        if i == 0:
            outline.moveTo(point)
        else:
            outline.lineTo(point)
    outline.closeSubpath()
    pen = QPen(QColor(colour), 1.8)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(outline)
    painter.drawEllipse(QPointF(12, 12), 3.2, 3.2)
    painter.end()
    return QIcon(pixmap)


def preferences_keys() -> list[QKeySequence]:
    """The platform's Preferences shortcut (Cmd+, on macOS), and Ctrl+, everywhere."""
    keys = list(QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences))
    ctrl_comma = QKeySequence("Ctrl+,")
    if ctrl_comma not in keys:
        keys.append(ctrl_comma)
    return keys


SEARCH_DEBOUNCE_MS = 200


class Sidebar(QWidget):
    search_changed = Signal(str)  # debounced while typing; at once when cleared
    filter_changed = Signal(str)  # "all" | "unread" | "mine" | "unassigned" | "label:<id>"
    settings_requested = Signal()  # the gear button or Ctrl+,
    new_conversation_requested = Signal()  # the "new conversation" button (Ctrl+N: main window)

    def __init__(self, business_name: str, business_number: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("Sidebar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setMinimumWidth(340)

        header = QWidget(objectName="SidebarHeader")
        header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        header_layout = QHBoxLayout(header)
        header_layout.setContentsMargins(16, 12, 10, 12)
        header_layout.setSpacing(8)
        who = QVBoxLayout()
        who.setSpacing(0)
        self.business_name = QLabel(business_name, objectName="BusinessName")
        self.business_number = QLabel(business_number, objectName="BusinessNumber")
        who.addWidget(self.business_name)
        who.addWidget(self.business_number)
        header_layout.addLayout(who, 1)
        self.new_button = QToolButton(objectName="NewConversationButton", autoRaise=True)
        self.new_button.setAccessibleName(self.tr("New conversation"))
        self.new_button.setToolTip(self.tr("Write to a phone number (%1)").replace(
            "%1", QKeySequence(QKeySequence.StandardKey.New).toString(QKeySequence.SequenceFormat.NativeText)))
        self.new_button.setIconSize(QSize(22, 22))
        self.new_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.new_button.clicked.connect(self.new_conversation_requested)
        header_layout.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.settings_button = QToolButton(objectName="SettingsButton", autoRaise=True)
        keys = preferences_keys()
        self.settings_button.setAccessibleName(self.tr("Settings"))
        self.settings_button.setToolTip(self.tr("Settings (%1)").replace(
            "%1", keys[0].toString(QKeySequence.SequenceFormat.NativeText)))
        self.settings_button.setIconSize(QSize(22, 22))
        self.settings_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.settings_button.clicked.connect(self.settings_requested)
        header_layout.addWidget(self.settings_button, 0, Qt.AlignmentFlag.AlignVCenter)
        # Window-wide: Ctrl+, works wherever the focus is in the main window.
        self.settings_shortcuts = [QShortcut(key, self, activated=self.settings_requested.emit,
                                             context=Qt.ShortcutContext.WindowShortcut) for key in keys]
        self._paint_icons()

        self.search = QLineEdit(objectName="SearchField")
        self.search.setPlaceholderText(self.tr("Search names, numbers and messages"))
        self.search.setAccessibleName(self.tr("Search"))
        self.search.setClearButtonEnabled(True)
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(lambda: self.search_changed.emit(self.search.text()))
        self.search.textChanged.connect(self._search_edited)

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
        # An icon until a label is chosen: five chips must fit a narrow column in German too.
        self.label_chip = QPushButton(objectName="FilterChip", checkable=True)
        self.label_chip.setToolTip(self.tr("Labels"))
        self.label_chip.setCursor(Qt.CursorShape.PointingHandCursor)
        self.label_chip.setAccessibleName(self.tr("Show the conversations with a label"))
        self.label_chip.setMenu(QMenu(self.label_chip))
        self.label_chip.hide()  # until the team has labels
        self.filters.addButton(self.label_chip)
        chips.addWidget(self.label_chip)
        chips.addStretch(1)
        self.filters.buttonClicked.connect(self._chip_clicked)

        self.list_view = QListView(objectName="ConversationList")
        self.list_view.setAccessibleName(self.tr("Conversations"))
        self.list_view.setUniformItemSizes(True)
        self.list_view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
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

    def _paint_icons(self) -> None:
        self.settings_button.setIcon(gear_icon(current_colours()["muted"]))
        self.new_button.setIcon(glyphs.icon("new_chat", current_colours()["muted"], 22))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._paint_icons()  # the theme changed

    def _search_edited(self, text: str) -> None:
        if text.strip():
            self._debounce.start()  # the search itself runs off the UI thread (search_thread.py)
        else:
            self._debounce.stop()  # cleared: the inbox comes back at once, not after a pause
            self.search_changed.emit(text)

    def _chip_clicked(self, button: QPushButton) -> None:
        if button is self.label_chip:
            return  # its menu decides
        self.label_chip.setText("")
        self.filter_changed.emit(button.property("filter_key"))

    def set_labels(self, labels: list[Label]) -> None:
        """Offer a filter per label (the menu of the "Labels" chip)."""
        colours = current_colours()
        self.label_chip.setIcon(glyphs.icon("tag", colours["muted"], 16))
        menu = self.label_chip.menu()
        menu.clear()
        for label in labels:
            action = menu.addAction(_dot(label.colour), label.name)
            action.setData(label.id)
            action.triggered.connect(lambda _checked=False, l=label: self.choose_label(l))
        self.label_chip.setVisible(bool(labels))

    def choose_label(self, label: Label) -> None:
        self.label_chip.setChecked(True)
        self.label_chip.setText(label.name if len(label.name) <= 14 else label.name[:13] + "…")
        self.filter_changed.emit(f"label:{label.id}")

    def show_list(self, has_rows: bool, filtered: bool = False) -> None:
        """The list, or a hint saying why it is empty (no customers yet, or no match)."""
        if filtered:
            self.empty_hint.setText(self.tr("No conversations match."))
        else:
            self.empty_hint.setText(
                self.tr("No conversations yet.\nWhen a customer writes to your number, it shows up here."))
        self._list_stack.setCurrentWidget(self.list_view if has_rows else self.empty_hint)
