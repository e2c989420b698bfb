"""The Insights page: four gentle charts of the user's own history, with a sentence each.

The numbers are added up on the window's background worker (matplotlib is loaded there
too, the first time), while each chart says "Adding up your check-ins…"; the charts are
then drawn in the window's own colours and drawn again when those change (dark mode).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QStandardPaths, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from supportnet.insights.connection import Split
from supportnet.insights.overview import ChartKind, Insights
from supportnet.model.errors import SupportNetError
from supportnet.ui.insights.section import ChartSection
from supportnet.ui.widgets import dialogs
from supportnet.ui.widgets.labels import buddy_label, quiet, title_label
from supportnet.ui.widgets.reading_page import reading_column, scroll_page

if TYPE_CHECKING:
    from supportnet.services.registry import Services
    from supportnet.ui.shell.background import Background
    from supportnet.ui.shell.signals import AppSignals

TITLE = "Insights"
INTRO = (
    "How your connections have been, from your own check-ins. There's no score here, and "
    "a quiet week is just a quiet week."
)
#: The spans offered, in weeks, as the menu says them.
SPANS = ((26, "The last 6 months"), (52, "The last 12 months"))
SAVE_FILTERS = {
    "PNG picture (*.png)": "png",
    "SVG drawing (*.svg)": "svg",
    "PDF (*.pdf)": "pdf",
}
COULDNT_ADD_UP = "Your check-ins couldn't be added up just now."


def _load_matplotlib() -> None:
    """matplotlib's first import, off the GUI thread (it takes most of a second)."""
    from supportnet.charts.setup import prepare_matplotlib

    prepare_matplotlib()
    import matplotlib.backends.backend_agg
    import matplotlib.figure  # noqa: F401


class InsightsPageView(QWidget):
    """The page: its controls at the top, then each chart in a column that scrolls."""

    palette_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column, layout = reading_column(self, 110)
        self.scroller = scroll_page(self, column, TITLE)

        self.span = QComboBox()
        for weeks, text in SPANS:
            self.span.addItem(text, weeks)
        self.span.setAccessibleName("How far back to look")
        self.split = QComboBox()
        self.split.addItem("By circle", Split.CIRCLE.value)
        self.split.addItem("By who reached out", Split.WHO.value)
        self.split.setAccessibleName("Connection over time: how to stack each week")
        self.tables = QCheckBox("Show as &tables")
        self.tables.setAccessibleName("Show the charts as tables")
        self.tables.setToolTip("The same numbers as tables, to read or to hear read out")

        controls = QHBoxLayout()
        controls.addWidget(buddy_label("&Look back:", self.span))
        controls.addWidget(self.span)
        controls.addSpacing(12)
        controls.addWidget(buddy_label("&Stack weeks:", self.split))
        controls.addWidget(self.split)
        controls.addStretch(1)
        controls.addWidget(self.tables)

        intro = quiet(QLabel(INTRO))
        intro.setWordWrap(True)
        layout.addWidget(title_label(TITLE))
        layout.addWidget(intro)
        layout.addLayout(controls)
        self.sections = {kind: ChartSection(kind) for kind in ChartKind}
        for section in self.sections.values():
            layout.addWidget(section)
        layout.addStretch(1)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.palette_changed.emit()


