"""Marking a care team's check-in of today as done, undoably, from the Today page."""

from __future__ import annotations

import copy
from datetime import datetime
from typing import TYPE_CHECKING

from supportnet.model.care import SupporterRef
from supportnet.model.network import ChannelKind
from supportnet.services.care_today import TeamLine
from supportnet.ui.undo.commands import CHECKIN, StoreCommand, UndoContext

if TYPE_CHECKING:
    from supportnet.services.checkins import LoggedCheckIn


class MarkDoneCommand(StoreCommand):
    """Someone said a check-in on the rota happened: it goes into the focus person's
    history with who did it. Undo takes it out again (``checkins.unlog``); redo logs the
    very same check-in back, uid and all."""

    def __init__(self, ctx: UndoContext, line: TeamLine) -> None:
        super().__init__(ctx, f"mark as done: {line.text}")
        self.line = line
        self.logged: LoggedCheckIn | None = None

    @classmethod
    def perform(
        cls,
        ctx: UndoContext,
        line: TeamLine,
        supporter: SupporterRef,
        at: datetime,
        channel: ChannelKind | None,
        note: str,
        *,
        now: datetime | None = None,
    ) -> MarkDoneCommand:
        """Mark it done now (``now``: the app's clock); a refusal reaches the caller."""
        command = cls(ctx, line)
        rota = line.line
        assert rota.on is not None
        command.logged = ctx.services.care_teams.mark_done(
            line.team_uid,
            rota.slot_uid,
            rota.on,
            supporter=supporter,
            at=at,
            channel=channel,
            note=note,
        )
        ctx.changed(CHECKIN)
        return command

    def _forward(self) -> None:
        assert self.logged is not None
        self.logged = self._ctx.services.checkins.log(copy.deepcopy(self.logged.checkin))

    def _backward(self) -> None:
        assert self.logged is not None
        self._ctx.services.checkins.unlog(self.logged)

    def _notify(self) -> None:
        self._ctx.changed(CHECKIN)
