"""Fixed margins for a chart whose labels' sizes follow from its font alone (numbers and
short month names): constrained layout measures every label to find them, which was
about half of the connection chart's first draw. Imported only when a chart is drawn."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.layout_engine import LayoutEngine


class FixedMargins(LayoutEngine):
    """Margins in points, kept whatever size the figure is drawn at (the page's canvas
    follows the window's width)."""

    _adjust_compatible = True
    _colorbar_gridspec = True

    def __init__(self, *, left: float, bottom: float, right: float, top: float) -> None:
        super().__init__()
        self._points = (left, bottom, right, top)

    def execute(self, fig: Figure) -> None:
        width, height = (size * 72 for size in fig.get_size_inches())
        left, bottom, right, top = self._points
        fig.subplots_adjust(
            left=left / width, bottom=bottom / height, right=1 - right / width, top=1 - top / height
        )
