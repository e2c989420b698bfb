"""The four Insights charts as matplotlib figures: calm, labelled, never a score.

Every chart says what it shows in words too: series differ by pattern as well as colour,
bars carry their numbers, and thin data draws no chart at all, only the sentence that
says so (a line through two points would mislead).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from supportnet.charts.style import SERIES, ChartStyle
from supportnet.i18n import _
from supportnet.insights import words
from supportnet.insights.connection import Split, WeeklyConnection
from supportnet.insights.coverage import SupportCoverage
from supportnet.insights.lift import MoodLifts
from supportnet.insights.overview import ChartKind, Insights
from supportnet.insights.rhythm import RhythmStrip
from supportnet.model.days import month_name

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

_T = TypeVar("_T")

#: A chart's resolution on the screen: pixels an inch at a pixel density of 1.
SCREEN_DPI = 100
_ROW = 0.34
#: A legend's line, in font sizes (a key is taller than a letter, with space between).
_LEGEND_LINE = 1.7  # inches a row of the lift and rhythm charts takes


def new_figure(style: ChartStyle, height: float) -> Figure:
    """An empty figure in the style's colours and font, as wide as it says (no pyplot:
    nothing global)."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(style.width, height), dpi=SCREEN_DPI, facecolor=style.background)
    figure.set_layout_engine("constrained")
    return figure


def _font(style: ChartStyle, scale: float = 1.0) -> dict[str, Any]:
    return {"family": list(_known(style.font_family)), "size": style.font_size * scale}


@cache
def _known(families: tuple[str, ...]) -> tuple[str, ...]:
    """The families matplotlib has, of ``families`` (the window's font may be one it can't
    find, and it would say so on every chart)."""
    from matplotlib import font_manager

    names = {font.name for font in font_manager.fontManager.ttflist}
    known = tuple(family for family in families if family in names or family in _GENERIC)
    return known or ("DejaVu Sans",)


_GENERIC = frozenset({"sans-serif", "serif", "monospace", "cursive", "fantasy"})


def _tick_font(style: ChartStyle, scale: float) -> dict[str, Any]:
    """Tick labels in the style's colour, font and size (matplotlib's own font otherwise)."""
    return {
        "labelcolor": style.text,
        "labelsize": style.font_size * scale,
        "labelfontfamily": list(_known(style.font_family)),
    }


def _text_width(text: str, style: ChartStyle, scale: float) -> float:
    """How wide ``text`` is in points, in the style's font at ``scale`` times its size."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    font = FontProperties(family=list(_known(style.font_family)), size=style.font_size * scale)
    width: float = text_to_path.get_text_width_height_descent(text, font, ismath=False)[0]
    return width


def _legend_above(
    figure: Figure, axes: Axes, style: ChartStyle, *, beside: float, scale: float = 0.9
) -> int:
    """The legend above the axes, where it never covers a bar, a dot or a label: in a row
    if it fits in the width the axes have (the figure's less ``beside`` points of labels
    and margins), else one entry a line, the figure growing taller to keep the chart's
    own height. Returns how many lines it takes."""
    labels = [str(label) for label in axes.get_legend_handles_labels()[1]]
    size = style.font_size * scale
    # Each entry: its key (2 em), a gap (0.8 em), its words; 2 em between entries.
    wanted = sum(_text_width(label, style, scale) + size * 2.8 for label in labels)
    wanted += size * 2 * (len(labels) - 1) + size
    columns = len(labels) if wanted <= style.width * 72 - beside else 1
    lines = -(-len(labels) // columns)
    legend = axes.legend(
        loc="lower left",
        bbox_to_anchor=(0, 1),
        borderaxespad=0.2,
        frameon=False,
        ncols=columns,
        prop=_font(style, scale),
    )
    for text in legend.get_texts():
        text.set_color(style.text)
    if lines > 1:
        figure.set_figheight(figure.get_figheight() + (lines - 1) * _LEGEND_LINE * size / 72)
    return lines


def _names_width(names: Sequence[str], style: ChartStyle) -> float:
    """Points the rows' names take left of the axes (tick labels at 0.9 of the font), with
    the ticks and the figure's margin."""
    return max((_text_width(name, style, 0.9) for name in names), default=0.0) + 16


def _axes(figure: Figure, style: ChartStyle) -> Axes:
    axes = figure.add_subplot()
    axes.set_facecolor(style.background)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        axes.spines[side].set_color(style.grid)
    axes.tick_params(colors=style.quiet, **_tick_font(style, 0.9))
    axes.set_axisbelow(True)
    return axes


def not_enough(figure: Figure, style: ChartStyle, text: str | None = None) -> None:
    """No chart: the sentence alone, quietly, in the middle (else "Not enough check-ins …")."""
    text = _(words.NOT_ENOUGH) if text is None else text
    figure.text(
        0.5, 0.5, text, ha="center", va="center", color=style.quiet, wrap=True, **_font(style)
    )


