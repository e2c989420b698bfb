"""Undoable changes to plans and to the check-in log: add, edit, pause, delete.

Built like :mod:`supportnet.ui.undo.commands`: ``perform`` does the change at once (so a failure
reaches the form that asked, which stays open) and returns a command for the
``QUndoStack``, whose first ``redo()`` then does nothing. Each later undo and redo calls one
service method (one transaction: a plan's delete and its undo included, links and
postponements with it) and emits ``plans_changed`` / ``checkins_changed``. A failure
changes nothing and goes to ``UndoContext.report_error``; as in commands.py, the command
stays on the stack when the surroundings failed (disk full, database busy) and is dropped
otherwise.

The services find a plan or check-in again by ``uid``, not by id: undoing a delete adds
the row back with the same uid (calendars that imported the plan still know it) but the
store may give it a new id, and older commands on the stack must still find it.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from supportnet.i18n import _
from supportnet.model.checkins import CheckIn
from supportnet.model.plans import Plan
from supportnet.ui.undo.commands import StoreCommand, UndoContext

if TYPE_CHECKING:
    from supportnet.services.plans import PlanBundle

__all__ = [
    "AddPlanCommand",
    "DeleteCheckInCommand",
    "DeletePlanCommand",
    "EditCheckInCommand",
    "EditPlanCommand",
    "pause_plan",
]


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


class AddPlanCommand(_Command):
    """Adding a plan; undo takes it out again, redo puts it back with the same uid.

    Undo keeps what went with it (check-ins linked to it since, its postponements), so
    redo brings those back too; each step is one transaction.
    """

    def __init__(self, ctx: UndoContext, saved: Plan, name: str) -> None:
        super().__init__(ctx, _("add {name}").format(name=name), checkins=True, plans=True)
        #: What the service returned when the plan was added.
        self.saved = saved
        self._bundle: PlanBundle | None = None

    @classmethod
    def perform(cls, ctx: UndoContext, plan: Plan, name: str) -> AddPlanCommand:
        saved = ctx.services.plans.add(plan)
        command = cls(ctx, saved, name)
        command.notify()
        return command

    def _forward(self) -> None:
        assert self._bundle is not None
        self.saved = self._ctx.services.plans.restore(self._bundle)

    def _backward(self) -> None:
        self._bundle = self._ctx.services.plans.remove(self.saved)


class EditPlanCommand(_Command):
    """Changing a plan (pausing and resuming too); undo puts the old values back.

    The repository bumps the plan's SEQUENCE whenever its timing changes, undo included,
    so a calendar that imports it again sees the newest version.
    """

    def __init__(self, ctx: UndoContext, before: Plan, after: Plan, text: str) -> None:
        super().__init__(ctx, text, checkins=False, plans=True)
        self._before = copy.deepcopy(before)
        self._after = copy.deepcopy(after)
        #: What the service returned after the change.
        self.saved: Plan | None = None

    @classmethod
    def perform(
        cls, ctx: UndoContext, before: Plan, after: Plan, name: str, *, text: str = ""
    ) -> EditPlanCommand:
        command = cls(ctx, before, after, text or _("edit {name}").format(name=name))
        command._forward()
        command.notify()
        return command

    def _forward(self) -> None:
        self.saved = self._ctx.services.plans.update(self._after)

    def _backward(self) -> None:
        self._ctx.services.plans.update(self._before)


def pause_plan(ctx: UndoContext, plan: Plan, name: str, paused: bool) -> EditPlanCommand:
    """Pause or resume a plan, undoably ("pause Sunday call with Mum")."""
    after = copy.deepcopy(plan)
    after.paused = paused
    text = _("pause {name}") if paused else _("resume {name}")
    return EditPlanCommand.perform(ctx, plan, after, name, text=text.format(name=name))


class DeletePlanCommand(_Command):
    """Deleting a plan; undo brings it back with its uid, its check-in links and postponements.

    Deleting a plan keeps its check-ins (they happened) but unlinks them, and drops its
    postponements; undo links them again and postpones it again. The service does each
    of these in one transaction, so a failure changes nothing and the stack stays true.
    """

    def __init__(self, ctx: UndoContext, plan: Plan, name: str) -> None:
        super().__init__(ctx, _("delete {name}").format(name=name), checkins=True, plans=True)
        self._plan = copy.deepcopy(plan)
        self._bundle: PlanBundle | None = None

    @classmethod
    def perform(cls, ctx: UndoContext, plan: Plan, name: str) -> DeletePlanCommand:
        command = cls(ctx, plan, name)
        command._forward()
        command.notify()
        return command

    def _forward(self) -> None:
        self._bundle = self._ctx.services.plans.remove(self._plan)
        self._plan = copy.deepcopy(self._bundle.plan)

    def _backward(self) -> None:
        assert self._bundle is not None
        self._plan = self._ctx.services.plans.restore(self._bundle)


# --- check-ins ------------------------------------------------------------------------------


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
        command = cls(ctx, before, after, _("edit {name}").format(name=name))
        command._forward()
        command.notify()
        return command

    def _forward(self) -> None:
        self.saved = self._ctx.services.checkins.update(self._after)

    def _backward(self) -> None:
        self._ctx.services.checkins.update(self._before)


class DeleteCheckInCommand(_Command):
    """Deleting a logged check-in; undo adds it back with the same uid."""

    def __init__(self, ctx: UndoContext, checkin: CheckIn, text: str) -> None:
        super().__init__(ctx, text, checkins=True, plans=False)
        self._checkin = copy.deepcopy(checkin)

    @classmethod
    def perform(cls, ctx: UndoContext, checkin: CheckIn, name: str) -> DeleteCheckInCommand:
        command = cls(ctx, checkin, _("delete {name}").format(name=name))
        command._forward()
        command.notify()
        return command

    def _forward(self) -> None:
        self._checkin = self._ctx.services.checkins.delete(self._checkin)

    def _backward(self) -> None:
        self._checkin = self._ctx.services.checkins.add_back(self._checkin)
