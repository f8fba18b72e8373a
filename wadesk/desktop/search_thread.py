"""The search box's queries, run on a reader thread with its own read connection.

    requests = SearchRequests(conn, open_connection)   # the opener: profile_store's
    requests.answered.connect(model.apply)             # only the newest question's answer
    requests.ask("mo")                                  # never waits
    requests.close()                                    # with the window

A prefix search over a big history takes tens of milliseconds (FTS5 merges every
word that starts with the prefix), too long for the UI thread. Here the contact
search, the message hits and the rows they need are read on a thread of their own,
on a connection opened there (SQLCipher connections stay on the thread that made
them; with the raw key one opens in about a millisecond) and kept while the window
lives. Only the newest question is run: one asked while another waits replaces it,
and an answer whose question was replaced meanwhile is not even sent. The asker
numbers its questions and applies only the answer to the newest (the one running when
a newer one came is finished, then dropped there): SearchRequests does that on the UI
thread for the list model.

`find` itself is a plain function of a connection: without an opener SearchRequests
runs it at once on the UI's connection (as the search ran before it had a thread).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from wadesk.store import contacts as store_contacts
from wadesk.store import desktop_reads, search
from wadesk.store.conversations import ConversationSummary
from wadesk.store.errors import StoreError
from wadesk.store.labels import Label
from wadesk.store.messages import Message

log = logging.getLogger(__name__)

CONTACT_HITS = 20
MESSAGE_HITS = 50


@dataclass(frozen=True, slots=True)
class Question:
    generation: int  # the asker's number; only the answer to its newest question counts
    text: str
    before_id: int | None = None  # None: the first page; else the next page of message hits
    shown: frozenset[int] = frozenset()  # conversations already listed: a later page skips them

    @property
    def first_page(self) -> bool:
        return self.before_id is None


@dataclass(frozen=True, slots=True)
class Answer:
    question: Question
    rows: list[tuple[ConversationSummary, list[Label]]] = field(default_factory=list)  # in list order
    hits: dict[int, Message] = field(default_factory=dict)  # conversation id -> the message found there
    before_id: int | None = None  # where the next page of message hits starts
    exhausted: bool = True  # no further page
    failed: bool = False  # the store could not answer (logged by type only)


def find(conn: Any, question: Question, *, contact_hits: int = CONTACT_HITS,
         message_hits: int = MESSAGE_HITS) -> Answer:
    """One page of search results: on the first page the conversations of the contacts
    whose names or numbers match, then those with the newest matching messages (one
    row per conversation, at its newest hit)."""
    text = question.text
    shown = set(question.shown)
    rows: list[ConversationSummary] = []
    if question.first_page:
        found = store_contacts.search_contacts(conn, text, limit=contact_hits)
        rows = desktop_reads.conversations_of_contacts(conn, [c.id for c in found])
        shown.update(s.conversation.id for s in rows)
    messages = search.search_messages(conn, text, before_id=question.before_id, limit=message_hits)
    hits: dict[int, Message] = {}
    for message in messages:  # the newest hit per conversation, in the order of the hits
        if message.conversation_id not in shown and message.conversation_id not in hits:
            hits[message.conversation_id] = message
    by_id = {s.conversation.id: s for s in desktop_reads.conversation_summaries(conn, list(hits))}
    rows += [by_id[i] for i in hits if i in by_id]
    hits = {i: m for i, m in hits.items() if i in by_id}
    labels = desktop_reads.labels_for_conversations(conn, [s.conversation.id for s in rows])
    return Answer(
        question,
        [(s, labels.get(s.conversation.id, [])) for s in rows],
        hits,
        before_id=messages[-1].id if messages else question.before_id,
        exhausted=len(messages) < message_hits,
    )


class SearchThread(QObject):
    answered = Signal(object)  # Answer, emitted from the reader thread (connect it queued)

    def __init__(self, open_connection: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._open = open_connection
        self._lock = threading.Condition()
        self._next: Question | None = None
        self._drop_connection = False
        self._thread: threading.Thread | None = None
        self._run: object | None = None  # the running thread's token; None: told to stop

    def ask(self, question: Question) -> None:
        """Run this question next, in place of any still waiting. Never waits."""
        with self._lock:
            self._next = question
            if self._run is None:  # the reader starts when someone searches (again, after close)
                self._run = run = object()
                self._thread = threading.Thread(target=self._main, args=(run,), name="wadesk-search",
                                                daemon=True)
                self._thread.start()
            self._lock.notify_all()

    def drop_connection(self) -> None:
        """Close the reader's connection before its next question (a customer was
        erased: nothing of them stays decrypted in its page cache)."""
        with self._lock:
            self._drop_connection = True
            self._lock.notify_all()

    def close(self, timeout: float = 10.0) -> None:
        """Forget what waits, let a running query finish, close the connection."""
        with self._lock:
            self._run, self._next = None, None
            self._lock.notify_all()
            thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
            if thread.is_alive():
                log.warning("the search thread did not stop in time")

    @property
    def running(self) -> bool:
        thread = self._thread
        return thread is not None and thread.is_alive()

    # -- on the reader thread -------------------------------------------------------------

    def _main(self, run: object) -> None:
        conn: Any = None
        try:
            while True:
                with self._lock:
                    while self._run is run and self._next is None and not self._drop_connection:
                        self._lock.wait()
                    if self._run is not run:
                        return
                    if self._drop_connection:
                        self._drop_connection = False
                        _close(conn)
                        conn = None
                    question, self._next = self._next, None
                if question is None:
                    continue
                try:
                    if conn is None:
                        conn = self._open()
                    answer = find(conn, question)
                except Exception as exc:  # noqa: BLE001 - the UI shows no results and stays usable
                    log.warning("a search failed: %s", type(exc).__name__)
                    answer = Answer(question, failed=True)
                    _close(conn)
                    conn = None  # the next question opens afresh
                with self._lock:
                    if self._run is not run or self._next is not None:
                        continue  # replaced, or closing: nobody wants this answer
                try:
                    self.answered.emit(answer)
                except RuntimeError:  # the window is gone
                    return
        finally:
            _close(conn)


class SearchRequests(QObject):
    """The asking side, on the UI thread: numbers the questions, passes on only the
    answer to the newest, says when one is on its way."""

    answered = Signal(object)  # the Answer to the newest question
    pending_changed = Signal(bool)  # a question was asked / its answer came (or was given up)
    failed = Signal()  # the store could not answer (the answer then has no rows)

    def __init__(self, conn: Any, open_reader: Callable[[], Any] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._conn = conn
        self._generation = 0
        self._asked: Question | None = None
        self.thread: SearchThread | None = None  # None: the queries run on `conn`, here
        if open_reader is not None:
            self.thread = SearchThread(open_reader, self)
            self.thread.answered.connect(self._arrived, Qt.ConnectionType.QueuedConnection)

    @property
    def asked(self) -> Question | None:
        """The question whose answer is on its way."""
        return self._asked

    def ask(self, text: str, before_id: int | None = None, shown: Any = ()) -> None:
        """A first page (before_id None) or the next page of message hits, skipping the
        conversations `shown`. Without a thread the answer is given before this returns."""
        self._generation += 1
        question = Question(self._generation, text, before_id, frozenset(shown))
        if self.thread is None:
            try:
                answer = find(self._conn, question)
            except StoreError as exc:
                log.warning("a search failed: %s", type(exc).__name__)
                answer = Answer(question, failed=True)
            self._deliver(answer)
            return
        was_pending, self._asked = self._asked is not None, question
        self.thread.ask(question)
        if not was_pending:
            self.pending_changed.emit(True)

    def cancel(self) -> None:
        """Whatever answer is on its way, it is not wanted any more."""
        self._generation += 1
        if self._asked is not None:
            self._asked = None
            self.pending_changed.emit(False)

    def forget_reads(self) -> None:
        """A customer was erased: the reader's connection (its page cache) goes."""
        if self.thread is not None:
            self.thread.drop_connection()

    def close(self) -> None:
        self.cancel()
        if self.thread is not None:
            self.thread.close()

    def _arrived(self, answer: Answer) -> None:
        if answer.question.generation != self._generation or self._asked is None:
            return  # a newer question was asked meanwhile (or none is wanted)
        self._asked = None
        self._deliver(answer)
        self.pending_changed.emit(False)

    def _deliver(self, answer: Answer) -> None:
        if answer.failed:
            self.failed.emit()
        self.answered.emit(answer)


def _close(conn: Any) -> None:
    if conn is not None:
        try:
            conn.close()
        except Exception as exc:  # noqa: BLE001 - closing must never keep the app from quitting
            log.warning("closing the search connection failed: %s", type(exc).__name__)