def connection_figure(chart: WeeklyConnection, style: ChartStyle) -> Figure:
    """Check-ins per week, stacked; a week with none is simply a low bar."""
    from matplotlib.collections import PolyCollection
    from matplotlib.ticker import MaxNLocator

    from supportnet.charts.margins import FixedMargins

    figure = new_figure(style, 3.2)
    if chart.total < words.MIN_CHECKINS:
        not_enough(figure, style)
        return figure
    axes = _axes(figure, style)
    bottom = [0] * len(chart.weeks)
    for series in chart.series:
        colour, hatch = SERIES[series.key]
        # Each layer is one collection of bars, not a patch per bar: a third of the draw.
        bars = [
            ((x - 0.4, low), (x - 0.4, low + count), (x + 0.4, low + count), (x + 0.4, low))
            for x, (low, count) in enumerate(zip(bottom, series.counts, strict=True))
            if count
        ]
        axes.add_collection(
            PolyCollection(
                bars,
                facecolors=colour,
                edgecolors=style.background,
                linewidths=0.6,
                hatch=hatch or None,
                label=series.label,
            ),
            autolim=False,
        )
        bottom = [b + c for b, c in zip(bottom, series.counts, strict=True)]
    ticks = [i for i, monday in enumerate(chart.weeks) if i == 0 or monday.day <= 7]
    axes.set_xticks(ticks, [month_name(chart.weeks[i].month, short=True) for i in ticks])
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.yaxis.grid(True, color=style.grid, linewidth=0.6)
    axes.set_ylabel(_("Check-ins a week"), color=style.text, **_font(style, 0.9))
    axes.set_xlim(-0.6, len(chart.weeks) - 0.4)
    top = max(bottom) * 1.05
    axes.set_ylim(0, top)
    # The labels' sizes follow from the font: the y label and the widest count to the
    # left, a line of month names below, the legend's lines above.
    line = style.font_size * 0.9 * 1.25
    left = 6 + line + 4 + len(str(int(top))) * style.font_size * 0.9 * 0.65 + 8
    right = 8
    lines = _legend_above(figure, axes, style, beside=left + right)
    figure.set_layout_engine(
        FixedMargins(
            left=left,
            bottom=6 + line + 8,
            right=right,
            top=4 + line * 0.6 + lines * _LEGEND_LINE * style.font_size * 0.9,
        )
    )
    return figure


def coverage_figure(coverage: SupportCoverage, style: ChartStyle) -> Figure:
    """Each kind of support: who gives it, the ones in touch this month drawn solid."""
    figure = new_figure(style, 0.5 + _ROW * 1.6 * len(coverage.kinds))
    if coverage.supporters == 0:
        not_enough(figure, style, words.coverage_summary(coverage))
        return figure
    axes = _axes(figure, style)
    rows = list(range(len(coverage.kinds)))[::-1]  # the model's order, top down
    colour = style.positive
    lately = [row.in_touch for row in coverage.kinds]
    others = [row.not_lately for row in coverage.kinds]
    axes.barh(rows, lately, color=colour, height=0.6, label=_("In touch this month"))
    axes.barh(
        rows,
        others,
        left=lately,
        color=colour,
        alpha=0.35,
        hatch="//",
        edgecolor=style.background,
        height=0.6,
        label=_("Not this month"),
    )
    widest = max(row.givers for row in coverage.kinds)
    for y, row in zip(rows, coverage.kinds, strict=True):
        note = (
            _("{in_touch} of {givers} this month").format(in_touch=row.in_touch, givers=row.givers)
            if row.givers
            else _("room for someone")
        )
        axes.text(
            row.givers + widest * 0.02,
            y,
            note,
            va="center",
            color=style.text if row.givers else style.quiet,
            **_font(style, 0.9),
        )
    axes.set_yticks(rows, [row.support.label for row in coverage.kinds])
    axes.set_xlim(0, widest * 1.45 + 1)
    axes.xaxis.set_visible(False)
    axes.spines["bottom"].set_visible(False)
    names = [row.support.label for row in coverage.kinds]
    _legend_above(figure, axes, style, beside=_names_width(names, style))
    return figure


def _most(items: Sequence[_T], count: Callable[[_T], int], name: Callable[[_T], str]) -> list[_T]:
    """The :data:`words.CHART_ROWS` items with the most check-ins, in name order."""
    if len(items) <= words.CHART_ROWS:
        return list(items)
    most = sorted(items, key=lambda item: (-count(item), name(item).casefold()))
    return sorted(most[: words.CHART_ROWS], key=lambda item: name(item).casefold())


def _footnote(figure: Figure, style: ChartStyle, drawn: int, total: int, of: str) -> None:
    if drawn < total:
        # As the figure's x label, so the layout makes room for it under the axes' own.
        figure.supxlabel(
            words.most_counted(total, of=of),
            x=0.0,
            ha="left",
            color=style.quiet,
            **_font(style, 0.85),
        )


