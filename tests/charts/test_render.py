"""Charts drawn to pixels off the GUI thread (``charts/render.py``): the size asked for at
any pixel density, nothing drawn for thin numbers, and every word inside the picture and
clear of the bars at a large text size."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from supportnet.charts.setup import prepare_matplotlib
from supportnet.charts.style import LIGHT
from supportnet.data.store import Store
from supportnet.demo.loader import load_demo
from supportnet.insights.connection import Series, Split, WeeklyConnection
from supportnet.insights.overview import ChartKind
from supportnet.services.registry import Services

NOW = datetime(2026, 11, 25, 17, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _matplotlib() -> None:
    prepare_matplotlib()


@pytest.mark.parametrize("ratio", [1.0, 2.0])
def test_a_chart_is_drawn_as_wide_as_asked_at_the_screens_density(ratio: float) -> None:
    from supportnet.charts.figures import new_figure
    from supportnet.charts.render import draw_figure

    drawn = draw_figure(new_figure(LIGHT, 3.2), 700, ratio)
    assert (drawn.width, drawn.height) == (round(700 * ratio), round(320 * ratio))
    assert drawn.logical_height == 320
    pixels: Any = drawn.renderer.buffer_rgba()
    assert (pixels.shape[1], pixels.shape[0]) == (drawn.width, drawn.height)
    # A Qt canvas scales from the figure's own resolution, not the screen's.
    assert drawn.figure._original_dpi == 100  # type: ignore[attr-defined]


def test_too_narrow_a_width_is_drawn_at_the_narrowest_readable() -> None:
    from supportnet.charts.figures import new_figure
    from supportnet.charts.render import NARROWEST, draw_figure

    assert draw_figure(new_figure(LIGHT, 2.0), 40).width == NARROWEST


def test_thin_numbers_draw_no_chart() -> None:
    from supportnet.charts.render import draw_chart

    empty = WeeklyConnection((), (), Split.CIRCLE)
    assert draw_chart(ChartKind.CONNECTION, empty, LIGHT, 700) is None


def test_every_word_fits_at_a_large_text_size(store: Store) -> None:
    """At 16 pt in a 690-pixel column: every label, note and legend inside the picture,
    and each legend above its chart, never over a bar or a dot."""
    from supportnet.charts.render import draw_chart

    load_demo(store, date(2026, 11, 25), "Europe/London")
    insights = Services.of(store).insights().gather(NOW)
    big = replace(LIGHT, font_size=16.0)
    for kind in ChartKind:
        drawn = draw_chart(kind, insights.numbers(kind), big, 690)
        assert drawn is not None, kind
        renderer = drawn.renderer
        (axes,) = drawn.figure.axes
        # Everything the axes draw (tick labels in view, the lift chart's notes on its
        # right-hand axis, the legend) and every line of the figure's own.
        boxes = [axes.get_tightbbox(renderer)]
        boxes += [text.get_window_extent(renderer) for text in drawn.figure.texts]
        for box in boxes:
            assert box is not None
            assert min(box.x0, box.y0) >= -1, (kind, box)
            assert box.x1 <= drawn.width + 1, (kind, box)
            assert box.y1 <= drawn.height + 1, (kind, box)
        legend = axes.get_legend()
        if legend is not None:
            assert legend.get_window_extent(renderer).y0 >= axes.bbox.y1 - 1, kind


def test_a_font_matplotlib_lacks_falls_back_without_a_word(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The window's font may be one matplotlib can't find: the next it can is used, for
    the labels and the ticks, and nothing is logged on every chart."""
    from supportnet.charts.figures import connection_figure
    from supportnet.charts.render import draw_figure

    style = replace(LIGHT, font_family=("No Such Family Anywhere", "DejaVu Sans"))
    mondays = tuple(date(2026, 6, 1) + timedelta(weeks=week) for week in range(8))
    chart = WeeklyConnection(mondays, (Series("me", "I reached out", (2,) * 8),), Split.WHO)
    with caplog.at_level(logging.WARNING, logger="matplotlib"):
        drawn = draw_figure(connection_figure(chart, style), 500)
    assert not [r for r in caplog.records if "findfont" in r.getMessage()]
    (axes,) = drawn.figure.axes
    tick = axes.get_xticklabels()[0]
    assert tick.get_fontfamily() == ["DejaVu Sans"]
