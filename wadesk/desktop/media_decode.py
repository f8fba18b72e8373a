"""Turning decrypted media into what the chat shows: a photo's thumbnail, the photo for
the viewer, a voice message's length. Plain functions of bytes, run on worker threads
(QImage, unlike QPixmap, may be made off the GUI thread)."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QImage, QImageIOHandler, QImageReader

THUMB_BOX = QSize(600, 450)  # twice the bubble's photo box: sharp on high-density screens
STICKER_BOX = QSize(300, 300)


def ogg_duration(data: bytes) -> float | None:
    """The length of an Ogg Opus file from its last page's granule position (48 kHz
    samples, minus the pre-skip in the OpusHead packet); None if it is not one."""
    if not data.startswith(b"OggS"):
        return None
    head = data.find(b"OpusHead")
    last = data.rfind(b"OggS")
    if head < 0 or last < 0 or len(data) < last + 14 or len(data) < head + 12:
        return None
    granule = int.from_bytes(data[last + 6 : last + 14], "little", signed=True)
    pre_skip = int.from_bytes(data[head + 10 : head + 12], "little")
    return max(0.0, (granule - pre_skip) / 48_000) if granule >= 0 else None


def decode_thumbnail(data: bytes, sticker: bool = False) -> QImage:
    """A photo scaled (while decoding, which is fast for JPEG) to cover the bubble's
    box and cropped to it; a sticker scaled to fit, keeping its transparency."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)  # phones store photos sideways plus an EXIF turn
    size = reader.size()
    box = STICKER_BOX if sticker else THUMB_BOX
    if size.isValid():
        mode = Qt.AspectRatioMode.KeepAspectRatio if sticker else Qt.AspectRatioMode.KeepAspectRatioByExpanding
        target = size.scaled(box, mode)
        if target.width() < size.width():
            reader.setScaledSize(target)
    image = reader.read()
    if image.isNull() or sticker:
        return image
    if image.width() < box.width() or image.height() < box.height():
        image = image.scaled(box, Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                             Qt.TransformationMode.SmoothTransformation)
    x, y = (image.width() - box.width()) // 2, (image.height() - box.height()) // 2
    return image.copy(QRect(max(0, x), max(0, y), box.width(), box.height()))


def decode_for_viewer(data: bytes, limit: QSize) -> QImage:
    """The photo turned upright and scaled while decoding to fit `limit` (the viewer
    shows no more than that); a null image if Qt cannot read it."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    size = reader.size()
    # The scaled size applies before the EXIF turn: a sideways photo fits the box turned.
    turned = bool(reader.transformation() & QImageIOHandler.Transformation.TransformationRotate90)
    box = limit.transposed() if turned else limit
    if size.isValid() and box.isValid() and (size.width() > box.width() or size.height() > box.height()):
        reader.setScaledSize(size.scaled(box, Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()
