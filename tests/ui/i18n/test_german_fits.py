"""German runs a third longer than English: every page of the example network, shown in
German, still fits a 1280-pixel-wide screen (the window never has to grow past it, which
cut off the Care team's side column when its five buttons sat in one row)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from supportnet import i18n
from tests.ui.conftest import NOW
from tests.ui.shells import gb_crisis, open_shell

SCREEN_WIDTH = 1280


def test_every_page_fits_a_1280_pixel_screen_in_german(
    german: None, demo_store: Any, tmp_path: Path, qtbot: Any
) -> None:
    from supportnet.ui.shell.sidebar import Page

    shell = open_shell(demo_store, tmp_path, qtbot, NOW, crisis=gb_crisis(tmp_path))
    try:
        wide = {}
        for page in Page:
            shell.show_page(page)
            QApplication.processEvents()
            wide[page.value] = shell.minimumSizeHint().width()
        assert i18n.language() == "de"
        assert {page: width for page, width in wide.items() if width > SCREEN_WIDTH} == {}
        assert shell.width() == SCREEN_WIDTH
    finally:
        shell.background.wait()
        shell.close()


def test_the_agenda_and_rota_show_their_own_words_whole_in_german(
    german: None, demo_store: Any, tmp_path: Path, qtbot: Any
) -> None:
    """A day list's columns are sized in characters, and "Around this day" is "Etwa an
    diesem Tag": each column is at least as wide as its own fixed words."""
    from supportnet.ui.shell.sidebar import Page

    shell = open_shell(demo_store, tmp_path, qtbot, NOW, crisis=gb_crisis(tmp_path))
    try:
        for page in (Page.AGENDA, Page.CARE_TEAM):
            shell.show_page(page)
            QApplication.processEvents()
            tree = shell.pages.currentWidget().tree
            model = tree.model()
            cut = []
            for row in range(model.rowCount()):
                for child in range(model.rowCount(model.index(row, 0))):
                    index = model.index(child, 0, model.index(row, 0))
                    text = index.data()
                    spanned = tree.isFirstColumnSpanned(child, model.index(row, 0))
                    if not isinstance(text, str) or not text or spanned:
                        continue
                    room = tree.header().sectionSize(0) - tree.indentation()
                    if tree.fontMetrics().horizontalAdvance(text) > room:
                        cut.append((page.value, text))
            assert cut == []
    finally:
        shell.background.wait()
        shell.close()
