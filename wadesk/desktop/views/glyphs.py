"""Small line icons drawn with QPainter: message kinds, ticks, composer buttons.

Drawn rather than taken from a font so that they look the same on every system, take
the theme's colours, and never depend on an emoji font. Each glyph is designed in a
24 x 24 box and scaled to the rectangle it is painted into.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

_STROKE = 1.9


def _poly(*points: tuple[float, float]) -> QPolygonF:
    return QPolygonF([QPointF(x, y) for x, y in points])


def _line(p: QPainter, *points: tuple[float, float]) -> None:
    p.drawPolyline(_poly(*points))


def _camera(p: QPainter) -> None:
    path = QPainterPath()
    path.addRoundedRect(QRectF(3, 7, 18, 12.5), 2.5, 2.5)
    p.drawPath(path)
    _line(p, (8, 7), (9.6, 4.5), (14.4, 4.5), (16, 7))
    p.drawEllipse(QPointF(12, 13.2), 3.4, 3.4)


def _video(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(2.5, 6.5, 13, 11), 2.2, 2.2)
    p.drawPolygon(_poly((15.5, 10.5), (21, 7.5), (21, 16.5), (15.5, 13.5)))


def _mic(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(9, 3, 6, 11), 3, 3)
    path = QPainterPath(QPointF(6, 11))
    path.arcTo(QRectF(6, 5, 12, 12), 180, 180)
    p.drawPath(path)
    _line(p, (12, 17), (12, 21))
    _line(p, (9, 21), (15, 21))


def _music(p: QPainter) -> None:
    _line(p, (9.5, 17.5), (9.5, 5.5), (19, 3.5), (19, 15.5))
    p.save()
    p.setBrush(p.pen().color())
    p.drawEllipse(QPointF(7.3, 17.5), 2.3, 2.0)
    p.drawEllipse(QPointF(16.8, 15.5), 2.3, 2.0)
    p.restore()


def _document(p: QPainter) -> None:
    p.drawPolygon(_poly((6, 3), (14, 3), (19, 8), (19, 21), (6, 21)))
    _line(p, (14, 3), (14, 8), (19, 8))
    _line(p, (9, 13), (16, 13))
    _line(p, (9, 16.5), (16, 16.5))


def _sticker(p: QPainter) -> None:
    p.drawPolygon(_poly((4, 4), (20, 4), (20, 13.5), (13.5, 20), (4, 20)))
    _line(p, (20, 13.5), (15.5, 13.5), (13.5, 15.5), (13.5, 20))


def _pin(p: QPainter) -> None:
    path = QPainterPath(QPointF(12, 21.5))
    path.cubicTo(8.5, 17, 5, 13.5, 5, 9.5)
    path.arcTo(QRectF(5, 2.5, 14, 14), 180, -180)
    path.cubicTo(19, 13.5, 15.5, 17, 12, 21.5)
    p.drawPath(path)
    p.drawEllipse(QPointF(12, 9.5), 2.5, 2.5)


def _person(p: QPainter) -> None:
    p.drawEllipse(QPointF(12, 8), 3.8, 3.8)
    path = QPainterPath(QPointF(4.5, 20.5))
    path.cubicTo(5.5, 15.5, 9, 14, 12, 14)
    path.cubicTo(15, 14, 18.5, 15.5, 19.5, 20.5)
    p.drawPath(path)


def _blocked(p: QPainter) -> None:
    p.drawEllipse(QPointF(12, 12), 8, 8)
    _line(p, (6.4, 17.6), (17.6, 6.4))


def _warning(p: QPainter) -> None:
    p.drawPolygon(_poly((12, 3.5), (21, 19.5), (3, 19.5)))
    _line(p, (12, 9.5), (12, 13.5))
    p.drawPoint(QPointF(12, 16.6))


def _clock(p: QPainter) -> None:
    p.drawEllipse(QPointF(12, 12), 8, 8)
    _line(p, (12, 7.5), (12, 12), (15, 14))


def _tick(p: QPainter) -> None:
    _line(p, (4.5, 12.5), (9, 17), (19.5, 6.5))


def _double_tick(p: QPainter) -> None:
    _line(p, (1.5, 12.5), (6, 17), (16.5, 6.5))
    _line(p, (10.8, 16.2), (11.6, 17), (22, 6.5))


def _failed(p: QPainter) -> None:
    colour = p.pen().color()
    p.save()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    p.drawEllipse(QPointF(12, 12), 9, 9)
    p.setPen(QPen(QColor("#ffffff"), 2.4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    _line(p, (12, 7), (12, 13))
    p.drawPoint(QPointF(12, 16.8))
    p.restore()


def _paperclip(p: QPainter) -> None:
    p.save()
    p.translate(12, 12)
    p.rotate(40)
    p.translate(-12, -12)
    path = QPainterPath(QPointF(15.5, 8.5))
    path.lineTo(15.5, 16.5)
    path.arcTo(QRectF(8.5, 13, 7, 7), 0, -180)
    path.lineTo(8.5, 6)
    path.arcTo(QRectF(8.5, 2.5, 5, 5), 180, -180)
    path.lineTo(13.5, 15.5)
    path.arcTo(QRectF(10.5, 14, 3, 3), 0, -180)
    path.lineTo(10.5, 8.5)
    p.drawPath(path)
    p.restore()


def _send(p: QPainter) -> None:
    p.save()
    p.setBrush(p.pen().color())
    p.drawPolygon(_poly((3.5, 20), (21, 12), (3.5, 4), (3.5, 10.3), (14, 12), (3.5, 13.7)))
    p.restore()


def _smile(p: QPainter) -> None:
    p.drawEllipse(QPointF(12, 12), 8.5, 8.5)
    p.drawPoint(QPointF(9, 10))
    p.drawPoint(QPointF(15, 10))
    path = QPainterPath()
    path.arcMoveTo(QRectF(7.5, 8.5, 9, 7.5), 200)
    path.arcTo(QRectF(7.5, 8.5, 9, 7.5), 200, 140)
    p.drawPath(path)


def _template(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(4, 3.5, 16, 17), 2.5, 2.5)
    _line(p, (8, 8.5), (16, 8.5))
    _line(p, (8, 12), (16, 12))
    _line(p, (8, 15.5), (12.5, 15.5))


def _note(p: QPainter) -> None:
    p.drawPolygon(_poly((4, 4), (20, 4), (20, 14), (14, 20), (4, 20)))
    _line(p, (20, 14), (14, 14), (14, 20))
    _line(p, (8, 9), (16, 9))


def _new_chat(p: QPainter) -> None:
    # A speech bubble with a plus: "write to a number".
    p.drawPolygon(_poly((4, 5), (20, 5), (20, 16.5), (10, 16.5), (6, 20), (6, 16.5), (4, 16.5)))
    _line(p, (12, 7.8), (12, 13.7))
    _line(p, (9, 10.75), (15, 10.75))


def _chevron_down(p: QPainter) -> None:
    _line(p, (6, 9), (12, 15), (18, 9))


def _arrow_down(p: QPainter) -> None:
    _line(p, (12, 4.5), (12, 19))
    _line(p, (6, 13), (12, 19), (18, 13))


def _play(p: QPainter) -> None:
    p.save()
    p.setBrush(p.pen().color())
    p.drawPolygon(_poly((8, 5), (19, 12), (8, 19)))
    p.restore()


def _close(p: QPainter) -> None:
    _line(p, (6.5, 6.5), (17.5, 17.5))
    _line(p, (17.5, 6.5), (6.5, 17.5))


def _reply(p: QPainter) -> None:
    _line(p, (10, 5.5), (4, 11.5), (10, 17.5))
    path = QPainterPath(QPointF(4, 11.5))
    path.lineTo(13, 11.5)
    path.cubicTo(17.5, 11.5, 20, 14, 20, 19)
    p.drawPath(path)


def _tag(p: QPainter) -> None:
    p.drawPolygon(_poly((3.5, 4), (12, 4), (20.5, 12.5), (12.5, 20.5), (3.5, 12)))
    p.drawEllipse(QPointF(8, 8.5), 1.4, 1.4)


def _download(p: QPainter) -> None:
    _line(p, (12, 3.5), (12, 15))
    _line(p, (7, 10.5), (12, 15.5), (17, 10.5))
    _line(p, (4.5, 19.5), (19.5, 19.5))


_GLYPHS: dict[str, Callable[[QPainter], None]] = {
    "camera": _camera, "video": _video, "mic": _mic, "music": _music,
    "document": _document, "sticker": _sticker, "pin": _pin, "person": _person,
    "blocked": _blocked, "warning": _warning, "clock": _clock, "tick": _tick,
    "double_tick": _double_tick, "failed": _failed, "paperclip": _paperclip,
    "send": _send, "smile": _smile, "template": _template, "note": _note, "new_chat": _new_chat,
    "chevron_down": _chevron_down, "arrow_down": _arrow_down, "play": _play,
    "close": _close, "reply": _reply, "tag": _tag, "download": _download,
}

NAMES = tuple(_GLYPHS)


def draw(painter: QPainter, name: str, rect: QRectF, colour: QColor, stroke: float = _STROKE) -> None:
    """Paint glyph `name` into `rect` (kept square, centred) in `colour`."""
    side = min(rect.width(), rect.height())
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(rect.center().x() - side / 2, rect.center().y() - side / 2)
    painter.scale(side / 24, side / 24)
    pen = QPen(colour, stroke, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    _GLYPHS[name](painter)
    painter.restore()


def icon(name: str, colour: QColor | str, size: int = 24) -> QIcon:
    """A QIcon of the glyph for buttons, sharp on high-density screens too."""
    result = QIcon()
    for scale in (1, 2):
        pixmap = QPixmap(QSize(size * scale, size * scale))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        draw(painter, name, QRectF(0, 0, size * scale, size * scale), QColor(colour))
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        result.addPixmap(pixmap)
    return result
