"""German at a large font (14 pt) and words the GUI shows from elsewhere: Preferences is as
tall as its wrapped lines need, and the rota's "You" is said in German."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel

from supportnet import i18n
from supportnet.ui.language import install_language
from tests.ui.conftest import NOW
from tests.ui.shells import gb_crisis, open_shell


@pytest.fixture
def german_large(qapp: Any) -> Iterator[None]:
    font = QFont(qapp.font())
    large = QFont(font)
    large.setPointSizeF(14)
    qapp.setFont(large)
    install_language(qapp, "de")
    yield
    install_language(qapp, i18n.ENGLISH)
    qapp.setFont(font)


def test_preferences_shows_every_wrapped_line_whole(
    german_large: None, demo_store: Any, tmp_path: Path, qtbot: Any
) -> None:
    shell = open_shell(demo_store, tmp_path, qtbot, NOW, crisis=gb_crisis(tmp_path))
    try:
        dialog = shell.open_preferences()
        QApplication.processEvents()
        short = [
            label.text()
            for label in dialog.findChildren(QLabel)
            if label.isVisibleTo(dialog)
            and label.wordWrap()
            and label.text()
            and label.height() < label.heightForWidth(label.width())
        ]
        assert short == []
        dialog.reject()
    finally:
        shell.background.wait()
        shell.close()


def test_the_care_team_says_you_in_german(
    german: None, demo_store: Any, tmp_path: Path, qtbot: Any
) -> None:
    """The rota's own word for the user ("You", a domain constant) is shown translated."""
    from supportnet.ui.shell.sidebar import Page

    shell = open_shell(demo_store, tmp_path, qtbot, NOW, crisis=gb_crisis(tmp_path))
    try:
        shell.show_page(Page.CARE_TEAM)
        QApplication.processEvents()
        lines = shell.care_team.view.supporters_label.text().splitlines()
        assert "Du" in lines
        assert "You" not in lines
    finally:
        shell.background.wait()
        shell.close()
