#!/usr/bin/env python3
"""The project's one task runner. Needs only Python >= 3.11; it makes its own .venv.

    python3 tasks.py demo        start wadesk with the built-in demo (no Meta account)
    python3 tasks.py app [ARGS]  start wadesk as a user would
    python3 tasks.py test [ARGS] run the whole test suite (ARGS go to pytest)
    python3 tasks.py bench NAME  run bench/NAME.py (store_bench, ...)
    python3 tasks.py build       build the frozen app with PyInstaller and self-test it

The virtual environment is (re)installed whenever pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")

if sys.version_info < (3, 11):
    sys.exit("wadesk needs Python 3.11 or newer; this is " + sys.version.split()[0])


def _ensure_env(extras: str) -> None:
    """Create .venv and install the package with `extras` unless already current."""
    if not PYTHON.exists():
        print("tasks: creating .venv", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:16]
    stamp = VENV / f".installed-{extras}"
    if stamp.exists() and stamp.read_text() == digest:
        return
    print(f"tasks: installing wadesk[{extras}] into .venv", flush=True)
    subprocess.run([str(PYTHON), "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True)
    subprocess.run(
        [str(PYTHON), "-m", "pip", "install", "-q", "-e", f".[{extras}]"], cwd=ROOT, check=True
    )
    stamp.write_text(digest)


def _run(argv: list[str], env: dict[str, str] | None = None) -> int:
    return subprocess.run(argv, cwd=ROOT, env={**os.environ, **(env or {})}).returncode


def main(args: list[str]) -> int:
    if not args or args[0] in ("-h", "--help", "help"):
        print(__doc__)
        return 0
    task, rest = args[0], args[1:]
    if task == "test":
        _ensure_env("test")
        # CI has no display and no keychain: the suite makes its own (see tests/conftest.py).
        code = _run([str(PYTHON), "-m", "pytest", *rest], {"QT_QPA_PLATFORM": "offscreen"})
        return code
    if task == "demo":
        _ensure_env("test")
        return _run([str(PYTHON), "-m", "wadesk", "--demo", *rest])
    if task == "app":
        _ensure_env("test")
        return _run([str(PYTHON), "-m", "wadesk", *rest])
    if task == "bench":
        _ensure_env("test,bench")
        if not rest:
            sys.exit("tasks: bench needs a name, e.g. 'python3 tasks.py bench store_bench'")
        return _run([str(PYTHON), str(ROOT / "bench" / f"{rest[0]}.py"), *rest[1:]])
    if task == "build":
        _ensure_env("test,build")
        return _run([str(PYTHON), str(ROOT / "bench" / "build_check.py"), *rest])
    sys.exit(f"tasks: unknown task {task!r}; see 'python3 tasks.py --help'")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
