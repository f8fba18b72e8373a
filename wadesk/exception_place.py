"""What may be logged of an unexpected exception: its type and where it was raised,
never its text or a traceback's values.

An exception can carry what the failing code held: UnicodeEncodeError keeps the whole
string it could not encode (a message text), a KeyError its key, an httpx error its
URL. The relay's JSON log lines (relay/logs.py) and the desktop's network thread
(desktop/sync) both log through these.

    log.error("the outbox failed: %s at %s", *described(exc))
    -> the outbox failed: KeyError at desktop/sync/outbox_sender.py:212
"""

from __future__ import annotations


def _place(filename: str, line: int) -> str:
    """file:line, relative to the package for wadesk's own files, else the file's folder
    and name ("json/decoder.py:355")."""
    path = filename.replace("\\", "/")
    if "/wadesk/" in path:
        path = path.rsplit("/wadesk/", 1)[-1]
    else:
        path = "/".join(path.rsplit("/", 2)[-2:])
    return f"{path}:{line}"


def frames(exc: BaseException, limit: int = 8) -> str:
    """Where `exc` came from, innermost last: "file:line function", no values."""
    found: list[str] = []
    tb = exc.__traceback__
    while tb is not None:
        code = tb.tb_frame.f_code
        found.append(f"{_place(code.co_filename, tb.tb_lineno)} {code.co_name}")
        tb = tb.tb_next
    return " > ".join(found[-limit:]) or "?"


def innermost_frame(exc: BaseException) -> str:
    """file:line where `exc` was raised, no values."""
    tb = exc.__traceback__
    if tb is None:
        return "?"
    while tb.tb_next is not None:
        tb = tb.tb_next
    return _place(tb.tb_frame.f_code.co_filename, tb.tb_lineno)


def described(exc: BaseException) -> tuple[str, str]:
    """(type name, file:line) of `exc`, for `log.error("...: %s at %s", *described(exc))`
    (two short arguments: the desktop's log filter replaces long ones by their length)."""
    return type(exc).__name__, innermost_frame(exc)
