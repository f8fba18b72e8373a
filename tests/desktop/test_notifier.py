from wadesk.desktop.notifier import Notifier, badge_icon
from wadesk.desktop.settings import Settings


def test_notices_follow_the_settings(qapp):
    notifier = Notifier(Settings(None, {"notifications": True}))
    seen = []
    notifier.notified.connect(lambda cid, title, text: seen.append((cid, title, text)))
    notifier.notify(4, "Jonas Müller", "x" * 500)
    assert seen and seen[0][0] == 4 and len(seen[0][2]) == 120 and seen[0][2].endswith("…")
    notifier.settings = Settings(None, {"notifications": False})
    notifier.notify(4, "Jonas Müller", "Hallo")
    assert len(seen) == 1


def test_the_badge_carries_the_count(qapp):
    assert not badge_icon(0).isNull() and not badge_icon(7).isNull() and not badge_icon(250).isNull()
    notifier = Notifier(Settings(None))
    notifier.set_unread(3)
    assert notifier.unread == 3
