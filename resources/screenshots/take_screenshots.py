#!/usr/bin/env python3
"""Take the README's pictures of the demo's main window, light and dark.

    .venv/bin/python resources/screenshots/take_screenshots.py [light|dark ...]

Each theme runs `wadesk --demo` in its own process on Qt's offscreen platform (no display
needed), in a throw-away profile whose settings pick the theme, waits for the demo's
customers to write, opens a conversation with some history and saves the window as
resources/screenshots/main-window-<theme>.png.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
OPEN = "Hannah Weber"  # from wadesk.desktop.demo_history: a conversation with answers and a label
DRAFT = "Hallo Hannah, bis gleich im Laden! 🚲"


def take(theme: str, out: Path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from wadesk import paths as wpaths
    from wadesk.desktop import app as desktop_app
    from wadesk.desktop.demo import FIRST_WRITERS
    from wadesk.desktop.demo_history import PAST
    from wadesk.desktop.main_window import MainWindow

    profile = Path(tempfile.mkdtemp(prefix="wadesk-shot-"))
    settings = wpaths.for_profile(str(profile)).settings
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(json.dumps({"theme": theme, "language": "en"}))
    state = {"ticks": 0, "opened": False}

    def step() -> None:
        state["ticks"] += 1
        window = next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()), None)
        model = window.list_model if window is not None else None
        ready = model is not None and model.rowCount() >= len(FIRST_WRITERS) + len(PAST)
        if state["ticks"] > 600:
            print("the demo did not fill its inbox in time", file=sys.stderr)
            QApplication.exit(3)
            return
        if not ready:
            QTimer.singleShot(50, step)
            return
        if not state["opened"]:
            for row in range(model.rowCount()):
                index = model.index(row, 0)
                if OPEN in (index.data() or ""):
                    window.sidebar.list_view.setCurrentIndex(index)
                    break
            if window.chat_page is not None:
                window.chat_page.composer.edit.setPlainText(DRAFT)
            state["opened"] = True
            QTimer.singleShot(1500, step)  # let media, avatars and the header settle
            return
        window.grab().save(str(out))
        print(f"saved {out}")
        QApplication.exit(0)

    QTimer.singleShot(0, step)
    code = desktop_app.run(profile=str(profile), demo=True, language="en")
    if code != 0:
        raise SystemExit(code)


def main() -> int:
    themes = sys.argv[1:] or ["light", "dark"]
    if os.environ.get("WADESK_SHOT_THEME"):
        theme = os.environ["WADESK_SHOT_THEME"]
        take(theme, HERE / f"main-window-{theme}.png")
        return 0
    for theme in themes:
        env = {**os.environ, "WADESK_SHOT_THEME": theme, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
        subprocess.run([sys.executable, __file__], env=env, check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
