"""Why a message or note did not go out, in the user's language.

The relay (and this PC's outbox) give the English sentences of
wadesk.core.send_failure_texts; the database keeps them as given. They are translated
here, when shown, so a change of language applies to old failures too. A text the
table does not know (an older or newer relay, WhatsApp's own words) is shown as it
came, unless Meta's code has a sentence of its own.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from wadesk.core import send_failure_texts as texts


def translated(text: str | None, code: Any = None) -> str:
    """`text` in the interface's language; "" for no text and no known code."""
    if text:
        found = texts.source_of(text)
        if found is not None:
            sentence, values = found
            return texts.fill(QCoreApplication.translate(texts.CONTEXT, sentence), *values)
    sentence = texts.BY_CODE.get(_meta_code(code))
    if sentence is not None:
        return QCoreApplication.translate(texts.CONTEXT, sentence)
    return text or ""


def shown(message: Any) -> str:
    """A failed message's reason as its bubble's tooltip shows it ("" for none)."""
    return translated(getattr(message, "error_reason", None), getattr(message, "error_code", None))


def _meta_code(code: Any) -> int | None:
    if isinstance(code, bool):
        return None
    if isinstance(code, int):
        return code
    if isinstance(code, str) and code.isdigit():
        return int(code)
    return None
