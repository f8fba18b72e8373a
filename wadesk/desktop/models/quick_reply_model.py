"""The team's quick replies matching what follows a "/" in the composer.

Rows come from the store already filtered by prefix (an indexed LIKE on a small
table), so the completer shows them unfiltered. `fill_placeholders` puts the contact's
name and the like into the chosen text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from wadesk.store.quick_replies import QuickReply

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def fill_placeholders(text: str, values: Mapping[str, str]) -> str:
    """Replace {name}, {first_name}, {number}, {agent} ...; unknown ones stay as typed."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def placeholder_values(contact_name: str, number: str, agent_name: str) -> dict[str, str]:
    first = contact_name.split()[0] if contact_name and not contact_name.startswith("+") else contact_name
    return {"name": contact_name, "first_name": first, "number": number, "agent": agent_name}


class QuickReplyModel(QAbstractListModel):
    TextRole = Qt.ItemDataRole.UserRole + 1
    ShortcutRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, source: Callable[[str], list[QuickReply]] | None = None, parent=None) -> None:
        super().__init__(parent)
        self._source = source
        self._rows: list[QuickReply] = []

    def set_source(self, source: Callable[[str], list[QuickReply]] | None) -> None:
        self._source = source
        self.update("")

    def update(self, typed: str) -> int:
        """Show the quick replies whose shortcut starts with `typed`; how many."""
        rows = self._source(typed) if self._source is not None else []
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()
        return len(self._rows)

    def reply(self, row: int) -> QuickReply | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        reply = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            first_line = " ".join(reply.text.split())
            if len(first_line) > 70:
                first_line = first_line[:69] + "…"
            return f"/{reply.shortcut}  —  {first_line}"
        if role == Qt.ItemDataRole.EditRole or role == self.ShortcutRole:
            return reply.shortcut
        if role == self.TextRole:
            return reply.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return reply.text
        return None
