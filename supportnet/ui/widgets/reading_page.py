"""A page that reads like a sheet of paper: one centred column of text on the window colour."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)


def reading_column(page: QWidget, width_chars: int) -> tuple[QWidget, QVBoxLayout]:
    """A column about ``width_chars`` characters wide (in the page's font) and its layout."""
    column = QWidget()
    column.setMaximumWidth(page.fontMetrics().averageCharWidth() * width_chars + 48)
    return column, QVBoxLayout(column)


#: Set (True) on a scroll area whose viewport shows the window colour, not the field's: the
#: clear indicators' style (style.py) outlines the others like fields, reading this rather
#: than the viewport, which Qt may be tearing down while it paints the area's frame.
WINDOW_COLOURED = "supportnetWindowColoured"


def window_coloured(area: QAbstractScrollArea) -> None:
    """Put ``area``'s own viewport on the window colour (an item view's, made with it)."""
    area.viewport().setBackgroundRole(QPalette.ColorRole.Window)
    area.setProperty(WINDOW_COLOURED, True)


def window_coloured_viewport(area: QAbstractScrollArea) -> None:
    """Give ``area`` a viewport on the window colour (set before its contents).

    A viewport made here rather than asking for the one Qt made: the first widget Qt made
    that Python is handed has PySide set up every widget class it knows (~20 ms at start).
    """
    viewport = QWidget()
    viewport.setObjectName("qt_scrollarea_viewport")
    viewport.setAutoFillBackground(True)
    viewport.setBackgroundRole(QPalette.ColorRole.Window)
    area.setViewport(viewport)
    area.setProperty(WINDOW_COLOURED, True)


def scroll_page(page: QWidget, column: QWidget, name: str) -> QScrollArea:
    """Fill ``page`` with ``column`` centred in a scroll area named ``name``; returns it.

    The page sits on the window colour (what the page holds is the "paper" on it), and it
    scrolls up and down only: the column wraps its text to the width there is.
    """
    inner = QWidget()
    inner_layout = QHBoxLayout(inner)
    inner_layout.setContentsMargins(0, 0, 0, 0)
    inner_layout.addStretch(1)
    inner_layout.addWidget(column, 100)
    inner_layout.addStretch(1)
    inner.setBackgroundRole(QPalette.ColorRole.Window)

    area = QScrollArea()
    area.setAccessibleName(name)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    window_coloured_viewport(area)
    area.setWidget(inner)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(area)
    return area
