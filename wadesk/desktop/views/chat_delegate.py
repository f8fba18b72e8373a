"""Paints chat rows: day separators, bubbles, notes, and everything inside a bubble.

All geometry comes from bubble_layout.layout_item through one LayoutCache, which
sizeHint, paint and hit-testing share (and the chat view fills ahead, in idle time, for
the next older page); this module only decides colours and draws.
Clicks on links open them (QDesktopServices), clicks on media, quotes and a failed
mark are reported by signals for the chat page to act on.
"""

from __future__ import annotations

import time

from PySide6.QtCore import (
    QDateTime, QEvent, QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt, QTime, QUrl, Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout, QColor, QDesktopServices, QFont, QLinearGradient, QPainter, QPainterPath, QPalette,
)
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem, QToolTip, QWidget

from wadesk.desktop import failure_text, formatting, message_kinds as mk, time_format
from wadesk.desktop.actions import window_refused
from wadesk.desktop.chat_items import NOTE, ChatItem
from wadesk.desktop.media_cache import MediaCache
from wadesk.desktop.models.chat_model import ChatModel
from wadesk.desktop.theme import current_colours
from wadesk.desktop.views import glyphs
from wadesk.desktop.views.avatar import colour_for
from wadesk.desktop.views.bubble_layout import (
    MARKER_INDENT, TICKS_WIDTH, BubbleLayout, BubbleStyle, Flags, Hit, LayoutCache, hit_test, note_header,
)
from wadesk.desktop.views.conversation_delegate import tick_glyph
from wadesk.desktop.views.media_painter import paint_media

TAIL = 8.0
Index = QModelIndex | QPersistentModelIndex
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def _next_midnight(now: float) -> float:
    today = QDateTime.fromSecsSinceEpoch(int(now)).date()
    return float(QDateTime(today.addDays(1), QTime(0, 0)).toSecsSinceEpoch())


