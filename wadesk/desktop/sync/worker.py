"""The sync worker: one network thread with one asyncio loop and one httpx client.

    worker = SyncWorker(base_url, token, open_connection, media_dir, me_id)
    worker.changes.connect(...)          # Qt signals, queued to the UI thread
    worker.start()
    worker.conversation_opened(conversation_id)   # thread-safe calls from the UI
    worker.stop()

On the loop run, side by side: the long-poll (GET /api/v1/sync since the stored
cursor, which also brings the colleagues' "is typing" presence), the outbox sender,
media downloads, the message templates (after the team has loaded, then every ten
minutes), and one-off calls the UI asks for (read receipts, the typing indicator).
All database work goes to the worker's own database thread (db_thread.py) with its
own writer connection, and so do the user's own writes (the window submits them to
`worker.db`: store_writer.py); the UI keeps its connection for short reads. Results
reach the UI only through the
signals below; this module never touches a widget.

Nothing stops for good: the long-poll, the outbox and the media downloads run under
`_supervised`, which starts a loop that failed again after a backoff (the status bar
says "reconnecting" meanwhile). In the outbox an item that fails unexpectedly waits
alone, with backoff, and after `outbox_error_tries` is settled as failed with a plain
reason; what was written after it in the same conversation waits for it (order), the
other conversations go on. Failures are logged by type and place only
(wadesk/exception_place.py).
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal

from wadesk.desktop.sync import presence
from wadesk.desktop.sync.connection_state import ConnectionState
from wadesk.desktop.sync.db_thread import DbThread
from wadesk.desktop.sync.event_apply import ColleagueTyping, apply_page
from wadesk.desktop.sync.media_fetch import MediaFetcher
from wadesk.desktop.sync.outbox_sender import OutboxSender, Outcome
from wadesk.desktop.sync.relay_api import RelayApi, RelayAuthError, RelayError, RelayUnavailable
from wadesk.desktop.sync.template_list import TemplateFetcher
from wadesk.exception_place import described
from wadesk.store import conversations, outbox, replica_sync
from wadesk.store.errors import StoreError
from wadesk.store.sync_state import get_sync_cursor

log = logging.getLogger(__name__)

# Emitted in English from the worker thread; translated where it is shown (the UI
# thread): QCoreApplication.translate("SyncWorker", text).
SIGNED_OUT_TEXT = QT_TRANSLATE_NOOP(
    "SyncWorker", "This computer was signed out of your team's relay (its access was withdrawn, "
    "or the account was disabled). Log in again to keep receiving messages.")


@dataclass(frozen=True, slots=True)
class WorkerSettings:
    sync_wait_s: float = 25.0
    page_limit: int = 200  # events per transaction: short enough never to hold up the UI's writes
    backoff_base_s: float = 1.0
    backoff_cap_s: float = 30.0
    offline_after_s: float = 20.0
    outbox_poll_s: float = 2.0  # safety net; actions normally kick the sender at once
    # WhatsApp shows the customer "typing…" for up to 25 s per call, but the relay tells
    # colleagues for 10 s only: a call every 8 s keeps "Lena is typing…" steady.
    typing_every_s: float = 8.0
    media_downloads: int = 2
    templates_every_s: float = 600.0  # templates change rarely (Meta reviews them)
    templates_retry_s: float = 30.0  # after a failed fetch
    presence_max_s: float = presence.MAX_S  # one report of "typing" shows no longer than this
    outbox_error_tries: int = 5  # an item failing unexpectedly this often is settled as failed


def _order_key(item: Any) -> Any:
    """What an outbox item must stay in order with: its conversation, or for a first
    message to a number (no conversation yet) that number."""
    conversation = item.payload.get("conversation_id")
    if conversation is not None:
        return conversation
    to = item.payload.get("to") or {}
    return ("to", str(to.get("wa_id") or to.get("user_id") or item.client_id))


def _still_queued(conn: Any, client_id: str) -> bool:
    return any(i.client_id == client_id and i.state in ("queued", "sending") for i in outbox.list_outbox(conn))


class SyncWorker(QObject):
    changes = Signal(object)  # event_apply.SyncChanges of one applied page
    message_changed = Signal(int, int)  # message id, conversation id (outbox results)
    notes_changed = Signal(int)  # conversation id
    conversations_changed = Signal(object)  # [conversation id] (read marks written here)
    unread_changed = Signal(int)  # unread customer messages in all conversations (the tray)
    media_ready = Signal(int, int)  # message id, conversation id: its file is now stored
    send_refused = Signal(object)  # event_apply.SendRefusal
    connection_changed = Signal(str, int)  # "online" | "reconnecting" | "offline", messages waiting
    signed_out = Signal(str)  # the device token is no longer valid: a plain explanation
    team_loaded = Signal(object, object)  # my person id, {person id: {"name", "role", "disabled"}}
    templates_loaded = Signal(object)  # [MessageTemplate], approved only ([] from a relay without them)
    presence_changed = Signal(object)  # [ColleagueTyping]: everyone typing now (not me)

    def __init__(self, base_url: str, token: str, open_connection: Callable[[], Any], media_dir: Path | None,
                 me_id: str | None, settings: WorkerSettings | None = None, *,
                 transport: httpx.AsyncBaseTransport | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.base_url = base_url
        self._token = token
        self._transport = transport
        self.media_dir = media_dir
        self.me_id = me_id
        self.settings = settings or WorkerSettings()
        self.db = DbThread(open_connection)
        self.connection = ConnectionState(backoff_base_s=self.settings.backoff_base_s,
                                          backoff_cap_s=self.settings.backoff_cap_s,
                                          offline_after_s=self.settings.offline_after_s)
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._ready = threading.Event()
        self._stop: asyncio.Future[None] | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self._shown: tuple[str, int] | None = None
        self._read_told: dict[int, int] = {}  # conversation -> newest customer message told to the relay
        self._typing_told: dict[int, float] = {}
        self._presence_shown: list[ColleagueTyping] | None = None
        self._signed_out = False
        self._ship_errors: dict[str, int] = {}  # client id -> unexpected failures so far (this session)
        # Conversation (see _order_key) -> (client id, due at): an item that failed
        # unexpectedly and waits; what follows it there waits too.
        self._held: dict[Any, tuple[str, int]] = {}

    # -- life cycle (UI thread) ----------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._thread_main, name="wadesk-network", daemon=True)
        self._thread.start()
        self._ready.wait(5.0)

    def stop(self, timeout: float = 10.0) -> None:
        loop, stop = self._loop, self._stop
        if loop is not None and stop is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(lambda: stop.done() or stop.set_result(None))
            except RuntimeError:
                pass  # the loop ended by itself meanwhile
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        self.db.close()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _thread_main(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._main())
        except Exception as exc:  # noqa: BLE001 - logged by type and place only (a text may be in it)
            log.error("the sync worker stopped: %s at %s", *described(exc))
        finally:
            self._ready.set()
            loop.close()

    async def _main(self) -> None:
        self._stop = asyncio.get_running_loop().create_future()
        self.api = RelayApi(self.base_url, self._token, transport=self._transport)
        self._kick = asyncio.Event()
        self._templates = TemplateFetcher(self.api, on_loaded=self.templates_loaded.emit, on_signed_out=self._sign_out,
                                          every_s=self.settings.templates_every_s,
                                          retry_s=self.settings.templates_retry_s)
        self._sender = OutboxSender(self.api, self.db, self.media_dir)
        self._media = MediaFetcher(self.api, self.db, self.media_dir, on_saved=self.media_ready.emit,
                                   on_signed_out=self._sign_out) if self.media_dir is not None else None
        self._ready.set()
        self._spawn(self._supervised("sync", self._sync_loop))
        self._spawn(self._supervised("outbox", self._outbox_loop))
        self._spawn(self._team_then_templates())
        if self._media is not None:
            for _ in range(self.settings.media_downloads):
                self._spawn(self._supervised("media", self._media.run, shows_state=False))
            self._spawn(self._queue_recent_media())
        await self._emit_state()
        try:
            await self._stop
        finally:
            for task in list(self._tasks):
                task.cancel()
            await asyncio.gather(*self._tasks, return_exceptions=True)
            await self.api.close()

    def _spawn(self, coroutine: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        task = asyncio.get_running_loop().create_task(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._task_done)
        return task

    def _task_done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            # By type and place only: an exception can hold a message text.
            log.error("a sync task failed: %s at %s", *described(task.exception()))

    async def _supervised(self, name: str, make: Callable[[], Coroutine[Any, Any, Any]], *,
                          shows_state: bool = True) -> None:
        """Run `make()`; when it fails, start it again after a backoff, with the status
        bar saying "reconnecting" meanwhile (`shows_state`). Ends when it returns (signed
        out) or is cancelled (stop)."""
        crashes = 0
        while True:
            started = time.monotonic()
            try:
                await make()
                return
            except Exception as exc:  # noqa: BLE001 - any failure: started again, never stopped for good
                if self._signed_out:
                    return
                # Failures far apart do not add up to a long wait.
                crashes = 1 if time.monotonic() - started > self.settings.backoff_cap_s else crashes + 1
                log.error("the %s loop failed and starts again: %s at %s", name, *described(exc))
                if shows_state and self.connection.restarting():
                    await self._emit_state_safely()
            await asyncio.sleep(self.connection.delay(crashes))

    async def _emit_state_safely(self) -> None:
        try:
            await self._emit_state()
        except Exception as exc:  # noqa: BLE001 - the store itself may be what failed
            log.warning("the connection state was not shown: %s at %s", *described(exc))

    def _call(self, make: Callable[[], Coroutine[Any, Any, Any]]) -> None:
        """From the UI thread: run make() on the loop (dropped when not running)."""
        loop = self._loop
        if loop is None or loop.is_closed() or self._signed_out:
            return
        try:
            loop.call_soon_threadsafe(lambda: self._spawn(make()))
        except RuntimeError:
            pass

    # -- what the UI asks for (any thread) -----------------------------------------------

    def kick_outbox(self) -> None:
        """Something was put into the outbox: ship it now."""
        loop = self._loop
        if loop is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(self._kick.set)
            except RuntimeError:
                pass

    def conversation_opened(self, conversation_id: int) -> None:
        """The user looks at a conversation: its read receipt goes out."""
        self._call(lambda: self._mark_read(conversation_id, local=False))

    def mark_read(self, conversation_id: int) -> None:
        """A message arrived in the conversation the user is looking at."""
        self._call(lambda: self._mark_read(conversation_id, local=True))

    def typing(self, conversation_id: int) -> None:
        now = time.monotonic()
        if now - self._typing_told.get(conversation_id, -1e9) < self.settings.typing_every_s:
            return
        self._typing_told[conversation_id] = now
        self._call(lambda: self._typing(conversation_id))

    def set_me(self, me_id: str | None) -> None:
        self.me_id = me_id

    def refresh_templates(self) -> None:
        """Fetch the templates now (the user is about to choose one)."""
        loop, templates = self._loop, getattr(self, "_templates", None)
        if loop is not None and not loop.is_closed() and templates is not None:
            try:
                loop.call_soon_threadsafe(templates.refresh)
            except RuntimeError:
                pass

    # -- connection state ----------------------------------------------------------------

    async def _emit_state(self) -> None:
        waiting = await self.db.run(replica_sync.outbox_waiting)
        shown = (self.connection.state, waiting)
        if shown != self._shown:
            self._shown = shown
            self.connection_changed.emit(*shown)

    async def _answered(self) -> None:
        if self.connection.answered():
            # Back after an outage: what waited goes now, not after its backoff.
            await self.db.run(replica_sync.outbox_due_now, int(time.time()))
            self._kick.set()
        await self._emit_state()

    async def _failed(self) -> None:
        self.connection.failed()
        await self._emit_state()

    async def _sign_out(self, message: str) -> None:
        if self._signed_out:
            return
        self._signed_out = True
        log.warning("the relay no longer accepts this device's token")
        self.connection.signed_out()
        await self._emit_state()
        self.signed_out.emit(SIGNED_OUT_TEXT)
        if self._stop is not None and not self._stop.done():
            self._stop.set_result(None)

    # -- the long-poll -------------------------------------------------------------------

    async def _sync_loop(self) -> None:
        cursor = await self.db.run(get_sync_cursor)
        # A fresh replica's first pages are the team's history: nothing of it notifies
        # until it has caught up. An existing one notifies what came in while it was
        # closed (the controller sums up a burst in one notice).
        notify = cursor > 0
        wait = 0.0
        while True:
            try:
                page = await self.api.sync(cursor, wait=wait, limit=self.settings.page_limit)
            except RelayAuthError as exc:
                await self._sign_out(str(exc))
                return
            except RelayError as exc:
                log.info("sync failed", extra={"status": exc.status, "code": exc.code})
                await self._failed()
                await asyncio.sleep(self.connection.delay())
                wait = 0.0
                continue
            await self._answered()
            events = page.get("events") or []
            if events:
                try:
                    changes = await self.db.run(apply_page, events, self.me_id, notify)
                except StoreError as exc:
                    log.error("applying synced events failed: %s", type(exc).__name__)
                    await asyncio.sleep(self.connection.delay(3))
                    continue
                cursor = changes.cursor
                self.changes.emit(changes)
                if self._media is not None:
                    for message_id, wamid, stored in changes.media:
                        self._media.want(message_id, wamid, now=stored)
                if changes.refusals or changes.messages:
                    await self._emit_state()
            if "presence" in page:  # after the events: they may bring its conversation
                await self._presence(page.get("presence"))
            more = bool(events) and int(page.get("latest") or 0) > cursor
            if not more:
                notify = True
            wait = 0.0 if more else self.settings.sync_wait_s

    # -- the outbox ----------------------------------------------------------------------

    async def _outbox_loop(self) -> None:
        await self.db.run(outbox.requeue_interrupted)
        while True:
            items = await self.db.run(outbox.claim_due)
            if not items:
                await self._emit_state()
                try:
                    await asyncio.wait_for(self._kick.wait(), self.settings.outbox_poll_s)
                except asyncio.TimeoutError:
                    pass
                self._kick.clear()
                continue
            for position, item in enumerate(items):
                if await self._waits_for_held(item):
                    continue
                try:
                    shipped = await self._sender.ship(item)
                except Exception as exc:  # noqa: BLE001 - one item's failure must not stop the others
                    shipped = await self._ship_failed(item, exc)
                    if shipped is None:
                        continue  # put back; the rest goes on
                self._held.pop(_order_key(item), None)
                self._ship_errors.pop(item.client_id, None)
                if shipped.outcome is Outcome.DONE:
                    await self._answered()
                    if shipped.message_id is not None and shipped.conversation_id is not None:
                        self.message_changed.emit(shipped.message_id, shipped.conversation_id)
                    if shipped.notes_changed and shipped.conversation_id is not None:
                        self.notes_changed.emit(shipped.conversation_id)
                    if shipped.refusal is not None:
                        self.send_refused.emit(shipped.refusal)
                    continue
                rest = items[position:]
                if shipped.outcome is Outcome.SIGNED_OUT:
                    await self._put_back(rest, 0.0, "signed out")
                    await self._sign_out(SIGNED_OUT_TEXT)
                    return
                if shipped.unreachable:
                    await self._failed()
                delay = shipped.retry_after if shipped.retry_after is not None else self.connection.delay(item.attempts)
                # The rest of the batch waits as long, and so does what comes later in
                # this item's conversation: messages keep their order.
                at = await self._put_back(rest, delay, "relay unavailable")
                self._held[_order_key(item)] = (item.client_id, at)
                break
            await self._emit_state()

    async def _ship_failed(self, item: Any, exc: Exception) -> Any:
        """`ship` failed unexpectedly (a bug, a relay answer it cannot use): put the item
        back with backoff and hold its conversation (None), or after
        `outbox_error_tries` settle it as failed with a plain reason (its Shipped)."""
        tries = self._ship_errors.get(item.client_id, 0) + 1
        op = str(item.payload.get("op", "send"))
        log.error("an outbox item (%s, try %d) failed: %s at %s", op, tries, *described(exc))
        if tries >= self.settings.outbox_error_tries:
            return await self._sender.give_up(item)
        self._ship_errors[item.client_id] = tries
        at = await self._put_back([item], self.connection.delay(tries), f"error: {type(exc).__name__}")
        self._held[_order_key(item)] = (item.client_id, at)
        return None

    async def _waits_for_held(self, item: Any) -> bool:
        """An earlier item of the same conversation failed and waits: this one waits as
        long (put back behind it). True when `item` was put back."""
        key = _order_key(item)
        held = self._held.get(key)
        if held is None or held[0] == item.client_id:
            return False
        if not await self.db.run(_still_queued, held[0]):
            del self._held[key]  # gone meanwhile (an erasure): nothing to wait for
            return False
        await self._put_back([item], max(0.0, held[1] - time.time()), "waits for an earlier item")
        return True

    async def _put_back(self, items: list[Any], delay: float, why: str) -> int:
        """Queue `items` again in `delay` seconds; the time they are due."""
        at = int(time.time() + delay + 0.999)

        def put_back(conn: Any) -> None:
            for item in items:
                outbox.retry_later(conn, item.client_id, next_attempt_at=at, error=why)

        await self.db.run(put_back)
        return at

    # -- one-off calls -------------------------------------------------------------------

    async def _relay_id(self, conversation_id: int) -> int:
        """The relay's id of a local conversation. Every event that makes or names one
        (messages, sends, team events) carries it, and applying the event keeps it;
        only a conversation known solely from events logged before references existed
        has none, and then its own id is the relay's (the replica numbered it by
        replaying the log in order)."""
        found = await self.db.run(replica_sync.relay_conversation_id, conversation_id)
        return found if found is not None else conversation_id

    async def _mark_read(self, conversation_id: int, *, local: bool) -> None:
        if local:
            await self.db.run(conversations.mark_read, conversation_id)
            self.conversations_changed.emit([conversation_id])
        # Counted here, not on the UI thread: a sum over every conversation.
        self.unread_changed.emit(await self.db.run(replica_sync.total_unread))
        newest = await self.db.run(replica_sync.newest_incoming, conversation_id)
        if newest is None or self._read_told.get(conversation_id) == newest[0]:
            return
        try:
            answer = await self.api.mark_read(await self._relay_id(conversation_id))
        except RelayAuthError as exc:
            await self._sign_out(str(exc))
            return
        except RelayError as exc:
            # Best effort: the blue ticks are a courtesy; the next open tries again.
            log.info("read receipt not sent", extra={"status": exc.status, "code": exc.code})
            return
        self._read_told[conversation_id] = newest[0]
        if newest[1] and answer.get("wamid") and answer["wamid"] != newest[1]:
            log.warning("the relay's conversation %s is not local conversation %s",
                        answer.get("conversation_id"), conversation_id)

    async def _typing(self, conversation_id: int) -> None:
        try:
            await self.api.typing(await self._relay_id(conversation_id))
        except RelayAuthError as exc:
            await self._sign_out(str(exc))
        except RelayError:
            pass  # a typing bubble that does not show is no loss

    async def _local_id(self, relay_conversation_id: int) -> int | None:
        """The reverse of _relay_id: the local conversation the relay calls this. With
        _relay_id's fallback: a conversation the relay never named keeps its own id."""
        def lookup(conn: Any) -> int | None:
            found = replica_sync.local_conversation_id(conn, relay_conversation_id)
            if found is None and replica_sync.relay_conversation_id(conn, relay_conversation_id) is None \
                    and conversations.get_conversation(conn, relay_conversation_id) is not None:
                found = relay_conversation_id
            return found

        return await self.db.run(lookup)

    async def _presence(self, entries: Any) -> None:
        """The relay's list of who is typing where -> presence_changed, when it differs
        from what the UI was told last (see presence.py)."""
        now = time.time()
        typing: list[ColleagueTyping] = []
        for relay_id, person, until in presence.typing_entries(entries, self.me_id):
            local = await self._local_id(relay_id)
            if local is not None:  # a conversation this replica does not have yet
                typing.append(presence.local_typing(local, person, until, now, self.settings.presence_max_s))
        typing.sort(key=lambda t: (t.conversation_id, t.person_id))
        if not presence.same(self._presence_shown, typing):
            self._presence_shown = typing
            self.presence_changed.emit(typing)

    async def _team_then_templates(self) -> None:
        await self._load_team()
        if not self._signed_out:
            await self._templates.run()

    async def _load_team(self) -> None:
        while True:
            try:
                me = await self.api.me()
                people = await self.api.people()
                break
            except RelayAuthError as exc:
                await self._sign_out(str(exc))
                return
            except RelayUnavailable:
                await asyncio.sleep(self.connection.delay())
            except RelayError:
                return
        team = {str(p["id"]): {"name": p.get("name") or "", "role": p.get("role"), "disabled": bool(p.get("disabled"))}
                for p in people}
        await self.db.run(replica_sync.save_team, team)
        me_id = str(me.get("person", {}).get("id")) if me.get("person") else self.me_id
        self.me_id = me_id
        self.team_loaded.emit(me_id, team)

    async def _queue_recent_media(self) -> None:
        assert self._media is not None
        for message_id, wamid in await self.db.run(replica_sync.recent_media_to_fetch):
            self._media.want(message_id, wamid, now=True)
