"""The Insights page's controls: how far back, how to stack the weeks, tables or charts.

On one line while it fits; where the words are longer (German, a larger text size) the
combos stack under each other, labels beside them, and "Show as tables" goes under them,
so nothing is squeezed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QWidget

from supportnet.i18n import N_, _
from supportnet.insights.connection import Split
from supportnet.ui.widgets.labels import buddy_label

#: The spans offered, in weeks, as the menu says them.
SPANS = ((26, N_("The last 6 months")), (52, N_("The last 12 months")))
#: Room between the two choices, and before "Show as tables", on one line.
_GAP = 12


class InsightsControls(QWidget):
    """The span and split combos with their labels, and the tables check box."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.span = QComboBox()
        for weeks, text in SPANS:
            self.span.addItem(_(text), weeks)
        self.span.setAccessibleName(_("How far back to look"))
        self.split = QComboBox()
        self.split.addItem(_("By circle"), Split.CIRCLE.value)
        self.split.addItem(_("By who reached out"), Split.WHO.value)
        self.split.setAccessibleName(_("Connection over time: how to stack each week"))
        self.tables = QCheckBox(_("Show as &tables"))
        self.tables.setAccessibleName(_("Show the charts as tables"))
        self.tables.setToolTip(_("The same numbers as tables, to read or to hear read out"))
        self._span_label: QLabel = buddy_label(_("&Look back:"), self.span)
        self._split_label: QLabel = buddy_label(_("&Stack weeks:"), self.split)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._one_line: bool | None = None
        self._arrange(one_line=True)

    def _widths(self) -> int:
        """How wide the controls are on one line."""
        shown = (self._span_label, self.span, self._split_label, self.split, self.tables)
        spacing = max(self._grid.horizontalSpacing(), 0)
        return sum(w.sizeHint().width() for w in shown) + 2 * _GAP + 4 * spacing

    def _arrange(self, *, one_line: bool) -> None:
        if one_line == self._one_line:
            return
        self._one_line = one_line
        grid = self._grid
        for widget in (self._span_label, self.span, self._split_label, self.split, self.tables):
            grid.removeWidget(widget)
        for column in range(7):
            grid.setColumnStretch(column, 0)
            grid.setColumnMinimumWidth(column, 0)
        if one_line:
            grid.addWidget(self._span_label, 0, 0)
            grid.addWidget(self.span, 0, 1)
            grid.setColumnMinimumWidth(2, _GAP)
            grid.addWidget(self._split_label, 0, 3)
            grid.addWidget(self.split, 0, 4)
            grid.setColumnStretch(5, 1)
            grid.addWidget(self.tables, 0, 6)
        else:
            grid.addWidget(self._span_label, 0, 0)
            grid.addWidget(self.span, 0, 1)
            grid.addWidget(self._split_label, 1, 0)
            grid.addWidget(self.split, 1, 1)
            grid.addWidget(self.tables, 2, 0, 1, 2)
            grid.setColumnStretch(2, 1)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._arrange(one_line=self._widths() <= self.width())
