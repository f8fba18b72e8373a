"""Reactions: set, replace, remove; a late older event never wins."""

from __future__ import annotations

from typing import Any

import pytest

from wadesk.store.ingest import apply_incoming_message
from wadesk.store.reactions import reactions_for, set_reaction

from .factories import incoming


def test_set_replace_remove(conn: Any) -> None:
    message_id = apply_incoming_message(conn, incoming(wamid="wamid.r")).message_id
    assert set_reaction(conn, target_wamid="wamid.r", reactor="customer", emoji="👍", ts=10)
    assert set_reaction(conn, target_wamid="wamid.r", reactor="business", emoji="❤️", ts=11, agent_id="p1")
    assert set_reaction(conn, target_wamid="wamid.r", reactor="customer", emoji="😂", ts=12)
    got = reactions_for(conn, [message_id])[message_id]
    assert [(r.reactor, r.emoji) for r in got] == [("business", "❤️"), ("customer", "😂")]
    assert got[0].agent_id == "p1"
    assert set_reaction(conn, target_wamid="wamid.r", reactor="customer", emoji="", ts=13)
    assert [r.reactor for r in reactions_for(conn, [message_id])[message_id]] == ["business"]


def test_a_late_older_reaction_does_not_come_back(conn: Any) -> None:
    message_id = apply_incoming_message(conn, incoming(wamid="wamid.r")).message_id
    set_reaction(conn, target_wamid="wamid.r", reactor="customer", emoji=None, ts=20)
    assert not set_reaction(conn, target_wamid="wamid.r", reactor="customer", emoji="👍", ts=15)
    assert reactions_for(conn, [message_id]) == {}


def test_unknown_target_and_reactor(conn: Any) -> None:
    assert not set_reaction(conn, target_wamid="wamid.none", reactor="customer", emoji="👍", ts=1)
    with pytest.raises(ValueError):
        set_reaction(conn, target_wamid="wamid.none", reactor="agent", emoji="👍", ts=1)
    assert reactions_for(conn, []) == {}
