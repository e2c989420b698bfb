"""The Insights page's first draw on a big store: adding up, then drawing each chart.

Builds a real encrypted store (in-memory keyring, temporary folder) with 5,000 people,
100,000 check-ins over the last year (a third with moods before and after) and 300 plans,
a third of them flexible (:mod:`benchmarks.synthetic`), then measures, in one process:

- ``import_s``: importing matplotlib's figure, the Agg renderer and the Qt canvas, once
  (the page does the first two on its background worker).
- ``gather_ms``: ``Services.insights().gather(now)``, every chart's numbers (median).
- ``first_chart_ms``: adding up, then building and drawing the first chart (connection over
  time) on a Qt canvas as the page does: the time to the first chart once matplotlib is
  imported. The aim is 300 ms or less; it is a figure, not an assert.
- ``charts_ms``: building and drawing each chart (median), and ``all_charts_ms`` their sum.
- ``blank_ms``: drawing a blank figure of the same size on a Qt canvas, the baseline;
  ``first_chart_ratio`` is ``first_chart_ms`` over it.

Run: `.venv/bin/python -m benchmarks.insights`.
"""

from __future__ import annotations

import json
import os
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks.store_open import MemoryKeyring
from benchmarks.synthetic import add_plans, fill
from supportnet.data.store import open_store
from supportnet.services.registry import Services

PEOPLE = 5000
CHECKINS = 100_000
PLANS = 300
ROUNDS = 5


def _moods(store: Any) -> None:
    """Moods before and after on every third check-in (the store's own check)."""
    conn = store.db.connection()
    conn.execute("BEGIN")
    conn.execute(
        "UPDATE checkins SET mood_before = 1 + (id % 4), mood_after = 2 + (id % 4) WHERE id % 3 = 0"
    )
    conn.execute("COMMIT")


def _draw_ms(make: Any) -> float:
    """Build a figure with ``make()`` and draw it on a Qt canvas, as the page does."""
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    start = time.perf_counter()
    figure = make()
    canvas = FigureCanvasQTAgg(figure)
    canvas.resize(900, round(figure.get_figheight() * figure.get_dpi()))
    canvas.draw()
    took = (time.perf_counter() - start) * 1000
    canvas.deleteLater()
    return took


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from supportnet.charts.setup import prepare_matplotlib

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")  # never the user's own
        prepare_matplotlib()
        start = time.perf_counter()
        import matplotlib.backends.backend_agg
        import matplotlib.backends.backend_qtagg
        import matplotlib.figure  # noqa: F401

        import_s = time.perf_counter() - start
        from supportnet.charts import figures
        from supportnet.charts.style import LIGHT
        from supportnet.insights.overview import ChartKind

        with open_store(Path(tmp) / "store", keyring_backend=MemoryKeyring()) as store:
            fill(store, PEOPLE, CHECKINS)
            add_plans(store, PLANS, PEOPLE)
            _moods(store)
            service = Services.of(store).insights()
            now = datetime.now(UTC)
            service.gather(now)  # warm: the first read pulls pages into SQLite's cache
            gathers, firsts = [], []
            charts: dict[str, list[float]] = {kind.value: [] for kind in ChartKind}
            blanks = []
            for _ in range(ROUNDS):
                start = time.perf_counter()
                insights = service.gather(now)
                gathered = (time.perf_counter() - start) * 1000
                gathers.append(gathered)
                first = _draw_ms(
                    lambda i=insights: figures.figure_of(i, ChartKind.CONNECTION, LIGHT)
                )
                firsts.append(gathered + first)
                for kind in ChartKind:
                    charts[kind.value].append(
                        _draw_ms(lambda i=insights, k=kind: figures.figure_of(i, k, LIGHT))
                    )
                blanks.append(_draw_ms(lambda: figures.new_figure(LIGHT, 3.2)))
            drawn = {
                "lift_rows": min(len(insights.lifts.shown), 15),
                "people_with_lift": len(insights.lifts.shown),
                "flexible_plans": len(insights.rhythms),
            }
    del app
    medians = {kind: round(statistics.median(times), 1) for kind, times in charts.items()}
    blank = statistics.median(blanks)
    first = statistics.median(firsts)
    print(
        json.dumps(
            {
                "people": PEOPLE,
                "checkins": CHECKINS,
                **drawn,
                "import_s": round(import_s, 3),
                "gather_ms": round(statistics.median(gathers), 1),
                "first_chart_ms": round(first, 1),
                "first_chart_goal_ms": 300,
                "charts_ms": medians,
                "all_charts_ms": round(sum(medians.values()), 1),
                "blank_ms": round(blank, 1),
                "first_chart_ratio": round(first / blank, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
