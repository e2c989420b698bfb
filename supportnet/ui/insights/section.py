"""One chart on the Insights page: its heading, its sentence, the chart or its table, and
"Save chart…"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from supportnet.insights.overview import ChartKind
from supportnet.insights.tables import Table
from supportnet.ui.widgets.buttons import push_button

if TYPE_CHECKING:
    from matplotlib.figure import Figure

LOADING = "Adding up your check-ins…"


class ChartSection(QWidget):
    """A chart and everything said about it; the chart or the table shows, never both."""

    def __init__(self, kind: ChartKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.heading = QLabel(kind.label)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.heading.setFont(font)
        self.heading.setAccessibleName(kind.label)
        self.summary = QLabel(LOADING)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setAccessibleName(f"{kind.label}: in words")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.chart_holder = QWidget()
        self._chart_layout = QVBoxLayout(self.chart_holder)
        self._chart_layout.setContentsMargins(0, 0, 0, 0)
        #: The canvas drawing the chart, once there is one (None while thin or loading).
        self.canvas: QWidget | None = None
        self.table = QTableWidget()
        self.table.setAccessibleName(f"{kind.label}, as a table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.chart_holder)
        self.stack.addWidget(self.table)
        self.stack.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

        self.save_button = push_button(
            "Save chart…",
            f"Save the chart {kind.label} as a picture",
            tip="As a PNG picture, an SVG drawing or a PDF",
        )
        self.save_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.stack)
        layout.addLayout(buttons)

    # --- what it shows -----------------------------------------------------------------------

    def set_loading(self) -> None:
        self.summary.setText(LOADING)
        self.save_button.setEnabled(False)

    def set_summary(self, text: str) -> None:
        self.summary.setText(text)
        if self.canvas is not None:
            self.canvas.setAccessibleDescription(text)

    def set_figure(self, figure: Figure | None) -> None:
        """Draw ``figure`` (None: thin data, no chart; the sentence says why)."""
        if self.canvas is not None:
            self._chart_layout.removeWidget(self.canvas)
            self.canvas.deleteLater()
            self.canvas = None
        if figure is not None:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

            canvas = FigureCanvasQTAgg(figure)  # type: ignore[no-untyped-call]
            height = round(figure.get_figheight() * figure.get_dpi())
            canvas.setFixedHeight(height)
            canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            canvas.setAccessibleName(f"Chart: {self.kind.label}")
            canvas.setAccessibleDescription(self.summary.text())
            canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self._chart_layout.addWidget(canvas)
            canvas.show()  # at once, not on the layout's queued call: no blank moment
            self.canvas = canvas
        self.save_button.setEnabled(figure is not None)
        self._fit()

    def set_table(self, table: Table) -> None:
        self.table.clear()
        self.table.setColumnCount(len(table.header))
        self.table.setRowCount(len(table.rows))
        self.table.setHorizontalHeaderLabels(list(table.header))
        for r, row in enumerate(table.rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        self._fit()

    def show_table(self, on: bool) -> None:
        """The numbers as a table instead of the chart."""
        self.stack.setCurrentWidget(self.table if on else self.chart_holder)
        self._fit()

    def _fit(self) -> None:
        # The page scrolls, not each section: a section is as tall as what it shows, and
        # says so up the layouts to the scroll area (which otherwise kept the old height
        # and squeezed every chart to a sliver).
        if self.stack.currentWidget() is self.table:
            rows = min(self.table.rowCount(), 14)
            height = self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
            height += sum(self.table.rowHeight(r) for r in range(rows))
            self.table.setFixedHeight(max(height, self.table.horizontalHeader().height() * 2))
            self.stack.setFixedHeight(self.table.height())
        else:
            self.stack.setFixedHeight(self.canvas.height() if self.canvas is not None else 0)
        self.updateGeometry()
