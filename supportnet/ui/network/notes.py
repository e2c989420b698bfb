"""The Network page's side notes: each gentle note as a quiet card, and the legend's words."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from supportnet.i18n import _
from supportnet.ui.widgets.labels import lower_first


def legend_meaning(item: Any) -> str:
    """A legend line's words: "Emotional — listening and empathy", "A person"."""
    if item.glyph.isalpha() or item.glyph == "+":
        # Translators: a kind of support and what it means: "Emotional — listening and empathy".
        return _("{label} — {description}").format(
            label=item.label, description=lower_first(item.description)
        )
    return str(item.description)


class NoteDelegate(QStyledItemDelegate):
    """Each note as a quiet card: wrapped text with air around it, palette colours only."""

    PAD = 10

    def _text_rect(self, rect: QRect) -> QRect:
        pad = self.PAD
        return rect.adjusted(pad, pad, -pad, -pad)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        view = option.widget
        width = view.viewport().width() if isinstance(view, QListView) else option.rect.width()
        width = max(width - 2 * self.PAD - 8, 80)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        bounds = option.fontMetrics.boundingRect(
            QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), text
        )
        return QSize(width + 2 * self.PAD, bounds.height() + 2 * self.PAD)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        rect = option.rect.adjusted(1, 1, -1, -1)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = palette.color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base)
        painter.setBrush(fill)
        # The focused note gets a thicker outline as well as the fill: not colour alone.
        pen = QPen(palette.color(QPalette.ColorRole.Mid))
        if focused:
            pen = QPen(
                palette.color(
                    QPalette.ColorRole.Highlight
                    if not selected
                    else QPalette.ColorRole.HighlightedText
                ),
                2,
            )
        painter.setPen(pen)
        painter.drawRoundedRect(rect, 6, 6)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(palette.color(text_role))
        painter.drawText(
            self._text_rect(option.rect),
            int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
            str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
        )
        painter.restore()


class NotesList(QListView):
    """The notes, re-measured when the width changes so every sentence shows in full."""

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()
