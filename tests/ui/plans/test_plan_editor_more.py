"""The plan editor's "More options": the common fields in sight, the rest a key away, and
nothing that matters hidden (a value of its own or a message opens it)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton

from supportnet.model.plans import PlanKind
from supportnet.ui.plans.editor import PlanEditor
from supportnet.ui.plans.panel import NOTHING_SELECTED
from tests.ui.plans.test_plan_editor import (  # noqa: F401  (an autouse fixture)
    Env,
    _close_freely,
    _new_editor,
    _panel,
    _person,
)


@pytest.fixture
def env(demo_store: Any) -> Env:
    return Env(demo_store)


def _editor_of(qtbot: Any, panel: Any, plan_uid: str) -> PlanEditor:
    assert panel.select_uid(plan_uid)
    editor = panel.edit_selected()
    assert isinstance(editor, PlanEditor)
    qtbot.addWidget(editor)
    return editor


def _hidden(editor: PlanEditor) -> list[Any]:
    return [
        editor.title_field,
        editor.until_check,
        editor.skip_field,
        editor.duration_field,
        editor.zone_combo,
        editor.idea_field,
        editor.notes_field,
        editor.paused_check,
    ]


def test_a_new_plan_shows_the_common_fields_and_the_rest_opens_with_the_keyboard(
    qtbot: Any, env: Env, clock: Callable[[], datetime]
) -> None:
    panel = _panel(qtbot, env, clock, "Pri")
    editor = _new_editor(qtbot, panel)
    QApplication.processEvents()
    button = editor.more.button
    assert isinstance(button, QToolButton)
    assert button.isCheckable()
    assert not button.isChecked()
    assert button.accessibleName() == "More options"
    assert button.text() == "&More options"
    assert button.arrowType() is Qt.ArrowType.RightArrow
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    for common in (
        editor.kind_buttons[PlanKind.FIXED],
        editor.date_field,
        editor.interval_field,
        editor.channel_combo,
        editor.all_day_check,
    ):
        assert common.isVisible(), common.accessibleName()
    for field in _hidden(editor):
        assert not field.isVisible(), field.accessibleName()
    closed_height = editor.height()

    # Tab reaches the button after the time of day; Space opens the rest, in Tab's order.
    walk = editor.all_day_check
    walk.setFocus()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    qtbot.keyClick(walk, Qt.Key.Key_Tab)
    assert editor.focusWidget() is button
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert button.isChecked()
    assert button.arrowType() is Qt.ArrowType.DownArrow
    assert button.accessibleDescription() == "Shown"
    for field in _hidden(editor):
        assert field.isVisible(), field.accessibleName()
    assert editor.height() > closed_height
    qtbot.keyClick(button, Qt.Key.Key_Tab)
    assert editor.focusWidget() is editor.title_field

    # Closed again, the dialog gives the room back; a new editor starts closed again.
    button.setChecked(False)
    assert not editor.title_field.isVisible()
    assert editor.height() == closed_height
    editor.reject()
    again = _new_editor(qtbot, panel)
    assert not again.more.is_open()


def test_a_schedules_end_date_and_days_left_out_follow_the_kind(
    qtbot: Any, env: Env, clock: Callable[[], datetime]
) -> None:
    panel = _panel(qtbot, env, clock, "Pri")
    editor = _new_editor(qtbot, panel)
    editor.more.open()
    assert editor.until_check.isVisible()
    editor.kind_buttons[PlanKind.FLEXIBLE].setChecked(True)
    assert not editor.until_check.isVisible()
    assert not editor.skip_field.isVisible()
    assert editor.notes_field.isVisible()
    editor.kind_buttons[PlanKind.ONE_OFF].setChecked(True)
    assert not editor.until_check.isVisible()
    editor.kind_buttons[PlanKind.FIXED].setChecked(True)
    assert editor.until_check.isVisible()


def test_a_plan_with_something_of_its_own_behind_more_options_opens_it(
    qtbot: Any, env: Env, clock: Callable[[], datetime]
) -> None:
    mum = _person(env.store, "Mum")
    [plan] = env.store.plans.for_person(mum.id)
    panel = _panel(qtbot, env, clock, "Mum")
    # Nothing of its own there: closed.
    plan.title, plan.message_idea, plan.notes, plan.timezone = "", "", "", "Europe/London"
    plan.duration_minutes, plan.paused = 30, False
    if plan.recurrence is not None:
        plan.recurrence.until, plan.recurrence.skips = None, set()
    env.store.plans.update(plan)
    panel.refresh()
    editor = _editor_of(qtbot, panel, plan.uid)
    assert not editor.more.is_open()
    editor.reject()
    # A note is something to see: open.
    plan.notes = "She likes a call after church."
    env.store.plans.update(plan)
    panel.refresh()
    editor = _editor_of(qtbot, panel, plan.uid)
    assert editor.more.is_open()
    assert editor.notes_field.isVisible()


def test_a_message_for_a_hidden_field_opens_more_options(
    qtbot: Any, env: Env, clock: Callable[[], datetime]
) -> None:
    panel = _panel(qtbot, env, clock, "Pri")
    editor = _new_editor(qtbot, panel)
    assert not editor.more.is_open()
    editor.zone_combo.setEditText("Mars/Olympus")
    editor.check_now()
    assert editor.more.is_open()
    assert editor.messages["timezone"].isVisible()


def test_the_time_zone_line_stays_in_sight_for_a_plan_in_another_zone(
    qtbot: Any, env: Env, clock: Callable[[], datetime]
) -> None:
    jamie = _person(env.store, "Jamie Chen")
    [plan] = env.store.plans.for_person(jamie.id)
    assert plan.timezone == "America/New_York"
    panel = _panel(qtbot, env, clock, "Jamie Chen")
    editor = _editor_of(qtbot, panel, plan.uid)
    editor.more.button.setChecked(False)
    assert not editor.zone_combo.isVisible()
    assert editor.zone_hint.isVisible()
    assert editor.zone_hint.text().startswith("Times are in New York time")
    # In the user's own zone there is no news to tell: the line goes, the tip stays.
    editor.more.open()
    editor.zone_combo.setEditText(plan.timezone.replace("America/New_York", "Europe/London"))
    assert not editor.zone_hint.isVisible()
    assert editor.zone_combo.toolTip().startswith("Someone abroad?")


def test_the_plans_buttons_say_themselves_why_they_wait_for_a_choice(
    qtbot: Any, env: Env, clock: Callable[[], datetime]
) -> None:
    panel = _panel(qtbot, env, clock, "Mum")
    view = panel.view
    view.table.clearSelection()
    view.table.setCurrentIndex(view.table.model().index(-1, -1))
    QApplication.processEvents()
    assert panel.selected() is None
    for button in (view.edit_button, view.pause_button, view.delete_button):
        assert not button.isEnabled()
        assert button.toolTip() == NOTHING_SELECTED
        assert button.accessibleDescription() == NOTHING_SELECTED
    # No line under the list says it instead.
    assert view.selection_label.text() == ""
    mum = _person(env.store, "Mum")
    [plan] = env.store.plans.for_person(mum.id)
    assert panel.select_uid(plan.uid)
    assert view.edit_button.isEnabled()
    assert view.edit_button.text() == "&Edit…"
    assert view.edit_button.toolTip() == "Edit the selected plan (Enter)"
    assert view.edit_button.accessibleDescription() == ""
    assert view.selection_label.text().startswith("Selected: ")
