"""The circle map's exports: PNG, SVG and PDF, with title, date and legend."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QMarginsF,
    QPointF,
    QRectF,
    QSize,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsView,
)

from supportnet.circle_map.geometry import NodeKey, PlacedNode
from supportnet.i18n import _
from supportnet.services.files import replace_by_writing
from supportnet.ui.network.map_items import _NodeItem
from supportnet.ui.network.map_style import (
    _DATE_BLOCK,
    _EXPORT_UNITS_PER_PX,
    _FONT_PX,
    _LEGEND_GAP,
    _LEGEND_LINE,
    _NO_BRUSH,
    _PAGE_MARGIN,
    _TITLE_BLOCK,
    SUPPORT_GLYPHS,
    LegendItem,
    _draw_text,
    _Shared,
    _Theme,
    legend_items,
)
from supportnet.ui.widgets.labels import lower_first

if TYPE_CHECKING:
    _ViewBase = QGraphicsView
else:
    _ViewBase = object


class _MapExport(_ViewBase):
    """The circle map view's exports: PNG, SVG and PDF pages with title, date and legend."""

    _shared: _Shared
    _scene: QGraphicsScene
    _drop_marker: QGraphicsPathItem
    _items: dict[NodeKey, _NodeItem]
    _placed: list[PlacedNode]

    if TYPE_CHECKING:

        def _map_rect(self) -> QRectF: ...

        def _lay_out(self, *, every_name: bool = False) -> list[PlacedNode]: ...

        def _show_placed(self, placed: Sequence[PlacedNode]) -> None: ...

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
                raise OSError(_("Couldn't write the picture to {path}.").format(path=path))

        replace_by_writing(Path(path), write)

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
            generator.setTitle(title or _("My support network"))
            generator.setDescription(_("Made with SupportNet"))
            painter = QPainter()
            if not painter.begin(generator):
                raise OSError(_("Couldn't write the drawing to {path}.").format(path=path))
            try:
                self._render_page(painter, QRectF(0, 0, width, height), title, date_text)
            finally:
                painter.end()
            if not tmp.exists() or tmp.stat().st_size == 0:
                raise OSError(_("Couldn't write the drawing to {path}.").format(path=path))

        replace_by_writing(Path(path), write)

    def export_pdf(
        self,
        path: Path,
        page: str = "A4",
        *,
        title: str | None = None,
        date_text: str | None = None,
    ) -> None:
        """The whole map on one printable page ("A4" or "Letter"), 300 dpi. Raises OSError."""
        sizes = {"A4": QPageSize.PageSizeId.A4, "LETTER": QPageSize.PageSizeId.Letter}
        page_id = sizes.get(page.upper())
        if page_id is None:
            raise ValueError(f"Unknown page size {page!r}; use 'A4' or 'Letter'.")
        title = title or _("My support network")

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
                raise OSError(_("Couldn't write the PDF to {path}.").format(path=path))
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
                raise OSError(_("Couldn't write the PDF to {path}.").format(path=path))

        replace_by_writing(Path(path), write)

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
        """Light colours, every label, no focus ring, no cached pixmaps (real vectors).

        A name the screen shortens or leaves out for room (to keep its text at a size that
        reads) is printed whole: the map is laid out again with every name for it."""
        shared = self._shared
        saved = shared.theme
        shared.set_theme(_Theme.for_print())
        shared.exporting = True
        printed = self._lay_out(every_name=True)
        relaid = printed != self._placed
        if relaid:
            self._show_placed(printed)
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
            if relaid:
                self._show_placed(self._placed)
            else:
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
            # Translators: a legend line on the printed map: "Emotional: listening and empathy".
            _("{label}: {description}").format(
                label=item.label, description=lower_first(item.description)
            )
            if i < 5
            else item.description
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
