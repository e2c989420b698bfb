"""The circle map view: the network as rings around "me", by closeness and part of life."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QEvent,
    QPointF,
    QRect,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QPainter,
    QPen,
    QResizeEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsView,
    QLabel,
    QWidget,
)

from supportnet.circle_map import geometry as ml
from supportnet.circle_map import layout as map_layout
from supportnet.circle_map.geometry import MapNode, NodeKey, PlacedNode
from supportnet.i18n import _
from supportnet.model.network import Circle
from supportnet.ui.network.map_card import _MapCard
from supportnet.ui.network.map_export import _MapExport
from supportnet.ui.network.map_items import _Backdrop, _cell_path, _NodeItem
from supportnet.ui.network.map_keys import _MapKeys
from supportnet.ui.network.map_style import (
    ACCESSIBLE_NAME,
    KEYBOARD_HELP,
    MAP_RADIUS,
    ZOOM_STEP,
    LegendItem,
    _Shared,
    _Theme,
    card_lines,
    legend_items,
)


class CircleMapView(_MapKeys, _MapCard, _MapExport, QGraphicsView):
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
        self.setAccessibleName(_(ACCESSIBLE_NAME))
        self.setAccessibleDescription(_(KEYBOARD_HELP))
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
        self._whole_ring: Circle | None = None
        self._spans: ml.Spans = ml.EQUAL_SPANS
        self._placed: list[PlacedNode] = []
        self._items: dict[NodeKey, _NodeItem] = {}
        self._order: list[NodeKey] = []
        self._hover: NodeKey | None = None
        self._fitted = True
        #: False in a care team's view: nodes are the user's, moved only in their own map.
        self.movable = True
        self._card = QLabel(self.viewport())
        self._card.setObjectName("circleMapCard")
        self._card.setTextFormat(Qt.TextFormat.RichText)
        self._card.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._card.setAccessibleName(_("Details"))
        self._card.setMargin(0)
        self._card.hide()
        self._style_card()
        self._update_scene_rect()

    # --- public API ----------------------------------------------------------------------

    def set_nodes(self, nodes: Sequence[MapNode], *, whole_ring: Circle | None = None) -> None:
        """Show these people and groups, laid out afresh; the focused node stays focused.

        ``whole_ring``: a ring laid out as one, without its sector lines (a care team's
        view: the team in the inner circle isn't about parts of life)."""
        focused = self._shared.focused
        self._nodes = list(nodes)
        self._whole_ring = whole_ring
        self._backdrop.set_whole_ring(whole_ring)
        # Crowded parts of life get wider sectors, the same on screen and in print.
        self._spans = map_layout.layout_spans(
            self._nodes, radius=MAP_RADIUS, measure=self._shared.measure, whole_ring=whole_ring
        )
        self._backdrop.set_spans(self._spans)
        self._placed = self._lay_out()
        self._show_placed(self._placed)
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

    def _lay_out(self, *, every_name: bool = False) -> list[PlacedNode]:
        return map_layout.layout(
            self._nodes,
            radius=MAP_RADIUS,
            measure=self._shared.measure,
            whole_ring=self._whole_ring,
            every_name=every_name,
            spans=self._spans,
        )

    def _show_placed(self, placed: Sequence[PlacedNode]) -> None:
        """One item for each placed node, in place of the ones shown."""
        for item in self._items.values():
            self._scene.removeItem(item)
        self._items = {}
        for one in placed:
            item = _NodeItem(one, self._shared, self)
            self._scene.addItem(item)
            self._items[one.node.key] = item

    def set_centre(self, text: str | None = None, *, movable: bool = True, about: str = "") -> None:
        """Whose circles the map shows: "Me", or a care team's focus person (``movable``
        False: people are moved in the user's own map only). ``about`` names the map for
        screen readers."""
        self.movable = movable
        self._backdrop.centre_text = _("Me") if text is None else text
        self._backdrop.update()
        self.setAccessibleName(about or _(ACCESSIBLE_NAME))
        self.viewport().setAccessibleName(self.accessibleName())

    def centre_text(self) -> str:
        return self._backdrop.centre_text

    def nodes(self) -> list[MapNode]:
        return list(self._nodes)

    def sector_spans(self) -> ml.Spans:
        """The sectors' angles as drawn now."""
        return self._spans

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
        target = ml.locate(x, y, radius=MAP_RADIUS, spans=self._spans)
        node = item.node
        if not self.movable or target is None or target == (node.circle, node.domain):
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
        if not self.movable:
            self._announce(
                _("{name} stays where they are; move people in your own circles.").format(
                    name=node.label
                )
            )
            return False
        ring = ml.CIRCLE_ORDER.index(node.circle) + ring_step
        if not 0 <= ring < len(ml.CIRCLE_ORDER):
            return False
        sector = (ml.DOMAIN_ORDER.index(node.domain) + sector_step) % len(ml.DOMAIN_ORDER)
        circle, domain = ml.CIRCLE_ORDER[ring], ml.DOMAIN_ORDER[sector]
        if (circle, domain) == (node.circle, node.domain):
            return False
        self._announce(
            _("Moving {name} to {circle}, {domain}.").format(
                name=node.label, circle=circle.label, domain=domain.label
            )
        )
        self.node_moved.emit(key[0], key[1], circle.value, domain.value)
        return True

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

    # --- the card ----------------------------------------------------------------------

    def _hovered(self, item: _NodeItem) -> None:
        self._hover = item.node.key
        self._refresh_card()

    def _unhovered(self, item: _NodeItem) -> None:
        if self._hover == item.node.key:
            self._hover = None
            self._refresh_card()

    def _dragged_over(self, item: _NodeItem, pos: QPointF) -> None:
        target = ml.locate(pos.x(), pos.y(), radius=MAP_RADIUS, spans=self._spans)
        node = item.node
        if target is None or target == (node.circle, node.domain):
            self._drop_marker.setVisible(False)
            self._show_card_text(
                item,
                [node.label, _("Drop here to leave them where they are")]
                if target is None
                else card_lines(node),
            )
            return
        theme = self._shared.theme
        self._drop_marker.setPath(_cell_path(target[0], target[1], MAP_RADIUS, self._spans))
        self._drop_marker.setBrush(QBrush(theme.drop_fill))
        pen = QPen(theme.drop_line, 2.0)
        pen.setCosmetic(True)
        self._drop_marker.setPen(pen)
        self._drop_marker.setVisible(True)
        self._show_card_text(
            item,
            [
                node.label,
                _("Move to {circle} · {domain}").format(
                    circle=target[0].label, domain=target[1].label
                ),
            ],
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
                    self.set_nodes(self._nodes, whole_ring=self._whole_ring)
            for item in self._items.values():
                item.refresh_theme()
            self._apply_theme_to_scene()
            self._style_card()
            self._backdrop.update()

    def _apply_theme_to_scene(self) -> None:
        self.setBackgroundBrush(QBrush(self._shared.theme.background))
