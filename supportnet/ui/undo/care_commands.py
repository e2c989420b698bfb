"""Undoable changes to care teams: save a team (new, edited, its rota, a swap, the gap),
remove one, and mark a check-in on the rota as done.

Built like :mod:`supportnet.ui.undo.commands`: ``perform`` makes the change at once (so a
failure reaches the page that asked) and returns a command for the ``QUndoStack``, whose
first ``redo()`` then does nothing. Each step is one service call: saving a team returns
the team as it was (undo saves that again, or removes a team that was new); removing one
returns it whole (undo restores it); a check-in marked done is unlogged on undo and logged
again, with the same uid, on redo.
"""

from __future__ import annotations

import copy
from datetime import date
from typing import TYPE_CHECKING, Any

from supportnet.i18n import _
from supportnet.model.care import CareTeam
from supportnet.ui.undo.commands import CheckInCommand, StoreCommand, UndoContext

if TYPE_CHECKING:
    pass

__all__ = ["MarkDoneCommand", "RemoveTeamCommand", "SaveTeamCommand"]


class _TeamCommand(StoreCommand):
    def _notify(self) -> None:
        self._ctx.signals.care_teams_changed.emit()


class SaveTeamCommand(_TeamCommand):
    """One change to a team, saved whole (its ``text`` says which, e.g. "swap Tue 8 Dec")."""

    def __init__(self, ctx: UndoContext, text: str, after: CareTeam) -> None:
        super().__init__(ctx, text)
        #: The team as this change leaves it.
        self.after = copy.deepcopy(after)
        #: The team as it was before (None: the change made it).
        self.before: CareTeam | None = None

    @classmethod
    def perform(cls, ctx: UndoContext, after: CareTeam, text: str) -> SaveTeamCommand:
        """Save ``after`` now; raises the service's error (the stack is left alone)."""
        command = cls(ctx, text, after)
        command._forward()
        command._notify()
        return command

    def _forward(self) -> None:
        self.before = self._ctx.services.care_teams.save(copy.deepcopy(self.after))

    def _backward(self) -> None:
        if self.before is None:
            self._ctx.services.care_teams.remove(self.after.uid)
        else:
            self._ctx.services.care_teams.save(copy.deepcopy(self.before))


class RemoveTeamCommand(_TeamCommand):
    """Removing a team with its rota; undo brings it back with the same uids."""

    def __init__(self, ctx: UndoContext, uid: str, name: str) -> None:
        super().__init__(ctx, _("remove the care team {name}").format(name=name))
        self.uid = uid
        self._removed: CareTeam | None = None

    @classmethod
    def perform(cls, ctx: UndoContext, uid: str, name: str) -> RemoveTeamCommand:
        command = cls(ctx, uid, name)
        command._forward()
        command._notify()
        return command

    def _forward(self) -> None:
        self._removed = self._ctx.services.care_teams.remove(self.uid)

    def _backward(self) -> None:
        assert self._removed is not None
        self._ctx.services.care_teams.restore(copy.deepcopy(self._removed))


class MarkDoneCommand(CheckInCommand):
    """A check-in of the rota marked as done (into the focus person's history, with who
    did it); undo takes it out, redo logs the same check-in again."""

    @classmethod
    def perform(  # type: ignore[override]
        cls, ctx: UndoContext, text: str, team_uid: str, slot_uid: str, on: date, **done: Any
    ) -> MarkDoneCommand:
        """Mark it done now (``done``: supporter, at, channel, note, now for the service)."""
        logged = ctx.services.care_teams.mark_done(team_uid, slot_uid, on, **done)
        command = cls(ctx, logged.checkin, "", text=text)
        command._logged = logged
        command.saved = logged.checkin
        command._notify()
        return command

    def _notify(self) -> None:
        super()._notify()
        self._ctx.signals.care_teams_changed.emit()
