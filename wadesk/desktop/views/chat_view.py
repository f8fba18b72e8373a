"""The chat: a pixel-scrolling list of bubbles over WhatsApp's quiet wallpaper.

It sticks to the bottom while the user is there (new messages scroll into view), and
otherwise leaves the reading position alone and offers a "New messages" button. Near
the top it asks the model for the next older page and keeps the visible bubbles where
they were, by restoring the distance from the bottom once the new rows are laid out.

Opened at a search hit, it centres that message and highlights it briefly; newer
pages are then appended as the user scrolls down, and the button jumps to the latest.

While the user pauses it reads and measures the next older page ahead
(older_page_prefetch.py), so reaching the top later inserts it without measuring. Bubbles are
measured for the viewport's width with the scroll bar shown, also while it is not: the
first page of a long chat, which makes the bar appear, is measured once, not twice.
"""

from __future__ import annotations

import random
import time

from PySide6.QtCore import QEvent, QModelIndex, QPoint, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QMenu, QStyleOptionViewItem, QToolButton, QWidget

from wadesk.desktop import formatting, message_kinds as mk
from wadesk.desktop.actions import window_refused
from wadesk.desktop.chat_items import NOTE, ChatItem
from wadesk.desktop.models.chat_model import ChatModel
from wadesk.desktop.theme import current_colours
from wadesk.desktop.views import glyphs
from wadesk.desktop.views.chat_delegate import ChatDelegate
from wadesk.desktop.views.older_page_prefetch import OlderPagePrefetch

LOAD_OLDER_WITHIN_PX = 600
LOAD_NEWER_WITHIN_PX = 600
AT_BOTTOM_WITHIN_PX = 24
HIGHLIGHT_MS = 2_000
QUICK_REACTIONS = ("👍", "❤️", "😂", "😮", "😢", "🙏")


