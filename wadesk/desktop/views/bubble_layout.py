"""The geometry of one chat row, computed by ONE function for paint, sizeHint and
hit-testing alike (as Ruqola and Nheko do): what is painted is exactly what was
measured, and a click lands on exactly what is painted.

A row is, top to bottom: an optional day separator, then the bubble (the colleague's
name, a quoted message, a media box, the text, the time and ticks), then the
reactions pill overlapping the bubble's lower edge. Coordinates are relative to the
row's top-left corner. Layouts are cached (LayoutCache) per row, for one view width, so
scrolling lays out each bubble once; the chat view fills the cache ahead of time for
the next older page (older_page_prefetch.py), so loading history measures nothing.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSizeF
from PySide6.QtGui import QFont, QFontMetricsF, QTextCursor, QTextDocument

from wadesk.desktop import formatting, message_kinds as mk, time_format
from wadesk.desktop.chat_items import NOTE, ChatItem
from wadesk.desktop.rich_text import to_html

MAX_SHARE = 0.65  # of the view's width, like WhatsApp
PAD_X, PAD_TOP, PAD_BOTTOM = 9.0, 6.0, 7.0
MEDIA_PAD = 3.0
PHOTO = QSizeF(300, 225)
STICKER = QSizeF(150, 150)
CARD_WIDTH = 280.0
DOC_HEIGHT, AUDIO_HEIGHT, CONTACT_HEIGHT = 58.0, 54.0, 52.0
MAP_HEIGHT = 130.0
DAY_HEIGHT = 44.0
REACTION_HEIGHT = 28.0
LAST_ROW_ROOM = 12.0
TICKS_WIDTH = 19.0
FOOTER_GAP = 10.0


@dataclass(slots=True)
class BubbleStyle:
    """Fonts and measures the layout needs, derived from the view's font."""

    text: QFont
    small: QFont
    bold_small: QFont
    emoji: QFont
    fm: QFontMetricsF
    fm_small: QFontMetricsF
    link_colour: str
    fm_bold_small: QFontMetricsF
    fm_emoji: QFontMetricsF

    @classmethod
    def for_font(cls, base: QFont, link_colour: str = "#027eb5") -> BubbleStyle:
        text = QFont(base)
        text.setPointSizeF(base.pointSizeF() * 1.05)
        small = QFont(base)
        small.setPointSizeF(base.pointSizeF() * 0.8)
        bold_small = QFont(base)
        bold_small.setPointSizeF(base.pointSizeF() * 0.88)
        bold_small.setWeight(QFont.Weight.DemiBold)
        emoji = QFont(base)
        emoji.setPointSizeF(base.pointSizeF() * 1.3)
        return cls(text, small, bold_small, emoji, QFontMetricsF(text), QFontMetricsF(small), link_colour,
                   QFontMetricsF(bold_small), QFontMetricsF(emoji))


@dataclass(slots=True)
class BubbleLayout:
    width: float  # the view width it was made for
    height: float
    bubble: QRectF
    day_rect: QRectF | None = None
    day_text: str = ""
    sender_rect: QRectF | None = None
    header_rect: QRectF | None = None  # a note's "Internal note — not sent" line
    quote_rect: QRectF | None = None
    media_rect: QRectF | None = None
    text_pos: QPointF | None = None
    doc: QTextDocument | None = None
    footer_rect: QRectF = field(default_factory=QRectF)
    footer_text: str = ""
    footer_on_media: bool = False  # white time over a photo without caption
    reactions_rect: QRectF | None = None
    reactions_text: str = ""
    centred: bool = False


def footer_text(item: ChatItem) -> str:
    time = time_format.clock_time(item.ts)
    if item.status == "failed":
        return QCoreApplication.translate("bubble_layout", "Not delivered") + "  " + time
    if item.edited:
        return QCoreApplication.translate("bubble_layout", "edited") + "  " + time
    return time


def note_header() -> str:
    return QCoreApplication.translate("bubble_layout", "Internal note — not sent to the customer")


def map_url(latitude: float, longitude: float) -> str:
    """OpenStreetMap centred on the point, with a marker (no account, no tracking)."""
    return (f"https://www.openstreetmap.org/?mlat={latitude:.6f}&mlon={longitude:.6f}"
            f"#map=17/{latitude:.6f}/{longitude:.6f}")


def _text_of(item: ChatItem) -> str | None:
    if item.kind == mk.DELETED or item.kind == mk.UNSUPPORTED:
        return mk.kind_label(item.kind)
    if item.kind == mk.REPLY_BUTTON:
        return item.text or item.details.get("title")
    if item.kind == mk.LOCATION:
        return None  # name and address are part of the map card
    return item.text


