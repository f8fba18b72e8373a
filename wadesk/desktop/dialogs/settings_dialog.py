"""The settings page, built from the declarations in settings.py.

One scrolling page of cards, a section per group (General, Appearance, Notifications,
Security), a row per setting: its name and one line of explanation on the left, the
control on the right (a switch for bool, a list for choices, a number for int). A
change is saved at once and announced with `changed(key)`; app.Inbox applies it to the
running app (theme, Enter key, idle lock). There is no OK button: nothing waits.

The language is the exception: it takes effect when the window is built again, so the
row then says so and offers "Restart now" (`restart_requested`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wadesk.desktop import i18n
from wadesk.desktop.app_lock import PIN, AppLock
from wadesk.desktop.settings import GROUPS, SECURITY, SETTINGS, Setting, Settings
from wadesk.desktop.views.switch import Switch

# What the minimum of a number setting means, and its unit (shown in the spin box).
_NUMBER_TEXTS = {
    "app_lock_idle_minutes": (QT_TRANSLATE_NOOP("SettingsDialog", "Only at start"),
                              QT_TRANSLATE_NOOP("SettingsDialog", " min")),
}


class _Row(QWidget):
    """Name and explanation on the left, the control on the right; a click anywhere on
    a switch's row flips the switch."""

    def __init__(self, title: str, description: str, control: QWidget | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("SettingsRow")
        self.control = control
        self.title = QLabel(title, objectName="RowTitle", wordWrap=True)
        self.description = QLabel(description, objectName="RowDescription", wordWrap=True)
        self.description.setVisible(bool(description))
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.title)
        texts.addWidget(self.description)
        self.line = QHBoxLayout(self)
        self.line.setContentsMargins(16, 12, 16, 12)
        self.line.setSpacing(16)
        self.line.addLayout(texts, 1)
        if control is not None:
            control.setAccessibleName(title)
            if description:
                control.setAccessibleDescription(description)
            self.line.addWidget(control, 0, Qt.AlignmentFlag.AlignVCenter)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        control = self.control
        if (isinstance(control, QAbstractButton) and control.isCheckable() and control.isEnabled()
                and event.button() == Qt.MouseButton.LeftButton):
            control.toggle()
            return
        super().mouseReleaseEvent(event)

    def set_enabled(self, enabled: bool) -> None:
        for widget in (self.title, self.description, self.control):
            if widget is not None:
                widget.setEnabled(enabled)


