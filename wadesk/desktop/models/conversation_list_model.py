"""The inbox list: conversation ids in order of last activity, rows loaded page by page.

Pages come from the store by keyset (`list_conversations(after=cursor)`), so scrolling
ten thousand conversations down costs the same per page as the first one, and only the
pages the user has scrolled to are ever read. The model keeps only ids and sort keys
(plain ints, which Python's garbage collector does not even track); the rows
themselves live in a small cache and are read again by id, a batch around the row the
view asks for, when they fall out of it (as Anki's browser does). Display strings are
made in data(), so nothing is formatted for rows nobody looks at.

Live updates: `refresh_conversation(id)` re-reads one row and moves it to where its
new activity puts it (usually the top), inserts it if it newly belongs to the current
filter, or drops it if it no longer does. The open conversation is pinned: it stays
while the user reads it, even in the "Unread" filter after it was marked read.

Search: with a reader (`open_reader`, a connection opener) the search box's queries run
on a reader thread (search_thread.py), first page and further pages alike. Every
question gets a new generation number and only the answer to the newest is applied,
so fast typing never shows older results and never waits; until it comes the list
keeps what it shows (`search_text` is the search shown, `search_pending` says one is
on its way). An empty search returns to the inbox at once. A conversation that
vanishes meanwhile (an erasure) makes the model ask again, so an answer read before
the erasure never reaches the screen. Without a reader the same queries run here.
"""

from __future__ import annotations

import bisect
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from wadesk.core.phone_format import format_number
from wadesk.desktop import message_kinds, time_format
from wadesk.desktop.search_thread import Answer, SearchRequests, SearchThread
from wadesk.desktop.team import TeamDirectory, initials
from wadesk.store import desktop_reads
from wadesk.store.contacts import Contact
from wadesk.store.conversations import (
    ConversationCursor,
    ConversationFilter,
    ConversationSummary,
    list_conversations,
)
from wadesk.store.labels import Label

FILTERS = ("all", "unread", "mine", "unassigned", "label")
_ROLE = Qt.ItemDataRole.UserRole


def contact_name(contact: Contact) -> str:
    """The business's name for the contact, else their profile name, else the number."""
    for name in (contact.business_name, contact.profile_name):
        if name:
            return name
    if contact.wa_id:
        return format_number(contact.wa_id)
    return f"@{contact.username}" if contact.username else str(contact.user_id)


@dataclass(slots=True)
class _Row:
    summary: ConversationSummary
    labels: list[Label] = field(default_factory=list)
    match_text: str | None = None  # the message a search found in this conversation
    match_id: int | None = None  # and its id (choosing the row opens the chat there)

    @property
    def sort_key(self) -> tuple[int, int]:
        c = self.summary.conversation
        return (-c.last_activity_at, -c.id)