MARKER_INDENT = 22.0  # room for the glyph in front of "This message was deleted"


def _document(text: str, width: float, style: BubbleStyle, plain: bool, marker: bool = False) -> QTextDocument:
    doc = QTextDocument()
    font = QFont(style.text)
    font.setItalic(marker)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    if plain:
        doc.setPlainText(text)
    else:
        doc.setHtml(to_html(text, style.link_colour))
    if marker:
        cursor = QTextCursor(doc)
        block = cursor.blockFormat()
        block.setTextIndent(MARKER_INDENT)
        cursor.setBlockFormat(block)
    doc.setTextWidth(width)
    ideal = math.ceil(doc.idealWidth())
    if ideal < width and (marker or not _flush_left(doc)):
        # Right-aligned (a right-to-left script) or indented lines sit relative to the
        # text width: narrow it to the bubble's. Flush-left lines wrap and sit the same
        # at any width >= their widest line, so they skip this second layout pass.
        doc.setTextWidth(ideal)
    return doc


def _flush_left(doc: QTextDocument) -> bool:
    """Whether every laid-out line starts at x = 0."""
    block = doc.begin()
    while block.isValid():
        layout = block.layout()
        for i in range(layout.lineCount() if layout is not None else 0):
            if layout.lineAt(i).x() > 0.5:
                return False
        block = block.next()
    return True


def _last_line_width(doc: QTextDocument) -> float:
    block = doc.lastBlock()
    layout = block.layout()
    if layout is None or layout.lineCount() == 0:
        return 0.0
    line = layout.lineAt(layout.lineCount() - 1)
    return line.x() + line.naturalTextWidth()


def _media_size(item: ChatItem, inner: float) -> QSizeF | None:
    if item.kind in (mk.PHOTO, mk.VIDEO):
        w = min(PHOTO.width(), inner)
        return QSizeF(w, round(w * PHOTO.height() / PHOTO.width()))
    if item.kind == mk.STICKER:
        return QSizeF(STICKER)
    width = min(CARD_WIDTH, inner)
    if item.kind == mk.DOCUMENT:
        return QSizeF(width, DOC_HEIGHT)
    if item.kind in (mk.VOICE, mk.AUDIO):
        return QSizeF(width, AUDIO_HEIGHT)
    if item.kind == mk.LOCATION:
        return QSizeF(width, MAP_HEIGHT + 46)
    if item.kind == mk.CONTACT:
        return QSizeF(width, CONTACT_HEIGHT * max(1, len(item.details.get("cards") or [None])))
    return None


