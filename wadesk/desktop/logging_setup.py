"""The desktop's log file: `<user log folder>/wadesk.log`, rotated (1 MB, 3 old files).

The log says what happened (started, connected, a send was refused, an error's type),
never what was written: wadesk's own log calls pass ids and error class names only.
As a second line of defence a filter shortens any long text argument to its length
("<text, 214 chars>") before a record is written — a message text or a token that
slipped into a log call by mistake never reaches the disk. Short arguments (ids,
state names, class names, a language code) pass unchanged.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path
from typing import Any

FILE_NAME = "wadesk.log"
MAX_BYTES, BACKUPS = 1_000_000, 3
LONGEST_ARG = 40  # longer text arguments are replaced by their length
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def _shortened(value: Any) -> Any:
    if isinstance(value, (str, bytes)) and len(value) > LONGEST_ARG:
        return f"<text, {len(value)} chars>"
    return value


class NoLongTexts(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, dict):
            record.args = {key: _shortened(value) for key, value in record.args.items()}
        elif isinstance(record.args, tuple):
            record.args = tuple(_shortened(value) for value in record.args)
        if not record.args and isinstance(record.msg, str) and len(record.msg) > 200:
            record.msg = f"<a long log text, {len(record.msg)} chars>"  # formatted in the call: unknown content
        return True


_installed: dict[Path, logging.Handler] = {}


def configure(folder: Path, level: int = logging.INFO) -> logging.Handler:
    """Write wadesk's log records to `folder` (once per folder and process)."""
    folder = Path(folder)
    if folder in _installed:
        return _installed[folder]
    folder.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(folder / FILE_NAME, maxBytes=MAX_BYTES,
                                                   backupCount=BACKUPS, encoding="utf-8", delay=False)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(level)
    handler.addFilter(NoLongTexts())
    root = logging.getLogger()
    root.addHandler(handler)
    for name in ("wadesk", "__main__"):
        if logging.getLogger(name).level == logging.NOTSET:
            logging.getLogger(name).setLevel(level)
    _installed[folder] = handler
    return handler


def remove(folder: Path) -> None:
    """Stop writing to `folder` (tests, a profile switch)."""
    handler = _installed.pop(Path(folder), None)
    if handler is not None:
        logging.getLogger().removeHandler(handler)
        handler.close()
