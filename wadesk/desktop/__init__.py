"""The Qt desktop app. Nothing imports it; it imports store, core and cloud types."""
