"""A fork server for the crash tests: imports the relay once, then forks a fresh relay
process per "start" line on stdin (printing its pid), so that twenty SIGKILL-and-
restart cycles do not pay twenty Python start-ups. POSIX only (os.fork, waitpid);
test_crash_recovery.py skips elsewhere. Run as:

    WADESK_TEST_DB_KEY=<hex> python tests/relay/relay_process.py DATA_DIR PORT
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import uvicorn  # noqa: E402
import uvicorn.lifespan.on  # noqa: E402,F401  (imported here once, not in every fork)
import uvicorn.protocols.http.httptools_impl  # noqa: E402,F401
import uvicorn.protocols.http.h11_impl  # noqa: E402,F401
try:  # uvloop, where installed (not on Windows): what `wadesk relay run` uses there
    import uvicorn.loops.uvloop  # noqa: E402,F401
    import uvloop  # noqa: E402,F401
except ImportError:
    pass

from wadesk.relay.app import create_app  # noqa: E402
from wadesk.relay.config import RelayConfig  # noqa: E402
from wadesk.relay.context import RelayContext  # noqa: E402
from wadesk.relay.server import uvicorn_config  # noqa: E402
from wadesk.serving import bind  # noqa: E402

APP_SECRET = "relay-test-app-secret"


def serve(data_dir: Path, port: int) -> None:
    config = RelayConfig(data_dir=data_dir, host="127.0.0.1", port=port,
                         graph_base_url="http://127.0.0.1:9", phone_number_ids=("106540352242922",),
                         access_token="t", app_secret=APP_SECRET, verify_token="v",
                         db_key=bytes.fromhex(os.environ["WADESK_TEST_DB_KEY"]))
    server = uvicorn.Server(uvicorn_config(create_app(RelayContext(config)), config))
    server.run(sockets=[bind("127.0.0.1", port)])


def main() -> None:
    data_dir, port = Path(sys.argv[1]), int(sys.argv[2])
    for line in sys.stdin:
        while True:  # reap the relays the test has killed
            try:
                pid, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid == 0:
                break
        if line.strip() == "start":
            pid = os.fork()
            if pid == 0:
                try:
                    serve(data_dir, port)
                finally:
                    os._exit(0)
            print(pid, flush=True)
        elif line.strip() == "exit":
            return


if __name__ == "__main__":
    main()
