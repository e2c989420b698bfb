"""Saving a chart as PNG, SVG or PDF: whole or not at all, readable by the user alone."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from supportnet.data.files import replace_by_writing
from supportnet.i18n import _

if TYPE_CHECKING:
    from matplotlib.figure import Figure

#: Pictures are written at this resolution: sharp on a high-density screen and in print.
DPI = 150


class Format(StrEnum):
    PNG = "png"
    SVG = "svg"
    PDF = "pdf"

    @property
    def label(self) -> str:
        return {Format.PNG: _("PNG picture"), Format.SVG: _("SVG drawing"), Format.PDF: "PDF"}[self]


def format_of(path: Path, default: Format = Format.PNG) -> Format:
    """The format a file's name asks for (".svg"), else ``default``."""
    suffix = path.suffix.lower().lstrip(".")
    return next((f for f in Format if f.value == suffix), default)


def save_figure(figure: Figure, path: Path, fmt: Format | None = None) -> Path:
    """Write ``figure`` to ``path`` (the format from its name unless given), atomically and
    0600: a chart names people."""
    chosen = fmt or format_of(path)

    def write(temp: Path) -> None:
        figure.savefig(temp, format=chosen.value, dpi=DPI, facecolor=figure.get_facecolor())

    replace_by_writing(path, write, mode=0o600)
    return path
