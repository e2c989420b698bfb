"""One cold start, in its own process: prints the wall-clock time of the first paint.

`bare`: a bare QMainWindow. `app`: SupportNet's real entry point on a data folder, which
loads Qt itself, when and as it does for a user (the watch on its window is set as Qt's
widgets load). Both windows are 1280×800 on the same platform plugin.
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import os
import sys
import time
from typing import Any


def _watch(main_window: Any) -> None:
    """Print the time of ``main_window``'s class's first shown window's first Paint event."""
    from PySide6.QtCore import QEvent, QObject

    class FirstPaint(QObject):
        def eventFilter(self, watched: Any, event: Any) -> bool:
            if event.type() == QEvent.Type.Paint:
                print(f"painted {time.time():.6f}", flush=True)
                if os.environ.get("BENCH_SHOW_MODULES"):
                    # Every module, so whoever reads this decides what counts as heavy.
                    print("loaded:", sorted(sys.modules), flush=True)
                    print("after_qt:", sorted(_AFTER_QT), flush=True)
                    # And Qt's classes made so far (PySide makes each when first used).
                    qt = [sys.modules[f"PySide6.Qt{m}"] for m in ("Core", "Gui", "Widgets")]
                    print("qt:", sorted({k for m in qt for k in vars(m)}), flush=True)
                os._exit(0)
            return False

    watcher = FirstPaint()
    # On the main window alone, from its show(): a filter on the whole application would
    # run Python for every event while the window is built (thousands for SupportNet's,
    # a handful for the bare one), which measured the watcher more than the start.
    show = main_window.show

    def watched_show(window: Any) -> None:
        window.installEventFilter(watcher)
        show(window)

    main_window.show = watched_show


#: The modules first imported once PySide6 was (its import hook reads each one's source).
_AFTER_QT: set[str] = set()


def _note_after_qt(event: str, args: tuple[Any, ...]) -> None:
    if event == "import" and "PySide6" in sys.modules and args[0] not in sys.modules:
        _AFTER_QT.add(args[0])


class _WatchWhenLoaded(importlib.abc.MetaPathFinder):
    """Sets the watch once the app itself loads QtWidgets, so the app's own modules load
    in its own order, as they do for a user (nothing of Qt is loaded here before)."""

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        if name != "PySide6.QtWidgets":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        assert spec is not None
        loader: Any = spec.loader
        load = loader.exec_module

        def exec_module(module: Any) -> None:
            load(module)
            _watch(module.QMainWindow)

        loader.exec_module = exec_module
        return spec


def main() -> None:
    mode = sys.argv[1]
    if mode == "bare":
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication([sys.argv[0]])
        _watch(QMainWindow)
        window = QMainWindow()
        window.setWindowTitle("Bare")
        window.resize(1280, 800)
        window.show()
        app.exec()
    else:
        sys.meta_path.insert(0, _WatchWhenLoaded())
        if os.environ.get("BENCH_SHOW_MODULES"):
            sys.addaudithook(_note_after_qt)
        from supportnet.__main__ import main as supportnet_main

        supportnet_main(["--data-dir", sys.argv[2]])


if __name__ == "__main__":
    main()
