"""Undoable changes to the plan for hard days: add, edit, remove, move, tick a line.

Built like :mod:`supportnet.ui.undo.commands`: ``perform`` saves the changed plan at once (so
a failure reaches the page that asked) and returns a command for the ``QUndoStack``, whose
first ``redo()`` then does nothing. Each step is one ``services.safety_plan.save()`` (one
transaction that replaces the whole plan and returns the plan as it was), so undo saves the
plan kept from the step before, and redo saves the changed one again. After each step
``safety_plan_changed`` is emitted and the page shows the plan again.
"""

from __future__ import annotations

from supportnet.model.safety_plan import SafetyPlan
from supportnet.ui.undo.commands import StoreCommand, UndoContext

__all__ = ["SafetyPlanCommand"]


class SafetyPlanCommand(StoreCommand):
    """One change to the plan (its ``text`` says which, e.g. "add a line to …")."""

    def __init__(self, ctx: UndoContext, text: str, after: SafetyPlan) -> None:
        super().__init__(ctx, text)
        #: The plan as this change leaves it.
        self.after = after
        #: The plan as it was before this change (what the service returned).
        self.before: SafetyPlan | None = None

    @classmethod
    def perform(cls, ctx: UndoContext, after: SafetyPlan, text: str) -> SafetyPlanCommand:
        """Save ``after`` now; raises the service's error (the stack is left alone)."""
        command = cls(ctx, text, after)
        command._forward()
        command._notify()
        return command

    def _forward(self) -> None:
        self.before = self._ctx.services.safety_plan.save(self.after)

    def _backward(self) -> None:
        assert self.before is not None
        self._ctx.services.safety_plan.save(self.before)

    def _notify(self) -> None:
        self._ctx.signals.safety_plan_changed.emit()
