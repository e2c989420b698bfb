"""Each change on the Care team page is one undo step: undo puts the team back as it was
(or takes a new one out, or brings a removed one back), redo makes the change again, and
the page shows the store as it is after each."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog

from supportnet.model.care import ME, CareTeam, SlotSwap
from supportnet.model.network import ChannelKind
from supportnet.ui.care import slot_editor, swap_dialog, team_editor
from tests.ui.care.conftest import PageParts, make_page, weekly

ACCEPT = int(QDialog.DialogCode.Accepted)
TUESDAY = date(2025, 6, 10)


def _key(team: CareTeam | None) -> object:
    """What a person can see of a team (not when it was saved)."""
    if team is None:
        return None
    return (
        team.uid,
        team.name,
        team.focus,
        list(team.supporters),
        team.note,
        team.comfortable_gap_days,
        [(s.uid, s.supporter, s.plan.timing_key(), s.plan.channel) for s in team.slots],
        sorted((s.slot_uid, s.on, s.supporter or "") for s in team.swaps),
    )


def _stored(parts: PageParts) -> object:
    teams = parts.services.care_teams.list()
    return [_key(t) for t in teams]


def _accept(monkeypatch: pytest.MonkeyPatch, dialog: type, **results: Any) -> None:
    monkeypatch.setattr(dialog, "exec", lambda _self: ACCEPT)
    for name, value in results.items():
        monkeypatch.setattr(dialog, name, lambda _self, v=value: copy.deepcopy(v))


def _add(parts: PageParts, mp: pytest.MonkeyPatch) -> bool:
    _accept(mp, slot_editor.SlotEditorDialog, result_slot=weekly(0, time(9), ChannelKind.CALL, ME))
    return parts.page.add_checkin()


def _edit(parts: PageParts, mp: pytest.MonkeyPatch) -> bool:
    changed = copy.deepcopy(parts.team.slots[0])
    changed.plan.window_start, changed.plan.window_end = time(19), time(19, 30)
    _accept(mp, slot_editor.SlotEditorDialog, result_slot=changed)
    parts.page.select((changed.uid, TUESDAY))
    return parts.page.edit_checkin()


def _remove(parts: PageParts, _mp: pytest.MonkeyPatch) -> bool:
    parts.page.select((parts.team.slots[0].uid, TUESDAY))
    return parts.page.remove_checkin()


def _swap(parts: PageParts, mp: pytest.MonkeyPatch) -> bool:
    _accept(mp, swap_dialog.SwapDialog, result_supporter=ME, removes_swap=False)
    parts.page.select((parts.team.slots[0].uid, TUESDAY))
    return parts.page.swap_date()


def _swap_back(parts: PageParts, mp: pytest.MonkeyPatch) -> bool:
    team = parts.services.care_teams.get(parts.team.uid)
    team.swaps = [SlotSwap(team.slots[0].uid, TUESDAY, ME)]
    parts.services.care_teams.save(team)
    parts.page.refresh()
    _accept(mp, swap_dialog.SwapDialog, result_supporter=team.slots[0].supporter, removes_swap=True)
    parts.page.select((parts.team.slots[0].uid, TUESDAY))
    return parts.page.swap_date()


def _gap(parts: PageParts, _mp: pytest.MonkeyPatch) -> bool:
    parts.page.view.gap_spin.setValue(3)
    return parts.stack.count() == 1


def _edit_team(parts: PageParts, mp: pytest.MonkeyPatch) -> bool:
    changed = copy.deepcopy(parts.services.care_teams.get(parts.team.uid))
    changed.name = "Mum, after the op"
    changed.without_supporter(parts.people["Owen Hughes"].uid)
    _accept(mp, team_editor.TeamEditorDialog, result_team=changed)
    return parts.page.edit_team()


def _remove_team(parts: PageParts, _mp: pytest.MonkeyPatch) -> bool:
    return parts.page.remove_team()


def _new_team(parts: PageParts, mp: pytest.MonkeyPatch) -> bool:
    _accept(mp, team_editor.TeamEditorDialog, result_team=CareTeam("After the hospital", ME))
    return parts.page.new_team()


CHANGES: dict[str, Callable[[PageParts, pytest.MonkeyPatch], bool]] = {
    "add a check-in": _add,
    "edit a check-in": _edit,
    "remove a check-in": _remove,
    "swap a date": _swap,
    "put a swapped date back": _swap_back,
    "the comfortable gap": _gap,
    "edit the team": _edit_team,
    "remove the team": _remove_team,
    "a new team": _new_team,
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_each_change_undoes_and_redoes(
    parts: PageParts, change: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if change == "put a swapped date back":
        # The swap made beforehand is where this change starts from.
        CHANGES[change](parts, monkeypatch)
        parts.stack.undo()
        parts.stack.clear()
    before = _stored(parts)
    shown_before = parts.page.view.coverage_label.text(), parts.page.view.title_label.text()
    assert CHANGES[change](parts, monkeypatch)
    after = _stored(parts)
    assert after != before
    assert parts.stack.count() == 1

    parts.stack.undo()
    assert _stored(parts) == before
    # The page shows the store as it is now.
    assert (parts.page.view.coverage_label.text(), parts.page.view.title_label.text()) == (
        shown_before
    )

    parts.stack.redo()
    assert _stored(parts) == after
    assert parts.errors == []


def test_a_swap_reads_on_the_page_and_its_undo_text_names_the_date(
    parts: PageParts, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _swap(parts, monkeypatch)
    assert parts.stack.undoText() == "swap the check-in on Tue 10 Jun"
    line = parts.page.current_line()
    assert line is not None
    assert line.swapped
    assert line.supporter_name == "You"
    stored = parts.services.care_teams.get(parts.team.uid)
    assert stored.swaps == [SlotSwap(parts.team.slots[0].uid, TUESDAY, ME)]
    # The rest of the series stays Rosie's.
    assert stored.slots[0].supporter == parts.people["Rosie Mensah"].uid


def test_choosing_the_same_gap_again_is_no_step(parts: PageParts) -> None:
    parts.page.view.gap_spin.setValue(2)
    parts.page.view.gap_spin.setValue(2)
    assert parts.stack.count() == 1
    assert parts.stack.undoText() == "say 2 days without a check-in is fine"
    parts.stack.undo()
    assert parts.page.view.gap_spin.value() == 1


def test_a_cancelled_dialog_changes_nothing(
    parts: PageParts, monkeypatch: pytest.MonkeyPatch
) -> None:
    for dialog in (slot_editor.SlotEditorDialog, team_editor.TeamEditorDialog):
        monkeypatch.setattr(dialog, "exec", lambda _self: int(QDialog.DialogCode.Rejected))
    before = _stored(parts)
    assert not parts.page.add_checkin()
    assert not parts.page.edit_team()
    assert _stored(parts) == before
    assert parts.stack.count() == 0


def test_removing_the_only_team_leaves_the_calm_empty_state_and_undo_brings_it_back(
    parts: PageParts,
) -> None:
    assert parts.page.remove_team()
    assert parts.page.view.showing_empty
    parts.stack.undo()
    assert not parts.page.view.showing_empty
    assert parts.page.view.title_label.text() == "Mum's knee"


def test_a_new_team_from_the_empty_state_is_shown(
    qtbot: Any, store: Any, clock: Callable[[], datetime], monkeypatch: pytest.MonkeyPatch
) -> None:
    parts = make_page(qtbot, store, clock, with_team=False)
    _accept(
        monkeypatch, team_editor.TeamEditorDialog, result_team=CareTeam("After the hospital", ME)
    )
    parts.page.view.empty_button.click()
    assert not parts.page.view.showing_empty
    assert parts.page.view.title_label.text() == "After the hospital"
    assert parts.stack.undoText() == "add the care team After the hospital"
    parts.stack.undo()
    assert parts.page.view.showing_empty
    assert parts.services.care_teams.list() == []


def _checkins(parts: PageParts) -> list[Any]:
    mum = parts.people["Mum"]
    assert mum.id is not None
    return parts.services.checkins.for_person(mum.id)


def test_marking_a_check_in_done_goes_into_mums_history_and_undoes(
    parts: PageParts, monkeypatch: pytest.MonkeyPatch
) -> None:
    from supportnet.ui.care import done_dialog

    # The dialog as it opens: Rosie, at the planned time, by video.
    monkeypatch.setattr(done_dialog.DoneDialog, "exec", lambda _self: ACCEPT)
    slot = parts.team.slots[0]
    parts.page.select((slot.uid, TUESDAY))
    assert parts.page.view.done_button.isEnabled()
    assert parts.page.mark_done()
    assert parts.stack.undoText() == "mark the check-in on Tue 10 Jun as done"
    [done] = _checkins(parts)
    assert done.by == parts.people["Rosie Mensah"].uid
    assert done.rota_slot == slot.uid
    line = parts.page.current_line()
    assert line is not None
    assert line.done
    assert not parts.page.view.done_button.isEnabled()
    assert not parts.page.view.swap_button.isEnabled()
    index = parts.page.model.line_index(slot.uid, TUESDAY)
    state = index.siblingAtColumn(parts.page.model.COL_STATE).data()
    assert state == "Done"

    parts.stack.undo()
    assert _checkins(parts) == []
    line = parts.page.current_line()
    assert line is not None
    assert not line.done
    assert parts.page.view.done_button.isEnabled()

    parts.stack.redo()
    [again] = _checkins(parts)
    assert again.uid == done.uid
    assert parts.errors == []


def test_a_swap_chosen_in_the_real_dialog_and_put_back_there(
    parts: PageParts, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen: list[str] = []

    def exec_(dialog: swap_dialog.SwapDialog) -> int:
        for button, usual, ref in dialog.buttons:
            if (ref == ME and not usual) if not chosen else usual:
                button.setChecked(True)
                chosen.append(button.accessibleName())
                break
        dialog.ok_button.click()
        return int(dialog.result())

    monkeypatch.setattr(swap_dialog.SwapDialog, "exec", exec_)
    slot = parts.team.slots[0]
    parts.page.select((slot.uid, TUESDAY))
    assert parts.page.swap_date()
    assert parts.services.care_teams.get(parts.team.uid).swaps == [SlotSwap(slot.uid, TUESDAY, ME)]
    assert parts.page.swap_date()
    assert chosen == ["You", "Rosie Mensah (as usual)"]
    assert parts.services.care_teams.get(parts.team.uid).swaps == []
    assert parts.stack.undoText() == "put back the usual check-in on Tue 10 Jun"
    parts.stack.undo()
    parts.stack.undo()
    assert parts.services.care_teams.get(parts.team.uid).swaps == []
    assert parts.stack.index() == 0


def test_undoing_a_team_s_removal_shows_that_team_again_among_several(
    parts: PageParts, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two teams, "Mum's knee" shown; remove it, the other is shown, undo shows Mum's again.
    parts.services.care_teams.save(CareTeam("After the hospital", ME))
    parts.page.choose_team(parts.team.uid)
    assert parts.page.view.title_label.text() == "Mum's knee"
    assert parts.page.remove_team()
    assert parts.page.view.title_label.text() == "After the hospital"
    parts.stack.undo()
    assert parts.page.view.title_label.text() == "Mum's knee"
    assert parts.page.view.team_picker.currentText() == "Mum's knee"
