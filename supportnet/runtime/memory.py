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


def settle(*, collect: bool = True) -> None:
    """Set aside everything made so far from the collector's walks (after startup, and
    after loading a big library). First, with ``collect``, free the cycles already garbage
    (opening the store and loading the example network leave a few thousand), which would
    otherwise be kept for good; a library's import leaves next to none, so after one the
    walk can be spared."""
    if collect:
        gc.collect()
    gc.freeze()
