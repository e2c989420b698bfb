"""File ▸ Export to calendar: defaults, live preview, scope, privacy, writing, failing kindly."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from supportnet.calendar import (
    DEFAULT_FILE_NAME,
    DISCREET_TITLE,
    ExportEvent,
    ExportOptions,
    Privacy,
    Scope,
    export_explanation,
)
from supportnet.model.network import Circle
from supportnet.services import Services, calendar_export
from supportnet.services.calendar_export import CalendarExport
from supportnet.ui.calendar import dialog as export_dialog
from supportnet.ui.calendar.dialog import ExportDialog
from supportnet.ui.calendar.models import PreviewModel
from supportnet.ui.calendar.outcome import LATE_ERROR_TITLE
from supportnet.ui.calendar.texts import PREVIEW_LIMIT, when_text
from supportnet.ui.shell.main_window import MainWindow
from supportnet.ui.shell.ui_state import UiState
from tests.ui.conftest import NOW, ZONE


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder of the test's own, so the default file name is predictable."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    return folder


def _dialog(
    qtbot: Any,
    store: Any,
    clock: Callable[[], datetime],
    ui_state: UiState | None = None,
    status: Callable[[str], None] | None = None,
    open_folder: Callable[[Path], bool] | None = None,
) -> ExportDialog:
    dialog = ExportDialog(
        CalendarExport(store),
        clock,
        ui_state=ui_state,
        status=status,
        open_folder=open_folder,
        supporters=Services.of(store).supporter_export(),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _export(qtbot: Any, dialog: ExportDialog) -> Any:
    """Export and wait for the worker thread to finish; what was written, or None."""
    with qtbot.waitSignal(dialog.export_finished, timeout=20_000) as blocker:
        assert dialog.export() is True
    return blocker.args[0]


def _column(dialog: ExportDialog, column: int) -> list[str]:
    model = dialog.preview_model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def _everyone(store: Any, **options: Any) -> list[ExportEvent]:
    return calendar_export.preview(store, ExportOptions(**options), NOW)


# --- opening ------------------------------------------------------------------------------------


def test_ctrl_e_opens_the_dialog_from_the_main_window(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime], home: Path
) -> None:
    window = MainWindow(
        Services.of(demo_store), data_location="/data", key_location="keyring", clock=clock
    )
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.calendar_dialog is None
    file_menu = window.menuBar().actions()[0].menu()
    assert window.calendar_action in file_menu.actions()

    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = window.calendar_dialog
    assert isinstance(dialog, ExportDialog)
    assert dialog.isVisible()
    assert dialog.windowTitle() == "Export to calendar"
    assert window.open_calendar_export() is dialog  # never two at once
    dialog.reject()
    qtbot.waitUntil(lambda: window.calendar_dialog is None)


def test_defaults_are_discreet_twelve_weeks_no_reminder_and_the_usual_file(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime], home: Path
) -> None:
    dialog = _dialog(qtbot, demo_store, clock)
    assert dialog.privacy() is Privacy.DISCREET
    assert dialog.privacy_buttons[Privacy.DISCREET].isChecked()
    assert dialog.weeks_spin.value() == 12
    assert not dialog.alarm_check.isChecked()
    assert not dialog.alarm_spin.isEnabled()
    assert dialog.options() == ExportOptions(Privacy.DISCREET, 12, None)
    assert dialog.everyone_radio.isChecked()
    assert dialog.scope() == Scope()
    assert dialog.path_field.text() == str(home / DEFAULT_FILE_NAME)  # no Documents here
    # Each level's explanation is on screen, not only in a tooltip.
    for level, card in dialog.privacy_cards.items():
        assert card.explanation.isVisible()
        assert card.explanation.text() == export_explanation(level)
    # The preview is the back end's, as the user's calendar will show it.
    expected = _everyone(demo_store)
    assert len(dialog.events) == len(expected) > 0
    assert _column(dialog, PreviewModel.TITLE) == [e.summary for e in expected][:PREVIEW_LIMIT]
    assert dialog.export_button.isEnabled()
    assert dialog.export_button.isDefault()


def test_the_default_folder_is_documents_when_there_is_one(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime], home: Path
) -> None:
    (home / "Documents").mkdir()
    dialog = _dialog(qtbot, demo_store, clock)
    assert dialog.path_field.text() == str(home / "Documents" / DEFAULT_FILE_NAME)


# --- the preview --------------------------------------------------------------------------------


def test_discreet_makes_every_previewed_title_check_in(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime], home: Path
) -> None:
    dialog = _dialog(qtbot, demo_store, clock)
    dialog.privacy_buttons[Privacy.FIRST_NAME].setChecked(True)
    dialog.refresh_preview()
    titles = _column(dialog, PreviewModel.TITLE)
    assert any(title != DISCREET_TITLE for title in titles)
    assert dialog.preview_model.headers()[PreviewModel.WHO] == "Who"

    qtbot.mouseClick(dialog.privacy_buttons[Privacy.DISCREET], Qt.MouseButton.LeftButton)
    assert dialog._debounce.isActive()  # the preview waits a moment for more changes
    qtbot.waitUntil(lambda: set(_column(dialog, PreviewModel.TITLE)) == {DISCREET_TITLE})
    assert dialog.preview_model.rowCount() == len(titles)
    assert all(e.summary == DISCREET_TITLE and not e.description for e in dialog.events)
    # The real names stay in the preview, and it says they are not in the file.
    assert dialog.preview_model.headers()[PreviewModel.WHO] == "Who (not in the file)"
    assert "Margaret Hughes" in _column(dialog, PreviewModel.WHO)


def test_clicking_anywhere_on_a_privacy_card_chooses_it(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime], home: Path
) -> None:
    dialog = _dialog(qtbot, demo_store, clock)
    card = dialog.privacy_cards[Privacy.FULL]
    qtbot.mouseClick(card.explanation, Qt.MouseButton.LeftButton)  # the label passes it on
    assert dialog.privacy() is Privacy.FULL
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton, pos=QPoint(4, card.height() - 4))
    assert dialog.privacy() is Privacy.FULL
    qtbot.mouseClick(dialog.privacy_cards[Privacy.DISCREET], Qt.MouseButton.LeftButton)
    assert dialog.privacy() is Privacy.DISCREET


def test_choosing_one_person_shrinks_the_preview_to_their_plans(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime], home: Path
) -> None:
    dialog = _dialog(qtbot, demo_store, clock)
    everyone = len(dialog.events)
    assert not dialog.targets_view.isVisible()
    qtbot.mouseClick(dialog.chosen_radio, Qt.MouseButton.LeftButton)
    assert dialog.targets_view.isVisible()
    qtbot.keyClicks(dialog.search_field, "margaret")
    assert dialog.targets_proxy.rowCount() == 1
    dialog.targets_view.setFocus()
    dialog.targets_view.setCurrentIndex(dialog.targets_proxy.index(0, 0))
    qtbot.keyClick(dialog.targets_view, Qt.Key.Key_Space)  # ticks it
    [key] = dialog.targets_model.checked()
    assert key[0] == "person"

    qtbot.waitUntil(lambda: set(_column(dialog, PreviewModel.WHO)) == {"Margaret Hughes"})
    theirs = calendar_export.preview(demo_store, ExportOptions(), NOW, Scope(frozenset([key])))
    assert 0 < len(dialog.events) == len(theirs) < everyone
    plural = "event" if len(theirs) == 1 else "events"
    assert dialog.count_label.text() == f"{len(theirs)} {plural} will be written."


def test_one_circle_shows_only_that_circle(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime], home: Path
) -> None:
    dialog = _dialog(qtbot, demo_store, clock)
    assert not dialog.circle_combo.isEnabled()
    dialog.circle_radio.click()
    assert dialog.circle_combo.isEnabled()
    dialog.circle_combo.setCurrentIndex(dialog.circle_combo.findData(Circle.OUTER.value))
    dialog.refresh_preview()
    outer = calendar_export.preview(demo_store, ExportOptions(), NOW, Scope(circle=Circle.OUTER))
    assert dialog.scope() == Scope(circle=Circle.OUTER)
    assert [e.uid or e.slot for e in dialog.events] == [e.uid or e.slot for e in outer]
    assert len(outer) < len(_everyone(demo_store))


def test_a_long_preview_shows_the_first_fifty_and_says_so(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime], home: Path
) -> None:
    dialog = _dialog(qtbot, demo_store, clock)
    dialog.weeks_spin.setValue(52)
    dialog.refresh_preview()
    total = len(_everyone(demo_store, weeks=52))
    assert total > PREVIEW_LIMIT
    assert len(dialog.events) == total
    assert dialog.preview_model.rowCount() == PREVIEW_LIMIT
    assert dialog.count_label.text() == (
        f"{total} events will be written. Showing the first {PREVIEW_LIMIT}."
    )


def test_when_is_on_the_users_clock_and_marks_flexible_ones() -> None:
    london = ZoneInfo(ZONE)
    today = date(2025, 6, 15)

    def event(start: date | datetime, **extra: Any) -> ExportEvent:
        return ExportEvent(
            plan_id=1,
            uid="u",
            summary="Call Sam",
            description="",
            start=start,
            end=start + timedelta(hours=1),
            sequence=0,
            modified=NOW,
            who="Sam",
            repeats="Once",
            **extra,
        )

    new_york = datetime(2025, 6, 29, 13, 0, tzinfo=ZoneInfo("America/New_York"))
    assert when_text(event(new_york), london, today) == "Sun 29 Jun, 18:00"
    assert when_text(event(date(2025, 6, 29)), london, today) == "Sun 29 Jun"
    assert when_text(event(date(2026, 1, 4)), london, today) == "Sun 4 Jan 2026"
    assert when_text(event(new_york, slot=0), london, today) == "Around Sun 29 Jun, 18:00"
    weekly = event(new_york, rrule={"FREQ": "WEEKLY"})
    assert when_text(weekly, london, today) == "From Sun 29 Jun, 18:00"
    # A series that began before today shows its next time, not its first.
    later = datetime(2025, 7, 6, 13, 0, tzinfo=ZoneInfo("America/New_York"))
    ongoing = event(new_york, rrule={"FREQ": "WEEKLY"}, upcoming=later)
    assert when_text(ongoing, london, today) == "Next Sun 6 Jul, 18:00"


def test_repeating_plans_show_their_next_time_in_the_preview(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime], home: Path
) -> None:
    dialog = _dialog(qtbot, demo_store, clock)
    dialog.refresh_preview()
    today = clock().date()
    repeating = [e for e in dialog.events if e.rrule is not None]
    assert repeating
    for event in repeating:
        assert event.upcoming is not None
        upcoming = event.upcoming
        if isinstance(upcoming, datetime):
            upcoming = upcoming.date()
        assert today - timedelta(days=1) <= upcoming <= today + timedelta(days=62)


# --- validation and nothing to write ------------------------------------------------------------


def test_problems_with_the_options_appear_beside_their_field(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime], home: Path
) -> None:
    dialog = _dialog(qtbot, demo_store, clock)
    dialog.weeks_spin.setValue(200)
    dialog.refresh_preview()
    assert dialog.weeks_message.isVisible()
    assert "between 1 and 104 weeks" in dialog.weeks_message.text()
    assert not dialog.export_button.isEnabled()
    dialog.weeks_spin.setValue(8)
    dialog.alarm_check.setChecked(True)
    dialog.alarm_spin.setValue(20_000)
    dialog.refresh_preview()
    assert not dialog.weeks_message.isVisible()
    assert dialog.alarm_message.isVisible()
    assert "a week" in dialog.alarm_message.text()
    assert not dialog.export_button.isEnabled()
    dialog.alarm_spin.setValue(30)
    dialog.refresh_preview()
    assert not dialog.alarm_message.isVisible()
    assert dialog.export_button.isEnabled()
    assert dialog.options().alarm_minutes == 30


def test_nothing_chosen_disables_export_with_a_kind_message(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime], home: Path
) -> None:
    dialog = _dialog(qtbot, demo_store, clock)
    assert dialog.export_button.isEnabled()
    dialog.chosen_radio.click()  # and nobody ticked yet
    dialog.refresh_preview()
    assert dialog.events == []
    assert not dialog.export_button.isEnabled()
    assert dialog.preview_area.showing_message
    assert dialog.preview_area.message.text() == "Nothing to write yet"
    assert "Tick the people and groups" in dialog.preview_area.more.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter doesn't write an empty file
    assert dialog.exported is None
    assert not (home / DEFAULT_FILE_NAME).exists()
    # One click back to everyone.
    assert dialog.preview_area.clear_button.isVisible()
    dialog.preview_area.clear_button.click()
    dialog.refresh_preview()
    assert dialog.everyone_radio.isChecked()
    assert dialog.export_button.isEnabled()


def test_a_network_without_plans_has_nothing_to_export(
    qtbot: Any, store: Any, clock: Callable[[], datetime], home: Path
) -> None:
    dialog = _dialog(qtbot, store, clock)
    assert dialog.events == []
    assert not dialog.export_button.isEnabled()
    assert dialog.preview_area.message.text() == "There are no plans to export yet"
    assert dialog.count_label.text() == "No events will be written."


# --- writing ------------------------------------------------------------------------------------


def test_export_writes_a_calendar_with_every_event(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime], home: Path, tmp_path: Path
) -> None:
    import icalendar

    notes: list[str] = []
    dialog = _dialog(qtbot, demo_store, clock, status=notes.append)
    dialog.alarm_check.setChecked(True)
    dialog.alarm_spin.setValue(10)
    dialog.path_field.setText(str(tmp_path / "for-the-fridge"))  # no suffix: ".ics" is added
    dialog.refresh_preview()
    expected = len(dialog.events)
    with qtbot.waitSignal(dialog.export_finished, timeout=20_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)

    written = tmp_path / "for-the-fridge.ics"
    assert dialog.path_field.text() == str(written)
    calendar = icalendar.Calendar.from_ical(written.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == expected > 0
    summaries = {str(e["SUMMARY"]) for e in events}
    assert summaries == {e.summary for e in dialog.events}
    assert all(len(e.walk("VALARM")) == 1 for e in events)
    assert events[0].walk("VALARM")[0]["TRIGGER"].dt == timedelta(minutes=-10)
    # A calm confirmation in the dialog and the window's status line; the dialog stays.
    assert dialog.isVisible()
    assert dialog.done_message.isVisible()
    assert str(written) in dialog.done_message.text()
    assert f"{expected} events" in dialog.done_message.text()
    assert notes == [f"Exported {expected} events to for-the-fridge.ics"]
    assert dialog.cancel_button.text() == "Close"


def test_after_saving_the_folder_can_be_opened_to_drag_the_file_into_a_calendar(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime], home: Path, tmp_path: Path
) -> None:
    opened: list[Path] = []
    answers = [True, False]

    def open_folder(folder: Path) -> bool:
        opened.append(folder)
        return answers.pop(0)

    dialog = _dialog(qtbot, demo_store, clock, open_folder=open_folder)
    assert not dialog.folder_button.isVisible()  # nothing saved yet
    dialog.path_field.setText(str(tmp_path / "plan.ics"))
    assert _export(qtbot, dialog) is not None
    assert dialog.folder_button.isVisible()
    assert dialog.folder_button.accessibleName() == "Show in folder"
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert opened == [tmp_path]
    # Where no file manager answers, the dialog says where the file is instead.
    dialog.folder_button.click()
    assert opened == [tmp_path, tmp_path]
    assert str(tmp_path) in dialog.done_message.text()
    assert "Couldn't open a file manager" in dialog.done_message.text()


@pytest.mark.parametrize(
    ("typed", "words"),
    [("p" * 300 + ".ics", "too long"), ("~nobody-supportnet-test/plan.ics", "doesn't exist")],
    ids=["name-too-long", "home-of-nobody"],
)
def test_a_path_the_system_refuses_is_explained_not_a_crash(
    qtbot: Any,
    demo_store: Any,
    clock: Callable[[], datetime],
    home: Path,
    tmp_path: Path,
    typed: str,
    words: str,
) -> None:
    dialog = _dialog(qtbot, demo_store, clock)
    dialog.path_field.setText(str(tmp_path / typed) if typed.startswith("p") else typed)
    assert not dialog.exists_note.isVisible()
    assert dialog.export() is False
    assert words in dialog.file_message.text()
    assert dialog.exported is None


def test_an_unwritable_place_is_explained_beside_the_field_and_nothing_is_written(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime], home: Path, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, demo_store, clock)
    missing = tmp_path / "no-such-folder" / "plans.ics"
    dialog.path_field.setText(str(missing))
    assert dialog.export() is False
    assert dialog.isVisible()
    assert dialog.file_message.isVisible()
    assert "doesn't exist" in dialog.file_message.text()
    assert not missing.parent.exists()
    assert dialog.exported is None
    assert not dialog.done_message.isVisible()
    # Next to the field: just under it, with an icon as well as words.
    field_bottom = dialog.path_field.mapTo(dialog, QPoint(0, dialog.path_field.height())).y()
    message_top = dialog.file_message.mapTo(dialog, QPoint(0, 0)).y()
    assert 0 <= message_top - field_bottom < dialog.path_field.height()
    icon = dialog.file_message.findChildren(QLabel)[0]
    assert not icon.pixmap().isNull()
    # Typing again clears the message.
    dialog.path_field.setText(str(tmp_path / "plans.ics"))
    assert not dialog.file_message.isVisible()


def test_a_folder_given_as_the_file_is_refused(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime], home: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "calendar.ics"
    folder.mkdir()
    dialog = _dialog(qtbot, demo_store, clock)
    dialog.path_field.setText(str(folder))
    assert dialog.export() is False
    assert "is a folder" in dialog.file_message.text()
    assert list(folder.iterdir()) == []


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_folder_is_explained_and_left_empty(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime], home: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        dialog = _dialog(qtbot, demo_store, clock)
        dialog.path_field.setText(str(folder / "plans.ics"))
        assert dialog.export() is False
        assert "Can't write in" in dialog.file_message.text()
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_choose_asks_for_a_file_and_adds_the_ending(
    qtbot: Any,
    demo_store: Any,
    clock: Callable[[], datetime],
    home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []

    def ask(_parent: Any, start: str) -> str:
        asked.append(start)
        return str(home / "mine")

    monkeypatch.setattr(export_dialog, "ask_path", ask)
    dialog = _dialog(qtbot, demo_store, clock)
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert asked == [str(home / DEFAULT_FILE_NAME)]
    assert dialog.path_field.text() == str(home / "mine.ics")


def test_an_existing_file_is_mentioned_before_it_is_replaced(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime], home: Path
) -> None:
    (home / DEFAULT_FILE_NAME).write_bytes(b"old")
    dialog = _dialog(qtbot, demo_store, clock)
    assert dialog.exists_note.isVisible()
    assert "replaces it" in dialog.exists_note.text()
    assert _export(qtbot, dialog) is not None
    assert (home / DEFAULT_FILE_NAME).read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert not dialog.exists_note.isVisible()


def test_the_last_choices_are_remembered_in_the_ui_state(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime], home: Path, tmp_path: Path
) -> None:
    state = UiState(tmp_path / "ui-state.ini")
    first = _dialog(qtbot, demo_store, clock, ui_state=state)
    first.privacy_buttons[Privacy.DISCREET].setChecked(True)
    first.weeks_spin.setValue(6)
    first.alarm_check.setChecked(True)
    first.alarm_spin.setValue(45)
    folder = tmp_path / "exports"
    folder.mkdir()
    first.path_field.setText(str(folder / "x.ics"))
    assert _export(qtbot, first) is not None
    first.close()

    again = _dialog(qtbot, demo_store, clock, ui_state=UiState(tmp_path / "ui-state.ini"))
    assert again.options() == ExportOptions(Privacy.DISCREET, 6, 45)
    assert again.alarm_spin.isEnabled()
    assert again.path_field.text() == str(folder / DEFAULT_FILE_NAME)
    assert set(_column(again, PreviewModel.TITLE)) == {DISCREET_TITLE}


# --- keyboard and screen readers ----------------------------------------------------------------


def test_every_focusable_control_has_an_accessible_name(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime], home: Path
) -> None:
    dialog = _dialog(qtbot, demo_store, clock)
    checked = 0
    for show in (dialog.chosen_radio, dialog.circle_radio):
        show.click()
        dialog.help_button.setChecked(True)
        dialog.alarm_check.setChecked(True)
        for child in dialog.findChildren(QWidget):
            if child.focusPolicy() & Qt.FocusPolicy.TabFocus and child.isVisibleTo(dialog):
                # A spin box's inner line edit is named by the spin box around it.
                assert child.accessibleName() or child.parent().accessibleName(), child
                checked += 1
    assert checked > 20


def test_tab_goes_from_privacy_through_the_options_to_export(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime], home: Path
) -> None:
    dialog = _dialog(qtbot, demo_store, clock)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert QApplication.focusWidget() is dialog.privacy_buttons[Privacy.DISCREET]
    seen = []
    for _ in range(9):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == [
        dialog.weeks_spin,
        dialog.alarm_check,
        dialog.everyone_radio,
        dialog.preview_table,
        dialog.path_field,
        dialog.choose_button,
        dialog.help_button,
        dialog.cancel_button,
        dialog.export_button,
    ]
    # Arrow keys move between the privacy levels, as in any group of radio buttons.
    dialog.privacy_buttons[Privacy.FIRST_NAME].setFocus()
    qtbot.keyClick(dialog.privacy_buttons[Privacy.FIRST_NAME], Qt.Key.Key_Left)
    assert dialog.privacy() is Privacy.DISCREET
    # Mnemonics: Alt+U chooses Full.
    qtbot.keyClick(dialog, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.privacy() is Privacy.FULL)  # buttons "animate" the click


def test_dates_in_the_preview_are_in_the_users_zone(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime], home: Path
) -> None:
    settings = demo_store.settings.load()
    settings.timezone = "Asia/Tokyo"
    demo_store.settings.save(settings)
    dialog = _dialog(qtbot, demo_store, clock)
    tokyo = ZoneInfo("Asia/Tokyo")
    first = dialog.events[0]
    assert isinstance(first.start, datetime)
    shown = _column(dialog, PreviewModel.WHEN)[0]
    assert f"{first.start.astimezone(tokyo):%H:%M}" in shown
    assert f"{first.start:%H:%M}" not in shown  # not the plan's own clock (London)


def test_events_no_longer_planned_are_mentioned_after_a_re_export(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime], home: Path, tmp_path: Path
) -> None:
    """Fewer weeks ahead the second time: the flexible events past the new horizon are
    written as cancelled, and the confirmation says calendars will take them out."""
    dialog = _dialog(qtbot, demo_store, clock)
    dialog.path_field.setText(str(tmp_path / "plans.ics"))
    first = _export(qtbot, dialog)
    assert first is not None
    assert first.cancelled == 0
    assert "no longer planned" not in dialog.done_message.text()
    dialog.weeks_spin.setValue(2)
    dialog.refresh_preview()
    second = _export(qtbot, dialog)
    assert second is not None
    assert second.cancelled > 0
    assert f"{second.cancelled} event" in dialog.done_message.text()
    assert "no longer planned" in dialog.done_message.text()


def test_the_file_is_written_off_the_gui_thread_and_export_waits_meanwhile(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime], home: Path, tmp_path: Path
) -> None:
    import threading

    from supportnet.services import calendar_export

    threads: list[str] = []
    real = calendar_export.write_atomically

    def spy(path: Path, data: bytes, **kwargs: Any) -> None:
        threads.append(threading.current_thread().name)
        real(path, data, **kwargs)

    dialog = _dialog(qtbot, demo_store, clock)
    dialog.path_field.setText(str(tmp_path / "plans.ics"))
    calendar_export.write_atomically = spy  # type: ignore[assignment]
    try:
        with qtbot.waitSignal(dialog.export_finished, timeout=20_000):
            assert dialog.export() is True
            # While it writes, a second press does nothing.
            assert not dialog.export_button.isEnabled()
            assert dialog.export() is False
    finally:
        calendar_export.write_atomically = real  # type: ignore[assignment]
    assert len(threads) == 1
    assert threads[0] != threading.main_thread().name
    assert dialog.export_button.isEnabled()
    assert (tmp_path / "plans.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc")
def test_a_problem_met_while_writing_is_explained_beside_the_field(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime], home: Path
) -> None:
    """/proc takes no new files: the failure comes from the worker (as root the folder
    looks writable up front), and still lands beside the field."""
    dialog = _dialog(qtbot, demo_store, clock)
    dialog.path_field.setText("/proc/plans.ics")
    with qtbot.waitSignal(dialog.export_finished, timeout=20_000) as blocker:
        dialog.export()
    assert blocker.args == [None]
    assert "/proc" in dialog.file_message.text()
    assert dialog.exported is None
    assert dialog.export_button.isEnabled()


def test_the_preview_says_what_will_be_taken_out_of_calendars(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime], home: Path, tmp_path: Path
) -> None:
    """After an export, pausing a plan: the count line says its event will be taken out;
    with every plan paused there is nothing new, and the file of withdrawals can still
    be saved."""
    dialog = _dialog(qtbot, demo_store, clock)
    dialog.path_field.setText(str(tmp_path / "plans.ics"))
    first = _export(qtbot, dialog)
    assert first is not None
    assert "taken out" not in dialog.count_label.text()
    plans = demo_store.plans.list_all()
    mum = next(p for p in plans if p.title == "Sunday call with Mum")
    mum.paused = True
    demo_store.plans.update(mum)
    dialog.refresh_preview()
    assert dialog.withdrawn == 1
    assert "1 event from before, no longer planned, will be taken out" in (
        dialog.count_label.text()
    )
    for plan in plans:
        plan.paused = True
        demo_store.plans.update(plan)
    dialog.refresh_preview()
    assert dialog.events == []
    assert dialog.withdrawn == len(first.events)
    assert dialog.count_label.text().startswith("No new events.")
    assert dialog.export_button.isEnabled()
    done = _export(qtbot, dialog)
    assert done is not None
    assert (done.events, done.cancelled) == ([], len(first.events))


# --- closed while saving -------------------------------------------------------------------------


def _closed_while_saving(
    qtbot: Any,
    demo_store: Any,
    clock: Callable[[], datetime],
    target: Path,
    monkeypatch: pytest.MonkeyPatch,
    meanwhile: Callable[[], None],
) -> MainWindow:
    """Export from the main window, close the dialog while the worker is busy, run
    ``meanwhile`` once the dialog is gone, then let the worker finish."""
    import threading

    import shiboken6

    window = MainWindow(
        Services.of(demo_store), data_location="/data", key_location="keyring", clock=clock
    )
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    gate = threading.Event()
    real = calendar_export.calendar_bytes

    def held(*args: Any, **kwargs: Any) -> bytes:
        gate.wait(20)  # the worker waits here, after reading and before writing
        return real(*args, **kwargs)

    monkeypatch.setattr(calendar_export, "calendar_bytes", held)
    dialog = window.open_calendar_export()
    assert isinstance(dialog, ExportDialog)
    qtbot.waitExposed(dialog)
    dialog.path_field.setText(str(target))
    assert dialog.export() is True
    dialog.reject()  # closed while it saves
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=5_000)
    meanwhile()
    gate.set()
    qtbot.waitUntil(lambda: not window.background.busy, timeout=20_000)
    return window


def test_a_failure_after_the_dialog_closed_still_reaches_the_person(
    qtbot: Any,
    demo_store: Any,
    clock: Callable[[], datetime],
    home: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from supportnet.ui.widgets import dialogs

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        dialogs, "show_error", lambda _p, message, **kw: shown.append((kw["title"], message))
    )
    folder = tmp_path / "stick"
    folder.mkdir()
    target = folder / "plans.ics"
    # The folder goes (a USB stick pulled out) after the dialog was closed.
    _closed_while_saving(qtbot, demo_store, clock, target, monkeypatch, folder.rmdir)
    assert len(shown) == 1
    title, message = shown[0]
    assert title == LATE_ERROR_TITLE
    assert "plans.ics" in message
    assert "Nothing was written" in message
    assert not target.exists()
    assert demo_store.calendar.count() == 0  # and nothing was remembered


def test_a_success_after_the_dialog_closed_is_confirmed_in_the_status_bar(
    qtbot: Any,
    demo_store: Any,
    clock: Callable[[], datetime],
    home: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "plans.ics"
    window = _closed_while_saving(qtbot, demo_store, clock, target, monkeypatch, lambda: None)
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert window.note.text().startswith("Exported ")
    assert window.note.text().endswith(" to plans.ics")
