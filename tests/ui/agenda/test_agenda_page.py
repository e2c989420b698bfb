"""The agenda page: four weeks of the example network's plans, day by day, in the user's zone."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoStack

from supportnet.model.checkins import CheckIn
from supportnet.model.network import Person
from supportnet.model.plans import PlanKind
from supportnet.services import Services
from supportnet.ui.agenda.page import (
    ANY_TIME,
    AROUND,
    EMPTY_AGENDA,
    HEADING_ROLE,
    NOTHING_SELECTED,
    AgendaModel,
    AgendaPageController,
    day_heading,
)
from supportnet.ui.shell.signals import AppSignals
from supportnet.ui.undo.commands import UndoContext
from tests.ui.conftest import NOW, TODAY, ZONE
from tests.ui.plans.test_plan_editor import assert_keyboard_ready

LONDON = ZoneInfo(ZONE)
NEW_YORK = ZoneInfo("America/New_York")


class Clock:
    """A clock the test can move on."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


class Env:
    def __init__(self, store: Any, clock: Callable[[], datetime]) -> None:
        self.store = store
        self.signals = AppSignals()
        self.stack = QUndoStack()
        self.ctx = UndoContext(Services.of(store), self.signals, lambda _m: None)
        self.clock = clock


def _agenda(qtbot: Any, env: Env) -> AgendaPageController:
    agenda = AgendaPageController(
        env.ctx.services, env.clock, env.signals, env.stack, env.ctx, user_zone=ZONE
    )
    qtbot.addWidget(agenda.view)
    agenda.view.resize(1000, 700)
    agenda.view.show()
    return agenda


@pytest.fixture
def env(demo_store: Any) -> Env:
    return Env(demo_store, Clock(NOW))


def _person(store: Any, nickname: str) -> Person:
    return next(p for p in store.people.list_all() if p.display_name == nickname)


def _headings(model: AgendaModel) -> list[str]:
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def _entries(model: AgendaModel) -> list[tuple[str, str, str, str]]:
    """(day heading, time, with, plan) for every entry, top to bottom."""
    out = []
    for day_row in range(model.rowCount()):
        parent = model.index(day_row, 0)
        heading = model.data(parent)
        for row in range(model.rowCount(parent)):
            cells = [model.data(model.index(row, col, parent)) for col in range(3)]
            out.append((heading, *cells))
    return out


def test_the_weekly_call_with_mum_is_on_every_sunday_at_six(qtbot: Any, env: Env) -> None:
    agenda = _agenda(qtbot, env)
    mum = _person(env.store, "Mum")
    calls = [i for i in agenda.items if i.target.id == mum.id and i.target.kind == "person"]
    sundays = [date(2025, 6, 15), date(2025, 6, 22), date(2025, 6, 29), date(2025, 7, 6)]
    assert [c.day for c in calls] == sundays
    assert all(c.start is not None and c.start.strftime("%H:%M") == "18:00" for c in calls)
    rows = [e for e in _entries(agenda.model) if e[2] == "Mum"]
    assert rows[0] == ("Today, Sunday 15 June", "18:00", "Mum", "Sunday call with Mum · Phone call")
    assert [r[0] for r in rows[1:]] == [day_heading(d, TODAY) for d in sundays[1:]]
    assert rows[1][0] == "Sunday 22 June"


def test_the_friend_abroad_is_shown_in_the_users_time(qtbot: Any, env: Env) -> None:
    agenda = _agenda(qtbot, env)
    jamie = _person(env.store, "Jamie Chen")
    [plan] = env.store.plans.for_person(jamie.id)
    assert plan.timezone == "America/New_York"
    assert plan.window_start is not None
    calls = [i for i in agenda.items if i.target.id == jamie.id]
    assert len(calls) == 2  # every other Saturday
    for call in calls:
        assert call.day.weekday() == 5
        there = datetime.combine(call.day, plan.window_start, tzinfo=NEW_YORK)
        assert call.start == there.astimezone(LONDON)
        assert call.start.utcoffset() == timedelta(hours=1)
    rows = [e for e in _entries(agenda.model) if e[2] == "Jamie Chen"]
    london_time = calls[0].start.strftime("%H:%M") if calls[0].start else ""
    ny_time = plan.window_start.strftime("%H:%M")
    assert london_time != ny_time
    assert rows[0][1] == london_time
    assert rows[0][3] == f"Video call with Jamie · Video call · {ny_time} New York time"


def test_days_are_grouped_and_flexible_plans_are_shown_softly(qtbot: Any, env: Env) -> None:
    agenda = _agenda(qtbot, env)
    model = agenda.model
    headings = _headings(model)
    assert headings[0] == "Today, Sunday 15 June"
    assert all(model.data(model.index(r, 0), HEADING_ROLE) for r in range(model.rowCount()))
    days = model.days
    assert days == sorted(set(days))
    assert days[0] == TODAY
    assert days[-1] <= TODAY + timedelta(days=27)
    if TODAY + timedelta(days=1) in days:
        assert headings[days.index(TODAY + timedelta(days=1))] == "Tomorrow, Monday 16 June"
    flexible = agenda.flexible_shown()
    assert flexible, "the example network has flexible plans"
    assert all(item.plan.kind is PlanKind.FLEXIBLE for item in flexible)
    soft = [e for e in _entries(model) if e[1] == AROUND]
    assert len(soft) == len(flexible)
    # Softer type as well as the words: italic, and never coloured as a warning.
    day_row = days.index(flexible[0].day)
    parent = model.index(day_row, 0)
    for row in range(model.rowCount(parent)):
        item = model.item_at(model.index(row, 0, parent))
        if item is not None and item.flexible:
            assert model.data(model.index(row, 0, parent), Qt.ItemDataRole.FontRole).italic()
            break
    # The birthday card is for any time of that day.
    assert any(e[1] == ANY_TIME and "Birthday card" in e[3] for e in _entries(model))
    # Nobody is shown with words of blame.
    text = " ".join(" ".join(e) for e in _entries(model)).lower()
    assert "overdue" not in text
    assert "missed" not in text


