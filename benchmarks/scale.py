"""Reach-outs at scale: 5,000 people, 2,000 plans and 100,000 check-ins.

Prints, one per line: today_ms (computing Today's suggestions), agenda_ms (the four-week
agenda), open_people_ms (building and painting the People page), log_ms (logging one
check-in and refreshing Today), rota_ms (a care team of 20 supporters and 200 slots expanded
over four weeks with its coverage; see benchmarks/rota_team.py), map_layout_ms (the circle
map of the example network and of 150 people, with equal sectors as the baseline; see
benchmarks/map_layout.py). Medians of several runs.
Goals: today_ms <= 50, rota_ms <= 50, map_layout_ms <= 15 (the example network) and every
page opening <= 200 ms.

Run: `.venv/bin/python -m benchmarks.scale`.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.map_layout import map_figures
from benchmarks.rota_team import rota_figures
from benchmarks.store_open import MemoryKeyring
from benchmarks.synthetic import add_plans, fill
from supportnet.data.store import open_store
from supportnet.model.checkins import CheckIn
from supportnet.services import Services
from supportnet.services.schedule_reader import ReachOutReader

PEOPLE = 5000
PLANS = 2000
CHECKINS = 100_000
ROUNDS = 7


def _median_ms(func: object, rounds: int = ROUNDS) -> float:
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        func()  # type: ignore[operator]
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def main() -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    with (
        tempfile.TemporaryDirectory() as tmp,
        open_store(Path(tmp) / "data", keyring_backend=MemoryKeyring()) as store,
    ):
        fill(store, PEOPLE, CHECKINS)
        add_plans(store, PLANS, PEOPLE)
        now = datetime.now(UTC)
        reader = ReachOutReader(store)  # the app keeps one, as here
        first_today_ms = _median_ms(lambda: ReachOutReader(store).suggestions(now), rounds=3)
        reader.suggestions(now)
        today_ms = _median_ms(lambda: reader.suggestions(now))
        agenda_ms = _median_ms(lambda: reader.agenda(now))

        from supportnet.ui.people.page import PeoplePageController

        def open_people() -> None:
            page = PeoplePageController(Services.of(store), lambda: now)
            page.view.resize(1100, 760)
            page.view.show()
            app.processEvents()
            page.view.repaint()
            page.view.close()
            page.view.deleteLater()

        open_people_ms = _median_ms(open_people, rounds=3)
        someone = store.people.list_all()[0]

        def log_one() -> None:
            store.checkins.add(CheckIn(at=datetime.now(UTC), person_id=someone.id))
            reader.suggestions(datetime.now(UTC))

        log_ms = _median_ms(log_one)
    rota_ms, rota_cold_ms = rota_figures(ROUNDS)
    print(f"people: {PEOPLE}, plans: {PLANS}, check-ins: {CHECKINS}")
    print(f"today_ms: {today_ms:.1f}")
    print(f"first_today_ms: {first_today_ms:.1f}  (a cold read, as `supportnet today` does)")
    print(f"agenda_ms: {agenda_ms:.1f}")
    print(f"open_people_ms: {open_people_ms:.1f}")
    print(f"log_ms: {log_ms:.1f}")
    print(f"rota_ms: {rota_ms:.1f}")
    print(f"rota_cold_ms: {rota_cold_ms:.1f}  (a fresh team each run, nothing cached)")
    for name, (settled, equal) in map_figures(ROUNDS).items():
        print(f"map_layout_ms ({name}): {settled:.1f}  (equal sectors {equal:.1f})")


if __name__ == "__main__":
    main()
