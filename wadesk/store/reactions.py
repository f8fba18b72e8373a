"""Reactions: one per message per side of the chat (the customer, the business).

A removal is kept as a row without emoji, so that an older reaction arriving late
(webhooks come out of order) cannot bring a removed one back: the newest event wins.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from wadesk.store._db import Connection, execute, query_all, query_one, transaction

REACTORS = ("customer", "business")


@dataclass(frozen=True, slots=True)
class Reaction:
    message_id: int
    reactor: str
    emoji: str
    ts: int
    agent_id: str | None


def set_reaction(
    conn: Connection,
    *,
    target_wamid: str,
    reactor: str,
    emoji: str | None,
    ts: int,
    agent_id: str | None = None,
) -> bool:
    """Set (or, with an empty emoji, remove) a reaction; False if the target message
    is unknown or a newer reaction event was already applied."""
    if reactor not in REACTORS:
        raise ValueError(f"unknown reactor {reactor!r}")
    with transaction(conn):
        row = query_one(conn, "SELECT id FROM messages WHERE wamid = ?", (target_wamid,))
        if row is None:
            return False
        changed = execute(
            conn,
            """
            INSERT INTO reactions(message_id, reactor, emoji, ts, agent_id)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (message_id, reactor) DO UPDATE
                SET emoji = excluded.emoji, ts = excluded.ts, agent_id = excluded.agent_id
                WHERE excluded.ts >= reactions.ts
            """,
            (row[0], reactor, emoji or None, ts, agent_id),
        )
        return changed == 1


def reactions_for(conn: Connection, message_ids: Sequence[int]) -> dict[int, list[Reaction]]:
    """The standing reactions of a page of messages, by message id."""
    if not message_ids:
        return {}
    # One bound JSON array instead of a variable number of placeholders.
    rows = query_all(
        conn,
        "SELECT message_id, reactor, emoji, ts, agent_id FROM reactions"
        " WHERE message_id IN (SELECT value FROM json_each(?)) AND emoji IS NOT NULL"
        " ORDER BY message_id, reactor",
        ("[" + ",".join(str(int(i)) for i in message_ids) + "]",),
    )
    result: dict[int, list[Reaction]] = {}
    for row in rows:
        result.setdefault(row[0], []).append(Reaction(*row))
    return result
