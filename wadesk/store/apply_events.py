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

    message.in    {"wamid", "phone_number_id", "contact", "type", "ts", "text",
                   "reply_to_wamid", "media", "origin" ("cloud"|"history"), "raw"}
    message.out   {"wamid", "client_id", "phone_number_id", "contact", "type", "ts",
                   "text", "reply_to_wamid", "media", "agent_id", "origin", "status",
                   "raw"}                     (coexistence history of the business side)
    message.echo  as message.out, origin "phone": the owner wrote in the phone app
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

from collections.abc import Callable
from typing import Any

from wadesk.store import early_events, edits, reactions, relay_media, statuses
from wadesk.store._db import Connection, transaction
from wadesk.store.contacts import ContactInfo, upsert_contact_in_tx
from wadesk.store.ingest import IncomingMessage, MediaInfo, OutgoingMessage, apply_messages

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


# Shapes ---------------------------------------------------------------------------
def contact_info(block: dict[str, Any] | None) -> ContactInfo:
    block = block or {}
    return ContactInfo(
        wa_id=block.get("wa_id") or None,
        user_id=block.get("user_id") or None,
        profile_name=block.get("profile_name") or None,
        username=block.get("username") or None,
    )


def media_info(block: dict[str, Any] | None) -> MediaInfo | None:
    if not block:
        return None
    return MediaInfo(block.get("media_id"), block.get("mime"), block.get("size"),
                     block.get("filename"), block.get("sha256"))


def _raw_json(payload: dict[str, Any]) -> str | None:
    from wadesk.store.events import encode_payload  # the one JSON spelling of the log

    raw = payload.get("raw")
    return encode_payload(raw) if raw is not None else None


def _touch_contact(conn: Connection, contact: ContactInfo, ts: int) -> None:
    # With the event's own time: ingest would otherwise stamp a new contact with the
    # applying machine's clock, and a replica would differ from the relay.
    if contact.wa_id or contact.user_id:
        upsert_contact_in_tx(conn, contact, now=ts)


# Meta-side handlers ----------------------------------------------------------------
@register("message.in")
def _message_in(conn: Connection, p: dict[str, Any]) -> None:
    contact = contact_info(p.get("contact"))
    _touch_contact(conn, contact, p["ts"])
    apply_messages(conn, (IncomingMessage(
        wamid=p["wamid"], phone_number_id=p["phone_number_id"], contact=contact,
        type=p["type"], ts=p["ts"], text=p.get("text"), reply_to_wamid=p.get("reply_to_wamid"),
        media=media_info(p.get("media")), origin=p.get("origin") or "cloud",
        raw_json=_raw_json(p),
    ),))
    early_events.settle_early_events(conn, p["wamid"])


@register("message.out")
@register("message.echo")
def _message_out(conn: Connection, p: dict[str, Any]) -> None:
    contact = contact_info(p.get("contact"))
    _touch_contact(conn, contact, p["ts"])
    apply_messages(conn, (OutgoingMessage(
        phone_number_id=p["phone_number_id"], contact=contact, type=p["type"], ts=p["ts"],
        wamid=p.get("wamid"), client_id=p.get("client_id"), text=p.get("text"),
        reply_to_wamid=p.get("reply_to_wamid"), media=media_info(p.get("media")),
        agent_id=p.get("agent_id"), origin=p.get("origin") or "cloud",
        status=p.get("status") or "sent", raw_json=_raw_json(p),
    ),))
    if p.get("wamid"):
        early_events.settle_early_events(conn, p["wamid"])


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