def layout_item(item: ChatItem, width: float, style: BubbleStyle, now: int) -> BubbleLayout:
    """The row's geometry for a view `width` pixels wide."""
    y = 0.0
    day_rect, day_text = None, ""
    if item.day_header:
        day_text = formatting.day_label(item.ts, now)
        chip_w = style.fm_bold_small.horizontalAdvance(day_text) + 24
        day_rect = QRectF((width - chip_w) / 2, 10, chip_w, 24)
        y = DAY_HEIGHT
    else:
        y = 8.0 if item.first_in_run else 2.0
    if item.kind == mk.SYSTEM:
        return _centred_chip(item, width, y, style, day_rect, day_text)

    side = max(12.0, min(56.0, width * 0.05))
    note = item.kind == NOTE
    max_w = min(width * (0.7 if note else MAX_SHARE), width - 2 * side, 560.0 if note else 10_000.0)
    max_w = max(max_w, 160.0)
    inner = max_w - 2 * PAD_X
    fm_small = style.fm_small

    # Measure the parts' widths first; the bubble is as wide as the widest part.
    foot_text = footer_text(item)
    foot_w = fm_small.horizontalAdvance(foot_text) + (TICKS_WIDTH if item.outgoing and not note else 0)
    sender_w = header_w = 0.0
    if (item.sender and item.first_in_run) or (note and item.sender):
        sender_w = style.fm_bold_small.horizontalAdvance(item.sender or "")
    if note:
        header_w = style.fm_bold_small.horizontalAdvance(note_header()) + 22
    media = _media_size(item, max_w - 2 * MEDIA_PAD)
    if media is not None:
        # A caption wraps to the width of its photo or card, as in WhatsApp.
        max_w = media.width() + 2 * MEDIA_PAD
        inner = max_w - 2 * PAD_X
    text = _text_of(item)
    marker = item.kind in (mk.DELETED, mk.UNSUPPORTED)
    doc = _document(text, inner, style, plain=marker, marker=marker) if text else None
    text_w = doc.idealWidth() if doc else 0.0
    inline_footer = False
    if doc is not None:
        last = _last_line_width(doc)
        inline_footer = last + FOOTER_GAP + foot_w <= inner
        text_w = max(text_w, last + FOOTER_GAP + foot_w) if inline_footer else text_w
    content_w = max(text_w, sender_w, header_w, foot_w, 140.0 if item.quote else 0.0)
    bubble_w = min(max_w, content_w + 2 * PAD_X)
    if media is not None:
        bubble_w = max(bubble_w, media.width() + 2 * MEDIA_PAD)
    bubble_w = math.ceil(bubble_w)

    if note:
        x = (width - bubble_w) / 2
    elif item.outgoing:
        x = width - side - bubble_w
    else:
        x = side
    top = y
    cy = top + PAD_TOP
    layout = BubbleLayout(width=width, height=0, bubble=QRectF(), day_rect=day_rect, day_text=day_text,
                          centred=note, footer_text=foot_text)
    if note:
        layout.header_rect = QRectF(x + PAD_X, cy, bubble_w - 2 * PAD_X, fm_small.height() + 2)
        cy = layout.header_rect.bottom() + 2
    if sender_w:
        layout.sender_rect = QRectF(x + PAD_X, cy, bubble_w - 2 * PAD_X, style.fm_bold_small.height())
        cy = layout.sender_rect.bottom() + 2
    if item.quote is not None:
        layout.quote_rect = QRectF(x + MEDIA_PAD + 2, cy, bubble_w - 2 * MEDIA_PAD - 4, 2 * fm_small.height() + 18)
        cy = layout.quote_rect.bottom() + 5
    if media is not None:
        if cy == top + PAD_TOP:
            cy = top + MEDIA_PAD  # media sits flush under the bubble's edge
        layout.media_rect = QRectF(x + (bubble_w - media.width()) / 2, cy, media.width(), media.height())
        cy = layout.media_rect.bottom() + (PAD_TOP if doc else 0)
    foot_h = fm_small.height()
    if doc is not None:
        layout.doc = doc
        layout.text_pos = QPointF(x + PAD_X, cy)
        cy += doc.size().height()
        if inline_footer:
            layout.footer_rect = QRectF(x + bubble_w - PAD_X - foot_w, cy - foot_h + 2, foot_w, foot_h)
            cy += PAD_BOTTOM - 2
        else:
            layout.footer_rect = QRectF(x + bubble_w - PAD_X - foot_w, cy + 1, foot_w, foot_h)
            cy += foot_h + PAD_BOTTOM
    elif media is not None and item.kind in (mk.PHOTO, mk.VIDEO, mk.STICKER):
        m = layout.media_rect
        layout.footer_rect = QRectF(m.right() - 8 - foot_w, m.bottom() - 6 - foot_h, foot_w, foot_h)
        layout.footer_on_media = True
        cy += MEDIA_PAD
    else:
        layout.footer_rect = QRectF(x + bubble_w - PAD_X - foot_w, cy + 2, foot_w, foot_h)
        cy += foot_h + PAD_BOTTOM
    layout.bubble = QRectF(x, top, bubble_w, cy - top)
    bottom = cy
    if item.reactions:
        layout.reactions_text = " ".join(r.emoji for r in item.reactions)
        pill_w = style.fm_emoji.horizontalAdvance(layout.reactions_text) + 16
        px = x + bubble_w - pill_w - 10 if item.outgoing else x + 10
        layout.reactions_rect = QRectF(px, cy - 5, pill_w, REACTION_HEIGHT)
        bottom = layout.reactions_rect.bottom()
    layout.height = math.ceil(bottom + (LAST_ROW_ROOM if item.last else 1))
    return layout


def _centred_chip(item: ChatItem, width: float, y: float, style: BubbleStyle,
                  day_rect: QRectF | None, day_text: str) -> BubbleLayout:
    text = item.text or mk.kind_label(item.kind)
    inner = min(width * 0.7, 520.0)
    doc = _document(text, inner, style, plain=True)
    w = doc.idealWidth() + 24
    bubble = QRectF((width - w) / 2, y + 2, w, doc.size().height() + 12)
    room = LAST_ROW_ROOM if item.last else 4
    return BubbleLayout(width=width, height=math.ceil(bubble.bottom() + room), bubble=bubble, day_rect=day_rect,
                        day_text=day_text, text_pos=QPointF(bubble.x() + 12, bubble.y() + 6), doc=doc,
                        centred=True)


