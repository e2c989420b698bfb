"""Setting what starting made aside from the garbage collector's walks, after freeing the
cycles already garbage (they would otherwise be kept for good)."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from supportnet.runtime.memory import STARTING_THRESHOLD, settle, while_starting


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


@pytest.fixture(autouse=True)
def _unfrozen() -> Iterator[None]:
    yield
    gc.unfreeze()  # the rest of the test run walks everything again


def test_garbage_is_freed_before_the_rest_is_set_aside() -> None:
    garbage = _Node()
    gone = weakref.ref(garbage)
    del garbage
    before = gc.get_freeze_count()
    settle()
    assert gone() is None
    assert gc.get_freeze_count() > before


def test_after_a_library_loads_the_walk_can_be_spared() -> None:
    garbage = _Node()
    gone = weakref.ref(garbage)
    del garbage
    settle(collect=False)
    assert gone() is not None  # set aside with the rest, as a library's import leaves none


def test_while_starting_the_collector_walks_seldom_until_settled() -> None:
    before = gc.get_threshold()
    while_starting()
    try:
        assert gc.get_threshold() == (STARTING_THRESHOLD, *before[1:])
        while_starting()  # twice is once: settle still restores what was there first
    finally:
        settle()
    assert gc.get_threshold() == before
