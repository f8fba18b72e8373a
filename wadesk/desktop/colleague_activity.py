"""“Mia is typing…”, “Mia has just answered”: what colleagues do in the conversation on screen.

Two sources. The sync stream's events (a colleague's send, a colleague opening the
conversation) are shown for a minute. The relay's presence (a colleague typing in the
composer: the sync worker's `presence_changed`) is shown until its `until` passes,
and outranks the rest: it is what keeps two people from answering the same customer at
once. Shown in a small label in the status bar.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from wadesk.desktop.sync.event_apply import RECENT_S, ColleagueActivity, ColleagueTyping
from wadesk.desktop.team import TeamDirectory


class ColleagueActivityLabel(QLabel):
    def __init__(self, team: TeamDirectory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ColleagueActivity")
        self._team = team
        self._latest: dict[int, tuple[ColleagueActivity, float]] = {}
        self._typing: list[ColleagueTyping] = []
        self._conversation: int | None = None
        self._timer = QTimer(self, interval=5_000, timeout=self._refresh)
        self._typing_ends = QTimer(self, singleShot=True, timeout=self._refresh)
        self.hide()

    def record(self, activity: ColleagueActivity) -> None:
        current = self._latest.get(activity.conversation_id)
        # An answer outranks a look; a newer thing outranks an older one of the same rank.
        if current is None or activity.kind == "answered" or current[0].kind != "answered":
            self._latest[activity.conversation_id] = (activity, time.monotonic())
        if activity.kind == "answered":
            # Sending ends the typing, as in WhatsApp (the relay's entry would linger 10 s).
            self._typing = [t for t in self._typing if (t.conversation_id, t.person_id)
                            != (activity.conversation_id, activity.person_id)]
        self._refresh()

    def set_typing(self, typing: list[ColleagueTyping]) -> None:
        """Everyone typing now (the relay's whole list: who is missing has stopped)."""
        self._typing = list(typing)
        self._refresh()

    def show_conversation(self, conversation_id: int | None) -> None:
        self._conversation = conversation_id
        self._refresh()

    def typing_names(self, conversation_id: int | None, now: float | None = None) -> list[str]:
        now = time.time() if now is None else now
        return sorted({self._team.name(t.person_id) for t in self._typing
                       if t.conversation_id == conversation_id and t.until > now})

    def text_for(self, conversation_id: int | None) -> str:
        typing = self.typing_names(conversation_id)
        if len(typing) == 1:
            return self.tr("%1 is typing…").replace("%1", typing[0])
        if typing:
            return self.tr("%1 and %2 are typing…").replace("%1", ", ".join(typing[:-1])).replace("%2", typing[-1])
        found = self._latest.get(conversation_id) if conversation_id is not None else None
        if found is None or time.monotonic() - found[1] > RECENT_S:
            return ""
        activity = found[0]
        name = self._team.name(activity.person_id)
        if activity.kind == "answered":
            return self.tr("%1 has just answered this customer").replace("%1", name)
        return self.tr("%1 is looking at this conversation").replace("%1", name)

    def _refresh(self) -> None:
        now = time.monotonic()
        for key in [k for k, (_a, seen) in self._latest.items() if now - seen > RECENT_S]:
            del self._latest[key]
        wall = time.time()
        self._typing = [t for t in self._typing if t.until > wall]
        text = self.text_for(self._conversation)
        self.setText(("● " + text) if text else "")
        self.setAccessibleName(text)
        self.setVisible(bool(text))
        if self._latest:
            self._timer.start()
        else:
            self._timer.stop()
        if self._typing:
            # Wake when the first "typing" runs out (the relay's list may never say so).
            ends = min(t.until for t in self._typing)
            self._typing_ends.start(max(50, int((ends - wall) * 1000) + 50))
        else:
            self._typing_ends.stop()
