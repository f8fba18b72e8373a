"""The real app against a real relay and simulator on loopback.

    sim, sim_api      the simulator (fast statuses, customers only speak when told)
    relay             a RelayServer fed by the simulator's webhooks
    desktop(name)     a person on the relay, logged in, with their own profile: the real
                      MainWindow + InboxController + SyncWorker (app.Inbox), shown
    relay_api(name)   an httpx client on the relay with that person's token

Everything waits with qtbot.waitUntil and a timeout; nothing sleeps a fixed time.
The worker's long-poll waits only 2 s and its backoff is capped at half a second, so
stopping the relay and reconnecting stay quick.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtCore import QCoreApplication

from tests.relay.conftest import FAST_SIM, VERIFY_TOKEN, make_relay_config
from tests.relay.conftest_team import start_relay
from wadesk import paths as wpaths
from wadesk.desktop import i18n, theme
from wadesk.desktop.app import Inbox
from wadesk.desktop.profile_store import open_with_key
from wadesk.desktop.settings import Settings
from wadesk.desktop.sync.login import log_in
from wadesk.desktop.sync.worker import WorkerSettings
from wadesk.relay.people_api import add_person_with_code
from wadesk.relay.server import RelayServer
from wadesk.sim import SimServer

FAST_WORKER = WorkerSettings(sync_wait_s=2.0, backoff_base_s=0.1, backoff_cap_s=0.5, offline_after_s=1.0,
                             outbox_poll_s=0.5)


@pytest.fixture
def sim() -> Iterator[SimServer]:
    server = SimServer(FAST_SIM)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def sim_api(sim: SimServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=f"{sim.base_url}/_sim", timeout=30.0) as client:
        yield client


@dataclass
class RelayHandle:
    """The running relay; `restart()` stops it and starts it again on the same port
    with the same data (an outage as a desktop sees it)."""

    sim: SimServer
    config: Any
    server: RelayServer | None = None

    @property
    def url(self) -> str:
        assert self.server is not None and self.server.base_url
        return self.server.base_url

    def start(self) -> None:
        self.server = start_relay(self.config, self.sim)
        if self.config.port == 0:
            from dataclasses import replace

            self.config = replace(self.config, port=int(self.url.rsplit(":", 1)[1]))

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None


@pytest.fixture
def relay(tmp_path: Path, sim: SimServer) -> Iterator[RelayHandle]:
    handle = RelayHandle(sim, make_relay_config(tmp_path / "relay", sim))
    handle.start()
    yield handle
    handle.stop()


@pytest.fixture
def english(qapp):
    theme.apply_theme(qapp, "light")
    translators = i18n.install_translators(qapp, "en")
    yield qapp
    for translator in translators:
        QCoreApplication.instance().removeTranslator(translator)


@dataclass
class Desktop:
    name: str
    person_id: int
    token: str
    inbox: Inbox
    conn: Any
    paths: Any
    closed: bool = field(default=False)

    @property
    def window(self) -> Any:
        return self.inbox.window

    @property
    def worker(self) -> Any:
        return self.inbox.worker

    @property
    def controller(self) -> Any:
        return self.inbox.controller

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            self.inbox.close()
            self.window.close()
            QCoreApplication.processEvents()
            self.conn.close()


def add_person(relay: RelayHandle, name: str, role: str) -> tuple[int, str]:
    server = relay.server
    assert server is not None
    person, code, _ = server.call(lambda: server.ctx.write(lambda conn: add_person_with_code(conn, name, role, None)))
    return person.id, code


@pytest.fixture
def desktop(relay: RelayHandle, tmp_path: Path, english, qtbot) -> Iterator[Callable[..., Desktop]]:
    made: list[Desktop] = []

    def make(name: str = "Lena", role: str = "owner") -> Desktop:
        person_id, code = add_person(relay, name, role)
        login = log_in(relay.url, name, setup_code=code)
        paths = wpaths.for_profile(tmp_path / f"profile-{name}")
        conn, opener = open_with_key(paths, os.urandom(32))
        inbox = Inbox(paths, conn, opener, relay.url, login.token, str(person_id), Settings(None),
                      ("Radhaus Berlin", "+49 30 1234567"), FAST_WORKER)
        qtbot.addWidget(inbox.window)
        inbox.window.resize(1200, 780)
        assert inbox.show()
        inbox.window.activateWindow()
        result = Desktop(name, person_id, login.token, inbox, conn, paths)
        made.append(result)
        # Connected: the first page (the team's history) is in, so what follows is news.
        qtbot.waitUntil(lambda: inbox.worker.connection.state == "online", timeout=10_000)
        return result

    yield make
    for item in made:
        item.close()


@pytest.fixture
def relay_api(relay: RelayHandle) -> Iterator[Callable[[str], httpx.Client]]:
    clients: list[httpx.Client] = []

    def make(token: str) -> httpx.Client:
        client = httpx.Client(base_url=relay.url, headers={"Authorization": f"Bearer {token}"}, timeout=30.0)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


__all__ = ["VERIFY_TOKEN"]
