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


def test_a_notice_opens_its_own_conversation_never_another_customers(english):
    now = [0.0]
    notifier = Notifier(Settings(None, {"notifications": True}), clock=lambda: now[0])
    opened, shown, notices = [], [], []
    notifier.open_requested.connect(opened.append)
    notifier.show_requested.connect(lambda: shown.append(True))
    notifier.notified.connect(lambda cid, title, text: notices.append((cid, title, text)))

    notifier.notify(4, "Jonas Müller", "Hallo")
    notifier.notice_clicked()
    assert opened == [4]
    notifier.notify(4, "Jonas Müller", "Noch da?")  # the same customer again: still their chat
    notifier.notice_clicked()
    assert opened == [4, 4]

    now[0] += 2
    notifier.notify(7, "Mia Schulz", "Guten Tag")  # while Jonas's notice is on screen
    assert notices[-1] == (0, "New messages", "from 2 customers")
    notifier.notice_clicked()
    assert opened == [4, 4] and shown == [True]  # the list, not Mia's nor Jonas's chat

    now[0] += 60  # both notices are gone: the next one is Mia's alone
    notifier.notify(7, "Mia Schulz", "Sind Sie da?")
    assert notices[-1] == (7, "Mia Schulz", "Sind Sie da?")
    notifier.notice_clicked()
    assert opened == [4, 4, 7]
