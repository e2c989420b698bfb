"""VTIMEZONE in yearly-rule form: the offsets it implies match zoneinfo across the window."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from dateutil import rrule

from supportnet.calendar.timezones import vtimezone

START, END = date(2026, 1, 1), date(2027, 12, 31)
WINDOW_START = datetime(2026, 1, 1, tzinfo=UTC) - timedelta(hours=14)
WINDOW_END = datetime(2028, 1, 1, tzinfo=UTC) + timedelta(hours=14)

ZONES = [
    "Europe/London",
    "Europe/Berlin",
    "America/New_York",
    "Australia/Sydney",
    "Pacific/Auckland",
    "America/Sao_Paulo",
    "Asia/Kolkata",
    "UTC",
    "Africa/Casablanca",
    "Asia/Jerusalem",
    "Europe/Dublin",
]
RULE_ZONES = {
    "Europe/London": {("3", "-1SU"), ("10", "-1SU")},
    "Europe/Berlin": {("3", "-1SU"), ("10", "-1SU")},
    "America/New_York": {("3", "2SU"), ("11", "1SU")},
    "Australia/Sydney": {("10", "1SU"), ("4", "1SU")},
    "Pacific/Auckland": {("9", "-1SU"), ("4", "1SU")},
}


def _calendar(zone: str) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", "-//SupportNet//test//EN")
    cal.add("version", "2.0")
    cal.add_component(vtimezone(zone, START, END))
    return cal.to_ical()


def _parsed(zone: str) -> icalendar.Component:
    return icalendar.Calendar.from_ical(_calendar(zone)).walk("VTIMEZONE")[0]


def _onsets(tz: icalendar.Component) -> list[tuple[datetime, timedelta]]:
    """Every (UTC onset, offset after) the VTIMEZONE describes up to the window's end."""
    onsets: list[tuple[datetime, timedelta]] = []
    for obs in tz.subcomponents:
        assert obs.name in {"STANDARD", "DAYLIGHT"}
        start = obs.decoded("DTSTART")
        assert start.tzinfo is None  # floating local time, as RFC 5545 requires
        before = obs.decoded("TZOFFSETFROM")
        after = obs.decoded("TZOFFSETTO")
        locals_ = [start]
        if "RRULE" in obs:
            rule = obs["RRULE"].to_ical().decode()
            until = (WINDOW_END + before).replace(tzinfo=None)
            locals_ = list(rrule.rrulestr(rule, dtstart=start).replace(until=until))
        rdates = obs.get("RDATE", [])
        for rdate in rdates if isinstance(rdates, list) else [rdates]:
            locals_ += [d.dt for d in rdate.dts]
        onsets += [((local - before).replace(tzinfo=UTC), after) for local in locals_]
    return sorted(onsets)


def _implied_offset(
    onsets: list[tuple[datetime, timedelta]], first_from: timedelta, t: datetime
) -> timedelta:
    offset = first_from
    for onset, after in onsets:
        if onset > t:
            break
        offset = after
    return offset


def _instants(zone: str) -> list[datetime]:
    """6-hour steps over the window plus ±1 s and ±1 h around every real transition."""
    tz = ZoneInfo(zone)
    points: list[datetime] = []
    t = WINDOW_START
    prev = t.astimezone(tz).utcoffset()
    while t <= WINDOW_END:
        points.append(t)
        nxt = t + timedelta(hours=6)
        if nxt.astimezone(tz).utcoffset() != prev:
            # locate the change to the second by bisection
            lo, hi = t, nxt
            while hi - lo > timedelta(seconds=1):
                mid = lo + (hi - lo) / 2
                if mid.astimezone(tz).utcoffset() == prev:
                    lo = mid
                else:
                    hi = mid
            points += [hi + d for d in (-timedelta(hours=1), -timedelta(seconds=1))]
            points += [hi + d for d in (timedelta(0), timedelta(hours=1))]
            prev = nxt.astimezone(tz).utcoffset()
        t = nxt
    return points


