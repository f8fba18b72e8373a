"""Shipping the store's outbox to the relay, exactly once.

The outbox (written by actions.py in the same transaction as the local echo) is the
only queue: an item stays in it until the relay has answered, so a crash, a dead
network or a stopped relay only delays it. Sends carry the client id the relay
deduplicates on, so sending an item again after a lost answer sends nothing twice;
a file uploaded for a send is remembered by client id so that a retry names the same
file (otherwise the relay would see a different message under a used client id).

Operations (see actions.py for the payloads):

    send    -> POST /api/v1/messages (media uploaded first: POST /api/v1/media)
    note    -> POST /api/v1/conversations/{relay id}/notes; the local note (negative
               id) is replaced by the relay's in one transaction; refused (too long,
               say), it is deleted and the refusal goes to the UI (message id 0)
    assign  -> POST /api/v1/conversations/{relay id}/assign
    label   -> POST /api/v1/labels/{id}/apply|remove   (written by inbox_controller)

The relay is addressed by its own conversation ids (replica_sync's mapping). A send
to a conversation the relay never named to us goes by the customer's number instead
(`to`), which the relay resolves itself; the other operations fall back to the local
id, which equals the relay's for conversations made by applying its log (the only
way a replica makes them; see apply_events).

A first message to a number (Ctrl+N) is a `send` without a local conversation
(`conversation_id` null) and without a local echo: it always goes by `to`, the relay
makes the conversation, and the sync brings it. Refused, it has no bubble to mark
failed: the refusal goes to the UI with conversation id 0 and the relay's reason.

An attachment whose encrypted file is gone or damaged is refused here, with
MEDIA_MISSING. Anything else unexpected escapes `ship`; the worker puts the item back
and, after a few tries, settles it with `give_up` (SEND_ERROR), as a refusal.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from wadesk.core.send_failure_texts import MEDIA_MISSING, SEND_ERROR
from wadesk.desktop.sync.event_apply import SendRefusal
from wadesk.desktop.sync.relay_api import RelayApi, RelayAuthError, RelayBadAnswer, RelayRefused, RelayUnavailable
from wadesk.exception_place import described
from wadesk.store import media_files, messages, notes, outbox, replica_sync, statuses
from wadesk.store._db import Connection, transaction
from wadesk.store.media_files import MediaFileError
from wadesk.store.outbox import OutboxItem

log = logging.getLogger(__name__)



class Outcome(Enum):
    DONE = "done"  # the relay has it (or refused it for good): off the queue
    RETRY = "retry"  # try again later
    SIGNED_OUT = "signed_out"  # the device token is gone: stop until the user logs in


@dataclass(slots=True)
class Shipped:
    outcome: Outcome
    conversation_id: int | None = None
    message_id: int | None = None
    refusal: SendRefusal | None = None
    notes_changed: bool = False
    retry_after: float | None = None
    unreachable: bool = False  # the network or the relay is down (connection state)


def send_body(item: OutboxItem, relay_conversation_id: int | None, media_id: str | None = None) -> dict[str, Any]:
    """The POST /api/v1/messages body of an outbox `send` item."""
    payload = item.payload
    message = payload["message"]
    kind = message["type"]
    content = dict(message.get(kind) or {})
    if media_id is not None:
        content["id"] = media_id
    body: dict[str, Any] = {"client_id": item.client_id, "type": kind, kind: content}
    if relay_conversation_id is not None:
        body["conversation_id"] = relay_conversation_id
    else:
        to = payload.get("to") or {}
        body["to"] = {"phone_number_id": payload.get("phone_number_id") or None,
                      "wa_id": to.get("wa_id"), "user_id": to.get("user_id")}
    reply_to = (payload.get("context") or {}).get("message_id")
    if reply_to:
        body["reply_to"] = reply_to
    return body


def _refuse_send(conn: Connection, item: OutboxItem, code: str, reason: str) -> tuple[int, int] | None:
    """Mark the echo failed with the relay's reason and take the item off the queue."""
    with transaction(conn):
        found = messages.get_message_by_client_id(conn, item.client_id)
        if found is not None:
            statuses.apply_status_to(conn, found.id, "failed", int(time.time()),
                                     error_code=131047 if code == "window_closed" else None, error_reason=reason)
        outbox.mark_sent(conn, item.client_id)
        replica_sync.forget_upload(conn, item.client_id)
    return (found.id, found.conversation_id) if found is not None else None


