"""The business's name and number are fetched on a thread of their own, but whatever
listens to BusinessIdentity.found (Inbox.set_business: widgets, the profile file) runs
on the UI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread

from tests.e2e.conftest import add_person
from wadesk.desktop.business_identity import BusinessIdentity
from wadesk.desktop.sync.login import log_in


def test_the_business_reaches_a_plain_receiver_on_the_ui_thread(relay, sim, qapp, qtbot):
    _person_id, code = add_person(relay, "Lena", "owner")
    token = log_in(relay.url, "Lena", setup_code=code).token
    identity = BusinessIdentity()
    received: list[tuple[str, str, threading.Thread, bool]] = []
    # A plain callable, as Inbox.set_business is: no QObject of its own to queue to.
    identity.found.connect(lambda name, number: received.append(
        (name, number, threading.current_thread(), QThread.currentThread() is qapp.thread())))

    with qtbot.waitSignal(identity.found, timeout=10_000):
        identity.ask(relay.url, token)

    number = sim.simulator.account.default_number
    assert received == [(number.verified_name, number.display_phone_number, threading.main_thread(), True)]
