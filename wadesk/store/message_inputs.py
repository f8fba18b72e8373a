"""What ingest takes and gives: messages as webhooks and sync events describe them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from wadesk.store.contacts import ContactInfo

ORIGINS = ("cloud", "phone", "history", "automation")


@dataclass(frozen=True, slots=True)
class MediaInfo:
    """What Meta tells about a message's media (the file itself: media_files)."""

    media_id: str | None = None
    mime: str | None = None
    size: int | None = None
    filename: str | None = None
    sha256: str | None = None


@dataclass(frozen=True, slots=True)
class IncomingMessage:
    wamid: str
    phone_number_id: str
    contact: ContactInfo
    type: str
    ts: int
    text: str | None = None  # the body, or the caption of media
    reply_to_wamid: str | None = None
    media: MediaInfo | None = None
    origin: str = "cloud"  # 'history': coexistence backfill, not unread
    raw_json: str | None = None


@dataclass(frozen=True, slots=True)
class OutgoingMessage:
    """A message the business sent: from wadesk, an automation, or the phone app
    (coexistence echo, origin 'phone'). Needs a wamid, a client id, or both."""

    phone_number_id: str
    contact: ContactInfo
    type: str
    ts: int
    wamid: str | None = None
    client_id: str | None = None
    text: str | None = None
    reply_to_wamid: str | None = None
    media: MediaInfo | None = None
    agent_id: str | None = None
    origin: str = "cloud"
    status: str = "pending"
    raw_json: str | None = None


class ApplyResult(NamedTuple):
    """What applying one message did. (A named tuple: one is made per message of every
    batch, and it builds three times faster than a frozen dataclass.)"""

    message_id: int
    conversation_id: int
    created: bool
