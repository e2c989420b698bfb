"""The reading pages and the sidebar sit on the window colour, on viewports made in Python."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QWidget

from supportnet.ui.shell.sidebar import Sidebar
from supportnet.ui.widgets.reading_page import reading_column, scroll_page


def test_a_reading_page_scrolls_its_column_on_the_window_colour(qtbot: Any) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    column, _layout = reading_column(page, 60)
    area = scroll_page(page, column, "Today")
    viewport = area.viewport()
    assert viewport.backgroundRole() == QPalette.ColorRole.Window
    assert viewport.autoFillBackground()
    assert viewport.isAncestorOf(column)
    assert area.widget().parentWidget() is viewport


def test_the_sidebar_sits_on_the_window_colour(qtbot: Any) -> None:
    sidebar = Sidebar()
    qtbot.addWidget(sidebar)
    assert sidebar.viewport().backgroundRole() == QPalette.ColorRole.Window
    assert sidebar.viewport().autoFillBackground()
