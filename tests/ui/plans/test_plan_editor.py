"""The plan editor and the plans panel: every kind stored exactly, inline messages, undo."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

import pytest
from PySide6.QtCore import QDate, QPoint, Qt, QTime
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from supportnet.model.checkins import CheckIn
from supportnet.model.network import ChannelKind, Person
from supportnet.model.plans import Cadence, Frequency, MonthlyMode, Plan, PlanKind, Recurrence
from supportnet.scheduling import Postponement
from supportnet.services import Services
from supportnet.ui.plans.dialog import PlansAndHistoryDialog, open_plans_and_history
from supportnet.ui.plans.editor import PlanEditor
from supportnet.ui.plans.panel import PlansPanelController
from supportnet.ui.plans.wording import describe_plan, new_plan, next_text
from supportnet.ui.shell.signals import AppSignals
from supportnet.ui.undo.commands import UndoContext
from supportnet.ui.widgets import dialogs
from tests.ui.conftest import NOW, TODAY, ZONE


@pytest.fixture(autouse=True)
def _close_freely(monkeypatch: pytest.MonkeyPatch) -> None:
    """Editors left with changes close at teardown without asking."""
    monkeypatch.setattr(dialogs, "confirm_discard", lambda *_a: True)


@pytest.fixture
def confirms(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every question ui/dialogs.confirm asked, answered "yes"."""
    asked: list[tuple[str, str]] = []

    def confirm(_parent: Any, title: str, question: str, **_kw: Any) -> bool:
        asked.append((title, question))
        return True

    monkeypatch.setattr(dialogs, "confirm", confirm)
    return asked


