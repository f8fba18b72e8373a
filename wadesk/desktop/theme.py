"""Light and dark themes: one style sheet template, two palettes.

The scheme follows the system (Qt 6.5+ reports it) unless the user picks one.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from string import Template

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication

from wadesk.desktop.resources import resource

LIGHT = {
    "window": "#f0f2f5",
    "panel": "#ffffff",
    "panel_alt": "#f0f2f5",
    "chat_bg": "#efeae2",
    "text": "#111b21",
    "muted": "#667781",
    "border": "#e9edef",
    "accent": "#008069",
    "accent_text": "#ffffff",
    "accent_soft": "#d9fdd3",
    "selection": "#f0f2f5",
    "hover": "#f5f6f6",
    "input": "#ffffff",
    "chip": "#f0f2f5",
    "chip_checked": "#e7fce3",
    "chip_checked_text": "#008069",
    "danger": "#ea0038",
    # The chat: bubbles, markers and chips the delegates paint with.
    "bubble_in": "#ffffff",
    "bubble_out": "#d9fdd3",
    "bubble_note": "#fff5c4",
    "note_border": "#e9c46a",
    "note_text": "#6b5310",
    "bubble_shadow": "#14000000",
    "quote_in": "#f5f6f6",
    "quote_out": "#d1f4cc",
    "day_chip": "#ffffff",
    "day_chip_text": "#54656f",
    "tick": "#667781",
    "tick_read": "#53bdeb",
    "link": "#027eb5",
    "badge": "#25d366",
    "badge_text": "#ffffff",
    "wallpaper_mark": "#0a000000",
    "warning": "#d29922",
}

DARK = {
    "window": "#0b141a",
    "panel": "#111b21",
    "panel_alt": "#202c33",
    "chat_bg": "#0b141a",
    "text": "#e9edef",
    "muted": "#8696a0",
    "border": "#222d34",
    "accent": "#00a884",
    "accent_text": "#111b21",
    "accent_soft": "#005c4b",
    "selection": "#2a3942",
    "hover": "#202c33",
    "input": "#2a3942",
    "chip": "#202c33",
    "chip_checked": "#0a332c",
    "chip_checked_text": "#00a884",
    "danger": "#f15c6d",
    "bubble_in": "#202c33",
    "bubble_out": "#005c4b",
    "bubble_note": "#3d3518",
    "note_border": "#8a7320",
    "note_text": "#f2dfa0",
    "bubble_shadow": "#33000000",
    "quote_in": "#1a2329",
    "quote_out": "#025144",
    "day_chip": "#182229",
    "day_chip_text": "#8696a0",
    "tick": "#8696a0",
    "tick_read": "#53bdeb",
    "link": "#53bdeb",
    "badge": "#00a884",
    "badge_text": "#111b21",
    "wallpaper_mark": "#08ffffff",
    "warning": "#e2b340",
}


def current_colours() -> dict[str, str]:
    """The colours of the theme applied last (delegates paint with them)."""
    app = QApplication.instance()
    return DARK if app is not None and app.property("wadesk_theme") == "dark" else LIGHT


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


_images: tempfile.TemporaryDirectory[str] | None = None


def _arrow_images(colour: str) -> dict[str, str]:
    """Chevrons for combo and spin boxes in `colour`, as files: a style sheet takes its
    images only from files or compiled resources. Kept in a temporary folder that goes
    when wadesk ends; the @2x copy is what high-density screens pick."""
    global _images
    from wadesk.desktop.views import glyphs

    if _images is None:
        _images = tempfile.TemporaryDirectory(prefix="wadesk-theme-")
    folder = Path(_images.name)
    names = {}
    for key, turn in (("chevron_down", 0), ("chevron_up", 180)):
        path = folder / f"{key}-{colour.lstrip('#')}.png"
        if not path.exists():
            for scale, name in ((1, path), (2, path.with_name(path.stem + "@2x.png"))):
                image = QImage(12 * scale, 12 * scale, QImage.Format.Format_ARGB32_Premultiplied)
                image.fill(Qt.GlobalColor.transparent)
                painter = QPainter(image)
                painter.translate(6 * scale, 6 * scale)
                painter.rotate(turn)
                painter.translate(-6 * scale, -6 * scale)
                glyphs.draw(painter, "chevron_down", QRectF(0, 0, 12 * scale, 12 * scale), QColor(colour), 2.4)
                painter.end()
                image.save(str(name), "PNG")
        names[key] = path.as_posix()
    return names


def apply_theme(app: QApplication, scheme: str = "system") -> dict[str, str]:
    """Apply 'light', 'dark' or 'system'; return the colours used (views paint with them)."""
    dark = system_prefers_dark() if scheme == "system" else scheme == "dark"
    colours = DARK if dark else LIGHT
    name = "dark" if dark else "light"
    template = Template(resource("style.qss").read_text(encoding="utf-8"))
    sheet = template.substitute(colours | _arrow_images(colours["muted"]))
    if app.property("wadesk_theme") == name and app.styleSheet() == sheet:
        return colours  # applied already: a new style and sheet would re-polish every widget
    # First: widgets that repaint their icons on the palette change ask current_colours().
    app.setProperty("wadesk_theme", name)
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")  # the same look on Windows, macOS and Linux
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor(colours["window"]))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colours["text"]))
    palette.setColor(QPalette.ColorRole.Base, QColor(colours["panel"]))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor(colours["panel_alt"]))
    palette.setColor(QPalette.ColorRole.Text, QColor(colours["text"]))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(colours["muted"]))
    palette.setColor(QPalette.ColorRole.Button, QColor(colours["panel_alt"]))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor(colours["text"]))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(colours["accent"]))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor(colours["accent_text"]))
    palette.setColor(QPalette.ColorRole.ToolTipBase, QColor(colours["panel"]))
    palette.setColor(QPalette.ColorRole.ToolTipText, QColor(colours["text"]))
    palette.setColor(QPalette.ColorRole.Link, QColor(colours["accent"]))
    app.setPalette(palette)
    app.setStyleSheet(sheet)
    return colours
