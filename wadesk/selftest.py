"""`wadesk --self-test`: prove that this installation works, then quit.

Run on a developer's checkout and, above all, on the frozen PyInstaller build, where a
missing hidden import, data file or Qt plugin shows up only at run time. Each check
prints one line; the exit code is 0 only if all passed. The user's own profile is
never touched: everything happens in a throw-away folder.
"""

from __future__ import annotations

import os
import secrets as _random
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from wadesk import __version__

Check = Callable[[Path], str]


def _check_store(tmp: Path) -> str:
    from wadesk.store.connection import cipher_version, open_database
    from wadesk.store.contacts import ContactInfo
    from wadesk.store.errors import WrongKeyError
    from wadesk.store.messages import IncomingMessage, apply_incoming_message, page_messages
    from wadesk.store.search import search_messages

    key = _random.token_bytes(32)
    path = tmp / "selftest.db"
    conn = open_database(path, key=key, create=True)
    try:
        version = cipher_version(conn)
        result = apply_incoming_message(
            conn,
            IncomingMessage(
                wamid="wamid.selftest",
                phone_number_id="selftest",
                contact=ContactInfo(wa_id="4930123456", profile_name="Jürgen Müller"),
                type="text",
                ts=int(time.time()),
                text="Grüße von Müller aus dem Selbsttest 🚲",
            ),
        )
        hits = search_messages(conn, "grusse muller")  # umlauts folded, ss for ß
        if [m.id for m in hits] != [result.message_id]:
            raise AssertionError("full-text search did not find the message it just wrote")
        page = page_messages(conn, result.conversation_id, limit=10)
        if [m.text for m in page] != ["Grüße von Müller aus dem Selbsttest 🚲"]:
            raise AssertionError("the message read back differs from the one written")
    finally:
        conn.close()
    if b"Selbsttest" in path.read_bytes():
        raise AssertionError("the database file contains plaintext")
    try:
        open_database(path, key=_random.token_bytes(32)).close()
    except WrongKeyError:
        pass
    else:
        raise AssertionError("a wrong key opened the database")
    return f"encrypted store ok (SQLCipher {version}, FTS5)"


def _check_keychain(tmp: Path) -> str:
    from wadesk import secrets

    if not secrets.keychain_available():
        return "no keychain on this computer: wadesk will offer the passphrase mode (ok)"
    value = _random.token_hex(16)
    scope = tmp / "selftest-scope"
    secrets.set_secret("selftest", scope, value)
    try:
        if secrets.get_secret("selftest", scope) != value:
            raise AssertionError("the keychain returned a different secret")
    finally:
        secrets.delete_secret("selftest", scope)
    return f"keychain ok ({secrets.keychain_name()})"


def _check_qt(tmp: Path) -> str:
    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer, qVersion
    from PySide6.QtGui import QGuiApplication

    from wadesk.desktop.app import make_application
    from wadesk.desktop.main_window import MainWindow

    app = make_application("en")
    window = MainWindow("Self-test", "+49 30 1234567")
    window.show()
    QTimer.singleShot(200, app.quit)
    app.exec()
    image = window.grab().toImage()
    window.close()
    if image.isNull() or image.width() < 100:
        raise AssertionError("the main window did not paint")
    return f"Qt ok (Qt {qVersion()}, platform {QGuiApplication.platformName()})"


CHECKS: list[tuple[str, Check]] = [
    ("store", _check_store),
    ("keychain", _check_keychain),
    ("qt", _check_qt),
]


def run_self_test() -> int:
    print(f"wadesk {__version__} self-test, Python {sys.version.split()[0]}, {sys.platform}", flush=True)
    failed = 0
    with tempfile.TemporaryDirectory(prefix="wadesk-selftest-") as tmp:
        for name, check in CHECKS:
            try:
                print(f"  {name}: {check(Path(tmp))}", flush=True)
            except Exception as exc:  # report every failure, then the next check
                failed += 1
                print(f"  {name}: FAILED: {type(exc).__name__}: {exc}", flush=True)
                traceback.print_exc(file=sys.stdout)
    print("self-test passed" if not failed else f"self-test FAILED ({failed} of {len(CHECKS)})", flush=True)
    return 0 if not failed else 1
