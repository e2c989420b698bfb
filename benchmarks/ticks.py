"""How smoothly the Qt event loop runs meanwhile: a 5 ms timer on the GUI thread, and the
longest gap beyond its interval between two of its ticks (a stall a person would feel as
a window that doesn't answer)."""

from __future__ import annotations

import itertools
import time

TICK_MS = 5


class Ticker:
    """Ticks every :data:`TICK_MS` from :meth:`start` to :meth:`stop`, on the GUI thread."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self._ticks: list[float] = []
        self._timer = QTimer()
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(lambda: self._ticks.append(time.perf_counter()))

    def start(self) -> None:
        self._ticks = [time.perf_counter()]
        self._timer.start()

    def stop(self) -> float:
        """Stop; the longest stall meanwhile, in milliseconds (0 if none)."""
        self._timer.stop()
        self._ticks.append(time.perf_counter())
        gaps = [(b - a) * 1000 - TICK_MS for a, b in itertools.pairwise(self._ticks)]
        return max(0.0, *gaps)
