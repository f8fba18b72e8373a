"""TeamPresence: who types where, how long it holds, and when it wakes the long-polls."""

from __future__ import annotations

from wadesk.relay.presence import REANNOUNCE_S, TYPING_S, TeamPresence


def make() -> tuple[TeamPresence, list[int]]:
    wakes: list[int] = []
    return TeamPresence(lambda: wakes.append(1)), wakes


def test_a_new_entry_wakes_and_shows_until_it_expires():
    presence, wakes = make()
    until = presence.typing(12, "3", now=1000.0)
    assert until == 1000.0 + TYPING_S and len(wakes) == 1
    assert presence.current(now=1001.0) == [
        {"conversation_id": 12, "person_id": "3", "what": "typing", "until": until}]
    assert presence.current(now=until) == []


def test_typing_on_extends_and_wakes_again_only_when_the_last_told_until_nears():
    presence, wakes = make()
    presence.typing(12, "3", now=1000.0)
    presence.typing(12, "3", now=1002.0)  # told until 1010: still more than 5 s away
    assert len(wakes) == 1
    assert presence.current(now=1003.0)[0]["until"] == 1012.0
    presence.typing(12, "3", now=1010.0 - REANNOUNCE_S + 0.5)  # told until is near
    assert len(wakes) == 2


def test_people_and_conversations_are_separate_entries():
    presence, wakes = make()
    presence.typing(12, "3", now=1000.0)
    presence.typing(12, "4", now=1000.0)
    presence.typing(13, "3", now=1000.0)
    assert len(wakes) == 3
    assert {(e["conversation_id"], e["person_id"]) for e in presence.current(now=1001.0)} == {
        (12, "3"), (12, "4"), (13, "3")}
    presence.typing(12, "3", now=1011.0)  # the old entry had expired: new, wakes
    assert len(wakes) == 4
    assert [(e["conversation_id"], e["person_id"]) for e in presence.current(now=1012.0)] == [
        (12, "3")]
