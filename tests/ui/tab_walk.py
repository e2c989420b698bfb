"""Walking a window's Tab chain the way the keyboard does, for the accessibility tests."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def tab_walk(
    window: QWidget, start: QWidget, keep: Callable[[QWidget], bool] | None = None
) -> tuple[list[QWidget], list[QWidget]]:
    """(every Tab stop in ``window``, the stops reached from ``start`` round to it again).

    A stop is shown, enabled and takes Tab focus; ``keep`` narrows that further (e.g. a spin
    box's own line edit, which hands the focus to the box).
    """

    def stop(widget: QWidget) -> bool:
        return bool(
            widget.isVisibleTo(window)
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.isEnabled()
            and (keep is None or keep(widget))
        )

    focusable = [w for w in window.findChildren(QWidget) if stop(w)]
    reached: list[QWidget] = []
    widget = start
    for _ in range(len(focusable) + 5):
        reached.append(widget)
        widget = widget.nextInFocusChain()
        while not stop(widget):
            widget = widget.nextInFocusChain()
        if widget is start:
            break
    return focusable, reached
