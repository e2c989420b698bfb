"""The circle map: the network drawn as rings around "me", by closeness and part of life."""

from __future__ import annotations

import contextlib
import math
import os
import tempfile
import weakref
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QMarginsF,
    QPointF,
    QRect,
    QRectF,
    QSize,
    QSizeF,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QBrush,
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QImage,
    QKeyEvent,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPalette,
    QPdfWriter,
    QPen,
    QResizeEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QLabel,
    QStyleOptionGraphicsItem,
    QWidget,
)

from supportnet import map_geometry as ml
from supportnet import map_layout
from supportnet.map_geometry import MapNode, NodeKey, PlacedNode
from supportnet.network import Circle, LifeDomain, SupportType

ACCESSIBLE_NAME = "Circle map of your network"
KEYBOARD_HELP = (
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
    Circle.INNER: "Inner",
    Circle.MIDDLE: "Middle",
    Circle.OUTER: "Outer",
}
#: From this quietness on, the outline is dashed (it has been a while, by their own rhythm).
QUIET_DASHED = 0.6
ZOOM_STEP = 1.25
#: Text smaller than this on screen is left out; zooming in brings it back.
MIN_LABEL_PX = 4.5
MIN_GLYPH_PX = 5.5
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
        LegendItem("●", "Person", "A person"),
        LegendItem("■", "Group", "A group or community"),
        LegendItem("◎", "Crisis ring", "Second ring: okay to contact in a crisis"),
        LegendItem("◌", "It's been a while", "Paler and dashed: it's been a while"),
    ]
    return items


def support_words(support: frozenset[SupportType]) -> str:
    """ "Emotional, practical and crisis" style list, in the legend's order."""
    words = [s.label for s in ml.BADGE_ORDER if s in support]
    if not words:
        return ""
    words = [words[0]] + [w.lower() for w in words[1:]]
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + " and " + words[-1]


def card_lines(node: MapNode) -> list[str]:
    """The lines of the short card shown on hover or keyboard focus."""
    kind = "Group" if node.is_group else ""
    where = f"{node.circle.label} · {node.domain.label}"
    lines = [node.label, f"{kind} · {where}" if kind else where]
    support = support_words(node.support_types)
    if support:
        lines.append(f"Support: {support}")
    if node.last_contact_text:
        lines.append(f"Last in touch: {node.last_contact_text}")
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
        fill.setAlphaF(1.0 - 0.62 * quiet)
        line = QColor(theme.node_line)
        line.setAlphaF(1.0 - 0.4 * quiet)
        pen = QPen(line, 0.09 * em)
        if quiet >= QUIET_DASHED:
            # Long silences: a paler, dashed outline. Never red, never a warning.
            pen.setWidthF(0.12 * em)
            pen.setStyle(Qt.PenStyle.CustomDashLine)
            pen.setDashPattern([2.0, 1.6])
        focus_fill = QColor(theme.focus)
        focus_fill.setAlphaF(0.16)
        text = QColor(theme.text)
        if quiet >= QUIET_DASHED:
            text = _mix(theme.text, theme.background, 0.2)
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


def _cell_path(circle: Circle, domain: LifeDomain, radius: float) -> QPainterPath:
    """The outline of one ring-and-sector cell."""
    r_in, r_out = ml.ring_bounds(circle, radius)
    a0, a1 = ml.sector_angles(domain)
    sweep = math.degrees(a1 - a0)
    path = QPainterPath()
    path.moveTo(r_in * math.cos(a0), r_in * math.sin(a0))
    path.lineTo(r_out * math.cos(a0), r_out * math.sin(a0))
    # Qt measures arc angles anticlockwise on screen; ours grow clockwise.
    path.arcTo(QRectF(-r_out, -r_out, 2 * r_out, 2 * r_out), -math.degrees(a0), -sweep)
    path.lineTo(r_in * math.cos(a1), r_in * math.sin(a1))
    path.arcTo(QRectF(-r_in, -r_in, 2 * r_in, 2 * r_in), -math.degrees(a1), sweep)
    path.closeSubpath()
    return path


# --- the rings -------------------------------------------------------------------------------


def _sector_label_lines(domain: LifeDomain) -> list[str]:
    """Long sector names on two lines, so they stay close to the circle."""
    label = domain.label
    if len(label) <= 14 or " " not in label:
        return [label]
    words = label.split(" ")
    best = min(
        range(1, len(words)),
        key=lambda i: abs(len(" ".join(words[:i])) - len(" ".join(words[i:]))),
    )
    return [" ".join(words[:best]), " ".join(words[best:])]


