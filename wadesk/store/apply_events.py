"""Applying one relay event to the state tables: the same code on the relay and on
every desktop replica, so that both end in the same state.

The relay calls `apply_event` in the transaction that appends the event; a desktop
calls it for each synced event, in `seq` order, and keeps its cursor in the same
transaction. Everything a handler needs is in the payload, and a handler never reads
the clock: a desktop that starts from seq 0 gets the same rows, the same row ids (they
are handed out in the same order) and the same timestamps as the relay itself.

Meta-side kinds are registered here; the team's kinds in apply_team_events.py, which
registers into the same HANDLERS with `@register(kind)`. Unknown kinds are ignored:
an older desktop must not stop syncing because a newer relay logs something new.

Payload shapes (all keys present; absent values are null):

    contact  = {"wa_id", "user_id", "profile_name", "username"}
    media    = {"media_id", "mime", "size", "filename", "sha256"} | null

    conv     = {"id" (the relay's id), "phone_number_id", "wa_id", "user_id"}
               (apply_team_events.conversation_ref)

    message.in    {"wamid", "phone_number_id", "contact", "type", "ts", "text",
                   "reply_to_wamid", "media", "origin" ("cloud"|"history"), "raw",
                   "conversation": conv}
    message.out   {"wamid", "client_id", "phone_number_id", "contact", "type", "ts",
                   "text", "reply_to_wamid", "media", "agent_id", "origin", "status",
                   "raw", "conversation": conv}  (coexistence history of the business side)
    message.echo  as message.out, origin "phone": the owner wrote in the phone app

`conversation` is added by the relay once it has applied the message (events logged
before this version have none, and still apply): the conversation the message is in,
by the relay's id. It never changes the shared state; a replica keeps the relay's id
of its own conversation (replica_sync.relay_conversation_id).
    status        {"wamid", "status", "ts", "client_id", "phone_number_id",
                   "recipient_id", "recipient_user_id", "error_code", "error_title",
                   "error_reason", "pricing_category"}
    reaction      {"wamid", "target_wamid", "reactor" ("customer"|"business"),
                   "emoji" (null: removed), "ts", "agent_id", "phone_number_id",
                   "contact"}
    edit          {"wamid", "target_wamid", "text", "ts"}
    revoke        {"wamid", "target_wamid", "ts"}
    media.stored  {"wamid", "media_id", "mime", "size", "sha256"}: the relay holds the
                   file; desktops fetch it from GET /api/v1/media/{wamid}
    template.status {"template_id", "name", "language", "event", "reason"}
    number.quality  {"phone_number_id", "event", "current_limit"}
    account.update  {"event", "phone_number"}
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from wadesk.store import early_events, edits, reactions, relay_media, statuses
from wadesk.store._db import Connection, transaction
from wadesk.store.message_events import (  # noqa: F401  (contact_info, media_info: re-exported)
    MESSAGE_KINDS,
    apply_message_events,
    contact_info,
    media_info,
)
from wadesk.store.status_events import apply_status_run

Handler = Callable[[Connection, dict[str, Any]], None]
HANDLERS: dict[str, Handler] = {}


def register(kind: str) -> Callable[[Handler], Handler]:
    """Decorator: `handler(conn, payload)` applies events of `kind`."""

    def add(handler: Handler) -> Handler:
        if kind in HANDLERS:
            raise ValueError(f"a handler for {kind!r} is already registered")
        HANDLERS[kind] = handler
        return handler

    return add


def apply_event(conn: Connection, kind: str, payload: dict[str, Any]) -> None:
    """Apply one event (idempotent: applying it twice changes nothing more)."""
    handler = HANDLERS.get(kind)
    if handler is None:
        return
    with transaction(conn):
        handler(conn, payload)


def apply_in_order(conn: Connection, items: Sequence[tuple[str, dict[str, Any]]]) -> list[int | None]:
    """Apply events in log order with the effect of apply_event on each in turn, inside
    the caller's transaction (the relay's intake: a group of webhooks at once).

    Consecutive message events are applied as one ingest batch (message_events.py),
    consecutive statuses likewise (status_events.py); the result names, for each
    message event, the conversation it is in (None for the other kinds), which the
    relay puts into the payload it logs."""
    out: list[int | None] = [None] * len(items)
    i = 0
    while i < len(items):
        kind, payload = items[i]
        run = _run_of(kind)
        if run is not None:
            j = i + 1
            while j < len(items) and _run_of(items[j][0]) == run:
                j += 1
            if run == "status":
                apply_status_run(conn, [p for _, p in items[i:j]], _status)
            else:
                out[i:j] = apply_message_events(conn, items[i:j])
            i = j
            continue
        handler = HANDLERS.get(kind)
        if handler is not None:
            handler(conn, payload)
        i += 1
    return out


def _run_of(kind: str) -> str | None:
    """Which batch a kind joins in apply_in_order (None: applied on its own)."""
    if kind in MESSAGE_KINDS:
        return "message"
    return "status" if kind == "status" else None


# Meta-side handlers ----------------------------------------------------------------
@register("message.in")
def _message_in(conn: Connection, p: dict[str, Any]) -> None:
    apply_message_events(conn, (("message.in", p),))


@register("message.out")
def _message_out(conn: Connection, p: dict[str, Any]) -> None:
    apply_message_events(conn, (("message.out", p),))


@register("message.echo")
def _message_echo(conn: Connection, p: dict[str, Any]) -> None:
    apply_message_events(conn, (("message.echo", p),))


@register("status")
def _status(conn: Connection, p: dict[str, Any]) -> None:
    outcome = statuses.apply_status(
        conn, status=p["status"], ts=p["ts"], wamid=p.get("wamid"), client_id=p.get("client_id"),
        error_code=p.get("error_code"), error_reason=p.get("error_reason"),
    )
    if outcome is statuses.StatusOutcome.UNKNOWN_MESSAGE:
        if p.get("wamid"):
            # Meta can report a status before the send's answer (or the echo) is
            # applied: keep it, and apply it the moment the message appears.
            early_events.park_early_event(conn, p["wamid"], "status", p)
    elif p.get("client_id") and p.get("wamid"):
        # Found by its client id, the message has just been given its wamid here.
        early_events.settle_early_events(conn, p["wamid"])


@register("reaction")
def _reaction(conn: Connection, p: dict[str, Any]) -> None:
    done = reactions.set_reaction(
        conn, target_wamid=p["target_wamid"], reactor=p["reactor"], emoji=p.get("emoji"),
        ts=p["ts"], agent_id=p.get("agent_id"),
    )
    if not done and not early_events.message_exists(conn, p["target_wamid"]):
        early_events.park_early_event(conn, p["target_wamid"], "reaction", p)


@register("edit")
def _edit(conn: Connection, p: dict[str, Any]) -> None:
    done = edits.apply_edit(conn, p["target_wamid"], p.get("text"), p["ts"])
    if not done and not early_events.message_exists(conn, p["target_wamid"]):
        early_events.park_early_event(conn, p["target_wamid"], "edit", p)


@register("revoke")
def _revoke(conn: Connection, p: dict[str, Any]) -> None:
    # The relay deletes its media file after the commit (intake); a replica's own copy
    # is its media cache's business.
    if not edits.apply_revoke(conn, p["target_wamid"], p["ts"]):
        early_events.park_early_event(conn, p["target_wamid"], "revoke", p)


@register("media.stored")
def _media_stored(conn: Connection, p: dict[str, Any]) -> None:
    relay_media.record_media_facts(conn, p["wamid"], mime=p.get("mime"), size=p.get("size"),
                                   sha256=p.get("sha256"))


def _no_state(conn: Connection, p: dict[str, Any]) -> None:
    """Kinds a desktop shows (notifications, settings pages) but keeps no table for."""


for _kind in ("template.status", "number.quality", "account.update"):
    register(_kind)(_no_state)


# The team's kinds register themselves into HANDLERS (R2's module); imported last so
# that it can import `register` from here.
from wadesk.store import apply_team_events  # noqa: E402,F401
from wadesk.store import apply_privacy_events  # noqa: E402,F401  (automations, consents, erasure)
