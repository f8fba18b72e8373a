"""Appending a team event and applying it, in the caller's transaction.

The relay's rule: an event and its effect on the state tables are stored together or
not at all, so the log a desktop replays always matches the relay's own state.
"""

from __future__ import annotations

import time
from typing import Any

from wadesk.store.apply_events import apply_event
from wadesk.store.events import append_event


def emit(
    conn: Any,
    kind: str,
    payload: dict[str, Any],
    *,
    actor_id: int | None = None,
    dedupe_key: str | None = None,
) -> int | None:
    """Append `kind` and apply it; its seq, or None if `dedupe_key` was already logged
    (then nothing is applied either)."""
    seq = append_event(conn, kind, payload, dedupe_key=dedupe_key, actor_id=actor_id,
                       at=int(time.time()))
    if seq is not None:
        apply_event(conn, kind, payload)
    return seq
