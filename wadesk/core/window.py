"""The 24-hour customer service window of the WhatsApp Business Platform.

A business may send any message (free text, media, reactions) only within 24 hours
after the customer's last message; outside it, only an approved template. The window
is measured from the customer's last message, not the business's last reply, so
answering does not extend it. Times are integer Unix seconds, as Meta sends them.
"""

from __future__ import annotations

WINDOW_SECONDS = 24 * 60 * 60


def window_closes_at(last_customer_msg_at: int | None) -> int | None:
    """When the window closes, or None if the customer never wrote (never open)."""
    if last_customer_msg_at is None:
        return None
    return last_customer_msg_at + WINDOW_SECONDS


def is_open(last_customer_msg_at: int | None, now: int) -> bool:
    """True while free-form messages may be sent."""
    closes = window_closes_at(last_customer_msg_at)
    return closes is not None and now < closes


def remaining(last_customer_msg_at: int | None, now: int) -> int:
    """Seconds left in the window; 0 when it is closed or was never open."""
    closes = window_closes_at(last_customer_msg_at)
    if closes is None:
        return 0
    return max(0, closes - now)
