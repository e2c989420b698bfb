"""Rich text on exactly one printed page: the paper, the fitting font, the PDF file."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import (
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from supportnet.services.files import replace_by_writing

#: The printable page's margins, in millimetres.
MARGIN_MM = 14.0
#: Countries whose paper is US Letter; everyone else prints on A4.
LETTER_COUNTRIES = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "PR"})

#: Keeps the offscreen application made for the command line alive.
_MADE: list[QGuiApplication] = []


def ensure_app() -> None:
    """Text layout and fonts need an application; make an invisible one if none exists."""
    if QGuiApplication.instance() is not None:
        return
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _MADE.append(QGuiApplication(["supportnet", "-platform", "offscreen"]))


def page_size_for(country: str | None) -> QPageSize:
    """US Letter where it is the usual paper, A4 elsewhere."""
    letter = (country or "").upper() in LETTER_COUNTRIES
    return QPageSize(QPageSize.PageSizeId.Letter if letter else QPageSize.PageSizeId.A4)


def page_layout(country: str | None, orientation: QPageLayout.Orientation) -> QPageLayout:
    """The country's usual paper, turned as asked, with even margins."""
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    return QPageLayout(page_size_for(country), orientation, margins, QPageLayout.Unit.Millimeter)


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


def write_one_page_pdf(
    path: Path,
    layout: QPageLayout,
    title: str,
    render: Callable[[QPagedPaintDevice], None],
) -> None:
    """Write one page, drawn by ``render``, as a PDF at ``path`` (0600), whole or not at all.

    Raises OSError when the file can't be written (an old file, if any, is left as it was).
    """
    ensure_app()
    path = Path(path)

    def write(temp: Path) -> None:
        writer = QPdfWriter(str(temp))
        writer.setResolution(300)
        writer.setPageLayout(layout)
        writer.setTitle(title)
        writer.setCreator("SupportNet")
        render(writer)
        if temp.stat().st_size == 0:
            raise OSError(f"Couldn't write the PDF to {path}.")

    replace_by_writing(path, write, mode=0o600)
