"""An on/off switch as settings pages show it: a QCheckBox that paints itself as a
track with a knob. Keyboard (Space), accessibility (a check box to screen readers) and
the toggled signal are QCheckBox's own."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QCheckBox, QWidget

from wadesk.desktop.theme import current_colours

_WIDTH, _HEIGHT = 40, 22


class Switch(QCheckBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Switch")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFixedSize(self.sizeHint())

    def sizeHint(self) -> QSize:
        return QSize(_WIDTH + 4, _HEIGHT + 4)  # room for the focus ring

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)

    def paintEvent(self, _event) -> None:
        colours = current_colours()
        on = self.isChecked()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        track = QRectF(2, 2, _WIDTH, _HEIGHT)
        if self.hasFocus():
            painter.setPen(QPen(QColor(colours["accent"]), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(track.adjusted(-1, -1, 1, 1), _HEIGHT / 2 + 1, _HEIGHT / 2 + 1)
        painter.setPen(Qt.PenStyle.NoPen)
        track_colour = QColor(colours["accent"] if on else colours["muted"])
        if not self.isEnabled():
            track_colour.setAlphaF(0.35)
        painter.setBrush(track_colour)
        painter.drawRoundedRect(track, _HEIGHT / 2, _HEIGHT / 2)
        knob = _HEIGHT - 6
        x = track.right() - 3 - knob if on else track.left() + 3
        painter.setBrush(QColor("#ffffff"))
        painter.drawEllipse(QRectF(x, track.top() + 3, knob, knob))
        painter.end()
