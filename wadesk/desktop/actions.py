"""What the user's actions write into the store before any network is involved.

A send becomes two things at once, in one transaction: a local echo (the message shows
at once, as pending, with a fresh client id) and an outbox entry keyed by that client
id. The sync worker only has to ship the outbox; the relay deduplicates on the client
id, so a retry after a lost answer never sends twice, and the message's wamid and
statuses come back through the sync stream and update the echo by client id.

Outbox payload (version 1), what the sync worker hands to the relay:

    {"v": 1, "op": "send", "conversation_id": <replica id>, "phone_number_id": "...",
     "to": {"wa_id": "...", "user_id": "..."}, "agent_id": "...",
     "message": <a Cloud API message body: {"type": "text", "text": {...}},
                 {"type": "image", "image": {"caption": ...}} (bytes: the echo's media,
                 found by client id), {"type": "template", ...}, {"type": "reaction", ...}>,
     "context": {"message_id": "<wamid replied to>"}}        (only for replies)
    {"v": 1, "op": "send", "conversation_id": null, "phone_number_id": "..." | null,
     "to": {"wa_id": "...", "user_id": null}, "agent_id": "...", "message": {"type": "template", ...}}
                         a first message to a number with no conversation here (Ctrl+N):
                         no local echo; the relay makes the conversation and the sync
                         brings it, with the message under this client id
    {"v": 1, "op": "note", "conversation_id": ..., "text": "...", "local_note_id": <negative id>}
    {"v": 1, "op": "assign", "conversation_id": ..., "assignee_id": "..." | null}
    {"v": 1, "op": "label", "conversation_id": ..., "label_id": <id>, "present": true | false}

No widgets here. Every action comes in two halves: `plan_*` runs on the UI thread (checks
the input, short indexed reads, builds the payload) and returns a write, a function of a
connection, which the main window hands to the sync worker's database thread
(store_writer.py); the plain methods (send_text, …) run both halves on this object's
own connection, for callers without a database thread (tests, tools).

A refusal is an ActionError: its `kind` names it for tests and logs, its text is the
sentence the user reads, already in the interface's language (context "Actions").
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication

from wadesk.cloud.template_messages import TemplateMessage
from wadesk.core.template_text import fallback_text
from wadesk.desktop.attachments import PASTE_PREFIX, Attachment, check_attachment
from wadesk.desktop.rich_text import find_links
from wadesk.store import (
    conversations,
    desktop_reads,
    ingest,
    labels,
    media_files,
    messages,
    notes,
    outbox,
    reactions,
)
from wadesk.store._db import transaction  # one transaction around echo + outbox entry
from wadesk.store.ingest import ApplyResult, MediaInfo
from wadesk.store.notes import Note

T = TypeVar("T")
Write = Callable[[Any], T]  # runs on whichever thread owns the connection it is given

PAYLOAD_VERSION = 1
NOTE_MAX = 4096  # the relay's limit for a note (relay/team_api.py): a longer one is refused
WINDOW_CLOSED_CODE = 131047  # WhatsApp: the 24-hour window is closed, only a template goes
_PLACEHOLDER = re.compile(r"%(\d)")


def window_refused(message: Any) -> bool:
    """The message failed because the 24-hour window was closed: sending it again would
    fail the same way; a template is the way on."""
    return getattr(message, "status", None) == "failed" and getattr(message, "error_code", None) == WINDOW_CLOSED_CODE


class ActionError(Exception):
    """The action cannot be done (unknown conversation, refused file). `kind` is stable
    (for tests and logs: no customer data in it); `text`, also str(error), tells the
    user why, translated."""

    def __init__(self, kind: str, text: str) -> None:
        super().__init__(text)
        self.kind = kind
        self.text = text


def _fill(translated: str, *values: object) -> str:
    """%1, %2 … of a translated sentence filled in (after translating: a translation
    may put them elsewhere)."""
    return _PLACEHOLDER.sub(lambda m: str(values[int(m[1]) - 1]) if 0 < int(m[1]) <= len(values) else m[0],
                            translated)  # in one pass: a file named "%2.pdf" stays as it is


def new_client_id() -> str:
    return "wd-" + uuid.uuid4().hex


class OutgoingActions:
    def __init__(self, conn: Any, media_dir: Path | None, me_id: str | None = None, *,
                 now: Callable[[], float] = time.time, make_client_id: Callable[[], str] = new_client_id) -> None:
        self._conn = conn
        self._media_dir = media_dir
        self.me_id = me_id
        self._now = now
        self._client_id = make_client_id

    # -- on this object's own connection ---------------------------------------------------

    def send_text(self, conversation_id: int, text: str, reply_to: str | None = None) -> ApplyResult:
        return self.plan_send_text(conversation_id, text, reply_to)(self._conn)

    def send_media(self, conversation_id: int, path: str | Path, caption: str = "",
                   reply_to: str | None = None) -> ApplyResult:
        return self.plan_send_media(conversation_id, path, caption, reply_to)(self._conn)

    def send_template(self, conversation_id: int, template: TemplateMessage, rendered: str) -> ApplyResult:
        return self.plan_send_template(conversation_id, template, rendered)(self._conn)

    def start_conversation(self, wa_id: str, template: TemplateMessage, phone_number_id: str | None = None) -> str:
        return self.plan_start_conversation(wa_id, template, phone_number_id)(self._conn)

    def react(self, message_id: int, emoji: str) -> bool:
        plan = self.plan_react(message_id, emoji)
        return plan is not None and plan(self._conn)

    def add_note(self, conversation_id: int, text: str) -> Note:
        return self.plan_add_note(conversation_id, text)(self._conn)

    def assign(self, conversation_id: int, person_id: str | None) -> bool:
        return self.plan_assign(conversation_id, person_id)(self._conn)

    def set_label(self, conversation_id: int, label_id: int, present: bool) -> bool:
        return self.plan_set_label(conversation_id, label_id, present)(self._conn)

    def retry(self, message_id: int) -> ApplyResult | None:
        return self.plan_retry(message_id)(self._conn)

    # -- planned on the UI thread, written where the write is run --------------------------

    def _envelope(self, conversation_id: int, op: str = "send") -> dict[str, Any]:
        summary = desktop_reads.conversation_summary(self._conn, conversation_id)
        if summary is None:
            raise ActionError("conversation_gone", QCoreApplication.translate(
                "Actions", "This conversation is no longer on this computer (it may have been "
                           "erased), so nothing was sent or changed."))
        contact = summary.contact
        return {
            "v": PAYLOAD_VERSION, "op": op, "conversation_id": conversation_id,
            "phone_number_id": summary.conversation.phone_number_id,
            "to": {"wa_id": contact.wa_id, "user_id": contact.user_id}, "agent_id": self.me_id,
        }

    def _plan_send(self, conversation_id: int, body: dict[str, Any], *, type: str, text: str | None,
                   reply_to: str | None, media: MediaInfo | None = None,
                   data: Callable[[], bytes] | None = None) -> Write[ApplyResult]:
        payload = self._envelope(conversation_id)
        payload["message"] = body
        if reply_to:
            payload["context"] = {"message_id": reply_to}
        client_id, now, me_id, media_dir = self._client_id(), int(self._now()), self.me_id, self._media_dir

        def write(conn: Any) -> ApplyResult:
            content = data() if data is not None else None  # before anything is written
            with transaction(conn):
                outbox.enqueue(conn, client_id, payload, now=now)
                result = ingest.add_local_echo(
                    conn, conversation_id, client_id=client_id, type=type, text=text,
                    ts=now, agent_id=me_id, reply_to_wamid=reply_to or None, media=media,
                )
            if content is not None and media_dir is not None:
                media_files.save_media(conn, result.message_id, content, media_dir)
            return result

        return write

    def plan_send_text(self, conversation_id: int, text: str, reply_to: str | None = None) -> Write[ApplyResult]:
        text = text.strip()
        if not text:
            raise ActionError("empty_message", QCoreApplication.translate(
                "Actions", "There is nothing to send: the message is empty."))
        body = {"type": "text", "text": {"body": text, "preview_url": bool(find_links(text))}}
        return self._plan_send(conversation_id, body, type="text", text=text, reply_to=reply_to)

    def plan_send_media(self, conversation_id: int, path: str | Path, caption: str = "",
                        reply_to: str | None = None) -> Write[ApplyResult]:
        """The file is read and encrypted by the write (a 90 MB video must not freeze the
        window), except a pasted image: its plaintext folder goes as soon as the
        composer has sent it, so it is read here (an image is at most a few MB)."""
        checked = check_attachment(path)
        if not isinstance(checked, Attachment):
            raise ActionError("file_refused", checked)  # check_attachment's sentence, translated
        source = checked.path

        def read() -> bytes:
            try:
                return source.read_bytes()
            except OSError as exc:
                raise ActionError("file_unreadable", _fill(QCoreApplication.translate(
                    "Actions", "“%1” can no longer be opened (was it moved or deleted?), so it "
                               "was not sent."), source.name)) from exc

        if source.parent.name.startswith(PASTE_PREFIX):
            pasted = read()
            data: Callable[[], bytes] = lambda: pasted
        else:
            data = read
        kind = checked.message_type
        content: dict[str, Any] = {}
        if caption and kind != "audio" and kind != "sticker":
            content["caption"] = caption
        if kind == "document":
            content["filename"] = source.name
        media = MediaInfo(mime=checked.mime, size=checked.size, filename=source.name)
        return self._plan_send(conversation_id, {"type": kind, kind: content}, type=kind,
                               text=content.get("caption"), reply_to=reply_to, media=media, data=data)

    def plan_send_template(self, conversation_id: int, template: TemplateMessage,
                           rendered: str) -> Write[ApplyResult]:
        """`rendered`: the text as the customer reads it (TemplateDialog.rendered_text,
        wadesk.core.template_text, as the relay renders it for the team). Without it,
        the template's name and values, as the relay shows a template it does not know."""
        payload = template.to_payload()
        body = {"type": "template", "template": payload}
        text = rendered or fallback_text(payload)
        return self._plan_send(conversation_id, body, type="template", text=text, reply_to=None)

    def plan_start_conversation(self, wa_id: str, template: TemplateMessage,
                                phone_number_id: str | None = None) -> Write[str]:
        """The first message to a number: a template (the only kind WhatsApp lets a
        business start with), queued by number. The write returns the client id, by
        which the message shows up once the relay's events have brought its new
        conversation."""
        digits = "".join(ch for ch in wa_id if ch.isdigit())
        if not 8 <= len(digits) <= 15:
            raise ActionError("not_a_number", _fill(QCoreApplication.translate(
                "Actions", "“%1” is not a phone number WhatsApp can reach: type it with the "
                           "country code, 8 to 15 digits in all."), wa_id.strip()))
        payload = {
            "v": PAYLOAD_VERSION, "op": "send", "conversation_id": None,
            "phone_number_id": phone_number_id or desktop_reads.any_phone_number_id(self._conn),
            "to": {"wa_id": digits, "user_id": None}, "agent_id": self.me_id,
            "message": {"type": "template", "template": template.to_payload()},
        }
        client_id, now = self._client_id(), int(self._now())

        def write(conn: Any) -> str:
            outbox.enqueue(conn, client_id, payload, now=now)
            return client_id

        return write

    def plan_react(self, message_id: int, emoji: str) -> Write[bool] | None:
        """React to a customer's (or our) message; "" removes our reaction. None: the
        message cannot be reacted to (WhatsApp has not accepted it yet: no wamid)."""
        target = messages.get_message(self._conn, message_id)
        if target is None or target.wamid is None:
            return None
        payload = self._envelope(target.conversation_id)
        payload["message"] = {"type": "reaction", "reaction": {"message_id": target.wamid, "emoji": emoji}}
        client_id, now, me_id, wamid = self._client_id(), int(self._now()), self.me_id, target.wamid

        def write(conn: Any) -> bool:
            with transaction(conn):
                outbox.enqueue(conn, client_id, payload, now=now)
                reactions.set_reaction(conn, target_wamid=wamid, reactor="business",
                                       emoji=emoji or None, ts=now, agent_id=me_id)
            return True

        return write

    def plan_add_note(self, conversation_id: int, text: str) -> Write[Note]:
        """A note for the team. Notes are born on the relay; until it answers, the note
        lives here under a negative id the relay never uses (the sync worker deletes it
        when the relay's copy arrives: payload["local_note_id"])."""
        text = text.strip()
        if not text:
            raise ActionError("empty_note", QCoreApplication.translate(
                "Actions", "There is nothing to keep: the note is empty."))
        if len(text) > NOTE_MAX:
            raise ActionError("note_too_long", _fill(QCoreApplication.translate(
                "Actions", "A note can have at most %1 characters; this one has %2."), NOTE_MAX, len(text)))
        local_id = -(uuid.uuid4().int >> 80)
        payload = self._envelope(conversation_id, op="note")
        payload.update(text=text, local_note_id=local_id)
        client_id, now, me_id = self._client_id(), int(self._now()), self.me_id

        def write(conn: Any) -> Note:
            with transaction(conn):
                outbox.enqueue(conn, client_id, payload, now=now)
                return notes.upsert_note(conn, conversation_id, text, author_id=me_id, note_id=local_id, ts=now)

        return write

    def plan_assign(self, conversation_id: int, person_id: str | None) -> Write[bool]:
        payload = self._envelope(conversation_id, op="assign")
        payload["assignee_id"] = person_id
        client_id, now = self._client_id(), int(self._now())

        def write(conn: Any) -> bool:
            with transaction(conn):
                outbox.enqueue(conn, client_id, payload, now=now)
                return conversations.set_assignee(conn, conversation_id, person_id)

        return write

    def plan_set_label(self, conversation_id: int, label_id: int, present: bool) -> Write[bool]:
        payload = self._envelope(conversation_id, op="label")
        payload.update(label_id=label_id, present=present)
        client_id, now = self._client_id(), int(self._now())

        def write(conn: Any) -> bool:
            with transaction(conn):
                outbox.enqueue(conn, client_id, payload, now=now)
                return labels.set_conversation_label(conn, conversation_id, label_id, present)

        return write

    def plan_retry(self, message_id: int) -> Write[ApplyResult | None]:
        """Send a failed message again. Still in the outbox: queue it now; failed at
        WhatsApp: send its text again as a new message (the failed one stays, marked)."""
        message = messages.get_message(self._conn, message_id)
        if message is None or message.status != "failed" or window_refused(message):
            return lambda conn: None
        queued = next((i for i in outbox.list_outbox(self._conn) if i.client_id == message.client_id), None)
        if queued is not None:
            now, error = int(self._now()), queued.last_error or ""

            def write(conn: Any) -> ApplyResult:
                outbox.retry_later(conn, queued.client_id, next_attempt_at=now, error=error, now=now)
                return ApplyResult(message.id, message.conversation_id, False)

            return write
        if message.type == "text" and message.text:
            return self.plan_send_text(message.conversation_id, message.text, message.reply_to_wamid)
        return lambda conn: None
