"""The Qt desktop app. Nothing imports it; it imports store, core and cloud types."""

from wadesk.desktop import pyside_fixes  # noqa: F401  (before any signal is emitted)
