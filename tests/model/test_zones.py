"""The one zone-or-UTC fallback: unknown names never stop a page from opening."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from supportnet.model.zones import is_known_zone, known_zone, same_clocks, today_in, zone_or_utc

# Not a zone on any machine, and not a zone name at all (ZoneInfo raises ValueError).
UNKNOWN = ("Atlantis/Lost_City", "../etc/passwd", "")


def test_a_known_zone_is_itself() -> None:
    assert known_zone("Europe/London") == ZoneInfo("Europe/London")
    assert zone_or_utc("Asia/Tokyo") == ZoneInfo("Asia/Tokyo")
    assert is_known_zone("America/New_York")


@pytest.mark.parametrize("name", UNKNOWN)
def test_an_unknown_or_malformed_name_falls_back(name: str) -> None:
    assert known_zone(name) is None
    assert not is_known_zone(name)
    assert zone_or_utc(name) == ZoneInfo("UTC")


def test_today_is_counted_in_the_zone_and_in_nows_own_when_unknown() -> None:
    late = datetime(2025, 6, 1, 23, 30, tzinfo=UTC)
    assert today_in(late, "Asia/Tokyo") == date(2025, 6, 2)
    assert today_in(late, "Atlantis/Lost_City") == date(2025, 6, 1)


def test_same_clocks_means_every_week_of_the_year() -> None:
    assert same_clocks("Europe/Kiev", "Europe/Kyiv")  # an old name for the same clocks
    assert not same_clocks("Africa/Cairo", "Europe/Kyiv")  # alike in January and July only
    assert not same_clocks("Europe/London", "Atlantis/Lost_City")
