#!/usr/bin/env python3
"""Build the frozen desktop app with PyInstaller and run its `--self-test`.

Slow (minutes), so it is not part of the test suite: `python3 tasks.py build`.
Prints the bundle's size and the self-test's output; exits non-zero on any failure.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "build.spec"],
        cwd=ROOT,
        check=True,
    )
    built = time.monotonic() - started
    exe = ROOT / "dist" / "wadesk" / ("wadesk.exe" if os.name == "nt" else "wadesk")
    size_mb = sum(f.stat().st_size for f in exe.parent.rglob("*") if f.is_file()) / 1e6
    print(f"build_check: built {exe} in {built:.0f} s, bundle {size_mb:.0f} MB", flush=True)
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "WADESK_HOME": home}
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        result = subprocess.run([str(exe), "--self-test"], env=env, timeout=120)
    print(f"build_check: frozen self-test exit code {result.returncode}")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
