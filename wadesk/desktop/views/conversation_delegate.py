"""Paints one conversation of the inbox list the way WhatsApp users expect to see it.

Avatar with initials on the left; the name, the number (small and muted, when it is
not the name already and there is room) and the time on the first line; the last
message (ticks and a kind icon in front) on the second, with the unread badge, the
assignee (a person glyph and their first name: initials like "DE" read as a country
code) and label dots on the right. Every row has the same height, so
the list view can use uniformItemSizes and scroll ten thousand rows without measuring.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QToolTip

from wadesk.desktop.models.conversation_list_model import ConversationListModel as M
from wadesk.desktop.theme import current_colours
from wadesk.desktop.views import glyphs
from wadesk.desktop.views.avatar import paint_avatar

Index = QModelIndex | QPersistentModelIndex
ROW_HEIGHT = 72
AVATAR = 48
PAD = 14
ASSIGNEE_MAX_W = 84  # the assignee's first name is elided beyond this


def number_shown(index: Index) -> str:
    """The customer's number (or @username) when the name does not say it already."""
    number = index.data(M.NumberRole) or ""
    name = index.data(M.NameRole) or ""
    digits = "".join(ch for ch in number if ch.isalnum())
    return number if number and digits != "".join(ch for ch in name if ch.isalnum()) else ""


def row_tooltip(index: Index) -> str:
    """The model's spoken text of the row, with the number after the name."""
    text = index.data(Qt.ItemDataRole.ToolTipRole) or ""
    number = number_shown(index)
    if number and number not in text:
        name = index.data(M.NameRole) or ""
        text = text.replace(name, f"{name} ({number})", 1) if name and text.startswith(name) else f"{number}, {text}"
    return text


def assignee_short_name(index: Index) -> str:
    """The assignee's first name for the chip ("" when unassigned)."""
    if not index.data(M.AssigneeIdRole):
        return ""
    name = (index.data(M.AssigneeNameRole) or "").strip()
    return name.split()[0] if name else (index.data(M.AssigneeInitialsRole) or "")


def tick_glyph(status: str | None) -> tuple[str, str] | None:
    """(glyph, colour key) for an outgoing message's status."""
    return {
        "pending": ("clock", "tick"),
        "sent": ("tick", "tick"),
        "delivered": ("double_tick", "tick"),
        "read": ("double_tick", "tick_read"),
        "played": ("double_tick", "tick_read"),
        "failed": ("failed", "danger"),
    }.get(status or "")


class ConversationDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        # The view stretches rows to its width; a wider hint would add a horizontal bar.
        return QSize(200, ROW_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        colours = current_colours()
        rect = QRectF(option.rect)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        state = option.state
        if state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, QColor(colours["selection"]))
        elif state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(rect, QColor(colours["hover"]))

        name = index.data(M.NameRole) or ""
        avatar = QRectF(rect.left() + 12, rect.center().y() - AVATAR / 2, AVATAR, AVATAR)
        paint_avatar(painter, avatar, name, index.data(M.AvatarKeyRole), option.font)
        if rect.width() < 200:
            painter.restore()
            return

        left = avatar.right() + PAD
        right = rect.right() - PAD
        base = QFont(option.font)
        name_font = QFont(base)
        name_font.setPointSizeF(base.pointSizeF() * 1.08)
        name_font.setWeight(QFont.Weight.DemiBold)
        small = QFont(base)
        small.setPointSizeF(base.pointSizeF() * 0.86)
        line1 = rect.top() + 14
        line2 = rect.top() + 40
        unread = index.data(M.UnreadRole) or 0

        # First line: time on the right (green while unread, as in WhatsApp), name left.
        painter.setFont(small)
        time_text = index.data(M.TimeRole) or ""
        fm_small = QFontMetrics(small)
        time_w = fm_small.horizontalAdvance(time_text)
        painter.setPen(QColor(colours["badge"] if unread else colours["muted"]))
        painter.drawText(QRectF(right - time_w, line1, time_w, 20),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, time_text)
        painter.setFont(name_font)
        painter.setPen(QColor(colours["text"]))
        name_w = right - time_w - 8 - left
        shown_name = QFontMetrics(name_font).elidedText(name, Qt.TextElideMode.ElideRight, int(name_w))
        painter.drawText(QRectF(left, line1, name_w, 20), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         shown_name)
        number = number_shown(index)
        if number and shown_name == name:
            # After the name, small and muted; only whole: half a number is no use.
            gap = 8
            nx = left + QFontMetrics(name_font).horizontalAdvance(name) + gap
            number_w = fm_small.horizontalAdvance(number)
            if nx + number_w <= left + name_w:
                painter.setFont(small)
                painter.setPen(QColor(colours["muted"]))
                painter.drawText(QRectF(nx, line1, number_w + 1, 20),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, number)

        # Second line, from the right: unread badge, assignee chip, label dots.
        x = right
        if unread:
            x = self._badge(painter, x, line2, unread, small, colours)
        assignee = assignee_short_name(index)
        if assignee:
            x = self._assignee(painter, x, line2, assignee, small, colours)
        for colour in reversed(index.data(M.LabelColoursRole) or []):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colour))
            painter.drawEllipse(QRectF(x - 10, line2 + 6, 9, 9))
            x -= 12
        # The preview fills the rest: ticks, a kind icon, the text.
        px = left
        ticks = tick_glyph(index.data(M.PreviewStatusRole))
        if ticks:
            glyphs.draw(painter, ticks[0], QRectF(px, line2 + 2, 17, 17), QColor(colours[ticks[1]]))
            px += 20
        icon = index.data(M.PreviewIconRole)
        if icon:
            glyphs.draw(painter, icon, QRectF(px, line2 + 2.5, 16, 16), QColor(colours["muted"]), 2.0)
            px += 20
        preview_font = QFont(base)
        preview_font.setPointSizeF(base.pointSizeF() * 0.96)
        if index.data(M.PreviewKindRole) == "deleted":
            preview_font.setItalic(True)
        painter.setFont(preview_font)
        painter.setPen(QColor(colours["text"] if unread else colours["muted"]))
        width = max(0.0, x - 8 - px)
        preview = " ".join((index.data(M.PreviewRole) or "").split())
        painter.drawText(QRectF(px, line2, width, 21), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(preview_font).elidedText(preview, Qt.TextElideMode.ElideRight, int(width)))

        painter.setPen(QColor(colours["border"]))
        painter.drawLine(int(left), int(rect.bottom()), int(rect.right()), int(rect.bottom()))
        painter.restore()

    @staticmethod
    def _badge(painter: QPainter, right: float, top: float, count: int, font: QFont, colours: dict) -> float:
        text = str(count) if count < 100 else "99+"
        bold = QFont(font)
        bold.setWeight(QFont.Weight.Bold)
        width = max(21.0, QFontMetrics(bold).horizontalAdvance(text) + 12.0)
        box = QRectF(right - width, top + 0.5, width, 21)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colours["badge"]))
        painter.drawRoundedRect(box, 10.5, 10.5)
        painter.setFont(bold)
        painter.setPen(QColor(colours["badge_text"]))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        return box.left() - 6

    @staticmethod
    def _assignee(painter: QPainter, right: float, top: float, text: str, font: QFont, colours: dict) -> float:
        chip_font = QFont(font)
        chip_font.setPointSizeF(font.pointSizeF() * 0.92)
        chip_font.setWeight(QFont.Weight.DemiBold)
        metrics = QFontMetrics(chip_font)
        text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, ASSIGNEE_MAX_W)
        glyph = 12.0
        width = glyph + 3 + metrics.horizontalAdvance(text) + 12.0
        box = QRectF(right - width, top + 2, width, 18)
        painter.setPen(QColor(colours["border"]).darker(115))
        painter.setBrush(QColor(colours["panel_alt"]))
        painter.drawRoundedRect(box, 5, 5)
        muted = QColor(colours["muted"])
        glyphs.draw(painter, "person", QRectF(box.left() + 5, box.center().y() - glyph / 2, glyph, glyph), muted, 1.6)
        painter.setFont(chip_font)
        painter.setPen(muted)
        painter.drawText(box.adjusted(glyph + 8, 0, -5, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         text)
        return box.left() - 6

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem,
                  index: Index) -> bool:
        """The tooltip: the model's spoken text, with the number when the row may not
        have had room to show it."""
        if event is None or event.type() != QEvent.Type.ToolTip or not index.isValid():
            return super().helpEvent(event, view, option, index)
        QToolTip.showText(event.globalPos(), row_tooltip(index), view)
        return True
