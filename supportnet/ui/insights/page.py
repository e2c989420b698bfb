"""The Insights page: four gentle charts of the user's own history, with a sentence each.

The numbers are added up on the window's background worker (matplotlib is loaded there
too, the first time), while each chart says "Adding up your check-ins…". Each chart is
then drawn on the worker too, in the window's own colours, and shown as soon as it is done;
it is drawn again when those colours change (dark mode) or the page's width does. The GUI
thread only shows finished pixels (:mod:`supportnet.ui.insights.canvas`), so the window
answers clicks and keys throughout, however big the history.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QWidget,
)

from supportnet.charts.figures import figure_of
from supportnet.charts.render import Drawn, draw_chart
from supportnet.charts.style import ChartStyle
from supportnet.i18n import N_, _
from supportnet.insights.connection import Split
from supportnet.insights.overview import ChartKind, Insights, shows_chart, summary_of
from supportnet.model.errors import ChartsUnavailableError, SupportNetError
from supportnet.services.insights import Connection
from supportnet.ui.insights.controls import InsightsControls
from supportnet.ui.insights.section import ChartSection
from supportnet.ui.widgets import dialogs
from supportnet.ui.widgets.labels import quiet, title_label
from supportnet.ui.widgets.reading_page import reading_column, scroll_page

if TYPE_CHECKING:
    from supportnet.services.registry import Services
    from supportnet.ui.shell.background import Background
    from supportnet.ui.shell.signals import AppSignals

TITLE = N_("Insights")
INTRO = N_(
    "How your connections have been, from your own check-ins. There's no score here, and "
    "a quiet week is just a quiet week."
)
#: The file dialog's filters (marked with N_, said in the language chosen) and their suffix.
SAVE_FILTERS = {
    N_("PNG picture (*.png)"): "png",
    N_("SVG drawing (*.svg)"): "svg",
    N_("PDF (*.pdf)"): "pdf",
}
COULDNT_ADD_UP = N_("Your check-ins couldn't be added up just now.")
CANT_DRAW = N_(
    "The charts can't be drawn just now: SupportNet couldn't set up its folder for them. "
    "The sentences above say what they would show, and so does Show as tables."
)

#: How a chart is drawn: the style, its width in the window's pixels and the screen's
#: pixel density (what :func:`~supportnet.charts.render.draw_chart` takes after the numbers).
_Look = tuple[ChartStyle, int, float]


@dataclass(frozen=True, slots=True)
class _Ready:
    """The first chart, drawn before the rest of the numbers are in: its numbers, how it
    was drawn, and the drawing."""

    kind: ChartKind
    numbers: Any
    look: _Look
    drawn: Drawn | None


def _load_matplotlib() -> None:
    """matplotlib's first import, off the GUI thread (it takes most of a second); called
    by every job that draws, so none draws with matplotlib's own folder in the home."""
    if "supportnet.ui.insights.canvas" in sys.modules:
        return
    from supportnet.charts.setup import prepare_matplotlib

    try:
        prepare_matplotlib()
    except OSError as exc:
        raise ChartsUnavailableError(_(CANT_DRAW)) from exc
    import matplotlib.backends.backend_agg
    import matplotlib.figure  # noqa: F401

    import supportnet.ui.insights.canvas  # noqa: F401  (matplotlib's Qt canvas, for showing)
    from supportnet.runtime.memory import settle

    settle(collect=False)  # matplotlib's modules live as long as the app: no walking them


