"""Faults on demand, for tests and for practising with the demo.

Counted faults wait for the next matching event and are used up one at a time:

| kind | what happens | parameters |
| --- | --- | --- |
| http_error | the next Graph calls answer 5xx in Meta's shape, nothing is done | status (500), code (131000 or 2 for 503), endpoint |
| timeout | the next calls hang, then answer 503; nothing is done | seconds (30), endpoint |
| lost_response | the call is carried out (a send is accepted and its webhooks follow) but the answer is lost: the connection drops, or it hangs past the client's timeout | mode ("drop" or "hang"), seconds (30), endpoint |
| duplicate_webhooks | the next webhook payloads are POSTed twice | |
| out_of_order | the next sent messages' statuses arrive last first (read, delivered, sent) | |
| failed_after_delivered | the next sent messages get sent, delivered, then failed (131026) | |
| undeliverable | the next sent messages fail with 131026 | |

`endpoint` is "messages" unless given: "any", "media", "media_info", "download",
"profile", "templates", "phone", "waba", "uploads".
Immediate faults (`expire_token`, `burst`) are carried out by the control API at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

COUNTED = ("http_error", "timeout", "lost_response", "duplicate_webhooks", "out_of_order",
           "failed_after_delivered", "undeliverable")
PER_ENDPOINT = ("http_error", "timeout", "lost_response")


@dataclass(slots=True)
class Fault:
    id: int
    kind: str
    count: int
    params: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "count": self.count, **self.params}


class Faults:
    def __init__(self) -> None:
        self._pending: list[Fault] = []
        self._next_id = 1
        self.triggered: dict[str, int] = {}

    def add(self, kind: str, count: int = 1, **params: Any) -> Fault:
        if kind not in COUNTED:
            raise ValueError(f"unknown fault kind {kind!r}; counted kinds are {', '.join(COUNTED)}")
        if count < 1:
            raise ValueError("count must be at least 1")
        if kind in PER_ENDPOINT:
            params.setdefault("endpoint", "messages")
        fault = Fault(self._next_id, kind, count, params)
        self._next_id += 1
        self._pending.append(fault)
        return fault

    def take(self, kind: str, endpoint: str | None = None) -> dict[str, Any] | None:
        """Use up one of the oldest matching fault and return its parameters."""
        for fault in self._pending:
            if fault.kind != kind:
                continue
            if endpoint is not None and fault.params.get("endpoint") not in ("any", endpoint):
                continue
            fault.count -= 1
            if fault.count <= 0:
                self._pending.remove(fault)
            self.triggered[kind] = self.triggered.get(kind, 0) + 1
            return dict(fault.params)
        return None

    def clear(self) -> None:
        self._pending.clear()

    def snapshot(self) -> dict[str, Any]:
        return {"pending": [f.to_json() for f in self._pending], "triggered": dict(self.triggered)}
