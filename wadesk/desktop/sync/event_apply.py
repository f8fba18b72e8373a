"""Applying one page of relay events to the replica, and saying what changed.

Runs on the database thread. The page and the sync cursor commit in one transaction
(apply_events.apply_event is the relay's own code, so the replica converges), and the
result is a `SyncChanges`: plain data the UI thread uses to refresh exactly the rows
that changed, to notify about new customer messages and to show what colleagues do.

An erasure (`contact.erased`: the owner erased a customer) is applied like any event,
with the store's own function; the changes then name the conversations and messages
that went (for the UI to close and forget), none of the page's earlier news about them
survives, the media files to unlink come along (the UI has the worker's database thread
delete them, inbox_controller.py), and right after the commit the WAL is checkpointed
and truncated, so no old page image of the erased rows is left in it.

A page that fails as a whole is applied event by event, and an event that fails on
its own is skipped (logged by kind and seq, never by content): one payload this
version cannot handle must not stop the whole team's sync. Environment errors (disk
full, the file gone) are not skipped; they propagate and the worker tries later.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Any

from wadesk.store import replica_sync
from wadesk.store._db import Connection, Savepoint, transaction
from wadesk.store.apply_events import apply_event
from wadesk.store.apply_privacy_events import LocalErasure, erase_contact_event
from wadesk.store.apply_team_events import find_conversation
from wadesk.store.connection import checkpoint
from wadesk.store.errors import StoreError
from wadesk.store.sync_state import set_sync_cursor

log = logging.getLogger(__name__)
_ONE_EVENT = Savepoint("one_event")

# Meta's error code for "more than 24 hours since the customer's last message".
WINDOW_CLOSED_CODE = 131047
# A colleague's action counts as "just now" for this long (relay time, seconds).
RECENT_S = 60


@dataclass(frozen=True, slots=True)
class IncomingNotice:
    """A new customer message, for a desktop notification."""

    conversation_id: int
    message_id: int
    name: str
    type: str
    text: str | None
    ts: int


@dataclass(frozen=True, slots=True)
class ColleagueActivity:
    conversation_id: int
    person_id: str
    kind: str  # "answered" | "reading"
    at: int


@dataclass(frozen=True, slots=True)
class ColleagueTyping:
    """A colleague is typing in a conversation until `until` (this computer's clock).
    Not an event: the relay's sync answers carry it as presence (see the worker)."""

    conversation_id: int  # local id
    person_id: str
    until: float


@dataclass(frozen=True, slots=True)
class SendRefusal:
    conversation_id: int  # 0: a first message to a number, refused before it had a conversation
    message_id: int
    code: str  # "window_closed" | the relay's error code
    reason: str  # as the relay gave it (English); failure_text.translated when shown


@dataclass(slots=True)
class SyncChanges:
    messages: dict[int, int] = field(default_factory=dict)  # message id -> conversation id
    conversations: set[int] = field(default_factory=set)
    notes: set[int] = field(default_factory=set)  # conversation ids
    labels: bool = False
    quick_replies: bool = False
    people: dict[str, dict[str, Any]] = field(default_factory=dict)
    incoming: list[IncomingNotice] = field(default_factory=list)
    activity: list[ColleagueActivity] = field(default_factory=list)
    refusals: list[SendRefusal] = field(default_factory=list)
    # (message id, relay media key — a wamid or an upload's media id, stored): media to
    # fetch; `stored` once the relay has the file
    media: list[tuple[int, str, bool]] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # the relay's standing with WhatsApp
    # An owner erased customers: their conversations and messages are gone from the store
    erasures: int = 0  # contact.erased events applied
    erased: set[int] = field(default_factory=set)  # conversation ids
    erased_messages: set[int] = field(default_factory=set)
    erased_media: list[str] = field(default_factory=list)  # media file names to unlink
    wal_truncated: bool | None = None  # after an erasure: the checkpoint completed
    total_unread: int = 0
    cursor: int = 0

    def message(self, ref: replica_sync.MessageRef | None) -> None:
        if ref is not None:
            self.messages[ref.id] = ref.conversation_id
            self.conversations.add(ref.conversation_id)

    def erase(self, local: LocalErasure) -> None:
        """Record an erasure; what the page said about the erased conversations before
        it is dropped (no notice, no download, no repaint of a row that is gone). A
        later event of the page may reuse an id for a new conversation: it adds anew."""
        gone, lost = set(local.conversation_ids), set(local.message_ids)
        self.erasures += 1
        self.erased |= gone
        self.erased_messages |= lost
        self.erased_media.extend(local.media_files)
        self.messages = {m: c for m, c in self.messages.items() if c not in gone and m not in lost}
        self.conversations -= gone
        self.notes -= gone
        self.incoming = [n for n in self.incoming if n.conversation_id not in gone]
        self.activity = [a for a in self.activity if a.conversation_id not in gone]
        self.refusals = [r for r in self.refusals if r.conversation_id not in gone]
        self.media = [m for m in self.media if m[0] not in lost]

    @property
    def empty(self) -> bool:
        return not (self.messages or self.conversations or self.notes or self.labels or self.quick_replies
                    or self.people or self.refusals or self.notices or self.erasures)


def apply_page(conn: Connection, events: list[dict[str, Any]], me_id: str | None,
               notify: bool = True) -> SyncChanges:
    """Apply `events` (in seq order) and move the cursor past them, atomically.

    `notify`: new customer messages become notices (off while a new replica catches
    up with the history)."""
    try:
        with transaction(conn):
            changes = _apply_all(conn, events, me_id, notify, skip_bad=False)
    except StoreError:
        raise
    except Exception:
        log.warning("a page of %d events failed; applying them one by one", len(events))
        with transaction(conn):
            changes = _apply_all(conn, events, me_id, notify, skip_bad=True)
    if changes.erasures:
        # The erased rows' old page images are still in the WAL until it is copied
        # back and emptied. Waits for the UI's short reads (the busy timeout).
        changes.wal_truncated = checkpoint(conn, truncate=True)
        if not changes.wal_truncated:
            log.warning("the checkpoint after an erasure did not complete; it is tried again")
    return changes


def _apply_all(conn: Connection, events: list[dict[str, Any]], me_id: str | None,
               notify: bool, *, skip_bad: bool) -> SyncChanges:
    changes = SyncChanges()
    for event in events:
        if skip_bad:
            _ONE_EVENT.open(conn)
            try:
                _apply_one(conn, event, changes, me_id, notify)
            except StoreError:
                raise
            except Exception as exc:
                _ONE_EVENT.undo(conn)
                log.error("skipped relay event seq=%s kind=%s: %s", event.get("seq"), event.get("kind"),
                          type(exc).__name__)
            else:
                _ONE_EVENT.release(conn)
        else:
            _apply_one(conn, event, changes, me_id, notify)
    if events:
        changes.cursor = int(events[-1]["seq"])
        set_sync_cursor(conn, changes.cursor)
    changes.total_unread = replica_sync.total_unread(conn)
    if changes.people:
        team = replica_sync.load_team(conn)
        team.update(changes.people)
        replica_sync.save_team(conn, team)
    return changes


def _conversation(conn: Connection, ref: dict[str, Any] | None, changes: SyncChanges) -> int | None:
    """The local id of a conversation reference, remembering the relay's id for it."""
    if not ref:
        return None
    local = find_conversation(conn, ref, 0)
    if local is not None:
        changes.conversations.add(local)
        if ref.get("id"):
            replica_sync.remember_relay_conversation(conn, local, int(ref["id"]))
    return local


def _window_refusal(changes: SyncChanges, ref: replica_sync.MessageRef | None, code: Any, reason: Any,
                    me_id: str | None) -> None:
    if ref is not None and code == WINDOW_CLOSED_CODE and (ref.agent_id is None or ref.agent_id == me_id):
        changes.refusals.append(SendRefusal(ref.conversation_id, ref.id, "window_closed", str(reason or "")))


def _apply_one(conn: Connection, event: dict[str, Any], changes: SyncChanges, me_id: str | None,
               notify: bool) -> None:
    kind, p = event["kind"], event.get("payload") or {}
    at = int(event.get("at") or 0)
    recent = at >= time.time() - RECENT_S
    before = None
    if kind == "message.in":
        before = replica_sync.message_ref(conn, wamid=p.get("wamid"))
    elif kind == "note.deleted":
        before = replica_sync.conversation_of_note(conn, int(p["note_id"]))
    elif kind == "contact.erased":
        changes.erase(erase_contact_event(conn, p))  # apply_event's own handler, with its result
        return
    apply_event(conn, kind, p)

    if kind == "message.in":
        ref = replica_sync.message_ref(conn, wamid=p.get("wamid"))
        changes.message(ref)
        if ref is None:
            return
        if p.get("media") and not ref.media_file and p.get("wamid"):
            changes.media.append((ref.id, p["wamid"], False))
        if before is None and (p.get("origin") or "cloud") == "cloud" and notify:
            contact = p.get("contact") or {}
            name = contact.get("profile_name") or contact.get("username") or contact.get("wa_id") or ""
            changes.incoming.append(IncomingNotice(ref.conversation_id, ref.id, name, p.get("type") or "text",
                                                   p.get("text"), int(p.get("ts") or at)))
    elif kind in ("message.out", "message.echo"):
        changes.message(replica_sync.message_ref(conn, wamid=p.get("wamid"), client_id=p.get("client_id")))
    elif kind == "status":
        ref = replica_sync.message_ref(conn, wamid=p.get("wamid"), client_id=p.get("client_id"))
        changes.message(ref)
        # WhatsApp accepts a late reply and then reports it failed (131047).
        if p.get("status") == "failed":
            _window_refusal(changes, ref, p.get("error_code"), p.get("error_reason"), me_id)
    elif kind in ("reaction", "edit", "revoke"):
        changes.message(replica_sync.message_ref(conn, wamid=p.get("target_wamid")))
    elif kind == "media.stored":
        ref = replica_sync.message_ref(conn, wamid=p.get("wamid"))
        changes.message(ref)
        if ref is not None and ref.direction == "in" and not ref.media_file:
            changes.media.append((ref.id, p["wamid"], True))
    elif kind == "conversation.assigned":
        _conversation(conn, p.get("conversation"), changes)
    elif kind == "conversation.read":
        local = _conversation(conn, p.get("conversation"), changes)
        by = p.get("by")
        if local is not None and by and str(by) != me_id and recent:
            changes.activity.append(ColleagueActivity(local, str(by), "reading", at))
    elif kind in ("label.created", "label.updated", "label.deleted"):
        changes.labels = True
    elif kind in ("label.set", "label.unset"):
        _conversation(conn, p.get("conversation"), changes)
        if p.get("message"):
            changes.message(replica_sync.message_ref(conn, wamid=p["message"].get("wamid"),
                                                     client_id=p["message"].get("client_id")))
    elif kind == "note.added":
        local = _conversation(conn, p.get("conversation"), changes)
        if local is not None:
            changes.notes.add(local)
    elif kind == "note.deleted":
        if before is not None:
            changes.notes.add(before)
    elif kind in ("quick_reply.saved", "quick_reply.deleted"):
        changes.quick_replies = True
    elif kind == "send.queued":
        local = _conversation(conn, p.get("conversation"), changes)
        ref = replica_sync.message_ref(conn, client_id=p.get("client_id"))
        changes.message(ref)
        # A colleague's photo or document: the relay kept the upload, under its media id.
        media_id = (p.get("media") or {}).get("media_id")
        if ref is not None and media_id and not ref.media_file:
            changes.media.append((ref.id, str(media_id), True))
        agent = p.get("agent_id")
        if local is not None and agent and str(agent) != me_id and recent and p.get("type") != "reaction":
            changes.activity.append(ColleagueActivity(local, str(agent), "answered", at))
    elif kind in ("send.accepted", "send.failed", "send.unknown", "send.retrying"):
        ref = replica_sync.message_ref(conn, wamid=p.get("wamid"), client_id=p.get("client_id"))
        changes.message(ref)
        if kind == "send.failed":
            _window_refusal(changes, ref, p.get("error_code"), p.get("reason"), me_id)
    elif kind == "cloud.state":
        if p.get("state") and p.get("state") != "ok":
            changes.notices.append(str(p.get("message") or ""))
    elif kind == "person.saved":
        changes.people[str(p["person_id"])] = {"name": p.get("name") or "", "role": p.get("role"),
                                               "disabled": bool(p.get("disabled"))}
