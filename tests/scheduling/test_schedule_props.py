"""Property tests for scheduling: random valid plans against the rules, stated independently."""

from __future__ import annotations

import calendar
import itertools
import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supportnet.model.errors import ValidationError
from supportnet.model.network import Circle
from supportnet.model.plans import Cadence, Frequency, MonthlyMode, Plan, PlanKind, Recurrence
from supportnet.scheduling import (
    Occurrence,
    Postponement,
    Target,
    agenda,
    next_occurrence,
    occurrences,
    skipped_months,
    suggestions,
)

ZONES = (
    "Europe/London",
    "America/New_York",
    "Australia/Sydney",
    "Asia/Kolkata",
    "Pacific/Auckland",
    "UTC",
)
LEAP_DAYS = [date(y, 2, 29) for y in range(2004, 2041, 4)]
MONTH_ENDS = [
    date(y, m, calendar.monthrange(y, m)[1]) for y in (2023, 2024, 2025, 2026) for m in range(1, 13)
]
FORBIDDEN = re.compile(r"overdue|missed|\blate\b|behind|!|streak", re.IGNORECASE)

start_dates = st.one_of(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)),
    st.sampled_from(LEAP_DAYS),
    st.sampled_from(MONTH_ENDS),
)
window_times = st.one_of(
    st.none(),
    st.builds(time, st.integers(0, 23), st.sampled_from([0, 15, 30, 45])),
)


@st.composite
def recurrences(draw: st.DrawFn, start: date) -> Recurrence:
    frequency = draw(st.sampled_from(list(Frequency)))
    rec = Recurrence(frequency=frequency, interval=draw(st.integers(1, 4)))
    if frequency is Frequency.WEEKLY:
        rec.weekdays = draw(st.sets(st.integers(0, 6), min_size=1))
    elif frequency is Frequency.MONTHLY:
        if draw(st.booleans()):
            rec.month_day = draw(st.one_of(st.integers(1, 31), st.sampled_from([29, 30, 31])))
        else:
            rec.monthly_mode = MonthlyMode.BY_WEEKDAY
            rec.nth = draw(st.sampled_from([1, 2, 3, 4, 5, -1]))
            rec.nth_weekday = draw(st.integers(0, 6))
    if draw(st.booleans()):
        rec.until = start + timedelta(days=draw(st.integers(0, 900)))
    offsets = st.integers(-30, 900)
    rec.skips = {start + timedelta(days=d) for d in draw(st.sets(offsets, max_size=6))}
    return rec


@st.composite
def fixed_plans(draw: st.DrawFn) -> Plan:
    start = draw(start_dates)
    plan = Plan(
        kind=PlanKind.FIXED,
        start_date=start,
        person_id=1,
        id=1,
        timezone=draw(st.sampled_from(ZONES)),
        window_start=draw(window_times),
        duration_minutes=draw(st.integers(1, 180)),
        recurrence=draw(recurrences(start)),
    )
    plan.validate()
    return plan


