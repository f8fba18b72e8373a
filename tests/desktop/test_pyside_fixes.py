import sys

from PySide6.QtCore import QObject, Signal

from wadesk.desktop import pyside_fixes


class Emitter(QObject):
    changed = Signal(bool)


def test_hundreds_of_thousands_of_calls_never_use_up_none_or_true():
    # PySide6 6.12 on CPython 3.11 drops a reference to None on every call of a method
    # returning nothing, and to True on every emit; without the fix the interpreter
    # aborts after a few thousand.
    emitter = Emitter()
    received = []
    emitter.changed.connect(received.append)
    for _ in range(100_000):
        emitter.setObjectName("x")
        emitter.changed.emit(True)
    assert len(received) == 100_000
    if pyside_fixes.APPLIED:
        assert sys.getrefcount(None) > 1 << 40 and sys.getrefcount(True) > 1 << 40
