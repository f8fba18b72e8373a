"""The business's name and number, as the relay tells them (GET /api/v1/me).

    identity = BusinessIdentity()                     # on the UI thread
    identity.found.connect(window.set_business)       # (name, display number), on the UI thread
    identity.ask(relay_url, token)                    # one request on a background thread

The sync worker keeps its own calls; this is one small request at start, so the
sidebar, the window title and Ctrl+N's country code follow the real business.
Nothing is emitted when the relay does not know (Meta unreachable) or cannot be asked.

The request's thread only emits `_fetched`; it reaches `_deliver`, a slot of this
QObject (which lives on the UI thread), by an explicit queued connection, and `found`
is emitted from there: whatever is connected to `found` (Inbox.set_business, which
touches widgets and writes the profile) runs on the UI thread, plain callables too.
"""

from __future__ import annotations

import logging
import threading

import httpx
from PySide6.QtCore import QObject, Qt, Signal, Slot

log = logging.getLogger(__name__)


def fetch(relay_url: str, token: str, timeout: float = 15.0) -> tuple[str, str] | None:
    """(name, display number) from the relay, or None. Blocking."""
    try:
        with httpx.Client(base_url=relay_url, timeout=timeout,
                          headers={"Authorization": f"Bearer {token}"}) as client:
            answer = client.get("/api/v1/me")
        business = answer.json().get("business") if answer.status_code == 200 else None
    except (httpx.HTTPError, ValueError, AttributeError) as exc:
        log.info("the business's name could not be asked: %s", type(exc).__name__)
        return None
    if not isinstance(business, dict):
        return None
    name = str(business.get("name") or "")
    number = str(business.get("display_phone_number") or "")
    return (name, number) if name or number else None


class BusinessIdentity(QObject):
    found = Signal(str, str)  # emitted on this object's (the UI) thread
    _fetched = Signal(str, str)  # emitted on the request's thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fetched.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(str, str)
    def _deliver(self, name: str, number: str) -> None:
        self.found.emit(name, number)

    def ask(self, relay_url: str, token: str) -> None:
        def work() -> None:
            result = fetch(relay_url, token)
            if result is not None:
                self._fetched.emit(*result)

        threading.Thread(target=work, name="wadesk-business", daemon=True).start()
