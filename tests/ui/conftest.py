"""Fixtures for the UI tier: a fixed clock and the example network in a real store."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest

#: The day the example network is built around in these tests.
TODAY = date(2025, 6, 15)
NOW = datetime(2025, 6, 15, 12, 0, tzinfo=UTC)
ZONE = "Europe/London"


@pytest.fixture
def clock() -> Callable[[], datetime]:
    return lambda: NOW


@pytest.fixture
def demo_store(store: object) -> object:
    """The store fixture holding the example network, built around :data:`TODAY`."""
    from supportnet.data.demo_loader import load_demo

    load_demo(store, TODAY, ZONE)  # type: ignore[arg-type]
    return store
