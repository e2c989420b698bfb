"""The main window's part in the plan for hard days: building its page, printing it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from supportnet.ui.shell.sidebar import Page

if TYPE_CHECKING:
    from supportnet.safety.crisis_lines import CountryHelp
    from supportnet.ui.safety.page import SafetyPlanPageController

#: Typed loosely: the mixin's methods use the window's attributes.
_WindowBase: Any = object


class MainWindowSafetyPlan(_WindowBase):  # type: ignore[misc]
    """Builds the plan page when first needed; File ▸ Print / Save as PDF act on it."""

    @property
    def safety_plan(self) -> SafetyPlanPageController:
        page: SafetyPlanPageController = self._page(Page.SAFETY_PLAN)
        return page

    def crisis_help(self) -> CountryHelp:
        """The crisis lines for the person's country, or calm guidance (never empty)."""
        help: CountryHelp = self.crisis_service.help()
        return help

    def _build_safety_plan(self) -> SafetyPlanPageController:
        # Imported here: the page stays out of the first paint.
        from supportnet.ui.safety.page import SafetyPlanPageController

        page = SafetyPlanPageController(
            self._source,
            self._clock,
            self.undo_stack,
            self.undo_context,
            self.signals,
            self,
            crisis_help=self.crisis_help,
        )
        page.open_person_requested.connect(self.edit)
        page.status.connect(self.show_note)
        return page

    def print_safety_plan(self) -> bool:
        """File ▸ Print my safety plan: the printer dialog, then one page."""
        return self.safety_plan.print_plan()

    def save_safety_plan_pdf(self, path: Path | None = None) -> Path | None:
        """File ▸ Save my safety plan as PDF: asks where (default "my-plan.pdf")."""
        return self.safety_plan.save_pdf(path)
