"""The settings page in the running app: built from the declarations, every change saved
at once and applied at once (the theme, the Enter key), the language after a restart of
the window."""

import json

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QComboBox, QSpinBox

from tests.desktop.offline_inbox import add_customer, start_inbox_fixture  # noqa: F401  (the fixture start_inbox)
from wadesk.desktop import i18n, theme
from wadesk.desktop.dialogs.settings_dialog import SettingsDialog
from wadesk.desktop.settings import SETTINGS, Settings
from wadesk.desktop.views.switch import Switch

# Dialogs and windows shown offscreen: the platform cannot pass size hints or raise them.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise|grabbing)")


def choose(combo: QComboBox, value: str) -> None:
    combo.setCurrentIndex(combo.findData(value))


def test_the_page_shows_every_setting_that_is_not_hidden(start_inbox, qtbot):
    inbox = start_inbox()
    dialog = inbox.open_settings()
    qtbot.waitExposed(dialog)
    shown = {key for key, control in dialog.controls.items() if control.isVisibleTo(dialog)}
    assert shown == {s.key for s in SETTINGS if not s.hidden}
    assert not {"app_lock_hash", "app_lock_kind"} & set(dialog.controls)
    assert isinstance(dialog.controls["enter_sends"], Switch)
    assert isinstance(dialog.controls["app_lock_idle_minutes"], QSpinBox)
    assert [h.text() for h in dialog.sections.values()] == ["General", "Appearance", "Notifications", "Security"]
    # Choices by name, the languages in their own language.
    language = dialog.controls["language"]
    assert [language.itemText(i) for i in range(language.count())] == ["Follow the system", "English", "Deutsch"]
    looks = dialog.controls["theme"]
    assert [looks.itemText(i) for i in range(looks.count())] == ["Follow the system", "Light", "Dark"]
    # A screen reader hears what each control is for.
    assert dialog.controls["sound"].accessibleName() == "Sound"
    spin = dialog.controls["app_lock_idle_minutes"]
    assert (spin.minimum(), spin.maximum()) == (0, 24 * 60)


