"""How a chart looks: colours and font from the window's palette (the page) or a fixed
light or dark one (the command line), and series told apart by pattern as well as colour.

The series colours are from Okabe and Ito's colour-blind-safe set, leaving out its
vermilion and reddish purple: nothing in Insights is drawn in red.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Okabe–Ito blue, sky blue, bluish green, orange and yellow.
BLUE = "#0072B2"
SKY = "#56B4E9"
GREEN = "#009E73"
ORANGE = "#E69F00"
YELLOW = "#F0E442"

#: Each stacked series' colour and hatch, by its key: a pattern as well as a colour.
SERIES: dict[str, tuple[str, str]] = {
    "inner": (BLUE, ""),
    "middle": (SKY, "//"),
    "outer": (GREEN, ".."),
    "me": (BLUE, ""),
    "them": (ORANGE, "//"),
}


@dataclass(frozen=True, slots=True)
class ChartStyle:
    """Colours as ``#rrggbb``; ``font_size`` in points; ``width`` in inches (a chart's
    height follows its rows)."""

    background: str = "#ffffff"
    text: str = "#1f1f1f"
    quiet: str = "#5c5c5c"
    grid: str = "#d0d0d0"
    font_family: tuple[str, ...] = field(default=("DejaVu Sans",))
    font_size: float = 10.0
    dark: bool = False
    width: float = 8.0

    @property
    def positive(self) -> str:
        return SKY if self.dark else BLUE

    @property
    def neutral(self) -> str:
        return self.quiet

    @property
    def lower(self) -> str:
        return ORANGE


LIGHT = ChartStyle()
DARK = ChartStyle(background="#2b2b2b", text="#ececec", quiet="#b0b0b0", grid="#4a4a4a", dark=True)
