"""The main window's part in care teams: building their page, printing the rota."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from supportnet.ui.shell.sidebar import Page

if TYPE_CHECKING:
    from supportnet.ui.care.page import CareTeamPageController

#: Where the window keeps which team its Care team page last showed.
TEAM_KEY = "care/team"

#: Typed loosely: the mixin's methods use the window's attributes.
_WindowBase: Any = object


class MainWindowCareTeam(_WindowBase):  # type: ignore[misc]
    """Builds the Care team page when first needed; File ▸ Print rota / Save rota as PDF."""

    @property
    def care_team(self) -> CareTeamPageController:
        page: CareTeamPageController = self._page(Page.CARE_TEAM)
        return page

    def _build_care_team(self) -> CareTeamPageController:
        # Imported here: the page stays out of the first paint.
        from supportnet.ui.care.page import CareTeamPageController

        # The team last shown opens again (its uid only: no names in the clear).
        page = CareTeamPageController(
            self._source,
            self._clock,
            self.undo_stack,
            self.undo_context,
            self.signals,
            self,
            crisis_help=self.crisis_help,
            team_uid=self.ui_state.text(TEAM_KEY, "") or None,
        )
        page.status.connect(self.show_note)
        page.team_chosen.connect(lambda uid: self.ui_state.set_value(TEAM_KEY, uid))
        # "Today" moves on at midnight while the window stays open.
        self._time_timer.timeout.connect(page.refresh)
        return page

    def print_rota(self) -> bool:
        """File ▸ Print rota: the printer dialog, then the next four weeks on one page."""
        return self.care_team.print_rota()

    def save_rota_pdf(self, path: Path | None = None) -> Path | None:
        """File ▸ Save rota as PDF: asks where (default "rota.pdf")."""
        return self.care_team.save_pdf(path)
