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


@pytest.mark.parametrize(
    ("tz", "link", "expected"),
    [
        (None, "/usr/share/zoneinfo/Europe/Berlin", "Europe/Berlin"),
        (None, "../usr/share/zoneinfo/America/New_York", "America/New_York"),
        (None, "/usr/share/zoneinfo/posix/Asia/Tokyo", "Asia/Tokyo"),
        (None, "/var/db/timezone/zoneinfo/Australia/Perth", "Australia/Perth"),  # macOS
        ("Europe/Lisbon", "/usr/share/zoneinfo/Europe/Berlin", "Europe/Lisbon"),  # TZ first
        (":Pacific/Auckland", None, "Pacific/Auckland"),
        (":/usr/share/zoneinfo/Africa/Cairo", None, "Africa/Cairo"),
        ("", "/usr/share/zoneinfo/Europe/Berlin", "Europe/Berlin"),  # empty TZ: unset
        # Left to tzlocal: a POSIX rule, a link that isn't into the zone database, nothing.
        ("<+0330>-3:30", "/usr/share/zoneinfo/Europe/Berlin", None),
        (None, "/etc/some-copy", None),
        (None, "/usr/share/zoneinfo/Atlantis/Lost_City", None),
        (None, None, None),
    ],
)
def test_the_system_zone_is_read_the_quick_way_where_it_can_be(
    tz: str | None, link: str | None, expected: str | None
) -> None:
    from supportnet.model.zones import zone_named_by

    assert zone_named_by(tz, link) == expected


def test_the_system_zone_is_a_known_zone_else_utc(monkeypatch: pytest.MonkeyPatch) -> None:
    from supportnet.model import zones

    monkeypatch.setenv("TZ", "Asia/Kolkata")
    assert zones.system_zone_name() == "Asia/Kolkata"
    # A POSIX rule is tzlocal's to read; what it names must be a zone this machine knows.
    import tzlocal

    monkeypatch.setenv("TZ", "<+0330>-3:30")
    monkeypatch.setattr(tzlocal, "get_localzone_name", lambda: "Asia/Tehran")
    assert zones.system_zone_name() == "Asia/Tehran"
    monkeypatch.setattr(tzlocal, "get_localzone_name", lambda: "Atlantis/Lost_City")
    assert zones.system_zone_name() == "UTC"
