"""Plan and check-in commands on a real store: each step one service call, uids kept."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from PySide6.QtGui import QUndoStack

from supportnet.model.checkins import CheckIn
from supportnet.model.network import Person
from supportnet.model.plans import Cadence, Plan, PlanKind
from supportnet.services import Services
from supportnet.ui.shell.signals import AppSignals
from supportnet.ui.undo.commands import UndoContext
from supportnet.ui.undo.plan_commands import (
    DeleteCheckInCommand,
    DeletePlanCommand,
    EditCheckInCommand,
    EditPlanCommand,
)

AT = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


class Env:
    def __init__(self, store: Any) -> None:
        self.store = store
        self.services = Services.of(store)
        self.signals = AppSignals()
        self.errors: list[str] = []
        self.stack = QUndoStack()
        self.ctx = UndoContext(self.services, self.signals, self.errors.append)
        self.changed: list[str] = []
        self.signals.plans_changed.connect(lambda: self.changed.append("plans"))
        self.signals.checkins_changed.connect(lambda: self.changed.append("checkins"))
        self.sam = store.people.add(Person("Sam Rivera"))
        self.plan = store.plans.add(
            Plan(
                kind=PlanKind.FLEXIBLE,
                start_date=date(2026, 11, 1),
                person_id=self.sam.id,
                cadence=Cadence(7, 21),
                title="Walk",
            )
        )


@pytest.fixture
def env(store: Any) -> Env:
    return Env(store)


def test_an_older_plan_edit_is_undone_after_a_delete_undo_gave_the_plan_a_new_id(
    qtbot: Any, env: Env
) -> None:
    after = Plan(**{**_fields(env.plan), "title": "Long walk"})
    env.stack.push(EditPlanCommand.perform(env.ctx, env.plan, after, "Walk"))
    env.stack.push(DeletePlanCommand.perform(env.ctx, after, "Long walk"))
    # Added meanwhile, it takes the deleted plan's id; the undo brings the plan back elsewhere.
    blocker = env.store.plans.add(
        Plan(kind=PlanKind.ONE_OFF, start_date=date(2026, 12, 1), person_id=env.sam.id)
    )
    assert blocker.id == env.plan.id
    env.stack.undo()  # the delete
    env.stack.undo()  # the edit, found again by uid
    (back,) = [p for p in env.store.plans.for_person(env.sam.id) if p.uid == env.plan.uid]
    assert back.id != env.plan.id
    assert back.title == "Walk"
    assert env.errors == []
    assert env.store.plans.get(blocker.id).title == ""


def test_a_check_in_edit_undone_after_its_plan_went_comes_back_unlinked(
    qtbot: Any, env: Env
) -> None:
    before = env.store.checkins.add(CheckIn(at=AT, person_id=env.sam.id, plan_id=env.plan.id))
    after = CheckIn(**{**_fields(before), "note": "Tea"})
    env.stack.push(EditCheckInCommand.perform(env.ctx, before, after, "the check-in"))
    env.store.plans.delete(env.plan.id)
    env.changed.clear()
    env.stack.undo()
    (found,) = env.store.checkins.for_person(env.sam.id)
    assert (found.uid, found.note, found.plan_id) == (before.uid, "", None)
    assert env.changed == ["checkins"]
    assert env.errors == []


def test_a_deleted_check_in_comes_back_with_its_uid_and_goes_again_on_redo(
    qtbot: Any, env: Env
) -> None:
    logged = env.store.checkins.add(CheckIn(at=AT, person_id=env.sam.id, note="Tea"))
    env.stack.push(DeleteCheckInCommand.perform(env.ctx, logged, "the check-in"))
    assert env.store.checkins.for_person(env.sam.id) == []
    env.stack.undo()
    (back,) = env.store.checkins.for_person(env.sam.id)
    assert (back.uid, back.note) == (logged.uid, "Tea")
    env.stack.redo()
    assert env.store.checkins.for_person(env.sam.id) == []
    assert env.errors == []


def test_an_undo_of_a_check_in_deleted_elsewhere_says_so_and_drops_the_command(
    qtbot: Any, env: Env
) -> None:
    before = env.store.checkins.add(CheckIn(at=AT, person_id=env.sam.id))
    after = CheckIn(**{**_fields(before), "note": "Tea"})
    env.stack.push(EditCheckInCommand.perform(env.ctx, before, after, "the check-in"))
    env.store.checkins.delete(before.id)
    env.stack.undo()
    assert env.errors == ["That check-in no longer exists."]
    assert env.stack.count() == 0


def _fields(item: Any) -> dict[str, Any]:
    return {name: getattr(item, name) for name in type(item).__dataclass_fields__}
