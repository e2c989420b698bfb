"""Preferences: the cap on suggestions, reminders and quiet hours, and the time zone."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent

from supportnet.model.settings import Settings, reminder_explanation
from supportnet.services import Services
from supportnet.ui.shell.main_window import MainWindow, Page
from supportnet.ui.shell.preferences import PreferencesDialog


def _window(qtbot: Any, store: Any, clock: Callable[[], datetime]) -> MainWindow:
    window = MainWindow(
        Services.of(store), data_location="/data", key_location="keyring", clock=clock
    )
    qtbot.addWidget(window)
    window.resize(1100, 760)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_saving_preferences_changes_today_at_once(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime]
) -> None:
    window = _window(qtbot, demo_store, clock)
    window.show_page(Page.TODAY)
    before = demo_store.settings.load()
    assert len(window.today.view.cards) > 1
    dialog = window.open_preferences()
    assert isinstance(dialog, PreferencesDialog)
    dialog.per_day.setValue(1)
    dialog.reminders.setChecked(False)
    dialog.quiet_from.setTime(dialog.quiet_from.time().fromString("22:15", "HH:mm"))
    dialog.save_button.click()
    saved = demo_store.settings.load()
    assert saved.suggestions_per_day == 1
    assert saved.reminders_enabled is False
    assert saved.quiet_hours_start == time(22, 15)
    assert saved.onboarded == before.onboarded  # what the dialog doesn't show is kept
    assert len(window.today.view.cards) == 1
    assert "Preferences saved" in window.note.text()


def test_saving_preferences_keeps_a_setting_changed_while_the_dialog_was_open(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime]
) -> None:
    window = _window(qtbot, demo_store, clock)
    dialog = window.open_preferences()
    assert isinstance(dialog, PreferencesDialog)
    dialog.per_day.setValue(2)
    # Meanwhile, Go easy from the tray's window (or another one) and reminders turned off.
    Services.of(demo_store).settings.update(
        low_energy_until=date(2026, 12, 2), reminders_enabled=False
    )
    dialog.save_button.click()
    saved = demo_store.settings.load()
    assert saved.suggestions_per_day == 2
    # Only what the form changed is written: the dialog still showed reminders on.
    assert (saved.low_energy_until, saved.reminders_enabled) == (date(2026, 12, 2), False)


def test_an_unknown_zone_stays_in_the_form_with_a_message(qtbot: Any) -> None:
    saves: list[Settings] = []
    dialog = PreferencesDialog(Settings(), saves.append, system_zone="Europe/London")
    qtbot.addWidget(dialog)
    assert dialog.build().timezone is None  # follows the computer by default
    dialog.zone.setCurrentText("Atlantis/Lost City")
    assert not dialog.save_button.isEnabled()
    assert "isn't a time zone we know" in dialog.messages["timezone"]._text.text()
    assert dialog.why.text()
    dialog.zone.setCurrentText("America/New_York")
    assert dialog.save_button.isEnabled()
    dialog.save_button.click()
    assert [s.timezone for s in saves] == ["America/New_York"]


def test_every_control_has_an_accessible_name(qtbot: Any) -> None:
    from PySide6.QtWidgets import QWidget

    dialog = PreferencesDialog(Settings(), lambda _s: None)
    qtbot.addWidget(dialog)
    controls = [
        child
        for child in dialog.findChildren(QWidget)
        if child.focusPolicy() & Qt.FocusPolicy.TabFocus and child.isVisibleTo(dialog)
    ]
    assert len(controls) >= 5
    for child in controls:
        assert child.accessibleName() or child.parent().accessibleName(), child


def test_closing_keeps_running_in_the_tray_only_when_asked(
    qtbot: Any, store: Any, clock: Callable[[], datetime]
) -> None:
    window = _window(qtbot, store, clock)
    tray_exists = [True]
    window.keep_running = lambda: tray_exists[0] and store.settings.load().keep_in_tray

    def close() -> bool:
        event = QCloseEvent()
        window.closeEvent(event)
        return event.isAccepted()

    assert close()  # not asked: closing closes
    settings = store.settings.load()
    settings.keep_in_tray = True
    store.settings.save(settings)
    assert not close()  # asked: the window only hides, and reminders go on
    assert not window.isVisible()
    window.show()
    tray_exists[0] = False
    assert close()  # no tray to come back from: closing closes
    tray_exists[0] = True
    window.quit_action.trigger()  # Quit always ends it
    assert not window.isVisible()
    assert close()


def test_the_crisis_lines_country_is_chosen_in_preferences_and_kept_beside_the_store(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime], tmp_path: Any
) -> None:
    from supportnet.services.crisis import CrisisHelpService

    crisis = CrisisHelpService(tmp_path / "data", environ={"LANG": "en_GB.UTF-8"})
    window = MainWindow(
        Services.of(demo_store),
        data_location="/data",
        key_location="keyring",
        clock=clock,
        crisis=crisis,
    )
    qtbot.addWidget(window)
    dialog = window.open_preferences()
    assert isinstance(dialog, PreferencesDialog)
    assert dialog.country is not None
    # It shows the locale's country until one is chosen.
    assert dialog.country.currentData() == "GB"
    assert dialog.country.accessibleName() == "Country for crisis lines"
    dialog.country.setCurrentIndex(dialog.country.findData("NZ"))
    dialog.save_button.click()
    assert crisis.saved_country() == "NZ"
    # A fresh service on the same folder (the next start, the unlock screen) reads it back.
    assert CrisisHelpService(tmp_path / "data", environ={}).help().code == "NZ"
    assert window.crisis_help().code == "NZ"


def test_preferences_saved_without_touching_the_country_keep_it_unsaved(
    qtbot: Any, tmp_path: Any
) -> None:
    from supportnet.services.crisis import CrisisHelpService

    crisis = CrisisHelpService(tmp_path / "data", environ={"LANG": "de_DE.UTF-8"})
    dialog = PreferencesDialog(Settings(), lambda _s: None, crisis=crisis)
    qtbot.addWidget(dialog)
    assert dialog.country is not None
    assert dialog.country.currentData() == "DE"
    dialog.save_button.click()
    # Still following the computer: nothing was written for the country.
    assert crisis.saved_country() is None
    assert not (tmp_path / "data").exists()


def test_what_reminders_say_is_chosen_by_keyboard_and_saved(qtbot: Any) -> None:
    from PySide6.QtWidgets import QApplication, QLabel

    from supportnet.model.privacy import Privacy
    from tests.ui.tab_walk import tab_walk

    saves: list[Settings] = []
    dialog = PreferencesDialog(Settings(), saves.append, system_zone="Europe/London")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    combo = dialog.reminder_privacy
    # Discreet unless chosen otherwise, said in one calm line beside the choice.
    assert combo.currentText() == "Discreet"
    assert combo.accessibleName() == "What reminders say"
    assert dialog.reminder_note.text() == reminder_explanation(Privacy.DISCREET)
    assert "no name" in dialog.reminder_note.text()
    # Its label names it and takes the Alt key to it.
    label = next(
        w for w in dialog.findChildren(QLabel) if w.text().replace("&", "") == "What reminders say"
    )
    assert label.buddy() is combo
    # Reached with Tab from the reminders' own switch, changed with the arrow keys.
    stops, reached = tab_walk(dialog, dialog.reminders)
    assert combo in stops
    assert reached[reached.index(dialog.reminders) + 1] is combo
    combo.setFocus()
    QApplication.processEvents()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == "First name"
    assert dialog.reminder_note.text() == reminder_explanation(Privacy.FIRST_NAME)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert dialog.reminder_level() is Privacy.FULL
    dialog.save_button.click()
    assert [s.reminder_privacy for s in saves] == ["full"]


def test_a_saved_level_is_shown_again(qtbot: Any, demo_store: Any, clock: Any) -> None:
    Services.of(demo_store).settings.update(reminder_privacy="first-name")
    window = _window(qtbot, demo_store, clock)
    dialog = window.open_preferences()
    assert isinstance(dialog, PreferencesDialog)
    assert dialog.reminder_privacy.currentText() == "First name"
    dialog.reminder_privacy.setCurrentIndex(0)
    dialog.save_button.click()
    assert demo_store.settings.load().reminder_privacy == "discreet"


def test_where_reminders_show_is_chosen_by_keyboard_and_saved(
    qtbot: Any, demo_store: Any, clock: Any
) -> None:
    """Automatic (the tray where there is one) unless the person picks desktop notifications;
    the choice is kept and shown again."""
    from PySide6.QtWidgets import QApplication, QLabel

    window = _window(qtbot, demo_store, clock)
    dialog = window.open_preferences()
    assert isinstance(dialog, PreferencesDialog)
    combo = dialog.reminder_display
    assert combo.currentText() == "In the tray, where there is one"
    assert combo.accessibleName() == "Where reminders show"
    label = next(
        w for w in dialog.findChildren(QLabel) if w.text().replace("&", "") == "Show reminders"
    )
    assert label.buddy() is combo
    combo.setFocus()
    QApplication.processEvents()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == "As desktop notifications"
    dialog.save_button.click()
    assert demo_store.settings.load().reminder_display == "notifications"

    again = window.open_preferences()
    assert isinstance(again, PreferencesDialog)
    assert again.reminder_display.currentText() == "As desktop notifications"
    again.reject()
