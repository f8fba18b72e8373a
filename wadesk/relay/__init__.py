"""The team relay: receives Meta's webhooks, keeps the team's shared state in an
encrypted event log, sends on behalf of the desktops, and syncs every staff PC."""
