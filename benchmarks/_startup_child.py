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

#: Set for the warm-up start, which runs on for a while after its first paint.
WARM_UP = "SUPPORTNET_BENCH_WARM_UP"
WARM_UP_MS = 1500


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
                    print("compiled_while_cached:", len(_COMPILED_WHILE_CACHED), flush=True)
                    # The sources read whole (as PySide6's import hook does, into linecache).
                    read = sys.modules["linecache"].cache if "linecache" in sys.modules else {}
                    print("sources_read:", sorted(read), flush=True)
                if os.environ.get(WARM_UP):
                    # Let the start finish (what it leaves for after the first paint, such
                    # as the compiled dataclass code's cache), as a user's earlier start did.
                    from PySide6.QtCore import QTimer

                    QTimer.singleShot(WARM_UP_MS, lambda: os._exit(0))
                    return False
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


#: The dataclass methods compiled while the app's cache of them was in force (its misses).
_COMPILED_WHILE_CACHED: list[bytes] = []


def _audit(event: str, args: tuple[Any, ...]) -> None:
    """Notes the modules first imported after PySide6, and the cache's misses."""
    if event == "import" and "PySide6" in sys.modules and args[0] not in sys.modules:
        _AFTER_QT.add(args[0])
    elif event == "compile" and isinstance(args[0], bytes | str):
        text = args[0] if isinstance(args[0], bytes) else args[0].encode()
        cached = "exec" in vars(sys.modules.get("dataclasses", sys))
        if cached and text.startswith(b"def __create_fn__"):
            _COMPILED_WHILE_CACHED.append(text)


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
            sys.addaudithook(_audit)
        from supportnet.__main__ import main as supportnet_main

        supportnet_main(["--data-dir", sys.argv[2]])


if __name__ == "__main__":
    main()
