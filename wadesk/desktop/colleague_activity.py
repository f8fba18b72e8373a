"""“Mia has just answered”: what colleagues do in the conversation on screen.

Fed from the sync stream (a colleague's send, a colleague opening the conversation;
the relay records no keystrokes, so there is no "is typing" to show), shown in a
small label in the status bar for a minute, so two people do not answer the same
customer at once.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from wadesk.desktop.sync.event_apply import RECENT_S, ColleagueActivity
from wadesk.desktop.team import TeamDirectory


class ColleagueActivityLabel(QLabel):
    def __init__(self, team: TeamDirectory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ColleagueActivity")
        self._team = team
        self._latest: dict[int, tuple[ColleagueActivity, float]] = {}
        self._conversation: int | None = None
        self._timer = QTimer(self, interval=5_000, timeout=self._refresh)
        self.hide()

    def record(self, activity: ColleagueActivity) -> None:
        current = self._latest.get(activity.conversation_id)
        # An answer outranks a look; a newer thing outranks an older one of the same rank.
        if current is None or activity.kind == "answered" or current[0].kind != "answered":
            self._latest[activity.conversation_id] = (activity, time.monotonic())
        self._refresh()

    def show_conversation(self, conversation_id: int | None) -> None:
        self._conversation = conversation_id
        self._refresh()

    def text_for(self, conversation_id: int | None) -> str:
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
        text = self.text_for(self._conversation)
        self.setText(("● " + text) if text else "")
        self.setAccessibleName(text)
        self.setVisible(bool(text))
        if self._latest:
            self._timer.start()
        else:
            self._timer.stop()
