"""The Care team page: the week (locale's first day, today in words, empty days said
calmly), moving through it with the keyboard alone, the coverage and the team's words."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QDialog

from supportnet.scheduling.rota_words import NOBODY_YET, coverage_text
from supportnet.ui.care import slot_editor
from supportnet.ui.care.page import COVERAGE_DAYS, LATER_DONE, locale_first_weekday, week_text
from supportnet.ui.care.week_model import HEADING_ROLE, OPEN_SLOT, SWAPPED, WeekModel
from tests.ui.care.conftest import TODAY, PageParts, make_page
from tests.ui.conftest import ZONE

WHO = WeekModel.COL_WHO


def _headings(parts: PageParts) -> list[str]:
    model = parts.page.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def _lines(parts: PageParts, day: date) -> list[list[str]]:
    model = parts.page.model
    parent = model.day_index(day)
    return [
        [model.index(r, c, parent).data() or "" for c in range(model.columnCount())]
        for r in range(model.rowCount(parent))
    ]


def _shown(qtbot: Any, parts: PageParts) -> None:
    parts.host.show()
    qtbot.waitExposed(parts.host)
    parts.page.view.tree.setFocus()
    QApplication.processEvents()


def test_the_week_runs_monday_to_sunday_with_today_in_words(parts: PageParts) -> None:
    headings = _headings(parts)
    assert len(headings) == 7
    assert headings[0] == "Monday 9 June"
    assert headings[-1] == "Sunday 15 June (today)"
    model = parts.page.model
    today = model.day_index(TODAY)
    # Bold as every day is; the word "today" is what marks it, not a colour.
    assert model.data(today, Qt.ItemDataRole.FontRole).bold()
    assert model.data(today, Qt.ItemDataRole.ForegroundRole) is None
    assert parts.page.view.week_label.text() == "This week: 9 – 15 Jun"


def test_each_day_says_who_when_how_and_open_and_empty_days_calmly(parts: PageParts) -> None:
    assert _lines(parts, date(2025, 6, 10)) == [["20:00", "Rosie Mensah", "Video call", ""]]
    assert _lines(parts, date(2025, 6, 12)) == [["11:00", "Owen Hughes", "Phone call", ""]]
    assert _lines(parts, date(2025, 6, 14)) == [["10:00", OPEN_SLOT, "In person", ""]]
    assert _lines(parts, date(2025, 6, 9)) == [[NOBODY_YET, "", "", ""]]
    model = parts.page.model
    empty = model.index(0, 0, model.day_index(date(2025, 6, 9)))
    # Said in words, in the palette's quieter text: never a warning colour.
    brush = model.data(empty, Qt.ItemDataRole.ForegroundRole)
    assert brush.color() == QApplication.palette().placeholderText().color()
    assert model.data(empty, Qt.ItemDataRole.AccessibleTextRole) == f"Monday 9 June: {NOBODY_YET}"
    tuesday = model.index(0, WHO, model.day_index(date(2025, 6, 10)))
    assert model.data(tuesday, Qt.ItemDataRole.AccessibleTextRole) == (
        "Tuesday 10 June, 20:00, Rosie Mensah, video call"
    )


def test_a_swapped_date_says_so(qtbot: Any, store: Any, clock: Callable[[], datetime]) -> None:
    parts = make_page(qtbot, store, clock)
    from supportnet.model.care import ME, SlotSwap

    team = parts.services.care_teams.get(parts.team.uid)
    team.swaps.append(SlotSwap(team.slots[0].uid, date(2025, 6, 10), ME))
    parts.services.care_teams.save(team)
    parts.page.refresh()
    assert _lines(parts, date(2025, 6, 10)) == [["20:00", "You", "Video call", SWAPPED]]


@pytest.fixture
def american_locale() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(before)


def test_the_locale_says_which_day_a_week_starts(
    american_locale: None, qtbot: Any, store: Any, clock: Callable[[], datetime]
) -> None:
    assert locale_first_weekday() == 6
    parts = make_page(qtbot, store, clock, first_weekday=None)  # type: ignore[arg-type]
    headings = _headings(parts)
    assert headings[0] == "Sunday 15 June (today)"
    assert headings[-1] == "Saturday 21 June"


def test_a_british_week_starts_on_monday() -> None:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    try:
        assert locale_first_weekday() == 0
    finally:
        QLocale.setDefault(before)


def test_week_words() -> None:
    week = [date(2025, 12, 29) + timedelta(days=n) for n in range(7)]
    assert week_text(week, date(2025, 12, 30)) == "This week: 29 Dec – 4 Jan 2026"
    assert week_text(week, date(2025, 12, 1)) == "Week of 29 Dec – 4 Jan 2026"


def test_weeks_by_keyboard(qtbot: Any, parts: PageParts) -> None:
    _shown(qtbot, parts)
    tree = parts.page.view.tree
    qtbot.keyClick(tree, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert _headings(parts)[0] == "Monday 16 June"
    assert parts.page.view.week_label.text() == "Week of 16 – 22 Jun"
    qtbot.keyClick(tree, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(tree, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert _headings(parts)[0] == "Monday 2 June"
    qtbot.keyClick(tree, Qt.Key.Key_Home, Qt.KeyboardModifier.AltModifier)
    assert _headings(parts)[0] == "Monday 9 June"
    # The buttons do the same.
    parts.page.view.next_button.click()
    assert _headings(parts)[0] == "Monday 16 June"


def test_moving_between_days_and_lines_by_keyboard(qtbot: Any, parts: PageParts) -> None:
    _shown(qtbot, parts)
    page, tree = parts.page, parts.page.view.tree
    # Today is chosen first.
    assert page.current_day() == TODAY
    assert page.current_line() is None
    qtbot.keyClick(tree, Qt.Key.Key_Home)
    assert tree.currentIndex().data(HEADING_ROLE)
    assert page.current_day() == date(2025, 6, 9)
    qtbot.keyClick(tree, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert page.current_day() == date(2025, 6, 10)
    assert tree.currentIndex().data(HEADING_ROLE)
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    line = page.current_line()
    assert line is not None
    assert line.supporter_name == "Rosie Mensah"
    assert page.view.edit_button.isEnabled()
    assert page.view.swap_button.isEnabled()
    assert "Rosie Mensah" in page.view.selection_label.text()
    qtbot.keyClick(tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert page.current_day() == date(2025, 6, 9)
    assert not page.view.edit_button.isEnabled()


def test_enter_on_a_line_opens_its_editor_and_on_a_day_adds_one(
    qtbot: Any, parts: PageParts, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[object] = []

    def exec_(dialog: QDialog) -> int:
        opened.append(dialog.result_slot().uid)  # type: ignore[attr-defined]
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(slot_editor.SlotEditorDialog, "exec", exec_)
    _shown(qtbot, parts)
    page, tree = parts.page, parts.page.view.tree
    page.select((parts.team.slots[1].uid, date(2025, 6, 12)))
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert opened == [parts.team.slots[1].uid]
    page.select(date(2025, 6, 9))
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert len(opened) == 2
    assert opened[1] not in {s.uid for s in parts.team.slots}  # a new one
    qtbot.keyClick(tree, Qt.Key.Key_Insert)
    assert len(opened) == 3
    assert parts.stack.count() == 0


def test_delete_takes_a_check_in_off_the_rota(qtbot: Any, parts: PageParts) -> None:
    _shown(qtbot, parts)
    page, tree = parts.page, parts.page.view.tree
    page.select((parts.team.slots[0].uid, date(2025, 6, 10)))
    qtbot.keyClick(tree, Qt.Key.Key_Delete)
    assert [s.uid for s in parts.services.care_teams.get(parts.team.uid).slots] == [
        s.uid for s in parts.team.slots[1:]
    ]
    assert _lines(parts, date(2025, 6, 10)) == [[NOBODY_YET, "", "", ""]]
    assert parts.stack.undoText() == "remove a check-in from the rota"
    assert page.current_day() == date(2025, 6, 10)


def test_the_context_menu_offers_what_the_buttons_do(qtbot: Any, parts: PageParts) -> None:
    _shown(qtbot, parts)
    page = parts.page
    page.select((parts.team.slots[0].uid, date(2025, 6, 10)))
    menu = page.context_menu()
    texts = {a.text(): a.isEnabled() for a in menu.actions()}
    assert texts["Edit chec&k-in…"]
    assert texts["S&wap this date…"]
    assert texts["Remove check-in"]
    assert texts["Mark as &done…"]  # Tuesday 10 June has been
    page.show_week(1)
    page.select((parts.team.slots[0].uid, date(2025, 6, 17)))
    assert page.current_line() is not None
    # Still to come: it can't have happened yet, and the button says so itself.
    assert not page.view.done_button.isEnabled()
    assert page.view.done_button.toolTip() == LATER_DONE
    assert page.view.done_button.accessibleDescription() == LATER_DONE
    assert "marked" not in page.view.selection_label.text()


def test_coverage_of_the_next_four_weeks_in_calm_words(parts: PageParts) -> None:
    ahead = parts.page.ahead
    assert ahead is not None
    assert ahead.coverage.start == TODAY
    assert ahead.coverage.days == COVERAGE_DAYS
    shown = parts.page.view.coverage_label.text()
    assert shown == "\n\n".join(coverage_text(ahead.coverage, 1, today=TODAY))
    assert shown.startswith("Someone is planned on 8 of the next 28 days.")
    assert "Longer than the 1 day the team is comfortable with" in shown
    assert parts.page.view.gap_spin.value() == 1


def test_only_stretches_longer_than_the_comfortable_gap_are_pointed_out(
    parts: PageParts,
) -> None:
    parts.page.view.gap_spin.setValue(4)
    shown = parts.page.view.coverage_label.text()
    assert "Longer than" not in shown
    assert "The longest stretch with nobody planned is 4 days" in shown
    assert parts.page.view.gap_after.text() == "days with nobody planned"


def test_the_team_note_and_how_to_reach_each_supporter(parts: PageParts) -> None:
    view = parts.page.view
    assert view.title_label.text() == "Mum's knee"
    assert view.focus_label.text().startswith("Check-ins with Mum")
    assert view.note_label.text() == "A call, not a text.\nNot during the quiz."
    lines = view.supporters_label.text().splitlines()
    assert lines[0] == "Rosie Mensah — Phone call: 07700 900388"
    assert lines[1:] == ["Owen Hughes", "You"]


def test_no_team_yet_is_explained_calmly(
    qtbot: Any, store: Any, clock: Callable[[], datetime]
) -> None:
    parts = make_page(qtbot, store, clock, with_team=False)
    view = parts.page.view
    _shown(qtbot, parts)
    assert view.showing_empty
    assert view.empty_title.text() == "No care team yet"
    assert view.empty_button.isVisible()
    assert view.empty_button.text() == "&Set up a care team…"
    assert not view.edit_team_button.isVisible()
    assert not view.remove_team_button.isVisible()
    assert parts.page.model.rowCount(QModelIndex()) == 0
    assert not view.add_button.isEnabled()


def test_a_picker_when_there_are_several_teams(qtbot: Any, parts: PageParts) -> None:
    from supportnet.model.care import ME, CareTeam

    view = parts.page.view
    _shown(qtbot, parts)
    assert not view.team_picker.isVisible()
    parts.services.care_teams.save(CareTeam("After the hospital", focus=ME))
    parts.signals.care_teams_changed.emit()
    assert view.team_picker.isVisible()
    assert [view.team_picker.itemText(i) for i in range(view.team_picker.count())] == [
        "After the hospital",
        "Mum's knee",
    ]
    # A team that appears (just made, or brought back by undo) is the one shown.
    assert view.title_label.text() == "After the hospital"
    view.team_picker.setCurrentIndex(1)
    assert view.title_label.text() == "Mum's knee"
    view.team_picker.setCurrentIndex(0)
    assert view.title_label.text() == "After the hospital"
    assert view.focus_label.text().startswith("Check-ins with you")
    assert _lines(parts, TODAY) == [[NOBODY_YET, "", "", ""]]


def test_names_follow_the_network(qtbot: Any, parts: PageParts) -> None:
    rosie = parts.people["Rosie Mensah"]
    rosie.name = "Rosie Mensah-Hughes"
    parts.services.people.update(rosie)
    parts.signals.people_changed.emit()
    qtbot.waitUntil(lambda: _lines(parts, date(2025, 6, 10))[0][1] == "Rosie Mensah-Hughes")


def test_times_are_shown_on_the_user_s_clock(parts: PageParts) -> None:
    from datetime import time

    from supportnet.model.care import RotaSlot
    from supportnet.model.network import ChannelKind
    from supportnet.model.plans import Frequency, Plan, PlanKind, Recurrence

    # Wednesdays 15:00 in New York, by video: 20:00 in London (both on summer time).
    plan = Plan(
        kind=PlanKind.FIXED,
        start_date=date(2025, 6, 1),
        channel=ChannelKind.VIDEO,
        timezone="America/New_York",
        window_start=time(15),
        window_end=time(15, 30),
        recurrence=Recurrence(frequency=Frequency.WEEKLY, weekdays={2}),
    )
    team = parts.services.care_teams.get(parts.team.uid)
    team.slots.append(RotaSlot(plan, parts.people["Owen Hughes"].uid))
    parts.services.care_teams.save(team)
    parts.page.refresh()
    wednesday = date(2025, 6, 11)
    assert [line[:3] for line in _lines(parts, wednesday)] == [
        ["20:00", "Owen Hughes", "Video call"]
    ]
    # The user moves to New York: the same check-in reads at its own 15:00.
    parts.services.settings.update(timezone="America/New_York")
    parts.page.refresh()
    assert [line[:3] for line in _lines(parts, wednesday)] == [
        ["15:00", "Owen Hughes", "Video call"]
    ]


def test_a_flexible_check_in_reads_around_this_day(parts: PageParts) -> None:
    from supportnet.ui.care.week_model import AROUND

    _with_flexible(parts)
    flexible = [
        line
        for day in parts.page.model.days
        for line in _lines(parts, day)
        if line[2] == "Chat app"
    ]
    assert flexible
    assert {line[0] for line in flexible} == {AROUND}


def test_someone_taken_out_of_the_network_leaves_their_check_ins_open(
    qtbot: Any, parts: PageParts
) -> None:
    from supportnet.model.targets import PERSON

    for name in ("Mum", "Rosie Mensah"):
        person_id = parts.people[name].id
        assert person_id is not None
        parts.services.network.remove(PERSON, person_id)
    parts.signals.people_changed.emit()
    qtbot.waitUntil(lambda: _lines(parts, date(2025, 6, 10))[0][1] == OPEN_SLOT)
    view = parts.page.view
    assert view.focus_label.text().startswith("Check-ins with someone no longer in your network")
    assert view.supporters_label.text().splitlines()[0] == (
        "Someone no longer in your network (their check-ins are open)"
    )


def test_someone_taken_out_of_the_network_reads_so_in_german(qtbot: Any, parts: PageParts) -> None:
    from supportnet import i18n
    from supportnet.model.care import NOT_IN_NETWORK
    from supportnet.model.targets import PERSON

    i18n.set_language("de")
    try:
        for name in ("Mum", "Rosie Mensah"):
            person_id = parts.people[name].id
            assert person_id is not None
            parts.services.network.remove(PERSON, person_id)
        parts.signals.people_changed.emit()
        gone = i18n._(
            "Check-ins with someone no longer in your network: who checks in when, and how"
        )
        assert (
            gone != "Check-ins with someone no longer in your network: who checks in when, and how"
        )
        view = parts.page.view
        qtbot.waitUntil(lambda: view.focus_label.text() == gone)
        assert view.supporters_label.text().splitlines()[0] == i18n._(
            "{name} (their check-ins are open)"
        ).format(name=i18n._(NOT_IN_NETWORK))
        assert NOT_IN_NETWORK not in view.supporters_label.text()
    finally:
        i18n.set_language(i18n.ENGLISH)


def _with_flexible(parts: PageParts) -> str:
    from supportnet.model.care import RotaSlot
    from supportnet.model.network import ChannelKind
    from supportnet.model.plans import Cadence, Plan, PlanKind

    team = parts.services.care_teams.get(parts.team.uid)
    plan = Plan(
        kind=PlanKind.FLEXIBLE,
        start_date=date(2025, 6, 1),
        channel=ChannelKind.MESSAGING,
        timezone=ZONE,
        cadence=Cadence(ideal_days=3, too_long_days=6),
    )
    team.slots.append(RotaSlot(plan, parts.people["Owen Hughes"].uid))
    parts.services.care_teams.save(team)
    parts.page.refresh()
    return plan.uid


def test_a_flexible_check_in_offers_no_swap_and_says_why(parts: PageParts) -> None:
    from supportnet.model.care import FLEXIBLE_SWAP

    uid = _with_flexible(parts)
    week = parts.page.week
    assert week is not None
    line = next(line for day in week.days for line in day.check_ins if line.slot_uid == uid)
    parts.page.select((uid, line.on))
    assert parts.page.current_line() == line
    view = parts.page.view
    assert not view.swap_button.isEnabled()
    # Said on the button, where the eye is, not in the line under the week.
    assert FLEXIBLE_SWAP not in view.selection_label.text()
    assert view.swap_button.accessibleDescription() == FLEXIBLE_SWAP
    assert view.swap_button.toolTip() == FLEXIBLE_SWAP
    assert not parts.page.swap_date()
    assert parts.stack.count() == 0
    # A fixed one still can be swapped, and says nothing of it.
    parts.page.select((parts.team.slots[0].uid, date(2025, 6, 10)))
    assert view.swap_button.isEnabled()
    assert view.swap_button.accessibleDescription() == ""
    assert view.swap_button.toolTip() != FLEXIBLE_SWAP  # its own tip again


def test_a_check_in_made_flexible_lets_its_swaps_go(
    parts: PageParts, monkeypatch: pytest.MonkeyPatch
) -> None:
    import copy

    from supportnet.model.care import SlotSwap
    from supportnet.model.plans import Cadence, PlanKind

    team = parts.services.care_teams.get(parts.team.uid)
    slot = team.slots[0]
    team.swaps = [SlotSwap(slot.uid, date(2025, 6, 10), parts.people["Owen Hughes"].uid)]
    parts.services.care_teams.save(team)
    parts.page.refresh()
    parts.page.select((slot.uid, date(2025, 6, 10)))
    flexible = copy.deepcopy(slot)
    flexible.plan.kind = PlanKind.FLEXIBLE
    flexible.plan.recurrence = None
    flexible.plan.window_start = flexible.plan.window_end = None
    flexible.plan.cadence = Cadence(ideal_days=3)
    monkeypatch.setattr(slot_editor.SlotEditorDialog, "exec", lambda _self: 1)
    monkeypatch.setattr(slot_editor.SlotEditorDialog, "result_slot", lambda _self: flexible)
    assert parts.page.edit_checkin()
    assert parts.errors == []
    after = parts.services.care_teams.get(parts.team.uid)
    assert after.slot(slot.uid) is not None
    assert after.swaps == []


def test_a_check_in_added_in_another_zone_is_chosen(
    parts: PageParts, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import time

    from supportnet.model.care import RotaSlot
    from supportnet.model.network import ChannelKind
    from supportnet.model.plans import Frequency, Plan, PlanKind, Recurrence

    # Sundays 19:00 in New York: Monday 00:00 in London, a day after its own date.
    plan = Plan(
        kind=PlanKind.FIXED,
        start_date=date(2025, 6, 1),
        channel=ChannelKind.CALL,
        timezone="America/New_York",
        window_start=time(19),
        window_end=time(19, 30),
        recurrence=Recurrence(frequency=Frequency.WEEKLY, weekdays={6}),
    )
    added = RotaSlot(plan, parts.people["Owen Hughes"].uid)
    monkeypatch.setattr(slot_editor.SlotEditorDialog, "exec", lambda _self: 1)
    monkeypatch.setattr(slot_editor.SlotEditorDialog, "result_slot", lambda _self: added)
    assert parts.page.add_checkin()
    line = parts.page.current_line()
    assert line is not None
    assert line.slot_uid == added.uid
    assert (parts.page.current_day(), line.on) == (date(2025, 6, 9), date(2025, 6, 8))
