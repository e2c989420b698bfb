"""Python's garbage collector in a long-running window.

Now and then Python walks every object it tracks, looking for cycles to free, and holds
the interpreter while it does: every thread waits, the window's too. With Qt, SQLAlchemy
and matplotlib loaded and a big network's numbers in memory, one such walk took 90–170 ms
(``benchmarks/insights.py``), a stall a person feels.

Nearly all of those objects are made while starting or loading a library, and live as
long as the app: :func:`settle` sets them aside (``gc.freeze``), so later walks look only
at what came after. They are still freed as usual when nothing refers to them; only a
cycle among them would now outlive its use, and modules and windows don't form ones that
end before the app does.
"""

from __future__ import annotations

import gc

#: While the window is built, the collector walks only after this many new objects (its
#: default is 700): the start makes some 300,000, nearly all for good, and walking them
#: again and again cost about 15 ms of the first frame. :func:`settle` puts it back.
STARTING_THRESHOLD = 50_000


class _Thresholds:
    """The collector's thresholds from before :func:`while_starting`, for :func:`settle`."""

    before: tuple[int, int, int] | None = None


def while_starting() -> None:
    """Let the collector walk seldom until :func:`settle` (call it before loading the window)."""
    if _Thresholds.before is None:
        _Thresholds.before = gc.get_threshold()
    gc.set_threshold(STARTING_THRESHOLD, *_Thresholds.before[1:])


def settle(*, collect: bool = True) -> None:
    """Set aside everything made so far from the collector's walks (after startup, and
    after loading a big library). First, with ``collect``, free the cycles already garbage
    (opening the store and loading the example network leave a few thousand), which would
    otherwise be kept for good; a library's import leaves next to none, so after one the
    walk can be spared."""
    if collect:
        gc.collect()
    gc.freeze()
    if _Thresholds.before is not None:
        gc.set_threshold(*_Thresholds.before)
        _Thresholds.before = None
