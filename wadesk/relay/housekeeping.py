"""The relay's daily chores, for a relay that runs for months without a restart.

Once a day (and not at start: opening the database and the sending service already do
that part then):
- uploads no send named within Meta's 30 days are forgotten with their files
  (outgoing_media.drop_stale_uploads);
- the database's migration copies are pruned by the policy in
  wadesk/store/migration_backups.py, which otherwise only runs when the database opens;
- quarantined webhook entries replayed more than REPLAYED_KEPT_S ago are forgotten.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

from wadesk.relay import outgoing_media
from wadesk.store import migration_backups, quarantine

log = logging.getLogger(__name__)

DAY_S = 24 * 3600.0
REPLAYED_KEPT_S = 30 * 24 * 3600


async def run_once(ctx: Any, *, now: float | None = None) -> dict[str, int]:
    """One round of chores; what was removed, by kind."""
    uploads = await outgoing_media.drop_stale_uploads(ctx, now=now)
    database = ctx.config.database
    backups = await ctx.write(lambda conn: migration_backups.after_open(conn, database, now=now))
    before = int((time.time() if now is None else now) - REPLAYED_KEPT_S)
    purged = await ctx.write(lambda conn: quarantine.purge_replayed(conn, before_ts=before))
    figures = {"uploads_dropped": uploads, "backups_removed": len(backups), "quarantine_purged": purged}
    log.info("housekeeping done", extra=figures)
    return figures


def install(ctx: Any, every_s: float = DAY_S) -> None:
    """Run the chores every `every_s` seconds while the relay runs."""

    async def loop() -> None:
        while True:
            await asyncio.sleep(every_s)
            try:
                await run_once(ctx)
            except Exception as exc:  # a failed chore is tried again tomorrow, never fatal
                log.warning("housekeeping failed", extra={"error": type(exc).__name__})

    async def start() -> None:
        ctx.spawn(loop(), name="wadesk-relay-housekeeping")

    ctx.on_start.append(start)
