"""An automatic daily backup of a big store: its time, and the app's event loop meanwhile.

Builds a real encrypted store (in-memory keyring, temporary folder) with 5,000 people and
100,000 check-ins (:mod:`benchmarks.synthetic`), then measures
``Services.backups.auto_backup_if_due(now)``, a new day each time so one is always due:

- ``backup_s``: the median time of an automatic backup into ``backups/`` (VACUUM INTO,
  the portable container, the thinning).
- ``backup_with_extra_s``: the same with an extra folder set (the finished file is copied
  whole there too).
- ``longest_stall_ms``: the longest gap beyond its interval between ticks of a 5 ms timer on
  the main thread's Qt event loop while the backup runs through the app's background helper
  (``supportnet.ui.shell.background.Background``), as the window would run it. The aim is
  under 50 ms; it is a figure, not an assert.

Run: `.venv/bin/python -m benchmarks.backup`.
"""

from __future__ import annotations

import json
import os
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.store_open import MemoryKeyring
from benchmarks.synthetic import fill
from benchmarks.ticks import Ticker
from supportnet.data.store import open_store
from supportnet.services.registry import Services

if TYPE_CHECKING:
    from supportnet.ui.shell.background import Background

PEOPLE = 5000
CHECKINS = 100_000
ROUNDS = 3


def _stall_ms(services: Services, now: datetime, background: Background) -> tuple[float, float]:
    """The longest event-loop stall (ms) while one backup runs in the background; its time."""
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    ticker = Ticker()
    outcome: list[object] = []

    def done(result: object) -> None:
        outcome.append(result)
        loop.quit()

    def failed(error: BaseException) -> None:
        outcome.append(error)
        loop.quit()

    ticker.start()
    start = time.perf_counter()
    background.run(lambda: services.backups.auto_backup_if_due(now), done, failed)
    loop.exec()
    took = time.perf_counter() - start
    stall = ticker.stop()
    background.wait()
    assert outcome, "the backup reported back"
    assert not isinstance(outcome[0], BaseException), outcome
    return stall, took


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication

    # One application for the whole run, kept alive to the end: Qt can't make a second.
    from supportnet.ui.shell.background import Background

    app = QCoreApplication.instance() or QCoreApplication([])
    # One worker for the run, as the window has: here, a parentless Background dropped and
    # a new one started crashed the new one's first job (SIGBUS), whatever the job was.
    background = Background()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        backend = MemoryKeyring()
        with open_store(base / "store", keyring_backend=backend) as store:
            fill(store, PEOPLE, CHECKINS)
            services = Services.of(store)
            day = datetime(2026, 12, 3, 12, tzinfo=UTC)
            plain: list[float] = []
            for n in range(ROUNDS):
                start = time.perf_counter()
                result = services.backups.auto_backup_if_due(day + timedelta(days=n))
                plain.append(time.perf_counter() - start)
                assert result.written is not None, result.problem
            size = result.written.stat().st_size
            extra = base / "usb"
            extra.mkdir()
            store.settings.update(backup_folder=str(extra))
            with_extra: list[float] = []
            for n in range(ROUNDS, 2 * ROUNDS):
                start = time.perf_counter()
                result = services.backups.auto_backup_if_due(day + timedelta(days=n))
                with_extra.append(time.perf_counter() - start)
                assert result.extra is not None, result.problem
            stalls = []
            for n in range(2 * ROUNDS, 3 * ROUNDS):
                stall, _took = _stall_ms(services, day + timedelta(days=n), background)
                stalls.append(stall)
    del app
    print(
        json.dumps(
            {
                "people": PEOPLE,
                "checkins": CHECKINS,
                "backup_mb": round(size / 1e6, 1),
                "backup_s": round(statistics.median(plain), 3),
                "backup_with_extra_s": round(statistics.median(with_extra), 3),
                "longest_stall_ms": round(max(stalls), 1),
                "stall_goal_ms": 50,
            }
        )
    )


if __name__ == "__main__":
    main()
