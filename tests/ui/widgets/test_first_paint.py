"""Work left for after the window's first paint runs after it, once."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow

from supportnet.ui.widgets.first_paint import when_first_painted


class _Painted(QObject):
    """Counts the window's paints, to compare with when the work ran."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_the_work_waits_for_the_first_paint_and_runs_once(qtbot: Any) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    painted = _Painted()
    window.installEventFilter(painted)
    paints_seen: list[int] = []
    when_first_painted(window, lambda: paints_seen.append(painted.count))
    window.show()
    # A zero-delay timer would run first on the loop, before the paint: this waits for it.
    assert paints_seen == []
    qtbot.waitUntil(lambda: paints_seen != [])
    assert paints_seen[0] >= 1
    window.repaint()  # painted again, now
    assert painted.count > paints_seen[0]
    QApplication.processEvents()  # a second run would have been queued by now
    QApplication.processEvents()
    assert len(paints_seen) == 1


def test_a_window_never_painted_still_gets_the_work(qtbot: Any, monkeypatch: Any) -> None:
    from supportnet.ui.widgets import first_paint

    monkeypatch.setattr(first_paint, "FALLBACK_MS", 10)
    window = QMainWindow()
    qtbot.addWidget(window)
    ran: list[bool] = []
    when_first_painted(window, lambda: ran.append(True))  # never shown
    qtbot.waitUntil(lambda: ran == [True])
