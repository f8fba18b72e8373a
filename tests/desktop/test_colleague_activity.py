"""The status-bar line about colleagues: typing outranks the rest and lasts until its
`until`; an answer ends the typing; other conversations' typing is not shown."""

from __future__ import annotations

import time

from wadesk.desktop.colleague_activity import ColleagueActivityLabel
from wadesk.desktop.sync.event_apply import ColleagueActivity, ColleagueTyping


def test_typing_shows_until_it_runs_out(english, team, qtbot):
    label = ColleagueActivityLabel(team)
    qtbot.addWidget(label)
    label.show_conversation(7)
    label.record(ColleagueActivity(7, "tobias", "reading", int(time.time())))
    assert label.text() == "● Tobias Wagner is looking at this conversation"

    label.set_typing([ColleagueTyping(7, "mia", time.time() + 0.4), ColleagueTyping(8, "tobias", time.time() + 30)])
    assert label.text() == "● Mia Hoffmann is typing…"
    assert label.accessibleName() == "Mia Hoffmann is typing…"
    # Nothing else has to happen: when `until` passes the line goes back to the rest.
    qtbot.waitUntil(lambda: label.text() == "● Tobias Wagner is looking at this conversation", timeout=5_000)

    label.show_conversation(8)
    assert label.text() == "● Tobias Wagner is typing…"
    label.set_typing([ColleagueTyping(8, "tobias", time.time() + 30), ColleagueTyping(8, "mia", time.time() + 30)])
    assert label.text() == "● Mia Hoffmann and Tobias Wagner are typing…"
    label.set_typing([])  # the relay's list no longer has them: they stopped
    assert not label.isVisible()


def test_an_answer_ends_the_typing(english, team, qtbot):
    label = ColleagueActivityLabel(team)
    qtbot.addWidget(label)
    label.show_conversation(7)
    label.set_typing([ColleagueTyping(7, "mia", time.time() + 30)])
    assert label.isVisible() and "typing" in label.text()
    label.record(ColleagueActivity(7, "mia", "answered", int(time.time())))
    assert label.text() == "● Mia Hoffmann has just answered this customer"
