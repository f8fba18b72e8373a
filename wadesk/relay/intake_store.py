"""The writer's side of the webhook intake: logging and applying the entries of
webhooks, in the writer's transaction (see writer.py).

Two paths with one outcome:

    combined   every webhook queued for one commit group at once: one lookup of the
               dedupe keys, consecutive messages applied as one ingest batch, one
               INSERT for all the new events, one counter update per name. No
               savepoint per entry: that is what makes it several times cheaper.
    careful    one webhook, each entry in its own savepoint: an entry whose
               application fails (a bug, or data no rule foresaw) is rolled back whole,
               counted, logged by ids and kept in the quarantine (store/quarantine.py)
               in the same transaction, and the rest of the webhook is still stored.

The writer tries the combined path first; if it raises, its savepoint is rolled back
and every webhook of the group takes the careful path, so a bad entry costs its group
a second pass and nothing else. Both log events in the order they were applied, and
message events carry the relay's reference of their conversation (known only once the
message is applied, so it is added to the payload then).

Items the cloud parser refused (intake.py's salvage) come with the write and are
quarantined in its transaction too. `replay` applies a quarantined entry later through
the same translation and dedupe keys: stored exactly once, never twice.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from typing import Any

from wadesk.cloud.webhook_parser import parse_webhook
from wadesk.relay.webhook_events import LogEntry, Translation, translate
from wadesk.store import events, quarantine, relay_media
from wadesk.store._db import Savepoint
from wadesk.store.apply_events import MESSAGE_KINDS, apply_in_order
from wadesk.store.apply_team_events import conversation_ref

log = logging.getLogger("wadesk.relay.intake")


class Stored:
    """What one webhook's write did: the entries newly logged, and files to remove."""

    __slots__ = ("new", "duplicates", "files_to_delete", "failed", "quarantined")

    def __init__(self) -> None:
        self.new: list[tuple[int, LogEntry]] = []
        self.duplicates = 0
        self.files_to_delete: list[str] = []
        self.failed = 0
        self.quarantined = 0


class IntakeWrite:
    """One webhook's write as the group-commit writer takes it: alone (`__call__`,
    the careful path) or with the webhooks queued beside it (`combine`)."""

    __slots__ = ("translation", "unparsed")

    def __init__(self, translation: Translation,
                 unparsed: list[dict[str, Any]] | None = None) -> None:
        self.translation = translation
        # single-item envelopes the cloud parser refused: quarantined with the write
        self.unparsed = unparsed or []

    def __call__(self, conn: Any) -> Stored:
        stored = store_translation(conn, self.translation)
        stored.quarantined += quarantine_unparsed(conn, self.unparsed)
        return stored

    @staticmethod
    def combine(conn: Any, writes: list[IntakeWrite]) -> list[Stored]:
        stored = store_translations(conn, [write.translation for write in writes])
        for write, result in zip(writes, stored):
            result.quarantined += quarantine_unparsed(conn, write.unparsed)
        return stored


def quarantine_unparsed(conn: Any, parts: list[dict[str, Any]]) -> int:
    """Keep the items the parser refused; how many were new to the quarantine."""
    at = int(time.time())
    kept = 0
    for part in parts:
        raw = events.encode_payload(part)
        key = "item:" + hashlib.sha256(raw.encode()).hexdigest()
        kept += quarantine.add(conn, kind=quarantine.UNPARSED, dedupe_key=key, raw=raw,
                               error="InvalidWebhook", at=at)
    return kept


def store_translations(conn: Any, translations: list[Translation]) -> list[Stored]:
    """The combined path: all webhooks of a group in one go; raises on any failure
    (the writer then rolls it back and takes the careful path)."""
    stored = [Stored() for _ in translations]
    seen = events.known_dedupe_keys(
        conn, [entry.dedupe_key for t in translations for entry in t.entries])
    todo: list[tuple[int, LogEntry]] = []
    for index in _log_order(translations):
        for entry in translations[index].entries:
            if entry.dedupe_key in seen:  # logged before, or earlier in this group
                stored[index].duplicates += 1
                continue
            seen.add(entry.dedupe_key)
            todo.append((index, entry))
    for index, entry in todo:
        if entry.kind == "revoke":
            _note_revoked_file(conn, entry, stored[index])
    conversation_ids = apply_in_order(conn, [(entry.kind, entry.payload) for _, entry in todo])
    logged = [_with_conversation(entry, conversation_id)
              for (_, entry), conversation_id in zip(todo, conversation_ids)]
    if logged:
        first = events.append_events(
            conn, [(e.kind, events.encode_payload(e.payload), e.dedupe_key) for e in logged],
            at=int(time.time()))
        for n, ((index, _), entry) in enumerate(zip(todo, logged)):
            stored[index].new.append((first + n, entry))
    counters: dict[str, int] = {}
    for translation, result in zip(translations, stored):
        _add_counters(counters, translation, result)
    for name, by in counters.items():
        events.bump_counter(conn, name, by)
    return stored


