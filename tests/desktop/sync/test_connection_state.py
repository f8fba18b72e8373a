import random

from wadesk.desktop.sync.connection_state import OFFLINE, ONLINE, RECONNECTING, ConnectionState


def test_reconnecting_then_offline_then_online_again():
    now = [0.0]
    state = ConnectionState(offline_after_s=20, clock=lambda: now[0])
    assert state.state == RECONNECTING
    assert state.answered() and state.state == ONLINE
    assert state.failed() and state.state == RECONNECTING
    now[0] = 10
    assert not state.failed()
    now[0] = 21
    assert state.failed() and state.state == OFFLINE
    assert state.answered() and state.state == ONLINE and state.failures == 0


def test_backoff_grows_to_the_cap_with_jitter():
    state = ConnectionState(backoff_base_s=1, backoff_cap_s=30, rng=random.Random(1))
    delays = [state.delay(n) for n in range(1, 9)]
    assert 0.8 <= delays[0] <= 1.0
    assert all(later >= earlier * 0.8 for earlier, later in zip(delays, delays[1:]))
    assert max(delays) <= 30 and delays[-1] >= 24
