"""Makes the sample media in wadesk/sim/media/ (run once; the files are committed).

    python -m wadesk.sim.sample_media

PNG, PDF and Ogg/Opus are written byte by byte here; the JPEGs come from Qt's encoder
(QImage, offscreen), which the desktop app ships anyway.
"""

from __future__ import annotations

import math
import os
import struct
import zlib
from pathlib import Path

MEDIA = Path(__file__).resolve().parent / "media"


# PNG ---------------------------------------------------------------------------------
def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width: int, height: int, pixel) -> bytes:
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter: none
        for x in range(width):
            rows.extend(pixel(x, y))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header)
            + _png_chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + _png_chunk(b"IEND", b""))


def _logo(x: int, y: int) -> tuple[int, int, int]:
    # A green disc with a white ring: a wheel, for "Radhaus".
    d = math.hypot(x - 31.5, y - 31.5)
    if 22 <= d <= 27:
        return (255, 255, 255)
    if d < 30:
        return (22, 130, 90)
    return (240, 244, 240)


def _screenshot(x: int, y: int) -> tuple[int, int, int]:
    # A phone screenshot: a header bar, chat bubbles.
    if y < 10:
        return (7, 94, 84)
    if 16 <= y < 28 and 4 <= x < 40:
        return (255, 255, 255)
    if 34 <= y < 46 and 20 <= x < 60:
        return (220, 248, 198)
    return (236, 229, 221)


# PDF ---------------------------------------------------------------------------------
def pdf(lines: list[str]) -> bytes:
    text = ["BT", "/F1 14 Tf", "72 760 Td", "18 TL"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        text.append(f"({escaped}) Tj T*")
    text.append("ET")
    stream = "\n".join(text).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").encode()
    return bytes(out)


# Ogg/Opus ----------------------------------------------------------------------------
def _ogg_crc(data: bytes) -> int:
    crc = 0
    for byte in data:
        crc ^= byte << 24
        for _ in range(8):
            crc = ((crc << 1) ^ 0x04C11DB7) if crc & 0x80000000 else (crc << 1)
            crc &= 0xFFFFFFFF
    return crc


def _ogg_page(packets: list[bytes], granule: int, serial: int, sequence: int, flags: int) -> bytes:
    lacing = bytearray()
    for packet in packets:
        lacing.extend([255] * (len(packet) // 255))
        lacing.append(len(packet) % 255)
    header = struct.pack("<4sBBqIIIB", b"OggS", 0, flags, granule, serial, sequence, 0, len(lacing))
    page = header + bytes(lacing) + b"".join(packets)
    crc = _ogg_crc(page)
    return page[:22] + struct.pack("<I", crc) + page[26:]


def ogg_opus_silence(seconds: float = 1.0) -> bytes:
    """A mono Ogg/Opus voice note of silence (20 ms CELT frames)."""
    serial = 0x5261_6448
    pre_skip = 312
    head = struct.pack("<8sBBHIhB", b"OpusHead", 1, 1, pre_skip, 48000, 0, 0)
    vendor = b"wadesk sim"
    tags = b"OpusTags" + struct.pack("<I", len(vendor)) + vendor + struct.pack("<I", 0)
    frames = int(seconds * 50)
    silent = b"\xf8\xff\xfe"  # TOC: CELT fullband 20 ms, mono, one frame
    pages = [_ogg_page([head], 0, serial, 0, 0x02), _ogg_page([tags], 0, serial, 1, 0)]
    per_page = 25
    sequence = 2
    for first in range(0, frames, per_page):
        count = min(per_page, frames - first)
        last = first + count >= frames
        granule = (first + count) * 960
        pages.append(_ogg_page([silent] * count, granule, serial, sequence, 0x04 if last else 0))
        sequence += 1
    return b"".join(pages)


def ogg_voice() -> bytes:
    """A 1.5 s mono voice note with audible tones, encoded by opus-tools' opusenc when it is
    installed (the committed file was made so); silence written by hand otherwise."""
    import shutil
    import subprocess
    import tempfile
    import wave

    if shutil.which("opusenc") is None:
        return ogg_opus_silence(1.0)
    rate = 16000
    samples = bytearray()
    for i in range(int(rate * 1.5)):
        t = i / rate
        pitch = 220.0 if t < 0.5 else (277.0 if t < 1.0 else 330.0)  # a rising "hallo?"
        envelope = min(1.0, (t % 0.5) * 20, (0.5 - t % 0.5) * 20)
        samples += struct.pack("<h", int(9000 * envelope * math.sin(2 * math.pi * pitch * t)))
    with tempfile.TemporaryDirectory() as tmp:
        source, target = Path(tmp) / "voice.wav", Path(tmp) / "voice.ogg"
        with wave.open(str(source), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(rate)
            out.writeframes(bytes(samples))
        subprocess.run(["opusenc", "--quiet", "--bitrate", "12", "--speech", "--discard-comments",
                        str(source), str(target)], check=True)
        return target.read_bytes()


# JPEG (Qt) ---------------------------------------------------------------------------
def jpeg(draw: str) -> bytes:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF
    from PySide6.QtGui import QColor, QImage, QPainter, QPen

    image = QImage(96, 72, QImage.Format.Format_RGB32)
    image.fill(QColor(196, 214, 228))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(40, 40, 40), 4))
    if draw == "wheel":
        painter.drawEllipse(QPointF(48, 36), 28, 28)
        painter.setPen(QPen(QColor(120, 120, 120), 1))
        for i in range(16):
            angle = i * math.pi / 8
            painter.drawLine(QPointF(48, 36), QPointF(48 + 27 * math.cos(angle), 36 + 27 * math.sin(angle)))
    else:
        painter.setPen(QPen(QColor(90, 70, 40), 3))
        for i in range(8):
            painter.drawEllipse(QPointF(12 + i * 10, 36 + (i % 2) * 3), 5, 3)
    painter.end()
    buffer = QByteArray()
    device = QBuffer(buffer)
    device.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(device, "JPG", 80)
    device.close()
    return bytes(buffer.data())


def main() -> None:
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - fonts need it
    MEDIA.mkdir(exist_ok=True)
    files = {
        "logo.png": png(64, 64, _logo),
        "screenshot.png": png(64, 56, _screenshot),
        "kaufbeleg.pdf": pdf([
            "Fahrrad Kontor GmbH - Kaufbeleg",
            "Datum: 14.03.2025   Beleg-Nr. 2025-0314-17",
            "1x E-Bike Stadtrad 500 Wh        2.349,00 EUR",
            "Garantie: 2 Jahre ab Kaufdatum",
        ]),
        "sprachnachricht.ogg": ogg_voice(),
        "hinterrad.jpg": jpeg("wheel"),
        "kette.jpg": jpeg("chain"),
    }
    for name, data in files.items():
        (MEDIA / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
