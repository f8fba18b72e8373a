"""The status-bar line about colleagues: typing outranks the rest and lasts until its
`until`; an answer ends the typing; other conversations' typing is not shown."""

from __future__ import annotations

import pytest

from wadesk.desktop import colleague_activity
from wadesk.desktop.colleague_activity import ColleagueActivityLabel
from wadesk.desktop.sync.event_apply import ColleagueActivity, ColleagueTyping


class FakeClock:
    """The label's `time` module: both its clocks stand still until the test moves them,
    so nothing depends on how fast the machine runs the test."""

    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def time(self) -> float:
        return self.now

    def monotonic(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    fake = FakeClock()
    monkeypatch.setattr(colleague_activity, "time", fake)
    return fake


def test_typing_shows_until_it_runs_out(english, team, qtbot, clock):
    label = ColleagueActivityLabel(team)
    qtbot.addWidget(label)
    label.show_conversation(7)
    label.record(ColleagueActivity(7, "tobias", "reading", int(clock.now)))
    assert label.text() == "● Tobias Wagner is looking at this conversation"

    label.set_typing([ColleagueTyping(7, "mia", clock.now + 0.1), ColleagueTyping(8, "tobias", clock.now + 30)])
    assert label.text() == "● Mia Hoffmann is typing…"
    assert label.accessibleName() == "Mia Hoffmann is typing…"
    # Nothing else has to happen: when `until` passes, the label's own timer (due in
    # 0.15 s) finds it gone and the line goes back to the rest.
    clock.now += 1
    qtbot.waitUntil(lambda: label.text() == "● Tobias Wagner is looking at this conversation")

    label.show_conversation(8)
    assert label.text() == "● Tobias Wagner is typing…"
    label.set_typing([ColleagueTyping(8, "tobias", clock.now + 30), ColleagueTyping(8, "mia", clock.now + 30)])
    assert label.text() == "● Mia Hoffmann and Tobias Wagner are typing…"
    label.set_typing([])  # the relay's list no longer has them: they stopped
    assert not label.isVisible()


def test_an_answer_ends_the_typing(english, team, qtbot, clock):
    label = ColleagueActivityLabel(team)
    qtbot.addWidget(label)
    label.show_conversation(7)
    label.set_typing([ColleagueTyping(7, "mia", clock.now + 30)])
    assert label.isVisible() and "typing" in label.text()
    label.record(ColleagueActivity(7, "mia", "answered", int(clock.now)))
    assert label.text() == "● Mia Hoffmann has just answered this customer"
