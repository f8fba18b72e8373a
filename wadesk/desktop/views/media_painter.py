"""Painting the media part of a bubble: photos and videos, stickers, documents, voice
messages and audio, locations and contact cards. The rectangles come from
bubble_layout; this module only fills them.
"""

from __future__ import annotations

import zlib
from pathlib import PurePath

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from wadesk.core.phone_format import format_number
from wadesk.desktop import formatting
from wadesk.desktop import message_kinds as mk
from wadesk.desktop.chat_items import ChatItem
from wadesk.desktop.media_cache import MediaCache
from wadesk.desktop.views import glyphs
from wadesk.desktop.views.avatar import paint_avatar
from wadesk.desktop.views.bubble_layout import BubbleStyle

_EXTENSION_COLOURS = {"PDF": "#e5534b", "DOC": "#3b7ddd", "DOCX": "#3b7ddd", "XLS": "#2f9e5b",
                      "XLSX": "#2f9e5b", "PPT": "#e07b39", "PPTX": "#e07b39", "TXT": "#7d8a96"}


def _size_line(item: ChatItem, label: str) -> str:
    size = formatting.file_size(item.message.media_size if item.message else None)
    return f"{label} · {size}" if size else label


def _elided(painter: QPainter, rect: QRectF, text: str, font: QFont, colour: QColor,
            align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter) -> None:
    painter.setFont(font)
    painter.setPen(colour)
    painter.drawText(rect, align, QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width()))


def paint_media(painter: QPainter, item: ChatItem, rect: QRectF, colours: dict[str, str],
                style: BubbleStyle, media: MediaCache | None) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if item.kind in (mk.PHOTO, mk.VIDEO, mk.STICKER):
        _visual(painter, item, rect, colours, style, media)
    elif item.kind == mk.DOCUMENT:
        _document(painter, item, rect, colours, style)
    elif item.kind in (mk.VOICE, mk.AUDIO):
        _audio(painter, item, rect, colours, style, media)
    elif item.kind == mk.LOCATION:
        _location(painter, item, rect, colours, style)
    elif item.kind == mk.CONTACT:
        _contacts(painter, item, rect, colours, style)
    painter.restore()


def _card_colour(item: ChatItem, colours: dict[str, str]) -> QColor:
    return QColor(colours["quote_out" if item.outgoing else "quote_in"])


def _visual(painter: QPainter, item: ChatItem, rect: QRectF, colours: dict[str, str],
            style: BubbleStyle, media: MediaCache | None) -> None:
    message = item.message
    sticker, video = item.kind == mk.STICKER, item.kind == mk.VIDEO
    image = None
    # No frame is taken from a video (Qt cannot decode one): its file, often the
    # largest in a chat, is not decrypted just to fail.
    if media is not None and message is not None and message.media_file and not video:
        image = media.thumbnail(message.id, sticker=sticker)
    clip = QPainterPath()
    clip.addRoundedRect(rect, 6, 6)
    if image is not None:
        painter.setClipPath(clip)
        painter.drawImage(rect, image)
        painter.setClipping(False)
    elif not sticker:
        painter.fillPath(clip, QColor("#3b4a54") if video else _card_colour(item, colours).darker(104))
        if not video:  # a video gets the play button instead
            glyphs.draw(painter, "camera", QRectF(rect.center().x() - 22, rect.center().y() - 34, 44, 44),
                        QColor(colours["muted"]), 1.6)
        state = media.state(message.id) if media is not None and message is not None else None
        if message is not None and not message.media_file:
            note = QCoreApplication.translate("media_painter", "Not downloaded yet")
        elif video:
            note = ""  # downloaded: the play button says what to do
        elif state == "error":
            note = QCoreApplication.translate("media_painter", "The file cannot be shown")
        else:
            note = QCoreApplication.translate("media_painter", "Loading…")
        note_colour = QColor("#d1d7db") if video else QColor(colours["muted"])
        _elided(painter, QRectF(rect.left() + 8, rect.center().y() + (34 if video else 14), rect.width() - 16, 20),
                note, style.small, note_colour, Qt.AlignmentFlag.AlignCenter)
    if video:
        centre = rect.center()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 120))
        painter.drawEllipse(centre, 26, 26)
        glyphs.draw(painter, "play", QRectF(centre.x() - 13, centre.y() - 13, 28, 28), QColor("#ffffff"))
        label = _size_line(item, mk.kind_label(mk.VIDEO))
        painter.setFont(style.small)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(QRectF(rect.left() + 10, rect.top() + 8, rect.width() - 20, 18),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)


