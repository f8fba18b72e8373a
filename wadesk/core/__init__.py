"""Pure rules shared by relay and desktop (24-hour window, business hours, retention,
statistics, formatting). Imports nothing of ours but types."""