class InsightsPageController(QObject):
    """Reads the numbers through the services, off the GUI thread, and shows them."""

    status = Signal(str)

    def __init__(
        self,
        services: Services,
        clock: Callable[[], datetime],
        background: Background,
        signals: AppSignals,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._clock = clock
        self._background = background
        self._parent = parent
        self.view = InsightsPageView(parent)
        #: The numbers last added up (None until the first time).
        self.insights: Insights | None = None
        #: True while numbers are being added up (more changes wait for that to end).
        self.busy = False
        self._again = False
        #: The user's date the numbers were added up for (see :meth:`tick`).
        self._day: date | None = None
        #: The charts still to draw, one per turn of the event loop (see :meth:`draw`).
        self._to_draw: list[ChartKind] = []
        #: Where the last chart was saved, to offer the same folder next time.
        self.save_dir = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        self.view.span.currentIndexChanged.connect(lambda _i: self.refresh())
        self.view.split.currentIndexChanged.connect(lambda _i: self.draw())
        self.view.tables.toggled.connect(self._show_tables)
        self.view.palette_changed.connect(self.draw)
        for kind, section in self.view.sections.items():
            section.save_button.clicked.connect(lambda _c=False, k=kind: self.save_chart(k))
        # Check-ins, plans and people changing change the numbers: add up again once the
        # changes settle, and only while the page is there to be seen.
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(300)
        self._later.timeout.connect(self.refresh)
        for signal in (
            signals.checkins_changed,
            signals.plans_changed,
            signals.people_changed,
            signals.groups_changed,
        ):
            signal.connect(self._later.start)
        self.refresh()

    @property
    def weeks(self) -> int:
        return int(self.view.span.currentData())

    @property
    def split(self) -> Split:
        return Split(self.view.split.currentData())

    def tick(self) -> None:
        """A new day, a new week perhaps: add up again once the date where the user lives
        has moved on (not the date in UTC, hours away in Auckland or Los Angeles)."""
        if self._day is not None and self._services.insights().today(self._clock()) != self._day:
            self.refresh()

    def refresh(self) -> None:
        """Add the numbers up again on the worker; the charts follow."""
        self._later.stop()
        if self.busy:
            self._again = True
            return
        self.busy = True
        if self.insights is None:
            for section in self.view.sections.values():
                section.set_loading()
        service = self._services.insights()
        now, weeks = self._clock(), self.weeks

        def work() -> tuple[Insights, date]:
            _load_matplotlib()
            return service.gather(now, weeks), service.today(now)

        self._background.run(work, self._gathered, self._failed, receiver=self)

    def _gathered(self, result: tuple[Insights, date]) -> None:
        self.busy = False
        self.insights, self._day = result
        self.draw()
        if self._again:
            self._again = False
            self.refresh()

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        message = error.message if isinstance(error, SupportNetError) else COULDNT_ADD_UP
        for section in self.view.sections.values():
            section.set_summary(message)
        if not isinstance(error, SupportNetError):
            raise error  # a bug: the crash reporter says so, without the user's data

    def draw(self) -> None:
        """Each chart from the numbers last added up, in the window's colours now: every
        sentence and table at once, then the charts one per turn of the event loop, so the
        window stays responsive while each is drawn (a big network's take a while)."""
        insights = self.insights
        if insights is None:
            return
        split = self.split
        for kind, section in self.view.sections.items():
            section.set_summary(insights.summary(kind, split))
            section.set_table(insights.table(kind, split))
        self._show_tables(self.view.tables.isChecked())
        self._to_draw = list(self.view.sections)
        self._draw_next()

    @property
    def drawing(self) -> bool:
        """True while some charts are still waiting to be drawn."""
        return bool(self._to_draw)

    def _draw_next(self) -> None:
        insights = self.insights
        if not self._to_draw or insights is None:
            return
        from supportnet.charts.figures import figure_of

        kind = self._to_draw.pop(0)
        split = self.split
        shown = insights.has_chart(kind, split)
        figure = figure_of(insights, kind, self.style(), split) if shown else None
        self.view.sections[kind].set_figure(figure)
        if self._to_draw:
            # After this chart is laid out and painted: the next turn of the event loop.
            QTimer.singleShot(0, self, self._draw_next)

    def style(self) -> Any:
        from supportnet.ui.insights.chart_style import style_of

        return style_of(self.view.palette(), self.view.font())

    def _show_tables(self, on: bool) -> None:
        for section in self.view.sections.values():
            section.show_table(on)

    # --- saving ------------------------------------------------------------------------------

    def save_chart(self, kind: ChartKind, path: Path | None = None) -> Path | None:
        """Save one chart as PNG, SVG or PDF (asks where unless ``path`` is given), in light
        colours whatever the window's, for printing and sharing."""
        insights = self.insights
        if insights is None or not insights.has_chart(kind, self.split):
            return None
        if path is None:
            path = self._ask_path(kind)
            if path is None:
                return None
        from supportnet.charts.figures import figure_of
        from supportnet.charts.files import save_figure
        from supportnet.charts.style import LIGHT

        try:
            save_figure(figure_of(insights, kind, LIGHT, self.split), path)
        except OSError as exc:
            dialogs.show_error(
                self._parent, f"{path.name} couldn't be saved there ({exc.strerror})."
            )
            return None
        self.save_dir = str(path.parent)
        self.status.emit(f"Saved {path.name}. It isn't encrypted, and it shows names.")
        return path

    def _ask_path(self, kind: ChartKind) -> Path | None:
        start = str(Path(self.save_dir) / f"{kind.value}.png") if self.save_dir else kind.value
        chosen, picked = QFileDialog.getSaveFileName(
            self._parent, f"Save the chart {kind.label}", start, ";;".join(SAVE_FILTERS)
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower().lstrip(".") not in SAVE_FILTERS.values():
            path = path.with_name(f"{path.name}.{SAVE_FILTERS.get(picked, 'png')}")
        return path


def focus_order(view: InsightsPageView) -> list[QWidget]:
    """The page's controls in Tab order (for tests and the shortcuts list)."""
    sections = [section.save_button for section in view.sections.values()]
    return [view.span, view.split, view.tables, *sections]
