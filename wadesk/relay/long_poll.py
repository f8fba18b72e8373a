"""What a parked /api/v1/sync request waits for: a commit, a nudge, or the end.

A long-poll parks until an event after its cursor is committed (the relay context
announces each commit), until something without an event is worth telling at once
(a colleague started typing: `nudge()`), or until the relay shuts down
(`release()`): then every parked poll answers at once and new ones no longer park,
so the server stops in a moment instead of waiting out uvicorn's graceful timeout
and cancelling the requests with a traceback.

Waiters share one asyncio.Event that is replaced at each wake-up: a thousand parked
polls cost nothing until then.
"""

from __future__ import annotations

import asyncio
from typing import Any


class ParkedPolls:
    def __init__(self, ctx: Any) -> None:
        self.ctx = ctx
        self.closing = False
        self.nudges = 0  # how many nudges so far; a poll answers when it changed
        self.parked = 0  # polls waiting right now
        self._event: asyncio.Event | None = None
        ctx.add_commit_hook(lambda _previous, _latest: self._wake())

    async def park(self, since: int, timeout: float) -> None:
        """Until an event after `since` is committed, a nudge, release(), or `timeout` s."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + max(0.0, timeout)
        nudges = self.nudges
        self.parked += 1
        try:
            while self.ctx.latest_seq <= since and not self.closing and self.nudges == nudges:
                remaining = deadline - loop.time()
                if remaining <= 0:
                    return
                if self._event is None:
                    self._event = asyncio.Event()
                try:
                    await asyncio.wait_for(self._event.wait(), remaining)
                except asyncio.TimeoutError:
                    return
        finally:
            self.parked -= 1

    def nudge(self) -> None:
        """Parked polls answer now (with no new events, but with what changed)."""
        self.nudges += 1
        self._wake()

    def release(self) -> None:
        """The relay is stopping: answer every parked poll, and park no new ones."""
        self.closing = True
        self._wake()

    async def release_async(self) -> None:  # an on_stop hook of the relay context
        self.release()

    def _wake(self) -> None:
        event, self._event = self._event, None
        if event is not None:
            event.set()


def parked_polls(ctx: Any) -> ParkedPolls:
    """The one ParkedPolls of a relay context (made on first use)."""
    polls = getattr(ctx, "parked_polls", None)
    if polls is None:
        polls = ctx.parked_polls = ParkedPolls(ctx)
        ctx.on_stop.append(polls.release_async)
    return polls


def release_parked_polls(ctx: Any) -> None:
    """Called as the server starts shutting down, before it waits for open requests
    (the context's on_stop hooks only run after that wait)."""
    polls = getattr(ctx, "parked_polls", None)
    if polls is not None:
        polls.release()
