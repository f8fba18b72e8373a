import pytest
from PySide6.QtCore import QCoreApplication, Qt

from wadesk.desktop import i18n, theme
from wadesk.desktop.main_window import MainWindow


@pytest.fixture
def window(qtbot):
    app = QCoreApplication.instance()
    theme.apply_theme(app, "light")
    translators = i18n.install_translators(app, "en")
    win = MainWindow("Radhaus Berlin", "+49 30 1234567")
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()  # shortcuts only reach the active window
    qtbot.waitActive(win)
    yield win
    for translator in translators:
        app.removeTranslator(translator)


def test_empty_inbox_explains_itself(window):
    assert window.sidebar.empty_hint.isVisible()
    assert "No conversations yet" in window.sidebar.empty_hint.text()
    assert window.welcome.isVisible()
    assert "Radhaus Berlin" in window.windowTitle()


def test_search_is_debounced_and_reachable_by_keyboard(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.sidebar.search.hasFocus()
    with qtbot.waitSignal(window.sidebar.search_changed, timeout=2000) as blocker:
        # QTest can only type ASCII; an umlaut arrives by insert, as from an input method.
        qtbot.keyClicks(window.sidebar.search, "M")
        window.sidebar.search.insert("üller")
    assert blocker.args == ["Müller"]


def test_clearing_the_search_is_reported_at_once(window, qtbot):
    reported: list[str] = []
    window.sidebar.search_changed.connect(reported.append)
    with qtbot.waitSignal(window.sidebar.search_changed, timeout=2000):
        window.sidebar.search.setText("Mül")
    assert reported == ["Mül"]
    window.sidebar.search.setText("Müll")
    window.sidebar.search.clear()  # no pause: the inbox comes back before the next keystroke
    assert reported == ["Mül", ""]


def test_filter_chips_report_their_filter(window, qtbot):
    chip = next(b for b in window.sidebar.filters.buttons() if b.property("filter_key") == "unread")
    with qtbot.waitSignal(window.sidebar.filter_changed) as blocker:
        qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert blocker.args == ["unread"]
    assert chip.isChecked()


def test_connection_state_is_always_visible(window):
    window.set_connection_state("offline", waiting=3)
    assert "Offline" in window.connection_text.text()
    assert "3 messages waiting" in window.connection_text.text()
    window.set_connection_state("online")
    assert window.connection_text.text() == "Online"


def test_german_interface(qtbot):
    app = QCoreApplication.instance()
    installed = i18n.install_translators(app, "de")
    try:
        assert installed, "the German catalogue must load from resources/translations"
        win = MainWindow("Radhaus", "")
        qtbot.addWidget(win)
        assert win.sidebar.search.placeholderText() == "Namen, Nummern und Nachrichten durchsuchen"
        win.set_connection_state("offline", waiting=1)
        assert "1 Nachricht wartet" in win.connection_text.text()
    finally:
        for translator in installed:
            app.removeTranslator(translator)


def test_language_choice():
    assert i18n.pick_language("de_DE") == "de"
    assert i18n.pick_language("fr") in i18n.SUPPORTED
