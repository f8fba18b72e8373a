"""What a migration is; kept apart so migration modules can import it without a cycle."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Union

from wadesk.store._db import Connection

REPLICA = "replica"
RELAY = "relay"
ROLES = frozenset({REPLICA, RELAY})
BOTH = ROLES
RELAY_ONLY = frozenset({RELAY})

# A step is one SQL statement, or a function for what SQL alone cannot say.
Step = Union[str, Callable[[Connection], None]]


@dataclass(frozen=True, slots=True)
class Migration:
    number: int
    name: str
    roles: frozenset[str]
    steps: tuple[Step, ...]

    def applies_to(self, role: str) -> bool:
        return role in self.roles
