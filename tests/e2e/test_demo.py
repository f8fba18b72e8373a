"""`wadesk --demo`: simulator, relay and team on loopback, with no keychain needed and
nothing kept. (How fast it starts is for bench/, not for these tests.)"""

import time

import keyring
import pytest
from keyring.backends.fail import Keyring as NoKeyring
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from wadesk import paths as wpaths
from wadesk.desktop import app as desktop_app
from wadesk.desktop.demo_history import PAST
from wadesk.desktop.demo import FIRST_WRITERS, LABELS, QUICK_REPLIES, DemoEnvironment
from wadesk.desktop.main_window import MainWindow
from wadesk.store import conversations, labels, quick_replies
from wadesk.store.conversations import ConversationFilter


@pytest.fixture
def demo(tmp_path):
    environment = DemoEnvironment(wpaths.demo_of(wpaths.for_profile(tmp_path)), chatter=None, colleagues=False)
    yield environment
    environment.stop()


def relay_read(environment, fn):
    relay = environment.relay
    return relay.call(lambda: relay.ctx.read(fn))


def test_the_demo_business_starts_with_its_team_and_first_customers(demo):
    # How fast it starts is measured in bench/, not here.
    session = demo.start()
    assert demo.relay is not None and demo.sim is not None
    assert session.token and len(session.db_key) == 32 and session.token not in repr(session)
    assert set(demo.tokens) == {"Demo", "Mia", "Tom"}
    assert sorted(l.name for l in relay_read(demo, labels.list_labels)) == sorted(name for name, _ in LABELS)
    assert len(relay_read(demo, quick_replies.list_quick_replies)) == len(QUICK_REPLIES)
    deadline = time.monotonic() + 10
    while len(relay_read(demo, conversations.list_conversations)) < len(FIRST_WRITERS):
        assert time.monotonic() < deadline, "the first customers did not write"
        time.sleep(0.05)


def test_the_demo_inbox_has_a_past_with_labels_assignees_notes_and_read_answers(demo):
    from wadesk.store import contacts, notes

    demo.start()
    now = time.time()
    for past in PAST:
        def facts(conn, past=past):
            contact = contacts.find_contact(conn, wa_id=past.wa_id)
            conversation_id = conversations.find_conversation_id(conn, contact.id, demo.sim.phone_number_id)
            conversation = conversations.get_conversation(conn, conversation_id)
            rows = conn.execute("SELECT direction, ts, status FROM messages WHERE conversation_id = ? ORDER BY ts",
                                (conversation_id,)).fetchall()
            applied = [l.name for l in labels.conversation_labels(conn, conversation_id)]
            return contact, conversation, rows, applied, notes.notes_for(conn, conversation_id)

        contact, conversation, rows, applied, found_notes = relay_read(demo, facts)
        assert contact.profile_name == past.name
        assert [d for d, _ts, _s in rows] == [d for _m, d, _t in past.lines]
        oldest_minutes = past.lines[0][0]
        assert abs((now - rows[0][1]) / 60 - oldest_minutes) < 2  # the past, not today
        assert all(status == "read" for d, _ts, status in rows if d == "out")
        assert sorted(applied) == sorted(past.labels)
        expected = None if past.assignee is None else demo.person_ids["Demo" if past.assignee == "me" else past.assignee]
        assert conversation.assignee_id == (None if expected is None else str(expected))
        assert [n.text for n in found_notes] == ([past.note] if past.note else [])


def test_a_demo_colleague_takes_a_conversation_that_waited(demo, monkeypatch):
    from wadesk.desktop import demo_colleagues
    from wadesk.desktop.demo_colleagues import DemoColleagues

    demo.start()
    deadline = time.monotonic() + 10
    while len(relay_read(demo, conversations.list_conversations)) < len(FIRST_WRITERS):
        assert time.monotonic() < deadline
        time.sleep(0.05)
    colleagues = DemoColleagues(demo.relay, demo.relay.base_url, demo.tokens, demo.person_ids, seed=1)
    assert colleagues.act_once("Mia") is None  # fresh messages are left to the user
    monkeypatch.setattr(demo_colleagues, "WAITED_S", -60)

    def mias() -> int:
        return len(relay_read(demo, lambda conn: conversations.list_conversations(
            conn, ConversationFilter(assignee_id=str(demo.person_ids["Mia"])))))

    before = mias()  # the demo's history gives Mia one conversation of her own
    assert colleagues.act_once("Mia") == "assigned"
    assert mias() == before + 1
    # Once the waiting ones are all taken, Mia answers hers (Tom never touches them).
    outcomes = [colleagues.act_once("Mia") for _ in range(30)]
    assert "answered" in outcomes
    sent = relay_read(demo, lambda conn: conn.execute(
        "SELECT count(*) FROM messages WHERE direction = 'out' AND agent_id = ?",
        (str(demo.person_ids["Mia"]),)).fetchone()[0])
    assert sent >= 1


def test_wadesk_demo_opens_the_inbox_without_a_keychain(tmp_path, qapp, qtbot, monkeypatch):
    keyring.set_keyring(NoKeyring())  # as on CI: no keychain, and no passphrase asked
    seen = {}

    def watch() -> None:
        window = next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()), None)
        if window is not None and window.list_model is not None and window.list_model.rowCount() >= len(FIRST_WRITERS) + len(PAST):
            seen["rows"] = window.list_model.rowCount()
            seen["title"] = window.windowTitle()
            seen["team"] = sorted(name for _id, name in window.team.members())
            # exit(), not quit(): Qt 6's quit() leaves the test's later timers dead.
            QApplication.exit(0)
            return
        QTimer.singleShot(50, watch)

    QTimer.singleShot(0, watch)
    profile = tmp_path / "home"
    assert desktop_app.run(profile=str(profile), demo=True, language="en") == 0
    assert seen["rows"] == len(FIRST_WRITERS) + len(PAST) and "Radhaus Berlin" in seen["title"]
    assert seen["team"] == ["Demo", "Mia", "Tom"]
    assert (profile / "data" / "demo" / "wadesk.db").exists()
    assert not (profile / "data" / "wadesk.db").exists()  # real data untouched
