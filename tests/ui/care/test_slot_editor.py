"""The rota's check-in editor: the plan editor's timing fields, who takes it and how; a
check-in comes back whole, with its uid and everything the form doesn't show."""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime, time
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from supportnet.model.care import ME, RotaSlot
from supportnet.model.network import ChannelKind
from supportnet.model.plans import (
    Cadence,
    Frequency,
    MonthlyMode,
    Plan,
    PlanKind,
    Recurrence,
)
from supportnet.services import Services
from supportnet.ui.care.slot_editor import GONE_TEXT, OPEN_TEXT, SlotEditorDialog
from supportnet.ui.widgets import dialogs
from tests.ui.tab_walk import tab_walk
from tests.ui.test_alt_keys import alt_keys, clashes

NOW = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)  # a Thursday
ZONE = "Europe/London"
SUPPORTERS: list[tuple[str | None, str]] = [("u-rosie", "Rosie"), ("u-owen", "Owen"), (ME, "You")]


@pytest.fixture(autouse=True)
def _close_freely(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dialogs, "confirm_discard", lambda *_a: True)


def _shown(qtbot: Any, slot: RotaSlot | None, supporters: Any = SUPPORTERS) -> SlotEditorDialog:
    dialog = SlotEditorDialog(list(supporters), slot, ZONE, clock=lambda: NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    QApplication.processEvents()
    return dialog


def _slots() -> list[RotaSlot]:
    return [
        RotaSlot(
            Plan(
                PlanKind.FIXED,
                date(2026, 11, 3),
                title="Tuesday video",
                channel=ChannelKind.VIDEO,
                timezone="America/New_York",
                window_start=time(20),
                window_end=time(20, 30),
                duration_minutes=25,
                notes="Kept though not shown",
                recurrence=Recurrence(
                    Frequency.WEEKLY, 2, {1, 3}, until=date(2027, 3, 1), skips={date(2026, 12, 1)}
                ),
                sequence=4,
                id=12,
                uid="slot-weekly",
            ),
            "u-rosie",
        ),
        RotaSlot(
            Plan(
                PlanKind.FIXED,
                date(2026, 11, 1),
                timezone=ZONE,
                recurrence=Recurrence(
                    Frequency.MONTHLY, 1, monthly_mode=MonthlyMode.BY_WEEKDAY, nth=-1, nth_weekday=4
                ),
                uid="slot-monthly",
            ),
            None,
        ),
        RotaSlot(
            Plan(
                PlanKind.FLEXIBLE,
                date(2026, 11, 1),
                channel=ChannelKind.MESSAGING,
                timezone=ZONE,
                cadence=Cadence(5, 8),
                uid="slot-flexible",
            ),
            "u-owen",
        ),
        RotaSlot(
            Plan(
                PlanKind.ONE_OFF,
                date(2026, 12, 12),
                title="Help with the shopping",
                channel=ChannelKind.IN_PERSON,
                timezone=ZONE,
                window_start=time(10),
                window_end=time(12),
                paused=True,
                uid="slot-once",
            ),
            ME,
        ),
    ]


@pytest.mark.parametrize("slot", _slots(), ids=lambda s: s.uid)
def test_an_unchanged_check_in_comes_back_as_it_was(qtbot: Any, slot: RotaSlot) -> None:
    dialog = _shown(qtbot, copy.deepcopy(slot))
    assert dialog.result_slot() == slot
    assert dialog.problems == []
    assert not dialog.is_dirty()
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_a_new_check_in_from_the_keyboard_alone(qtbot: Any) -> None:
    dialog = _shown(qtbot, None)
    assert dialog.windowTitle() == "New check-in on the rota"
    fixed = dialog.kind_buttons[PlanKind.FIXED]
    assert dialog.focusWidget() is fixed
    # The arrow keys move between the kinds, as in the plan editor.
    qtbot.keyClick(fixed, Qt.Key.Key_Down)
    flexible = dialog.kind_buttons[PlanKind.FLEXIBLE]
    assert flexible.isChecked()
    assert dialog.focusWidget() is flexible
    qtbot.keyClick(flexible, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.ideal_field
    dialog.ideal_field.selectAll()
    qtbot.keyClicks(dialog.ideal_field, "4")
    qtbot.keyClick(dialog.ideal_field, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.too_long_field
    dialog.too_long_field.selectAll()
    qtbot.keyClicks(dialog.too_long_field, "7")
    qtbot.keyClick(dialog.too_long_field, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.supporter_combo
    assert dialog.supporter_combo.currentText() == OPEN_TEXT  # a new one is nobody's yet
    qtbot.keyClick(dialog.supporter_combo, Qt.Key.Key_Home)
    qtbot.keyClick(dialog.supporter_combo, Qt.Key.Key_Down)
    assert dialog.supporter_combo.currentText() == "Owen"
    qtbot.keyClick(dialog.supporter_combo, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.channel_combo
    qtbot.keyClick(dialog.channel_combo, Qt.Key.Key_Down)  # Any way -> Phone call
    qtbot.keyClick(dialog.channel_combo, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.all_day_check
    qtbot.keyClick(dialog.all_day_check, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.all_day_check, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    slot = dialog.result_slot()
    assert slot.supporter == "u-owen"
    plan = slot.plan
    assert (plan.kind, plan.cadence, plan.recurrence) == (PlanKind.FLEXIBLE, Cadence(4, 7), None)
    assert (plan.channel, plan.window_start, plan.timezone) == (ChannelKind.CALL, None, ZONE)
    assert (plan.person_id, plan.group_id) == (None, None)  # whom it's with is the team's
    assert slot.problems() == []


def test_a_new_weekly_check_in_starts_today_at_six(qtbot: Any) -> None:
    slot = _shown(qtbot, None).result_slot()
    plan = slot.plan
    assert (plan.kind, plan.start_date, plan.window_start) == (
        PlanKind.FIXED,
        date(2026, 12, 3),
        time(18),
    )
    assert plan.recurrence is not None
    assert plan.recurrence.weekdays == {3}
    assert slot.supporter is None


def test_changing_who_and_when_keeps_the_rest(qtbot: Any) -> None:
    slot = _slots()[0]
    dialog = _shown(qtbot, copy.deepcopy(slot))
    assert dialog.windowTitle() == "Edit a check-in on the rota"
    dialog.supporter_combo.setCurrentIndex(dialog.supporter_combo.findData(None))
    dialog.weekday_checks[4].setChecked(True)
    dialog.start_time_field.setTime(dialog.start_time_field.time().addSecs(-3600))
    after = dialog.result_slot()
    assert after.uid == slot.uid
    assert after.supporter is None
    assert after.plan.recurrence is not None
    assert after.plan.recurrence.weekdays == {1, 3, 4}
    assert after.plan.window_start == time(19)
    kept = ("title", "notes", "sequence", "id", "duration_minutes", "timezone", "channel")
    assert [getattr(after.plan, f) for f in kept] == [getattr(slot.plan, f) for f in kept]
    assert after.plan.recurrence.skips == {date(2026, 12, 1)}
    assert after.plan.recurrence.until == date(2027, 3, 1)


def test_a_supporter_not_offered_keeps_the_check_in(qtbot: Any) -> None:
    slot = RotaSlot(_slots()[2].plan, "u-gone")
    dialog = _shown(qtbot, copy.deepcopy(slot))
    assert dialog.supporter_combo.currentText() == GONE_TEXT
    assert dialog.result_slot() == slot
    texts = [dialog.supporter_combo.itemText(i) for i in range(dialog.supporter_combo.count())]
    assert texts == ["Rosie", "Owen", "You", GONE_TEXT, OPEN_TEXT]


def test_problems_show_by_their_field_and_save_waits(qtbot: Any) -> None:
    dialog = _shown(qtbot, copy.deepcopy(_slots()[0]))
    for box in dialog.weekday_checks:
        box.setChecked(False)
    dialog.check_now()
    assert dialog.messages["weekdays"].text() != ""
    assert dialog.messages["weekdays"].isVisible()
    assert not dialog.save_button.isEnabled()
    assert dialog.save_hint.text() == "Check the days of the week to save"
    dialog.save()
    assert dialog.result() != QDialog.DialogCode.Accepted
    dialog.weekday_checks[0].setChecked(True)
    dialog.zone_combo.setEditText("Mars/Olympus")
    dialog.check_now()
    assert "isn't a time zone we know" in dialog.messages["timezone"].text()
    assert dialog.zone_combo.accessibleDescription() == dialog.messages["timezone"].text()
    assert dialog.messages["weekdays"].text() == ""
    dialog.zone_combo.setEditText(ZONE)
    dialog.check_now()
    assert dialog.save_button.isEnabled()
    # Whom a slot is with is never asked: its plan has no target and nothing says so.
    assert all(message.text() == "" for message in dialog.messages.values())


def test_the_next_date_is_previewed_for_a_schedule(qtbot: Any) -> None:
    dialog = _shown(qtbot, copy.deepcopy(_slots()[0]))
    assert dialog.preview.text().startswith("Next: ")
    dialog.kind_buttons[PlanKind.FLEXIBLE].setChecked(True)
    dialog.check_now()
    assert dialog.preview.text() == ""  # a rhythm counts from the last check-in: the page's


def test_every_control_is_named_reached_by_tab_and_has_its_own_alt_key(qtbot: Any) -> None:
    dialog = _shown(qtbot, copy.deepcopy(_slots()[0]))
    start = dialog.kind_buttons[PlanKind.FIXED]
    # A spin box's own line edit hands the focus to the box.
    focusable, reached = tab_walk(dialog, start, lambda w: w.focusProxy() is None)
    assert [type(w).__name__ for w in focusable if not w.accessibleName()] == []
    # The kind radios are one stop (arrows move between them), as in the plan editor.
    radios = set(dialog.kind_buttons.values())
    assert set(focusable) - radios <= set(reached)
    assert reached.index(dialog.date_field) < reached.index(dialog.supporter_combo)
    assert reached.index(dialog.supporter_combo) < reached.index(dialog.channel_combo)
    assert reached.index(dialog.zone_combo) < reached.index(dialog.save_button)
    for kind in PlanKind:
        dialog.kind_buttons[kind].setChecked(True)
        assert clashes(alt_keys(dialog)) == {}


def test_a_demo_check_in_saved_from_the_editor_reads_back_whole(
    qtbot: Any, demo_store: Any
) -> None:
    services = Services.of(demo_store)
    team = services.care_teams.list()[0]
    supporters = [(ref, ref) for ref in team.supporters]
    for slot in team.slots:
        dialog = _shown(qtbot, copy.deepcopy(slot), supporters)
        assert dialog.result_slot() == slot
    dialog = _shown(qtbot, copy.deepcopy(team.slots[0]), supporters)
    dialog.duration_field.setValue(45)
    changed = dialog.result_slot()
    team.slots[0] = changed
    services.care_teams.save(team)
    stored = services.care_teams.get(team.uid)
    assert stored.slots[0].plan.duration_minutes == 45
    assert stored.slots[0].uid == changed.uid
    assert stored.slots[1:] == team.slots[1:]
    assert stored.swaps == team.swaps
