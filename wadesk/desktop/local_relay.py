"""The one-PC shop: the team relay runs inside the desktop process.

    setup = LocalSetup(phone_number_id, waba_id, access_token, app_secret, port)
    problem = check_account(setup)         # None, or a kind the wizard words (background thread)
    save_setup(paths, setup)               # local-relay.json + the secrets in the keychain
    relay = LocalRelay(load_config(paths))
    url = relay.start()                    # LocalRelayError("port_taken") if the port is in use
    login = create_owner(relay, "Lena")    # the owner and this PC's device token
    ...
    relay.stop()                           # when the app quits

What the relay needs is kept in two places:
- `local-relay.json` in the profile's data folder: the port, the phone number id, the
  WhatsApp Business Account id, the Graph address. Nothing secret.
- the OS keychain: the access token, the app secret, the verify token and the relay's
  database key, under the names `wadesk relay secrets set` uses, for the relay's data
  folder (`<profile data>/relay`). So `relay.config.load` finds them like a server would,
  and a new token given on the settings page is kept in the keychain too.

Without a keychain a one-PC shop is refused (the wizard says so): the passphrase mode
protects only the desktop's replica, and the relay has to start with its Cloud API
token and database key before anyone could type a passphrase — a token kept in a plain
file would let anyone who copies the file write to the business's customers.
"""

from __future__ import annotations

import asyncio
import errno
import json
import logging
import os
import secrets as _random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wadesk import secrets
from wadesk.paths import Paths

log = logging.getLogger(__name__)

FILE_NAME = "local-relay.json"
DEFAULT_PORT = 8710
# Meta's Graph API; tests put the simulator's address here.
GRAPH_BASE_URL = "https://graph.facebook.com"
GRAPH_VERSION = "v25.0"
WEBHOOK_PATH = "/webhook"


class LocalRelayError(Exception):
    """The in-process relay cannot run; `kind` is what the app words for the user:
    port_taken, no_keychain, not_set_up, secrets_missing, did_not_start."""

    def __init__(self, kind: str, port: int = 0) -> None:
        super().__init__(kind)
        self.kind = kind
        self.port = port


@dataclass(frozen=True, slots=True)
class LocalSetup:
    phone_number_id: str
    waba_id: str
    access_token: str = field(repr=False)
    app_secret: str = field(repr=False)
    port: int = DEFAULT_PORT
    verify_token: str = field(default="", repr=False)
    graph_base_url: str = ""


def new_verify_token() -> str:
    return _random.token_urlsafe(24)


def relay_dir(paths: Paths) -> Path:
    return paths.data / "relay"


def local_url(port: int) -> str:
    return f"http://127.0.0.1:{port}"


def is_set_up(paths: Paths) -> bool:
    return (paths.data / FILE_NAME).exists()


# -- checking the account with Meta --------------------------------------------------------

def check_account(setup: LocalSetup) -> tuple[str | None, str | None]:
    """Ask the Cloud API whether the token works for this number: (None, the number as
    Meta shows it) or (a problem kind, None). Blocking: call it off the UI thread.

    Kinds: token_refused, token_lacks_permission, wrong_number, unreachable."""
    from wadesk.relay.cloud_token import TokenCheckError, check_token
    from wadesk.relay.config import RelayConfig

    config = RelayConfig(data_dir=Path("."), graph_base_url=setup.graph_base_url or GRAPH_BASE_URL,
                         graph_version=GRAPH_VERSION, waba_id=setup.waba_id,
                         phone_number_ids=(setup.phone_number_id,))
    try:
        return None, asyncio.run(check_token(config, setup.access_token))
    except TokenCheckError as exc:
        kinds = {"token_refused": "token_refused", "token_lacks_permission": "token_lacks_permission",
                 "cloud_unavailable": "unreachable"}
        return kinds.get(exc.code, "wrong_number"), None
    except Exception as exc:  # no network, a bad address: the owner can only retry
        log.info("the Cloud API could not be asked: %s", type(exc).__name__)
        return "unreachable", None


