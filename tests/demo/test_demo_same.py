"""The example network built from the data files is the one the old Python code built."""

from __future__ import annotations

from datetime import date

import pytest

from supportnet.demo.builder import build_demo_network
from tests.demo.fingerprint import network_digest, network_fields
from tests.demo.legacy.builder import build_demo_network as legacy_build

DAYS = (date(2026, 11, 25), date(2026, 3, 29), date(2027, 2, 28), date(2024, 2, 29))
ZONES = ("Europe/London", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC", "GB")


@pytest.mark.parametrize("today", DAYS)
@pytest.mark.parametrize("zone", ZONES)
def test_data_builds_the_same_network(today: date, zone: str) -> None:
    new, old = build_demo_network(today, zone), legacy_build(today, zone)
    new_fields, old_fields = network_fields(new), network_fields(old)
    for part in ("people", "groups", "plans", "checkins"):
        assert new_fields[part] == old_fields[part], part
    print(today, zone, network_digest(new))


def test_another_seed_builds_the_same_network() -> None:
    today = date(2026, 11, 25)
    new = build_demo_network(today, "Europe/London", seed=7)
    assert network_fields(new) == network_fields(legacy_build(today, "Europe/London", seed=7))
