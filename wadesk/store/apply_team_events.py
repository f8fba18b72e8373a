"""Applying the team's events: assignment, read marks, labels, notes, quick replies and
the life of a send. Registered into apply_events.HANDLERS (imported at its bottom), so
the relay and every desktop replica apply them with the same code.

A conversation is named by who and which number, not only by the relay's row id: a
replica may have made its rows in another order (local echoes), so every payload
carries the identity and the handler finds the row by it.

Payload shapes (absent values are null):

    conv = {"id" (the relay's id), "phone_number_id", "wa_id", "user_id"}
    msg  = {"wamid", "client_id"}                    a message, by its global ids

    conversation.assigned {"conversation": conv, "assignee_id" (str person id | null),
                           "assignee_name", "ts"}
    conversation.read     {"conversation": conv, "wamid" (newest customer message), "ts"}
    label.created         {"label_id", "name", "colour", "created_at"}
    label.updated         {"label_id", "name", "colour", "created_at"}
    label.deleted         {"label_id"}
    label.set / label.unset {"label_id", "conversation": conv | null, "message": msg | null}
    note.added            {"note_id", "conversation": conv, "author_id", "author_name",
                           "text", "ts"}
    note.deleted          {"note_id"}
    quick_reply.saved     {"quick_reply_id", "shortcut", "text", "created_at", "updated_at"}
    quick_reply.deleted   {"quick_reply_id"}
    send.queued           {"client_id", "conversation": conv, "phone_number_id", "contact",
                           "type", "ts", "text", "reply_to_wamid", "media", "agent_id",
                           "target_wamid", "emoji", "content"}   the local echo: pending
    send.accepted         {"client_id", "wamid", "ts", "type", "target_wamid", "emoji",
                           "agent_id"}
    send.failed           {"client_id", "error_code", "reason", "ts", "type"}
    send.retrying         {"client_id", "attempt", "retry_at", "error_code", "reason"}
    send.unknown          {"client_id", "reason", "ts"}
    cloud.state           {"state" ("ok" | "token_expired"), "message", "ts"}
    person.saved          {"person_id", "name", "role", "disabled"}

`content` is the message object as the Cloud API takes it under its type's key
(what a desktop needs to draw a location, a contact card or buttons); it is kept in
the message's raw JSON.
"""

from __future__ import annotations

from typing import Any

from wadesk.store import (
    conversations,
    early_events,
    labels,
    notes,
    quick_replies,
    reactions,
    statuses,
    team_queries,
)
from wadesk.store._db import Connection, query_one
from wadesk.store.apply_events import contact_info, media_info, register
from wadesk.store.contacts import ContactInfo, find_contact, upsert_contact_in_tx
from wadesk.store.events import encode_payload
from wadesk.store.ingest import OutgoingMessage, apply_messages, assign_wamid


def conversation_ref(
    conversation_id: int, phone_number_id: str, wa_id: str | None, user_id: str | None
) -> dict[str, Any]:
    return {"id": conversation_id, "phone_number_id": phone_number_id, "wa_id": wa_id,
            "user_id": user_id}


def find_conversation(conn: Connection, ref: dict[str, Any] | None, ts: int = 0) -> int | None:
    """The local row of the conversation a payload names (made if it is new here)."""
    if not ref:
        return None
    if not ref.get("wa_id") and not ref.get("user_id"):
        found = conversations.get_conversation(conn, int(ref["id"])) if ref.get("id") else None
        return found.id if found else None
    contact = find_contact(conn, wa_id=ref.get("wa_id"), user_id=ref.get("user_id"))
    if contact is None:
        contact = upsert_contact_in_tx(
            conn, ContactInfo(wa_id=ref.get("wa_id"), user_id=ref.get("user_id")), now=ts)
    return conversations.get_or_create_conversation(conn, contact.id, ref["phone_number_id"], now=ts)


def find_message_id(conn: Connection, ref: dict[str, Any] | None) -> int | None:
    if not ref:
        return None
    for column in ("wamid", "client_id"):
        if ref.get(column):
            # Column name from the fixed tuple above; the value is bound.
            row = query_one(conn, f"SELECT id FROM messages WHERE {column} = ?", (ref[column],))
            if row is not None:
                return int(row[0])
    return None


def _settle_early(conn: Connection, wamid: str) -> None:
    # Events parked under this wamid (e.g. a status that came before the send's answer
    # and named no client id) apply now.
    early_events.settle_early_events(conn, wamid)


# Conversations -----------------------------------------------------------------------
@register("conversation.assigned")
def _assigned(conn: Connection, p: dict[str, Any]) -> None:
    conversation_id = find_conversation(conn, p["conversation"], p.get("ts") or 0)
    if conversation_id is not None:
        conversations.set_assignee(conn, conversation_id, p.get("assignee_id"))


@register("conversation.read")
def _read(conn: Connection, p: dict[str, Any]) -> None:
    conversation_id = find_conversation(conn, p["conversation"], p.get("ts") or 0)
    if conversation_id is not None:
        conversations.mark_read(conn, conversation_id)