# -- keeping the setup -----------------------------------------------------------------------

def save_setup(paths: Paths, setup: LocalSetup) -> None:
    """The secrets into the keychain, the rest into local-relay.json (written last: a
    profile counts as set up only once everything is kept)."""
    if not secrets.keychain_available():
        raise LocalRelayError("no_keychain")
    scope = relay_dir(paths).resolve()
    relay_dir(paths).mkdir(parents=True, exist_ok=True)
    for name, value in (("access_token", setup.access_token), ("app_secret", setup.app_secret),
                        ("verify_token", setup.verify_token)):
        secrets.set_secret(f"relay-{name}", scope, value)
    target = paths.data / FILE_NAME
    temporary = target.with_suffix(".tmp")
    temporary.write_text(json.dumps({
        "port": setup.port, "phone_number_id": setup.phone_number_id, "waba_id": setup.waba_id,
        "graph_base_url": setup.graph_base_url or GRAPH_BASE_URL, "graph_version": GRAPH_VERSION,
    }, indent=2), encoding="utf-8")
    os.replace(temporary, target)


def load_config(paths: Paths) -> Any:
    """The relay's RelayConfig: local-relay.json, the secrets from the keychain, the
    database key made on the first start (kept in the keychain)."""
    from wadesk.relay import config as relay_config

    try:
        raw = json.loads((paths.data / FILE_NAME).read_text(encoding="utf-8"))
        overrides = {"data_dir": relay_dir(paths), "host": "127.0.0.1", "port": int(raw["port"]),
                     "graph_base_url": str(raw.get("graph_base_url") or GRAPH_BASE_URL),
                     "graph_version": str(raw.get("graph_version") or GRAPH_VERSION),
                     "waba_id": str(raw["waba_id"]), "phone_number_ids": (str(raw["phone_number_id"]),)}
    except (FileNotFoundError, ValueError, KeyError, TypeError):
        raise LocalRelayError("not_set_up") from None
    if not secrets.keychain_available():
        raise LocalRelayError("no_keychain")
    try:
        # env={}: the desktop's own environment never overrides the shop's setup.
        config = relay_config.load(None, env={}, overrides=overrides)
        relay_config.check_ready_to_run(config)
        return relay_config.with_db_key(config, create=not config.database.exists())
    except relay_config.ConfigError:
        raise LocalRelayError("secrets_missing", int(overrides["port"])) from None


# -- running -------------------------------------------------------------------------------

class LocalRelay:
    """The relay on 127.0.0.1:<port>, in a background thread of this process."""

    def __init__(self, config: Any) -> None:
        self.config = config
        self.server: Any = None

    @property
    def url(self) -> str:
        return local_url(self.config.port)

    def start(self) -> str:
        from wadesk.relay.server import RelayServer

        server = RelayServer(self.config)
        try:
            server.start()
        except OSError as exc:
            if exc.errno in (errno.EADDRINUSE, getattr(errno, "WSAEADDRINUSE", -1), errno.EACCES):
                raise LocalRelayError("port_taken", self.config.port) from None
            raise LocalRelayError("did_not_start", self.config.port) from None
        except (RuntimeError, TimeoutError):
            log.exception("the relay in this process did not start")
            raise LocalRelayError("did_not_start", self.config.port) from None
        self.server = server
        log.info("the relay runs in this process on port %d", self.config.port)
        return self.url

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None
            log.info("the relay in this process stopped")


def create_owner(relay: LocalRelay, name: str) -> Any:
    """The shop's owner on the new relay, logged in from this PC: a LoginResult."""
    from wadesk.desktop.sync.login import log_in
    from wadesk.relay.people_api import add_person_with_code

    server = relay.server
    assert server is not None
    _person, code, _expires = server.call(
        lambda: server.ctx.write(lambda conn: add_person_with_code(conn, name, "owner", None)))
    return log_in(relay.url, name, setup_code=code)
