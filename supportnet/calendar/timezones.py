"""VTIMEZONE components in the yearly-rule form that Google and Outlook export.

icalendar's own ``add_missing_timezones()`` writes DTSTART + RDATE lists, which Outlook
ignores and ical.js reads only the first RDATE of (see INTEROP.md, ".ics export"). Here each
observance is described by one ``RRULE:FREQ=YEARLY;BYMONTH=m;BYDAY=nXX`` derived from the
zone's transitions, and the rule is verified against :mod:`zoneinfo` before it is used.
Zones that no yearly rule describes (Africa/Casablanca, Asia/Jerusalem, or a zone whose
rules change inside the span) fall back to the RDATE form.

Pure: no clock reads; the exported window is passed in.
"""

from __future__ import annotations

import calendar
import functools
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
from dateutil import rrule

from supportnet.calendar.content_lines import WEEKDAY_CODES

__all__ = ["vtimezone", "vtimezone_bytes"]

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_SCAN_STEP = 86_400  # seconds; zones never change twice within a day
_DATEUTIL_WEEKDAYS = (rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU)


@dataclass(frozen=True)
class _State:
    offset: timedelta
    dst: timedelta
    name: str


@dataclass(frozen=True)
class _Transition:
    instant: datetime  # UTC
    before: _State
    after: _State

    @property
    def local_from(self) -> datetime:
        """Wall time of the change in the offset before it, floating (RFC 5545 DTSTART)."""
        return (self.instant + self.before.offset).replace(tzinfo=None)

    @property
    def daylight(self) -> bool:
        """Summer time. Negative-DST zones (Europe/Dublin, Africa/Casablanca in tzdata) mark
        their *winter* as dst() < 0; clients (Outlook, dateutil) expect DAYLIGHT to be the
        larger offset, so the change back to dst() == 0 from a negative dst() is DAYLIGHT.
        """
        zero = timedelta(0)
        return self.after.dst > zero or (self.after.dst == zero and self.before.dst < zero)


def _state(zone: ZoneInfo, ts: int) -> _State:
    local = datetime.fromtimestamp(ts, tz=zone)
    return _State(
        offset=local.utcoffset() or timedelta(0),
        dst=local.dst() or timedelta(0),
        name=local.tzname() or "",
    )


def _transitions(zone: ZoneInfo, first_year: int, last_year: int) -> list[_Transition]:
    """Every change of (offset, dst, name) from 1 Jan ``first_year`` to 1 Jan ``last_year``+1."""
    lo = int((datetime(first_year, 1, 1, tzinfo=UTC) - _EPOCH).total_seconds())
    hi = int((datetime(last_year + 1, 1, 1, tzinfo=UTC) - _EPOCH).total_seconds())
    found: list[_Transition] = []
    prev_ts, prev = lo, _state(zone, lo)
    ts = lo
    while ts < hi:
        ts = min(ts + _SCAN_STEP, hi)
        cur = _state(zone, ts)
        if cur != prev:
            # Bisect (prev_ts, ts] to the first second with the new state.
            a, b = prev_ts, ts
            while b - a > 1:
                mid = (a + b) // 2
                if _state(zone, mid) == prev:
                    a = mid
                else:
                    b = mid
            found.append(_Transition(_EPOCH + timedelta(seconds=b), prev, _state(zone, b)))
        prev_ts, prev = ts, cur
    return found


