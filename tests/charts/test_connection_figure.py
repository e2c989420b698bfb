"""The connection chart: a collection of bars per layer, each with its own pattern and its
legend entry above the bars, and margins that stay the same in points whatever the size."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from supportnet.charts.setup import prepare_matplotlib
from supportnet.charts.style import DARK, LIGHT, SERIES
from supportnet.insights.connection import Series, Split, WeeklyConnection

MONDAYS = tuple(date(2026, 6, 1) + timedelta(weeks=week) for week in range(26))


def _chart(outer: int = 2) -> WeeklyConnection:
    return WeeklyConnection(
        MONDAYS,
        (
            Series("inner", "Inner circle", (3,) * 26),
            Series("middle", "Middle circle", (0, 5) * 13),
            Series("outer", "Outer circle", (outer,) * 26),
        ),
        Split.CIRCLE,
    )


def _draw(figure: Any) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas: Any = FigureCanvasAgg(figure)
    canvas.draw()


def test_each_layer_is_one_collection_with_its_pattern_and_words() -> None:
    prepare_matplotlib()
    from matplotlib.collections import PolyCollection

    from supportnet.charts.figures import connection_figure

    figure: Any = connection_figure(_chart(), DARK)
    _draw(figure)
    (axes,) = figure.axes
    layers: list[Any] = [c for c in axes.collections if isinstance(c, PolyCollection)]
    assert [layer.get_label() for layer in layers] == [
        "Inner circle",
        "Middle circle",
        "Outer circle",
    ]
    assert [layer.get_hatch() or "" for layer in layers] == [
        SERIES[k][1] for k in ("inner", "middle", "outer")
    ]
    # A week with none of a layer has no bar of it; the others stack on what is below.
    assert [len(layer.get_paths()) for layer in layers] == [26, 13, 26]
    assert layers[2].get_paths()[1].vertices[:, 1].max() == 3 + 5 + 2
    assert axes.get_ylim()[1] >= 10
    legend = axes.get_legend()
    assert [t.get_text() for t in legend.get_texts()] == [layer.get_label() for layer in layers]
    # The legend sits above the bars, not over the tallest.
    renderer = figure.canvas.get_renderer()
    assert legend.get_window_extent(renderer).y0 >= axes.get_window_extent(renderer).y1 - 1


def test_the_margins_stay_the_same_in_points_when_the_canvas_widens() -> None:
    prepare_matplotlib()

    from supportnet.charts.figures import connection_figure

    figure: Any = connection_figure(_chart(), replace(LIGHT, font_size=14))
    _draw(figure)
    before = figure.axes[0].get_window_extent().frozen()
    figure.set_size_inches(12, 3.2)
    _draw(figure)
    after = figure.axes[0].get_window_extent()
    assert round(after.x0) == round(before.x0)
    assert round(figure.get_figwidth() * figure.dpi - after.x1) == round(800 - before.x1)
    assert after.width > before.width
    # Every label is inside the figure.
    whole = figure.bbox
    for text in [*figure.axes[0].get_yticklabels(), figure.axes[0].yaxis.label]:
        box = text.get_window_extent()
        assert box.x0 >= whole.x0
        assert box.y0 >= whole.y0