class _Backdrop(QGraphicsItem):
    """The rings, sector lines, their names and "Me" in the middle."""

    SECTOR_TEXT = 0.036 * MAP_RADIUS
    RING_TEXT = 0.026 * MAP_RADIUS
    ME_TEXT = 0.05 * MAP_RADIUS

    def __init__(self, shared: _Shared) -> None:
        super().__init__()
        self._shared = shared
        self.setZValue(-10)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._sector_labels = self._place_sector_labels()
        self._bounds = self._compute_bounds()

    def _place_sector_labels(self) -> list[tuple[list[str], float, float, int]]:
        placed = []
        for domain in ml.DOMAIN_ORDER:
            a0, a1 = ml.sector_angles(domain)
            middle = (a0 + a1) / 2
            lines = _sector_label_lines(domain)
            cos, sin = math.cos(middle), math.sin(middle)
            gap = 0.045 * MAP_RADIUS
            x, y = (MAP_RADIUS + gap) * cos, (MAP_RADIUS + gap) * sin
            align = -1 if cos > 0.2 else (1 if cos < -0.2 else 0)
            line_h = self.SECTOR_TEXT * 1.25
            block = line_h * len(lines)
            # Text above the circle grows upwards, below it downwards, beside it centred.
            if sin < -0.5:
                top = y - block
            elif sin > 0.5:
                top = y
            else:
                top = y - block / 2
            placed.append((lines, x, top + line_h / 2, align))
        return placed

    def _compute_bounds(self) -> QRectF:
        rect = QRectF(-MAP_RADIUS, -MAP_RADIUS, 2 * MAP_RADIUS, 2 * MAP_RADIUS)
        metrics = self._shared.metrics
        factor = self.SECTOR_TEXT / _FONT_PX
        for lines, x, y, align in self._sector_labels:
            for i, line in enumerate(lines):
                width = metrics.horizontalAdvance(line) * factor
                left = x if align < 0 else (x - width / 2 if align == 0 else x - width)
                top = y + i * self.SECTOR_TEXT * 1.25 - self.SECTOR_TEXT * 0.7
                rect = rect.united(QRectF(left, top, width, self.SECTOR_TEXT * 1.4))
        return rect.adjusted(-20, -20, 20, 20)

    def refresh(self) -> None:
        self.prepareGeometryChange()
        self._bounds = self._compute_bounds()
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        theme = self._shared.theme
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(_NO_PEN)
        for circle in reversed(ml.CIRCLE_ORDER):
            r = ml.ring_bounds(circle, MAP_RADIUS)[1]
            painter.setBrush(theme.ring_fill[circle])
            painter.drawEllipse(QPointF(0, 0), r, r)
        # Sector lines from the "me" disc to the rim.
        painter.setPen(theme.sector_pen)
        r_me = ml.me_radius(MAP_RADIUS)
        for domain in ml.DOMAIN_ORDER:
            a = ml.sector_angles(domain)[0]
            c, s = math.cos(a), math.sin(a)
            painter.drawLine(QPointF(r_me * c, r_me * s), QPointF(MAP_RADIUS * c, MAP_RADIUS * s))
        painter.setBrush(_NO_BRUSH)
        painter.setPen(theme.ring_pen)
        for circle in ml.CIRCLE_ORDER:
            r = ml.ring_bounds(circle, MAP_RADIUS)[1]
            painter.drawEllipse(QPointF(0, 0), r, r)
        # "Me".
        painter.setPen(theme.me_pen)
        painter.setBrush(theme.me_fill)
        painter.drawEllipse(QPointF(0, 0), r_me, r_me)
        painter.setPen(theme.text)
        _draw_text(painter, self._shared, "Me", 0, 0, self.ME_TEXT, align=0, bold=True)
        # Ring names, as small tabs on each ring's outer line at twelve o'clock.
        for circle in ml.CIRCLE_ORDER:
            x, y, w, h = ml.ring_label_rect(circle, MAP_RADIUS)
            painter.setPen(theme.ring_pen)
            painter.setBrush(theme.tab_fill)
            painter.drawRoundedRect(QRectF(x, y, w, h), h / 2, h / 2)
            painter.setPen(theme.quiet_text)
            _draw_text(
                painter, self._shared, RING_NAMES[circle], 0, y + h / 2, self.RING_TEXT, align=0
            )
        painter.setPen(theme.quiet_text)
        for lines, x, y, align in self._sector_labels:
            for i, line in enumerate(lines):
                _draw_text(
                    painter,
                    self._shared,
                    line,
                    x,
                    y + i * self.SECTOR_TEXT * 1.25,
                    self.SECTOR_TEXT,
                    align=align,
                )


# --- one person or group ---------------------------------------------------------------------