def _log_order(translations: list[Translation]) -> list[int]:
    """The order in which the webhooks of a group are logged: those holding only
    messages first, so that their messages form one run that is applied as one batch
    (Meta mixes messages and statuses; a status between two messages would cut it).

    Any order of a group is a true one: its webhooks were all in flight at once, none
    answered before the others arrived. Each webhook keeps its entries together and in
    Meta's order, and the log order is the order in which they were applied, which is
    what every replica replays."""
    first: list[int] = []
    rest: list[int] = []
    for index, translation in enumerate(translations):
        only_messages = all(entry.kind in MESSAGE_KINDS for entry in translation.entries)
        (first if only_messages else rest).append(index)
    return first + rest


_ENTRY = Savepoint("e")


def store_translation(conn: Any, translation: Translation) -> Stored:
    """The careful path: one webhook, each entry in its own savepoint."""
    stored = Stored()
    at = int(time.time())
    for entry in translation.entries:
        _ENTRY.open(conn)
        try:
            _store_entry(conn, entry, stored, at)
        except Exception as exc:
            _ENTRY.undo(conn)
            stored.failed += 1
            error = type(exc).__name__
            log.error("webhook entry not applied", extra={
                "kind": entry.kind, "dedupe_key": entry.dedupe_key, "error": error})
            stored.quarantined += quarantine.add(
                conn, kind=entry.kind, dedupe_key=entry.dedupe_key,
                raw=events.encode_payload(entry.payload), error=error, at=at)
        else:
            _ENTRY.release(conn)
    counters: dict[str, int] = {}
    _add_counters(counters, translation, stored)
    for name, by in counters.items():
        events.bump_counter(conn, name, by)
    return stored


def _store_entry(conn: Any, entry: LogEntry, stored: Stored, at: int) -> None:
    """Log and apply one entry unless its dedupe key is logged already; raises on failure."""
    if events.has_dedupe_key(conn, entry.dedupe_key):
        stored.duplicates += 1
        return
    if entry.kind == "revoke":
        _note_revoked_file(conn, entry, stored)
    (conversation_id,) = apply_in_order(conn, [(entry.kind, entry.payload)])
    logged = _with_conversation(entry, conversation_id)
    seq = events.append_events(
        conn, [(logged.kind, events.encode_payload(logged.payload), logged.dedupe_key)], at=at)
    stored.new.append((seq, logged))


_REPLAY = Savepoint("replay")


def replay(conn: Any, entry: quarantine.EntryToReplay,
           phone_number_ids: tuple[str, ...]) -> Stored | str:
    """Apply one quarantined entry again, in the caller's transaction, as the intake
    would have: an unparsed item through the parser and the translation, a log entry
    under its own dedupe key (so what is stored already adds nothing). Marked replayed
    when it went through; else all of it is undone and the error type is returned."""
    stored = Stored()
    at = int(time.time())
    _REPLAY.open(conn)
    try:
        if entry.kind == quarantine.UNPARSED:
            todo = translate(parse_webhook(json.loads(entry.raw)), phone_number_ids).entries
        else:
            todo = [LogEntry(entry.kind, json.loads(entry.raw), entry.dedupe_key)]
        for one in todo:
            _store_entry(conn, one, stored, at)
    except Exception as exc:
        _REPLAY.undo(conn)
        log.warning("quarantined entry not replayed", extra={
            "quarantine_id": entry.id, "kind": entry.kind, "error": type(exc).__name__})
        return type(exc).__name__
    _REPLAY.release(conn)
    quarantine.mark_replayed(conn, entry.id, at=at)
    if stored.duplicates:
        events.bump_counter(conn, "webhook_duplicate_events", stored.duplicates)
    return stored


def _with_conversation(entry: LogEntry, conversation_id: int | None) -> LogEntry:
    """The entry as logged: a message names the relay's conversation it went to."""
    if conversation_id is None or entry.kind not in MESSAGE_KINDS:
        return entry
    p = entry.payload
    contact = p.get("contact") or {}
    ref = conversation_ref(conversation_id, p["phone_number_id"], contact.get("wa_id"),
                           contact.get("user_id"))
    return LogEntry(entry.kind, {**p, "conversation": ref}, entry.dedupe_key)


def _note_revoked_file(conn: Any, entry: LogEntry, stored: Stored) -> None:
    name = relay_media.media_file_of(conn, entry.payload["target_wamid"])
    if name and name not in stored.files_to_delete:
        stored.files_to_delete.append(name)


def _add_counters(counters: dict[str, int], translation: Translation, stored: Stored) -> None:
    for name, by in translation.counters.items():
        counters[name] = counters.get(name, 0) + by
    if stored.duplicates:
        counters["webhook_duplicate_events"] = (
            counters.get("webhook_duplicate_events", 0) + stored.duplicates)
    if stored.failed:
        counters["webhook_entries_failed"] = counters.get("webhook_entries_failed", 0) + stored.failed