def wallpaper_tile(colour: QColor, size: int = 280) -> QPixmap:
    """A tile of faint doodles, the same every time (fixed seed)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    rng = random.Random(7)
    names = ("camera", "music", "smile", "pin", "note", "send", "mic", "document", "tag", "person", "video", "sticker")
    step = size / 5
    for row in range(5):
        for col in range(5):
            x = col * step + rng.uniform(2, step - 26) + (step / 2 if row % 2 else 0)
            y = row * step + rng.uniform(2, step - 26)
            painter.save()
            painter.translate((x % size) + 11, y + 11)
            painter.rotate(rng.uniform(-30, 30))
            glyphs.draw(painter, rng.choice(names), QRectF(-11, -11, 22, 22), colour, 1.5)
            painter.restore()
    painter.end()
    return pixmap


class ChatView(QListView):
    reply_requested = Signal(str)  # row key
    react_requested = Signal(int, str)  # message id, emoji ("" removes our reaction)
    media_requested = Signal(int)  # open a message's media
    save_requested = Signal(int)  # save a message's media as a file
    retry_requested = Signal(int)  # send a failed message again
    template_requested = Signal(int)  # the window is closed (131047): offer a template instead

    def __init__(self, delegate: ChatDelegate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ChatView")
        self.setAccessibleName(self.tr("Messages"))
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.verticalScrollBar().setSingleStep(24)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self._delegate = delegate
        self.setItemDelegate(delegate)
        delegate.media_activated.connect(self.media_requested)
        delegate.failed_activated.connect(self.retry_requested)
        delegate.template_activated.connect(self.template_requested)
        delegate.quote_activated.connect(self.scroll_to_wamid)
        self._at_bottom = True
        self._anchor_from_bottom: int | None = None
        self._highlight_timer = QTimer(self, singleShot=True, interval=HIGHLIGHT_MS)
        self._highlight_timer.timeout.connect(lambda: self.highlight(None))
        self._tile: QPixmap | None = None
        self._tile_colour = ""
        self.new_messages = QToolButton(self, objectName="NewMessagesButton")
        self.new_messages.setText(self.tr("New messages"))
        self.new_messages.setAccessibleName(self.tr("Jump to the new messages"))
        self.new_messages.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.new_messages.setCursor(Qt.CursorShape.PointingHandCursor)
        self.new_messages.clicked.connect(self.jump_to_latest)
        self.new_messages.hide()
        self.prefetch = OlderPagePrefetch(self, delegate)
        bar = self.verticalScrollBar()
        bar.valueChanged.connect(self._scrolled)
        bar.rangeChanged.connect(self._range_changed)

    # -- the model -----------------------------------------------------------------------

    def chat_model(self) -> ChatModel | None:
        model = self.model()
        return model if isinstance(model, ChatModel) else None

    def setModel(self, model: ChatModel) -> None:  # type: ignore[override]
        super().setModel(model)
        model.rowsAboutToBeInserted.connect(self._rows_coming)
        model.rowsInserted.connect(self._rows_arrived)
        model.modelReset.connect(self._reset)
        model.item_changed.connect(self._item_changed)
        for changed in (model.modelReset, model.rowsInserted, model.rowsRemoved,
                        model.older_ahead_dropped):
            changed.connect(self.prefetch.schedule)

    def _reset(self) -> None:
        self._delegate.cache.clear()
        self._anchor_from_bottom = None
        self.highlight(None)
        model = self.chat_model()
        focus = model.focus_key if model is not None else None
        self._at_bottom = focus is None
        self.new_messages.hide()
        if focus is not None:
            # Once the rows are laid out: centre the hit and light it up.
            QTimer.singleShot(0, lambda: self.show_key(focus))
        else:
            QTimer.singleShot(0, self.scroll_to_bottom)

    def _rows_coming(self, parent: QModelIndex, first: int, last: int) -> None:
        model = self.chat_model()
        if model is None:
            return
        if first == 0 and model.rowCount() > 0:
            bar = self.verticalScrollBar()
            self._anchor_from_bottom = bar.maximum() - bar.value()

    def _rows_arrived(self, parent: QModelIndex, first: int, last: int) -> None:
        model = self.chat_model()
        if model is None or first == 0 or model.loading_older:
            return  # (also while a newer page is appended: that is no news)
        if last == model.rowCount() - 1 and not self._at_bottom:
            self.new_messages.setText(self.tr("New messages"))
            self.new_messages.show()
            self._place_button()

    def _item_changed(self, key: str) -> None:
        model = self.chat_model()
        row = model.row_of_key(key) if model is not None else -1
        item = model.item(row) if model is not None else None
        self._delegate.drop(key, keep=item)  # an older version's layouts (not those measured ahead)
        if item is not None and item.message_id is not None and self._delegate.media is not None:
            self._delegate.media.forget(item.message_id)
        if row >= 0:
            # One relayout for all rows changed in this pass (sizeHintChanged would
            # lay out the whole list once per row).
            self.scheduleDelayedItemsLayout()

    def media_ready(self, message_id: int) -> None:
        """A thumbnail arrived: repaint its bubble (its size does not change)."""
        model = self.chat_model()
        if model is not None:
            row = model.row_of_key(f"m{message_id}")
            if row >= 0:
                self.update(model.index(row, 0))

    # -- scrolling -----------------------------------------------------------------------

    @property
    def at_bottom(self) -> bool:
        return self._at_bottom

    def scroll_to_bottom(self) -> None:
        model = self.chat_model()
        if model is not None and model.can_load_newer:
            self._offer_latest()  # the end of the chat is not loaded: offer the jump
            return
        self.verticalScrollBar().setValue(self.verticalScrollBar().maximum())
        self._at_bottom = True
        self.new_messages.hide()

    def jump_to_latest(self) -> None:
        """The newest messages, also from a stretch opened at a search hit."""
        model = self.chat_model()
        if model is not None and model.can_load_newer and model.conversation_id is not None:
            model.open(model.conversation_id, model.contact_name)  # the reset scrolls down
            return
        self.scroll_to_bottom()

    def show_key(self, key: str) -> bool:
        """Centre a row (by key) and highlight it for a moment; False if not loaded."""
        model = self.chat_model()
        row = model.row_of_key(key) if model is not None else -1
        if row < 0:
            return False
        self.scrollTo(model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
        bar = self.verticalScrollBar()
        self._at_bottom = bar.value() >= bar.maximum() - AT_BOTTOM_WITHIN_PX and not model.can_load_newer
        if model.can_load_newer:
            self._offer_latest()
        self.highlight(key)
        return True

    def _offer_latest(self) -> None:
        self.new_messages.setText(self.tr("Latest messages"))
        self.new_messages.show()
        self._place_button()

    @property
    def highlighted_key(self) -> str | None:
        return self._delegate.highlight_key

    def highlight(self, key: str | None) -> None:
        """Light up one bubble (a search hit, a quoted message) for HIGHLIGHT_MS."""
        model = self.chat_model()
        previous, self._delegate.highlight_key = self._delegate.highlight_key, key
        for old_or_new in (previous, key):
            row = model.row_of_key(old_or_new) if model is not None and old_or_new else -1
            if row >= 0:
                self.update(model.index(row, 0))
        if key is not None:
            self._highlight_timer.start()
        else:
            self._highlight_timer.stop()

    def scroll_to_wamid(self, wamid: str) -> None:
        model = self.chat_model()
        row = model.row_of_wamid(wamid) if model is not None else -1
        if row >= 0:
            self.show_key(model.item(row).key)

    def _scrolled(self, value: int) -> None:
        self.prefetch.user_scrolled()
        bar = self.verticalScrollBar()
        model = self.chat_model()
        newer = model is not None and model.can_load_newer
        self._at_bottom = value >= bar.maximum() - AT_BOTTOM_WITHIN_PX and not newer
        if self._at_bottom:
            self.new_messages.hide()
        if value < LOAD_OLDER_WITHIN_PX:
            self._maybe_load_older()
        if newer and value > bar.maximum() - LOAD_NEWER_WITHIN_PX:
            QTimer.singleShot(0, self._load_newer_now)

    def _range_changed(self, minimum: int, maximum: int) -> None:
        bar = self.verticalScrollBar()
        if self._anchor_from_bottom is not None:
            # Older rows went in above: keep what the user was reading where it was.
            anchor, self._anchor_from_bottom = self._anchor_from_bottom, None
            bar.setValue(maximum - anchor)
        elif self._at_bottom:
            bar.setValue(maximum)
        if maximum < LOAD_OLDER_WITHIN_PX or bar.value() < LOAD_OLDER_WITHIN_PX:
            self._maybe_load_older()
        model = self.chat_model()
        if model is not None and model.can_load_newer and bar.value() > maximum - LOAD_NEWER_WITHIN_PX:
            QTimer.singleShot(0, self._load_newer_now)

    def _maybe_load_older(self) -> None:
        model = self.chat_model()
        if model is not None and model.can_load_older and not model.loading_older:
            # Not inside the scroll bar's signal: the insert re-enters the layout.
            QTimer.singleShot(0, self._load_older_now)

    def _load_older_now(self) -> None:
        model = self.chat_model()
        if model is None or not model.can_load_older or model.loading_older:
            return
        bar = self.verticalScrollBar()
        if bar.value() < LOAD_OLDER_WITHIN_PX or bar.maximum() < LOAD_OLDER_WITHIN_PX:
            model.load_older()

    def _load_newer_now(self) -> None:
        model = self.chat_model()
        if model is None or not model.can_load_newer or model.loading_older:
            return
        bar = self.verticalScrollBar()
        if bar.value() > bar.maximum() - LOAD_NEWER_WITHIN_PX:
            model.load_newer()  # rows go in below: what the user reads does not move
            if not model.can_load_newer:
                self.new_messages.hide()

    # -- painting and geometry -----------------------------------------------------------

    def paintEvent(self, event) -> None:
        colour = current_colours()["wallpaper_mark"]
        if self._tile is None or colour != self._tile_colour:
            self._tile, self._tile_colour = wallpaper_tile(QColor(colour)), colour
        painter = QPainter(self.viewport())
        painter.drawTiledPixmap(self.viewport().rect(), self._tile)
        painter.end()
        super().paintEvent(event)
        self._paint_sticky_day()

    def sticky_day(self) -> str:
        """The day of the topmost visible bubble, when its own separator has scrolled
        away (WhatsApp keeps it floating at the top)."""
        index = self.indexAt(QPoint(self.viewport().width() // 2, 2))
        item: ChatItem | None = index.data(ChatModel.ItemRole) if index.isValid() else None
        if item is None:
            return ""
        rect = self.visualRect(index)
        if item.day_header and rect.top() > -30:
            return ""  # its own separator is still in view
        now = int(time.time())
        return formatting.day_label(item.ts, now)

    def _paint_sticky_day(self) -> None:
        text = self.sticky_day()
        if not text:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        style = self._delegate.style_for(self.font())
        painter.setFont(style.bold_small)
        width = painter.fontMetrics().horizontalAdvance(text) + 24
        chip = QRectF((self.viewport().width() - width) / 2, 10, width, 24)
        colours = current_colours()
        ChatDelegate._chip(painter, chip, colours)
        painter.setPen(QColor(colours["day_chip_text"]))
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, text)
        painter.end()

    def layout_width(self) -> float:
        """The width bubbles are measured for: the viewport's with the scroll bar shown."""
        width = self.viewport().width()
        bar = self.verticalScrollBar()
        if not bar.isVisibleTo(self):
            width -= bar.sizeHint().width()
        return float(max(width, 1))

    def resizeEvent(self, event) -> None:
        self._delegate.view_width = self.layout_width()
        super().resizeEvent(event)
        width = self.layout_width()
        if width != self._delegate.view_width:
            self._delegate.view_width = width
            self.scheduleDelayedItemsLayout()
        self._place_button()
        self.prefetch.schedule()  # (a new width: the page read ahead is measured again)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.prefetch.schedule()

    def changeEvent(self, event) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.PaletteChange):
            self._delegate.reset_style()
            self.prefetch.schedule()
        super().changeEvent(event)

    def _place_button(self) -> None:
        colours = current_colours()
        self.new_messages.setIcon(glyphs.icon("arrow_down", colours["accent"], 16))
        hint = self.new_messages.sizeHint()
        self.new_messages.resize(hint)
        self.new_messages.move(self.width() - hint.width() - 24, self.height() - hint.height() - 16)
        self.new_messages.raise_()

    def _option_for(self, index: QModelIndex) -> QStyleOptionViewItem:
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        option.rect = self.visualRect(index)
        return option

    def mouseMoveEvent(self, event) -> None:
        super().mouseMoveEvent(event)
        index = self.indexAt(event.position().toPoint())
        hit = self._delegate.hit(self._option_for(index), index, event.position()) if index.isValid() else None
        pointing = hit is not None and hit.kind in ("link", "media", "quote", "status")
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor if pointing else Qt.CursorShape.ArrowCursor)

    def sizeHint(self) -> QSize:
        return QSize(480, 400)

    # -- the context menu ----------------------------------------------------------------

    def _context_menu(self, pos: QPoint) -> None:
        index = self.indexAt(pos)
        item: ChatItem | None = index.data(ChatModel.ItemRole) if index.isValid() else None
        if item is None:
            return
        menu = self.menu_for(item)
        if not menu.isEmpty():
            menu.exec(self.viewport().mapToGlobal(pos))

    def menu_for(self, item: ChatItem) -> QMenu:
        menu = QMenu(self)
        message = item.message
        usable = message is not None and item.kind not in (mk.DELETED, NOTE, mk.SYSTEM)
        if usable and message.wamid:
            menu.addAction(glyphs.icon("reply", current_colours()["muted"]), self.tr("Reply"),
                           lambda: self.reply_requested.emit(item.key))
            react = menu.addMenu(glyphs.icon("smile", current_colours()["muted"]), self.tr("React"))
            names = (self.tr("Like"), self.tr("Love"), self.tr("Laugh"), self.tr("Surprised"),
                     self.tr("Sad"), self.tr("Thanks"))
            for emoji, name in zip(QUICK_REACTIONS, names):
                react.addAction(f"{emoji}  {name}", lambda e=emoji: self.react_requested.emit(message.id, e))
            if any(r.reactor == "business" for r in item.reactions):
                react.addSeparator()
                react.addAction(self.tr("Remove your reaction"), lambda: self.react_requested.emit(message.id, ""))
        if item.text and item.kind != mk.DELETED:
            menu.addAction(self.tr("Copy text"), lambda: QGuiApplication.clipboard().setText(item.text or ""))
        if usable and message.media_file and item.kind in mk.MEDIA_KINDS:
            menu.addAction(self.tr("Open"), lambda: self.media_requested.emit(message.id))
            menu.addAction(self.tr("Save as…"), lambda: self.save_requested.emit(message.id))
        if message is not None and item.status == "failed":
            if window_refused(message):  # sending it again would fail the same way
                menu.addAction(self.tr("Send a template"), lambda: self.template_requested.emit(message.id))
            else:
                menu.addAction(self.tr("Try again"), lambda: self.retry_requested.emit(message.id))
        return menu

    def pixel_of(self, row: int) -> QPointF:
        """The top-left of a row in viewport coordinates (tests, scrolling helpers)."""
        model = self.chat_model()
        return QPointF(self.visualRect(model.index(row, 0)).topLeft()) if model is not None else QPointF()
