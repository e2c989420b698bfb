"""The order Tab visits a form's controls in."""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from PySide6.QtWidgets import QWidget


def tab_order(widgets: Iterable[QWidget]) -> None:
    """Tab visits ``widgets`` in this order (Shift+Tab the other way)."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)
