"""The Cloud API simulator: Graph endpoints, signed webhooks, simulated customers,
fault injection and a controllable clock, so that wadesk can be tried, demonstrated
and tested without a Meta account.

In-process use (the demo, tests)::

    from wadesk.sim import SimConfig, SimServer
    server = SimServer(SimConfig(webhook_url="http://127.0.0.1:8200/webhook"))
    base_url = server.start()          # e.g. "http://127.0.0.1:39213"
    ...                                # Graph API under base_url + "/v25.0/..."
    server.stop()

From the command line: ``wadesk sim`` (see `wadesk.sim.cli`).
"""

from __future__ import annotations

from wadesk.sim.config import SimConfig
from wadesk.sim.server import SimServer
from wadesk.sim.simulator import Simulator, create_app

__all__ = ["SimConfig", "SimServer", "Simulator", "create_app"]
