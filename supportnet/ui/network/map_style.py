"""The circle map's words, sizes, colours and text drawing, shared by its items and view."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QPointF,
    Qt,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QPen,
)

from supportnet.circle_map import geometry as ml
from supportnet.circle_map.geometry import MapNode, NodeKey
from supportnet.i18n import N_, _
from supportnet.model.network import Circle, SupportType
from supportnet.ui.widgets.labels import lower_first

ACCESSIBLE_NAME = N_("Circle map of your network")
KEYBOARD_HELP = N_(
    "Tab goes from person to person, from the inner circle outwards. Arrow keys move to the "
    "nearest person in that direction. Enter opens someone. Control with the arrow keys "
    "moves someone: up and down to a closer or further circle, left and right to another "
    "part of life. Plus and minus zoom, zero fits the map to the window. Control with Tab "
    "leaves the map."
)
MAP_RADIUS = 1000.0
#: The letters drawn under a name for each kind of support, explained in the legend.
SUPPORT_GLYPHS = ml.SUPPORT_GLYPHS
RING_NAMES: dict[Circle, str] = {
    Circle.INNER: N_("Inner"),
    Circle.MIDDLE: N_("Middle"),
    Circle.OUTER: N_("Outer"),
}
#: From this quietness on, the outline is dashed (it has been a while, by their own rhythm).
QUIET_DASHED = 0.6
ZOOM_STEP = 1.25
#: Text smaller than this on screen (9 pt at the usual 96 dots an inch) is left out rather
#: than drawn too small to read; zooming in brings it back, and the card, the keyboard and
#: the screen reader name everyone. At the default fit every map text is larger.
MIN_LABEL_PX = 12.0
MIN_GLYPH_PX = MIN_LABEL_PX
_FONT_PX = 100.0  # text is measured and drawn at this size, then scaled to map units
_EXPORT_UNITS_PER_PX = 2.0  # PNG and SVG: one pixel for every two map units, times scale
# The printed page, in hundredths of its width: margin (PNG and SVG; a PDF has the
# printer's margins), title, date, the gap above the legend and each legend line.
_PAGE_MARGIN = 0.04
_TITLE_BLOCK = 4.6
_DATE_BLOCK = 3.4
_LEGEND_GAP = 2.5
_LEGEND_LINE = 2.6
# Made once, not on every paint.
_NO_PEN = QPen(Qt.PenStyle.NoPen)
_NO_BRUSH = QBrush()


def label_drawn(pixels: float, *, exporting: bool, minimum: float = MIN_LABEL_PX) -> bool:
    """Whether text this many pixels high is drawn: on screen only when it can be read
    (zooming in brings it back; the card names anyone), in print always."""
    return exporting or pixels >= minimum


@dataclass(frozen=True, slots=True)
class LegendItem:
    """One line of the legend: a glyph as drawn on the map, and what it means."""

    glyph: str
    label: str
    description: str


def legend_items() -> list[LegendItem]:
    """What the marks on the map mean, in words."""
    items = [LegendItem(SUPPORT_GLYPHS[s], s.label, s.description) for s in ml.BADGE_ORDER]
    items += [
        LegendItem("●", _("Person"), _("A person")),
        LegendItem("■", _("Group"), _("A group or community")),
        LegendItem("◎", _("Crisis ring"), _("Second ring: okay to contact in a crisis")),
        LegendItem("◌", _("It's been a while"), _("Dashed outline: it's been a while")),
    ]
    return items


def support_words(support: frozenset[SupportType]) -> str:
    """ "Emotional, practical and crisis" style list, in the legend's order."""
    words = [s.label for s in ml.BADGE_ORDER if s in support]
    if not words:
        return ""
    words = [words[0]] + [lower_first(w) for w in words[1:]]
    if len(words) == 1:
        return words[0]
    # Translators: the last two of a list: "Emotional, practical and crisis".
    return _("{some} and {last}").format(some=", ".join(words[:-1]), last=words[-1])


def card_lines(node: MapNode) -> list[str]:
    """The lines of the short card shown on hover or keyboard focus."""
    kind = _("Group") if node.is_group else ""
    where = f"{node.circle.label} · {node.domain.label}"
    lines = [node.label, f"{kind} · {where}" if kind else where]
    support = support_words(node.support_types)
    if support:
        lines.append(_("Support: {kinds}").format(kinds=support))
    if node.last_contact_text:
        lines.append(_("Last in touch: {when}").format(when=node.last_contact_text))
    return lines


# --- colours ---------------------------------------------------------------------------------


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved ``t`` of the way to ``b``."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
        1.0,
    )


