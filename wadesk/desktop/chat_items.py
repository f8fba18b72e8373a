"""What the chat view shows per row: a message or an internal note, with everything
the delegate needs already resolved (reactions, the quoted message, the sender's name,
a location's coordinates), so painting never queries the store.

Rows also carry two flags that depend on their neighbours: whether a day separator
goes above them, and whether they start a run of bubbles from the same side (only
the first bubble of a run gets the tail and the colleague's name, as in WhatsApp).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime

from wadesk.desktop import message_kinds
from wadesk.store.messages import Message
from wadesk.store.notes import Note
from wadesk.store.reactions import Reaction

NOTE = "note"
RUN_GAP_SECONDS = 15 * 60  # a pause this long starts a new run of bubbles


@dataclass(frozen=True, slots=True)
class Quote:
    """The message a reply quotes, as the small block on top of the bubble shows it."""

    wamid: str
    author: str
    outgoing: bool
    kind: str
    text: str


@dataclass(eq=False, slots=True)
class ChatItem:
    key: str  # "m<message id>" or "n<note id>": unique across both kinds
    sort_key: tuple[int, int, int]
    ts: int
    day: int  # the local calendar day (Julian day number)
    kind: str  # a message_kinds kind, or NOTE
    outgoing: bool
    text: str | None
    message: Message | None = None
    note: Note | None = None
    reactions: tuple[Reaction, ...] = ()
    quote: Quote | None = None
    sender: str | None = None  # shown on top of an outgoing bubble (a colleague, automation)
    details: dict[str, Any] = field(default_factory=dict)
    day_header: bool = True
    first_in_run: bool = True
    last: bool = False  # the newest row gets some room below it
    revision: int = 0

    @property
    def message_id(self) -> int | None:
        return self.message.id if self.message is not None else None

    @property
    def wamid(self) -> str | None:
        return self.message.wamid if self.message is not None else None

    @property
    def status(self) -> str | None:
        return self.message.status if self.message is not None and self.outgoing else None

    @property
    def edited(self) -> bool:
        return self.message is not None and self.message.edited_at is not None and self.kind != message_kinds.DELETED


def local_day(ts: int) -> int:
    return QDateTime.fromSecsSinceEpoch(int(ts)).date().toJulianDay()


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def parse_details(kind: str, raw_json: str | None) -> dict[str, Any]:
    """The parts of a message the columns do not hold (a location, contact cards),
    read leniently from the stored payload: a field Meta leaves out is just absent."""
    if not raw_json:
        return {}
    try:
        raw = json.loads(raw_json)
    except ValueError:
        return {}
    raw = _mapping(raw)
    if kind == message_kinds.LOCATION:
        loc = _mapping(raw.get("location"))
        try:
            lat, lon = float(loc["latitude"]), float(loc["longitude"])
        except (KeyError, TypeError, ValueError):
            return {}
        return {"latitude": lat, "longitude": lon, "name": loc.get("name") or "",
                "address": loc.get("address") or ""}
    if kind == message_kinds.CONTACT:
        cards = []
        for card in raw.get("contacts") or []:
            card = _mapping(card)
            name = _mapping(card.get("name")).get("formatted_name") or ""
            phones = [str(_mapping(p).get("phone") or "") for p in card.get("phones") or []]
            cards.append({"name": name, "phones": [p for p in phones if p]})
        return {"cards": cards}
    if kind == message_kinds.REPLY_BUTTON:
        interactive = _mapping(raw.get("interactive"))
        reply = _mapping(interactive.get("button_reply")) or _mapping(interactive.get("list_reply"))
        title = reply.get("title") or _mapping(raw.get("button")).get("text")
        return {"title": title} if title else {}
    if kind == message_kinds.TEMPLATE:
        name = _mapping(raw.get("template")).get("name")
        return {"template_name": name} if name else {}
    return {}


def sender_label(message: Message, name_of_agent: str | None) -> str | None:
    """Who sent an outgoing message, when it was not the user at this desk."""
    if message.direction != "out":
        return None
    if message.origin == "automation":
        return QCoreApplication.translate("chat_items", "Automatic reply")
    if message.origin == "phone":
        return QCoreApplication.translate("chat_items", "Sent from the WhatsApp Business app")
    return name_of_agent


def message_item(message: Message, *, reactions: tuple[Reaction, ...] = (), quote: Quote | None = None,
                 sender: str | None = None, details: dict[str, Any] | None = None) -> ChatItem:
    kind = message_kinds.kind_of(message.type, message.media_mime, revoked=message.revoked_at is not None)
    return ChatItem(
        key=f"m{message.id}",
        sort_key=(message.ts, 0, message.id),
        ts=message.ts,
        day=local_day(message.ts),
        kind=kind,
        outgoing=message.direction == "out",
        text=message.text if kind != message_kinds.DELETED else None,
        message=message,
        reactions=reactions,
        quote=quote,
        sender=sender,
        details=details or {},
    )


def note_item(note: Note, author: str | None) -> ChatItem:
    return ChatItem(
        key=f"n{note.id}",
        sort_key=(note.created_at, 1, note.id),
        ts=note.created_at,
        day=local_day(note.created_at),
        kind=NOTE,
        outgoing=True,
        text=note.text,
        note=note,
        sender=author,
    )


def quote_for(original: Message, author: str) -> Quote:
    kind = message_kinds.kind_of(original.type, original.media_mime, revoked=original.revoked_at is not None)
    return Quote(
        wamid=original.wamid or "",
        author=author,
        outgoing=original.direction == "out",
        kind=kind,
        text=message_kinds.preview_text(kind, original.text or original.media_filename),
    )


def neighbour_flags(previous: ChatItem | None, item: ChatItem) -> tuple[bool, bool]:
    """(day separator above, first of a run) for `item` following `previous`."""
    if previous is None or previous.day != item.day:
        return True, True
    same_run = (
        previous.kind != NOTE
        and item.kind != NOTE
        and previous.outgoing == item.outgoing
        and previous.sender == item.sender
        and item.ts - previous.ts < RUN_GAP_SECONDS
    )
    return False, not same_run
