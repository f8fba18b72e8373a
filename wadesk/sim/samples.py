"""The small media files simulated customers send (shipped in wadesk/sim/media/)."""

from __future__ import annotations

from functools import cache
from importlib import resources

# file name -> MIME type as a phone would send it
SAMPLES: dict[str, str] = {
    "hinterrad.jpg": "image/jpeg",
    "kette.jpg": "image/jpeg",
    "screenshot.png": "image/png",
    "logo.png": "image/png",
    "kaufbeleg.pdf": "application/pdf",
    "sprachnachricht.ogg": "audio/ogg; codecs=opus",
}


@cache
def sample_bytes(name: str) -> bytes:
    if name not in SAMPLES:
        raise KeyError(f"no sample media named {name!r}")
    return resources.files("wadesk.sim").joinpath("media", name).read_bytes()


def sample_mime(name: str) -> str:
    return SAMPLES[name]