def _document(painter: QPainter, item: ChatItem, rect: QRectF, colours: dict[str, str], style: BubbleStyle) -> None:
    message = item.message
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(_card_colour(item, colours))
    painter.drawRoundedRect(rect, 6, 6)
    name = (message.media_filename if message else None) or mk.kind_label(mk.DOCUMENT)
    extension = PurePath(name).suffix.lstrip(".").upper()[:4] or "FILE"
    tile = QRectF(rect.left() + 10, rect.top() + 10, 30, 38)
    painter.setBrush(QColor(_EXTENSION_COLOURS.get(extension, "#7d8a96")))
    painter.drawRoundedRect(tile, 4, 4)
    tag = QFont(style.small)
    tag.setWeight(QFont.Weight.Bold)
    tag.setPointSizeF(style.small.pointSizeF() * 0.85)
    _elided(painter, tile.adjusted(1, 14, -1, 0), extension, tag, QColor("#ffffff"), Qt.AlignmentFlag.AlignHCenter)
    text_left = tile.right() + 10
    text_w = rect.right() - 44 - text_left
    _elided(painter, QRectF(text_left, rect.top() + 10, text_w, 20), name, style.text, QColor(colours["text"]))
    _elided(painter, QRectF(text_left, rect.top() + 30, text_w, 18), _size_line(item, extension),
            style.small, QColor(colours["muted"]))
    glyphs.draw(painter, "download", QRectF(rect.right() - 36, rect.center().y() - 12, 24, 24),
                QColor(colours["muted"]))


def _audio(painter: QPainter, item: ChatItem, rect: QRectF, colours: dict[str, str],
           style: BubbleStyle, media: MediaCache | None) -> None:
    message = item.message
    centre = QPointF(rect.left() + 26, rect.top() + 24)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colours["accent"]))
    painter.drawEllipse(centre, 19, 19)
    glyphs.draw(painter, "play", QRectF(centre.x() - 9, centre.y() - 10, 21, 21), QColor("#ffffff"))
    if item.kind == mk.VOICE:
        glyphs.draw(painter, "mic", QRectF(centre.x() + 8, centre.y() + 7, 15, 15), QColor(colours["accent"]), 2.4)
    # A waveform drawn from the message id: WhatsApp shows one, and without a decoder
    # (QtMultimedia is not shipped) a stable pattern reads better than an empty bar.
    seed = zlib.crc32(str(message.id if message else 0).encode())
    bars_left, bars_right = rect.left() + 56, rect.right() - 12
    count = int((bars_right - bars_left) / 5)
    painter.setBrush(QColor(colours["muted"]))
    for i in range(count):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        h = 4 + (seed >> 16) % 18
        painter.drawRoundedRect(QRectF(bars_left + i * 5, centre.y() - h / 2, 3, h), 1.5, 1.5)
    length = None
    if media is not None and message is not None and message.media_file and item.kind == mk.VOICE:
        length = media.audio_duration(message.id)
    label = formatting.duration(length) if length is not None else formatting.file_size(
        message.media_size if message else None)
    if message is not None and not message.media_file:
        label = _size_line(item, QCoreApplication.translate("media_painter", "Not downloaded yet"))
    _elided(painter, QRectF(bars_left, rect.bottom() - 17, bars_right - bars_left, 16), label,
            style.small, QColor(colours["muted"]))


