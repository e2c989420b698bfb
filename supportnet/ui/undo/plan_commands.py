"""Undoable changes to plans and to the check-in log: add, edit, pause, delete.

Built like :mod:`supportnet.ui.undo.commands`: ``perform`` does the change at once (so a failure
reaches the form that asked, which stays open) and returns a command for the
``QUndoStack``, whose first ``redo()`` then does nothing. Later undos and redos call the
repositories, one transaction each (a plan's delete and its undo included, links and
postponements with it), and emit ``plans_changed`` / ``checkins_changed``; a failure
changes nothing, goes to ``UndoContext.report_error`` and the command is dropped.

Commands find their plan or check-in again by ``uid``, not by id: undoing a delete adds
the row back with the same uid (calendars that imported the plan still know it) but the
store may give it a new id, and older commands on the stack must still find it.
"""

from __future__ import annotations

import copy
from typing import Any

from supportnet.model.checkins import CheckIn
from supportnet.model.errors import NotFoundError
from supportnet.model.plans import Plan
from supportnet.ui.undo.commands import StoreCommand, UndoContext

__all__ = [
    "AddPlanCommand",
    "DeleteCheckInCommand",
    "DeletePlanCommand",
    "EditCheckInCommand",
    "EditPlanCommand",
    "find_checkin",
    "find_plan",
    "pause_plan",
]

_PLAN_GONE = "That plan no longer exists."
_CHECKIN_GONE = "That check-in no longer exists."


def find_plan(store: Any, plan: Plan) -> Plan | None:
    """The stored plan with ``plan``'s uid (its id may have changed after an undo)."""
    plans = (
        store.plans.for_person(plan.person_id)
        if plan.person_id is not None
        else store.plans.for_group(plan.group_id)
    )
    return next((p for p in plans if p.uid == plan.uid), None)


def find_checkin(store: Any, checkin: CheckIn) -> CheckIn | None:
    """The stored check-in with ``checkin``'s uid."""
    found = (
        store.checkins.for_person(checkin.person_id)
        if checkin.person_id is not None
        else store.checkins.for_group(checkin.group_id)
    )
    return next((c for c in found if c.uid == checkin.uid), None)


class _Command(StoreCommand):
    """A command on plans or check-ins; says which changed."""

    def __init__(self, ctx: UndoContext, text: str, *, checkins: bool, plans: bool) -> None:
        super().__init__(ctx, text)
        self._touches_checkins = checkins
        self._touches_plans = plans

    def notify(self) -> None:
        if self._touches_plans:
            self._ctx.signals.plans_changed.emit()
        if self._touches_checkins:
            self._ctx.signals.checkins_changed.emit()

    def _notify(self) -> None:
        self.notify()


# --- plans ----------------------------------------------------------------------------------


def _stored_plan(ctx: UndoContext, plan: Plan) -> Plan:
    found = find_plan(ctx.store, plan)
    if found is None:
        raise NotFoundError(_PLAN_GONE)
    return found


class AddPlanCommand(_Command):
    """Adding a plan; undo takes it out again, redo puts it back with the same uid.

    Undo keeps what went with it (check-ins linked to it since, its postponements), so
    redo brings those back too; each step is one transaction.
    """

    def __init__(self, ctx: UndoContext, saved: Plan, name: str) -> None:
        super().__init__(ctx, f"add {name}", checkins=True, plans=True)
        #: What the repository returned when the plan was added.
        self.saved = saved
        self._bundle: Any = None

    @classmethod
    def perform(cls, ctx: UndoContext, plan: Plan, name: str) -> AddPlanCommand:
        saved = ctx.store.plans.add(copy.deepcopy(plan))
        command = cls(ctx, saved, name)
        command.notify()
        return command

    def _forward(self) -> None:
        self.saved = self._ctx.store.plans.restore(self._bundle)

    def _backward(self) -> None:
        self._bundle = self._ctx.store.plans.remove(_stored_plan(self._ctx, self.saved).id)


class EditPlanCommand(_Command):
    """Changing a plan (pausing and resuming too); undo puts the old values back.

    The repository bumps the plan's SEQUENCE whenever its timing changes, undo included,
    so a calendar that imports it again sees the newest version.
    """

    def __init__(self, ctx: UndoContext, before: Plan, after: Plan, text: str) -> None:
        super().__init__(ctx, text, checkins=False, plans=True)
        self._before = copy.deepcopy(before)
        self._after = copy.deepcopy(after)
        #: What the repository returned after the change.
        self.saved: Plan | None = None

    @classmethod
    def perform(
        cls, ctx: UndoContext, before: Plan, after: Plan, name: str, *, text: str = ""
    ) -> EditPlanCommand:
        command = cls(ctx, before, after, text or f"edit {name}")
        command._forward()
        command.notify()
        return command

    def _put(self, values: Plan) -> Plan:
        plan = copy.deepcopy(values)
        plan.id = _stored_plan(self._ctx, values).id
        saved: Plan = self._ctx.store.plans.update(plan)
        return saved

    def _forward(self) -> None:
        self.saved = self._put(self._after)

    def _backward(self) -> None:
        self._put(self._before)


