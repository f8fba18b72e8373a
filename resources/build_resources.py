#!/usr/bin/env python3
"""Regenerate the built resources from their sources:

- icons/wadesk-*.png, icons/wadesk.ico, icons/wadesk.icns from the drawing below;
- translations/*.qm from translations/*.ts (pyside6-lrelease);
- with the argument `catalogues`: the .ts files from the sources (pyside6-lupdate;
  catalogue_sources() lists them).

Run with the project's .venv: `.venv/bin/python resources/build_resources.py`.
The outputs are committed, so a checkout runs without this step; Pillow (in the
`build` extra) writes the multi-size .ico and .icns.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512, 1024)


def draw_icon(size: int):
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter, QPainterPath

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 1024.0
    # Background: a rounded square as on macOS, filled with wadesk's green.
    bg = QLinearGradient(QPointF(0, 0), QPointF(0, size))
    bg.setColorAt(0, QColor("#1fc47a"))
    bg.setColorAt(1, QColor("#00795f"))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(bg)
    p.drawRoundedRect(QRectF(64 * s, 64 * s, 896 * s, 896 * s), 200 * s, 200 * s)

    def bubble(x: float, y: float, w: float, h: float, tail_left: bool) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(QRectF(x * s, y * s, w * s, h * s), 90 * s, 90 * s)
        tail = QPainterPath()
        if tail_left:
            tail.moveTo((x + 70) * s, (y + h - 40) * s)
            tail.lineTo((x + 10) * s, (y + h + 70) * s)
            tail.lineTo((x + 190) * s, (y + h - 10) * s)
        else:
            tail.moveTo((x + w - 70) * s, (y + h - 40) * s)
            tail.lineTo((x + w - 10) * s, (y + h + 70) * s)
            tail.lineTo((x + w - 190) * s, (y + h - 10) * s)
        tail.closeSubpath()
        return path.united(tail)

    # A colleague's bubble behind, the customer's in front: a team on one number.
    p.setBrush(QColor(255, 255, 255, 110))
    p.drawPath(bubble(380, 210, 440, 300, tail_left=False))
    p.setBrush(QColor("#ffffff"))
    p.drawPath(bubble(200, 380, 500, 340, tail_left=True))
    p.setBrush(QColor("#00896b"))
    for i in range(3):
        p.drawEllipse(QPointF((330 + i * 120) * s, 550 * s), 42 * s, 42 * s)
    p.end()
    return image


def build_icons() -> None:
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    out = HERE / "icons"
    out.mkdir(exist_ok=True)
    for size in PNG_SIZES:
        draw_icon(size).save(str(out / f"wadesk-{size}.png"))
    from PIL import Image

    big = Image.open(out / "wadesk-1024.png")
    big.save(out / "wadesk.ico", sizes=[(n, n) for n in (16, 24, 32, 48, 64, 128, 256)])
    big.save(out / "wadesk.icns")
    print("icons written to", out)


def catalogue_sources() -> list[str]:
    """The modules whose marked texts the catalogues hold: the desktop's, and the Qt-free
    table of the relay's failure sentences that the desktop translates when shown."""
    package = HERE.parent / "wadesk"
    return sorted([*(str(p) for p in (package / "desktop").rglob("*.py")),
                   str(package / "core" / "send_failure_texts.py")])


def update_catalogues() -> None:
    """Collect the marked texts of catalogue_sources() into the .ts catalogues (lupdate)."""
    lupdate = Path(sys.executable).with_name("pyside6-lupdate" + (".exe" if os.name == "nt" else ""))
    sources = catalogue_sources()
    for ts in sorted((HERE / "translations").glob("*.ts")):
        subprocess.run([str(lupdate), *sources, "-no-obsolete", "-ts", str(ts)], check=True)


def build_translations() -> None:
    lrelease = Path(sys.executable).with_name("pyside6-lrelease" + (".exe" if os.name == "nt" else ""))
    for ts in sorted((HERE / "translations").glob("*.ts")):
        subprocess.run([str(lrelease), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    what = sys.argv[1:] or ["icons", "translations"]
    if "icons" in what:
        build_icons()
    if "catalogues" in what:
        update_catalogues()
    if "translations" in what:
        build_translations()