class Env:
    """The window's shared parts, built for a test: signals, undo stack and context."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self.signals = AppSignals()
        self.stack = QUndoStack()
        self.errors: list[str] = []
        self.ctx = UndoContext(Services.of(store), self.signals, self.errors.append)


@pytest.fixture
def env(demo_store: Any) -> Env:
    return Env(demo_store)


def _person(store: Any, nickname: str) -> Person:
    return next(p for p in store.people.list_all() if p.display_name == nickname)


def _panel(qtbot: Any, env: Env, clock: Callable[[], datetime], nickname: str) -> Any:
    person = _person(env.store, nickname)
    panel = PlansPanelController(
        Services.of(env.store),
        clock,
        env.signals,
        env.stack,
        env.ctx,
        kind="person",
        target_id=person.id,
        user_zone=ZONE,
    )
    qtbot.addWidget(panel.view)
    panel.view.show()
    return panel


def _new_editor(qtbot: Any, panel: Any) -> PlanEditor:
    editor = panel.add_plan()
    assert isinstance(editor, PlanEditor)
    qtbot.addWidget(editor)
    return editor


def _set_date(edit: Any, day: date) -> None:
    edit.setDate(QDate(day.year, day.month, day.day))


def _only_new(before: list[Plan], after: list[Plan]) -> Plan:
    old = {p.uid for p in before}
    [plan] = [p for p in after if p.uid not in old]
    return plan


def _save(qtbot: Any, editor: PlanEditor) -> None:
    editor.check_now()
    assert editor.save_button.isEnabled(), editor.problems
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()


# --- each kind, stored exactly ------------------------------------------------------------


def test_a_fixed_weekly_plan_is_stored_exactly(
    qtbot: Any, env: Env, clock: Callable[[], datetime]
) -> None:
    panel = _panel(qtbot, env, clock, "Pri")
    person = _person(env.store, "Pri")
    before = env.store.plans.for_person(person.id)
    editor = _new_editor(qtbot, panel)
    assert editor.windowTitle() == "New plan for Pri"
    assert editor.kind_buttons[PlanKind.FIXED].isChecked()

    _set_date(editor.date_field, date(2025, 6, 16))
    editor.interval_field.setValue(2)
    editor.frequency_combo.setCurrentIndex(editor.frequency_combo.findData("weekly"))
    for number, box in enumerate(editor.weekday_checks):
        box.setChecked(number in (0, 3))
    editor.until_check.setChecked(True)
    _set_date(editor.until_field, date(2025, 9, 30))
    _set_date(editor.skip_field, date(2025, 7, 14))
    qtbot.mouseClick(editor.add_skip_button, Qt.MouseButton.LeftButton)
    _set_date(editor.skip_field, date(2025, 8, 11))
    editor.add_skip_button.click()
    qtbot.keyClicks(editor.title_field, "Walk with Pri")
    editor.channel_combo.setCurrentIndex(editor.channel_combo.findData("in_person"))
    editor.all_day_check.setChecked(False)
    editor.start_time_field.setTime(QTime(19, 0))
    editor.end_check.setChecked(True)
    editor.end_time_field.setTime(QTime(20, 15))
    editor.duration_field.setValue(45)
    editor.zone_combo.setEditText("America/New_York")
    qtbot.keyClicks(editor.idea_field, "Fancy a walk?")
    editor.notes_field.setPlainText("Bring the dog.")
    assert editor.skips() == [date(2025, 7, 14), date(2025, 8, 11)]
    _save(qtbot, editor)

    plan = _only_new(before, env.store.plans.for_person(person.id))
    assert plan.kind is PlanKind.FIXED
    assert plan.start_date == date(2025, 6, 16)
    assert plan.recurrence == Recurrence(
        frequency=Frequency.WEEKLY,
        interval=2,
        weekdays={0, 3},
        monthly_mode=MonthlyMode.BY_DATE,
        until=date(2025, 9, 30),
        skips={date(2025, 7, 14), date(2025, 8, 11)},
    )
    assert plan.cadence is None
    assert (plan.title, plan.channel) == ("Walk with Pri", ChannelKind.IN_PERSON)
    assert (plan.window_start, plan.window_end) == (time(19, 0), time(20, 15))
    assert plan.duration_minutes == 45
    assert plan.timezone == "America/New_York"
    assert (plan.message_idea, plan.notes) == ("Fancy a walk?", "Bring the dog.")
    assert plan.paused is False
    assert plan.person_id == person.id
    assert plan.group_id is None
    # The panel lists it, selected, and the addition can be undone.
    assert panel.selected().uid == plan.uid
    assert env.stack.undoText() == "add “Walk with Pri”"
    env.stack.undo()
    assert plan.uid not in {p.uid for p in env.store.plans.for_person(person.id)}
    env.stack.redo()
    assert plan.uid in {p.uid for p in env.store.plans.for_person(person.id)}


def test_a_monthly_plan_by_weekday_and_by_date_with_the_skipping_note(
    qtbot: Any, env: Env, clock: Callable[[], datetime]
) -> None:
    panel = _panel(qtbot, env, clock, "Dan")
    person = _person(env.store, "Dan")
    editor = _new_editor(qtbot, panel)
    editor.frequency_combo.setCurrentIndex(editor.frequency_combo.findData("monthly"))
    editor.by_weekday_radio.setChecked(True)
    editor.nth_combo.setCurrentIndex(editor.nth_combo.findData(-1))
    editor.nth_weekday_combo.setCurrentIndex(4)  # Friday
    editor.check_now()
    assert editor.monthly_box.isVisible()
    assert not editor.weekly_box.isVisible()
    assert editor.nth_combo.currentText() == "last"
    assert not editor.skipping_note.isVisible()

    # By date, on the 31st: months without one are skipped, and the form says so.
    editor.by_date_radio.setChecked(True)
    editor.month_day_field.setValue(31)
    editor.check_now()
    assert editor.skipping_note.isVisible()
    assert editor.skipping_note.text() == "Months without a 31st are skipped."
    # Back to the last Friday: the note goes, and that is what is stored.
    editor.by_weekday_radio.setChecked(True)
    editor.check_now()
    assert not editor.skipping_note.isVisible()
    before = env.store.plans.for_person(person.id)
    _save(qtbot, editor)
    plan = _only_new(before, env.store.plans.for_person(person.id))
    rec = plan.recurrence
    assert rec is not None
    assert (rec.frequency, rec.interval, rec.monthly_mode) == (
        Frequency.MONTHLY,
        1,
        MonthlyMode.BY_WEEKDAY,
    )
    assert (rec.nth, rec.nth_weekday, rec.month_day, rec.weekdays) == (-1, 4, None, set())
    assert plan.window_start is None  # a new plan is for any time of day unless set
    assert plan.timezone == ZONE
    assert describe_plan(plan) == "Last Friday of every month, any time of day"


def test_a_flexible_plan_is_stored_exactly(
    qtbot: Any, env: Env, clock: Callable[[], datetime]
) -> None:
    panel = _panel(qtbot, env, clock, "Grandad")
    person = _person(env.store, "Grandad")
    before = env.store.plans.for_person(person.id)
    editor = _new_editor(qtbot, panel)
    flexible = editor.kind_buttons[PlanKind.FLEXIBLE]
    qtbot.mouseClick(flexible, Qt.MouseButton.LeftButton, pos=QPoint(8, flexible.height() // 2))
    assert editor.pages.currentWidget() is editor.flexible_page
    assert not editor.date_holder.isVisible()  # a rhythm counts from the last contact
    editor.ideal_field.setValue(10)
    editor.too_long_field.setValue(21)
    editor.channel_combo.setCurrentIndex(editor.channel_combo.findData("call"))
    editor.check_now()
    assert editor.preview.text().startswith("Next: around ")
    _save(qtbot, editor)
    plan = _only_new(before, env.store.plans.for_person(person.id))
    assert plan.kind is PlanKind.FLEXIBLE
    assert plan.cadence == Cadence(ideal_days=10, too_long_days=21)
    assert plan.recurrence is None
    assert plan.channel is ChannelKind.CALL
    assert plan.window_start is None
    assert plan.window_end is None
    assert plan.start_date == TODAY
    model = panel.model
    whens = [model.data(model.index(row, model.COL_WHEN)) for row in range(model.rowCount())]
    assert "About every 10 days, any time of day; a gentle nudge after 21 days" in whens
    assert editor.too_long_field.accessibleName() == "Nudge me gently after, in days"


def test_a_one_off_plan_is_stored_exactly(
    qtbot: Any, env: Env, clock: Callable[[], datetime]
) -> None:
    panel = _panel(qtbot, env, clock, "Salma")
    person = _person(env.store, "Salma")
    before = env.store.plans.for_person(person.id)
    editor = _new_editor(qtbot, panel)
    editor.kind_buttons[PlanKind.ONE_OFF].setChecked(True)
    assert editor.date_label.text() == "&On"
    _set_date(editor.date_field, date(2025, 7, 3))
    editor.all_day_check.setChecked(False)
    editor.start_time_field.setTime(QTime(11, 30))
    editor.paused_check.setChecked(True)
    editor.check_now()
    assert editor.preview.text().startswith("Paused")
    editor.paused_check.setChecked(False)
    editor.check_now()
    assert editor.preview.text() == "Next: Thu 3 Jul, 11:30"
    _save(qtbot, editor)
    plan = _only_new(before, env.store.plans.for_person(person.id))
    assert (plan.kind, plan.start_date, plan.window_start) == (
        PlanKind.ONE_OFF,
        date(2025, 7, 3),
        time(11, 30),
    )
    assert plan.window_end is None
    assert plan.recurrence is None
    assert plan.cadence is None
    assert describe_plan(plan, ZONE, TODAY) == "Once on Thu 3 Jul, 11:30"


# --- problems stay in the form ------------------------------------------------------------


def test_invalid_input_stays_in_the_form_with_messages_by_the_fields(
    qtbot: Any, env: Env, clock: Callable[[], datetime]
) -> None:
    panel = _panel(qtbot, env, clock, "Pri")
    person = _person(env.store, "Pri")
    count = len(env.store.plans.for_person(person.id))
    editor = _new_editor(qtbot, panel)
    qtbot.keyClicks(editor.title_field, "Coffee")
    editor.interval_field.setValue(0)
    editor.until_check.setChecked(True)
    _set_date(editor.until_field, TODAY.replace(day=1))
    editor.zone_combo.setEditText("Mars/Olympus")
    editor.all_day_check.setChecked(False)
    editor.start_time_field.setTime(QTime(19, 0))
    editor.end_check.setChecked(True)
    editor.end_time_field.setTime(QTime(18, 0))
    qtbot.waitUntil(lambda: not editor.save_button.isEnabled())
    editor.check_now()

    assert editor.messages["interval"].text() == "The repeat interval must be at least 1."
    assert editor.messages["until"].text() == "The end date is before the start date."
    assert editor.messages["window_end"].text() == "The window ends before it starts."
    assert editor.messages["timezone"].text().startswith("“Mars/Olympus” isn't a time zone")
    for field in ("interval", "until", "window_end", "timezone"):
        assert editor.messages[field].isVisible()
        # The message is icon and words, and the field carries it for screen readers.
        assert editor.field_widgets[field].accessibleDescription() == editor.messages[field].text()
    assert not editor.save_button.isEnabled()
    assert editor.save_hint.text() == "Check the time zone to save (and 3 more things)"
    assert editor.preview.text() == ""

    # Enter on the form does not save it; nothing is stored and nothing typed is lost.
    editor.save()
    assert editor.isVisible()
    assert len(env.store.plans.for_person(person.id)) == count
    assert editor.title_field.text() == "Coffee"
    assert editor.zone_combo.currentText() == "Mars/Olympus"

    # A rhythm whose gentle nudge comes no later than the ideal.
    editor.kind_buttons[PlanKind.FLEXIBLE].setChecked(True)
    editor.zone_combo.setEditText("Europe/Paris")
    editor.all_day_check.setChecked(True)
    editor.ideal_field.setValue(14)
    editor.too_long_field.setValue(14)
    editor.check_now()
    assert editor.messages["too_long_days"].text() == (
        "The gentle nudge comes after the ideal interval: a few more days."
    )
    assert not editor.messages["interval"].isVisible()  # that page isn't in play now
    assert editor.save_hint.text() == "Check the gentle nudge to save"
    assert not editor.save_button.isEnabled()
    editor.too_long_field.setValue(30)
    editor.check_now()
    assert editor.save_button.isEnabled()
    assert editor.save_hint.text() == ""
    # Switching back to a schedule finds what was typed there still there.
    editor.kind_buttons[PlanKind.FIXED].setChecked(True)
    assert editor.interval_field.value() == 0
    assert editor.check_now() != []


def test_an_interval_of_zero_is_explained_in_words_by_the_field(
    qtbot: Any, env: Env, clock: Callable[[], datetime]
) -> None:
    panel = _panel(qtbot, env, clock, "Pri")
    editor = _new_editor(qtbot, panel)
    editor.interval_field.setValue(0)
    editor.check_now()
    message = editor.messages["interval"]
    assert message.isVisible()
    assert message.text() == "The repeat interval must be at least 1."
    assert editor.save_hint.text() == "Check how often it repeats to save"


def test_the_preview_shows_a_friend_abroad_in_the_users_time(
    env: Env, clock: Callable[[], datetime]
) -> None:
    jamie = _person(env.store, "Jamie Chen")
    [plan] = env.store.plans.for_person(jamie.id)
    assert plan.timezone == "America/New_York"
    text = next_text(plan, NOW, ZONE)
    there = plan.window_start
    assert there is not None
    here = (there.hour + 5) % 24  # New York and London in June
    assert text.endswith(f", {there:%H:%M} (your time {here:02d}:{there.minute:02d})")
    assert text.startswith("Next: Sat ")


# --- changing, pausing, deleting, with undo -----------------------------------------------


def test_edit_a_plan_then_undo_and_redo(
    qtbot: Any, env: Env, clock: Callable[[], datetime]
) -> None:
    panel = _panel(qtbot, env, clock, "Mum")
    mum = _person(env.store, "Mum")
    [plan] = env.store.plans.for_person(mum.id)
    assert panel.select_uid(plan.uid)
    editor = panel.edit_selected()
    assert isinstance(editor, PlanEditor)
    qtbot.addWidget(editor)
    assert editor.windowTitle() == "Edit a plan for Mum"
    assert editor.build() == plan  # everything came into the form and back out unchanged
    editor.title_field.setText("Sunday call")
    editor.start_time_field.setTime(QTime(17, 30))
    _save(qtbot, editor)
    [changed] = env.store.plans.for_person(mum.id)
    assert (changed.title, changed.window_start) == ("Sunday call", time(17, 30))
    assert changed.uid == plan.uid
    assert changed.sequence == plan.sequence + 1  # the timing changed
    assert env.stack.undoText() == "edit “Sunday call”"
    assert panel.view.note.label.text() == "Saved “Sunday call”."

    with qtbot.waitSignal(env.signals.plans_changed):
        env.stack.undo()
    [back] = env.store.plans.for_person(mum.id)
    assert (back.title, back.window_start) == ("Sunday call with Mum", time(18, 0))
    assert panel.model.plan_at(0).title == "Sunday call with Mum"
    env.stack.redo()
    [again] = env.store.plans.for_person(mum.id)
    assert again.title == "Sunday call"
    assert env.errors == []


def test_delete_a_plan_then_undo_brings_it_back_with_its_links(
    qtbot: Any, env: Env, clock: Callable[[], datetime], confirms: list[tuple[str, str]]
) -> None:
    panel = _panel(qtbot, env, clock, "Mum")
    store = env.store
    mum = _person(store, "Mum")
    [plan] = store.plans.for_person(mum.id)
    linked = store.checkins.add(
        CheckIn(at=NOW, person_id=mum.id, plan_id=plan.id, note="Lovely chat")
    )
    store.postponements.postpone(Postponement(plan.id, TODAY.replace(day=25)))
    panel.refresh()
    assert panel.select_uid(plan.uid)
    with qtbot.waitSignal(env.signals.plans_changed):
        assert panel.delete_selected()
    assert confirms == [
        (
            "Delete this plan?",
            "Delete “Sunday call with Mum”? The check-ins you logged stay. You can undo this.",
        )
    ]
    assert store.plans.for_person(mum.id) == []
    assert store.checkins.get(linked.id).plan_id is None  # the check-in stays
    assert panel.view.stack.currentWidget() is not panel.view.table  # "No plans with Mum yet."
    assert panel.view.empty.text() == "No plans with Mum yet."

    env.stack.undo()
    [back] = store.plans.for_person(mum.id)
    assert back.uid == plan.uid
    assert back.sequence == plan.sequence
    assert back.title == plan.title
    assert back.recurrence == plan.recurrence
    assert store.checkins.get(linked.id).plan_id == back.id
    assert [p.plan_id for p in store.postponements.list_active(TODAY)] == [back.id]
    env.stack.redo()
    assert store.plans.for_person(mum.id) == []
    env.stack.undo()
    assert [p.uid for p in store.plans.for_person(mum.id)] == [plan.uid]
    assert env.errors == []


def test_undoing_a_plan_delete_is_one_transaction_and_a_failure_in_it_changes_nothing(
    qtbot: Any,
    env: Env,
    clock: Callable[[], datetime],
    confirms: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sqlalchemy import event

    from supportnet.data import plan_bundles
    from supportnet.data.repositories import calendar
    from supportnet.model.errors import SupportNetError

    panel = _panel(qtbot, env, clock, "Mum")
    store = env.store
    mum = _person(store, "Mum")
    [plan] = store.plans.for_person(mum.id)
    linked = store.checkins.add(CheckIn(at=NOW, person_id=mum.id, plan_id=plan.id))
    store.postponements.postpone(Postponement(plan.id, TODAY.replace(day=25)))
    store.calendar.save(
        [calendar.CalendarRecord(plan.id, None, "mum-call@supportnet", 2, "weekly", NOW)], []
    )
    panel.refresh()
    assert panel.select_uid(plan.uid)
    assert panel.delete_selected()
    deleted = {
        "plans": len(store.plans.for_person(mum.id)),
        "link": store.checkins.get(linked.id).plan_id,
        "postponed": store.postponements.count(),
        "orphans": len(store.calendar.orphans()),
    }
    assert deleted == {"plans": 0, "link": None, "postponed": 0, "orphans": 1}

    # The last step of the undo (linking the calendar rows again) fails: nothing of it stays,
    # and the command leaves the stack, which still matches the store.
    def full(*_args: Any, **_kwargs: Any) -> None:
        raise SupportNetError("The disk is full; nothing was changed.")

    monkeypatch.setattr(calendar, "relink", full)
    monkeypatch.setattr(plan_bundles, "relink", full, raising=False)
    env.stack.undo()
    assert env.errors == ["The disk is full; nothing was changed."]
    assert {
        "plans": len(store.plans.for_person(mum.id)),
        "link": store.checkins.get(linked.id).plan_id,
        "postponed": store.postponements.count(),
        "orphans": len(store.calendar.orphans()),
    } == deleted
    assert env.stack.count() == 0

    # Without the failure, a delete's undo is one transaction.
    monkeypatch.undo()
    monkeypatch.setattr(dialogs, "confirm", lambda *_a, **_k: True)
    back = store.plans.add(plan)
    panel.refresh()
    assert panel.select_uid(back.uid)
    assert panel.delete_selected()
    commits: list[int] = []

    def count(_conn: Any) -> None:
        commits.append(1)

    event.listen(store.engine, "commit", count)
    try:
        env.stack.undo()
    finally:
        event.remove(store.engine, "commit", count)
    assert len(commits) == 1
    assert [p.uid for p in store.plans.for_person(mum.id)] == [plan.uid]


def test_declining_the_question_keeps_the_plan(
    qtbot: Any, env: Env, clock: Callable[[], datetime], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "confirm", lambda *_a, **_k: False)
    panel = _panel(qtbot, env, clock, "Mum")
    mum = _person(env.store, "Mum")
    [plan] = env.store.plans.for_person(mum.id)
    panel.select_uid(plan.uid)
    assert not panel.delete_selected()
    assert len(env.store.plans.for_person(mum.id)) == 1
    assert env.stack.count() == 0


def test_pause_and_resume_a_plan_with_undo(
    qtbot: Any, env: Env, clock: Callable[[], datetime]
) -> None:
    panel = _panel(qtbot, env, clock, "Mum")
    mum = _person(env.store, "Mum")
    [plan] = env.store.plans.for_person(mum.id)
    assert panel.selected() == plan  # the first plan is selected when the panel opens
    assert panel.model.data(panel.model.index(0, panel.model.COL_NEXT)) == "Sun 15 Jun, 18:00"
    assert panel.model.data(panel.model.index(0, panel.model.COL_WHEN)) == "Sundays, 18:00–19:00"
    assert panel.view.pause_button.text() == "Pa&use"
    qtbot.mouseClick(panel.view.pause_button, Qt.MouseButton.LeftButton)
    [paused] = env.store.plans.for_person(mum.id)
    assert paused.paused is True
    assert paused.sequence == plan.sequence  # pausing isn't a change of timing
    assert panel.view.pause_button.text() == "Res&ume"
    assert panel.model.data(panel.model.index(0, panel.model.COL_NEXT)) == "Paused"
    assert env.stack.undoText() == "pause “Sunday call with Mum”"
    env.stack.undo()
    assert env.store.plans.for_person(mum.id)[0].paused is False
    assert panel.view.pause_button.text() == "Pa&use"
    env.stack.redo()
    assert env.store.plans.for_person(mum.id)[0].paused is True
    panel.toggle_pause()
    assert env.store.plans.for_person(mum.id)[0].paused is False
    assert env.stack.undoText() == "resume “Sunday call with Mum”"


def test_a_second_editor_is_not_opened_over_the_first(
    qtbot: Any, env: Env, clock: Callable[[], datetime]
) -> None:
    panel = _panel(qtbot, env, clock, "Mum")
    first = _new_editor(qtbot, panel)
    assert panel.add_plan() is first
    first.reject()
    assert panel.editor is None


# WORKAROUND: the offscreen platform warns that it can't raise a window.
@pytest.mark.qt_log_ignore("does not support raise")
def test_the_dialog_holds_plans_and_history_and_is_raised_not_doubled(
    qtbot: Any, env: Env, clock: Callable[[], datetime]
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    mum = _person(env.store, "Mum")
    source = Services.of(env.store)
    args = (parent, source, clock, env.signals, env.stack, env.ctx, "person", mum.id)
    dialog = open_plans_and_history(*args)
    assert isinstance(dialog, PlansAndHistoryDialog)
    assert dialog.windowTitle() == "Plans and check-ins: Mum"
    assert dialog.tabs.count() == 2
    assert open_plans_and_history(*args, tab=PlansAndHistoryDialog.HISTORY_TAB) is dialog
    assert dialog.tabs.currentIndex() == PlansAndHistoryDialog.HISTORY_TAB
    # Ctrl+Z works in the dialog, on the shared stack.
    dialog.plans.select_uid(env.store.plans.for_person(mum.id)[0].uid)
    dialog.plans.toggle_pause()
    assert env.store.plans.for_person(mum.id)[0].paused
    dialog.tabs.setCurrentIndex(0)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not env.store.plans.for_person(mum.id)[0].paused
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(dialog, Qt.Key.Key_Z, ctrl_shift)
    assert env.store.plans.for_person(mum.id)[0].paused
    qtbot.keyClick(dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert env.store.plans.for_person(mum.id)[0].paused
    dialog.close()


def test_new_plan_defaults_follow_the_start_date_until_chosen_by_hand(
    qtbot: Any, env: Env, clock: Callable[[], datetime]
) -> None:
    panel = _panel(qtbot, env, clock, "Pri")
    editor = _new_editor(qtbot, panel)
    sunday = TODAY.weekday()
    assert [b.isChecked() for b in editor.weekday_checks] == [n == sunday for n in range(7)]
    _set_date(editor.date_field, date(2025, 6, 19))  # a Thursday
    assert [b.isChecked() for b in editor.weekday_checks] == [n == 3 for n in range(7)]
    editor.weekday_checks[5].setChecked(True)
    _set_date(editor.date_field, date(2025, 6, 20))
    assert [b.isChecked() for b in editor.weekday_checks] == [n in (3, 5) for n in range(7)]


# --- keyboard and screen readers ----------------------------------------------------------

CONTROLS = (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QAbstractSpinBox,
    QPlainTextEdit,
    QAbstractItemView,
)


def assert_keyboard_ready(root: QWidget) -> int:
    """Every control under ``root`` has an accessible name and takes the focus by Tab."""
    checked = 0
    for child in root.findChildren(QWidget):
        if not isinstance(child, CONTROLS):
            continue
        widget = child
        if isinstance(child, QLineEdit) and isinstance(
            child.parent(), (QComboBox, QAbstractSpinBox)
        ):
            widget = child.parent()  # the combo or spin box speaks for its inner line edit
        if widget.window() is not root.window():
            continue  # a pop-up list or calendar, reached through the field that owns it
        if isinstance(widget, QHeaderView) or widget.objectName().startswith("qt_"):
            continue  # a list's column titles and corner: Qt's own parts of the list
        name = widget.accessibleName()
        assert name, f"{type(widget).__name__} {widget.objectName()!r} has no accessible name"
        reachable = widget
        if isinstance(widget, QRadioButton) and widget.group() is not None:
            # Qt gives Tab to the checked button of a group; arrows move within it.
            reachable = widget.group().checkedButton() or widget
        policy = reachable.focusPolicy()
        assert policy & Qt.FocusPolicy.TabFocus, f"{name} can't be reached with Tab"
        checked += 1
    return checked


def test_every_control_of_the_editor_has_a_name_and_takes_the_focus(
    qtbot: Any, env: Env, clock: Callable[[], datetime]
) -> None:
    panel = _panel(qtbot, env, clock, "Mum")
    editor = _new_editor(qtbot, panel)
    assert assert_keyboard_ready(editor) > 30
    assert assert_keyboard_ready(panel.view) >= 5


def test_the_kind_and_the_weekdays_are_reached_with_the_keyboard(
    qtbot: Any, env: Env, clock: Callable[[], datetime]
) -> None:
    panel = _panel(qtbot, env, clock, "Mum")
    editor = _new_editor(qtbot, panel)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    fixed = editor.kind_buttons[PlanKind.FIXED]
    assert fixed.hasFocus()  # the form opens on the kind
    qtbot.keyClick(fixed, Qt.Key.Key_Down)
    assert editor.kind() is PlanKind.FLEXIBLE
    assert editor.pages.currentWidget() is editor.flexible_page
    qtbot.keyClick(editor.focusWidget(), Qt.Key.Key_Up)
    assert editor.kind() is PlanKind.FIXED
    # Tab from the kind walks through the date and the repeat to each day of the week.
    reached = []
    for _ in range(12):
        qtbot.keyClick(editor.focusWidget(), Qt.Key.Key_Tab)
        reached.append(editor.focusWidget())
    assert reached[0] is editor.date_field
    assert reached[1:3] == [editor.interval_field, editor.frequency_combo]
    assert reached[3:10] == editor.weekday_checks
    monday = editor.weekday_checks[0]
    assert not monday.isChecked()
    qtbot.keyClick(reached[3], Qt.Key.Key_Space)
    assert monday.isChecked()


def test_new_plan_for_a_group_targets_the_group() -> None:
    plan = new_plan("group", 7, TODAY, ZONE)
    assert (plan.person_id, plan.group_id) == (None, 7)
    assert plan.recurrence is not None
    assert plan.recurrence.weekdays == {TODAY.weekday()}


def test_plans_for_a_group(qtbot: Any, env: Env, clock: Callable[[], datetime]) -> None:
    group = next(g for g in env.store.groups.list_all() if g.name.startswith("Thursday"))
    panel = PlansPanelController(
        Services.of(env.store),
        clock,
        env.signals,
        env.stack,
        env.ctx,
        kind="group",
        target_id=group.id,
        user_zone=ZONE,
    )
    qtbot.addWidget(panel.view)
    assert panel.view.heading.text() == "Plans with Thursday peer support circle"
    assert panel.model.rowCount() == 1
    editor = _new_editor(qtbot, panel)
    editor.kind_buttons[PlanKind.ONE_OFF].setChecked(True)
    _set_date(editor.date_field, date(2025, 6, 26))
    editor.title_field.setText("Bring biscuits")
    _save(qtbot, editor)
    plans = env.store.plans.for_group(group.id)
    [added] = [p for p in plans if p.title == "Bring biscuits"]
    assert (added.group_id, added.person_id) == (group.id, None)
    assert panel.model.rowCount() == 2


def test_someone_deleted_elsewhere_is_said_plainly_and_comes_back_with_undo(
    qtbot: Any, env: Env, clock: Callable[[], datetime]
) -> None:
    from supportnet.ui.undo.commands import DeleteCommand

    panel = _panel(qtbot, env, clock, "Mum")
    mum = _person(env.store, "Mum")
    env.stack.push(DeleteCommand.perform(env.ctx, "person", mum.id, mum.name))
    assert panel.gone
    assert panel.view.empty.text() == "Mum is no longer in your network."
    # No "add one when it feels right" under it: there is no one to add a plan for.
    assert panel.view.stack.more.isHidden()
    assert not panel.view.add_button.isEnabled()
    assert panel.add_plan() is None
    env.stack.undo()
    assert not panel.gone
    assert panel.model.rowCount() == 1
    assert panel.view.add_button.isEnabled()


def test_a_failed_save_keeps_the_form_open_with_everything_typed(
    qtbot: Any, env: Env, clock: Callable[[], datetime], monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, message, **_k: shown.append(message))
    panel = _panel(qtbot, env, clock, "Pri")
    editor = _new_editor(qtbot, panel)
    editor.title_field.setText("Voice note on Friday")
    env.store.people.delete(_person(env.store, "Pri").id)  # gone behind the form's back
    editor.check_now()
    editor.save_button.click()
    assert shown == ["That person is no longer in your network."]
    assert editor.isVisible()
    assert editor.title_field.text() == "Voice note on Friday"
    assert env.stack.count() == 0


def test_the_week_of_the_month_is_said_in_german(
    qtbot: Any, env: Env, clock: Callable[[], datetime]
) -> None:
    from supportnet import i18n
    from supportnet.model.plans import ORDINALS

    panel = _panel(qtbot, env, clock, "Dan")
    i18n.set_language("de")
    try:
        editor = _new_editor(qtbot, panel)
        said = [editor.nth_combo.itemText(i) for i in range(editor.nth_combo.count())]
        assert said == [i18n._(ORDINALS[n]) for n in (1, 2, 3, 4, 5, -1)]
        assert said[-1] != "last"
    finally:
        i18n.set_language(i18n.ENGLISH)
