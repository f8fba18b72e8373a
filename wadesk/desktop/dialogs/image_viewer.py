"""A photo opened large, decrypted in memory only (never written to disk to show it).

The photo arrives decoded and already scaled to `viewer_limit` (media_jobs does that on
a worker thread); the dialog only shows it, so opening a big photo never stalls the UI.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import QDialog, QLabel, QScrollArea, QVBoxLayout, QWidget


def viewer_limit(parent: QWidget | None) -> QSize:
    """The largest size the viewer shows a photo at: most of the screen it opens on."""
    screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
    return screen.availableGeometry().size() * 0.85


class ImageViewer(QDialog):
    def __init__(self, image: QImage, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("ImageViewer")
        self.label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.label.setAccessibleName(title)
        limit = viewer_limit(parent)
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
