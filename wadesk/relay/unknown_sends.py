"""Sends whose answer from Meta was lost, settled by their status webhooks.

A call that went out and got no usable answer (a dropped connection, a timeout after
sending, a relay that stopped mid-call) may or may not have reached Meta. The Cloud API
has no idempotency key, so it is never sent again. Instead the relay waits: every
status webhook carries our client id back in `biz_opaque_callback_data`, the intake
logs it as a `status` event (with `client_id`), and this module settles the send as
accepted (with the wamid) or failed (with Meta's code) right after that event commits.

Two races are covered:
- the status came before the lost answer was noticed: a message's status has already
  landed on its local echo (the intake finds it by the client id), which the write that
  records "unknown" checks; a reaction has no row, so while reactions are in flight
  their status events are noted in memory;
- the relay stopped: at the next start `sending` rows become unknown and are checked
  the same way.

One that no status ever settles (Meta never had it) is reported failed after
`unknown_expiry_s`, with a sentence that tells the person to check before resending.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any

from wadesk.relay import send_log
from wadesk.relay.send_errors import NEVER_CONFIRMED, OUTCOME_UNKNOWN, reason_for_code
from wadesk.store import events as event_log
from wadesk.store import relay_sends
from wadesk.store.messages import get_message_by_client_id
from wadesk.store.relay_sends import SendRecord

if TYPE_CHECKING:
    from wadesk.relay.sender import Sender

log = logging.getLogger(__name__)

DELIVERED_STATUSES = ("sent", "delivered", "read", "played")
Seen = tuple[str | None, str, int | None]  # (wamid, status, error code)


class UnknownSends:
    def __init__(self, sender: Sender) -> None:
        self.sender = sender
        self.ctx = sender.ctx
        self.client_ids: set[str] = set()
        self.seen: dict[str, Seen] = {}
        self._cursor = 0
        self._following = False

    def __len__(self) -> int:
        return len(self.client_ids)

    def __contains__(self, client_id: object) -> bool:
        return client_id in self.client_ids

    # At start (on the writer thread) --------------------------------------------------
    def recover(self, conn: Any) -> None:
        """Calls cut off by a stop become unknown; those whose status came meanwhile
        settle at once. Runs inside the sender's start-up write."""
        for record in relay_sends.interrupted_sends(conn):
            send_log.record_unknown(conn, record, OUTCOME_UNKNOWN)
        for record in relay_sends.unknown_sends(conn):
            found = status_of_echo(conn, record.client_id)
            if found is not None:
                settle(conn, record, *found)
        self.client_ids = {r.client_id for r in relay_sends.unknown_sends(conn)}

    def start(self) -> None:
        self._cursor = self.ctx.latest_seq
        self.ctx.add_commit_hook(self.on_commit)
        if self.client_ids:
            self.on_commit(0, self.ctx.latest_seq)

    # A lost answer ---------------------------------------------------------------------
    async def lost(self, record: SendRecord) -> None:
        """Record the send as unknown (never re-sent), settling it at once if its status
        is already known."""
        # Registered before the write: a status event processed meanwhile is noted in
        # `seen`, which the write reads when it runs.
        self.client_ids.add(record.client_id)

        def write(conn: Any) -> bool:
            if not send_log.record_unknown(conn, record, OUTCOME_UNKNOWN):
                return False
            return self._settle_known(conn, record)

        if await self.ctx.write(write):
            self._settled(record.client_id)

    def forget_seen(self, client_id: str) -> None:
        """The call's own answer decided: statuses noted meanwhile are not needed."""
        if client_id not in self.client_ids:
            self.seen.pop(client_id, None)

    # Following the status events ---------------------------------------------------------
    def on_commit(self, previous: int, latest: int) -> None:
        if not self.client_ids and not self.sender.reactions_in_flight:
            self._cursor = latest  # nothing to settle: skip the log, whatever came in
            return
        if not self._following and self.sender.started:
            self._following = True
            self.ctx.spawn(self._follow(), name="wadesk-relay-unknown-sends")

    async def _follow(self) -> None:
        try:
            while self._cursor < self.ctx.latest_seq:
                cursor = self._cursor
                batch = await self.ctx.read(lambda conn: event_log.events_since(conn, cursor, 1000))
                if not batch:
                    break
                self._cursor = batch[-1].seq
                for event in batch:
                    if event.kind == "status":
                        await self._status(event.payload)
        except Exception:
            log.exception("following status events failed")
        finally:
            self._following = False

    async def _status(self, p: dict[str, Any]) -> None:
        client_id = p.get("client_id")
        status = p.get("status")
        if not client_id or status not in DELIVERED_STATUSES + ("failed",):
            return
        if client_id not in self.client_ids and not self.sender.is_in_flight(client_id):
            return
        self.seen[client_id] = (p.get("wamid"), status, p.get("error_code"))
        if client_id not in self.client_ids:
            return  # the call's own answer (or its loss) will decide

        def write(conn: Any) -> bool:
            record = relay_sends.get_send(conn, client_id)
            if record is None or record.state != "unknown":
                return False
            return self._settle_known(conn, record)

        if await self.ctx.write(write):
            self._settled(client_id)

    def _settle_known(self, conn: Any, record: SendRecord) -> bool:
        """On the writer thread: settle from a status seen in memory or on the echo."""
        found = self.seen.get(record.client_id) or status_of_echo(conn, record.client_id)
        if found is None:
            return False
        settle(conn, record, *found)
        return True

    def _settled(self, client_id: str) -> None:
        self.sender.counts["settled_by_status"] += 1
        self.client_ids.discard(client_id)
        self.seen.pop(client_id, None)
        log.info("unknown send settled by its status", extra={"client_id": client_id})
        self.sender.announce(client_id)

    # Never settled ----------------------------------------------------------------------
    async def expire(self, older_than_s: float) -> None:
        if not self.client_ids:
            return
        cutoff = int(time.time() - older_than_s)

        def write(conn: Any) -> list[str]:
            expired = relay_sends.unknown_sends(conn, updated_before=cutoff)
            for record in expired:
                send_log.record_failed(conn, record, None, NEVER_CONFIRMED)
            return [r.client_id for r in expired]

        for client_id in await self.ctx.write(write):
            self.client_ids.discard(client_id)
            self.seen.pop(client_id, None)


def settle(conn: Any, record: SendRecord, wamid: str | None, status: str,
           code: int | None) -> None:
    if status == "failed":
        send_log.record_failed(conn, record, code, reason_for_code(code), wamid)
    elif wamid:
        send_log.record_accepted(conn, record, wamid)


def status_of_echo(conn: Any, client_id: str) -> Seen | None:
    """(wamid, status, error code) a status webhook already gave this send's local echo
    (the intake finds the echo by the client id in biz_opaque_callback_data)."""
    message = get_message_by_client_id(conn, client_id)
    if message is None or message.status in (None, "pending"):
        return None
    if message.status == "failed":
        return message.wamid, "failed", message.error_code
    return (message.wamid, message.status, None) if message.wamid else None
