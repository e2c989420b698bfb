"""Opening the Help menu's windows over the main window, each built from it when opened."""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from supportnet.i18n import _
from supportnet.ui.hard_day.entry import HARD_DAY_DESCRIPTION, HARD_DAY_TEXT
from supportnet.ui.help.getting_started import GettingStartedDialog, PageLine
from supportnet.ui.help.shortcuts import keys_text, window_shortcuts
from supportnet.ui.help.shortcuts_dialog import ShortcutsDialog
from supportnet.ui.widgets.labels import lower_first

_D = TypeVar("_D", bound=QDialog)


def _open(window: Any, kind: type[_D], make: Any) -> _D:
    """The ``kind`` window already open over ``window``, raised, or a new one shown."""
    for found in window.findChildren(kind):
        if found.isVisible():
            found.raise_()
            found.activateWindow()
            return found
    dialog: _D = make()
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def open_shortcuts(window: Any) -> ShortcutsDialog:
    """Help ▸ Keyboard shortcuts: every page is built first, so its keys are there too."""

    def make() -> ShortcutsDialog:
        window.build_all_pages()
        return ShortcutsDialog(window_shortcuts(window), window)

    return _open(window, ShortcutsDialog, make)


def open_getting_started(window: Any) -> GettingStartedDialog:
    """Help ▸ Getting started, with the pages the sidebar lists, in its order."""

    def make() -> GettingStartedDialog:
        pages = [
            PageLine(page.title, page.about, keys_text(window.page_actions[page].shortcuts()))
            for page in window.shown_pages
        ]
        what = lower_first(_(HARD_DAY_DESCRIPTION))  # said inside the line
        keys = keys_text(window.hard_day_action.shortcuts())
        return GettingStartedDialog(
            pages,
            hard_day=(_(HARD_DAY_TEXT), keys, what),
            shortcuts_keys=keys_text(window.shortcuts_action.shortcuts()),
            parent=window,
        )

    return _open(window, GettingStartedDialog, make)
