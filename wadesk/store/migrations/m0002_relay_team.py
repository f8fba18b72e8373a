"""2: the relay's people, devices, setup codes, login failures and audit log."""

from wadesk.store.migrations.base import RELAY_ONLY, Migration
from wadesk.store.relay_team_schema import STATEMENTS

MIGRATION = Migration(number=2, name="relay team", roles=RELAY_ONLY, steps=STATEMENTS)
