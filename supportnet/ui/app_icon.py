"""The app's icon for the window and the tray, read from the package's own resources.

The PNGs ship inside the package (supportnet/resources/icons/hicolor/), so an installed
copy (a wheel, pipx) shows the icon as a source checkout does. Each size is a file of its
own, drawn at that size by tools/icons.py; Qt picks the nearest one and reads it only when
that size is first drawn.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QPixmap

import supportnet
from supportnet import APP_ID, ICON_SIZES


def _hicolor() -> Traversable:
    # Installed as files (a wheel, pipx, editable), the package's folder is where they are;
    # asking importlib.resources first costs 2 ms of the first frame for the same answer.
    folder = Path(supportnet.__file__).parent / "resources" / "icons" / "hicolor"
    if folder.is_dir():
        return folder
    return resources.files("supportnet").joinpath("resources", "icons", "hicolor")


def app_icon() -> QIcon:
    """SupportNet's icon, every shipped size added; a null icon if none is found."""
    icon = QIcon()
    hicolor = _hicolor()
    for size in ICON_SIZES:
        png = hicolor.joinpath(f"{size}x{size}", "apps", f"{APP_ID}.png")
        if not png.is_file():
            continue
        if isinstance(png, Path):
            icon.addFile(str(png), QSize(size, size))
        else:  # inside a zip: no file name Qt can open, so hand it the bytes
            pixmap = QPixmap()
            if pixmap.loadFromData(png.read_bytes(), "PNG"):
                icon.addPixmap(pixmap)
    return icon
