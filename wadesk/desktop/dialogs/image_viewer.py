"""A photo opened large, decrypted in memory only (never written to disk to show it)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import QDialog, QLabel, QScrollArea, QVBoxLayout, QWidget


class ImageViewer(QDialog):
    def __init__(self, data: bytes, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("ImageViewer")
        image = QImage.fromData(data)
        self.label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.label.setAccessibleName(title)
        screen = (parent.screen() if parent is not None else QGuiApplication.primaryScreen()).availableGeometry()
        limit = screen.size() * 0.85
        if not image.isNull():
            pixmap = QPixmap.fromImage(image)
            if pixmap.width() > limit.width() or pixmap.height() > limit.height():
                pixmap = pixmap.scaled(limit, Qt.AspectRatioMode.KeepAspectRatio,
                                       Qt.TransformationMode.SmoothTransformation)
            self.label.setPixmap(pixmap)
        else:
            self.label.setText(self.tr("This photo cannot be shown."))
        area = QScrollArea()
        area.setWidget(self.label)
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(area)
        hint = self.label.sizeHint()
        self.resize(min(hint.width() + 4, limit.width()), min(hint.height() + 4, limit.height()))
