"""Run something once a window has first been painted: what starting up can leave until
the window is on screen (the recovery key's offer, setting the start's objects aside).

A zero-delay timer set before the event loop starts runs before the first paint, not
after it: Qt handles the timer first. Watching the window's own Paint event (the window
alone, never the whole application) waits for the real thing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

#: Should the window not paint (a desktop that starts it minimised), the work runs anyway.
FALLBACK_MS = 3000


class _FirstPaint(QObject):
    def __init__(self, window: QWidget, then: Callable[[], Any]) -> None:
        super().__init__(window)
        self._window = window
        self._then: Callable[[], Any] | None = then
        window.installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self, self._run)

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if event.type() == QEvent.Type.Paint:
            # After this paint has finished, on the next turn of the event loop.
            QTimer.singleShot(0, self, self._run)
            self._window.removeEventFilter(self)
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            self._window.removeEventFilter(self)
            then()


def when_first_painted(window: QWidget, then: Callable[[], Any]) -> None:
    """Call ``then`` once, soon after ``window`` is first painted (set up before showing it)."""
    _FirstPaint(window, then)