def pause_plan(ctx: UndoContext, plan: Plan, name: str, paused: bool) -> EditPlanCommand:
    """Pause or resume a plan, undoably ("pause Sunday call with Mum")."""
    after = copy.deepcopy(plan)
    after.paused = paused
    verb = "pause" if paused else "resume"
    return EditPlanCommand.perform(ctx, plan, after, name, text=f"{verb} {name}")


class DeletePlanCommand(_Command):
    """Deleting a plan; undo brings it back with its uid, its check-in links and postponements.

    Deleting a plan keeps its check-ins (they happened) but unlinks them, and drops its
    postponements; undo links them again and postpones it again. The repository does each
    of these in one transaction, so a failure changes nothing and the stack stays true.
    """

    def __init__(self, ctx: UndoContext, plan: Plan, name: str) -> None:
        super().__init__(ctx, f"delete {name}", checkins=True, plans=True)
        self._plan = copy.deepcopy(plan)
        self._bundle: Any = None

    @classmethod
    def perform(cls, ctx: UndoContext, plan: Plan, name: str) -> DeletePlanCommand:
        command = cls(ctx, plan, name)
        command._forward()
        command.notify()
        return command

    def _forward(self) -> None:
        stored = _stored_plan(self._ctx, self._plan)
        self._bundle = self._ctx.store.plans.remove(stored.id)
        self._plan = copy.deepcopy(self._bundle.plan)

    def _backward(self) -> None:
        self._plan = self._ctx.store.plans.restore(self._bundle)


# --- check-ins ------------------------------------------------------------------------------


def _stored_checkin(ctx: UndoContext, checkin: CheckIn) -> CheckIn:
    found = find_checkin(ctx.store, checkin)
    if found is None:
        raise NotFoundError(_CHECKIN_GONE)
    return found


def _with_live_plan(ctx: UndoContext, checkin: CheckIn) -> CheckIn:
    """``checkin``, unlinked from its plan if that plan has gone since."""
    if checkin.plan_id is not None:
        try:
            ctx.store.plans.get(checkin.plan_id)
        except NotFoundError:
            checkin.plan_id = None
    return checkin


class EditCheckInCommand(_Command):
    """Changing a logged check-in; undo puts the old values back."""

    def __init__(self, ctx: UndoContext, before: CheckIn, after: CheckIn, text: str) -> None:
        super().__init__(ctx, text, checkins=True, plans=False)
        self._before = copy.deepcopy(before)
        self._after = copy.deepcopy(after)
        self.saved: CheckIn | None = None

    @classmethod
    def perform(
        cls, ctx: UndoContext, before: CheckIn, after: CheckIn, name: str
    ) -> EditCheckInCommand:
        command = cls(ctx, before, after, f"edit {name}")
        command._forward()
        command.notify()
        return command

    def _put(self, values: CheckIn) -> CheckIn:
        checkin = _with_live_plan(self._ctx, copy.deepcopy(values))
        checkin.id = _stored_checkin(self._ctx, values).id
        saved: CheckIn = self._ctx.store.checkins.update(checkin)
        return saved

    def _forward(self) -> None:
        self.saved = self._put(self._after)

    def _backward(self) -> None:
        self._put(self._before)


class DeleteCheckInCommand(_Command):
    """Deleting a logged check-in; undo adds it back with the same uid."""

    def __init__(self, ctx: UndoContext, checkin: CheckIn, text: str) -> None:
        super().__init__(ctx, text, checkins=True, plans=False)
        self._checkin = copy.deepcopy(checkin)

    @classmethod
    def perform(cls, ctx: UndoContext, checkin: CheckIn, name: str) -> DeleteCheckInCommand:
        command = cls(ctx, checkin, f"delete {name}")
        command._forward()
        command.notify()
        return command

    def _forward(self) -> None:
        stored = _stored_checkin(self._ctx, self._checkin)
        self._checkin = copy.deepcopy(stored)
        self._ctx.store.checkins.delete(stored.id)

    def _backward(self) -> None:
        again = _with_live_plan(self._ctx, copy.deepcopy(self._checkin))
        again.id = None
        self._checkin = self._ctx.store.checkins.add(again)
