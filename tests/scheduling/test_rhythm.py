"""Rhythm: the typical interval, quietness, long silences and cadences from plans."""

from __future__ import annotations

import itertools
import statistics
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from supportnet.model.plans import Cadence, Frequency, Plan, PlanKind, Recurrence
from supportnet.scheduling.rhythm import (
    ASSUMED_RHYTHM_DAYS,
    NO_CONTACT,
    RECENT_CHECKINS,
    UNKNOWN_QUIETNESS,
    ContactStats,
    cadence_by_group,
    cadence_by_person,
    contact_stats,
    days_since_contact,
    long_silence,
    quietness,
    relative_dueness,
    typical_interval,
    usual_rhythm_days,
)

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
DAY = 86_400
HOUR = 3_600


def _stats(days_ago: float | None, typical: float | None = None, count: int = 5) -> ContactStats:
    last = None if days_ago is None else NOW - timedelta(days=days_ago)
    return ContactStats(
        count=count if last else 0, last_contact=last, typical_interval_days=typical
    )


# --- typical_interval ------------------------------------------------------------------------


def test_fewer_than_three_contacts_have_no_rhythm() -> None:
    assert typical_interval([]) is None
    assert typical_interval([0]) is None
    assert typical_interval([0, 7 * DAY]) is None
    assert typical_interval([0, 7 * DAY, 14 * DAY]) == 7.0


def test_check_ins_within_twelve_hours_are_one_contact() -> None:
    # A text, then a call the same evening; a week later the same again: the rhythm is a
    # week, counted from the last check-in of one contact to the first of the next.
    times = [0, 2 * HOUR, 7 * DAY + 2 * HOUR, 7 * DAY + 13 * HOUR, 14 * DAY + 13 * HOUR]
    assert typical_interval(times) == 7.0
    # Three check-ins in one afternoon and nothing else: one contact, no rhythm.
    assert typical_interval([0, HOUR, 2 * HOUR]) is None
    # Exactly twelve hours apart is two contacts.
    assert typical_interval([0, 12 * HOUR, 24 * HOUR]) == 0.5


def test_the_median_ignores_one_long_quiet_spell() -> None:
    weekly_then_a_gap = [0, 7, 14, 74, 81, 88]  # days
    assert typical_interval(d * DAY for d in weekly_then_a_gap) == 7.0
    # An even number of gaps takes the middle two: gaps 7, 7, 60, 7, 7, 30 -> 7
    assert typical_interval(d * DAY for d in [0, 7, 14, 74, 81, 88, 118]) == 7.0
    # gaps 2, 4, 10, 20 -> (4 + 10) / 2
    assert typical_interval(d * DAY for d in [0, 2, 6, 16, 36]) == 7.0


def test_only_the_most_recent_check_ins_count_and_order_does_not_matter() -> None:
    old_daily = [d * DAY for d in range(100)]
    recent_monthly = [(200 + 30 * k) * DAY for k in range(RECENT_CHECKINS)]
    times = old_daily + recent_monthly
    assert typical_interval(times) == 30.0
    assert typical_interval(reversed(times)) == 30.0


@given(st.lists(st.integers(min_value=0, max_value=10**10), max_size=40))
def test_typical_interval_matches_a_plain_reference(seconds: list[int]) -> None:
    recent = sorted(seconds)[-RECENT_CHECKINS:]
    gaps = [b - a for a, b in itertools.pairwise(recent) if b - a >= 12 * HOUR]
    expected = statistics.median(gaps) / DAY if len(gaps) >= 2 else None
    assert typical_interval(seconds) == expected


def test_contact_stats_of_times() -> None:
    assert contact_stats([]) == NO_CONTACT
    berlin = ZoneInfo("Europe/Berlin")
    times = [datetime(2026, 1, d, 20, 0, tzinfo=berlin) for d in (1, 8, 15)]
    got = contact_stats(times)
    assert got.count == 3
    assert got.last_contact == datetime(2026, 1, 15, 19, 0, tzinfo=UTC)
    assert got.last_contact is not None
    assert got.last_contact.tzinfo is UTC
    assert got.typical_interval_days == 7.0


# --- usual rhythm, due-ness, quietness -------------------------------------------------------


def test_a_flexible_plan_sets_the_rhythm_over_history() -> None:
    stats = _stats(3, typical=7.0)
    assert usual_rhythm_days(stats) == 7.0
    assert usual_rhythm_days(stats, 30) == 30.0
    assert usual_rhythm_days(_stats(3), 30) == 30.0
    assert usual_rhythm_days(_stats(3)) is None
    assert usual_rhythm_days(stats, 0) == 7.0, "a nonsense cadence doesn't override history"


def test_days_since_and_relative_dueness() -> None:
    assert days_since_contact(NO_CONTACT, NOW) is None
    assert days_since_contact(_stats(2.5), NOW) == pytest.approx(2.5)
    assert days_since_contact(_stats(-3), NOW) == 0.0, "a check-in logged ahead is 'now'"
    # max(now - last - period, 0) / period
    assert relative_dueness(_stats(5, typical=10), NOW) == 0.0
    assert relative_dueness(_stats(15, typical=10), NOW) == pytest.approx(0.5)
    assert relative_dueness(_stats(30, typical=10), NOW) == pytest.approx(2.0)
    assert relative_dueness(_stats(30, typical=10), NOW, cadence_days=20) == pytest.approx(0.5)
    assert relative_dueness(NO_CONTACT, NOW) == 0.0


