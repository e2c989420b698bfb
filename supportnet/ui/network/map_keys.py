"""The circle map's keyboard: Tab through the nodes, arrows to the nearest, Enter opens,
Control with the arrows moves, plus and minus zoom."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QGraphicsView, QLabel

from supportnet.circle_map import geometry as ml
from supportnet.circle_map.geometry import NodeKey, PlacedNode
from supportnet.i18n import N_
from supportnet.model.network import Circle
from supportnet.ui.network.map_items import _NodeItem
from supportnet.ui.network.map_style import _Shared
from supportnet.ui.widgets.page_keys import KeyList, PageKey, combo

_K = Qt.Key
_CTRL = Qt.KeyboardModifier.ControlModifier
_SHIFT = Qt.KeyboardModifier.ShiftModifier

# The map's keys: its handler below asks these, and Help ▸ Keyboard shortcuts lists them
# (their words marked with N_, said in the language chosen there).
NEXT = PageKey(
    N_("Go from one to the next, inner circle first"),
    (combo(_K.Key_Tab), combo(_K.Key_Tab, _SHIFT)),
)
NEAREST = PageKey(
    N_("The nearest one in that direction"),
    tuple(combo(k) for k in (_K.Key_Up, _K.Key_Down, _K.Key_Left, _K.Key_Right)),
)
MOVE_RING = PageKey(
    N_("Move the chosen one a circle closer or further out"),
    (combo(_K.Key_Up, _CTRL), combo(_K.Key_Down, _CTRL)),
)
MOVE_SECTOR = PageKey(
    N_("Move the chosen one to the part of life beside"),
    (combo(_K.Key_Left, _CTRL), combo(_K.Key_Right, _CTRL)),
)
OPEN = PageKey(
    N_("Open the chosen one"), (combo(_K.Key_Enter), combo(_K.Key_Space)), (_K.Key_Return,)
)
ZOOM_IN = PageKey(N_("Zoom in"), (combo(_K.Key_Plus),), (_K.Key_Equal,), ctrl_too=True)
ZOOM_OUT = PageKey(N_("Zoom out"), (combo(_K.Key_Minus),), (_K.Key_Underscore,), ctrl_too=True)
FIT = PageKey(N_("Fit the map to the window"), (combo(_K.Key_0),), ctrl_too=True)
FIRST = PageKey(N_("The first one"), (combo(_K.Key_Home),))
LAST = PageKey(N_("The last one"), (combo(_K.Key_End),))
HIDE_CARD = PageKey(N_("Hide the card beside the chosen one"), (combo(_K.Key_Escape),))
LEAVE = PageKey(
    N_("Leave the map for the next control"),
    (combo(_K.Key_Tab, _CTRL), combo(_K.Key_Tab, _CTRL | _SHIFT)),
)
MAP_KEYS = KeyList(
    N_("On the circle map"),
    (
        NEXT,
        NEAREST,
        MOVE_RING,
        MOVE_SECTOR,
        OPEN,
        ZOOM_IN,
        ZOOM_OUT,
        FIT,
        FIRST,
        LAST,
        HIDE_CARD,
        LEAVE,
    ),
)

if TYPE_CHECKING:
    _ViewBase = QGraphicsView
else:
    _ViewBase = object


class _MapKeys(_ViewBase):
    """The circle map view's keyboard handling and the order Tab goes in."""

    #: Listed in Help ▸ Keyboard shortcuts.
    PAGE_KEYS: ClassVar[KeyList] = MAP_KEYS

    _shared: _Shared
    _items: dict[NodeKey, _NodeItem]
    _placed: list[PlacedNode]
    _whole_ring: Circle | None
    _order: list[NodeKey]
    _hover: NodeKey | None
    _card: QLabel
    if TYPE_CHECKING:
        node_activated: Signal

        def focus_node(self, key: NodeKey | None) -> None: ...
        def move_focused(self, ring_step: int = 0, sector_step: int = 0) -> bool: ...
        def zoom_in(self) -> None: ...
        def zoom_out(self) -> None: ...
        def fit_to_window(self) -> None: ...
        def _refresh_card(self) -> None: ...

    def _tab_order(self) -> list[NodeKey]:
        """Inner circle first, then outwards; within a ring clockwise from twelve o'clock;
        within a cell in the order of the names (as they are laid out, line by line)."""

        def key(placed: PlacedNode) -> tuple[int, int, float, float]:
            node = placed.node
            # A ring laid out as one reads like its layout: right half, then left half.
            if node.circle is self._whole_ring:
                part = 0 if placed.label_side > 0 else 1
            else:
                part = ml.DOMAIN_ORDER.index(node.domain)
            return (ml.CIRCLE_ORDER.index(node.circle), part, round(placed.y, 3), placed.x)

        return [p.node.key for p in sorted(self._placed, key=key)]

    def tab_order(self) -> list[NodeKey]:
        """The order Tab goes through the nodes."""
        return list(self._order)

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
            if NEXT.matches(event) and self._order:
                forward = key == Qt.Key.Key_Tab and not mods & Qt.KeyboardModifier.ShiftModifier
                self._shared.show_focus = True
                self._cycle(forward)
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        mods = event.modifiers()
        if LEAVE.matches(event):
            # Ctrl+Tab leaves the map, as in other widgets that use Tab themselves.
            forward = key == Qt.Key.Key_Tab and not mods & Qt.KeyboardModifier.ShiftModifier
            super().focusNextPrevChild(forward)
            return
        steps = {
            Qt.Key.Key_Up: (-1, 0),
            Qt.Key.Key_Down: (1, 0),
            Qt.Key.Key_Left: (0, -1),
            Qt.Key.Key_Right: (0, 1),
        }
        if MOVE_RING.matches(event) or MOVE_SECTOR.matches(event):
            self.move_focused(*steps[key])
            return
        if NEAREST.matches(event):
            ring, sector = steps[key]
            self._shared.show_focus = True
            target = self._nearest(float(sector), float(ring))
            if target is not None:
                self.focus_node(target)
            return
        if OPEN.matches(event):
            if self._shared.focused is not None:
                self.node_activated.emit(*self._shared.focused)
            return
        for entry, act in (
            (ZOOM_IN, self.zoom_in),
            (ZOOM_OUT, self.zoom_out),
            (FIT, self.fit_to_window),
        ):
            if entry.matches(event):
                act()
                return
        if (FIRST.matches(event) or LAST.matches(event)) and self._order:
            self._shared.show_focus = True
            self.focus_node(self._order[0] if FIRST.matches(event) else self._order[-1])
            return
        if HIDE_CARD.matches(event) and self._card.isVisible():
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