Flags = tuple[bool, bool, bool]  # a row's day separator, first of a run, last row


def flags_of(item: ChatItem) -> Flags:
    return item.day_header, item.first_in_run, item.last


class LayoutCache:
    """Layouts by row, for one view width: another width empties the cache (every
    bubble wraps anew).

    An entry belongs to one ChatItem object, which stands for one version of its
    message: the model makes a new item whenever the content changes (an edit, a
    reaction, a status, a revoke), so a changed message is measured again. Only the
    flags that depend on the neighbours change in place; they are part of the key, so
    a row can also be measured ahead for the flags it is about to get (the first
    loaded row, once older history goes in above it).
    """

    def __init__(self, capacity: int = 4000) -> None:
        self._entries: OrderedDict[str, tuple[ChatItem, dict[Flags, BubbleLayout]]] = OrderedDict()
        self._capacity = capacity
        self._width: float | None = None
        self.computed = 0  # layouts made since the start (statistics; the tests count with it)

    @property
    def width(self) -> float | None:
        return self._width

    def find(self, item: ChatItem, width: float, flags: Flags | None = None) -> BubbleLayout | None:
        """The cached layout, or None: nothing is computed."""
        entry = self._entries.get(item.key) if width == self._width else None
        if entry is None or entry[0] is not item:
            return None
        return entry[1].get(flags_of(item) if flags is None else flags)

    def get(self, item: ChatItem, width: float, style: BubbleStyle, now: int,
            flags: Flags | None = None) -> BubbleLayout:
        """The layout of `item` (with other neighbour `flags`, if given), measured if
        it is not cached."""
        if width != self._width:
            self._entries.clear()
            self._width = width
        flags = flags_of(item) if flags is None else flags
        entry = self._entries.get(item.key)
        if entry is not None and entry[0] is item:
            self._entries.move_to_end(item.key)
            layout = entry[1].get(flags)
            if layout is not None:
                return layout
        else:
            entry = (item, {})
            self._entries[item.key] = entry
            self._entries.move_to_end(item.key)
            if len(self._entries) > self._capacity:
                self._entries.popitem(last=False)
        measured = item if flags == flags_of(item) else replace(
            item, day_header=flags[0], first_in_run=flags[1], last=flags[2])
        layout = layout_item(measured, width, style, now)
        self.computed += 1
        entry[1][flags] = layout
        return layout

    def drop(self, key: str, keep: ChatItem | None = None) -> None:
        """Forget the row's layouts, unless they belong to `keep` (the row's current
        item: only its flags changed, and those are part of the key)."""
        entry = self._entries.get(key)
        if entry is not None and entry[0] is not keep:
            del self._entries[key]

    def clear(self) -> None:
        self._entries.clear()

    def __contains__(self, key: str) -> bool:
        return key in self._entries

    def __len__(self) -> int:
        return len(self._entries)


@dataclass(frozen=True, slots=True)
class Hit:
    """What is under the mouse: "link" (value: the URL), "media", "quote" (value: the
    quoted wamid), "reactions", "status" (a failed message's mark) or "bubble"."""

    kind: str
    value: str = ""


def hit_test(layout: BubbleLayout, item: ChatItem, pos: QPointF) -> Hit | None:
    """The part of the row at `pos` (row coordinates), from the same layout as paint."""
    if layout.doc is not None and layout.text_pos is not None:
        anchor = layout.doc.documentLayout().anchorAt(pos - layout.text_pos)
        if anchor:
            return Hit("link", anchor)
    if layout.reactions_rect is not None and layout.reactions_rect.contains(pos):
        return Hit("reactions")
    if layout.media_rect is not None and layout.media_rect.contains(pos):
        if item.kind == mk.LOCATION:
            if "latitude" in item.details:
                return Hit("link", map_url(item.details["latitude"], item.details["longitude"]))
            return Hit("bubble")
        if item.kind == mk.CONTACT:
            return Hit("bubble")
        return Hit("media")
    if layout.quote_rect is not None and layout.quote_rect.contains(pos) and item.quote is not None:
        return Hit("quote", item.quote.wamid)
    if item.status == "failed" and layout.footer_rect.adjusted(-4, -4, 4, 4).contains(pos):
        return Hit("status")
    if layout.bubble.contains(pos):
        return Hit("bubble")
    return None
