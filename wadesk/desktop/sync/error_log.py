"""What the network thread may log of an unexpected exception: its type and the place it
was raised, never its text or a traceback's values.

An exception can carry what the failing code held: UnicodeEncodeError keeps the whole
string it could not encode (a message text), a KeyError its key, an httpx error its
URL. So a log call passes `*described(exc)`:

    log.error("the outbox failed: %s at %s", *described(exc))
    -> the outbox failed: KeyError at desktop/sync/outbox_sender.py:212

(Two short arguments: the log file's filter replaces any argument over 40 characters
by its length. The relay does the same in wadesk/relay/logs.py; the desktop does not
import the relay.)
"""

from __future__ import annotations


def innermost_frame(exc: BaseException) -> str:
    """file:line where `exc` was raised, no values: relative to the package for wadesk's
    own files, else the file's folder and name ("json/decoder.py:355")."""
    tb = exc.__traceback__
    if tb is None:
        return "?"
    while tb.tb_next is not None:
        tb = tb.tb_next
    path = tb.tb_frame.f_code.co_filename.replace("\\", "/")
    if "/wadesk/" in path:
        path = path.rsplit("/wadesk/", 1)[-1]
    else:
        path = "/".join(path.rsplit("/", 2)[-2:])
    return f"{path}:{tb.tb_lineno}"


def described(exc: BaseException) -> tuple[str, str]:
    """(type name, file:line) of `exc`, for `log.error("...: %s at %s", *described(exc))`."""
    return type(exc).__name__, innermost_frame(exc)