def test_the_gear_and_ctrl_comma_open_the_settings(start_inbox, qtbot):
    inbox = start_inbox()
    gear = inbox.window.sidebar.settings_button
    assert gear.accessibleName() == "Settings" and "Ctrl+," in gear.toolTip()
    qtbot.mouseClick(gear, Qt.MouseButton.LeftButton)
    first = inbox.settings_dialog
    assert isinstance(first, SettingsDialog) and first.isVisible()
    first.close()
    assert inbox.settings_dialog is None
    inbox.window.activateWindow()  # shortcuts reach only the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is inbox.window)
    inbox.window.sidebar.search.setFocus()
    qtbot.keyClick(inbox.window.sidebar.search, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    second = inbox.settings_dialog
    assert second is not None and second.isVisible()
    qtbot.mouseClick(gear, Qt.MouseButton.LeftButton)
    assert inbox.settings_dialog is second  # raised, not opened twice


def test_the_theme_changes_at_once(start_inbox, qtbot):
    inbox = start_inbox()
    app = QApplication.instance()
    assert app.palette().color(QPalette.ColorRole.Window).name() == theme.LIGHT["window"]
    dialog = inbox.open_settings()
    choose(dialog.controls["theme"], "dark")
    assert app.palette().color(QPalette.ColorRole.Window).name() == theme.DARK["window"]
    assert app.palette().color(QPalette.ColorRole.Base).name() == theme.DARK["panel"]
    assert theme.current_colours() is theme.DARK
    # The gear, painted with the theme's colours, was painted again.
    gear = inbox.window.sidebar.settings_button.icon().pixmap(22, 22).toImage()
    colours = {gear.pixelColor(x, y).name() for x in range(gear.width()) for y in range(gear.height())
               if gear.pixelColor(x, y).alpha() == 255}
    assert theme.DARK["muted"] in colours
    choose(dialog.controls["theme"], "light")
    assert app.palette().color(QPalette.ColorRole.Window).name() == theme.LIGHT["window"]


def test_turning_off_enter_sends_makes_enter_a_new_line_and_ctrl_enter_send(start_inbox, qtbot):
    inbox = start_inbox()
    conversation = add_customer(inbox)
    inbox.window.open_conversation(conversation)
    composer = inbox.window.chat_page.composer
    dialog = inbox.open_settings()
    switch = dialog.controls["enter_sends"]
    assert switch.isChecked()
    qtbot.mouseClick(switch, Qt.MouseButton.LeftButton)
    assert not switch.isChecked() and inbox.settings.get("enter_sends") is False
    dialog.close()
    qtbot.keyClicks(composer.edit, "Ja,")
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    qtbot.keyClicks(composer.edit, "morgen")
    assert composer.edit.toPlainText() == "Ja,\nmorgen"
    with qtbot.waitSignal(composer.send_text) as sent:
        qtbot.keyClick(composer.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert sent.args == ["Ja,\nmorgen", ""]
    assert "Ctrl+Enter" in composer.send_button.toolTip()


def test_values_are_saved_at_once_and_survive_a_restart(start_inbox, qtbot):
    inbox = start_inbox()
    dialog = inbox.open_settings()
    qtbot.mouseClick(dialog.controls["notifications"], Qt.MouseButton.LeftButton)
    choose(dialog.controls["theme"], "dark")
    dialog.controls["app_lock_idle_minutes"].setValue(25)
    saved = json.loads(inbox.paths.settings.read_text())
    assert saved == {"notifications": False, "theme": "dark", "app_lock_idle_minutes": 25}
    dialog.close()
    inbox.close()

    again = start_inbox()
    assert again.settings.as_dict()["theme"] == "dark"
    page = again.open_settings()
    assert page.controls["notifications"].isChecked() is False
    assert page.controls["theme"].currentData() == "dark"
    assert page.controls["app_lock_idle_minutes"].value() == 25


def test_notices_and_their_sound_apply_to_the_next_message(start_inbox, qtbot):
    inbox = start_inbox()
    notifier = inbox.controller.notifier
    dialog = inbox.open_settings()
    sound = dialog.rows["sound"]
    assert sound.control.isEnabled()
    with qtbot.waitSignal(notifier.notified):
        notifier.notify(1, "Jonas", "Hallo")
    qtbot.mouseClick(dialog.controls["notifications"], Qt.MouseButton.LeftButton)
    assert not sound.control.isEnabled()  # no notices, no sound with them
    with qtbot.assertNotEmitted(notifier.notified):
        notifier.notify(1, "Jonas", "Noch da?")


def test_a_settings_file_that_cannot_be_written_keeps_the_old_value_and_says_so(english, qtbot, tmp_path):
    target = tmp_path / "settings.json"
    target.mkdir()  # a folder where the file should be: every save fails
    settings = Settings(target)
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.assertNotEmitted(dialog.changed):
        qtbot.mouseClick(dialog.controls["sound"], Qt.MouseButton.LeftButton)
    assert settings.get("sound") is False
    assert dialog.controls["sound"].isChecked() is False
    assert dialog.problem.isVisible() and "could not be saved" in dialog.problem.text()


def test_a_new_language_waits_for_the_restart_and_restart_now_switches(start_inbox, qtbot):
    inbox = start_inbox()
    conversation = add_customer(inbox)
    inbox.window.open_conversation(conversation)
    inbox.window.chat_page.composer.edit.setPlainText("Ihr Rad ist")
    dialog = inbox.open_settings()
    assert not dialog.restart_holder.isVisibleTo(dialog)
    choose(dialog.controls["language"], "de")
    assert json.loads(inbox.paths.settings.read_text()) == {"language": "de"}
    # Nothing half-translated meanwhile: the window stays English until the restart.
    old_window = inbox.window
    assert old_window.sidebar.search.placeholderText() == "Search names, numbers and messages"
    assert dialog.restart_holder.isVisibleTo(dialog) and dialog.restart_button.isVisibleTo(dialog)
    assert "restart" in dialog.restart_text.text().lower() or "neu" in dialog.restart_text.text().lower()
    dialog.close()  # and open again later: the change is still waiting
    dialog = inbox.open_settings()
    assert dialog.restart_holder.isVisibleTo(dialog)

    qtbot.mouseClick(dialog.restart_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: inbox.window is not old_window)
    window = inbox.window
    assert i18n.current_language() == "de"
    assert window.isVisible() and not old_window.isVisible()
    assert window.sidebar.search.placeholderText() == "Namen, Nummern und Nachrichten durchsuchen"
    assert window.open_conversation_id == conversation
    assert window.chat_page.composer.edit.toPlainText() == "Ihr Rad ist"
    assert inbox.settings_dialog is None
    # Back to English the same way; choosing what is in effect asks for no restart.
    page = inbox.open_settings()
    choose(page.controls["language"], "en")
    assert page.restart_holder.isVisibleTo(page)
    choose(page.controls["language"], "de")
    assert not page.restart_holder.isVisibleTo(page)


def test_a_language_forced_at_start_is_not_taken_for_a_pending_change(english, qtbot):
    app = QApplication.instance()
    locale = QLocale()
    i18n.switch_language(app, "de")  # as `wadesk --lang de`, the setting saying "follow the system"
    try:
        dialog = SettingsDialog(Settings(None))
        qtbot.addWidget(dialog)
        assert not dialog.restart_holder.isVisibleTo(dialog)
        choose(dialog.controls["language"], "en")
        assert dialog.restart_holder.isVisibleTo(dialog)
        choose(dialog.controls["language"], "de")  # what is in effect anyway
        assert not dialog.restart_holder.isVisibleTo(dialog)
    finally:
        i18n.switch_language(app, "en")
        QLocale.setDefault(locale)