def _refuse_note(conn: Connection, item: OutboxItem) -> None:
    """Take a refused note off the queue and delete its local copy (negative id)."""
    local_note_id = item.payload.get("local_note_id")
    with transaction(conn):
        if local_note_id is not None and int(local_note_id) < 0:
            notes.delete_note(conn, int(local_note_id))
        outbox.mark_sent(conn, item.client_id)


def _media_of(conn: Connection, client_id: str, media_dir: Path) -> tuple[bytes, str, str] | None:
    """The file to upload for a send; None when it is gone or damaged (refused then)."""
    found = messages.get_message_by_client_id(conn, client_id)
    if found is None:
        return None
    try:
        data = media_files.read_media(conn, found.id, media_dir)
    except MediaFileError as exc:
        log.warning("the file of a queued attachment cannot be read: %s at %s", *described(exc))
        return None
    if data is None:
        return None
    return data, found.media_mime or "application/octet-stream", found.media_filename or "file"


def _is_id(value: Any) -> bool:
    """An id as the relay gives them: a number, or a non-empty string of text."""
    return (isinstance(value, int) and not isinstance(value, bool)) or (isinstance(value, str) and value != "")


def _replace_note(conn: Connection, local_note_id: int | None, conversation_id: int, answer: dict[str, Any],
                  author_id: str | None) -> None:
    with transaction(conn):
        notes.upsert_note(conn, conversation_id, answer.get("text") or "", author_id=answer.get("author_id") or author_id,
                          note_id=int(answer["id"]), ts=int(answer.get("created_at") or time.time()))
        if local_note_id is not None and local_note_id < 0:
            notes.delete_note(conn, local_note_id)


