"""The circle map's scene items: the rings and sectors behind, and one item for each node."""

from __future__ import annotations

import math
import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QPointF,
    QRectF,
    Qt,
)
from PySide6.QtGui import (
    QPainter,
    QPainterPath,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from supportnet.circle_map import geometry as ml
from supportnet.circle_map.geometry import PlacedNode
from supportnet.i18n import _
from supportnet.model.network import Circle, LifeDomain, SupportType
from supportnet.ui.network.map_style import (
    _FONT_PX,
    _NO_BRUSH,
    _NO_PEN,
    MAP_RADIUS,
    MIN_GLYPH_PX,
    RING_NAMES,
    _draw_text,
    _Shared,
    label_drawn,
)

if TYPE_CHECKING:
    from supportnet.ui.network.map_view import CircleMapView


def _cell_path(
    circle: Circle, domain: LifeDomain, radius: float, spans: ml.Spans | None = None
) -> QPainterPath:
    """The outline of one ring-and-sector cell."""
    r_in, r_out = ml.ring_bounds(circle, radius)
    a0, a1 = ml.sector_angles(domain, spans)
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

    # Never smaller than the outer ring's support letters (9 pt and more at the default fit).
    SECTOR_TEXT = 0.046 * MAP_RADIUS
    RING_TEXT = 0.045 * MAP_RADIUS
    ME_TEXT = 0.058 * MAP_RADIUS
    #: The smallest the centre's name is written; a longer name gives way (first name, "…").
    CENTRE_MIN = 0.046 * MAP_RADIUS

    def __init__(self, shared: _Shared) -> None:
        super().__init__()
        self._shared = shared
        #: Whose circles these are: "Me", or a care team's focus person.
        self.centre_text = _("Me")
        #: A ring laid out as one (a care team's view): no sector lines across it.
        self.whole_ring: Circle | None = None
        #: The sectors' angles: wider for a crowded part of life (circle_map/sectors.py).
        self.spans: ml.Spans = ml.EQUAL_SPANS
        self.setZValue(-10)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._sector_labels = self._place_sector_labels()
        self._bounds = self._compute_bounds()

    def _place_sector_labels(self) -> list[tuple[list[str], float, float, int]]:
        placed = []
        for domain in ml.DOMAIN_ORDER:
            a0, a1 = ml.sector_angles(domain, self.spans)
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

    def _centre_line(self) -> tuple[str, float]:
        """The centre's name and size: as large as "Me", smaller when a longer name needs
        it to fit inside the disc, but never under :attr:`CENTRE_MIN`: then the first name,
        shortened with "…" if even that is too wide (the map's accessible name says it)."""
        metrics = self._shared.bold_metrics
        room = 1.7 * ml.me_radius(MAP_RADIUS)

        def width(text: str) -> float:
            return metrics.horizontalAdvance(text) / _FONT_PX

        text = self.centre_text
        size = min(self.ME_TEXT, room / max(width(text), 1e-9))
        if size >= self.CENTRE_MIN:
            return text, size
        first = text.split()[0] if text.split() else text
        if width(first) * self.CENTRE_MIN <= room:
            return first, min(self.ME_TEXT, room / max(width(first), 1e-9))
        while len(first) > 1 and width(first + "…") * self.CENTRE_MIN > room:
            first = first[:-1]
        return first.rstrip() + "…", self.CENTRE_MIN

    def set_spans(self, spans: ml.Spans) -> None:
        """Draw the sectors at these angles, their names in the middle of each."""
        if spans != self.spans:
            self.spans = spans
            self._sector_labels = self._place_sector_labels()
            self.refresh()

    def set_whole_ring(self, circle: Circle | None) -> None:
        if circle is not self.whole_ring:
            self.whole_ring = circle
            self.update()

    def _sector_line_reach(self) -> list[tuple[float, float]]:
        """From where to where the sector lines are drawn: from the "me" disc to the rim,
        leaving out a ring laid out as one."""
        r_me = ml.me_radius(MAP_RADIUS)
        if self.whole_ring is None:
            return [(r_me, MAP_RADIUS)]
        low, high = ml.ring_bounds(self.whole_ring, MAP_RADIUS)
        return [(a, b) for a, b in ((r_me, low), (high, MAP_RADIUS)) if b - a > 1e-6]

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
        scale = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        exporting = self._shared.exporting
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(_NO_PEN)
        for circle in reversed(ml.CIRCLE_ORDER):
            r = ml.ring_bounds(circle, MAP_RADIUS)[1]
            painter.setBrush(theme.ring_fill[circle])
            painter.drawEllipse(QPointF(0, 0), r, r)
        # Sector lines from the "me" disc to the rim.
        painter.setPen(theme.sector_pen)
        r_me = ml.me_radius(MAP_RADIUS)
        reach = self._sector_line_reach()
        for domain in ml.DOMAIN_ORDER:
            a = ml.sector_angles(domain, self.spans)[0]
            c, s = math.cos(a), math.sin(a)
            for near, far in reach:
                painter.drawLine(QPointF(near * c, near * s), QPointF(far * c, far * s))
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
        centre, size = self._centre_line()
        if label_drawn(size * scale, exporting=exporting):
            _draw_text(painter, self._shared, centre, 0, 0, size, align=0, bold=True)
        # Ring names, as small tabs on each ring's outer line at twelve o'clock.
        rings_named = label_drawn(self.RING_TEXT * scale, exporting=exporting)
        for circle in ml.CIRCLE_ORDER:
            x, y, w, h = ml.ring_label_rect(circle, MAP_RADIUS)
            painter.setPen(theme.ring_pen)
            painter.setBrush(theme.tab_fill)
            painter.drawRoundedRect(QRectF(x, y, w, h), h / 2, h / 2)
            if rings_named:
                painter.setPen(theme.quiet_text)
                _draw_text(
                    painter,
                    self._shared,
                    _(RING_NAMES[circle]),
                    0,
                    y + h / 2,
                    self.RING_TEXT,
                    align=0,
                )
        if not label_drawn(self.SECTOR_TEXT * scale, exporting=exporting):
            return
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
        if placed.label_below:  # centred under the mark
            self._text_x, self._align = 0.0, 0
            self._text_y = ml.below_offset(em)
        else:  # beside the mark, away from the centre
            left = placed.label_side > 0
            self._align = -1 if left else 1
            self._text_x = (
                self._label.left() + ml.LABEL_PAD * em
                if left
                else self._label.right() - ml.LABEL_PAD * em
            )
            self._text_y = 0.0
        self._support_y = (
            self._text_y
            + (
                ml.LINE_HEIGHT / 2
                + (len(self._lines) - 1) * ml.LINE_STEP
                + ml.SUPPORT_ROW / 2
                - 0.06
            )
            * em
        )
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
        align = self._align
        painter.setPen(style.text)
        for i, line in enumerate(self._lines):
            y = self._text_y + i * ml.LINE_STEP * em
            _draw_text(painter, shared, line, self._text_x, y, em, align=align)
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
            if not self._view.movable:
                return  # a care team's view: people stay where they are in the user's map
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
