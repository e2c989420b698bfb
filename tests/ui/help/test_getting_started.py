"""Help ▸ Getting started: the sidebar's pages with what each is for, privacy, "Hard day?"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from supportnet.ui.hard_day.entry import HARD_DAY_TEXT
from supportnet.ui.help.getting_started import GettingStartedDialog
from supportnet.ui.shell.main_window import MainWindow
from supportnet.ui.shell.sidebar import Page


def _texts(dialog: QWidget) -> list[str]:
    return [label.text() for label in dialog.findChildren(QLabel)]


def test_it_lists_the_sidebars_pages_in_order_with_what_each_is_for(
    qtbot: Any, window: MainWindow
) -> None:
    dialog = window.show_getting_started()
    sidebar = [window.sidebar.item(row).text() for row in range(window.sidebar.count())]
    assert dialog.page_titles == sidebar
    texts = _texts(dialog)
    for page in Page:
        assert page.about in texts
    # The page's key is said with it (for screen readers) and shown on hover.
    about = next(label for label in dialog.findChildren(QLabel) if label.text() == Page.TODAY.about)
    assert about.accessibleDescription() == "Go there with Ctrl+1"


def test_it_says_where_help_is_and_how_privacy_works(qtbot: Any, window: MainWindow) -> None:
    said = " ".join(_texts(window.show_getting_started()))
    assert f"“{HARD_DAY_TEXT}” is always at the bottom left" in said
    assert "Ctrl+Shift+H" in said
    assert "encrypted" in said
    assert "stays on this computer" in said
    assert "Keyboard shortcuts (Ctrl+?" in said


def test_a_page_added_later_is_listed_too(qtbot: Any) -> None:
    """The dialog lists what it is given: the window gives it the sidebar's pages."""
    from supportnet.ui.help.getting_started import PageLine

    pages = [PageLine(p.title, p.about) for p in (Page.TODAY, Page.CARE_TEAM)]
    dialog = GettingStartedDialog(pages, hard_day=("Hard day?", "F9", "help"), shortcuts_keys="")
    qtbot.addWidget(dialog)
    assert dialog.page_titles == ["Today", "Care team"]
    assert Page.AGENDA.about not in _texts(dialog)


def test_opened_from_the_help_menu_closed_by_esc_with_names_for_screen_readers(
    qtbot: Any, window: MainWindow
) -> None:
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    entry = next(a for a in help_menu.actions() if a.text() == "&Getting started")
    entry.trigger()
    dialog = next(d for d in window.findChildren(GettingStartedDialog) if d.isVisible())
    assert window.show_getting_started() is dialog  # one at a time
    assert dialog.accessibleName() == "Getting started"
    assert all(b.accessibleName() for b in dialog.findChildren(QPushButton))
    # Every line can be reached with the keyboard, for a screen reader's caret.
    body = [label for label in dialog.findChildren(QLabel) if label.wordWrap()]
    assert body
    assert all(
        label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard
        for label in body
    )
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
