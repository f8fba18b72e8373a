"""The open conversation: its messages and internal notes, oldest at the top.

Opening reads only the newest page (`page_messages`, a keyset read of ~1 ms even in a
100,000-message chat). Older pages are prepended when the view asks (`load_older`,
with an in-progress flag the view can show). The view may read the next older page
ahead, while the user is idle (`prefetch_older`): it waits, unseen, for `load_older`,
and is dropped again if anything in its stretch of history changes meanwhile. New
messages are inserted where their time puts them (normally the end) and changed ones
are replaced in place by id, so a status tick, a reaction, an edit or a revoke
repaints one bubble. `item_changed(key)` tells the bubble layout cache which geometry
to forget.

Opening *at* a message (a search hit: `open(..., around=message_id)`) reads the page
around it instead; newer pages are then appended as the user scrolls down
(`load_newer`), and new messages wait until the loaded stretch reaches the end.

Notes live in their own table; they are merged in by time for the stretch of history
that is loaded, so paging never shows a note next to messages that are not there yet.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QByteArray, QModelIndex, QPersistentModelIndex, Qt, Signal

from wadesk.desktop import chat_items, message_kinds, time_format
from wadesk.desktop.chat_items import ChatItem
from wadesk.desktop.team import TeamDirectory
from wadesk.store import desktop_reads, messages, notes, reactions
from wadesk.store.messages import Message, MessageCursor
from wadesk.store.notes import Note

_ROLE = Qt.ItemDataRole.UserRole
_DETAIL_KINDS = (message_kinds.LOCATION, message_kinds.CONTACT, message_kinds.REPLY_BUTTON, message_kinds.TEMPLATE)


@dataclass(slots=True)
class _OlderPage:
    """The next older page, read but not shown yet."""

    items: list[ChatItem]  # oldest first, with the flags they get once inserted on top
    cursor: MessageCursor | None  # the model's cursor once it is inserted
    exhausted: bool  # nothing older than it
    notes: list[Note]  # the waiting notes it takes in
    keys: frozenset[str]


def _assign_flags(items: list[ChatItem], start: int, stop: int, force: int | None = None) -> list[int]:
    """Set the neighbour-dependent flags of items[start:stop]; the rows that changed."""
    changed = []
    count = len(items)
    for row in range(max(0, start), min(stop, count)):
        item = items[row]
        flags = (*chat_items.neighbour_flags(items[row - 1] if row > 0 else None, item), row == count - 1)
        if flags != (item.day_header, item.first_in_run, item.last) or row == force:
            item.day_header, item.first_in_run, item.last = flags
            item.revision += 1
            changed.append(row)
    return changed


class ChatModel(QAbstractListModel):
    ItemRole = _ROLE + 1
    KeyRole = _ROLE + 2
    MessageIdRole = _ROLE + 3
    KindRole = _ROLE + 4
    StatusRole = _ROLE + 5
    OutgoingRole = _ROLE + 6
    ReactionsRole = _ROLE + 7
    TimestampRole = _ROLE + 8

    PAGE_SIZE = 50

    loading_changed = Signal(bool)
    item_changed = Signal(str)  # the key of a row whose geometry may have changed
    older_ahead_dropped = Signal()  # the page read ahead was stale: it may be read again

    def __init__(self, conn: Any, team: TeamDirectory | None = None, parent=None) -> None:
        super().__init__(parent)
        self._conn = conn
        self._team = team or TeamDirectory()
        self._items: list[ChatItem] = []
        self._by_key: dict[str, ChatItem] = {}
        self._conversation_id: int | None = None
        self._contact_name = ""
        self._cursor: MessageCursor | None = None  # the oldest message loaded
        self._newer_cursor: MessageCursor | None = None  # the newest loaded, while newer ones are not
        self._older_exhausted = True
        self._loading = False
        self._notes_waiting: list[Note] = []
        self._ahead: _OlderPage | None = None  # the next older page, read ahead (prefetch_older)
        self.focus_key: str | None = None  # the row opened at (a search hit), until the next open

    # -- opening and paging -----------------------------------------------------------

    @property
    def conversation_id(self) -> int | None:
        return self._conversation_id

    @property
    def contact_name(self) -> str:
        return self._contact_name

    @property
    def loading_older(self) -> bool:
        """A page (older, or newer after a search hit) is being read."""
        return self._loading

    @property
    def can_load_older(self) -> bool:
        return self._conversation_id is not None and not self._older_exhausted

    @property
    def can_load_newer(self) -> bool:
        """Opened at an older message: newer history is not loaded yet."""
        return self._conversation_id is not None and self._newer_cursor is not None

    def open(self, conversation_id: int, contact_name: str, around: int | None = None) -> bool:
        """Show a conversation from its newest page, or from the page around the message
        `around` (then focus_key names its row). False if that message is not there."""
        self.beginResetModel()
        self._conversation_id, self._contact_name = conversation_id, contact_name
        self._items, self._by_key = [], {}
        self._cursor, self._newer_cursor, self._older_exhausted = None, None, False
        self._ahead = None
        self.focus_key = None
        self._notes_waiting = notes.notes_for(self._conn, conversation_id)
        # One row more than shown on each side: it says whether there is more.
        found = desktop_reads.page_around(self._conn, conversation_id, around, limit=self.PAGE_SIZE + 1) \
            if around is not None else None
        if found is not None:
            older, newer = found
            more_older, more_newer = len(older) > self.PAGE_SIZE, len(newer) > self.PAGE_SIZE
            older, newer = older[: self.PAGE_SIZE], newer[: self.PAGE_SIZE]
            self._older_exhausted = not more_older
            self._cursor = older[-1].cursor
            if more_newer:
                self._newer_cursor = newer[-1].cursor
            self._items = self._with_notes(self._message_items([*reversed(older), *newer]))
            self.focus_key = f"m{around}"
        else:
            self._items = self._take_older(self._read_older())
        self._by_key = {item.key: item for item in self._items}
        _assign_flags(self._items, 0, len(self._items))
        self.endResetModel()
        return around is None or found is not None

    def close(self) -> None:
        self.beginResetModel()
        self._conversation_id, self._items, self._by_key = None, [], {}
        self._older_exhausted, self._newer_cursor, self._notes_waiting = True, None, []
        self._ahead = None
        self.focus_key = None
        self.endResetModel()

    def load_newer(self) -> int:
        """Append the next newer page (after opening at a search hit); rows added."""
        if not self.can_load_newer or self._loading:
            return 0
        assert self._conversation_id is not None and self._newer_cursor is not None
        self._set_loading(True)
        try:
            page = desktop_reads.page_after(self._conn, self._conversation_id, self._newer_cursor,
                                            limit=self.PAGE_SIZE + 1)
            more = len(page) > self.PAGE_SIZE
            page = page[: self.PAGE_SIZE]
            self._newer_cursor = page[-1].cursor if more else None
            items = [item for item in self._with_notes(self._message_items(page)) if item.key not in self._by_key]
            if items:
                start = len(self._items)
                self.beginInsertRows(QModelIndex(), start, start + len(items) - 1)
                self._items.extend(items)
                self._by_key.update((item.key, item) for item in items)
                self.endInsertRows()
                self._recompute_flags(start, len(self._items))
            return len(items)
        finally:
            self._set_loading(False)

    def load_older(self) -> int:
        """Prepend the next older page (the one read ahead, if it was); rows added."""
        if not self.can_load_older or self._loading:
            return 0
        self._set_loading(True)
        try:
            page = self._take_older(self._ahead if self._ahead is not None else self._read_older())
            if page:
                # Flags as read ahead; a row that arrived on top meanwhile changes them.
                _assign_flags([*page, *self._items[:1]], 0, len(page))
                self.beginInsertRows(QModelIndex(), 0, len(page) - 1)
                self._items[0:0] = page
                self._by_key.update((item.key, item) for item in page)
                self.endInsertRows()
                # Of the rows the view knows, only the former first one can change.
                self._recompute_flags(len(page), len(page) + 1)
            return len(page)
        finally:
            self._set_loading(False)

    def prefetch_older(self) -> list[ChatItem]:
        """Read the next older page without showing it (the view does this while the
        user is idle, so that `load_older` only inserts); its rows, oldest first, with
        the neighbour flags they will have. Reads once: later calls return the same."""
        if not self.can_load_older or self._loading:
            return []
        if self._ahead is None:
            self._ahead = self._read_older()
        return self._ahead.items

    @property
    def older_ahead(self) -> list[ChatItem] | None:
        """The rows read ahead by prefetch_older, or None."""
        return self._ahead.items if self._ahead is not None else None

    def first_row_flags_after_older(self) -> tuple[ChatItem, tuple[bool, bool, bool]] | None:
        """The first loaded row and the (day separator, first of a run, last) flags it
        will have once the page read ahead goes in above it."""
        if self._ahead is None or not self._ahead.items or not self._items:
            return None
        first = self._items[0]
        day_header, first_in_run = chat_items.neighbour_flags(self._ahead.items[-1], first)
        return first, (day_header, first_in_run, len(self._items) == 1)

    def _drop_ahead(self) -> None:
        if self._ahead is not None:
            self._ahead = None
            self.older_ahead_dropped.emit()

    def _set_loading(self, loading: bool) -> None:
        self._loading = loading
        self.loading_changed.emit(loading)

    def _read_older(self) -> _OlderPage:
        """The page before the oldest loaded message, merged with its notes; the
        model's state is left as it is."""
        assert self._conversation_id is not None
        page = messages.page_messages(self._conn, self._conversation_id, before=self._cursor, limit=self.PAGE_SIZE)
        exhausted = len(page) < self.PAGE_SIZE
        cursor = page[-1].cursor if page else self._cursor
        notes_in = [n for n in self._notes_waiting if self._in_stretch(n.created_at, cursor, exhausted)]
        items = self._message_items(list(reversed(page)))
        items.extend(chat_items.note_item(n, self._team.name(n.author_id) or None) for n in notes_in)
        items.sort(key=lambda item: item.sort_key)
        items = [item for item in items if item.key not in self._by_key]
        _assign_flags([*items, *self._items[:1]], 0, len(items))
        return _OlderPage(items, cursor, exhausted, notes_in, frozenset(item.key for item in items))

    def _take_older(self, page: _OlderPage) -> list[ChatItem]:
        """Make `page` the loaded history's new beginning; its rows not yet shown."""
        self._ahead = None
        self._cursor, self._older_exhausted = page.cursor, page.exhausted
        self._notes_waiting = [n for n in self._notes_waiting if n not in page.notes]
        return [item for item in page.items if item.key not in self._by_key]

    def _in_loaded_stretch(self, ts: int) -> bool:
        """Whether a note of this time belongs between the messages loaded now. The
        newer bound is exclusive: messages of that same second may still come."""
        return self._in_stretch(ts, self._cursor, self._older_exhausted)

    def _in_stretch(self, ts: int, cursor: MessageCursor | None, older_exhausted: bool) -> bool:
        """The same, with history loaded back to `cursor`."""
        oldest = None if older_exhausted or cursor is None else cursor.ts
        newest = self._newer_cursor.ts if self._newer_cursor is not None else None
        return (oldest is None or ts >= oldest) and (newest is None or ts < newest)

    def _with_notes(self, items: list[ChatItem]) -> list[ChatItem]:
        """`items` plus the waiting notes of the stretch now loaded, in time order."""
        shown = [n for n in self._notes_waiting if self._in_loaded_stretch(n.created_at)]
        self._notes_waiting = [n for n in self._notes_waiting if n not in shown]
        items.extend(chat_items.note_item(n, self._team.name(n.author_id) or None) for n in shown)
        items.sort(key=lambda item: item.sort_key)
        return items

    def _message_items(self, page: list[Message]) -> list[ChatItem]:
        if not page:
            return []
        by_id = reactions.reactions_for(self._conn, [m.id for m in page])
        wanted = {m.reply_to_wamid for m in page if m.reply_to_wamid}
        known = {item.wamid: item.message for item in self._items if item.wamid in wanted}
        known.update({m.wamid: m for m in page if m.wamid in wanted})
        missing = [w for w in wanted if w not in known]
        known.update(desktop_reads.messages_by_wamids(self._conn, missing))
        result = []
        for m in page:
            original = known.get(m.reply_to_wamid) if m.reply_to_wamid else None
            quote = chat_items.quote_for(original, self._author(original)) if original else None
            kind = message_kinds.kind_of(m.type, m.media_mime)
            details = (chat_items.parse_details(kind, messages.get_raw_json(self._conn, m.id))
                       if kind in _DETAIL_KINDS else None)
            agent = self._team.name(m.agent_id) if m.agent_id and not self._team.is_me(m.agent_id) else None
            result.append(chat_items.message_item(
                m, reactions=tuple(by_id.get(m.id, ())), quote=quote,
                sender=chat_items.sender_label(m, agent), details=details,
            ))
        return result

    def _author(self, message: Message) -> str:
        if message.direction == "in":
            return self._contact_name
        if message.agent_id and not self._team.is_me(message.agent_id):
            return self._team.name(message.agent_id)
        return self.tr("You")

    # -- live updates -----------------------------------------------------------------

    def refresh_message(self, message_id: int) -> None:
        """A message of any conversation was added or changed: show it if it is ours."""
        message = messages.get_message(self._conn, message_id)
        key = f"m{message_id}"
        if message is None or message.conversation_id != self._conversation_id:
            if key in self._by_key:
                self._remove(self._row_of(self._by_key[key]))
            if self._ahead is not None and key in self._ahead.keys:
                self._drop_ahead()
            return
        item = self._message_items([message])[0]
        self._put(item)

    def refresh_notes(self) -> None:
        """The conversation's notes changed (added, edited or deleted on the relay)."""
        if self._conversation_id is None:
            return
        self._drop_ahead()  # it took in the notes of its stretch as they were
        current = notes.notes_for(self._conn, self._conversation_id)
        ids = {f"n{n.id}" for n in current}
        for item in [i for i in self._items if i.kind == chat_items.NOTE and i.key not in ids]:
            self._remove(self._row_of(item))
        self._notes_waiting = [n for n in current if not self._in_loaded_stretch(n.created_at)]
        for note in current:
            if self._in_loaded_stretch(note.created_at):
                self._put(chat_items.note_item(note, self._team.name(note.author_id) or None))

    def _put(self, item: ChatItem) -> None:
        old = self._by_key.get(item.key)
        if old is not None:
            row = self._row_of(old)
            if old.sort_key == item.sort_key:
                item.revision = old.revision + 1
                item.day_header, item.first_in_run, item.last = old.day_header, old.first_in_run, old.last
                self._items[row] = item
                self._by_key[item.key] = item
                self._recompute_flags(row, row + 2, force=row)
                return
            self._remove(row)
        if self._items and item.sort_key < self._items[0].sort_key and self.can_load_older:
            self._drop_ahead()  # it may be in the page read ahead: that is read again
            return  # it belongs to history not loaded yet; it arrives with that page
        if self._items and item.sort_key > self._items[-1].sort_key and self.can_load_newer:
            return  # newer than the stretch loaded around a search hit: it comes with paging down
        row = bisect.bisect_left(self._items, item.sort_key, key=lambda i: i.sort_key)
        self.beginInsertRows(QModelIndex(), row, row)
        self._items.insert(row, item)
        self._by_key[item.key] = item
        self.endInsertRows()
        self._recompute_flags(row, row + 2)

    def _remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        item = self._items.pop(row)
        del self._by_key[item.key]
        self.endRemoveRows()
        self._recompute_flags(row, row + 1)

    def _row_of(self, item: ChatItem) -> int:
        row = bisect.bisect_left(self._items, item.sort_key, key=lambda i: i.sort_key)
        if row < len(self._items) and self._items[row] is item:
            return row
        return self._items.index(item)

    def _recompute_flags(self, start: int, stop: int, force: int | None = None) -> None:
        """Day separators, run starts and the last row among rows start-1..stop-1 (a
        neighbour of theirs changed); the view hears only of rows that did change."""
        for row in _assign_flags(self._items, max(0, start - 1), stop, force):
            self.item_changed.emit(self._items[row].key)
            index = self.index(row, 0)
            self.dataChanged.emit(index, index)

    # -- lookups ----------------------------------------------------------------------

    def row_of_key(self, key: str) -> int:
        item = self._by_key.get(key)
        return self._row_of(item) if item is not None else -1

    def row_of_wamid(self, wamid: str) -> int:
        for row in range(len(self._items) - 1, -1, -1):
            if self._items[row].wamid == wamid:
                return row
        return -1

    def item(self, row: int) -> ChatItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    # -- Qt model ---------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    def roleNames(self) -> dict[int, QByteArray]:
        names = super().roleNames()
        for name in ("Item", "Key", "MessageId", "Kind", "Status", "Outgoing", "Reactions", "Timestamp"):
            names[getattr(self, f"{name}Role")] = QByteArray((name[0].lower() + name[1:]).encode())
        return names

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() != 0 or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item.text or message_kinds.kind_label(item.kind)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._spoken(item)
        if role == self.ItemRole:
            return item
        if role == self.KeyRole:
            return item.key
        if role == self.MessageIdRole:
            return item.message_id
        if role == self.KindRole:
            return item.kind
        if role == self.StatusRole:
            return item.status
        if role == self.OutgoingRole:
            return item.outgoing
        if role == self.ReactionsRole:
            return [r.emoji for r in item.reactions]
        if role == self.TimestampRole:
            return item.ts
        return None

    def _spoken(self, item: ChatItem) -> str:
        """What a screen reader says for a row: who, when, what, and how far it got."""
        if item.kind == chat_items.NOTE:
            who = self.tr("Internal note by %1").replace("%1", item.sender or self._team.name(None))
        elif item.outgoing:
            who = item.sender or self.tr("You")
        else:
            who = self._contact_name
        what = item.text or message_kinds.kind_label(item.kind)
        if item.text and item.kind not in (message_kinds.TEXT, chat_items.NOTE):
            what = f"{message_kinds.kind_label(item.kind)}: {item.text}"
        parts = [who, time_format.clock_time(item.ts), what]
        status = {
            "pending": self.tr("not sent yet"), "sent": self.tr("sent"), "delivered": self.tr("delivered"),
            "read": self.tr("read"), "played": self.tr("played"), "failed": self.tr("not delivered"),
        }.get(item.status or "")
        if status:
            parts.append(status)
        if item.reactions:
            parts.append(self.tr("reactions: %1").replace("%1", " ".join(r.emoji for r in item.reactions)))
        return ", ".join(parts)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
