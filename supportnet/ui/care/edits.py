"""The Care team page's changes: a team (new, edited, removed), its check-ins (added,
changed, removed, one date swapped), the gap it is comfortable with, a check-in marked done.

Each is one command on the undo stack (:mod:`supportnet.ui.undo.care_commands`) calling
one service; the page reads the rota again when ``care_teams_changed`` fires.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QDialog, QWidget

from supportnet.i18n import N_, _, ngettext
from supportnet.model.care import CareTeam, SlotSwap
from supportnet.model.days import short_date
from supportnet.model.errors import SupportNetError
from supportnet.model.plans import PlanKind
from supportnet.ui.care.week_model import day_heading
from supportnet.ui.undo.care_commands import MarkDoneCommand, RemoveTeamCommand, SaveTeamCommand
from supportnet.ui.undo.commands import UndoContext
from supportnet.ui.widgets import dialogs

if TYPE_CHECKING:
    from supportnet.ui.care.done_dialog import Done

SAVE_ERROR_TITLE = N_("SupportNet couldn't change the care team")


def save_done(
    ctx: UndoContext,
    stack: QUndoStack,
    status: SignalInstance,
    parent: QWidget | None,
    refresh: Callable[[], None],
    *,
    text: str,
    note: str,
    team_uid: str,
    slot_uid: str,
    on: date,
    now: datetime,
    done: Done,
) -> bool:
    """A rota check-in marked done as one undoable step (the Care team page and Today).

    If the team or the slot went in the meantime: said plainly, and the page reads again.
    """
    return perform(
        lambda: MarkDoneCommand.perform(ctx, text, team_uid, slot_uid, on, now=now, **done),
        stack,
        parent,
        refresh,
        lambda: status.emit(note),
    )


def perform(
    make_command: Callable[[], QUndoCommand],
    stack: QUndoStack,
    parent: QWidget | None,
    refresh: Callable[[], None],
    then: Callable[[], object],
) -> bool:
    """Make a change and push its command (then ``then``); if it couldn't be: said, and
    the page reads again."""
    try:
        command = make_command()
    except SupportNetError as exc:
        dialogs.show_error(parent, exc.message, title=_(SAVE_ERROR_TITLE))
        refresh()
        return False
    stack.push(command)
    then()
    return True


#: Typed loosely: the mixin's methods use the page controller's attributes.
_PageBase: Any = object


class CareTeamEdits(_PageBase):  # type: ignore[misc]
    """The page controller's changes; each is one undoable step, or nothing and a reason."""

    #: A dialog on screen, for tests to reach.
    dialog: QDialog | None = None

    # --- changing ----------------------------------------------------------------------------

    def _perform(self, make_command: Callable[[], QUndoCommand], note: str = "") -> bool:
        """Make one change and push its command; False (and said why) if it couldn't be."""
        return perform(
            make_command,
            self._stack,
            self._parent,
            self.refresh,
            lambda: self.status.emit(note) if note else None,
        )

    def _save(self, after: CareTeam, text: str, note: str = "") -> bool:
        """Save ``after`` as one undoable change; False (and said why) if it couldn't be."""
        return self._perform(lambda: SaveTeamCommand.perform(self._ctx, after, text), note)

    def _team_copy(self) -> CareTeam | None:
        team = self.team
        return copy.deepcopy(team) if team is not None else None

    def _run(self, dialog: QDialog) -> bool:
        """Show ``dialog`` and wait; whether it was accepted."""
        self.dialog = dialog
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            self.dialog = None
            dialog.deleteLater()

    def _people(self) -> list[tuple[str, str]]:
        return [(p.uid, p.display_name) for p in self._services.people.list_all()]

    def _supporters(self) -> list[tuple[str | None, str]]:
        assert self.week is not None
        return [(s.ref, s.name) for s in self.week.supporters]

    def new_team(self) -> bool:
        from supportnet.ui.care.team_editor import TeamEditorDialog

        dialog = TeamEditorDialog(self._people(), None, self.view)
        if not self._run(dialog):
            return False
        team = dialog.result_team()
        text = _("add the care team {name}").format(name=team.name)
        if not self._save(team, text, _("Set up {name}").format(name=team.name)):
            return False
        # Saving read the teams again and showed the new one: only remember it.
        if self.team_uid == team.uid:
            self.team_chosen.emit(team.uid)
        else:
            self.choose_team(team.uid)
        return True

    def edit_team(self) -> bool:
        from supportnet.ui.care.team_editor import TeamEditorDialog

        team = self._team_copy()
        if team is None:
            return False
        dialog = TeamEditorDialog(self._people(), team, self.view)
        if not self._run(dialog):
            return False
        after = dialog.result_team()
        if after == team:
            return False
        return self._save(after, _("change the care team {name}").format(name=team.name))

    def remove_team(self) -> bool:
        team = self.team
        if team is None:
            return False
        return self._perform(
            lambda: RemoveTeamCommand.perform(self._ctx, team.uid, team.name),
            _("Removed the care team {name} (Ctrl+Z brings it back)").format(name=team.name),
        )

    def set_gap(self, days: int) -> bool:
        """The stretch with nobody planned the team is comfortable with (one undo step)."""
        team = self._team_copy()
        if team is None or team.comfortable_gap_days == days:
            return False
        team.comfortable_gap_days = days
        text = ngettext(
            "say {n} day without a check-in is fine",
            "say {n} days without a check-in is fine",
            days,
        )
        return self._save(team, text.format(n=days))

    def add_checkin(self) -> bool:
        from supportnet.ui.care.slot_editor import SlotEditorDialog

        team = self._team_copy()
        if team is None:
            return False
        dialog = SlotEditorDialog(
            self._supporters(), None, self._zone(), self.view, clock=self._clock
        )
        if not self._run(dialog):
            return False
        slot = dialog.result_slot()
        team.slots.append(slot)
        text, note = _("add a check-in to the rota"), _("Added a check-in to the rota")
        if not self._save(team, text, note):
            return False
        self._select_slot(slot.uid)
        return True

    def _select_slot(self, slot_uid: str) -> None:
        # By slot alone: a line's date in its own zone may not be the local day it shows on.
        index = self.model.first_line_index(slot_uid)
        if index.isValid():
            self._select_index(index)

    def edit_checkin(self) -> bool:
        from supportnet.ui.care.slot_editor import SlotEditorDialog

        line, team = self.current_line(), self._team_copy()
        if line is None or team is None:
            return False
        slot = team.slot(line.slot_uid)
        if slot is None:
            return False
        dialog = SlotEditorDialog(
            self._supporters(), copy.deepcopy(slot), self._zone(), self.view, clock=self._clock
        )
        if not self._run(dialog):
            return False
        after = dialog.result_slot()
        if after == slot:
            return False
        team.slots = [after if s.uid == slot.uid else s for s in team.slots]
        if after.plan.kind is PlanKind.FLEXIBLE:
            # Its dates now move with the last contact: a swapped date would name nothing.
            team.swaps = [s for s in team.swaps if s.slot_uid != slot.uid]
        return self._save(team, _("change a check-in on the rota"))

    def remove_checkin(self) -> bool:
        line, team = self.current_line(), self._team_copy()
        if line is None or team is None or team.slot(line.slot_uid) is None:
            return False
        team.slots = [s for s in team.slots if s.uid != line.slot_uid]
        team.swaps = [s for s in team.swaps if s.slot_uid != line.slot_uid]
        day = self.current_day()
        done = self._save(
            team,
            _("remove a check-in from the rota"),
            _("Took the check-in off the rota, every date of it (Ctrl+Z puts it back)"),
        )
        if done and day is not None:
            self.select(day)
        return done

    def swap_date(self) -> bool:
        """Someone else takes this one date (or nobody yet, or its own supporter again)."""
        from supportnet.ui.care.swap_dialog import SwapDialog

        line, team, day = self.current_line(), self._team_copy(), self.current_day()
        if line is None or team is None or day is None or line.on is None:
            return False
        slot = team.slot(line.slot_uid)
        if slot is None or slot.plan.kind is PlanKind.FLEXIBLE:
            return False  # a flexible check-in has no dates to swap (FLEXIBLE_SWAP)
        dialog = SwapDialog(
            self._supporters(),
            line,
            day_heading(day, self.today),
            self.view,
            usual=slot.supporter,
        )
        if not self._run(dialog):
            return False
        others = [s for s in team.swaps if not (s.slot_uid == slot.uid and s.on == line.on)]
        if dialog.removes_swap():
            team.swaps = others
            text = _("put back the usual check-in on {day}")
            note = _("Put back the usual check-in on {day}")
        else:
            team.swaps = [*others, SlotSwap(slot.uid, line.on, dialog.result_supporter())]
            text = _("swap the check-in on {day}")
            note = _("Swap the check-in on {day}")
        if team.swaps == (self.team.swaps if self.team else []):
            return False
        on = short_date(day)
        return self._save(team, text.format(day=on), note.format(day=on))

    def mark_done(self) -> bool:
        """They said it happened: into the focus person's history, with who did it."""
        from supportnet.ui.care.done_dialog import DoneDialog

        line, team, day = self.current_line(), self.team, self.current_day()
        if line is None or team is None or day is None or line.on is None:
            return False
        dialog = DoneDialog(
            self._supporters(),
            line,
            day_heading(day, self.today),
            self.view,
            zone=self._zone(),
            clock=self._clock,
            # No name for someone no longer in the network: the sentence says so without it.
            focus_name=(
                self.week.focus_name
                if self.week is not None and self.week.focus_id is not None
                else None
            ),
            focus=self.week.team.focus if self.week is not None else None,
            day=day,
        )
        if not self._run(dialog):
            return False
        return save_done(
            self._ctx,
            self._stack,
            self.status,
            self._parent,
            self.refresh,
            text=_("mark the check-in on {day} as done").format(day=short_date(day)),
            note=_("Marked the check-in on {day} as done").format(day=short_date(day)),
            team_uid=team.uid,
            slot_uid=line.slot_uid,
            on=line.on,
            now=self._clock(),
            done=dialog.as_keywords(),
        )
