"""Menus filled from groups of actions, with a separator between groups."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu


def fill_menu(menu: QMenu, *groups: Sequence[QAction]) -> QMenu:
    """Add each group of actions in order, a separator between one group and the next."""
    for number, group in enumerate(groups):
        if number:
            menu.addSeparator()
        for action in group:
            menu.addAction(action)
    return menu
