"""Who is on the team: the person ids the relay uses, their names, and who "me" is.

The replica stores only opaque person ids (assignee, the agent who sent a message, a
note's author); the names come from the relay with the sync stream. Until the sync
worker fills this in, unknown ids show as "Colleague".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal


def initials(name: str) -> str:
    """Up to two letters for an avatar: "Jonas Müller" -> "JM", "+49 170…" -> "49"."""
    words = [word for word in name.replace("-", " ").split() if any(ch.isalnum() for ch in word)]
    letters = [next(ch for ch in word if ch.isalnum()) for word in words]
    if not letters:
        return "?"
    if len(letters) == 1:
        word = next(w for w in words)
        alnum = [ch for ch in word if ch.isalnum()]
        return "".join(alnum[:2]).upper()
    return (letters[0] + letters[-1]).upper()


class TeamDirectory(QObject):
    changed = Signal()

    def __init__(self, me_id: str | None = None, names: dict[str, str] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._me_id = me_id
        self._names = dict(names or {})

    @property
    def me_id(self) -> str | None:
        return self._me_id

    @classmethod
    def from_people(cls, me_id: str | None, people: dict[str, dict], parent: QObject | None = None) -> TeamDirectory:
        """From the roster the sync worker keeps ({"<id>": {"name": ..., "disabled": ...}})."""
        return cls(me_id, {pid: str(p.get("name") or "") for pid, p in people.items()}, parent)

    def set_members(self, me_id: str | None, names: dict[str, str]) -> None:
        self._me_id = me_id
        self._names = dict(names)
        self.changed.emit()

    def members(self) -> list[tuple[str, str]]:
        """(person id, name) of everyone, by name."""
        return sorted(self._names.items(), key=lambda item: item[1].casefold())

    def name(self, person_id: str | None) -> str:
        if person_id is None:
            return ""
        found = self._names.get(person_id)
        if found:
            return found
        return QCoreApplication.translate("TeamDirectory", "Colleague")

    def is_me(self, person_id: str | None) -> bool:
        return person_id is not None and person_id == self._me_id