class InsightsPageView(QWidget):
    """The page: its controls at the top, then each chart in a column that scrolls."""

    #: The window's colours or font changed (dark mode, a larger text size).
    looks_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column, layout = reading_column(self, 110)
        self.scroller = scroll_page(self, column, _(TITLE))
        # Always there, so the charts' width doesn't change (and each get drawn again) the
        # moment they make the page taller than the window.
        self.scroller.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)

        self.controls = InsightsControls()
        self.span = self.controls.span
        self.split = self.controls.split
        self.tables = self.controls.tables

        intro = quiet(QLabel(_(INTRO)))
        intro.setWordWrap(True)
        layout.addWidget(title_label(_(TITLE)))
        layout.addWidget(intro)
        layout.addWidget(self.controls)
        self.sections = {kind: ChartSection(kind) for kind in ChartKind}
        for section in self.sections.values():
            layout.addWidget(section)
        layout.addStretch(1)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.looks_changed.emit()


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
        #: The charts being drawn on the worker now, and which drawing is the newest.
        self._drawing: set[ChartKind] = set()
        self._round = 0
        #: The last round whose failure went to the crash reporter.
        self._reported = 0
        #: The first chart, shown before the rest of the numbers are in.
        self._ready: _Ready | None = None
        #: The numbers and split the tables show now (None until first shown).
        self._tables_of: tuple[Insights, Split] | None = None
        #: Each chart's width as last laid out: the worker reads it when it draws the first
        #: chart, by when the page has been laid out (it may not be when it is asked).
        self._widths: dict[ChartKind, int] = {}
        #: A resize waits for the window to settle before the charts are drawn again.
        self._resized = QTimer(self)
        self._resized.setSingleShot(True)
        self._resized.setInterval(150)
        self._resized.timeout.connect(self._redraw_if_resized)
        #: Where the last chart was saved, to offer the same folder next time.
        self.save_dir = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        self.view.span.currentIndexChanged.connect(lambda _i: self.refresh())
        self.view.split.currentIndexChanged.connect(lambda _i: self.draw())
        self.view.tables.toggled.connect(self._show_tables)
        self.view.looks_changed.connect(self._draw_charts)
        for kind, section in self.view.sections.items():
            section.save_button.clicked.connect(lambda _c=False, k=kind: self.save_chart(k))
            section.wants_drawing.connect(self._resized.start)
            section.width_changed.connect(partial(self._widths.__setitem__, kind))
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
        now, weeks, split = self._clock(), self.weeks, self.split
        # The first chart needs only the weeks' counts: they are read and it is drawn
        # first, and it shows while the rest are added up.
        first = ChartKind.CONNECTION
        style, width, ratio = self._look(first)
        widths = self._widths
        early: list[Connection] = []

        def first_chart() -> _Ready:
            _load_matplotlib()
            early.append(service.connection(now, weeks))
            numbers = early[0][0] if split is Split.CIRCLE else early[0][1]
            # Its width as laid out by now (the page may not have been when asked).
            look = (style, widths.get(first, width), ratio)
            return _Ready(first, numbers, look, draw_chart(first, numbers, *look))

        def the_rest() -> tuple[Insights, date]:
            connection = early[0] if early else None
            return service.gather(now, weeks, connection=connection), service.today(now)

        self._background.run(first_chart, self._first_drawn, self._first_failed, receiver=self)
        self._background.run(the_rest, self._gathered, self._failed, receiver=self)

    def _look(self, kind: ChartKind) -> _Look:
        """How ``kind`` is to be drawn now: the window's colours and font, the chart's
        width and the screen's pixel density."""
        ratio = self.view.devicePixelRatioF() or 1.0
        return self.style(), self.view.sections[kind].chart_width, ratio

    def _first_drawn(self, ready: _Ready) -> None:
        section = self.view.sections[ready.kind]
        section.set_summary(summary_of(ready.kind, ready.numbers))
        # Shown now; saved once the rest of the numbers are in (saving reads them all).
        section.set_drawn(ready.drawn, savable=False)
        self._ready = ready
        self._redraw_if_moved(section)

    def _first_failed(self, error: BaseException) -> None:
        if not isinstance(error, SupportNetError):
            raise error  # a bug; the rest of the numbers say a store's trouble themselves

    def _gathered(self, result: tuple[Insights, date]) -> None:
        self.busy = False
        self.insights, self._day = result
        ready, self._ready = self._ready, None
        self.draw(ready)
        if self._again:
            self._again = False
            self.refresh()

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        message = error.message if isinstance(error, SupportNetError) else _(COULDNT_ADD_UP)
        for section in self.view.sections.values():
            section.set_summary(message)
            if self.insights is None:
                section.set_drawn(None)  # no chart under a sentence saying it isn't there
        self._ready = None
        if self._again:  # asked for meanwhile: the store may answer now
            self._again = False
            self._later.start()
        if not isinstance(error, SupportNetError):
            raise error  # a bug: the crash reporter says so, without the user's data

    def draw(self, ready: _Ready | None = None) -> None:
        """Each chart from the numbers last added up, in the window's colours now: each
        drawn on the worker and shown as soon as it is done, so the window never waits for
        matplotlib (a big network's charts take a while to draw); meanwhile every sentence
        and table. ``ready`` is a chart drawn already, shown if it is still as wanted."""
        insights = self.insights
        if insights is None:
            return
        split = self.split
        for kind, section in self.view.sections.items():
            section.set_summary(insights.summary(kind, split))
        self._draw_charts(ready)
        self._show_tables(self.view.tables.isChecked())

    @property
    def drawing(self) -> bool:
        """True while some charts are still being drawn."""
        return bool(self._drawing)

    def _draw_charts(self, ready: _Ready | None = None) -> None:
        """Every chart drawn again on the worker, at each one's width now (but ``ready``,
        if it was drawn just so). A drawing asked for earlier and not yet started is
        skipped: only the newest is shown."""
        insights = self.insights
        if insights is None:
            return
        self._resized.stop()
        self._round += 1
        this_round = self._round
        self._drawing = set()
        split, style = self.split, self.style()  # the same for every chart this round
        ratio = self.view.devicePixelRatioF() or 1.0
        for kind, section in self.view.sections.items():
            look: _Look = (style, section.chart_width, ratio)
            numbers = insights.numbers(kind, split)
            if ready and (ready.kind, ready.look, ready.numbers) == (kind, look, numbers):
                section.save_button.setEnabled(ready.drawn is not None)
                continue  # shown already, just as wanted
            if not shows_chart(kind, numbers):
                section.set_drawn(None)
                continue
            section.set_drawing()
            self._drawing.add(kind)

            def work(
                kind: ChartKind = kind, numbers: Any = numbers, look: _Look = look
            ) -> Drawn | None:
                if this_round != self._round:
                    return None  # a newer drawing was asked for meanwhile
                _load_matplotlib()
                return draw_chart(kind, numbers, *look)

            self._background.run(
                work,
                partial(self._drawn, this_round, kind),
                partial(self._draw_failed, this_round, kind),
                receiver=self,
            )

    def _drawn(self, this_round: int, kind: ChartKind, drawn: Drawn | None) -> None:
        if this_round != self._round:
            return
        self._drawing.discard(kind)
        section = self.view.sections[kind]
        section.set_drawn(drawn)
        self._redraw_if_moved(section)

    def _redraw_if_moved(self, section: ChartSection) -> None:
        # The page changed width (or screen) while this was drawn: it asked then, for
        # pixels it hadn't got yet, so ask again now that they are here.
        if section.canvas is not None and section.canvas.out_of_date:
            self._resized.start()

    def _draw_failed(self, this_round: int, kind: ChartKind, error: BaseException) -> None:
        if this_round != self._round:
            return
        self._drawing.discard(kind)
        section = self.view.sections[kind]
        if isinstance(error, SupportNetError):
            section.set_unavailable(error.message)  # the sentence and the table still say it
            return
        section.set_drawn(None)
        if self._reported != this_round:  # one report for a round, not one per chart
            self._reported = this_round
            raise error  # a bug: the crash reporter says so, without the user's data

    def _redraw_if_resized(self) -> None:
        """A canvas changed width (the window was resized): draw the charts again to fit."""
        if any(
            section.canvas is not None and section.canvas.out_of_date
            for section in self.view.sections.values()
        ):
            self._draw_charts()

    def style(self) -> ChartStyle:
        from supportnet.ui.insights.chart_style import style_of

        return style_of(self.view.palette(), self.view.font())

    def _show_tables(self, on: bool) -> None:
        """The tables instead of the charts, or not. They are filled only when shown: the
        table of who lifts your mood has a row for everyone with enough check-ins."""
        insights, split = self.insights, self.split
        if on and insights is not None and self._tables_of != (insights, split):
            for kind, section in self.view.sections.items():
                section.set_table(insights.table(kind, split))
            self._tables_of = (insights, split)
        for section in self.view.sections.values():
            section.show_table(on)

    # --- saving ------------------------------------------------------------------------------

    def save_chart(self, kind: ChartKind, path: Path | None = None) -> None:
        """Save one chart as PNG, SVG or PDF (asks where unless ``path`` is given), in light
        colours whatever the window's, for printing and sharing. It is drawn and written on
        the worker; :attr:`status` says when it is saved."""
        insights = self.insights
        split = self.split
        if insights is None or not insights.has_chart(kind, split):
            return
        if path is None:
            path = self._ask_path(kind)
            if path is None:
                return
        chosen = path

        def work() -> Path:
            from supportnet.charts.files import save_figure
            from supportnet.charts.style import LIGHT

            _load_matplotlib()
            return save_figure(figure_of(insights, kind, LIGHT, split), chosen)

        self._background.run(
            work, self._saved, lambda error: self._save_failed(chosen, error), receiver=self
        )

    def _saved(self, path: Path) -> None:
        self.save_dir = str(path.parent)
        self.status.emit(
            _("Saved {file}. It isn't encrypted, and it shows names.").format(file=path.name)
        )

    def _save_failed(self, path: Path, error: BaseException) -> None:
        if isinstance(error, SupportNetError):
            dialogs.show_error(self._parent, error.message)
        elif isinstance(error, OSError):
            dialogs.show_error(
                self._parent,
                _("{file} couldn't be saved there ({reason}).").format(
                    file=path.name, reason=error.strerror
                ),
            )
        else:
            raise error

    def _ask_path(self, kind: ChartKind) -> Path | None:
        start = str(Path(self.save_dir) / f"{kind.value}.png") if self.save_dir else kind.value
        filters = {_(shown): suffix for shown, suffix in SAVE_FILTERS.items()}
        chosen, picked = QFileDialog.getSaveFileName(
            self._parent,
            _("Save the chart {chart}").format(chart=kind.label),
            start,
            ";;".join(filters),
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower().lstrip(".") not in SAVE_FILTERS.values():
            path = path.with_name(f"{path.name}.{filters.get(picked, 'png')}")
        return path if dialogs.may_replace(self._parent, chosen, path) else None


def focus_order(view: InsightsPageView) -> list[QWidget]:
    """The page's controls in Tab order (for tests and the shortcuts list)."""
    sections = [section.save_button for section in view.sections.values()]
    return [view.span, view.split, view.tables, *sections]
