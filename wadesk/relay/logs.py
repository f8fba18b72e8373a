"""Structured logs: one JSON object per line, with ids and figures, never contents.

Log calls pass facts as `extra={...}` (wamid, kind, phone_number_id, counts); message
texts, tokens and secrets are never passed, and a key that looks like one is dropped
here as a second line of defence.
"""

from __future__ import annotations

import json
import logging
import sys
import time

from wadesk.exception_place import frames

_STANDARD = frozenset(vars(logging.LogRecord("", 0, "", 0, "", (), None)).keys()) | {
    "message", "asctime", "taskName"}
_NEVER = ("token", "secret", "password", "text", "body", "authorization", "key", "caption")


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "at": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": record.getMessage(),
        }
        for name, value in record.__dict__.items():
            if name in _STANDARD or name.startswith("_"):
                continue
            if any(word in name.lower() for word in _NEVER) and name != "dedupe_key":
                continue
            entry[name] = value if isinstance(value, (int, float, bool, type(None))) else str(value)
        if record.exc_info and record.exc_info[1] is not None:
            # The type and where, never the exception's own text: it can hold whatever
            # the failing code held (a message text, a token in a URL).
            exc = record.exc_info[1]
            entry["exception"] = type(exc).__name__
            entry["frames"] = frames(exc)
        return json.dumps(entry, ensure_ascii=False)


def configure(level: str = "info") -> None:
    """JSON lines on stderr for the `wadesk relay` process (systemd's journal keeps them)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    # uvicorn's access log would print every URL (query strings hold no secrets here,
    # but the webhook volume would drown everything else).
    logging.getLogger("uvicorn.access").disabled = True