def test_it_refreshes_when_plans_and_check_ins_change(qtbot: Any, env: Env) -> None:
    agenda = _agenda(qtbot, env)
    store = env.store
    mum = _person(store, "Mum")
    [plan] = store.plans.for_person(mum.id)
    plan.paused = True
    store.plans.update(plan)
    env.signals.plans_changed.emit()
    env.signals.people_changed.emit()
    assert agenda.refresh_timer.isActive()  # worked out once, after both signals
    qtbot.waitUntil(lambda: not agenda.refresh_timer.isActive())
    assert not [i for i in agenda.items if i.target.id == mum.id and i.target.kind == "person"]

    # A check-in with Pri moves her rhythm on: next about a week from now.
    pri = _person(store, "Pri")
    [flexible] = [p for p in store.plans.for_person(pri.id) if p.kind is PlanKind.FLEXIBLE]
    assert flexible.cadence is not None
    store.checkins.add(CheckIn(at=NOW - timedelta(minutes=5), person_id=pri.id))
    env.signals.checkins_changed.emit()
    qtbot.waitUntil(lambda: not agenda.refresh_timer.isActive())
    [item] = [i for i in agenda.items if i.plan.id == flexible.id]
    assert item.day == TODAY + timedelta(days=flexible.cadence.ideal_days)


def test_a_new_day_moves_today_on(qtbot: Any, env: Env) -> None:
    clock = env.clock
    assert isinstance(clock, Clock)
    agenda = _agenda(qtbot, env)
    # 13:00 in London: the page looks again a minute after midnight, 11 hours on.
    assert agenda.midnight_timer.isActive()
    assert agenda.midnight_timer.interval() == (11 * 3600 + 60) * 1000
    clock.now = datetime(2025, 6, 15, 23, 1, tzinfo=UTC)  # 00:01 on Monday in London
    agenda.midnight_timer.timeout.emit()
    assert _headings(agenda.model)[0].startswith("Today, Monday 16 June")
    assert agenda.today == date(2025, 6, 16)
    # The window's own timer can ask too (after a laptop sleeps through midnight).
    clock.now = datetime(2025, 6, 17, 8, 0, tzinfo=UTC)
    agenda.tick()
    assert agenda.today == date(2025, 6, 17)
    assert _headings(agenda.model)[0].startswith("Today, Tuesday 17 June")


def test_choosing_an_entry_asks_for_their_plans_and_history(qtbot: Any, env: Env) -> None:
    agenda = _agenda(qtbot, env)
    model = agenda.model
    parent = model.index(0, 0)
    first = model.index(0, 0, parent)
    item = model.item_at(first)
    assert item is not None
    button = agenda.view.open_button
    assert not button.isEnabled()
    # Why it waits is said on the button itself, not in the line under the list.
    assert button.toolTip() == NOTHING_SELECTED
    assert button.accessibleDescription() == NOTHING_SELECTED
    assert agenda.view.selection_label.text() == ""
    agenda.view.tree.setCurrentIndex(first)
    assert button.isEnabled()
    assert button.accessibleDescription() == ""
    assert "Enter" in button.toolTip()
    assert agenda.view.selection_label.text() == f"Selected: {item.target.name}"
    with qtbot.waitSignal(agenda.open_requested) as signal:
        agenda.view.open_button.click()
    assert signal.args == [item.target.kind, item.target.id]
    with qtbot.waitSignal(agenda.open_requested) as signal:
        agenda.view.tree.activated.emit(first)
    assert signal.args == [item.target.kind, item.target.id]
    # A day heading is not an entry.
    assert model.item_at(parent) is None
    assert model.item_at(QModelIndex()) is None
    assert assert_keyboard_ready(agenda.view) >= 2


def test_an_empty_network_has_a_calm_agenda(qtbot: Any, store: Any) -> None:
    env = Env(store, Clock(NOW))
    agenda = _agenda(qtbot, env)
    assert agenda.items == []
    assert agenda.view.stack.currentWidget() is not agenda.view.tree
    assert agenda.view.empty.text() == EMPTY_AGENDA
    assert not agenda.view.open_button.isEnabled()


def test_day_headings() -> None:
    assert day_heading(date(2025, 6, 15), TODAY) == "Today, Sunday 15 June"
    assert day_heading(date(2025, 6, 16), TODAY) == "Tomorrow, Monday 16 June"
    assert day_heading(date(2025, 7, 3), TODAY) == "Thursday 3 July"
    assert day_heading(date(2026, 1, 2), TODAY) == "Friday 2 January 2026"
    assert NOW.tzinfo is UTC