class ChatDelegate(QStyledItemDelegate):
    media_activated = Signal(int)  # message id: open the photo, document, recording
    quote_activated = Signal(str)  # wamid of the quoted message: scroll to it
    failed_activated = Signal(int)  # message id of a failed send
    template_activated = Signal(int)  # a send WhatsApp refused for the closed window: only a template goes

    def __init__(self, media: MediaCache | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.media = media
        self.cache = LayoutCache()
        self._style: BubbleStyle | None = None
        self._style_key: tuple | None = None
        self._day_ends = _next_midnight(time.time())
        self.view_width: float | None = None  # kept current by the chat view
        self.highlight_key: str | None = None  # a bubble lit up for a moment (a search hit)

    # -- the one layout ------------------------------------------------------------------

    def style_for(self, font: QFont) -> BubbleStyle:
        # Called for every row on every relayout: compare cheap values, not font.key().
        # The theme's link colour is read only on a miss; theme changes call reset_style.
        key = (font.family(), font.pointSizeF())
        if key != self._style_key or self._style is None:
            self._style = BubbleStyle.for_font(font, current_colours()["link"])
            self._style_key = key
            self.cache.clear()
        return self._style

    def reset_style(self) -> None:
        """The theme or the font changed: every bubble is measured again."""
        self._style = None
        self.cache.clear()

    def layout_for(self, item: ChatItem, width: float, font: QFont, flags: Flags | None = None) -> BubbleLayout:
        """The row's layout (measured now unless cached); with `flags`, as it will be
        once its neighbours give it those (see LayoutCache)."""
        now = time.time()
        if now >= self._day_ends:  # after midnight "Today" is "Yesterday"
            self._day_ends = _next_midnight(now)
            self.cache.clear()
        return self.cache.get(item, width, self.style_for(font), int(now), flags)

    def is_measured(self, item: ChatItem, width: float, font: QFont, flags: Flags | None = None) -> bool:
        """Whether layout_for would answer from the cache."""
        self.style_for(font)  # (a new font empties the cache)
        return time.time() < self._day_ends and self.cache.find(item, width, flags) is not None

    def _width(self, option: QStyleOptionViewItem) -> float:
        if self.view_width is not None:
            return self.view_width
        view = option.widget
        if isinstance(view, QAbstractItemView):
            return float(view.viewport().width())
        return float(option.rect.width())

    def width_for(self, view: QAbstractItemView) -> float:
        """The width rows of `view` are measured for (as sizeHint measures them)."""
        return self.view_width if self.view_width is not None else float(view.viewport().width())

    @staticmethod
    def _item(index: Index) -> ChatItem | None:
        # The view asks for every row's size on each relayout: skip QVariant when it can.
        model = index.model()
        if isinstance(model, ChatModel):
            return model.item(index.row())
        return index.data(ChatModel.ItemRole)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        item = self._item(index)
        if item is None:
            return QSize(0, 0)
        width = self._width(option)
        return QSize(int(width), int(self.layout_for(item, width, option.font).height))

    def hit(self, option: QStyleOptionViewItem, index: Index, pos: QPointF) -> Hit | None:
        """What is at `pos` (viewport coordinates) in the row painted at option.rect."""
        item = index.data(ChatModel.ItemRole)
        if item is None:
            return None
        layout = self.layout_for(item, self._width(option), option.font)
        return hit_test(layout, item, pos - QPointF(option.rect.topLeft()))

    def drop(self, key: str, keep: ChatItem | None = None) -> None:
        self.cache.drop(key, keep)

    # -- painting ------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        item: ChatItem | None = index.data(ChatModel.ItemRole)
        if item is None:
            return
        colours = current_colours()
        layout = self.layout_for(item, self._width(option), option.font)
        style = self.style_for(option.font)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.translate(QPointF(option.rect.topLeft()))
        if layout.day_rect is not None:
            self._chip(painter, layout.day_rect, colours)
            painter.setFont(style.bold_small)
            painter.setPen(QColor(colours["day_chip_text"]))
            painter.drawText(layout.day_rect, Qt.AlignmentFlag.AlignCenter, layout.day_text)
        if item.kind == mk.SYSTEM:
            self._chip(painter, layout.bubble, colours)
            self._text(painter, layout, QColor(colours["day_chip_text"]))
            painter.restore()
            return
        self._bubble(painter, item, layout, colours)
        if layout.header_rect is not None:
            glyphs.draw(painter, "note", QRectF(layout.header_rect.left(), layout.header_rect.top() + 1, 15, 15),
                        QColor(colours["note_text"]), 2.2)
            painter.setFont(style.bold_small)
            painter.setPen(QColor(colours["note_text"]))
            painter.drawText(layout.header_rect.adjusted(20, 0, 0, 0),
                             LEFT, note_header())
        if layout.sender_rect is not None and item.sender:
            painter.setFont(style.bold_small)
            dark = QColor(colours["panel"]).lightness() < 128
            colour = colour_for(item.sender)
            colour = colour.lighter(140) if dark else colour.darker(120)
            if item.kind == NOTE:
                colour = QColor(colours["note_text"])
            painter.setPen(colour)
            painter.drawText(layout.sender_rect, LEFT, item.sender)
        if layout.quote_rect is not None and item.quote is not None:
            self._quote(painter, item, layout.quote_rect, style, colours)
        if layout.media_rect is not None:
            paint_media(painter, item, layout.media_rect, colours, style, self.media)
        if layout.doc is not None:
            muted = item.kind in (mk.DELETED, mk.UNSUPPORTED)
            colour = QColor(colours["muted" if muted else ("note_text" if item.kind == NOTE else "text")])
            if muted and layout.text_pos is not None:
                icon = "blocked" if item.kind == mk.DELETED else "warning"
                glyphs.draw(painter, icon, QRectF(layout.text_pos.x(), layout.text_pos.y() + 1,
                                                  MARKER_INDENT - 5, MARKER_INDENT - 5), colour)
            self._text(painter, layout, colour)
        self._footer(painter, item, layout, style, colours)
        if layout.reactions_rect is not None:
            self._reactions(painter, layout, style, colours)
        if item.key == self.highlight_key:
            # A wash of the accent over the bubble: "here it is", without moving anything.
            wash = QColor(colours["accent"])
            wash.setAlpha(70)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(wash)
            painter.drawRoundedRect(layout.bubble.adjusted(-3, -3, 3, 3), 9.0, 9.0)
        painter.restore()

    @staticmethod
    def _chip(painter: QPainter, rect: QRectF, colours: dict[str, str]) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colours["bubble_shadow"]))
        painter.drawRoundedRect(rect.translated(0, 1), 7.5, 7.5)
        painter.setBrush(QColor(colours["day_chip"]))
        painter.drawRoundedRect(rect, 7.5, 7.5)

    @staticmethod
    def _bubble(painter: QPainter, item: ChatItem, layout: BubbleLayout, colours: dict[str, str]) -> None:
        if item.kind == mk.STICKER:
            return
        rect = layout.bubble
        path = QPainterPath()
        path.addRoundedRect(rect, 7.5, 7.5)
        if item.first_in_run and item.kind != NOTE:
            # The tail: a small triangle at the top corner on the sender's side.
            tail = QPainterPath()
            if item.outgoing:
                tail.moveTo(rect.right() - 8, rect.top())
                tail.lineTo(rect.right() + TAIL, rect.top())
                tail.quadTo(rect.right() + 1, rect.top() + 4, rect.right(), rect.top() + 12)
            else:
                tail.moveTo(rect.left() + 8, rect.top())
                tail.lineTo(rect.left() - TAIL, rect.top())
                tail.quadTo(rect.left() - 1, rect.top() + 4, rect.left(), rect.top() + 12)
            tail.closeSubpath()
            square = QPainterPath()
            corner = QRectF(rect.right() - 8 if item.outgoing else rect.left(), rect.top(), 8, 8)
            square.addRect(corner)
            path = path.united(tail).united(square)
        fill = colours["bubble_note" if item.kind == NOTE else ("bubble_out" if item.outgoing else "bubble_in")]
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colours["bubble_shadow"]))
        painter.drawPath(path.translated(0, 1))
        painter.setBrush(QColor(fill))
        if item.kind == NOTE:
            painter.setPen(QColor(colours["note_border"]))
        painter.drawPath(path)

    @staticmethod
    def _text(painter: QPainter, layout: BubbleLayout, colour: QColor) -> None:
        assert layout.doc is not None and layout.text_pos is not None
        painter.save()
        painter.translate(layout.text_pos)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, colour)
        layout.doc.documentLayout().draw(painter, context)
        painter.restore()

    @staticmethod
    def _quote(painter: QPainter, item: ChatItem, rect: QRectF, style: BubbleStyle, colours: dict[str, str]) -> None:
        quote = item.quote
        assert quote is not None
        painter.save()
        path = QPainterPath()
        path.addRoundedRect(rect, 6, 6)
        painter.setClipPath(path)
        painter.fillRect(rect, QColor(colours["quote_out" if item.outgoing else "quote_in"]).darker(103))
        bar = QColor(colours["accent"]) if quote.outgoing else colour_for(quote.author)
        painter.fillRect(QRectF(rect.left(), rect.top(), 4, rect.height()), bar)
        painter.setClipping(False)
        painter.setFont(style.bold_small)
        painter.setPen(bar)
        inner = rect.adjusted(12, 6, -8, -6)
        half = inner.height() / 2
        painter.drawText(QRectF(inner.left(), inner.top(), inner.width(), half),
                         LEFT, quote.author)
        left = inner.left()
        icon = mk.preview_icon(quote.kind)
        if icon:
            glyphs.draw(painter, icon, QRectF(left, inner.top() + half + 2, 14, 14), QColor(colours["muted"]))
            left += 18
        painter.setFont(style.small)
        painter.setPen(QColor(colours["muted"]))
        text = painter.fontMetrics().elidedText(" ".join(quote.text.split()), Qt.TextElideMode.ElideRight,
                                                int(inner.right() - left))
        painter.drawText(QRectF(left, inner.top() + half, inner.right() - left, half),
                         LEFT, text)
        painter.restore()

    @staticmethod
    def _footer(painter: QPainter, item: ChatItem, layout: BubbleLayout, style: BubbleStyle,
                colours: dict[str, str]) -> None:
        rect = layout.footer_rect
        colour = QColor(colours["muted"] if item.kind != NOTE else colours["note_text"])
        if layout.footer_on_media:
            # White time over a photo, on a soft shade so it stays readable.
            shade = QLinearGradient(QPointF(0, rect.top() - 14), QPointF(0, rect.bottom() + 6))
            shade.setColorAt(0, QColor(0, 0, 0, 0))
            shade.setColorAt(1, QColor(0, 0, 0, 110))
            area = QRectF(rect.left() - 30, rect.top() - 14, rect.width() + 38, rect.height() + 20)
            painter.fillRect(area.intersected(layout.media_rect or area), shade)
            colour = QColor("#ffffff")
        if item.status == "failed":
            colour = QColor(colours["danger"])
        ticks = tick_glyph(item.status) if item.outgoing and item.kind != NOTE else None
        text_rect = rect.adjusted(0, 0, -TICKS_WIDTH if ticks else 0, 0)
        painter.setFont(style.small)
        painter.setPen(colour)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, layout.footer_text)
        if ticks:
            tick_colour = QColor(colours[ticks[1]]) if not layout.footer_on_media or ticks[1] != "tick" else colour
            size = 16.0
            glyphs.draw(painter, ticks[0], QRectF(rect.right() - size, rect.center().y() - size / 2, size, size),
                        tick_colour, 2.0)

    @staticmethod
    def _reactions(painter: QPainter, layout: BubbleLayout, style: BubbleStyle, colours: dict[str, str]) -> None:
        rect = layout.reactions_rect
        assert rect is not None
        radius = rect.height() / 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colours["bubble_shadow"]))
        painter.drawRoundedRect(rect.translated(0, 1), radius, radius)
        painter.setPen(QColor(colours["chat_bg"]))
        painter.setBrush(QColor(colours["bubble_in"]))
        painter.drawRoundedRect(rect, radius, radius)
        painter.setFont(style.emoji)
        painter.setPen(QColor(colours["text"]))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, layout.reactions_text)

    # -- clicks and tooltips -------------------------------------------------------------

    def editorEvent(self, event: QEvent, model, option: QStyleOptionViewItem, index: Index) -> bool:
        if event.type() != QEvent.Type.MouseButtonRelease or event.button() != Qt.MouseButton.LeftButton:
            return False
        hit = self.hit(option, index, event.position())
        item: ChatItem = index.data(ChatModel.ItemRole)
        if hit is None:
            return False
        if hit.kind == "link":
            QDesktopServices.openUrl(QUrl(hit.value))
            return True
        if hit.kind == "media" and item.message_id is not None:
            self.media_activated.emit(item.message_id)
            return True
        if hit.kind == "quote":
            self.quote_activated.emit(hit.value)
            return True
        if hit.kind == "status" and item.message_id is not None:
            if window_refused(item.message):
                self.template_activated.emit(item.message_id)
            else:
                self.failed_activated.emit(item.message_id)
            return True
        return False

    def helpEvent(self, event, view, option: QStyleOptionViewItem, index: Index) -> bool:
        item: ChatItem | None = index.data(ChatModel.ItemRole)
        hit = self.hit(option, index, QPointF(event.pos())) if item is not None else None
        text = self.tooltip(item, hit) if item is not None and hit is not None else ""
        if text:
            QToolTip.showText(event.globalPos(), text, view)
            return True
        QToolTip.hideText()
        return False

    def tooltip(self, item: ChatItem, hit: Hit) -> str:
        message = item.message
        if hit.kind == "link":
            return hit.value
        if hit.kind == "status" and message is not None:
            reason = failure_text.shown(message) or self.tr("WhatsApp gave no reason.")
            hint = self.tr("Click to send a template.") if window_refused(message) else self.tr("Click to try again.")
            return self.tr("Not delivered: %1").replace("%1", reason) + "\n" + hint
        if hit.kind == "reactions":
            customer, team = self.tr("Customer"), self.tr("Your team")
            return "\n".join(f"{r.emoji}  {customer if r.reactor == 'customer' else team}" for r in item.reactions)
        if hit.kind == "media" and message is not None:
            name = message.media_filename or mk.kind_label(item.kind)
            return f"{name} · {formatting.file_size(message.media_size)}".strip(" ·")
        if hit.kind == "bubble":
            lines = [time_format.full_time(item.ts)]
            if message is not None and message.status == "read" and message.read_at:
                lines.append(self.tr("Read %1").replace("%1", time_format.full_time(message.read_at)))
            elif message is not None and message.delivered_at and item.outgoing:
                lines.append(self.tr("Delivered %1").replace("%1", time_format.full_time(message.delivered_at)))
            return "\n".join(lines)
        return ""
