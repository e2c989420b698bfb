"""The main window's part in Insights: building its page the first time it is shown."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from supportnet.ui.shell.sidebar import Page

if TYPE_CHECKING:
    from supportnet.ui.insights.page import InsightsPageController

#: Typed loosely: the mixin's methods use the window's attributes.
_WindowBase: Any = object


class MainWindowInsights(_WindowBase):  # type: ignore[misc]
    """Builds the Insights page when first shown (never soon after startup: it loads
    matplotlib, which nothing else needs)."""

    @property
    def insights(self) -> InsightsPageController:
        page: InsightsPageController = self._page(Page.INSIGHTS)
        return page

    def _build_insights(self) -> InsightsPageController:
        from supportnet.ui.insights.page import InsightsPageController

        page = InsightsPageController(
            self._source, self._clock, self.background, self.signals, self
        )
        page.status.connect(self.show_note)
        # "Today" moves on at midnight while the window stays open.
        self._time_timer.timeout.connect(page.tick)
        return page