def _location(painter: QPainter, item: ChatItem, rect: QRectF, colours: dict[str, str], style: BubbleStyle) -> None:
    dark = QColor(colours["panel"]).lightness() < 128
    map_rect = QRectF(rect.left(), rect.top(), rect.width(), rect.height() - 46)
    clip = QPainterPath()
    clip.addRoundedRect(map_rect, 6, 6)
    painter.setClipPath(clip)
    painter.fillRect(map_rect, QColor("#2a3831" if dark else "#e9efe5"))
    # A drawn street map rather than downloaded tiles: no request leaves the PC
    # until the user chooses to open the real map.
    painter.fillRect(QRectF(map_rect.left() + map_rect.width() * 0.62, map_rect.top() + 12, 70, 48),
                     QColor("#2f4a39" if dark else "#cfe5c4"))
    river = QPainterPath(QPointF(map_rect.left(), map_rect.bottom() - 22))
    river.cubicTo(map_rect.left() + 90, map_rect.bottom() - 52, map_rect.left() + 170, map_rect.bottom(),
                  map_rect.right(), map_rect.bottom() - 30)
    painter.setPen(QPen(QColor("#2b4a5e" if dark else "#b5d3e7"), 9))
    painter.drawPath(river)
    road = QColor("#3d4d45" if dark else "#ffffff")
    painter.setPen(QPen(road, 6))
    painter.drawLine(QPointF(map_rect.left(), map_rect.top() + 44), QPointF(map_rect.right(), map_rect.top() + 30))
    painter.drawLine(QPointF(map_rect.left() + 70, map_rect.top()), QPointF(map_rect.left() + 120, map_rect.bottom()))
    painter.setPen(QPen(road, 3))
    painter.drawLine(QPointF(map_rect.left() + 180, map_rect.top()), QPointF(map_rect.left() + 150, map_rect.bottom()))
    painter.drawLine(QPointF(map_rect.left(), map_rect.top() + 92), QPointF(map_rect.right(), map_rect.top() + 80))
    painter.setClipping(False)
    pin = QRectF(map_rect.center().x() - 16, map_rect.center().y() - 30, 32, 32)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#e5534b"))
    tip, top, mid = pin.bottom() + 2, pin.top() + 2, pin.center()
    path = QPainterPath(QPointF(mid.x(), tip))
    path.cubicTo(pin.left() + 2, mid.y() + 6, pin.left() + 2, top + 2, mid.x(), top)
    path.cubicTo(pin.right() - 2, top + 2, pin.right() - 2, mid.y() + 6, mid.x(), tip)
    painter.drawPath(path)
    painter.setBrush(QColor("#ffffff"))
    painter.drawEllipse(QPointF(pin.center().x(), pin.top() + 12), 4.5, 4.5)
    name = item.details.get("name") or mk.kind_label(mk.LOCATION)
    address = item.details.get("address") or QCoreApplication.translate("media_painter", "Open in OpenStreetMap")
    bold = QFont(style.text)
    bold.setWeight(QFont.Weight.DemiBold)
    _elided(painter, QRectF(rect.left() + 4, map_rect.bottom() + 5, rect.width() - 8, 20), name, bold,
            QColor(colours["text"]))
    _elided(painter, QRectF(rect.left() + 4, map_rect.bottom() + 24, rect.width() - 8, 18), address,
            style.small, QColor(colours["link"]))


def _contacts(painter: QPainter, item: ChatItem, rect: QRectF, colours: dict[str, str], style: BubbleStyle) -> None:
    cards = item.details.get("cards") or [{"name": mk.kind_label(mk.CONTACT), "phones": []}]
    height = rect.height() / len(cards)
    for i, card in enumerate(cards):
        row = QRectF(rect.left(), rect.top() + i * height, rect.width(), height)
        name = card.get("name") or mk.kind_label(mk.CONTACT)
        paint_avatar(painter, QRectF(row.left() + 8, row.center().y() - 18, 36, 36), name)
        bold = QFont(style.text)
        bold.setWeight(QFont.Weight.DemiBold)
        _elided(painter, QRectF(row.left() + 54, row.top() + 6, row.width() - 60, 20), name, bold,
                QColor(colours["text"]))
        phones = card.get("phones") or []
        phone = format_number("".join(ch for ch in phones[0] if ch.isdigit())) if phones else ""
        _elided(painter, QRectF(row.left() + 54, row.top() + 26, row.width() - 60, 18), phone, style.small,
                QColor(colours["muted"]))
        if i:
            painter.setPen(QColor(colours["border"]))
            painter.drawLine(QPointF(row.left() + 54, row.top()), QPointF(row.right(), row.top()))
