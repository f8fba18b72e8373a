"""A stand-in catalogue for texts that the real one does not hold yet (the lead
regenerates resources/translations): every text of the given contexts comes back
marked, so a test can tell that what the user sees went through translation, in the
right context and from the exact source text, and that values are filled in after
translating.

    with pseudo_translated("Actions", "Composer") as tr:
        ...
        assert shown == tr("Actions", "“%1” is not …").replace("%1", "+49 151")
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QTranslator

MARK = "[de] "


class PseudoTranslator(QTranslator):
    def __init__(self, contexts: set[str]) -> None:
        super().__init__()
        self.contexts = contexts

    def translate(self, context, source_text, disambiguation=None, n=-1):
        return MARK + source_text if context in self.contexts else None  # None: not ours

    def isEmpty(self) -> bool:  # an empty translator is not asked
        return False


@contextmanager
def pseudo_translated(*contexts: str) -> Iterator[Callable[[str, str], str]]:
    """Install the stand-in for `contexts`; yields what the translated source looks like."""
    app = QCoreApplication.instance()
    assert app is not None, "needs the qapp fixture"
    translator = PseudoTranslator(set(contexts))
    app.installTranslator(translator)
    try:
        yield lambda context, source: MARK + source if context in contexts else source
    finally:
        app.removeTranslator(translator)