@st.composite
def ranges(draw: st.DrawFn, start: date) -> tuple[date, date]:
    lo = start + timedelta(days=draw(st.integers(-60, 700)))
    return lo, lo + timedelta(days=draw(st.integers(0, 400)))


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def _follows_rule(rec: Recurrence, anchor: date, day: date) -> bool:
    """Whether ``day`` fits the recurrence rule, ignoring start, until and skips."""
    if rec.frequency is Frequency.DAILY:
        return (day - anchor).days % rec.interval == 0
    if rec.frequency is Frequency.WEEKLY:
        weeks = (day - timedelta(days=day.weekday())) - (anchor - timedelta(anchor.weekday()))
        return day.weekday() in rec.weekdays and (weeks.days // 7) % rec.interval == 0
    if (_month_index(day) - _month_index(anchor)) % rec.interval:
        return False
    if rec.monthly_mode is MonthlyMode.BY_DATE:
        return day.day == rec.month_day
    if day.weekday() != rec.nth_weekday:
        return False
    if rec.nth == -1:
        return (day + timedelta(weeks=1)).month != day.month
    return (day.day - 1) // 7 + 1 == rec.nth


def _check_wall_time(plan: Plan, occ: Occurrence) -> None:
    if plan.window_start is None:
        assert occ.start is None
        assert occ.end is None
        return
    assert occ.start is not None
    assert occ.end is not None
    zone = ZoneInfo(plan.timezone)
    assert occ.start.tzinfo == zone
    assert occ.start.date() == occ.day
    asked = datetime.combine(occ.day, plan.window_start)
    first = asked.replace(tzinfo=zone, fold=0)
    second = asked.replace(tzinfo=zone, fold=1)
    wall = occ.start.replace(tzinfo=None)
    if wall != asked:
        # Only in a spring-forward gap, moved forward by exactly the gap.
        gap = second.utcoffset() - first.utcoffset()  # type: ignore[operator]
        assert gap > timedelta(0)
        assert wall - asked == gap
    else:
        # Ambiguous times take the first happening (fold=0).
        assert occ.start.utcoffset() == first.utcoffset()
    assert occ.end.astimezone(UTC) - occ.start.astimezone(UTC) == timedelta(
        minutes=plan.duration_minutes
    )


@settings(max_examples=250, deadline=None)
@given(data=st.data(), plan=fixed_plans())
def test_fixed_occurrences_follow_the_rules(data: st.DataObject, plan: Plan) -> None:
    rec = plan.recurrence
    assert rec is not None
    lo, hi = data.draw(ranges(plan.start_date))
    found = occurrences(plan, lo, hi)
    days = [o.day for o in found]

    first = max(lo, plan.start_date)
    last = hi if rec.until is None else min(hi, rec.until)
    expected = [
        first + timedelta(days=n)
        for n in range((last - first).days + 1)
        if _follows_rule(rec, plan.start_date, first + timedelta(days=n))
        and first + timedelta(days=n) not in rec.skips
    ]
    assert days == expected
    for occ in found:
        assert plan.start_date <= occ.day
        assert rec.until is None or occ.day <= rec.until
        assert lo <= occ.day <= hi
        assert occ.day not in rec.skips
        assert occ.plan_id == plan.id
        _check_wall_time(plan, occ)
    assert all(a < b for a, b in itertools.pairwise(days))
    starts = [o.start.astimezone(UTC) for o in found if o.start is not None]
    assert all(a < b for a, b in itertools.pairwise(starts))


@settings(max_examples=100, deadline=None)
@given(data=st.data(), plan=fixed_plans())
def test_occurrences_of_split_ranges_add_up(data: st.DataObject, plan: Plan) -> None:
    lo, hi = data.draw(ranges(plan.start_date))
    cut = lo + timedelta(days=data.draw(st.integers(0, (hi - lo).days)))
    whole = occurrences(plan, lo, hi)
    assert whole == occurrences(plan, lo, cut) + occurrences(plan, cut + timedelta(days=1), hi)


@settings(max_examples=100, deadline=None)
@given(data=st.data(), plan=fixed_plans())
def test_the_next_occurrence_is_the_first_of_the_occurrences_from_that_day(
    data: st.DataObject, plan: Plan
) -> None:
    day = plan.start_date + timedelta(days=data.draw(st.integers(-40, 900)))
    # Monthly plans every few months on a 5th weekday can be years apart.
    ahead = occurrences(plan, day, day + timedelta(days=366 * 8))
    found = next_occurrence(plan, day)
    assert found == (ahead[0] if ahead else None)


@settings(max_examples=100, deadline=None)
@given(data=st.data(), plan=fixed_plans())
def test_skipped_months_are_exactly_those_without_the_day(data: st.DataObject, plan: Plan) -> None:
    rec = plan.recurrence
    assert rec is not None
    lo, hi = data.draw(ranges(plan.start_date))
    skipped = skipped_months(plan, lo, hi)
    if rec.frequency is not Frequency.MONTHLY:
        assert skipped == []
        return
    for first in skipped:
        assert first.day == 1
        length = calendar.monthrange(first.year, first.month)[1]
        month = [first + timedelta(days=n) for n in range(length)]
        assert not any(_follows_rule(rec, plan.start_date, d) for d in month)
        assert (_month_index(first) - _month_index(plan.start_date)) % rec.interval == 0


@settings(max_examples=60, deadline=None)
@given(
    start=start_dates,
    back=st.integers(1, 400),
    interval=st.integers(-5, 0),
    ideal=st.integers(-30, 0),
)
def test_validate_rejects_bad_timing(start: date, back: int, interval: int, ideal: int) -> None:
    def field(plan: Plan) -> str:
        with pytest.raises(ValidationError) as caught:
            plan.validate()
        return caught.value.field

    until_before = Recurrence(Frequency.DAILY, until=start - timedelta(days=back))
    assert field(Plan(PlanKind.FIXED, start, person_id=1, recurrence=until_before)) == "until"
    bad_interval = Recurrence(Frequency.WEEKLY, interval=interval, weekdays={0})
    assert field(Plan(PlanKind.FIXED, start, person_id=1, recurrence=bad_interval)) == "interval"
    cadence = Cadence(ideal_days=ideal, too_long_days=30)
    assert field(Plan(PlanKind.FLEXIBLE, start, person_id=1, cadence=cadence)) == "ideal_days"


# --- suggestions ------------------------------------------------------------------------------

TARGETS = {
    ("person", 1): Target("person", 1, "Sam", Circle.INNER),
    ("person", 2): Target("person", 2, "Alex", Circle.MIDDLE),
    ("person", 3): Target("person", 3, "Jo", Circle.OUTER),
    ("person", 4): Target("person", 4, "Priya", Circle.INNER),
    ("group", 10): Target("group", 10, "Peer support circle", Circle.OUTER),
}
TITLES = ("", "Call Mum", "Walk with Tom", "Peer support circle", "Text Pri")
BASE = datetime(2026, 1, 1, tzinfo=UTC)


@st.composite
def any_plans(draw: st.DrawFn, plan_id: int) -> Plan:
    kind = draw(st.sampled_from(list(PlanKind)))
    start = date(2026, 1, 1) + timedelta(days=draw(st.integers(0, 400)))
    target = draw(st.sampled_from([*TARGETS, ("person", 99)]))
    plan = Plan(
        kind=kind,
        start_date=start,
        person_id=target[1] if target[0] == "person" else None,
        group_id=target[1] if target[0] == "group" else None,
        title=draw(st.sampled_from(TITLES)),
        timezone=draw(st.sampled_from(ZONES)),
        window_start=draw(window_times),
        paused=draw(st.booleans()) and draw(st.booleans()),
        id=plan_id,
    )
    if kind is PlanKind.FIXED:
        plan.recurrence = draw(recurrences(start))
    elif kind is PlanKind.FLEXIBLE:
        ideal = draw(st.integers(1, 60))
        plan.cadence = Cadence(ideal_days=ideal, too_long_days=ideal * 2)
    plan.validate()
    return plan


@settings(max_examples=120, deadline=None)
@given(data=st.data())
def test_suggestions_are_few_gentle_and_one_per_target(data: st.DataObject) -> None:
    plans = [data.draw(any_plans(n)) for n in range(1, data.draw(st.integers(0, 10)) + 1)]
    now = BASE + timedelta(minutes=data.draw(st.integers(0, 500 * 24 * 60)))
    last = {
        key: now - timedelta(hours=data.draw(st.integers(-24, 2000)))
        for key in data.draw(st.sets(st.sampled_from(list(TARGETS))))
    }
    user_zone = data.draw(st.sampled_from(ZONES))
    today = now.astimezone(ZoneInfo(user_zone)).date()
    posts = [
        Postponement(
            data.draw(st.integers(1, 10)),
            today + timedelta(days=data.draw(st.integers(-2, 5))),
            data.draw(st.one_of(st.none(), st.just(today))),
        )
        for _ in range(data.draw(st.integers(0, 3)))
    ]
    cap = data.draw(st.integers(0, 5))
    low_energy = data.draw(st.one_of(st.none(), st.just(today)))
    found = suggestions(
        plans, TARGETS, last, posts, now, user_zone, cap=cap, low_energy_until=low_energy
    )
    assert len(found) <= cap
    keys = [(s.target.kind, s.target.id) for s in found]
    assert len(keys) == len(set(keys))
    for suggestion in found:
        assert not FORBIDDEN.search(suggestion.reason), suggestion.reason
        assert not suggestion.plan.paused
        assert suggestion.dueness >= 0
        assert suggestion.due_at.tzinfo is not None
        if low_energy is not None:
            assert suggestion.target.circle is Circle.INNER
        held = [p for p in posts if p.plan_id == suggestion.plan.id and p.to_date > today]
        if suggestion.plan.kind is PlanKind.FLEXIBLE:
            assert not held
    # Already-due items come before those later today.
    due_now = [s.due_at <= now for s in found]
    assert due_now == sorted(due_now, reverse=True)

    items = agenda(plans, TARGETS, last, posts, now, user_zone, days=14)
    assert all(not i.plan.paused for i in items)
    assert all(today <= i.day < today + timedelta(days=14) for i in items)
    sort_keys = [(i.day, i.start is None) for i in items]
    assert sort_keys == sorted(sort_keys)
