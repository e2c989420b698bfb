"""Render the app icon's PNGs from its SVG, the one drawing every size comes from.

Writes supportnet/resources/icons/hicolor/<N>x<N>/apps/<id>.png for each size in
:data:`SIZES`, each carrying the SVG's SHA-256 as a PNG text entry, so a test can tell a
PNG drawn from an older SVG (tests/project/test_icons.py). Small desktops and tray icons
pick the PNG nearest their size; a PNG drawn at that size is crisper than a scaled one.

Run after changing the SVG: `.venv/bin/python -m tools.icons` (offscreen, no display needed).
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from supportnet import APP_ID, ICON_SIZES

SIZES = ICON_SIZES
ICONS = Path(__file__).resolve().parent.parent / "supportnet" / "resources" / "icons" / "hicolor"
SVG = ICONS / "scalable" / "apps" / f"{APP_ID}.svg"
#: The PNG text key holding the SVG's SHA-256 the PNG was drawn from.
SOURCE_KEY = "SVG-SHA256"


def svg_digest(svg: Path = SVG) -> str:
    return hashlib.sha256(svg.read_bytes()).hexdigest()


def png_path(size: int, icons: Path = ICONS) -> Path:
    return icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def render(size: int, svg: Path = SVG) -> object:
    """The SVG drawn on a transparent ``size``-pixel square, as a QImage."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer
    from PySide6.QtWidgets import QApplication

    _ = QApplication.instance() or QApplication([])
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    image.setText(SOURCE_KEY, svg_digest(svg))
    return image


def main() -> int:
    for size in SIZES:
        path = png_path(size)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not render(size).save(str(path), "PNG"):  # type: ignore[attr-defined]
            print(f"icons: could not write {path}", file=sys.stderr)
            return 1
        print(path.relative_to(ICONS.parents[3]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
