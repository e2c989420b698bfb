"""A chart drawn to pixels with Agg, on whichever thread asks: the Insights page asks on its
background worker, so the window never waits for matplotlib to draw.

Each drawing is of a figure of its own, made for it and touched by no other thread while it
is drawn; the page then only shows the finished pixels (:mod:`supportnet.ui.insights.canvas`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from supportnet.charts.figures import SCREEN_DPI, figure_of_numbers
from supportnet.charts.style import ChartStyle
from supportnet.insights.overview import ChartKind, shows_chart

if TYPE_CHECKING:
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.figure import Figure

#: Below this many pixels a chart can't be read: it is drawn this wide (a narrower column
#: shows its left part; the window's own minimum width keeps its columns wider).
NARROWEST = 320


@dataclass(frozen=True, slots=True)
class Drawn:
    """A figure and the pixels it was drawn to: ``width`` × ``height`` physical pixels, for a
    screen with ``ratio`` physical pixels to each of the window's (2 on a high-density one),
    asked for ``asked`` of the window's pixels wide."""

    figure: Figure
    renderer: RendererAgg
    width: int
    height: int
    ratio: float
    asked: int

    @property
    def logical_height(self) -> int:
        """The height in the window's own pixels."""
        return round(self.height / self.ratio)


def draw_figure(figure: Figure, width: int, ratio: float = 1.0) -> Drawn:
    """Draw ``figure`` ``width`` window pixels wide (its height as it was made), at ``ratio``
    physical pixels to each."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    dpi = figure.get_dpi()
    figure._original_dpi = dpi  # type: ignore[attr-defined]  # what a Qt canvas scales
    figure.set_size_inches(max(width, NARROWEST) / dpi, figure.get_figheight())
    if ratio != 1.0:
        figure.set_dpi(dpi * ratio)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()  # type: ignore[no-untyped-call]
    pixels_wide, pixels_high = canvas.get_width_height(physical=True)
    renderer = canvas.get_renderer()  # type: ignore[no-untyped-call]
    return Drawn(figure, renderer, pixels_wide, pixels_high, ratio, width)


def draw_chart(
    kind: ChartKind, numbers: Any, style: ChartStyle, width: int, ratio: float = 1.0
) -> Drawn | None:
    """``kind``'s chart of ``numbers`` (what :meth:`Insights.numbers` gives) drawn ``width``
    window pixels wide; None when they are too thin for a chart (the sentence says so)."""
    if not shows_chart(kind, numbers):
        return None
    # Made as wide as it is drawn, so its legend knows whether it fits in a row.
    wide = replace(style, width=max(width, NARROWEST) / SCREEN_DPI)
    return draw_figure(figure_of_numbers(kind, numbers, wide), width, ratio)
