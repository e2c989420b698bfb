"""The circle map's card: the details beside the hovered or focused node, also announced."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QGraphicsView,
    QLabel,
)

from supportnet.circle_map import geometry as ml
from supportnet.circle_map.geometry import NodeKey
from supportnet.i18n import _
from supportnet.ui.network.map_items import _NodeItem
from supportnet.ui.network.map_style import (
    KEYBOARD_HELP,
    _mix,
    _Shared,
    card_lines,
)

if TYPE_CHECKING:
    _ViewBase = QGraphicsView
else:
    _ViewBase = object


class _MapCard(_ViewBase):
    """The circle map view's card: the details of the hovered or focused node."""

    _shared: _Shared
    _items: dict[NodeKey, _NodeItem]
    _hover: NodeKey | None
    _card: QLabel

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
        elif self.accessibleDescription() != _(KEYBOARD_HELP):
            self.setAccessibleDescription(_(KEYBOARD_HELP))

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