class _Card(QFrame):
    """A rounded box of rows with hairlines between them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SettingsCard")
        self.rows = QVBoxLayout(self)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setSpacing(0)

    def add(self, widget: QWidget) -> None:
        if self.rows.count():
            self.rows.addWidget(QFrame(objectName="RowSeparator", frameShape=QFrame.Shape.NoFrame, fixedHeight=1))
        self.rows.addWidget(widget)


class SettingsDialog(QDialog):
    changed = Signal(str)  # a setting's key, after its new value was saved
    restart_requested = Signal()  # "Restart now": build the window again in the new language

    def __init__(self, settings: Settings, lock: AppLock | None = None, parent: QWidget | None = None,
                 built_with_language: str | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.lock = lock
        self.setObjectName("SettingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.controls: dict[str, QWidget] = {}
        self.rows: dict[str, _Row] = {}
        self.sections: dict[str, QLabel] = {}
        # What the window was built with: a language forced with --lang is not "pending".
        self._built_with = self.settings.get("language") if built_with_language is None else built_with_language

        page = QWidget(objectName="SettingsPage")
        content = QVBoxLayout(page)
        content.setContentsMargins(24, 4, 24, 24)
        content.setSpacing(8)
        for group, group_label in GROUPS:
            declared = [s for s in SETTINGS if s.group == group and not s.hidden]
            if not declared and group != SECURITY:
                continue
            header = QLabel(QCoreApplication.translate("settings", group_label), objectName="SettingsSection")
            header.setAccessibleName(header.text())
            if self.sections:
                content.addSpacing(10)
            content.addWidget(header)
            self.sections[group] = header
            card = _Card()
            if group == SECURITY:
                card.add(self._lock_row())
            for setting in declared:
                card.add(self._row(setting))
                if setting.key == "language":
                    card.add(self._restart_note())
            content.addWidget(card)
        content.addStretch(1)

        self.scroll = QScrollArea(objectName="SettingsScroll", widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(page)
        title = QLabel(self.tr("Settings"), objectName="SettingsTitle")
        self.problem = QLabel("", objectName="ErrorText", wordWrap=True)
        self.problem.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setObjectName("SecondaryButton")
        buttons.rejected.connect(self.reject)
        footer = QHBoxLayout()
        footer.setContentsMargins(24, 8, 24, 16)
        footer.addWidget(self.problem, 1)
        footer.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        title_box = QHBoxLayout()
        title_box.setContentsMargins(24, 20, 24, 8)
        title_box.addWidget(title)
        layout.addLayout(title_box)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(footer)
        self._fit(page)
        self._refresh_dependents()
        self._refresh_lock()
        self._refresh_restart_note()

    # -- building ------------------------------------------------------------------------

    def _fit(self, page: QWidget) -> None:
        """As tall as the page (no scrolling when the screen has room), at most 85 % of it."""
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        wanted = page.sizeHint().height() + 130  # the title and the footer
        limit = int(screen.height() * 0.85) if screen is not None else 760
        self.resize(640, max(420, min(wanted, limit)))

    def _row(self, setting: Setting) -> _Row:
        control = self._control(setting)
        row = _Row(setting.label_text(), setting.description_text(), control)
        self.controls[setting.key] = control
        self.rows[setting.key] = row
        return row

    def _control(self, setting: Setting) -> QWidget:
        value = self.settings.get(setting.key)
        if setting.type is bool:
            switch = Switch()
            switch.setChecked(bool(value))
            switch.toggled.connect(lambda on, key=setting.key: self._save(key, on))
            return switch
        if setting.choices:
            combo = QComboBox(objectName="SettingsCombo")
            for choice in setting.choices:
                combo.addItem(setting.choice_text(choice), choice)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.setMinimumWidth(190)
            combo.currentIndexChanged.connect(
                lambda _i, key=setting.key, box=combo: self._save(key, box.currentData()))
            return combo
        if setting.type is int:
            spin = QSpinBox(objectName="SettingsSpin")
            spin.setRange(setting.minimum if setting.minimum is not None else -(2**31),
                          setting.maximum if setting.maximum is not None else 2**31 - 1)
            zero_text, unit = _NUMBER_TEXTS.get(setting.key, ("", ""))
            if zero_text:
                spin.setSpecialValueText(QCoreApplication.translate("SettingsDialog", zero_text))
            if unit:
                spin.setSuffix(QCoreApplication.translate("SettingsDialog", unit))
            spin.setValue(int(value))
            spin.setKeyboardTracking(False)  # typing "15" saves 15, not 1 and then 15
            spin.setMinimumWidth(150)
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            spin.valueChanged.connect(lambda number, key=setting.key: self._save(key, number))
            return spin
        raise TypeError(f"no control for {setting.key} ({setting.type.__name__})")

    def _restart_note(self) -> QWidget:
        holder = QWidget()
        self.restart_note = QWidget(objectName="RestartNote")
        self.restart_note.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.restart_text = QLabel("", objectName="RestartText", wordWrap=True)
        self.restart_button = QPushButton(objectName="PrimaryButton")
        self.restart_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.restart_button.clicked.connect(self._restart)
        line = QHBoxLayout(self.restart_note)
        line.setContentsMargins(14, 8, 8, 8)
        line.setSpacing(12)
        line.addWidget(self.restart_text, 1)
        line.addWidget(self.restart_button, 0, Qt.AlignmentFlag.AlignVCenter)
        around = QVBoxLayout(holder)
        around.setContentsMargins(12, 0, 12, 12)
        around.addWidget(self.restart_note)
        self.restart_holder = holder
        return holder

    def _lock_row(self) -> QWidget:
        self.lock_row = _Row(self.tr("App lock"), "", None)
        self.lock_on = QPushButton(self.tr("Turn on…"), objectName="PrimaryButton")
        self.lock_change = QPushButton(self.tr("Change…"), objectName="SecondaryButton")
        self.lock_off = QPushButton(self.tr("Turn off…"), objectName="SecondaryButton")
        self.lock_now = QPushButton(self.tr("Lock now"), objectName="SecondaryButton")
        self.lock_now.setToolTip(self.tr("Hide wadesk until the PIN or passphrase is typed"))
        for button, mode in ((self.lock_on, "on"), (self.lock_change, "change"), (self.lock_off, "off")):
            button.clicked.connect(lambda _checked=False, m=mode: self.edit_lock(m))
        self.lock_now.clicked.connect(self._lock_now)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        for button in (self.lock_now, self.lock_change, self.lock_off, self.lock_on):
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            buttons.addWidget(button)
        self.lock_row.line.addLayout(buttons)
        if self.lock is not None:
            self.lock.changed.connect(self._lock_changed)
        return self.lock_row

    # -- changes -------------------------------------------------------------------------

    def _save(self, key: str, value: Any) -> None:
        try:
            self.settings.set(key, value)
        except OSError as exc:
            self._show_problem(self.tr("The settings could not be saved (%1); the change was not kept.").replace(
                "%1", exc.strerror or type(exc).__name__))
            self._show_value(key)
            return
        self.problem.setVisible(False)
        self._refresh_dependents()
        if key == "language":
            self._refresh_restart_note()
        elif key == "app_lock_idle_minutes":
            self._refresh_lock()
        self.changed.emit(key)

    def _show_value(self, key: str) -> None:
        """Put the stored value back into its control (without saving it again)."""
        control, value = self.controls[key], self.settings.get(key)
        control.blockSignals(True)
        if isinstance(control, Switch):
            control.setChecked(bool(value))
        elif isinstance(control, QComboBox):
            control.setCurrentIndex(max(0, control.findData(value)))
        elif isinstance(control, QSpinBox):
            control.setValue(int(value))
        control.blockSignals(False)

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(True)

    def _refresh_dependents(self) -> None:
        for setting in SETTINGS:
            if setting.requires and setting.key in self.rows:
                self.rows[setting.key].set_enabled(bool(self.settings.get(setting.requires)))
        if "app_lock_idle_minutes" in self.rows:
            self.rows["app_lock_idle_minutes"].set_enabled(self.lock is not None and self.lock.enabled)

    # -- language ------------------------------------------------------------------------

    def pending_language(self) -> str | None:
        """The language chosen since the window was built, not yet in effect (or None)."""
        setting = self.settings.get("language")
        chosen = i18n.pick_language(None if setting == "system" else setting)
        return None if setting == self._built_with or chosen == i18n.current_language() else chosen

    def _refresh_restart_note(self) -> None:
        language = self.pending_language()
        self.restart_holder.setVisible(language is not None)
        if language is None:
            return
        # Said in the language just chosen: whoever picked it can read it.
        self.restart_text.setText(i18n.translate_in(
            language, "SettingsDialog", "The new language takes effect when wadesk restarts."))
        self.restart_button.setText(i18n.translate_in(language, "SettingsDialog", "Restart now"))
        self.restart_button.setAccessibleName(self.restart_button.text())

    def _restart(self) -> None:
        self.accept()
        self.restart_requested.emit()

    # -- the app lock --------------------------------------------------------------------

    def _refresh_lock(self) -> None:
        lock = self.lock
        on = lock is not None and lock.enabled
        if lock is None:
            status = self.tr("Not available here.")
        elif not on:
            status = self.tr("Off: anyone at this PC can open wadesk.")
        else:
            minutes = self.settings.get("app_lock_idle_minutes")
            what = self.tr("a PIN") if lock.kind == PIN else self.tr("a passphrase")
            if minutes:
                status = self.tr("On: wadesk asks for %1 at start and after %2 min without use.").replace(
                    "%1", what).replace("%2", str(minutes))
            else:
                status = self.tr("On: wadesk asks for %1 at start.").replace("%1", what)
        self.lock_row.description.setText(status)
        self.lock_row.description.setVisible(True)
        self.lock_on.setVisible(lock is not None and not on)
        for button in (self.lock_change, self.lock_off, self.lock_now):
            button.setVisible(on)
        self._refresh_dependents()

    def _lock_changed(self) -> None:
        self._refresh_lock()
        self.changed.emit("app_lock_hash")

    def edit_lock(self, mode: str) -> QDialog | None:
        """Open the dialog that turns the lock on ("on"), changes ("change") or removes it ("off")."""
        if self.lock is None:
            return None
        from wadesk.desktop.dialogs.lock_secret_dialog import LockSecretDialog

        dialog = LockSecretDialog(self.lock, mode, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _lock_now(self) -> None:
        if self.lock is not None:
            # After this click has been handled: lock() waits in its own event loop.
            QTimer.singleShot(0, self.lock.lock)

    def show_section(self, group: str) -> None:
        header = self.sections.get(group)
        if header is not None:
            self.scroll.ensureWidgetVisible(header, 0, 0)
