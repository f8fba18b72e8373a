"""What the right-hand side shows while no conversation is open."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from wadesk.desktop.resources import resource


class WelcomePage(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("Welcome")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        logo = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        logo.setPixmap(
            QPixmap(str(resource("icons", "wadesk-256.png"))).scaled(
                112, 112, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )
        title = QLabel(self.tr("wadesk for your team"), objectName="WelcomeTitle",
                       alignment=Qt.AlignmentFlag.AlignCenter)
        text = QLabel(
            self.tr(
                "Answer your customers on WhatsApp from this computer, together with your "
                "colleagues on one business number.\nChoose a conversation on the left to start."
            ),
            objectName="WelcomeText",
            alignment=Qt.AlignmentFlag.AlignCenter,
            wordWrap=True,
        )
        text.setFixedWidth(460)
        # A wrapped label in a box layout gets the height of one line unless told.
        text.ensurePolished()  # the style sheet sets its font
        text.setMinimumHeight(text.heightForWidth(460))
        foot = QLabel(
            self.tr("Your message history is encrypted on this computer. "
                           "wadesk never reads your address book."),
            objectName="WelcomeFoot",
            alignment=Qt.AlignmentFlag.AlignCenter,
            wordWrap=True,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 40, 40, 28)
        layout.addStretch(3)
        layout.addWidget(logo)
        layout.addSpacing(20)
        layout.addWidget(title)
        layout.addSpacing(8)
        layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(4)
        layout.addWidget(foot)
