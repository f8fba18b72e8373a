"""The strip above the chat: who the customer is, who on the team looks after them,
the conversation's labels, and whether the 24-hour window is still open.

The window is worked out from the customer's last message (wadesk.core.window) and
refreshed every minute, so "open for 12 min" counts down while the chat is open.
WhatsApp has the last word, though: once it refused a send because the window was
closed (131047), the conversation stays "closed by WhatsApp" until a customer message
newer than the one the clock went by arrives, whatever this PC's clock says.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QToolButton, QVBoxLayout, QWidget

from wadesk.core import window
from wadesk.core.phone_format import format_number
from wadesk.desktop import formatting, time_format
from wadesk.desktop.models.conversation_list_model import contact_name
from wadesk.desktop.team import TeamDirectory
from wadesk.desktop.theme import current_colours
from wadesk.desktop.views import glyphs
from wadesk.desktop.views.avatar import paint_avatar
from wadesk.store.conversations import ConversationSummary
from wadesk.store.labels import Label

REFRESH_MS = 60_000
SOON_SECONDS = 60 * 60  # under an hour left: shown as a warning


class ConversationHeader(QWidget):
    assign_requested = Signal(str)  # person id
    unassign_requested = Signal()
    label_toggled = Signal(int, bool)  # label id, now present
    window_changed = Signal(bool)  # open or not, on every change

    def __init__(self, team: TeamDirectory | None = None, now: Callable[[], float] = time.time,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ChatHeader")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._team = team or TeamDirectory()
        self._now = now
        self._summary: ConversationSummary | None = None
        self._open: bool | None = None
        self._labels: list[Label] = []  # on this conversation
        # conversation id -> its last customer message time when WhatsApp said "closed"
        self._refused_at: dict[int, int | None] = {}
        self._all_labels: list[Label] = []  # the team's
        self.avatar = QLabel()
        self.avatar.setFixedSize(42, 42)
        self.name = QLabel(objectName="HeaderName")
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.number = QLabel(objectName="HeaderNumber")
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.labels = QLabel(objectName="HeaderLabels")
        self.window_label = QLabel(objectName="WindowState")
        self.assignee = QToolButton(objectName="AssigneeButton")
        self.assignee.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.assignee.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.assignee.setCursor(Qt.CursorShape.PointingHandCursor)
        self.assignee.setIconSize(QSize(18, 18))
        self.assignee.setMenu(QMenu(self.assignee))
        self.assignee.menu().aboutToShow.connect(self._fill_menu)
        self.label_button = QToolButton(objectName="LabelButton", autoRaise=True)
        self.label_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.label_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.label_button.setIconSize(QSize(18, 18))
        self.label_button.setToolTip(self.tr("Labels"))
        self.label_button.setAccessibleName(self.tr("Labels of this conversation"))
        self.label_button.setMenu(QMenu(self.label_button))
        self.label_button.menu().aboutToShow.connect(self._fill_label_menu)
        self.label_button.hide()  # until the team has labels

        texts = QVBoxLayout()
        texts.setSpacing(0)
        texts.addWidget(self.name)
        line = QHBoxLayout()
        line.setSpacing(10)
        line.addWidget(self.number)
        line.addWidget(self.labels)
        line.addStretch(1)
        texts.addLayout(line)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 12, 8)
        layout.setSpacing(12)
        layout.addWidget(self.avatar)
        layout.addLayout(texts, 1)
        layout.addWidget(self.window_label, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.label_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.assignee, 0, Qt.AlignmentFlag.AlignVCenter)
        self._timer = QTimer(self, interval=REFRESH_MS, timeout=self.refresh_window)
        self._team.changed.connect(self._show_assignee)

    def set_conversation(self, summary: ConversationSummary, labels: list[Label]) -> None:
        self._summary = summary
        contact = summary.contact
        name = contact_name(contact)
        self.name.setText(name)
        self.setAccessibleName(self.tr("Conversation with %1").replace("%1", name))
        number = format_number(contact.wa_id) if contact.wa_id else (f"@{contact.username}" if contact.username else "")
        self.number.setText(number if number != name else "")
        self.number.setVisible(bool(self.number.text()))
        pixmap = QPixmap(84, 84)
        pixmap.setDevicePixelRatio(2)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        key = contact.wa_id or contact.user_id or str(contact.id)
        paint_avatar(painter, QRectF(0, 0, 42, 42), name, key, self.font())
        painter.end()
        self.avatar.setPixmap(pixmap)
        self._labels = list(labels)
        self.labels.setText(" ".join(
            f'<span style="color:{label.colour}">●</span>&nbsp;{label.name}' for label in labels))
        self.labels.setVisible(bool(labels))
        self.labels.setAccessibleName(", ".join(label.name for label in labels))
        self._show_assignee()
        self.refresh_window()
        self._timer.start()

    def clear(self) -> None:
        self._summary = None
        self._timer.stop()

    # -- the 24-hour window --------------------------------------------------------------

    @property
    def window_open(self) -> bool:
        return bool(self._open)

    def window_refused(self, conversation_id: int, last_customer_msg_at: int | None) -> None:
        """WhatsApp refused a send to this conversation: the 24-hour window is closed
        until the customer writes after `last_customer_msg_at`."""
        known = self._refused_at.get(conversation_id, -1)
        if conversation_id not in self._refused_at or (last_customer_msg_at or 0) > (known or 0):
            self._refused_at[conversation_id] = last_customer_msg_at
        if self._summary is not None and self._summary.conversation.id == conversation_id:
            self.refresh_window()

    def closed_by_whatsapp(self) -> bool:
        if self._summary is None:
            return False
        conversation = self._summary.conversation
        if conversation.id not in self._refused_at:
            return False
        if (conversation.last_customer_msg_at or 0) > (self._refused_at[conversation.id] or 0):
            del self._refused_at[conversation.id]  # the customer wrote again: a new window
            return False
        return True

    def refresh_window(self) -> None:
        if self._summary is None:
            return
        last = self._summary.conversation.last_customer_msg_at
        now = int(self._now())
        refused = self.closed_by_whatsapp()
        is_open = window.is_open(last, now) and not refused
        if refused:
            text = self.tr("Closed by WhatsApp: only a template can be sent")
            state = "closed"
            tip = self.tr("WhatsApp refused a message because 24 hours have passed since the customer's "
                          "last message. Free text works again once they reply.")
        elif is_open:
            left = window.remaining(last, now)
            text = self.tr("Open for %1").replace("%1", formatting.window_left(left))
            state = "soon" if left < SOON_SECONDS else "open"
            tip = self.tr("You can write freely until %1. After that, only a template can be sent.").replace(
                "%1", time_format.full_time(window.window_closes_at(last) or now))
        else:
            text = self.tr("Closed: only a template can be sent")
            state = "closed"
            tip = self.tr("WhatsApp allows free messages only within 24 hours of the customer's last message.")
        self.window_label.setText("● " + text)
        self.window_label.setToolTip(tip)
        self.window_label.setAccessibleName(text)
        self.window_label.setProperty("state", state)
        self.window_label.style().unpolish(self.window_label)
        self.window_label.style().polish(self.window_label)
        if is_open != self._open:
            self._open = is_open
            self.window_changed.emit(is_open)

    # -- assignment ----------------------------------------------------------------------

    def refresh_style(self) -> None:
        self._show_assignee()
        self.label_button.setIcon(glyphs.icon("tag", current_colours()["muted"], 18))

    def set_all_labels(self, labels: list[Label]) -> None:
        """The team's labels, offered in the label menu."""
        self._all_labels = list(labels)
        self.label_button.setIcon(glyphs.icon("tag", current_colours()["muted"], 18))
        self.label_button.setVisible(bool(labels))

    def _fill_label_menu(self) -> None:
        menu = self.label_button.menu()
        menu.clear()
        present = {label.id for label in self._labels}
        for label in self._all_labels:
            action = menu.addAction(label.name)
            action.setCheckable(True)
            action.setChecked(label.id in present)
            action.toggled.connect(lambda on, i=label.id: self.label_toggled.emit(i, on))

    def _show_assignee(self) -> None:
        assignee = self._summary.conversation.assignee_id if self._summary else None
        if assignee is None:
            text = self.tr("Unassigned")
        elif self._team.is_me(assignee):
            text = self.tr("Assigned to you")
        else:
            text = self.tr("Assigned to %1").replace("%1", self._team.name(assignee))
        self.assignee.setText(text)
        self.assignee.setAccessibleName(text + " — " + self.tr("change the assignment"))
        colours = current_colours()
        self.assignee.setIcon(glyphs.icon("person", colours["accent"] if assignee else colours["muted"], 18))

    def _fill_menu(self) -> None:
        menu = self.assignee.menu()
        menu.clear()
        assignee = self._summary.conversation.assignee_id if self._summary else None
        me = self._team.me_id
        if me is not None and assignee != me:
            menu.addAction(self.tr("Assign to me"), lambda: self.assign_requested.emit(me))
        colleagues = [(pid, name) for pid, name in self._team.members() if pid != me]
        if colleagues:
            sub = menu.addMenu(self.tr("Assign to a colleague"))
            for pid, name in colleagues:
                action = sub.addAction(name, lambda p=pid: self.assign_requested.emit(p))
                action.setEnabled(pid != assignee)
        if assignee is not None:
            menu.addSeparator()
            menu.addAction(self.tr("Unassign"), lambda: self.unassign_requested.emit())