class ConversationListModel(QAbstractListModel):
    IdRole = _ROLE + 1
    NameRole = _ROLE + 2
    NumberRole = _ROLE + 3
    PreviewRole = _ROLE + 4
    PreviewKindRole = _ROLE + 5
    PreviewIconRole = _ROLE + 6
    PreviewStatusRole = _ROLE + 7
    TimeRole = _ROLE + 8
    TimestampRole = _ROLE + 9
    UnreadRole = _ROLE + 10
    AssigneeIdRole = _ROLE + 11
    AssigneeInitialsRole = _ROLE + 12
    AssigneeNameRole = _ROLE + 13
    LabelColoursRole = _ROLE + 14
    LabelNamesRole = _ROLE + 15
    AvatarKeyRole = _ROLE + 16
    SummaryRole = _ROLE + 17
    MatchMessageIdRole = _ROLE + 18  # search mode: the message found (None for a name hit)

    search_pending_changed = Signal(bool)  # a search was asked and its answer is on its way
    search_failed = Signal()  # the store could not answer a search (shown as no results)

    PAGE_SIZE = 100
    CACHE_ROWS = 600  # several screens of rows; the rest is read again by id when needed

    def __init__(self, conn: Any, team: TeamDirectory | None = None, *,
                 now: Callable[[], float] = time.time, open_reader: Callable[[], Any] | None = None,
                 parent=None) -> None:
        super().__init__(parent)
        self._conn = conn
        self._team = team or TeamDirectory()
        self._now = now
        self._ids: list[int] = []
        self._keys: list[tuple[int, int]] = []  # sort keys, parallel to _ids
        self._rows: OrderedDict[int, _Row] = OrderedDict()  # the row cache
        self._matches: dict[int, tuple[str, int]] = {}  # search mode: (preview, id) of the hit per conversation
        self._filter_key = "all"
        self._label_id: int | None = None
        self._search = ""  # the search whose results are shown ("" : the inbox)
        self._cursor: ConversationCursor | None = None
        self._search_before: int | None = None
        self._exhausted = True
        self._pinned: int | None = None
        self._wanted = ""  # the newest search asked for, shown or not yet
        self._refreshed: set[int] = set()  # rows re-read while an answer was on its way
        self._searches = SearchRequests(conn, open_reader, self)
        self._searches.answered.connect(self._apply)
        self._searches.pending_changed.connect(self.search_pending_changed)
        self._searches.failed.connect(self.search_failed)
        self._team.changed.connect(self._team_changed)
        self.reload()

    # -- what is shown ---------------------------------------------------------------

    @property
    def filter_key(self) -> str:
        return self._filter_key

    @property
    def search_text(self) -> str:
        """The search whose results the list shows ("" while it shows the inbox)."""
        return self._search

    @property
    def search_pending(self) -> bool:
        """A search (or its next page) was asked and its answer has not come yet."""
        return self._searches.asked is not None

    @property
    def search_thread(self) -> SearchThread | None:
        """The reader thread the search runs on (None: it runs on the UI's connection)."""
        return self._searches.thread

    def set_filter(self, key: str, label_id: int | None = None) -> None:
        if key not in FILTERS or (key == "label") != (label_id is not None):
            raise ValueError(f"bad filter {key!r} / {label_id!r}")
        self._filter_key, self._label_id = key, label_id
        if not self._wanted:  # search results do not depend on the filter
            self.reload()

    def set_search(self, text: str) -> None:
        """Search names, numbers and message texts; "" returns to the inbox at once."""
        wanted = text.strip()
        if not wanted and not self._wanted and not self._search:
            return  # the inbox is shown already
        self._wanted = wanted
        self.reload()

    def set_pinned(self, conversation_id: int | None) -> None:
        """Keep this conversation in the list even when it stops matching the filter."""
        previous, self._pinned = self._pinned, conversation_id
        if previous is not None and previous != conversation_id:
            self.refresh_conversation(previous)

    def reload(self) -> None:
        """Read the list again; while searching, ask the search again (the results
        shown stay until the answer comes)."""
        if self._wanted:
            self._ask(self._wanted)
            return
        self._searches.cancel()
        self.beginResetModel()
        self._clear()
        self._search = ""
        self._append(self._next_page())
        self.endResetModel()

    def _clear(self) -> None:
        self._ids, self._keys, self._rows, self._matches = [], [], OrderedDict(), {}
        self._cursor, self._search_before = None, None
        self._exhausted = False

    def close(self) -> None:
        """The window closes: no answer is applied any more, the reader thread stops."""
        self._searches.close()

    # -- lookups ----------------------------------------------------------------------

    def conversation_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, conversation_id: int) -> int:
        try:
            return self._ids.index(conversation_id)
        except ValueError:
            return -1

    def summary(self, conversation_id: int) -> ConversationSummary | None:
        position = self.row_of(conversation_id)
        row = self._row(position) if position >= 0 else None
        return row.summary if row else None

    def _row(self, position: int) -> _Row | None:
        conversation_id = self._ids[position]
        row = self._rows.get(conversation_id)
        if row is not None:
            self._rows.move_to_end(conversation_id)
            return row
        # A batch around the asked row: the view paints its neighbours next.
        start = max(0, position - self.PAGE_SIZE // 2)
        wanted = [i for i in self._ids[start : start + self.PAGE_SIZE] if i not in self._rows]
        self._cache(self._with_labels(desktop_reads.conversation_summaries(self._conn, wanted)))
        return self._rows.get(conversation_id)

    def _cache(self, rows: list[_Row]) -> None:
        for row in rows:
            conversation_id = row.summary.conversation.id
            row.match_text, row.match_id = self._matches.get(conversation_id, (None, None))
            self._rows[conversation_id] = row
            self._rows.move_to_end(conversation_id)
        while len(self._rows) > self.CACHE_ROWS:
            self._rows.popitem(last=False)

    # -- paging -----------------------------------------------------------------------

    def _store_filter(self) -> ConversationFilter:
        key = self._filter_key
        if key == "unread":
            return ConversationFilter(unread=True)
        if key == "mine":
            # Without a known "me" nothing is mine; an id that matches nobody says so.
            return ConversationFilter(assignee_id=self._team.me_id or "\x00nobody")
        if key == "unassigned":
            return ConversationFilter(unassigned=True)
        if key == "label":
            return ConversationFilter(label_id=self._label_id)
        return ConversationFilter()

    def _next_page(self) -> list[_Row]:
        page = list_conversations(self._conn, self._store_filter(), after=self._cursor, limit=self.PAGE_SIZE)
        if len(page) < self.PAGE_SIZE:
            self._exhausted = True
        if page:
            self._cursor = page[-1].cursor
        known = set(self._ids) if self._ids else set()
        return self._with_labels([s for s in page if s.conversation.id not in known])

    def _with_labels(self, summaries: list[ConversationSummary]) -> list[_Row]:
        labels = desktop_reads.labels_for_conversations(self._conn, [s.conversation.id for s in summaries])
        return [_Row(s, labels.get(s.conversation.id, [])) for s in summaries]

    def _append(self, rows: list[_Row]) -> None:
        for row in rows:
            self._ids.append(row.summary.conversation.id)
            self._keys.append(row.sort_key)
        self._cache(rows)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted and not self.search_pending

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:
        if parent.isValid() or self._exhausted or self.search_pending:
            return
        if self._search:  # the next page of hits comes the way the first did
            self._ask(self._search, self._search_before)
            return
        rows = self._next_page()
        if rows:
            self._insert_at_end(rows)

    def _insert_at_end(self, rows: list[_Row]) -> None:
        self.beginInsertRows(QModelIndex(), len(self._ids), len(self._ids) + len(rows) - 1)
        self._append(rows)
        self.endInsertRows()

    # -- search -----------------------------------------------------------------------

    def _ask(self, text: str, before_id: int | None = None) -> None:
        self._refreshed.clear()  # the new question reads after those refreshes
        # A next page skips the conversations listed; a first page replaces them all.
        self._searches.ask(text, before_id, () if before_id is None else self._ids)

    def _apply(self, answer: Answer) -> None:
        question = answer.question
        if answer.failed:
            answer = Answer(question)  # no results, and no further page to ask for
        found = {conversation_id: (message_kinds.preview_text(
            message_kinds.kind_of(hit.type, hit.media_mime), hit.text or hit.media_filename), hit.id)
            for conversation_id, hit in answer.hits.items()}
        rows = [_Row(summary, labels) for summary, labels in answer.rows]
        if question.first_page:
            self.beginResetModel()
            self._clear()
            self._search = question.text
            self._matches = found
        else:
            shown = set(self._ids)  # a row may have come meanwhile
            self._matches.update(found)
            rows = [row for row in rows if row.summary.conversation.id not in shown]
        # Before the rows go in: the view asks at once whether there is more.
        self._search_before, self._exhausted = answer.before_id, answer.exhausted
        if question.first_page:
            self._append(rows)
        elif rows:
            self._insert_at_end(rows)
        for conversation_id in self._refreshed:  # read before it changed: read again when shown
            self._rows.pop(conversation_id, None)
        self._refreshed.clear()
        if question.first_page:
            self.endResetModel()

    # -- live updates -----------------------------------------------------------------

    def _matches_filter(self, row: _Row) -> bool:
        c = row.summary.conversation
        if c.id == self._pinned:
            return True
        if c.archived:
            return False
        key = self._filter_key
        if key == "unread":
            return c.unread_count > 0
        if key == "mine":
            return self._team.me_id is not None and c.assignee_id == self._team.me_id
        if key == "unassigned":
            return c.assignee_id is None
        if key == "label":
            return any(label.id == self._label_id for label in row.labels)
        return True

    def _below_loaded_part(self, row: _Row) -> bool:
        # Rows past the keyset cursor arrive with a later page; inserting them now
        # would make that page bring them twice.
        if self._exhausted or self._cursor is None:
            return False
        c = row.summary.conversation
        return (c.last_activity_at, c.id) < (self._cursor.last_activity_at, self._cursor.id)

    def refresh_conversation(self, conversation_id: int) -> None:
        """Re-read one conversation after an event and put it where it now belongs."""
        summary = desktop_reads.conversation_summary(self._conn, conversation_id)
        current = self.row_of(conversation_id)
        if self.search_pending:
            self._refreshed.add(conversation_id)
        if summary is None:
            if current >= 0:
                self._remove(current)
            self._matches.pop(conversation_id, None)  # SQLite may give the id to a new conversation
            self._vanished()
            return
        row = self._with_labels([summary])[0]
        if self._search:
            if current >= 0:  # search results keep their order; only the row changes
                self._cache([row])
                self._changed(current)
            return
        if not self._matches_filter(row):
            if current >= 0:
                self._remove(current)
            return
        if current < 0:
            if self._below_loaded_part(row):
                return
            position = bisect.bisect_left(self._keys, row.sort_key)
            self.beginInsertRows(QModelIndex(), position, position)
            self._ids.insert(position, conversation_id)
            self._keys.insert(position, row.sort_key)
            self._cache([row])
            self.endInsertRows()
            return
        self._cache([row])
        del self._ids[current], self._keys[current]
        target = bisect.bisect_left(self._keys, row.sort_key)
        self._ids.insert(current, conversation_id)  # back in place until Qt is told
        self._keys.insert(current, row.sort_key)
        if target != current:
            # Qt's destination is the row the moved one goes before, counted before the move.
            destination = target if target < current else target + 1
            self.beginMoveRows(QModelIndex(), current, current, QModelIndex(), destination)
            del self._ids[current], self._keys[current]
            self._ids.insert(target, conversation_id)
            self._keys.insert(target, row.sort_key)
            self.endMoveRows()
            current = target
        self._changed(current)

    def _vanished(self) -> None:
        """A conversation is gone (erased): an answer read before must not show it, and
        the reader's cache must not keep it."""
        self._searches.forget_reads()
        asked = self._searches.asked
        if asked is not None:
            self._ask(asked.text, asked.before_id)

    def _remove(self, position: int) -> None:
        self.beginRemoveRows(QModelIndex(), position, position)
        conversation_id = self._ids.pop(position)
        self._keys.pop(position)
        self._rows.pop(conversation_id, None)
        self.endRemoveRows()

    def _changed(self, position: int) -> None:
        index = self.index(position, 0)
        self.dataChanged.emit(index, index)

    def _team_changed(self) -> None:
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, 0))

    # -- Qt model ---------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def roleNames(self) -> dict[int, QByteArray]:
        names = super().roleNames()
        for name in ("Id", "Name", "Number", "Preview", "PreviewKind", "PreviewIcon", "PreviewStatus",
                     "Time", "Timestamp", "Unread", "AssigneeId", "AssigneeInitials", "AssigneeName",
                     "LabelColours", "LabelNames", "AvatarKey", "Summary", "MatchMessageId"):
            role = getattr(self, f"{name}Role")
            names[role] = QByteArray((name[0].lower() + name[1:]).encode())
        return names

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids) or index.column() != 0:
            return None
        row = self._row(index.row())
        if row is None:
            return None  # deleted meanwhile; the sync worker's refresh removes it
        summary = row.summary
        c, contact, last = summary.conversation, summary.contact, summary.last_message
        if role in (Qt.ItemDataRole.DisplayRole, self.NameRole):
            return contact_name(contact)
        if role == self.IdRole:
            return c.id
        if role == self.NumberRole:
            return format_number(contact.wa_id) if contact.wa_id else (
                f"@{contact.username}" if contact.username else "")
        if role in (self.PreviewKindRole, self.PreviewIconRole, self.PreviewRole):
            kind = message_kinds.kind_of(last.type, revoked=last.revoked) if last else message_kinds.TEXT
            if role == self.PreviewKindRole:
                return kind
            if role == self.PreviewIconRole:
                return None if row.match_text is not None else message_kinds.preview_icon(kind)
            if row.match_text is not None:
                return row.match_text
            return message_kinds.preview_text(kind, last.text) if last else ""
        if role == self.PreviewStatusRole:
            return last.status if last is not None and last.direction == "out" and row.match_text is None else None
        if role == self.TimeRole:
            return time_format.list_time(c.last_activity_at, int(self._now()))
        if role == self.TimestampRole:
            return c.last_activity_at
        if role == self.UnreadRole:
            return c.unread_count
        if role == self.AssigneeIdRole:
            return c.assignee_id
        if role == self.AssigneeNameRole:
            return self._team.name(c.assignee_id)
        if role == self.AssigneeInitialsRole:
            return initials(self._team.name(c.assignee_id)) if c.assignee_id else ""
        if role == self.LabelColoursRole:
            return [label.colour for label in row.labels]
        if role == self.LabelNamesRole:
            return [label.name for label in row.labels]
        if role == self.AvatarKeyRole:
            return contact.wa_id or contact.user_id or str(contact.id)
        if role == self.SummaryRole:
            return summary
        if role == self.MatchMessageIdRole:
            return row.match_id
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return self._spoken(index)
        return None

    def _spoken(self, index: QModelIndex | QPersistentModelIndex) -> str:
        parts = [self.data(index, self.NameRole)]
        number = self.data(index, self.NumberRole)
        if number and number != parts[0]:
            parts[0] = f"{parts[0]} ({number})"  # a screen reader says the number too
        unread = self.data(index, self.UnreadRole)
        if unread:
            parts.append(self.tr("%n unread message(s)", "", unread))
        assignee = self.data(index, self.AssigneeIdRole)
        if assignee:
            parts.append(self.tr("assigned to %1").replace("%1", self.data(index, self.AssigneeNameRole)))
        parts.append(self.data(index, self.TimeRole))
        parts.append(self.data(index, self.PreviewRole))
        return ", ".join(part for part in parts if part)
