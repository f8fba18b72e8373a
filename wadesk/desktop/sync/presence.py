"""The relay's presence in every sync answer: who of the team is typing where.

    "presence": [{"conversation_id": <relay id>, "person_id": "<id>", "what": "typing",
                  "until": <relay epoch s>}]        (only unexpired entries; sync_api.py)

Read leniently: a kind this version does not know, a broken entry or one of my own is
left out. `until` is the relay's clock: the time left is taken from it but bounded,
so a skewed clock can neither hide an entry nor pin it on screen.
"""

from __future__ import annotations

from typing import Any

from wadesk.desktop.sync.event_apply import ColleagueTyping

MAX_S = 15.0  # one report never shows "typing" longer than this
MIN_S = 1.0  # the relay listed it, so it holds now, whatever our clocks say


def typing_entries(entries: Any, me_id: str | None) -> list[tuple[int, str, float]]:
    """(relay conversation id, person id, until) of the colleagues typing."""
    found = []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict) or entry.get("what") != "typing":
            continue
        person = str(entry.get("person_id") or "")
        if not person or person == str(me_id):
            continue
        try:
            found.append((int(entry["conversation_id"]), person, float(entry["until"])))
        except (KeyError, TypeError, ValueError):
            continue
    return found


def local_typing(conversation_id: int, person_id: str, until: float, now: float,
                 max_s: float = MAX_S) -> ColleagueTyping:
    """An entry on this computer's clock, for the local conversation."""
    return ColleagueTyping(conversation_id, person_id, now + min(max(until - now, MIN_S), max_s))


def same(shown: list[ColleagueTyping] | None, typing: list[ColleagueTyping]) -> bool:
    """Whether the UI already shows this (an `until` moved by under a second is no news)."""
    shown = shown or []
    return len(shown) == len(typing) and all(
        (a.conversation_id, a.person_id) == (b.conversation_id, b.person_id) and abs(a.until - b.until) < 1.0
        for a, b in zip(shown, typing))
