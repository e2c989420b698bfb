"""File ▸ Export to calendar ▸ For a supporter: one supporter's part of a care team's rota,
discreet by default, chosen with the keyboard, and no other supporter named in the file."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import icalendar
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from supportnet.calendar import DEFAULT_FILE_NAME, Privacy
from supportnet.services import Services
from supportnet.services.calendar_export import CalendarExport
from supportnet.ui.calendar.dialog import ExportDialog


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    return folder


def _dialog(qtbot: Any, store: Any, clock: Callable[[], datetime]) -> ExportDialog:
    dialog = ExportDialog(
        CalendarExport(store), clock, supporters=Services.of(store).supporter_export()
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _choose(dialog: ExportDialog, name: str) -> None:
    choice = dialog.supporter_choice
    assert choice is not None
    choice.radio.setChecked(True)
    index = choice.supporter_combo.findText(name)
    assert index >= 0, name
    choice.supporter_combo.setCurrentIndex(index)
    dialog.refresh_preview()


def _export(qtbot: Any, dialog: ExportDialog) -> Any:
    with qtbot.waitSignal(dialog.export_finished, timeout=20_000) as blocker:
        assert dialog.export() is True
    return blocker.args[0]


def test_the_choice_lists_the_team_s_supporters_and_no_team_row_for_one_team(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime], home: Path
) -> None:
    dialog = _dialog(qtbot, demo_store, clock)
    choice = dialog.supporter_choice
    assert choice is not None
    combo = choice.supporter_combo
    names = [combo.itemText(i) for i in range(combo.count())]
    assert names == ["Rosie Mensah", "Grandad", "Owen Hughes", "You"]
    assert choice.team_combo.isHidden()  # one team: nothing to choose
    assert not choice.box.isEnabled()  # until "For a supporter" is chosen
    assert choice.radio.accessibleName()
    assert combo.accessibleName() == "Supporter the file is for"


def test_a_store_without_care_teams_offers_no_supporter_choice(
    qtbot: Any, store: Any, clock: Callable[[], datetime], home: Path
) -> None:
    assert _dialog(qtbot, store, clock).supporter_choice is None


def test_keyboard_alone_reaches_the_supporter_and_privacy_turns_discreet(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime], home: Path
) -> None:
    dialog = _dialog(qtbot, demo_store, clock)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.privacy_buttons[Privacy.FIRST_NAME].setChecked(True)
    choice = dialog.supporter_choice
    assert choice is not None
    dialog.circle_radio.setChecked(True)
    dialog.circle_combo.setFocus()
    qtbot.keyClick(dialog.circle_combo, Qt.Key.Key_Tab)
    assert choice.radio.hasFocus()
    qtbot.keyClick(choice.radio, Qt.Key.Key_Space)
    assert choice.radio.isChecked()
    assert dialog.privacy() is Privacy.DISCREET  # the file goes to someone else
    qtbot.keyClick(choice.radio, Qt.Key.Key_Tab)
    assert choice.supporter_combo.hasFocus()  # the hidden team combo is skipped
    before = choice.supporter_combo.currentIndex()
    qtbot.keyClick(choice.supporter_combo, Qt.Key.Key_Down)
    assert choice.supporter_combo.currentIndex() == before + 1
    path = dialog.target_path()
    assert path is not None
    assert path.name == choice.file_name() != DEFAULT_FILE_NAME
    dialog.everyone_radio.setChecked(True)
    path = dialog.target_path()
    assert path is not None
    assert path.name == DEFAULT_FILE_NAME


def test_the_preview_and_the_file_hold_only_that_supporter_s_check_ins(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime], home: Path
) -> None:
    dialog = _dialog(qtbot, demo_store, clock)
    _choose(dialog, "Rosie Mensah")
    assert dialog.events
    assert all(e.uid.startswith("rota-") for e in dialog.events)
    assert {e.summary for e in dialog.events} == {"Check-in"}
    dialog.privacy_buttons[Privacy.FIRST_NAME].setChecked(True)
    dialog.refresh_preview()
    assert {e.summary for e in dialog.events} == {"Video call with Mum"}
    assert any("Mum" in e.summary for e in dialog.events)
    result = _export(qtbot, dialog)
    assert result is not None
    data = result.path.read_bytes()
    assert result.path.name == "rota-rosie-mensah.ics"
    assert os.stat(result.path).st_mode & 0o777 == 0o600
    for other in ("Owen", "Hughes", "Grandad", "You"):
        assert other.encode() not in data
    events = list(icalendar.Calendar.from_ical(data).walk("VEVENT"))
    assert {str(e["UID"]) for e in events} == {e.uid for e in result.events}
    assert "Saved" in dialog.done_message.text()


def test_a_second_export_after_a_change_says_what_it_takes_out(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime], home: Path
) -> None:
    dialog = _dialog(qtbot, demo_store, clock)
    _choose(dialog, "Rosie Mensah")
    assert _export(qtbot, dialog) is not None
    (team,) = demo_store.care_teams.list()
    gone = {s.uid for s in team.slots if s.supporter == team.supporters[0]}
    team.slots = [s for s in team.slots if s.uid not in gone]
    team.swaps = [s for s in team.swaps if s.slot_uid not in gone]
    demo_store.care_teams.save(team)
    dialog.refresh_preview()
    assert dialog.withdrawn >= 1
    assert "taken out" in dialog.count_label.text()
    assert dialog.export_button.isEnabled()


def test_with_several_teams_the_team_is_chosen_first_and_its_supporters_follow(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime], home: Path
) -> None:
    from supportnet.model.care import ME, CareTeam

    people = {p.name: p for p in demo_store.people.list_all()}
    demo_store.care_teams.save(
        CareTeam(
            name="Around Tom",
            focus=people["Tom Whitaker"].uid,
            supporters=[people["Priya Sharma"].uid, ME],
        )
    )
    dialog = _dialog(qtbot, demo_store, clock)
    choice = dialog.supporter_choice
    assert choice is not None
    assert not choice.team_combo.isHidden()
    choice.radio.setChecked(True)
    teams = [choice.team_combo.itemText(i) for i in range(choice.team_combo.count())]
    assert sorted(teams) == ["Around Tom", "Mum's knee"]
    choice.team_combo.setCurrentIndex(teams.index("Around Tom"))
    combo = choice.supporter_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["Pri", "You"]
    dialog.refresh_preview()
    assert dialog.events == []  # a team without slots: nothing for them yet
    assert not dialog.export_button.isEnabled()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    choice.radio.setFocus()
    qtbot.keyClick(choice.radio, Qt.Key.Key_Tab)
    assert choice.team_combo.hasFocus()
