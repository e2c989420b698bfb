"""A chart's look from the window's palette and font: light or dark, live."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette

from supportnet.charts.style import ChartStyle

Role = QPalette.ColorRole


def _hex(colour: QColor) -> str:
    return colour.name(QColor.NameFormat.HexRgb)


def style_of(palette: QPalette, font: QFont) -> ChartStyle:
    """The chart's colours from the palette's (the window's ground and text, the quieter text
    for axes, the mid colour for grid lines) and its font's family and size."""
    ground = palette.color(Role.Window)
    families = [*font.families(), "DejaVu Sans"]
    size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    return ChartStyle(
        background=_hex(ground),
        text=_hex(palette.color(Role.WindowText)),
        quiet=_hex(palette.color(Role.PlaceholderText)),
        grid=_hex(palette.color(Role.Mid)),
        font_family=tuple(dict.fromkeys(families)),
        font_size=size,
        dark=ground.lightnessF() < 0.5,
    )
