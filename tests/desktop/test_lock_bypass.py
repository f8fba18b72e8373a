"""While the app lock asks for the PIN nothing shows the window (the tray, a notice);
notices then name neither customer nor text; the idle lock follows the last use; wrong
answers cost growing waits. No wall-clock: the clock and the timers are driven by hand."""

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

from tests.desktop.offline_inbox import add_customer, start_inbox_fixture  # noqa: F401  (the fixture start_inbox)
from tests.desktop.test_app_lock import answer_unlock
from wadesk.desktop.app_lock import PIN, WAIT_MAX_S, AppLock, UnlockDialog, failure_wait, hash_secret
from wadesk.desktop.settings import Settings

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise|grabbing)")


def test_the_tray_and_a_notice_click_do_not_show_the_window_while_locked(start_inbox, qtbot):
    inbox = start_inbox()
    conversation_id = add_customer(inbox)
    inbox.lock.set_secret(PIN, "4711")
    notifier = inbox.controller.notifier
    seen_while_locked: list[tuple[bool, object]] = []
    notices: list[tuple[int, str, str]] = []
    notifier.notified.connect(lambda cid, title, text: notices.append((cid, title, text)))

    def while_asked() -> None:
        if seen_while_locked:
            return
        notifier.show_requested.emit()  # the tray icon clicked
        notifier.open_requested.emit(conversation_id)  # a notice clicked
        notifier.notify(conversation_id, "Jonas Becker", "Ist mein Fahrrad fertig?")
        notifier.notice_clicked()
        seen_while_locked.append((inbox.window.isVisible(), inbox.window.open_conversation_id))

    seen: list[str] = []
    answer_unlock(qtbot, ["0000", "4711"], seen, while_asked)
    assert inbox.lock.lock() is True
    assert seen_while_locked == [(False, None)]
    assert notices == [(0, "wadesk", "New message")]  # no name, no text at a locked PC
    assert inbox.window.isVisible()  # the right PIN shows it again

    notifier.notify(conversation_id, "Jonas Becker", "Ist mein Fahrrad fertig?")
    assert notices[-1] == (conversation_id, "Jonas Becker", "Ist mein Fahrrad fertig?")
    notifier.open_requested.emit(conversation_id)  # unlocked, a notice opens its chat
    assert inbox.window.open_conversation_id == conversation_id


def press(widget: QWidget) -> None:
    event = QMouseEvent(QEvent.Type.MouseButtonPress, QPointF(5, 5), QPointF(5, 5), Qt.MouseButton.LeftButton,
                        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def test_the_idle_lock_counts_from_the_last_use(qtbot, tmp_path, english):
    settings = Settings(tmp_path / "settings.json", {"app_lock_hash": hash_secret("4711"), "app_lock_kind": "pin",
                                                    "app_lock_idle_minutes": 5})
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    now = [1000.0]
    timer = QTimer()
    lock = AppLock(settings, window, clock=lambda: now[0], timer=timer)
    assert timer.isActive() and timer.interval() == 5 * 60_000

    now[0] += 200
    press(window)  # used after 200 s: the five minutes start again from here
    now[0] += 100
    timer.timeout.emit()  # 300 s after the start, 100 s after the last use
    assert not lock.locked and window.isVisible()
    assert timer.isActive() and timer.interval() == 200_000  # looks again when 5 min of idleness are up

    hidden_while_asked: list[bool] = []
    answer_unlock(qtbot, ["4711"], [], lambda: hidden_while_asked.append(not window.isVisible()))
    now[0] += 200
    timer.timeout.emit()  # idle for five minutes: locks, and opens again with the PIN
    assert hidden_while_asked == [True]
    assert window.isVisible() and not lock.locked and timer.isActive()
    lock.detach()


def test_wrong_answers_cost_growing_waits_with_a_countdown(qtbot, english):
    assert [failure_wait(n) for n in range(1, 9)] == [1, 2, 4, 8, 16, 30, 30, 30]
    assert WAIT_MAX_S == 30
    dialog = UnlockDialog(hash_secret("4711"), PIN)
    qtbot.addWidget(dialog)
    dialog.show()
    for failures, wait in ((1, 1), (2, 2), (3, 4)):
        dialog.secret.setText("0000")
        dialog._check()
        assert dialog.failures == failures and dialog.wait_left == wait
        assert not dialog.secret.isEnabled() and not dialog.unlock_button.isEnabled()
        assert dialog.countdown.isActive()
        assert f"try again in {wait} second" in dialog.wait_text.text()
        dialog.secret.setText("4711")
        dialog._check()  # Enter during the wait: not even the right PIN is read
        assert dialog.result() != UnlockDialog.DialogCode.Accepted and dialog.isVisible()
        for left in range(wait - 1, 0, -1):
            dialog.tick()
            assert not dialog.secret.isEnabled() and f"in {left} second" in dialog.wait_text.text()
        dialog.tick()
        assert dialog.secret.isEnabled() and dialog.unlock_button.isEnabled()
        assert not dialog.wait_text.isVisible() and not dialog.countdown.isActive()
    dialog.secret.setText("4711")
    dialog._check()
    assert dialog.result() == UnlockDialog.DialogCode.Accepted
