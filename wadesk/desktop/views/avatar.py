"""Round avatars with initials, in a colour that stays the same for the same name.

wadesk never has the customers' profile photos (the Cloud API does not give them), so
a stable colour per name is what makes a conversation recognisable at a glance.
"""

from __future__ import annotations

import zlib

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter

from wadesk.desktop.team import initials
from wadesk.desktop.views import glyphs

# Muted, readable with white text, distinct from the accent green and the danger red.
PALETTE = (
    "#6c8ebf", "#d4815a", "#8f74c2", "#4fa3a5", "#c46a8c", "#7f9c4f",
    "#c9a23f", "#5b7fa8", "#b0715b", "#5aa07a", "#9a6fb0", "#cf7f6b",
)


def colour_for(key: str) -> QColor:
    """A stable colour for a name or number (crc32: the same on every run and PC)."""
    return QColor(PALETTE[zlib.crc32(key.encode("utf-8")) % len(PALETTE)])


def paint_avatar(painter: QPainter, rect: QRectF, name: str, key: str | None = None,
                 font: QFont | None = None) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour_for(key or name))
    painter.drawEllipse(rect)
    text_font = QFont(font) if font is not None else QFont(painter.font())
    text_font.setPixelSize(max(8, int(rect.height() * 0.38)))
    text_font.setWeight(QFont.Weight.DemiBold)
    if name.startswith("+") or not any(ch.isalpha() for ch in name):
        # Only a number is known: a silhouette reads better than two digits.
        w, h = rect.width(), rect.height()
        glyphs.draw(painter, "person", rect.adjusted(w * 0.2, h * 0.18, -w * 0.2, -h * 0.22), QColor("#ffffff"), 2.2)
    else:
        painter.setFont(text_font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, initials(name))
    painter.restore()
