from wadesk.core.window import WINDOW_SECONDS, is_open, remaining, window_closes_at

T = 1_700_000_000


def test_never_written_means_never_open():
    assert window_closes_at(None) is None
    assert not is_open(None, T)
    assert remaining(None, T) == 0


def test_open_for_24_hours_after_the_customers_last_message():
    assert window_closes_at(T) == T + WINDOW_SECONDS
    assert is_open(T, T)
    assert is_open(T, T + WINDOW_SECONDS - 1)
    assert remaining(T, T + 3600) == WINDOW_SECONDS - 3600


def test_closed_exactly_at_24_hours_and_after():
    assert not is_open(T, T + WINDOW_SECONDS)
    assert remaining(T, T + WINDOW_SECONDS) == 0
    assert remaining(T, T + 10 * WINDOW_SECONDS) == 0


def test_a_message_from_the_future_clock_skew_keeps_it_open():
    # A customer timestamp slightly ahead of our clock must not close the window.
    assert is_open(T + 30, T)
    assert remaining(T + 30, T) == WINDOW_SECONDS + 30