class _Theme:
    """Every colour, pen and brush the map paints with, made once from a palette."""

    def __init__(self, palette: QPalette) -> None:
        group = QPalette.ColorGroup.Active
        base = palette.color(group, QPalette.ColorRole.Base)
        text = palette.color(group, QPalette.ColorRole.Text)
        accent = palette.color(group, QPalette.ColorRole.Highlight)
        dark = base.lightnessF() < 0.5
        self.background = base
        self.ring_fill = {
            Circle.INNER: QBrush(_mix(base, accent, 0.19 if dark else 0.15)),
            Circle.MIDDLE: QBrush(_mix(base, accent, 0.12 if dark else 0.09)),
            Circle.OUTER: QBrush(_mix(base, accent, 0.06 if dark else 0.045)),
        }
        self.ring_pen = QPen(_mix(base, text, 0.22), 2.0)
        self.sector_pen = QPen(_mix(base, text, 0.13), 1.6)
        self.quiet_text = _mix(base, text, 0.62)
        self.me_fill = QBrush(_mix(base, accent, 0.42 if dark else 0.32))
        self.me_pen = QPen(_mix(base, accent, 0.7), 2.5)
        self.text = text
        self.tab_fill = QBrush(base)
        node_fill = _mix(base, accent, 0.62 if dark else 0.55)
        self.node_line = _mix(accent, text, 0.25) if not dark else _mix(accent, text, 0.35)
        self.node_fill = node_fill
        self.group_fill = _mix(base, accent, 0.4 if dark else 0.34)
        self.badge_fill = QBrush(base)
        self.focus = accent if not dark else _mix(accent, text, 0.3)
        self.drop_fill = QColor(accent)
        self.drop_fill.setAlphaF(0.16)
        self.drop_line = QColor(accent)

    @classmethod
    def for_print(cls) -> _Theme:
        palette = QPalette()
        palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
        palette.setColor(QPalette.ColorRole.Window, QColor("#ffffff"))
        palette.setColor(QPalette.ColorRole.Text, QColor("#26303a"))
        palette.setColor(QPalette.ColorRole.Highlight, QColor("#4a7fb0"))
        return cls(palette)


@dataclass(frozen=True, slots=True)
class _NodeStyle:
    """Pens and brushes for one kind of node, shared by every node of that kind."""

    fill: QBrush
    pen: QPen
    crisis_pen: QPen
    focus_pen: QPen
    focus_fill: QBrush
    text: QColor
    support: QColor


class _Shared:
    """What every item of one map reads while painting: the theme, fonts and mode."""

    def __init__(self, font: QFont, palette: QPalette) -> None:
        self.exporting = False
        self.focused: NodeKey | None = None
        self.show_focus = False
        self._styles: dict[tuple[float, bool, int], _NodeStyle] = {}
        self.set_theme(_Theme(palette))
        self.set_font(font)

    def set_theme(self, theme: _Theme) -> None:
        self.theme = theme
        self._styles.clear()

    def node_style(self, em: float, is_group: bool, quietness: float) -> _NodeStyle:
        """The style for a node; quietness is taken in tenths, so few styles are made."""
        level = round(max(0.0, min(1.0, quietness)) * 10)
        key = (round(em, 2), is_group, level)
        style = self._styles.get(key)
        if style is None:
            style = self._styles[key] = self._make_style(em, is_group, level / 10)
        return style

    def _make_style(self, em: float, is_group: bool, quiet: float) -> _NodeStyle:
        theme = self.theme
        fill = QColor(theme.group_fill if is_group else theme.node_fill)
        line = QColor(theme.node_line)
        pen = QPen(line, 0.09 * em)
        if quiet >= QUIET_DASHED:
            # Long silences: a dashed outline, as strong as any other. The person stays
            # as present as everyone else (nobody fades away); never red, never a warning.
            pen.setWidthF(0.14 * em)
            pen.setStyle(Qt.PenStyle.CustomDashLine)
            pen.setDashPattern([1.6, 1.2])
        focus_fill = QColor(theme.focus)
        focus_fill.setAlphaF(0.16)
        text = QColor(theme.text)
        return _NodeStyle(
            fill=QBrush(fill),
            pen=pen,
            crisis_pen=QPen(line, 0.07 * em),
            focus_pen=QPen(theme.focus, 0.09 * em),
            focus_fill=QBrush(focus_fill),
            text=text,
            support=theme.quiet_text,
        )

    def set_font(self, font: QFont) -> None:
        self.font = QFont(font)
        self.font.setPixelSize(int(_FONT_PX))
        self.bold = QFont(self.font)
        self.bold.setBold(True)
        self.metrics = QFontMetricsF(self.font)
        self.bold_metrics = QFontMetricsF(self.bold)
        # Baseline offset that centres a line of text on y = 0.
        self.centre = (self.metrics.ascent() - self.metrics.descent()) / 2
        self.bold_centre = (self.bold_metrics.ascent() - self.bold_metrics.descent()) / 2

    def measure(self, text: str) -> float:
        return self.metrics.horizontalAdvance(text) / _FONT_PX


def _draw_text(
    painter: QPainter,
    shared: _Shared,
    text: str,
    x: float,
    y: float,
    size: float,
    *,
    align: int = -1,
    bold: bool = False,
) -> None:
    """Draw one line of text ``size`` map units high, vertically centred on ``y``.

    ``align`` -1 puts the text's left edge at ``x``, 0 its middle, 1 its right edge.
    """
    font = shared.bold if bold else shared.font
    metrics = shared.bold_metrics if bold else shared.metrics
    centre = shared.bold_centre if bold else shared.centre
    width = metrics.horizontalAdvance(text)
    painter.save()
    painter.translate(x, y)
    factor = size / _FONT_PX
    painter.scale(factor, factor)
    painter.setFont(font)
    left = 0.0 if align < 0 else (-width / 2 if align == 0 else -width)
    painter.drawText(QPointF(left, centre), text)
    painter.restore()