def _byday_candidates(transitions: list[_Transition]) -> list[tuple[int, int, int]]:
    """(month, weekday, n) rules every transition satisfies at one wall time; n=-1 is last."""
    first = transitions[0].local_from
    month, weekday, wall = first.month, first.weekday(), first.time()
    if any(
        t.local_from.month != month
        or t.local_from.weekday() != weekday
        or t.local_from.time() != wall
        for t in transitions
    ):
        return []
    nths = {(t.local_from.day - 1) // 7 + 1 for t in transitions}
    is_last = all(
        t.local_from.day + 7 > calendar.monthrange(t.local_from.year, month)[1] for t in transitions
    )
    candidates: list[tuple[int, int, int]] = []
    if len(nths) == 1 and (nth := next(iter(nths))) <= 4:
        candidates.append((month, weekday, nth))
    if is_last:
        # Prefer "last" over "4th" (London, Berlin); keep "1st"/"2nd" first (Sydney, New York).
        candidates.insert(0 if nths & {4, 5} else len(candidates), (month, weekday, -1))
    return candidates


def _rule_matches(
    transitions: list[_Transition], rule: tuple[int, int, int], until: datetime
) -> bool:
    """Does DTSTART + the yearly rule expand to exactly these transition instants?"""
    month, weekday, nth = rule
    first = transitions[0]
    offset = first.before.offset
    expanded = rrule.rrule(
        rrule.YEARLY,
        dtstart=first.local_from,
        bymonth=month,
        byweekday=_DATEUTIL_WEEKDAYS[weekday](nth),
        until=(until + offset).replace(tzinfo=None),
    )
    onsets = [(local - offset).replace(tzinfo=UTC) for local in expanded]
    return onsets == [t.instant for t in transitions]


def _observance(group: list[_Transition]) -> icalendar.Component:
    first = group[0]
    component: icalendar.Component = (
        icalendar.TimezoneDaylight() if first.daylight else icalendar.TimezoneStandard()
    )
    component.add("dtstart", first.local_from)
    component.add("tzoffsetfrom", first.before.offset)
    component.add("tzoffsetto", first.after.offset)
    if first.after.name:
        component.add("tzname", first.after.name)
    return component


def _group(transitions: list[_Transition]) -> list[list[_Transition]]:
    groups: dict[tuple[bool, _State, _State], list[_Transition]] = {}
    for t in transitions:
        groups.setdefault((t.daylight, t.before, t.after), []).append(t)
    return sorted(groups.values(), key=lambda g: g[0].instant)


def _rule_form(transitions: list[_Transition], until: datetime) -> list[icalendar.Component] | None:
    components: list[icalendar.Component] = []
    for group in _group(transitions):
        rule = next((r for r in _byday_candidates(group) if _rule_matches(group, r, until)), None)
        if rule is None:
            return None
        month, weekday, nth = rule
        component = _observance(group)
        component.add(
            "rrule", {"FREQ": "YEARLY", "BYMONTH": month, "BYDAY": f"{nth}{WEEKDAY_CODES[weekday]}"}
        )
        components.append(component)
    return components


def _rdate_form(transitions: list[_Transition]) -> list[icalendar.Component]:
    components: list[icalendar.Component] = []
    for group in _group(transitions):
        component = _observance(group)
        if len(group) > 1:
            component.add("rdate", [t.local_from for t in group[1:]])
        components.append(component)
    return components


#: Recurring plans run on past the exported window, so a yearly rule must hold for years
#: after it too; Asia/Jerusalem's "4th Friday of March" fits 2025–2028 but not 2030.
RULE_CHECK_YEARS = 10


@functools.lru_cache(maxsize=64)
def _cached(zone: str, start_year: int, end_year: int) -> icalendar.Timezone:
    tz = ZoneInfo(zone)
    first_year, last_year = start_year - 1, end_year + RULE_CHECK_YEARS
    transitions = _transitions(tz, first_year, last_year)
    result = icalendar.Timezone()
    result.add("tzid", zone)
    result.add("x-lic-location", zone)
    if not transitions:
        ts = int((datetime(start_year, 1, 1, tzinfo=UTC) - _EPOCH).total_seconds())
        state = _state(tz, ts)
        standard = icalendar.TimezoneStandard()
        standard.add("dtstart", datetime(1970, 1, 1))
        standard.add("tzoffsetfrom", state.offset)
        standard.add("tzoffsetto", state.offset)
        if state.name:
            standard.add("tzname", state.name)
        result.add_component(standard)
        return result
    until = datetime(last_year + 1, 1, 1, tzinfo=UTC)
    components = _rule_form(transitions, until)
    if components is None:
        components = _rdate_form(transitions)
    for component in components:
        result.add_component(component)
    return result


def vtimezone(zone: str, start: date, end: date) -> icalendar.Timezone:
    """A VTIMEZONE for IANA ``zone``, correct for every instant of [``start``, ``end``].

    The transitions of the whole years from ``start.year - 1`` to ``end.year +``
    :data:`RULE_CHECK_YEARS` are described (so the result depends on the years only, and is
    cached per zone and years); a yearly rule is used only if it matches all of them.
    The returned component is shared between callers: add it to a calendar, don't mutate it.
    Raises ``zoneinfo.ZoneInfoNotFoundError`` for an unknown zone.
    """
    if end < start:
        raise ValueError(f"export window ends before it starts: {start} > {end}")
    return _cached(zone, start.year, end.year)


def vtimezone_bytes(zone: str, start: date, end: date) -> bytes:
    """:func:`vtimezone` as the lines of an .ics file (cached the same way)."""
    if end < start:
        raise ValueError(f"export window ends before it starts: {start} > {end}")
    return _cached_bytes(zone, start.year, end.year)


@functools.lru_cache(maxsize=64)
def _cached_bytes(zone: str, start_year: int, end_year: int) -> bytes:
    data: bytes = _cached(zone, start_year, end_year).to_ical()
    return data