@pytest.mark.parametrize("zone", ZONES)
def test_implied_offsets_match_zoneinfo_across_the_window(zone: str) -> None:
    tz = _parsed(zone)
    onsets = _onsets(tz)
    earliest = min(tz.subcomponents, key=lambda o: o.decoded("DTSTART"))
    first_from = earliest.decoded("TZOFFSETFROM")
    info = ZoneInfo(zone)
    for t in _instants(zone):
        assert _implied_offset(onsets, first_from, t) == t.astimezone(info).utcoffset(), (
            zone,
            t,
        )


@pytest.mark.parametrize("zone", ZONES)
def test_icalendar_reads_the_same_offsets(zone: str) -> None:
    """Second opinion: icalendar's own VTIMEZONE interpretation (not the IANA lookup)."""
    own = _parsed(zone).to_tz(lookup_tzid=False)
    info = ZoneInfo(zone)
    for t in _instants(zone)[::4]:
        assert t.astimezone(own).utcoffset() == t.astimezone(info).utcoffset(), (zone, t)


@pytest.mark.parametrize(("zone", "rules"), RULE_ZONES.items())
def test_dst_zones_use_yearly_rules_not_rdates(zone: str, rules: set[tuple[str, str]]) -> None:
    text = _calendar(zone).decode()
    assert "RDATE" not in text
    found = set()
    for line in text.splitlines():
        if line.startswith("RRULE:"):
            parts = dict(p.split("=") for p in line.removeprefix("RRULE:").split(";"))
            assert parts["FREQ"] == "YEARLY"
            found.add((parts["BYMONTH"], parts["BYDAY"]))
    assert found == rules


def test_london_observances_start_at_the_wall_time_before_the_change() -> None:
    tz = _parsed("Europe/London")
    starts = {o.name: o.decoded("DTSTART").time().hour for o in tz.subcomponents}
    assert starts == {"DAYLIGHT": 1, "STANDARD": 2}


def test_southern_hemisphere_daylight_starts_in_october() -> None:
    tz = _parsed("Australia/Sydney")
    (daylight,) = [o for o in tz.subcomponents if o.name == "DAYLIGHT"]
    assert daylight.decoded("DTSTART").month == 10
    assert daylight.decoded("TZOFFSETTO") == timedelta(hours=11)


@pytest.mark.parametrize("zone", ["America/Sao_Paulo", "Asia/Kolkata", "UTC"])
def test_zones_without_transitions_get_one_standard(zone: str) -> None:
    tz = _parsed(zone)
    (standard,) = tz.subcomponents
    assert standard.name == "STANDARD"
    assert standard.decoded("DTSTART") == datetime(1970, 1, 1)
    assert standard.decoded("TZOFFSETFROM") == standard.decoded("TZOFFSETTO")
    assert "RRULE" not in standard
    assert "RDATE" not in standard


def test_casablanca_falls_back_to_rdates() -> None:
    text = _calendar("Africa/Casablanca").decode()
    assert "RDATE" in text
    assert "RRULE" not in text


@pytest.mark.parametrize("zone", ZONES)
def test_round_trip_and_headers(zone: str) -> None:
    data = _calendar(zone)
    assert b"\r\n" in data
    assert b"\n" not in data.replace(b"\r\n", b"")
    tz = _parsed(zone)
    assert str(tz["TZID"]) == zone
    assert icalendar.Calendar.from_ical(data).to_ical() == data
    assert not tz.errors


def test_cache_returns_the_same_object() -> None:
    first = vtimezone("Europe/London", START, END)
    assert vtimezone("Europe/London", date(2026, 6, 1), date(2027, 3, 1)) is first
    assert vtimezone("Europe/London", date(2025, 1, 1), END) is not first


def test_window_must_not_be_reversed() -> None:
    with pytest.raises(ValueError, match="ends before"):
        vtimezone("Europe/London", END, START)


def test_a_rule_that_fails_after_the_window_falls_back_to_dates() -> None:
    """Jerusalem's DST start is the 4th Friday of March in 2025–2028 but not in 2030."""
    from supportnet.calendar.timezones import RULE_CHECK_YEARS, vtimezone

    assert RULE_CHECK_YEARS >= 4
    text = vtimezone("Asia/Jerusalem", date(2026, 1, 1), date(2026, 12, 31)).to_ical().decode()
    assert "RDATE" in text
    assert "RRULE" not in text
