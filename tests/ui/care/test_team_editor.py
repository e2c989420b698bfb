"""The care team editor: filled with the keyboard alone, checked as you type, and a team
that comes back with its rota as it was (but the check-ins of someone taken off, now open)."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from supportnet.model.care import ME, CareTeam, RotaSlot, SlotSwap
from supportnet.model.plans import Plan, PlanKind
from supportnet.services import Services
from supportnet.ui.care import team_editor
from supportnet.ui.care.team_editor import (
    GONE_TEXT,
    SupporterPicker,
    TeamEditorDialog,
    gap_sentence,
)
from supportnet.ui.widgets import dialogs
from tests.ui.tab_walk import tab_walk
from tests.ui.test_alt_keys import alt_keys, clashes

PEOPLE = [("u-mum", "Mum"), ("u-rosie", "Rosie"), ("u-owen", "Owen"), ("u-ana", "Ana")]


@pytest.fixture(autouse=True)
def _close_freely(monkeypatch: pytest.MonkeyPatch) -> None:
    """Dialogs left with changes close at teardown without asking."""
    monkeypatch.setattr(dialogs, "confirm_discard", lambda *_a: True)


def _shown(qtbot: Any, dialog: QDialog) -> Any:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    QApplication.processEvents()
    return dialog


def _team() -> CareTeam:
    def slot(uid: str, supporter: str | None) -> RotaSlot:
        return RotaSlot(Plan(PlanKind.ONE_OFF, date(2026, 12, 8), uid=uid), supporter)

    return CareTeam(
        "Mum's knee",
        focus="u-mum",
        supporters=["u-rosie", "u-owen", ME],
        note="A call rather than a text.\nNot during the quiz.",
        comfortable_gap_days=3,
        slots=[slot("s-rosie", "u-rosie"), slot("s-owen", "u-owen"), slot("s-open", None)],
        swaps=[SlotSwap("s-rosie", date(2026, 12, 8), "u-owen")],
        id=7,
        uid="team-uid",
    )


def _picking(monkeypatch: pytest.MonkeyPatch, qtbot: Any, keys: Any) -> list[list[str]]:
    """The Add… picker, driven by ``keys(picker)`` instead of waiting for a person."""
    offered: list[list[str]] = []

    def run(picker: SupporterPicker) -> int:
        picker.show()
        qtbot.waitExposed(picker)
        offered.append([picker.list.item(i).text() for i in range(picker.list.count())])
        keys(picker)
        return int(picker.result())

    monkeypatch.setattr(SupporterPicker, "exec", run)
    return offered


def test_a_new_team_from_the_keyboard_alone(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    def pick_rosie(picker: SupporterPicker) -> None:
        qtbot.keyClicks(picker.filter_field, "ros")
        qtbot.keyClick(picker.filter_field, Qt.Key.Key_Return)

    offered = _picking(monkeypatch, qtbot, pick_rosie)
    dialog = _shown(qtbot, TeamEditorDialog(PEOPLE, None))
    assert dialog.focusWidget() is dialog.name_field
    qtbot.keyClicks(dialog.name_field, "  Mum's knee ")
    qtbot.keyClick(dialog.name_field, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.focus_combo
    qtbot.keyClick(dialog.focus_combo, Qt.Key.Key_Down)  # "Me"
    qtbot.keyClick(dialog.focus_combo, Qt.Key.Key_Down)  # Mum
    assert dialog.focus_combo.currentText() == "Mum"
    qtbot.keyClick(dialog.focus_combo, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.supporters_list
    qtbot.keyClick(dialog.supporters_list, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.add_button
    qtbot.keyClick(dialog.add_button, Qt.Key.Key_Space)  # Add…
    assert offered == [["Me", "Rosie", "Owen", "Ana"]]  # never Mum, whom it is for
    assert dialog.supporters() == ["u-rosie"]
    assert dialog.focusWidget() is dialog.supporters_list
    qtbot.keyClick(dialog.supporters_list, Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.add_button, Qt.Key.Key_Space)
    assert offered[-1] == ["Me", "Owen", "Ana"]  # Rosie is on the team already
    dialog.note_field.setFocus()
    qtbot.keyClicks(dialog.note_field, "Ask about the knee.")
    qtbot.keyClick(dialog.note_field, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.gap_field
    qtbot.keyClick(dialog.gap_field, Qt.Key.Key_Up)
    assert dialog.gap_sentence.text() == gap_sentence(3)
    dialog.check_now()
    assert dialog.save_button.isEnabled()
    qtbot.keyClick(dialog.gap_field, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    team = dialog.result_team()
    assert (team.name, team.focus, team.supporters) == ("Mum's knee", "u-mum", ["u-rosie"])
    assert (team.note, team.comfortable_gap_days, team.slots, team.swaps) == (
        "Ask about the knee.",
        3,
        [],
        [],
    )


def test_the_picker_takes_several_and_narrows_as_you_type(qtbot: Any) -> None:
    picker = _shown(qtbot, SupporterPicker([(ME, "Me"), *PEOPLE[1:]]))
    assert clashes(alt_keys(picker)) == {}
    assert picker.focusWidget() is picker.list
    qtbot.keyClick(picker.list, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert picker.chosen() == [ME, "u-rosie"]
    qtbot.keyClicks(picker.filter_field, "OW")
    assert [picker.list.item(i).isHidden() for i in range(4)] == [True, True, False, True]
    assert picker.chosen() == ["u-owen"]
    qtbot.keyClick(picker.filter_field, Qt.Key.Key_Escape)
    assert picker.result() == QDialog.DialogCode.Rejected


def test_supporters_reorder_with_alt_arrows_and_remove(qtbot: Any) -> None:
    dialog = _shown(qtbot, TeamEditorDialog(PEOPLE, _team()))
    assert [dialog.supporters_list.item(i).text() for i in range(3)] == ["Rosie", "Owen", "Me"]
    dialog.supporters_list.setFocus()
    dialog.supporters_list.setCurrentRow(0)
    assert not dialog.up_button.isEnabled()
    qtbot.keyClick(dialog.supporters_list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert dialog.supporters() == ["u-owen", "u-rosie", ME]
    assert dialog.supporters_list.currentRow() == 1
    qtbot.keyClick(dialog.supporters_list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert dialog.supporters() == ["u-owen", ME, "u-rosie"]
    assert not dialog.down_button.isEnabled()
    qtbot.keyClick(dialog.supporters_list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert dialog.supporters() == ["u-owen", "u-rosie", ME]
    dialog.move_up()
    assert dialog.supporters() == ["u-rosie", "u-owen", ME]
    # Remove takes the selected one and the focus goes back to the list.
    qtbot.keyClick(dialog.supporters_list, Qt.Key.Key_Down)
    dialog.remove_button.setFocus()
    qtbot.keyClick(dialog.remove_button, Qt.Key.Key_Space)
    assert dialog.supporters() == ["u-rosie", ME]
    assert dialog.focusWidget() is dialog.supporters_list


def test_an_unchanged_team_comes_back_as_it_was(qtbot: Any) -> None:
    team = _team()
    dialog = _shown(qtbot, TeamEditorDialog(PEOPLE, copy.deepcopy(team)))
    assert dialog.result_team() == team
    assert not dialog.is_dirty()
    qtbot.keyClick(dialog.name_field, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_editing_keeps_the_rota_and_opens_the_check_ins_of_someone_taken_off(
    qtbot: Any,
) -> None:
    team = _team()
    dialog = _shown(qtbot, TeamEditorDialog(PEOPLE, copy.deepcopy(team)))
    dialog.name_field.setText("Mum's recovery")
    dialog.supporters_list.setCurrentRow(1)  # Owen
    dialog.remove_supporter()
    assert dialog.opened_note.isVisible()
    assert "Owen took stay on the rota" in dialog.opened_note.text()
    after = dialog.result_team()
    assert after.name == "Mum's recovery"
    assert after.supporters == ["u-rosie", ME]
    assert [(s.uid, s.supporter, s.plan) for s in after.slots] == [
        ("s-rosie", "u-rosie", team.slots[0].plan),
        ("s-owen", None, team.slots[1].plan),
        ("s-open", None, team.slots[2].plan),
    ]
    assert after.swaps == [SlotSwap("s-rosie", date(2026, 12, 8), None)]
    assert (after.id, after.uid, after.note) == (team.id, team.uid, team.note)
    assert after.problems() == []
    # Putting Owen back gives him the team again, not his old check-ins: they stay open.
    dialog.add_refs(["u-owen"])
    assert not dialog.opened_note.isVisible()
    assert dialog.result_team().supporters == ["u-rosie", ME, "u-owen"]


def test_someone_gone_from_the_network_keeps_their_place(qtbot: Any) -> None:
    team = _team()
    team.focus, team.supporters = "u-gone", ["u-rosie", "u-owen-gone"]
    team.slots = [s for s in team.slots if s.supporter != "u-owen"]
    team.swaps = []
    dialog = _shown(qtbot, TeamEditorDialog(PEOPLE, copy.deepcopy(team)))
    assert dialog.focus_combo.currentText() == GONE_TEXT
    assert dialog.supporters_list.item(1).text() == GONE_TEXT
    assert dialog.result_team() == team


def test_problems_show_by_their_field_and_save_waits(qtbot: Any) -> None:
    dialog = _shown(qtbot, TeamEditorDialog(PEOPLE, None))
    dialog.check_now()
    assert not dialog.save_button.isEnabled()
    assert dialog.save_hint.text() == "Add a name to save (and 1 more thing)"
    assert dialog.messages["name"].text() == ""  # nothing said before it was touched
    qtbot.keyClicks(dialog.name_field, "x")
    qtbot.keyClick(dialog.name_field, Qt.Key.Key_Backspace)
    dialog.check_now()
    assert dialog.messages["name"].text() == "Please add the team's name."
    assert dialog.messages["name"].isVisible()
    qtbot.keyClicks(dialog.name_field, "Dan")
    dialog.add_refs(["u-owen"])
    dialog.focus_combo.setCurrentIndex(dialog.focus_combo.findData("u-owen"))
    dialog.check_now()
    assert dialog.messages["supporters"].text() == (
        "The person the team is for can't also be a supporter."
    )
    assert dialog.supporters_list.accessibleDescription() == dialog.messages["supporters"].text()
    assert dialog.save_hint.text() == "Check the supporters to save"
    dialog.save()  # Enter or a click: refused while there's a problem
    assert dialog.result() != QDialog.DialogCode.Accepted
    dialog.remove_supporter()
    dialog.check_now()
    assert dialog.save_button.isEnabled()
    assert dialog.messages["supporters"].text() == ""


def test_the_gap_reads_as_a_sentence_and_stays_in_range(qtbot: Any) -> None:
    assert gap_sentence(2) == "Point out stretches longer than 2 days with nobody planned"
    assert gap_sentence(1) == "Point out stretches longer than 1 day with nobody planned"
    assert gap_sentence(0) == "Point out any day with nobody planned"
    dialog = _shown(qtbot, TeamEditorDialog(PEOPLE, None))
    assert dialog.gap_field.value() == 2
    assert dialog.gap_sentence.text() == gap_sentence(2)
    assert (dialog.gap_field.minimum(), dialog.gap_field.maximum()) == (0, 60)
    dialog.gap_field.setValue(1)
    assert dialog.gap_field.text() == "1 day"
    assert dialog.gap_field.accessibleDescription() == gap_sentence(1)


def test_esc_with_changes_asks_before_closing(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def confirm(_parent: object, subject: str) -> bool:
        asked.append(subject)
        return False

    monkeypatch.setattr(dialogs, "confirm_discard", confirm)
    dialog = _shown(qtbot, TeamEditorDialog(PEOPLE, _team()))
    qtbot.keyClick(dialog.name_field, Qt.Key.Key_End)
    qtbot.keyClicks(dialog.name_field, " too")
    qtbot.keyClick(dialog.name_field, Qt.Key.Key_Escape)
    assert asked == ["You've made changes to “Mum's knee too” that aren't saved yet."]
    assert dialog.isVisible()


def test_every_control_is_named_reached_by_tab_and_has_its_own_alt_key(qtbot: Any) -> None:
    dialog = _shown(qtbot, TeamEditorDialog(PEOPLE, _team()))
    focusable, reached = tab_walk(dialog, dialog.name_field)
    assert [type(w).__name__ for w in focusable if not w.accessibleName()] == []
    assert set(focusable) <= set(reached)
    assert reached.index(dialog.focus_combo) < reached.index(dialog.supporters_list)
    assert reached.index(dialog.note_field) < reached.index(dialog.gap_field)
    assert clashes(alt_keys(dialog)) == {}


def test_a_team_saved_from_the_editor_reads_back_whole(qtbot: Any, demo_store: Any) -> None:
    services = Services.of(demo_store)
    team = services.care_teams.list()[0]
    people = [(p.uid, p.display_name) for p in services.people.list_all()]
    dialog = _shown(qtbot, TeamEditorDialog(people, copy.deepcopy(team)))
    assert dialog.result_team() == team
    dialog.note_field.setPlainText(team.note + "\nShe likes crosswords.")
    services.care_teams.save(dialog.result_team())
    stored = services.care_teams.get(team.uid)
    assert stored.note.endswith("She likes crosswords.")
    assert (stored.slots, stored.swaps, stored.supporters) == (
        team.slots,
        team.swaps,
        team.supporters,
    )


def test_module_words_are_calm() -> None:
    words = " ".join(
        [team_editor.NOTE_HINT, team_editor.GONE_TEXT, *team_editor.TEAM_SAVE_HINTS.values()]
    )
    for shouty in ("!", "must", "overdue", "missed", "failed"):
        assert shouty not in words