class OutboxSender:
    def __init__(self, api: RelayApi, db: Any, media_dir: Path | None) -> None:
        self.api = api
        self.db = db
        self.media_dir = media_dir

    async def _relay_id(self, local_id: int) -> int | None:
        return await self.db.run(replica_sync.relay_conversation_id, local_id)

    async def ship(self, item: OutboxItem) -> Shipped:
        op = item.payload.get("op", "send")
        local = item.payload.get("conversation_id")
        try:
            if op == "send":
                return await self._send(item)
            relay_id = (await self._relay_id(local)) or local
            if op == "note":
                return await self._note(item, relay_id)
            if op == "assign":
                assignee = item.payload.get("assignee_id")
                await self.api.assign(relay_id, int(assignee) if assignee is not None else None)
            elif op == "label":
                await self.api.set_label(int(item.payload["label_id"]), relay_id, bool(item.payload.get("present")))
            else:
                log.warning("outbox item with unknown op %r dropped", op)
            await self.db.run(outbox.mark_sent, item.client_id)
            return Shipped(Outcome.DONE, conversation_id=local)
        except RelayAuthError:
            return Shipped(Outcome.SIGNED_OUT)
        except RelayUnavailable as exc:
            return Shipped(Outcome.RETRY, retry_after=exc.retry_after,
                           # The relay answered but cannot reach Meta (a dead token, Meta
                           # down): reachable, only waiting; the cloud.state notice says why.
                           unreachable=exc.code in ("unreachable", "timeout") or (
                               exc.status >= 502 and exc.code not in ("cloud_token_expired", "cloud_unavailable")))
        except RelayRefused as exc:
            log.info("relay refused an outbox item", extra={"op": op, "status": exc.status, "code": exc.code})
            return await self._settle(item, exc.code, str(exc))

    async def give_up(self, item: OutboxItem, reason: str = SEND_ERROR) -> Shipped:
        """`item` failed on this PC again and again: settle it as refused, with `reason`
        (its echo shows failed and why; a text can be sent again from there)."""
        return await self._settle(item, "send_error", reason)

    async def _settle(self, item: OutboxItem, code: str, reason: str) -> Shipped:
        """Take a refused item off the queue and say why."""
        op = item.payload.get("op", "send")
        local = item.payload.get("conversation_id")
        if op == "send":
            found = await self.db.run(_refuse_send, item, code, reason)
            refusal = SendRefusal(found[1], found[0], code, reason) if found else None
            if found is None and local is None:  # a first message to a number: say so
                refusal = SendRefusal(0, 0, code, reason)
            return Shipped(Outcome.DONE, conversation_id=found[1] if found else local,
                           message_id=found[0] if found else None, refusal=refusal)
        if op == "note":
            # The author must not go on seeing a note the team never got: it leaves
            # this PC too, and the window says why (a refusal without a message id).
            await self.db.run(_refuse_note, item)
            return Shipped(Outcome.DONE, conversation_id=local, notes_changed=True,
                           refusal=SendRefusal(local, 0, code, reason) if local else None)
        # A refused assignment or label: nothing to resend; the next sync shows the
        # team's real state.
        await self.db.run(outbox.mark_sent, item.client_id)
        return Shipped(Outcome.DONE, conversation_id=local)

    async def _send(self, item: OutboxItem) -> Shipped:
        kind = item.payload["message"]["type"]
        local = item.payload.get("conversation_id")
        relay_id = await self._relay_id(local) if local is not None else None
        media_id = None
        if kind in ("image", "video", "audio", "document", "sticker") \
                and not (item.payload["message"].get(kind) or {}).get("id"):
            media_id = await self.db.run(replica_sync.uploaded_media_id, item.client_id)
            if media_id is None:
                media = await self.db.run(_media_of, item.client_id, self.media_dir) if self.media_dir else None
                if media is None:
                    # Kept in English like the relay's reasons; translated when shown.
                    raise RelayRefused(MEDIA_MISSING, code="media_missing")
                data, mime, filename = media
                answer = await self.api.upload_media(data, mime, filename)
                if not _is_id(answer.get("media_id")):
                    raise RelayBadAnswer("The relay did not name the uploaded file.", status=200)
                media_id = str(answer["media_id"])
                await self.db.run(replica_sync.remember_upload, item.client_id, media_id)
        status, answer = await self.api.send(send_body(item, relay_id, media_id))

        def done(conn: Connection) -> tuple[int, int] | None:
            with transaction(conn):
                outbox.mark_sent(conn, item.client_id)
                replica_sync.forget_upload(conn, item.client_id)
                if local is not None and answer.get("conversation_id"):
                    replica_sync.remember_relay_conversation(conn, local, int(answer["conversation_id"]))
            found = messages.get_message_by_client_id(conn, item.client_id)
            return (found.id, found.conversation_id) if found is not None else None

        found = await self.db.run(done)
        return Shipped(Outcome.DONE, conversation_id=found[1] if found else local,
                       message_id=found[0] if found else None)

    async def _note(self, item: OutboxItem, relay_id: int) -> Shipped:
        payload = item.payload
        local = payload["conversation_id"]
        if item.attempts > 1:
            # An earlier attempt may have arrived with its answer lost; notes carry no
            # client id on the relay, so look before adding it a second time.
            existing = await self.api.notes(relay_id)
            for note in existing:
                if note.get("text") == payload["text"] and str(note.get("author_id")) == str(payload.get("agent_id")):
                    answer = {"id": note["id"], "text": note["text"], "author_id": note.get("author_id"),
                              "created_at": note.get("created_at")}
                    break
            else:
                answer = await self.api.add_note(relay_id, payload["text"])
        else:
            answer = await self.api.add_note(relay_id, payload["text"])
        if not _is_id(answer.get("id")):
            raise RelayBadAnswer("The relay did not name the saved note.", status=200)

        def done(conn: Connection) -> None:
            with transaction(conn):
                _replace_note(conn, payload.get("local_note_id"), local, answer, payload.get("agent_id"))
                outbox.mark_sent(conn, item.client_id)

        await self.db.run(done)
        return Shipped(Outcome.DONE, conversation_id=local, notes_changed=True)
