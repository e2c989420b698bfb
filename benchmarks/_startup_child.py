"""One cold start, in its own process: prints the wall-clock time of the first paint.

`bare`: a bare QMainWindow. `app`: SupportNet's real entry point on a data folder.
Both windows are 1280×800 on the same platform plugin.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any


def main() -> None:
    mode = sys.argv[1]
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([sys.argv[0]])

    class FirstPaint(QObject):
        def eventFilter(self, watched: Any, event: Any) -> bool:
            if event.type() == QEvent.Type.Paint:
                print(f"painted {time.time():.6f}", flush=True)
                if os.environ.get("BENCH_SHOW_MODULES"):
                    # Every module, so whoever reads this decides what counts as heavy.
                    print("loaded:", sorted(sys.modules), flush=True)
                os._exit(0)
            return False

    watcher = FirstPaint()
    # On the main window alone, from its show(): a filter on the whole application would
    # run Python for every event while the window is built (thousands for SupportNet's,
    # a handful for the bare one), which measured the watcher more than the start.
    show = QMainWindow.show

    def watched_show(window: QMainWindow) -> None:
        window.installEventFilter(watcher)
        show(window)

    QMainWindow.show = watched_show  # type: ignore[method-assign]
    if mode == "bare":
        window = QMainWindow()
        window.setWindowTitle("Bare")
        window.resize(1280, 800)
        window.show()
        app.exec()
    else:
        from supportnet.__main__ import main as supportnet_main

        supportnet_main(["--data-dir", sys.argv[2]])


if __name__ == "__main__":
    main()