class _NodeItem(QGraphicsItem):
    """A person (a round mark) or a group (a rounded square), its name and support letters."""

    def __init__(self, placed: PlacedNode, shared: _Shared, view: CircleMapView) -> None:
        super().__init__()
        self.placed = placed
        self.node = placed.node
        self._shared = shared
        # A weak reference: the view owns the scene that owns this item.
        self._view_ref = weakref.ref(view)
        em = placed.font_size
        self._em = em
        self.setPos(placed.x, placed.y)
        self.setZValue(10)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        r = ml.DOT_RADIUS * em
        self._dot = QRectF(-r, -r, 2 * r, 2 * r)
        g = r * 0.92
        self._square = QRectF(-g, -g, 2 * g, 2 * g)
        self._crisis = SupportType.CRISIS in self.node.support_types
        cr = ml.CRISIS_RING * em
        self._crisis_rect = QRectF(-cr, -cr, 2 * cr, 2 * cr)
        if self.node.is_group:
            cg = g + (ml.CRISIS_RING - ml.DOT_RADIUS) * em
            self._crisis_rect = QRectF(-cg, -cg, 2 * cg, 2 * cg)
        lx, ly, lw, lh = placed.label_rect
        self._label = QRectF(lx - placed.x, ly - placed.y, lw, lh)
        self._lines = placed.label_text.split("\n") if placed.label_text else []
        self._text_x = (
            self._label.left() + ml.LABEL_PAD * em
            if placed.label_side > 0
            else self._label.right() - ml.LABEL_PAD * em
        )
        self._support_y = (
            ml.LINE_HEIGHT / 2 + (len(self._lines) - 1) * ml.LINE_STEP + ml.SUPPORT_ROW / 2 - 0.06
        ) * em
        nx, ny, nw, nh = placed.node_rect
        self._node_box = QRectF(nx - placed.x, ny - placed.y, nw, nh)
        bounds = self._node_box
        if lw > 0:
            bounds = bounds.united(self._label)
        self._focus_rect = bounds.adjusted(0.05 * em, 0.05 * em, -0.05 * em, -0.05 * em)
        self._bounds = bounds.adjusted(-0.1 * em, -0.1 * em, 0.1 * em, 0.1 * em)
        self._make_pens()
        self._press: QPointF | None = None
        self._dragging = False

    @property
    def _view(self) -> CircleMapView:
        view = self._view_ref()
        assert view is not None
        return view

    def _make_pens(self) -> None:
        node = self.node
        self._style = self._shared.node_style(self._em, node.is_group, node.quietness)

    def refresh_theme(self) -> None:
        self._make_pens()
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self._node_box)
        if self._label.width() > 0:
            path.addRect(self._label)
        return path

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        shared = self._shared
        exporting = shared.exporting
        em = self._em
        px_per_em = em * QStyleOptionGraphicsItem.levelOfDetailFromTransform(
            painter.worldTransform()
        )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        label_visible = bool(self._lines) and label_drawn(px_per_em, exporting=exporting)
        style = self._style
        if not exporting and shared.show_focus and shared.focused == self.node.key:
            # Keyboard focus: a soft highlight round the node and its name, not a ring,
            # so it can't be mistaken for the crisis ring.
            painter.setPen(style.focus_pen)
            painter.setBrush(style.focus_fill)
            radius = 0.45 * em
            painter.drawRoundedRect(self._focus_rect, radius, radius)
        painter.setPen(style.pen)
        painter.setBrush(style.fill)
        if self.node.is_group:
            corner = 0.22 * em
            painter.drawRoundedRect(self._square, corner, corner)
        else:
            painter.drawEllipse(self._dot)
        painter.setBrush(_NO_BRUSH)
        if self._crisis:
            painter.setPen(style.crisis_pen)
            if self.node.is_group:
                corner = 0.3 * em
                painter.drawRoundedRect(self._crisis_rect, corner, corner)
            else:
                painter.drawEllipse(self._crisis_rect)
        if not label_visible:
            return
        align = -1 if self.placed.label_side > 0 else 1
        painter.setPen(style.text)
        for i, line in enumerate(self._lines):
            _draw_text(painter, shared, line, self._text_x, i * ml.LINE_STEP * em, em, align=align)
        support = self.placed.support_text
        if support and label_drawn(
            px_per_em * ml.SUPPORT_SIZE, exporting=exporting, minimum=MIN_GLYPH_PX
        ):
            painter.setPen(style.support)
            _draw_text(
                painter,
                shared,
                support,
                self._text_x,
                self._support_y,
                ml.SUPPORT_SIZE * em,
                align=align,
                bold=True,
            )

    # mouse

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._view._hovered(self)
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._view._unhovered(self)
        super().hoverLeaveEvent(event)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        self._press = event.scenePos()
        self._dragging = False
        self._view.focus_node(self.node.key)
        event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._press is None:
            return
        delta = event.scenePos() - self._press
        if not self._dragging:
            threshold = self._view._drag_threshold_scene()
            if math.hypot(delta.x(), delta.y()) < threshold:
                return
            self._dragging = True
            self.setZValue(20)
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        self.setPos(self.placed.x + delta.x(), self.placed.y + delta.y())
        self._view._dragged_over(self, self.pos())

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        was_dragging = self._dragging
        self._press = None
        self._dragging = False
        self.setZValue(10)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        if was_dragging:
            self._view.drop_node(self.node.key, self.pos().x(), self.pos().y())

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._view.node_activated.emit(*self.node.key)
        event.accept()

    def snap_back(self) -> None:
        self.setPos(self.placed.x, self.placed.y)


# --- the view --------------------------------------------------------------------------------


