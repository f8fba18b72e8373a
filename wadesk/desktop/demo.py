"""`wadesk --demo`: the whole system on this computer, with a bicycle shop to try it on.

    env = DemoEnvironment(paths)          # paths = paths.demo_of(the user's paths)
    session = env.start()                 # simulator + relay on loopback, logged in
    ... the desktop runs against session.relay_url with session.token ...
    env.stop()

What starts, in-process and on random free loopback ports:

- the Cloud API simulator (wadesk.sim) with the demo business "Radhaus Berlin" and its
  customers, who write in now and then (`chatter`) and answer what the shop sends;
- a relay (wadesk.relay) whose webhook the simulator verifies and then feeds;
- the team: "Demo" (you, owner) and two colleagues, Mia and Tom, who now and then take
  a waiting conversation or answer a customer (demo_colleagues.py), so the team
  features (assignment, "has just answered", other senders' names) show by themselves;
- a few labels and quick replies, a few conversations from the last days
  (demo_history.py), and the first customer messages.

The demo's data is throw-away: its profile folder is emptied at every start, the
relay's and the desktop's database keys are random per run and live only in memory
(so the demo starts on a machine without a keychain, as CI has, and never asks for a
passphrase), and the device tokens are never stored.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from dataclasses import dataclass
from typing import Any

import httpx

from wadesk.paths import Paths

log = logging.getLogger(__name__)

ME, COLLEAGUES = "Demo", (("Mia", "agent"), ("Tom", "agent"))
LABELS = (("Reparatur", "#E67E22"), ("Bestellung", "#3498DB"), ("Dringend", "#E53935"), ("Erledigt", "#43A047"))
QUICK_REPLIES = (
    ("hallo", "Hallo {first_name}, danke für deine Nachricht! Wir melden uns gleich."),
    ("zeiten", "Wir haben Mo–Fr 10–19 Uhr und Sa 10–16 Uhr geöffnet."),
    ("abholbereit", "Hallo {first_name}, dein Rad ist fertig und kann abgeholt werden. Viele Grüße, {agent}"),
    ("termin", "Gern! Welcher Tag passt dir für die Inspektion? Vormittags geht es meistens am schnellsten."),
)
FIRST_WRITERS = ("jonas", "aylin", "sophie", "emma", "lukas")


@dataclass(frozen=True, slots=True)
class DemoSession:
    relay_url: str
    token: str
    me_id: str
    me_name: str
    db_key: bytes  # the demo replica's key for this run (memory only)

    def __repr__(self) -> str:  # no token, no key in any traceback
        return f"DemoSession(relay_url={self.relay_url!r}, me={self.me_name!r})"


def _wipe(paths: Paths) -> None:
    # Only ever the demo's own folders (paths.demo_of): they end in "demo".
    for folder in (paths.data, paths.cache):
        if folder.name != "demo":
            raise ValueError(f"refusing to wipe {folder}: not a demo profile")
        shutil.rmtree(folder, ignore_errors=True)


class DemoEnvironment:
    def __init__(self, paths: Paths, *, chatter: float | None = 45.0, colleagues: bool = True,
                 colleague_every_s: float = 40.0, first_messages: bool = True, history: bool = True, sim_overrides: dict[str, Any] | None = None) -> None:
        self.paths = paths
        self.chatter = chatter
        self.with_colleagues = colleagues
        self.colleague_every_s = colleague_every_s
        self.first_messages = first_messages
        self.history = history
        self.sim_overrides = sim_overrides or {}
        self.sim: Any = None
        self.relay: Any = None
        self.colleagues: Any = None
        self.tokens: dict[str, str] = {}
        self.person_ids: dict[str, int] = {}

    def start(self) -> DemoSession:
        from wadesk.relay.config import RelayConfig
        from wadesk.relay.server import RelayServer
        from wadesk.sim import SimConfig, SimServer

        started = time.monotonic()
        _wipe(self.paths)
        self.paths.ensure()
        self.sim = SimServer(SimConfig(customers=True, chatter=self.chatter, reply_delay=5.0,
                                       template_review_delay=5.0, **self.sim_overrides))
        sim_url = self.sim.start()
        config = RelayConfig(
            data_dir=self.paths.data / "relay", host="127.0.0.1", port=0, graph_base_url=sim_url,
            graph_version="v25.0", waba_id=self.sim.waba_id, app_id=self.sim.config.app_id,
            phone_number_ids=(self.sim.phone_number_id,), access_token=self.sim.access_token,
            app_secret=self.sim.app_secret, verify_token=self.sim.verify_token, db_key=os.urandom(32))
        self.relay = RelayServer(config)
        relay_url = self.relay.start()
        with httpx.Client(base_url=sim_url, timeout=15.0) as sim_api:
            # The simulator does Meta's GET handshake against the relay before it posts.
            state = sim_api.post("/_sim/webhook", json={"url": f"{relay_url}/webhook",
                                                        "verify_token": self.sim.verify_token}).json()
            if (state.get("verification") or {}).get("status") not in (None, "verified"):
                log.warning("the demo relay's webhook was not verified: %s", state.get("verification"))
            self._make_team(relay_url)
            label_ids = self._seed(relay_url)
            if self.history:
                self._add_history(relay_url, label_ids)
            if self.first_messages:
                for customer in FIRST_WRITERS:
                    sim_api.post(f"/_sim/customers/{customer}/say", json={})
        if self.with_colleagues:
            from wadesk.desktop.demo_colleagues import DemoColleagues

            self.colleagues = DemoColleagues(self.relay, relay_url, self.tokens, self.person_ids,
                                             every_s=self.colleague_every_s)
            self.colleagues.start()
        log.info("demo started in %.2f s", time.monotonic() - started)
        return DemoSession(relay_url, self.tokens[ME], str(self.person_ids[ME]), ME, os.urandom(32))

    def _make_team(self, relay_url: str) -> None:
        from wadesk.desktop.sync.login import log_in
        from wadesk.relay.people_api import add_person_with_code

        wanted = ((ME, "owner"), *COLLEAGUES)

        def create(conn: Any) -> list[tuple[str, int, str]]:
            made = []
            for name, role in wanted:
                person, code, _expires = add_person_with_code(conn, name, role, None)
                made.append((name, person.id, code))
            return made

        for name, person_id, code in self.relay.call(lambda: self.relay.ctx.write(create)):
            self.person_ids[name] = person_id
            self.tokens[name] = log_in(relay_url, name, setup_code=code, device="demo").token

    def _seed(self, relay_url: str) -> dict[str, int]:
        headers = {"Authorization": f"Bearer {self.tokens[ME]}"}
        label_ids: dict[str, int] = {}
        with httpx.Client(base_url=relay_url, headers=headers, timeout=15.0) as relay_api:
            for name, colour in LABELS:
                answer = relay_api.post("/api/v1/labels", json={"name": name, "colour": colour})
                answer.raise_for_status()
                label_ids[name] = int(answer.json()["id"])
            for shortcut, text in QUICK_REPLIES:
                relay_api.post("/api/v1/quick-replies", json={"shortcut": shortcut, "text": text}).raise_for_status()
        return label_ids

    def _add_history(self, relay_url: str, label_ids: dict[str, int]) -> None:
        from wadesk.desktop import demo_history
        from wadesk.store import contacts, conversations

        number = self.sim.simulator.account.default_number
        demo_history.post(relay_url, self.sim.app_secret, demo_history.webhooks(
            self.sim.waba_id, number.phone_number_id, number.wa_id, time.time()))

        def ids(conn: Any) -> dict[str, int]:
            found = {}
            for past in demo_history.PAST:
                contact = contacts.find_contact(conn, wa_id=past.wa_id)
                conversation_id = contact and conversations.find_conversation_id(
                    conn, contact.id, number.phone_number_id)
                if conversation_id:
                    found[past.wa_id] = conversation_id
            return found

        conversation_ids = self.relay.call(lambda: self.relay.ctx.read(ids))
        demo_history.arrange(relay_url, self.tokens, self.person_ids, ME, conversation_ids, label_ids)

    def stop(self) -> None:
        if self.colleagues is not None:
            self.colleagues.stop()
            self.colleagues = None
        if self.relay is not None:
            self.relay.stop()
            self.relay = None
        if self.sim is not None:
            self.sim.stop()
            self.sim = None
