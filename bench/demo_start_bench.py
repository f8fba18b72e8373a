#!/usr/bin/env python3
"""How long `wadesk --demo`'s business takes to come up: simulator, relay, team and
the first customers writing (the tests check that it starts, not how fast).

    python3 tasks.py bench demo_start_bench [RUNS]

Prints the time to `start()` and to the first customers' conversations per run, and
exits non-zero when a start takes longer than START_BUDGET_S (the old test's bound).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wadesk import paths as wpaths  # noqa: E402
from wadesk.desktop.demo import FIRST_WRITERS, DemoEnvironment  # noqa: E402
from wadesk.store import conversations  # noqa: E402

START_BUDGET_S = 5.0


def one_run(home: Path) -> tuple[float, float]:
    environment = DemoEnvironment(wpaths.demo_of(wpaths.for_profile(home)), chatter=None, colleagues=False)
    started = time.monotonic()
    try:
        environment.start()
        up = time.monotonic() - started
        relay = environment.relay
        while len(relay.call(lambda: relay.ctx.read(conversations.list_conversations))) < len(FIRST_WRITERS):
            if time.monotonic() - started > 60:
                raise TimeoutError("the first customers did not write within a minute")
            time.sleep(0.02)
        return up, time.monotonic() - started
    finally:
        environment.stop()


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    worst = 0.0
    for n in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            up, customers = one_run(Path(tmp))
        worst = max(worst, up)
        print(f"demo_start_bench: run {n + 1}: started in {up:.2f} s, first customers after {customers:.2f} s",
              flush=True)
    if worst > START_BUDGET_S:
        print(f"demo_start_bench: slowest start {worst:.2f} s is over {START_BUDGET_S:.0f} s", flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
