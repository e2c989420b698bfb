"""Search as you type on the People page at 5,000 people, against bare Qt.

Types a name one key at a time into the real People page (a real store, the real models
and filters) and into a bare QLineEdit filtering a QListView over the same names, in the
same process, interleaved. Each keystroke is timed until its events are processed and
the list repainted. Prints medians and worst cases; the ratio last.

Run: `.venv/bin/python -m benchmarks.search`.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSortFilterProxyModel, QStringListModel, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QListView, QVBoxLayout, QWidget

from benchmarks.store_open import MemoryKeyring
from benchmarks.synthetic import fill
from supportnet.data.store import open_store
from supportnet.services import Services

PEOPLE = 5000
TYPED = "Lucía Gar"
ROUNDS = 5


def _type(field: QLineEdit, app: QApplication, target: QWidget) -> list[float]:
    times = []
    field.clear()
    app.processEvents()
    for char in TYPED:
        start = time.perf_counter()
        QTest.keyClick(field, char)
        app.processEvents()
        target.repaint()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    app = QApplication.instance() or QApplication([])
    with (
        tempfile.TemporaryDirectory() as tmp,
        open_store(Path(tmp) / "data", keyring_backend=MemoryKeyring()) as store,
    ):
        fill(store, PEOPLE, 20 * PEOPLE)
        from supportnet.ui.shell.main_window import MainWindow, Page

        started = time.perf_counter()
        window = MainWindow(
            Services.of(store),
            data_location=tmp,
            key_location="benchmark",
            clock=lambda: datetime.now(UTC),
        )
        window.resize(1280, 800)
        window.show_page(Page.PEOPLE)
        window.show()
        app.processEvents()
        open_ms = (time.perf_counter() - started) * 1000
        field = window.people.view.search_field

        names = [p.name for p in store.people.list_all()]
        bare = QWidget()
        bare_field = QLineEdit()
        bare_list = QListView()
        proxy = QSortFilterProxyModel()
        proxy.setSourceModel(QStringListModel(names))
        proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        bare_field.textChanged.connect(proxy.setFilterFixedString)
        bare_list.setModel(proxy)
        layout = QVBoxLayout(bare)
        layout.addWidget(bare_field)
        layout.addWidget(bare_list)
        bare.resize(1280, 800)
        bare.show()
        app.processEvents()

        ours: list[float] = []
        base: list[float] = []
        for _ in range(ROUNDS):
            ours += _type(field, app, window)
            base += _type(bare_field, app, bare)
        window.close()
    ours_ms = statistics.median(ours) * 1000
    base_ms = statistics.median(base) * 1000
    print(f"people: {PEOPLE}, check-ins: {20 * PEOPLE}, typed: {TYPED!r} x{ROUNDS}")
    print(f"window_with_{PEOPLE}_people_ms: {open_ms:.0f}")
    print(f"bare_keystroke_ms: median {base_ms:.1f}, worst {max(base) * 1000:.1f}")
    print(f"people_page_keystroke_ms: median {ours_ms:.1f}, worst {max(ours) * 1000:.1f}")
    print(f"search ratio: {ours_ms / base_ms:.1f}")


if __name__ == "__main__":
    main()
