"""Undoable changes: people and groups (add, edit, delete, move), check-ins and postponements.

Each command is made by its ``perform`` class method, which does the change straight away
(so a failure reaches whoever asked, with the form still open) and returns a command to push
onto a ``QUndoStack``; the stack's first ``redo()`` then does nothing. Each step calls one
:mod:`supportnet.services` method (one transaction) and keeps what it returned; then the
app-wide change signals are emitted. If one fails, the message
goes to ``UndoContext.report_error``. When the surroundings failed (the disk is full, the
database busy) nothing changed and it may work later, so the command stays and the stack
moves back to where the database is; for other failures (someone deleted that person in the
meantime) the command is dropped from the stack.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoCommand, QUndoStack

from supportnet.i18n import N_, _
from supportnet.model.errors import (
    DiskFullError,
    StoreBusyError,
    StoreIOError,
    StoreReadOnlyError,
    SupportNetError,
)
from supportnet.model.network import Circle, Group, LifeDomain, Person
from supportnet.model.targets import GROUP, PERSON
from supportnet.services import Services
from supportnet.ui.shell.signals import AppSignals

if TYPE_CHECKING:
    from supportnet.model.checkins import CheckIn
    from supportnet.scheduling import Postponement
    from supportnet.services.checkins import LoggedCheckIn
    from supportnet.services.network import Moved, Place, Removed

#: Kinds of change that are not people or groups; see :meth:`UndoContext.changed`.
CHECKIN = "checkin"
PLAN = "plan"

#: Failures of the surroundings: the step changed nothing and can be tried again later.
RETRYABLE = (DiskFullError, StoreBusyError, StoreReadOnlyError, StoreIOError)


@dataclass(slots=True)
class UndoContext:
    """What commands need: the services, the signals, a place to say "that failed"."""

    services: Services
    signals: AppSignals
    report_error: Callable[[str], None]
    #: The stack the commands are on, to step it back after a failure that changed nothing.
    stack: QUndoStack | None = None
    #: How many undo or redo steps have failed, so a caller can tell whether the one it
    #: asked for did (the stack's index moves back only later).
    failures: int = 0
    #: Whether the command of the last failed step is still on the stack, to try again.
    failed_command_kept: bool = False

    def note_failure(self, message: str, *, kept: bool) -> None:
        """A step failed: count it, then tell the person."""
        self.failures += 1
        self.failed_command_kept = kept
        self.report_error(message)

    def step_back(self, *, to_done: bool) -> bool:
        """Once the stack's current undo or redo has returned, move it back a step.

        ``to_done``: the failed step was an undo, so the change is still made. False when
        there is no stack to move.
        """
        stack = self.stack
        if stack is None:
            return False
        # Not now: QUndoStack sets its index only after the command's undo/redo returns.
        QTimer.singleShot(0, stack, stack.redo if to_done else stack.undo)
        return True

    def changed(self, kind: str, *, with_history: bool = False) -> None:
        if kind == CHECKIN:
            # A contact moves plans on too (a flexible plan counts from the last contact).
            self.signals.checkins_changed.emit()
            self.signals.plans_changed.emit()
            return
        if kind == PLAN:
            self.signals.plans_changed.emit()
            return
        if kind == PERSON:
            self.signals.people_changed.emit()
        else:
            self.signals.groups_changed.emit()
        if with_history:
            self.signals.plans_changed.emit()
            self.signals.checkins_changed.emit()


#: What a move is called in Edit ▸ Undo, and the status line after it, by circle (and
#: whether the part of life changed too): whole sentences, as German word order needs.
_MOVE_TO_CIRCLE = {
    Circle.INNER: (N_("move {name} to the inner circle"), N_("Moved {name} to the inner circle")),
    Circle.MIDDLE: (
        N_("move {name} to the middle circle"),
        N_("Moved {name} to the middle circle"),
    ),
    Circle.OUTER: (N_("move {name} to the outer circle"), N_("Moved {name} to the outer circle")),
}
_MOVE_TO_CIRCLE_IN = {
    Circle.INNER: (
        N_("move {name} to the inner circle, in {domain}"),
        N_("Moved {name} to the inner circle, in {domain}"),
    ),
    Circle.MIDDLE: (
        N_("move {name} to the middle circle, in {domain}"),
        N_("Moved {name} to the middle circle, in {domain}"),
    ),
    Circle.OUTER: (
        N_("move {name} to the outer circle, in {domain}"),
        N_("Moved {name} to the outer circle, in {domain}"),
    ),
}
# Translators: {domain} is a part of life, e.g. "Family".
_MOVE_TO_DOMAIN = (N_("move {name} to {domain}"), N_("Moved {name} to {domain}"))


def move_texts(name: str, circle: Circle | None, domain: LifeDomain | None) -> tuple[str, str]:
    """What a move is called in Edit ▸ Undo ("move Sam to the inner circle, in Family") and
    the status line after it ("Moved Sam to Family"); ``circle``/``domain`` None: unchanged."""
    if circle is None:
        undo, done = _MOVE_TO_DOMAIN
    elif domain is None:
        undo, done = _MOVE_TO_CIRCLE[circle]
    else:
        undo, done = _MOVE_TO_CIRCLE_IN[circle]
    where = domain.label if domain is not None else ""
    return _(undo).format(name=name, domain=where), _(done).format(name=name, domain=where)


class StoreCommand(QUndoCommand):
    """One service call per step; after a failure it says so, and stays only if retryable.

    Subclasses do the work in ``_forward``/``_backward`` and say what changed in
    ``_notify``. ``perform()`` runs the first step itself, so the first ``redo`` is skipped.
    """

    def __init__(self, ctx: UndoContext, text: str) -> None:
        super().__init__(text)
        self._ctx = ctx
        #: Whether the database holds this change now; perform() made it.
        self._applied = True

    def redo(self) -> None:
        if self._applied:  # perform() already did it, or a failed undo is being stepped back
            return
        self._run(self._forward, applied=True)

    def undo(self) -> None:
        if not self._applied:  # a failed redo is being stepped back
            return
        self._run(self._backward, applied=False)

    def _run(self, step: Callable[[], None], *, applied: bool) -> None:
        try:
            step()
        except RETRYABLE as exc:
            # Each step is one transaction, so nothing changed; keep the command (undoing a
            # delete must still work once there is space) and step the stack back to match.
            kept = self._ctx.step_back(to_done=not applied)
            if not kept:
                self.setObsolete(True)
            self._ctx.note_failure(exc.message, kept=kept)
        except SupportNetError as exc:
            self.setObsolete(True)
            self._ctx.note_failure(exc.message, kept=False)
        else:
            self._applied = applied
        finally:
            self._notify()

    def _notify(self) -> None:
        raise NotImplementedError

    def _forward(self) -> None:
        raise NotImplementedError

    def _backward(self) -> None:
        raise NotImplementedError


class _StoreCommand(StoreCommand):
    """A command on people or groups (``kind``)."""

    def __init__(self, ctx: UndoContext, kind: str, text: str) -> None:
        super().__init__(ctx, text)
        self.kind = kind

    def _notify(self) -> None:
        self._ctx.changed(self.kind)


class _PresenceCommand(_StoreCommand):
    """Someone is in the network or not; taking them out keeps a bundle to bring them back.

    The bundle carries the person or group with their plans and check-ins, ids and uids
    kept, so calendars that imported a plan still recognise it after an undo.
    """

    def __init__(self, ctx: UndoContext, kind: str, text: str, item_id: int) -> None:
        super().__init__(ctx, kind, text)
        self.item_id = item_id
        self._removed: Removed | None = None

    def _take_out(self) -> None:
        self._removed = self._ctx.services.network.remove(self.kind, self.item_id)

    def _bring_back(self) -> None:
        assert self._removed is not None
        restored = self._ctx.services.network.restore(self._removed)
        assert restored.id is not None
        self.item_id = restored.id

    def _notify(self) -> None:
        self._ctx.changed(self.kind, with_history=True)


class AddCommand(_PresenceCommand):
    """Adding a person or group; undo takes them out again."""

    #: What the service returned when it was first added (with its new id).
    saved: Person | Group

    @classmethod
    def perform(cls, ctx: UndoContext, item: Person | Group) -> AddCommand:
        kind = PERSON if isinstance(item, Person) else GROUP
        saved = ctx.services.network.add(item)
        ctx.changed(kind)
        assert saved.id is not None
        # Translators: what Edit ▸ Undo names after "Undo" ("Undo add Sam"), lower case.
        command = cls(ctx, kind, _("add {name}").format(name=saved.name), saved.id)
        command.saved = saved
        return command

    def _forward(self) -> None:
        self._bring_back()

    def _backward(self) -> None:
        self._take_out()


class DeleteCommand(_PresenceCommand):
    """Deleting a person or group with their plans and check-ins; undo brings all back."""

    @classmethod
    def perform(cls, ctx: UndoContext, kind: str, item_id: int, name: str) -> DeleteCommand:
        command = cls(ctx, kind, _("delete {name}").format(name=name), item_id)
        command._take_out()
        ctx.changed(kind, with_history=True)
        return command

    def _forward(self) -> None:
        self._take_out()

    def _backward(self) -> None:
        self._bring_back()


class EditCommand(_StoreCommand):
    """Changing a person or group; undo puts the old values back."""

    #: What the service returned after the change.
    saved: Person | Group

    def __init__(
        self, ctx: UndoContext, kind: str, before: Person | Group, after: Person | Group
    ) -> None:
        super().__init__(ctx, kind, _("edit {name}").format(name=before.name))
        self._before = copy.deepcopy(before)
        self._after = copy.deepcopy(after)

    @classmethod
    def perform(
        cls, ctx: UndoContext, before: Person | Group, after: Person | Group
    ) -> EditCommand:
        kind = PERSON if isinstance(before, Person) else GROUP
        command = cls(ctx, kind, before, after)
        command._forward()
        ctx.changed(kind)
        return command

    def _forward(self) -> None:
        self.saved = self._ctx.services.network.update(copy.deepcopy(self._after))

    def _backward(self) -> None:
        self._ctx.services.network.update(copy.deepcopy(self._before))


class MoveCommand(_StoreCommand):
    """Moving someone on the map: to another circle, another part of life, or both."""

    def __init__(self, ctx: UndoContext, kind: str, item_id: int, moved: Moved) -> None:
        before, after = moved.before, moved.after
        circle = after[0] if after[0] != before[0] else None
        domain = after[1] if after[1] != before[1] else None
        undo_text, self._done_text = move_texts(moved.name, circle, domain)
        super().__init__(ctx, kind, undo_text)
        self.name = moved.name
        self.item_id = item_id
        self.before: Place = before
        self.after: Place = after

    @property
    def done_text(self) -> str:
        """The status line after the move, e.g. "Moved Sam to the inner circle"."""
        return self._done_text

    @classmethod
    def perform(
        cls,
        ctx: UndoContext,
        kind: str,
        item_id: int,
        circle: Circle,
        domain: LifeDomain,
    ) -> MoveCommand | None:
        """Move it; None if it is already there."""
        moved = ctx.services.network.move(kind, item_id, circle, domain)
        if moved is None:
            return None
        ctx.changed(kind)
        return cls(ctx, kind, item_id, moved)

    def _forward(self) -> None:
        self._ctx.services.network.place(self.kind, self.item_id, self.after)

    def _backward(self) -> None:
        self._ctx.services.network.place(self.kind, self.item_id, self.before)


class CheckInCommand(_StoreCommand):
    """Logging a check-in; undo takes it out again, redo logs it with the same uid.

    Logging one for a plan clears that plan's postponements ("Not today" has done its job);
    undo puts them back as they were.
    """

    #: What the service returned the last time it was added (with its id).
    saved: CheckIn

    def __init__(
        self, ctx: UndoContext, checkin: CheckIn, name: str, *, text: str | None = None
    ) -> None:
        super().__init__(ctx, CHECKIN, text or _("log a check-in with {name}").format(name=name))
        self._checkin = copy.deepcopy(checkin)
        self._logged: LoggedCheckIn | None = None

    @classmethod
    def perform(cls, ctx: UndoContext, checkin: CheckIn, name: str) -> CheckInCommand:
        command = cls(ctx, checkin, name)
        command._forward()
        ctx.changed(CHECKIN)
        return command

    def _forward(self) -> None:
        self._logged = self._ctx.services.checkins.log(self._checkin)
        self.saved = self._logged.checkin

    def _backward(self) -> None:
        assert self._logged is not None
        self._ctx.services.checkins.unlog(self._logged)


class PostponeCommand(_StoreCommand):
    """ "Not today" or "Another day…": a plan moves to a later day; undo moves it back."""

    def __init__(self, ctx: UndoContext, postponement: Postponement, name: str) -> None:
        super().__init__(ctx, PLAN, _("move {name} to another day").format(name=name))
        self.postponement = postponement
        self._before: tuple[Postponement, ...] = ()

    @classmethod
    def perform(cls, ctx: UndoContext, postponement: Postponement, name: str) -> PostponeCommand:
        command = cls(ctx, postponement, name)
        command._forward()
        ctx.changed(PLAN)
        return command

    def _forward(self) -> None:
        self._before = self._ctx.services.postponements.postpone(self.postponement)

    def _backward(self) -> None:
        self._ctx.services.postponements.put_back(self.postponement.plan_id, self._before)