class CircleMapView(QGraphicsView):
    """The network as concentric circles around "me", one sector for each part of life.

    Signals:
        node_moved(kind, id, circle, domain): a node was dropped in another cell, by mouse
            or keyboard. The controller applies it (with undo) and calls :meth:`set_nodes`.
        node_activated(kind, id): double-click or Enter on a node.
        focus_changed(kind, id): the focused node changed (kind is "" when none is).
    """

    node_moved = Signal(str, int, str, str)
    node_activated = Signal(str, int)
    focus_changed = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(ACCESSIBLE_NAME)
        self.setAccessibleDescription(KEYBOARD_HELP)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        # Panning is by dragging the background, the wheel, or following the keyboard focus.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._shared = _Shared(self.font(), self.palette())
        self._scene = QGraphicsScene(self)
        self._scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.setScene(self._scene)
        self._backdrop = _Backdrop(self._shared)
        self._scene.addItem(self._backdrop)
        self._drop_marker = QGraphicsPathItem()
        self._drop_marker.setZValue(5)
        self._drop_marker.setVisible(False)
        self._scene.addItem(self._drop_marker)
        self._apply_theme_to_scene()
        self._nodes: list[MapNode] = []
        self._placed: list[PlacedNode] = []
        self._items: dict[NodeKey, _NodeItem] = {}
        self._order: list[NodeKey] = []
        self._hover: NodeKey | None = None
        self._fitted = True
        self._card = QLabel(self.viewport())
        self._card.setObjectName("circleMapCard")
        self._card.setTextFormat(Qt.TextFormat.RichText)
        self._card.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._card.setAccessibleName("Details")
        self._card.setMargin(0)
        self._card.hide()
        self._style_card()
        self._update_scene_rect()

    # --- public API ----------------------------------------------------------------------

    def set_nodes(self, nodes: Sequence[MapNode]) -> None:
        """Show these people and groups, laid out afresh; the focused node stays focused."""
        focused = self._shared.focused
        self._nodes = list(nodes)
        self._placed = map_layout.layout(
            self._nodes, radius=MAP_RADIUS, measure=self._shared.measure
        )
        for item in self._items.values():
            self._scene.removeItem(item)
        self._items = {}
        for placed in self._placed:
            item = _NodeItem(placed, self._shared, self)
            self._scene.addItem(item)
            self._items[placed.node.key] = item
        self._order = self._tab_order()
        self._hover = self._hover if self._hover in self._items else None
        if focused is not None and focused not in self._items:
            self._shared.focused = None
            self.focus_changed.emit("", 0)
        self._drop_marker.setVisible(False)
        self._update_scene_rect()
        if self._fitted:
            self.fit_to_window()
        self._refresh_card()

    def nodes(self) -> list[MapNode]:
        return list(self._nodes)

    def placed_nodes(self) -> list[PlacedNode]:
        """Where every node was laid out, in map units."""
        return list(self._placed)

    def focused_key(self) -> NodeKey | None:
        return self._shared.focused

    def focus_node(self, key: NodeKey | None) -> None:
        """Give a node the keyboard focus (None clears it), show its card, announce it."""
        if key is not None and key not in self._items:
            return
        previous = self._shared.focused
        self._shared.focused = key
        if key is not None:
            self._shared.show_focus = True
        for changed in {previous, key}:
            if changed is not None and changed in self._items:
                self._items[changed].update()
        if key is not None and not self._fitted:
            self.ensureVisible(self._items[key], 40, 40)
        self._refresh_card()
        if previous != key:
            self.focus_changed.emit(*(key or ("", 0)))

    def zoom_in(self) -> None:
        self._zoom(ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom(1 / ZOOM_STEP)

    def fit_to_window(self) -> None:
        """Show the whole map, as large as the window allows."""
        self.fitInView(self._map_rect(), Qt.AspectRatioMode.KeepAspectRatio)
        self._fitted = True
        self._refresh_card()

    def zoom_factor(self) -> float:
        """How much larger than "fit to window" the map is drawn now."""
        return self.transform().m11() / max(self._fit_scale(), 1e-9)

    def legend_items(self) -> list[LegendItem]:
        return legend_items()

    def card_text(self) -> str:
        """The words of the card shown now ("" when none is)."""
        key = self._card_key()
        if key is None:
            return ""
        return ". ".join(card_lines(self._items[key].node))

    def node_item(self, key: NodeKey) -> QGraphicsItem:
        """The scene item drawing a node (for tests and for positioning dialogs)."""
        return self._items[key]

    def drop_node(self, key: NodeKey, x: float, y: float) -> bool:
        """Drop a node at map position ``(x, y)``.

        Emits :attr:`node_moved` and returns True when that is another ring or sector; snaps
        the node back and returns False on its own cell, on "me" or outside the rings.
        """
        item = self._items.get(key)
        self._drop_marker.setVisible(False)
        if item is None:
            return False
        target = ml.locate(x, y, radius=MAP_RADIUS)
        node = item.node
        if target is None or target == (node.circle, node.domain):
            item.snap_back()
            self._refresh_card()
            return False
        item.setPos(x, y)
        self.node_moved.emit(node.key[0], node.key[1], target[0].value, target[1].value)
        return True

    def move_focused(self, ring_step: int = 0, sector_step: int = 0) -> bool:
        """Move the focused node ``ring_step`` rings outwards and ``sector_step`` sectors
        clockwise, by emitting :attr:`node_moved`. False when there is nowhere to go.
        """
        key = self._shared.focused
        if key is None:
            return False
        node = self._items[key].node
        ring = ml.CIRCLE_ORDER.index(node.circle) + ring_step
        if not 0 <= ring < len(ml.CIRCLE_ORDER):
            return False
        sector = (ml.DOMAIN_ORDER.index(node.domain) + sector_step) % len(ml.DOMAIN_ORDER)
        circle, domain = ml.CIRCLE_ORDER[ring], ml.DOMAIN_ORDER[sector]
        if (circle, domain) == (node.circle, node.domain):
            return False
        self._announce(f"Moving {node.label} to {circle.label}, {domain.label}.")
        self.node_moved.emit(key[0], key[1], circle.value, domain.value)
        return True

    def export_png(
        self,
        path: Path,
        scale: float = 2.0,
        *,
        title: str | None = None,
        date_text: str | None = None,
    ) -> None:
        """The whole map as a PNG on a white background. Raises OSError when it can't."""
        size = self._page_size(title, date_text)
        pixels = QSize(
            max(1, round(size.width() / _EXPORT_UNITS_PER_PX * scale)),
            max(1, round(size.height() / _EXPORT_UNITS_PER_PX * scale)),
        )
        image = QImage(pixels, QImage.Format.Format_ARGB32_Premultiplied)
        image.setDotsPerMeterX(round(96 * scale / 0.0254))
        image.setDotsPerMeterY(round(96 * scale / 0.0254))
        image.fill(QColor("white"))
        painter = QPainter(image)
        try:
            self._render_page(
                painter, QRectF(0, 0, pixels.width(), pixels.height()), title, date_text
            )
        finally:
            painter.end()

        def write(tmp: Path) -> None:
            if not image.save(str(tmp), "PNG"):  # type: ignore[call-overload]
                raise OSError(f"Couldn't write the picture to {path}.")

        _write_atomically(path, write)

    def export_svg(
        self, path: Path, *, title: str | None = None, date_text: str | None = None
    ) -> None:
        """The whole map as an SVG drawing on a white background. Raises OSError."""
        from PySide6.QtSvg import QSvgGenerator

        size = self._page_size(title, date_text)
        width = round(size.width() / _EXPORT_UNITS_PER_PX)
        height = round(size.height() / _EXPORT_UNITS_PER_PX)

        def write(tmp: Path) -> None:
            generator = QSvgGenerator()
            generator.setFileName(str(tmp))
            generator.setSize(QSize(width, height))
            generator.setViewBox(QRectF(0, 0, width, height))
            generator.setTitle(title or "My support network")
            generator.setDescription("Made with SupportNet")
            painter = QPainter()
            if not painter.begin(generator):
                raise OSError(f"Couldn't write the drawing to {path}.")
            try:
                self._render_page(painter, QRectF(0, 0, width, height), title, date_text)
            finally:
                painter.end()
            if not tmp.exists() or tmp.stat().st_size == 0:
                raise OSError(f"Couldn't write the drawing to {path}.")

        _write_atomically(path, write)

    def export_pdf(
        self,
        path: Path,
        page: str = "A4",
        *,
        title: str = "My support network",
        date_text: str | None = None,
    ) -> None:
        """The whole map on one printable page ("A4" or "Letter"), 300 dpi. Raises OSError."""
        sizes = {"A4": QPageSize.PageSizeId.A4, "LETTER": QPageSize.PageSizeId.Letter}
        page_id = sizes.get(page.upper())
        if page_id is None:
            raise ValueError(f"Unknown page size {page!r}; use 'A4' or 'Letter'.")

        def write(tmp: Path) -> None:
            writer = QPdfWriter(str(tmp))
            writer.setResolution(300)
            writer.setPageLayout(
                QPageLayout(
                    QPageSize(page_id),
                    QPageLayout.Orientation.Portrait,
                    QMarginsF(15, 15, 15, 15),
                    QPageLayout.Unit.Millimeter,
                )
            )
            writer.setTitle(title)
            writer.setCreator("SupportNet")
            painter = QPainter()
            if not painter.begin(writer):
                raise OSError(f"Couldn't write the PDF to {path}.")
            try:
                area = writer.pageLayout().paintRectPixels(writer.resolution())
                self._render_page(
                    painter,
                    QRectF(0, 0, area.width(), area.height()),
                    title,
                    date_text,
                    margin=0.0,
                )
            finally:
                painter.end()
            if not tmp.exists() or tmp.stat().st_size == 0:
                raise OSError(f"Couldn't write the PDF to {path}.")

        _write_atomically(path, write)

    # --- drawing for print ---------------------------------------------------------------

    def _page_size(self, title: str | None, date_text: str | None) -> QSizeF:
        """The size of a page that holds the map exactly, in map units, with a margin."""
        rect = self._map_rect()
        width = rect.width()
        unit = width / 100.0
        height = rect.height() + self._page_extras(title, date_text) * unit
        margin = _PAGE_MARGIN * width
        return QSizeF(width + 2 * margin, height + 2 * margin)

    @staticmethod
    def _page_extras(title: str | None, date_text: str | None) -> float:
        """Height of the title and legend, in hundredths of the page's width."""
        extra = _LEGEND_GAP + 3 * _LEGEND_LINE
        if title:
            extra += _TITLE_BLOCK + (_DATE_BLOCK if date_text else 0.0)
        return extra

    @contextlib.contextmanager
    def _print_mode(self) -> Iterator[None]:
        """Light colours, every label, no focus ring, no cached pixmaps (real vectors)."""
        shared = self._shared
        saved = shared.theme
        shared.set_theme(_Theme.for_print())
        shared.exporting = True
        items = list(self._items.values())
        for item in items:
            item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
            item.refresh_theme()
        hidden_marker = self._drop_marker.isVisible()
        self._drop_marker.setVisible(False)
        try:
            yield
        finally:
            shared.set_theme(saved)
            shared.exporting = False
            for item in items:
                item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
                item.refresh_theme()
            self._drop_marker.setVisible(hidden_marker)

    def _render_page(
        self,
        painter: QPainter,
        area: QRectF,
        title: str | None,
        date_text: str | None,
        *,
        margin: float = _PAGE_MARGIN,
    ) -> None:
        """Title, the map and the legend, fitted into ``area`` of any paint device."""
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        painter.fillRect(area, QColor("white"))
        pad = margin * area.width() / (1 + 2 * margin)
        area = area.adjusted(pad, pad, -pad, -pad)
        source = self._map_rect()
        # Everything is sized in hundredths of the width, and shrunk as a whole when the
        # page is too short for it (a portrait page holds a wide map with room to spare).
        extras = self._page_extras(title, date_text)
        aspect = source.height() / source.width()
        unit = min(area.width(), area.height() / (aspect + extras / 100.0)) / 100.0
        width = 100.0 * unit
        left = area.left() + (area.width() - width) / 2
        top = area.top()
        shared = self._shared
        if title:
            painter.setPen(QColor("#26303a"))
            size = 2.9 * unit
            _draw_text(painter, shared, title, left, top + size * 0.6, size, bold=True)
            top += _TITLE_BLOCK * unit
            if date_text:
                painter.setPen(QColor("#56606a"))
                size = 1.7 * unit
                _draw_text(painter, shared, date_text, left, top + size * 0.2, size)
                top += _DATE_BLOCK * unit
        map_area = QRectF(left, top, width, width * aspect)
        with self._print_mode():
            self._scene.render(painter, map_area, source, Qt.AspectRatioMode.KeepAspectRatio)
        legend = QRectF(
            left, map_area.bottom() + _LEGEND_GAP * unit, width, 3 * _LEGEND_LINE * unit
        )
        self._draw_legend(painter, legend, unit)

    def _draw_legend(self, painter: QPainter, rect: QRectF, unit: float) -> None:
        shared = self._shared
        theme = _Theme.for_print()
        items = legend_items()
        columns = 3
        col_w = rect.width() / columns
        line_h = rect.height() / 3
        glyph = 1.5 * unit
        texts = [
            f"{item.label}: {item.description.lower()}" if i < 5 else item.description
            for i, item in enumerate(items)
        ]
        # One type size for the whole legend, as large as the widest entry allows.
        room = col_w - glyph * 1.6 - unit
        widest = max(shared.metrics.horizontalAdvance(text) for text in texts) / _FONT_PX
        size = min(1.3 * unit, room / widest)
        painter.setPen(QColor("#26303a"))
        for i, (item, text) in enumerate(zip(items, texts, strict=True)):
            col, row = i % columns, i // columns
            x = rect.left() + col * col_w
            y = rect.top() + row * line_h + line_h / 2
            self._draw_legend_glyph(painter, item, QPointF(x + glyph * 0.6, y), glyph, theme)
            painter.setPen(QColor("#26303a"))
            _draw_text(painter, shared, text, x + glyph * 1.6, y, size)

    def _draw_legend_glyph(
        self, painter: QPainter, item: LegendItem, centre: QPointF, size: float, theme: _Theme
    ) -> None:
        r = size * 0.45
        painter.setBrush(theme.badge_fill)
        if item.glyph in SUPPORT_GLYPHS.values():
            painter.setPen(theme.quiet_text)
            _draw_text(
                painter,
                self._shared,
                item.glyph,
                centre.x(),
                centre.y(),
                size * 0.9,
                align=0,
                bold=True,
            )
            return
        pen = QPen(theme.node_line, size * 0.08)
        fill = QColor(theme.node_fill)
        if item.glyph == "◌":
            pen.setStyle(Qt.PenStyle.CustomDashLine)
            pen.setDashPattern([2.2, 1.6])
            fill.setAlphaF(0.45)
        painter.setPen(pen)
        painter.setBrush(QBrush(fill if item.glyph != "■" else theme.group_fill))
        if item.glyph == "◎":
            painter.drawEllipse(centre, r * 0.72, r * 0.72)
            painter.setBrush(_NO_BRUSH)
            painter.setPen(QPen(theme.node_line, size * 0.05))
            painter.drawEllipse(centre, r, r)
        elif item.glyph == "■":
            g = r * 0.9
            painter.drawRoundedRect(
                QRectF(centre.x() - g, centre.y() - g, 2 * g, 2 * g), r * 0.5, r * 0.5
            )
        else:
            painter.drawEllipse(centre, r, r)

    # --- geometry ------------------------------------------------------------------------

    def _map_rect(self) -> QRectF:
        rect = self._backdrop.boundingRect()
        for item in self._items.values():
            rect = rect.united(item.mapRectToScene(item.boundingRect()))
        return rect

    def _update_scene_rect(self) -> None:
        rect = self._map_rect()
        margin = rect.width() * 0.5
        self._scene.setSceneRect(rect.adjusted(-margin, -margin, margin, margin))

    def _fit_scale(self) -> float:
        rect = self._map_rect()
        view = self.viewport().rect()
        if rect.isEmpty() or view.isEmpty():
            return 1.0
        return min(view.width() / rect.width(), view.height() / rect.height())

    def _zoom(self, factor: float, anchor: QPointF | None = None) -> None:
        fit = self._fit_scale()
        current = self.transform().m11()
        target = max(fit * 0.6, min(fit * 16.0, current * factor))
        if abs(target - current) < 1e-9:
            return
        old_anchor = self.transformationAnchor()
        if anchor is None:
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
            key = self._shared.focused
            if key is not None:
                self.centerOn(self._items[key])
        self.scale(target / current, target / current)
        self.setTransformationAnchor(old_anchor)
        self._fitted = False
        self._refresh_card()

    def _drag_threshold_scene(self) -> float:
        from PySide6.QtWidgets import QApplication

        return QApplication.startDragDistance() / max(self.transform().m11(), 1e-9)

    def _tab_order(self) -> list[NodeKey]:
        """Inner circle first, then outwards; within a ring clockwise from twelve o'clock;
        within a cell in the order of the names (as they are laid out, line by line)."""

        def key(placed: PlacedNode) -> tuple[int, int, float, float]:
            node = placed.node
            return (
                ml.CIRCLE_ORDER.index(node.circle),
                ml.DOMAIN_ORDER.index(node.domain),
                round(placed.y, 3),
                placed.x,
            )

        return [p.node.key for p in sorted(self._placed, key=key)]

    def tab_order(self) -> list[NodeKey]:
        """The order Tab goes through the nodes."""
        return list(self._order)

    # --- focus, keys and the card --------------------------------------------------------

    def _cycle(self, forward: bool) -> None:
        if not self._order:
            return
        key = self._shared.focused
        if key is None or key not in self._order:
            self.focus_node(self._order[0] if forward else self._order[-1])
            return
        index = self._order.index(key) + (1 if forward else -1)
        self.focus_node(self._order[index % len(self._order)])

    def _nearest(self, dx: float, dy: float) -> NodeKey | None:
        key = self._shared.focused
        if key is None:
            return self._order[0] if self._order else None
        here = self._items[key].placed
        best: tuple[float, NodeKey] | None = None
        for placed in self._placed:
            if placed.node.key == key:
                continue
            vx, vy = placed.x - here.x, placed.y - here.y
            along = vx * dx + vy * dy
            if along <= 1e-6:
                continue
            across = abs(vx * dy - vy * dx)
            if across > 2.5 * along:
                continue  # more sideways than in the asked direction
            score = along + 2.0 * across
            if best is None or score < best[0]:
                best = (score, placed.node.key)
        return best[1] if best else None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            mods = event.modifiers()
            plain_tab = not mods & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
            )
            if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and plain_tab and self._order:
                forward = key == Qt.Key.Key_Tab and not mods & Qt.KeyboardModifier.ShiftModifier
                self._shared.show_focus = True
                self._cycle(forward)
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        mods = event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        arrows = {
            Qt.Key.Key_Up: (0.0, -1.0),
            Qt.Key.Key_Down: (0.0, 1.0),
            Qt.Key.Key_Left: (-1.0, 0.0),
            Qt.Key.Key_Right: (1.0, 0.0),
        }
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and ctrl:
            # Ctrl+Tab leaves the map, as in other widgets that use Tab themselves.
            forward = key == Qt.Key.Key_Tab and not mods & Qt.KeyboardModifier.ShiftModifier
            super().focusNextPrevChild(forward)
            return
        if key in arrows and ctrl:
            steps = {
                Qt.Key.Key_Up: (-1, 0),
                Qt.Key.Key_Down: (1, 0),
                Qt.Key.Key_Left: (0, -1),
                Qt.Key.Key_Right: (0, 1),
            }
            self.move_focused(*steps[key])
            return
        if key in arrows:
            self._shared.show_focus = True
            target = self._nearest(*arrows[key])
            if target is not None:
                self.focus_node(target)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            if self._shared.focused is not None:
                self.node_activated.emit(*self._shared.focused)
            return
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
            return
        if key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_out()
            return
        if key == Qt.Key.Key_0:
            self.fit_to_window()
            return
        if key == Qt.Key.Key_Home and self._order:
            self._shared.show_focus = True
            self.focus_node(self._order[0])
            return
        if key == Qt.Key.Key_End and self._order:
            self._shared.show_focus = True
            self.focus_node(self._order[-1])
            return
        if key == Qt.Key.Key_Escape and self._card.isVisible():
            self._hover = None
            self._card.hide()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        reason = event.reason()
        by_keyboard = reason in (
            Qt.FocusReason.TabFocusReason,
            Qt.FocusReason.BacktabFocusReason,
            Qt.FocusReason.ShortcutFocusReason,
            Qt.FocusReason.OtherFocusReason,
        )
        self._shared.show_focus = by_keyboard or self._shared.focused is not None
        if by_keyboard and self._shared.focused is None and self._order:
            backwards = reason == Qt.FocusReason.BacktabFocusReason
            self.focus_node(self._order[-1] if backwards else self._order[0])
        else:
            self._repaint_focused()
            self._refresh_card()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._shared.show_focus = False
        self._repaint_focused()
        self._refresh_card()

    def _repaint_focused(self) -> None:
        key = self._shared.focused
        if key is not None and key in self._items:
            self._items[key].update()

    def _hovered(self, item: _NodeItem) -> None:
        self._hover = item.node.key
        self._refresh_card()

    def _unhovered(self, item: _NodeItem) -> None:
        if self._hover == item.node.key:
            self._hover = None
            self._refresh_card()

    def _dragged_over(self, item: _NodeItem, pos: QPointF) -> None:
        target = ml.locate(pos.x(), pos.y(), radius=MAP_RADIUS)
        node = item.node
        if target is None or target == (node.circle, node.domain):
            self._drop_marker.setVisible(False)
            self._show_card_text(
                item,
                [node.label, "Drop here to leave them where they are"]
                if target is None
                else card_lines(node),
            )
            return
        theme = self._shared.theme
        self._drop_marker.setPath(_cell_path(target[0], target[1], MAP_RADIUS))
        self._drop_marker.setBrush(QBrush(theme.drop_fill))
        pen = QPen(theme.drop_line, 2.0)
        pen.setCosmetic(True)
        self._drop_marker.setPen(pen)
        self._drop_marker.setVisible(True)
        self._show_card_text(item, [node.label, f"Move to {target[0].label} · {target[1].label}"])

    def _card_key(self) -> NodeKey | None:
        if self._hover is not None and self._hover in self._items:
            return self._hover
        if self.hasFocus() and self._shared.focused in self._items:
            return self._shared.focused
        return None

    def _refresh_card(self) -> None:
        key = self._card_key()
        if key is None:
            self._card.hide()
        else:
            item = self._items[key]
            self._show_card_text(item, card_lines(item.node))
        focused = self._shared.focused
        if focused is not None and focused in self._items:
            description = ". ".join(card_lines(self._items[focused].node))
            if self.accessibleDescription() != description:
                self._announce(description)
        elif self.accessibleDescription() != KEYBOARD_HELP:
            self.setAccessibleDescription(KEYBOARD_HELP)

    def _announce(self, text: str) -> None:
        self.setAccessibleDescription(text)
        with contextlib.suppress(Exception):  # no accessibility backend: nothing to tell
            QAccessible.updateAccessibility(
                QAccessibleEvent(self, QAccessible.Event.DescriptionChanged)
            )

    def _show_card_text(self, item: _NodeItem, lines: list[str]) -> None:
        import html

        first, rest = lines[0], lines[1:]
        body = f"<b>{html.escape(first)}</b>"
        for line in rest:
            body += f"<br>{html.escape(line)}"
        self._card.setText(body)
        self._card.adjustSize()
        anchor = self.mapFromScene(item.pos())
        r_px = ml.NODE_EXTENT * item.placed.font_size * self.transform().m11()
        view = self.viewport().rect()
        x = anchor.x() + r_px + 14
        y = anchor.y() + r_px + 10
        if x + self._card.width() > view.right() - 8:
            x = anchor.x() - r_px - 14 - self._card.width()
        if y + self._card.height() > view.bottom() - 8:
            y = anchor.y() - r_px - 10 - self._card.height()
        x = max(8, min(x, view.right() - 8 - self._card.width()))
        y = max(8, min(y, view.bottom() - 8 - self._card.height()))
        self._card.move(round(x), round(y))
        self._card.show()
        self._card.raise_()

    def _style_card(self) -> None:
        palette = self.palette()
        group = QPalette.ColorGroup.Active
        window = palette.color(group, QPalette.ColorRole.Window)
        text = palette.color(group, QPalette.ColorRole.WindowText)
        border = _mix(window, text, 0.3)
        self._card.setStyleSheet(
            f"QLabel#circleMapCard {{ background: {window.name()}; color: {text.name()};"
            f" border: 1px solid {border.name()}; border-radius: 8px; padding: 8px 12px; }}"
        )

    # --- Qt events -----------------------------------------------------------------------

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        super().drawBackground(painter, rect)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120.0
            if steps:
                self._zoom(ZOOM_STEP**steps, anchor=event.position())
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fitted:
            self.fit_to_window()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._fitted:
            self.fit_to_window()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._shared.set_theme(_Theme(self.palette()))
            if event.type() == QEvent.Type.FontChange:
                self._shared.set_font(self.font())
                self._backdrop.refresh()
                if self._nodes:
                    self.set_nodes(self._nodes)
            for item in self._items.values():
                item.refresh_theme()
            self._apply_theme_to_scene()
            self._style_card()
            self._backdrop.update()

    def _apply_theme_to_scene(self) -> None:
        self.setBackgroundBrush(QBrush(self._shared.theme.background))


def _write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Write through a temporary file beside ``path``, then put it in place in one step."""
    path = Path(path)
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    tmp = Path(name)
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
