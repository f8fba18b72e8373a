"""Work-arounds for bugs of the PySide6 release in use, each detected, not assumed.

PySide6 6.12 on CPython 3.11: methods returning nothing give back None, and
`SignalInstance.emit()` gives back True, without taking a reference (as if those
objects were immortal, which they are only from CPython 3.12 on). Every such call drops
one reference to the interpreter's None or True; a paint pass makes hundreds of them,
so within minutes the count reaches zero and CPython aborts the whole app
("none_dealloc: deallocating None"). The fix measures the leak once at import and, if
present, gives None, True and False a reference count no session can use up. They are
static singletons that are never freed, so extra references cost nothing, and once
PySide is fixed the check finds no leak and does nothing.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

_RESERVE = 1 << 48  # at a million leaking calls per second: nine years
_PROBES = 8


class _Probe(QObject):
    fired = Signal()


def leaked_references() -> dict[str, int]:
    """How many references to None and True a few harmless calls drop."""
    probe = _Probe()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.setObjectName("probe")  # returns None
        probe.fired.emit()  # returns True
    return {
        "None": none_before - sys.getrefcount(None),
        "True": true_before - sys.getrefcount(True),
    }


def _add_references(obj: object, count: int) -> None:
    # ob_refcnt is the first field of every CPython object.
    refcount = ctypes.c_ssize_t.from_address(id(obj))
    refcount.value += count


def apply() -> bool:
    """Install the work-around if this PySide needs it; True if it did."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False  # None, True and False are immortal there
    leaks = leaked_references()
    if max(leaks.values()) < _PROBES:
        return False
    for singleton in (None, True, False):
        _add_references(singleton, _RESERVE)
    return True


APPLIED = apply()
