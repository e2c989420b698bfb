"""Rich text drawn on exactly one printed page: the largest font that fits, else smaller."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QPagedPaintDevice, QPainter, QTextDocument


def _fitted_document(
    html_at: Callable[[float], str], sizes: Sequence[float], area: QSizeF, device: QPagedPaintDevice
) -> QTextDocument:
    """The text laid out for ``device`` in the largest of ``sizes`` that fits ``area`` (or
    the smallest tried, if none does)."""
    document = QTextDocument()
    document.setDocumentMargin(0)
    # Laid out at the device's resolution, so points are the paper's points.
    document.documentLayout().setPaintDevice(device)
    for size in sizes:
        font = document.defaultFont()
        font.setPointSizeF(size)
        document.setDefaultFont(font)
        document.setHtml(html_at(size))
        document.setTextWidth(area.width())
        if document.size().height() <= area.height():
            break
    return document


def render_one_page(
    device: QPagedPaintDevice,
    html_at: Callable[[float], str],
    sizes: Sequence[float],
    what: str,
) -> None:
    """Draw ``html_at(size)`` onto ``device``'s first (and only) page.

    ``sizes`` are the body font sizes to try, largest first; ``what`` names the page in the
    error raised when drawing can't start ("the plan", "the rota").
    """
    rect = device.pageLayout().paintRectPixels(device.logicalDpiX())
    area = QSizeF(rect.width(), rect.height())
    document = _fitted_document(html_at, sizes, area, device)
    height = document.size().height()
    # Still too long in the smallest font: draw it all smaller, so it stays one page.
    scale = min(1.0, area.height() / height) if height > 0 else 1.0
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(f"Couldn't start drawing {what}.")
    try:
        painter.scale(scale, scale)
        document.drawContents(painter, QRectF(0, 0, area.width() / scale, area.height() / scale))
    finally:
        painter.end()
