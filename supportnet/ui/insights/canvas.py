"""A chart on the page: matplotlib's Qt canvas, showing pixels drawn on the worker.

``FigureCanvasQTAgg`` draws its figure on the GUI thread whenever it is resized or asked to;
a big network's chart takes 70–180 ms to draw, long enough for the window to stutter. This
canvas never draws: it shows the pixels the page's worker drew (:mod:`supportnet.charts.render`)
and, when it changes width or moves to a screen of another pixel density, asks for the chart
to be drawn again (:attr:`ChartCanvas.wants_drawing`), showing the last pixels meanwhile.

Imported only when the first chart is shown: it loads matplotlib's Qt backend.
"""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy

from supportnet.charts.render import Drawn


class ChartCanvas(FigureCanvasQTAgg):
    """Shows a :class:`Drawn` chart; its width follows the page, its height the chart's."""

    #: The canvas is now a different size (or density) from its pixels: draw it again.
    wants_drawing = Signal()

    def __init__(self, drawn: Drawn) -> None:
        super().__init__(drawn.figure)  # type: ignore[no-untyped-call]
        self.setMouseTracking(False)  # nothing to point at: no hit-testing on every move
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.drawn = drawn
        self._image = QImage()
        self._ground = QColor()
        self.adopt(drawn)

    def adopt(self, drawn: Drawn) -> None:
        """Show ``drawn`` from now on (the same chart drawn again, or newer numbers)."""
        figure = drawn.figure
        self.figure = figure
        figure.set_canvas(self)
        self._device_pixel_ratio = drawn.ratio
        # The renderer the worker drew, kept as matplotlib's own would be, so saving or
        # reading the canvas sees the same pixels.
        self.renderer = drawn.renderer
        self._lastKey = (drawn.width, drawn.height, figure.dpi)
        self.drawn = drawn
        image = QImage(
            memoryview(drawn.renderer.buffer_rgba()),  # type: ignore[no-untyped-call]
            drawn.width,
            drawn.height,
            QImage.Format.Format_RGBA8888,
        )
        image.setDevicePixelRatio(drawn.ratio)
        self._image = image
        self._ground = QColor.fromRgbF(*figure.get_facecolor())
        self.setFixedHeight(drawn.logical_height)
        self.update()

    @property
    def out_of_date(self) -> bool:
        """True when the pixels shown were drawn for another width or density than the
        canvas's now (compared as asked, in the window's pixels: at a ratio such as 1.5
        matplotlib's pixel count is rounded its own way)."""
        drawn = self.drawn
        return self.width() != drawn.asked or self.devicePixelRatioF() != drawn.ratio

    def draw(self) -> None:
        """Never here: matplotlib asks after a resize; the worker draws instead."""
        if self.out_of_date:
            self.wants_drawing.emit()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        # The last pixels drawn, at the top left: while the page is resized they are a
        # little narrower or wider than the canvas until the worker draws them again.
        painter = QPainter(self)
        try:
            painter.fillRect(event.rect(), self._ground)
            painter.drawImage(QPoint(0, 0), self._image)
        finally:
            painter.end()