def test_quietness_against_their_own_rhythm() -> None:
    weekly = 7.0
    assert quietness(_stats(0, weekly), NOW) == 0.0
    assert quietness(_stats(7, weekly), NOW) == 0.0, "within one rhythm is not quiet at all"
    assert quietness(_stats(14, weekly), NOW) == pytest.approx(0.5)
    assert quietness(_stats(21, weekly), NOW) == 1.0, "three rhythms is a long silence"
    assert quietness(_stats(400, weekly), NOW) == 1.0
    # The same 14 days is nothing for someone seen monthly.
    assert quietness(_stats(14, 30.0), NOW) == 0.0
    assert quietness(_stats(14, weekly), NOW, cadence_days=30) == 0.0


def test_quietness_without_a_known_rhythm() -> None:
    assert ASSUMED_RHYTHM_DAYS == 60.0
    assert quietness(_stats(30), NOW) == 0.0
    assert quietness(_stats(120), NOW) == pytest.approx(0.5)
    assert quietness(_stats(180), NOW) == 1.0
    assert quietness(_stats(181), NOW) == 1.0


def test_never_contacted_is_unknown_not_quiet() -> None:
    assert quietness(NO_CONTACT, NOW) == UNKNOWN_QUIETNESS == 0.5
    assert not long_silence(NO_CONTACT, NOW)


def test_a_rhythm_under_a_day_is_measured_as_a_day() -> None:
    hourly = _stats(2, typical=0.5)
    assert quietness(hourly, NOW) == pytest.approx(0.5)  # (2 - 1) / 1 / 2


_instants = st.floats(min_value=-30, max_value=2000, allow_nan=False)


@given(
    last_days_ago=st.floats(min_value=0, max_value=1000, allow_nan=False),
    typical=st.none() | st.floats(min_value=0.5, max_value=400, allow_nan=False),
    cadence=st.none() | st.integers(min_value=-1, max_value=400),
    a=_instants,
    b=_instants,
)
def test_quietness_and_silence_only_grow_with_time(
    last_days_ago: float, typical: float | None, cadence: int | None, a: float, b: float
) -> None:
    stats = _stats(last_days_ago, typical)
    earlier, later = NOW + timedelta(days=min(a, b)), NOW + timedelta(days=max(a, b))
    q1, q2 = quietness(stats, earlier, cadence), quietness(stats, later, cadence)
    assert 0.0 <= q1 <= q2 <= 1.0
    assert relative_dueness(stats, earlier, cadence) <= relative_dueness(stats, later, cadence)
    if long_silence(stats, earlier, cadence):
        assert long_silence(stats, later, cadence)


@given(
    days=st.floats(min_value=0, max_value=1000, allow_nan=False),
    typical=st.floats(min_value=0.5, max_value=400, allow_nan=False),
)
def test_a_longer_rhythm_is_never_quieter(days: float, typical: float) -> None:
    assert quietness(_stats(days, typical * 2), NOW) <= quietness(_stats(days, typical), NOW)


# --- long_silence ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typical", "cadence", "quiet_days", "loud_days"),
    [
        (7.0, None, 21, 20.9),  # 2.5 x 7 = 17.5, but never under three weeks
        (1.0, None, 21, 20.9),  # a daily rhythm doesn't make a quiet weekend a "silence"
        (30.0, None, 75, 74.9),  # 2.5 x 30
        (None, None, 150, 149.9),  # 2.5 x the assumed 60 days
        (7.0, 60, 150, 149.9),  # the plan's rhythm wins
    ],
)
def test_long_silence_thresholds(
    typical: float | None, cadence: int | None, quiet_days: float, loud_days: float
) -> None:
    assert long_silence(_stats(quiet_days, typical), NOW, cadence)
    assert not long_silence(_stats(loud_days, typical), NOW, cadence)


def test_long_silence_factor_and_floor_can_be_tuned() -> None:
    weekly = _stats(15, 7.0)
    assert not long_silence(weekly, NOW)
    assert long_silence(weekly, NOW, factor=2.0, min_days=14)
    assert not long_silence(weekly, NOW, factor=2.0, min_days=16)


# --- cadences from plans ---------------------------------------------------------------------


def _flexible(ideal: int, *, person: int | None = None, group: int | None = None) -> Plan:
    return Plan(
        kind=PlanKind.FLEXIBLE,
        start_date=date(2026, 1, 1),
        person_id=person,
        group_id=group,
        cadence=Cadence(ideal, ideal * 2),
    )


def test_cadences_come_from_flexible_plans_that_are_not_paused() -> None:
    paused = _flexible(3, person=2)
    paused.paused = True
    fixed = Plan(
        kind=PlanKind.FIXED,
        start_date=date(2026, 1, 1),
        person_id=3,
        recurrence=Recurrence(Frequency.WEEKLY, weekdays={0}),
    )
    one_off = Plan(kind=PlanKind.ONE_OFF, start_date=date(2026, 1, 1), person_id=4)
    plans = [
        _flexible(14, person=1),
        _flexible(10, person=1),  # the closer rhythm of the two
        paused,
        fixed,
        one_off,
        _flexible(30, group=7),
        _flexible(21, person=5),
    ]
    assert cadence_by_person(plans) == {1: 10, 5: 21}
    assert cadence_by_group(plans) == {7: 30}
    assert cadence_by_person([]) == {}