def lift_figure(lifts: MoodLifts, style: ChartStyle) -> Figure:
    """Each person's or group's average mood change, by name, with what it rests on."""
    shown = _most(lifts.shown, lambda lift: lift.pairs, lambda lift: lift.name)
    figure = new_figure(style, 1.1 + _ROW * max(len(shown), 3))
    if not shown:
        not_enough(figure, style)
        return figure
    _footnote(figure, style, len(shown), len(lifts.shown), "people and groups")
    axes = _axes(figure, style)
    rows = list(range(len(shown)))[::-1]
    colours = [_lift_colour(lift.change, style) for lift in shown]
    hatches = ["" if lift.change >= words.CLEAR_CHANGE else "//" for lift in shown]
    bars = axes.barh(rows, [lift.change for lift in shown], color=colours, height=0.6)
    for bar, hatch in zip(bars, hatches, strict=True):
        bar.set_hatch(hatch)
        bar.set_edgecolor(style.background)
    reach = max(2.0, max(abs(lift.change) for lift in shown) + 0.5)
    # What each rests on, as labels on the right-hand axis: the layout makes room for them
    # at any font size (text placed beside the bars was cut off at a large one).
    notes = axes.secondary_yaxis("right")
    notes.set_yticks(rows, [words.lift_label(lift) for lift in shown])
    notes.tick_params(length=0, **_tick_font(style, 0.85))
    notes.spines["right"].set_visible(False)
    axes.axvline(0, color=style.quiet, linewidth=0.8)
    axes.set_yticks(rows, [lift.name for lift in shown])
    axes.set_xlim(-reach, reach)
    axes.set_xticks(
        [-reach + 0.5, 0, reach - 0.5], [_("lower after"), _("the same"), _("better after")]
    )
    axes.xaxis.grid(True, color=style.grid, linewidth=0.6)
    return figure


def _lift_colour(change: float, style: ChartStyle) -> str:
    if change >= words.CLEAR_CHANGE:
        return style.positive
    if change <= -words.CLEAR_CHANGE:
        return style.lower
    return style.neutral


def rhythm_figure(strips: Sequence[RhythmStrip], style: ChartStyle) -> Figure:
    """Each flexible plan's gaps between check-ins as dots, its chosen rhythm a bar."""
    every = strips
    strips = _most(every, lambda strip: len(strip.gaps), lambda strip: strip.name)
    figure = new_figure(style, 1.1 + _ROW * max(len(strips), 3))
    if not strips or all(strip.typical is None for strip in strips):
        not_enough(figure, style, words.rhythm_summary(tuple(strips)))
        return figure
    _footnote(figure, style, len(strips), len(every), "plans")
    axes = _axes(figure, style)
    rows = list(range(len(strips)))[::-1]
    widest = max([*(g for s in strips for g in s.gaps), *(s.ideal_days for s in strips)])
    # Every strip's dots as one collection, and every chosen rhythm as another: a
    # collection per strip took several times as long to draw.
    dots = [(gap, y) for y, strip in zip(rows, strips, strict=True) for gap in strip.gaps]
    if dots:
        axes.scatter(
            [gap for gap, _y in dots],
            [y for _gap, y in dots],
            s=22,
            color=style.positive,
            alpha=0.75,
            linewidths=0,
            label=_("Days between check-ins"),
        )
    axes.scatter(
        [strip.ideal_days for strip in strips],
        rows,
        marker="|",
        s=260,
        linewidths=2.2,
        color=style.text,
        label=_("The rhythm you chose"),
    )
    for y, strip in zip(rows, strips, strict=True):
        if strip.typical is None:
            axes.text(
                widest * 1.04,
                y,
                _("not enough yet"),
                va="center",
                color=style.quiet,
                **_font(style, 0.85),
            )
    axes.set_yticks(rows, [strip.name for strip in strips])
    axes.set_xlim(0, widest * 1.25 + 1)
    axes.set_ylim(-0.8, len(strips) - 0.2 + 0.6)
    axes.set_xlabel(_("Days between check-ins"), color=style.text, **_font(style, 0.9))
    axes.xaxis.grid(True, color=style.grid, linewidth=0.6)
    names = [strip.name for strip in strips]
    _legend_above(figure, axes, style, beside=_names_width(names, style), scale=0.85)
    return figure


def figure_of(
    insights: Insights, kind: ChartKind, style: ChartStyle, split: Split = Split.CIRCLE
) -> Figure:
    """One chart of ``insights`` as a figure."""
    return figure_of_numbers(kind, insights.numbers(kind, split), style)


def figure_of_numbers(kind: ChartKind, numbers: Any, style: ChartStyle) -> Figure:
    """``kind``'s chart of ``numbers`` (what :meth:`Insights.numbers` gives) as a figure."""
    return _FIGURES[kind](numbers, style)


_FIGURES: dict[ChartKind, Callable[[Any, ChartStyle], Figure]] = {
    ChartKind.CONNECTION: connection_figure,
    ChartKind.COVERAGE: coverage_figure,
    ChartKind.LIFT: lift_figure,
    ChartKind.RHYTHM: rhythm_figure,
}
