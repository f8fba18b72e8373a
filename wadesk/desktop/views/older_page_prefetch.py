"""Reads and measures the chat's next older page while the user is idle.

When the chat view nears the top, ChatModel.load_older puts the next older page in.
Reading it (a keyset page with its reactions and quotes) and measuring its bubbles
(laying out their text, ~0.3 ms each) would all fall into that one frame: a hitch of
100 ms and more. Done here instead, ahead of time and in slices of a few milliseconds
between the user's events, the insert finds the page read and every bubble measured
(also the first loaded row as it will look with the page above it).

One page ahead is enough: after every insert the next one is read and measured in the
following idle moments. Idle means the user has not scrolled for IDLE_MS: while they
scroll, every frame is theirs (a slice in the middle of a scroll would only make that
frame late), and the pauses in which people read are long enough for a page. The work
stops as soon as it is done, while the view is hidden, and starts again when the
conversation, the view's width or the page read ahead changes.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from wadesk.desktop.chat_items import ChatItem
from wadesk.desktop.views.bubble_layout import Flags
from wadesk.desktop.views.chat_delegate import ChatDelegate

if TYPE_CHECKING:
    from wadesk.desktop.views.chat_view import ChatView

SLICE_MS = 5.0  # work per idle slice: a part of a frame, so input stays prompt
GAP_MS = 4  # between slices: the event loop's own work (input, paint) goes first
IDLE_MS = 150  # no scrolling for this long: the user is reading, the time is ours


class OlderPagePrefetch(QObject):
    def __init__(self, view: ChatView, delegate: ChatDelegate) -> None:
        super().__init__(view)
        self._view = view
        self._delegate = delegate
        self._timer = QTimer(self, interval=GAP_MS)
        self._timer.timeout.connect(self.run_slice)
        self._idle = QTimer(self, singleShot=True, interval=IDLE_MS)
        self._idle.timeout.connect(self._timer.start)

    @property
    def active(self) -> bool:
        return self._timer.isActive() or self._idle.isActive()

    def schedule(self) -> None:
        """Something changed that may leave work to do: do it once the user is idle."""
        if not self._timer.isActive() and not self._idle.isActive():
            self._idle.start()

    def user_scrolled(self) -> None:
        """The user is scrolling: no slices until they pause (the work resumes then)."""
        if self._timer.isActive() or self._idle.isActive():
            self._timer.stop()
            self._idle.start()

    def stop(self) -> None:
        self._timer.stop()
        self._idle.stop()

    def run_slice(self) -> bool:
        """One slice of the work; False once there is nothing (more) to do."""
        model = self._view.chat_model()
        if model is None or not model.can_load_older or model.loading_older or not self._view.isVisible():
            self._timer.stop()
            return False
        deadline = time.perf_counter() + SLICE_MS / 1000
        if model.older_ahead is None:
            model.prefetch_older()  # the read is a slice of its own
            return True
        width, font = self._delegate.width_for(self._view), self._view.font()
        for item, flags in self._work():
            if not self._delegate.is_measured(item, width, font, flags):
                self._delegate.layout_for(item, width, font, flags)
                if time.perf_counter() >= deadline:
                    return True
        self._timer.stop()
        return False

    def _work(self) -> Iterator[tuple[ChatItem, Flags | None]]:
        model = self._view.chat_model()
        assert model is not None
        for item in model.older_ahead or ():
            yield item, None
        first = model.first_row_flags_after_older()
        if first is not None:
            yield first
