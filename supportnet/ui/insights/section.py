"""One chart on the Insights page: its heading, its sentence, the chart or its table, and
"Save chart…"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from supportnet.i18n import N_, _
from supportnet.insights.overview import ChartKind
from supportnet.insights.tables import Table
from supportnet.ui.insights.table import NumbersTable
from supportnet.ui.widgets.buttons import push_button
from supportnet.ui.widgets.labels import quiet

if TYPE_CHECKING:
    from supportnet.charts.render import Drawn
    from supportnet.ui.insights.canvas import ChartCanvas

LOADING = N_("Adding up your check-ins…")
DRAWING = N_("Drawing the chart…")
#: The placeholder's height in pixels: about a chart's, so the page barely moves.
PLACEHOLDER_HEIGHT = 160


class ChartSection(QWidget):
    """A chart and everything said about it; the chart or the table shows, never both."""

    #: The chart's canvas changed size: it wants drawing again at the new width.
    wants_drawing = Signal()
    #: The width a chart is shown at changed (the page was laid out or resized).
    width_changed = Signal(int)

    def __init__(self, kind: ChartKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.heading = QLabel(kind.label)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.heading.setFont(font)
        self.heading.setAccessibleName(kind.label)
        self.summary = QLabel(_(LOADING))
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setAccessibleName(_("{chart}: in words").format(chart=kind.label))
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.chart_holder = QWidget()
        self.chart_holder.installEventFilter(self)
        self._chart_layout = QVBoxLayout(self.chart_holder)
        self._chart_layout.setContentsMargins(0, 0, 0, 0)
        #: The canvas showing the chart, once there is one (None while thin or loading).
        self.canvas: ChartCanvas | None = None
        #: Said while a chart is first drawn on the worker (a moment on a big network).
        self.placeholder = quiet(QLabel(_(DRAWING)))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setMinimumHeight(PLACEHOLDER_HEIGHT)
        self.placeholder.hide()
        self._chart_layout.addWidget(self.placeholder)
        self.table = NumbersTable(_("{chart}, as a table").format(chart=kind.label))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.chart_holder)
        self.stack.addWidget(self.table)
        self.stack.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

        self.save_button = push_button(
            _("Save chart…"),
            _("Save the chart {chart} as a picture").format(chart=kind.label),
            tip=_("As a PNG picture, an SVG drawing or a PDF"),
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
        self.summary.setText(_(LOADING))
        self.save_button.setEnabled(False)

    def set_summary(self, text: str) -> None:
        self.summary.setText(text)
        if self.canvas is not None:
            self.canvas.setAccessibleDescription(text)

    def set_drawing(self) -> None:
        """The chart is being drawn on the worker: keep what is shown, or say it's coming."""
        if self.canvas is None:
            self.placeholder.show()
            self._fit()

    def set_unavailable(self, message: str) -> None:
        """No chart can be drawn: ``message`` says so where it would be."""
        self.set_drawn(None)
        self.placeholder.setText(message)
        self.placeholder.setWordWrap(True)
        self.placeholder.show()
        self._fit()

    def set_drawn(self, drawn: Drawn | None, *, savable: bool = True) -> None:
        """Show the chart drawn on the worker (None: thin data, no chart; the sentence says
        why). The canvas is kept from one drawing to the next, so nothing flickers.
        ``savable``: whether "Save chart…" may save it yet."""
        self.placeholder.hide()
        self.placeholder.setText(_(DRAWING))
        if drawn is None:
            if self.canvas is not None:
                self._chart_layout.removeWidget(self.canvas)
                self.canvas.deleteLater()
                self.canvas = None
        elif self.canvas is None:
            from supportnet.ui.insights.canvas import ChartCanvas

            canvas = ChartCanvas(drawn)
            canvas.setAccessibleName(_("Chart: {chart}").format(chart=self.kind.label))
            canvas.setAccessibleDescription(self.summary.text())
            canvas.wants_drawing.connect(self.wants_drawing)
            self._chart_layout.addWidget(canvas)
            canvas.show()  # at once, not on the layout's queued call: no blank moment
            self.canvas = canvas
        else:
            self.canvas.adopt(drawn)
        self.save_button.setEnabled(drawn is not None and savable)
        self._fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.chart_holder and event.type() == QEvent.Type.Resize:
            self.width_changed.emit(self.chart_holder.width())
        return False

    @property
    def chart_width(self) -> int:
        """How wide a chart is shown, in the window's pixels (the page's column)."""
        return self.chart_holder.width()

    def set_table(self, table: Table) -> None:
        self.table.show_table(table)
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
            self.stack.setFixedHeight(self.table.fit_height())
        else:
            if self.canvas is not None:
                height = self.canvas.minimumHeight()
            elif self.placeholder.isVisibleTo(self):
                height = self.placeholder.minimumHeight()
            else:
                height = 0
            self.stack.setFixedHeight(height)
        self.updateGeometry()