# Labels ---------------------------------------------------------------------------
@register("label.created")
@register("label.updated")
def _label_saved(conn: Connection, p: dict[str, Any]) -> None:
    labels.upsert_label(conn, p["name"], p["colour"], label_id=int(p["label_id"]))
    if p.get("created_at") is not None:  # the relay's time, not this machine's clock
        team_queries.stamp_label(conn, int(p["label_id"]), int(p["created_at"]))


@register("label.deleted")
def _label_deleted(conn: Connection, p: dict[str, Any]) -> None:
    labels.delete_label(conn, int(p["label_id"]))


def _label_link(conn: Connection, p: dict[str, Any], present: bool) -> None:
    label_id = int(p["label_id"])
    if query_one(conn, "SELECT 1 FROM labels WHERE id = ?", (label_id,)) is None:
        return  # deleted meanwhile: nothing to link
    if p.get("conversation"):
        conversation_id = find_conversation(conn, p["conversation"], p.get("ts") or 0)
        if conversation_id is not None:
            labels.set_conversation_label(conn, conversation_id, label_id, present)
    if p.get("message"):
        message_id = find_message_id(conn, p["message"])
        if message_id is not None:
            labels.set_message_label(conn, message_id, label_id, present)


@register("label.set")
def _label_set(conn: Connection, p: dict[str, Any]) -> None:
    _label_link(conn, p, True)


@register("label.unset")
def _label_unset(conn: Connection, p: dict[str, Any]) -> None:
    _label_link(conn, p, False)


# Notes and quick replies --------------------------------------------------------------
@register("note.added")
def _note_added(conn: Connection, p: dict[str, Any]) -> None:
    conversation_id = find_conversation(conn, p["conversation"], p["ts"])
    if conversation_id is not None:
        notes.upsert_note(conn, conversation_id, p["text"], author_id=p.get("author_id"),
                          note_id=int(p["note_id"]), ts=p["ts"])


@register("note.deleted")
def _note_deleted(conn: Connection, p: dict[str, Any]) -> None:
    notes.delete_note(conn, int(p["note_id"]))


@register("quick_reply.saved")
def _quick_reply_saved(conn: Connection, p: dict[str, Any]) -> None:
    quick_replies.upsert_quick_reply(conn, p["shortcut"], p["text"],
                                     quick_reply_id=int(p["quick_reply_id"]))
    if p.get("created_at") is not None and p.get("updated_at") is not None:
        team_queries.stamp_quick_reply(conn, int(p["quick_reply_id"]), int(p["created_at"]),
                                       int(p["updated_at"]))


@register("quick_reply.deleted")
def _quick_reply_deleted(conn: Connection, p: dict[str, Any]) -> None:
    quick_replies.delete_quick_reply(conn, int(p["quick_reply_id"]))


# Sends -------------------------------------------------------------------------------
@register("send.queued")
def _send_queued(conn: Connection, p: dict[str, Any]) -> None:
    if p["type"] == "reaction":
        return  # a reaction is no message of its own; it shows once Meta took it
    contact = contact_info(p.get("contact"))
    if contact.wa_id or contact.user_id:
        # With the event's time: ingest would stamp a new contact with this machine's clock.
        upsert_contact_in_tx(conn, contact, now=p["ts"])
    raw = {"type": p["type"], p["type"]: p.get("content")}
    apply_messages(conn, (OutgoingMessage(
        phone_number_id=p["phone_number_id"], contact=contact, type=p["type"], ts=p["ts"],
        client_id=p["client_id"], text=p.get("text"), reply_to_wamid=p.get("reply_to_wamid"),
        media=media_info(p.get("media")), agent_id=p.get("agent_id"), status="pending",
        raw_json=encode_payload(raw),
    ),))


@register("send.accepted")
def _send_accepted(conn: Connection, p: dict[str, Any]) -> None:
    if p.get("type") == "reaction":
        if p.get("target_wamid"):
            reactions.set_reaction(conn, target_wamid=p["target_wamid"], reactor="business",
                                   emoji=p.get("emoji") or None, ts=p["ts"],
                                   agent_id=p.get("agent_id"))
        return
    if assign_wamid(conn, p["client_id"], p["wamid"]):
        _settle_early(conn, p["wamid"])


@register("send.failed")
def _send_failed(conn: Connection, p: dict[str, Any]) -> None:
    if p.get("type") == "reaction":
        return
    statuses.apply_status(conn, status="failed", ts=p["ts"], client_id=p["client_id"],
                          error_code=p.get("error_code"), error_reason=p.get("reason"))


def _no_state(conn: Connection, p: dict[str, Any]) -> None:
    """Kinds a desktop shows (a banner, a retry hint, the team list) but keeps no row for."""


for _kind in ("send.retrying", "send.unknown", "cloud.state", "person.saved"):
    register(_kind)(_no_state)
