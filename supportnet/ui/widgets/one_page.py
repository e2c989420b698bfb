"""Rich text on exactly one printed page: the paper, the fitting font, the PDF file, and
the pieces every printed page shares (escaped text, unbreakable numbers, the crisis box)."""

from __future__ import annotations

import html
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

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

from supportnet.i18n import _
from supportnet.safety.crisis_lines import contact_text
from supportnet.services.files import replace_by_writing

if TYPE_CHECKING:
    from supportnet.safety.crisis_lines import CountryHelp

#: The printable page's margins, in millimetres.
MARGIN_MM = 14.0
#: Countries whose paper is US Letter; everyone else prints on A4.
LETTER_COUNTRIES = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "PR"})

#: A space between two digits ("01632 960442"): kept, but never a place to break the line.
_SPACE_IN_NUMBER = re.compile(r"(?<=\d) (?=\d)")

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
        # Translators: {what} names the page, e.g. "the plan" or "the rota".
        raise OSError(_("Couldn't start drawing {what}.").format(what=what))
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
            raise OSError(_("Couldn't write the PDF to {path}.").format(path=path))

    replace_by_writing(path, write, mode=0o600)


def esc(text: str) -> str:
    """``text`` as rich text (quotes left as they are)."""
    return html.escape(text, quote=False)


def number_safe(text: str) -> str:
    """``text`` escaped, its numbers never broken across lines: one split over two lines
    on paper is easy to misdial."""
    return esc(_SPACE_IN_NUMBER.sub(chr(0xA0), text))


def help_to_print(help: CountryHelp | None) -> CountryHelp:
    """The crisis lines a printed page carries: the person's country's, else the general ones."""
    from supportnet.safety.crisis_lines import help_for

    return help or help_for(None)


def crisis_rows(help: CountryHelp) -> list[str]:
    """The crisis lines for the country as lines of rich text (pages and prints share them)."""
    rows = []
    if help.known:
        # Translators: {country} is the country's name.
        heading = _("If you need to talk to someone now ({country})").format(country=help.name)
        rows.append(f"<b>{esc(heading)}</b>")
        for line in help.lines:
            contacts = " &middot; ".join(esc(contact_text(c)) for c in line.contacts)
            hours = f" <i>({esc(line.hours)})</i>" if line.hours else ""
            rows.append(f"<b>{esc(line.name)}</b>: {contacts}{hours}")
        if help.emergency:
            # Translators: {number} is the emergency number, printed in bold.
            said = esc(_("In an emergency, call {number}."))
            rows.append(said.format(number=f"<b>{esc(help.emergency)}</b>"))
    else:
        rows.append(f"<b>{esc(_('If you need to talk to someone now'))}</b>")
        rows.append(esc(help.guidance))
    return rows


def crisis_box(help: CountryHelp, *, padding: int, style: str = "") -> str:
    """The crisis lines in a grey-ruled box, as a printed page shows them."""
    cells = "<br>".join(crisis_rows(help))
    return (
        f'<table width="100%" border="1" cellspacing="0" cellpadding="{padding}" '
        f'bgcolor="#f3f3f3" style="{style}border-style: solid; border-color: #555555;">'
        f"<tr><td>{cells}</td></tr></table>"
    )
