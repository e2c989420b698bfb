"""Scheduling: occurrences, skipping, DST, flexible due dates, suggestions, agenda, reminders."""

from __future__ import annotations

import itertools
import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from supportnet.model.errors import ValidationError
from supportnet.model.network import Circle
from supportnet.model.plans import Cadence, Frequency, MonthlyMode, Plan, PlanKind, Recurrence
from supportnet.scheduling import (
    Occurrence,
    Postponement,
    Suggestion,
    Target,
    agenda,
    describe_skipping,
    dueness,
    flexible_due,
    in_quiet_hours,
    local_datetime,
    moved_occurrences,
    occurrences,
    reminders_due,
    rhythm_days,
    skipped_months,
    suggestions,
)

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
SYDNEY = ZoneInfo("Australia/Sydney")
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
HOUR = timedelta(hours=1)

# Thursday 26 November 2026, noon in London (GMT).
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=LONDON)
TODAY = NOW.date()
FORBIDDEN = re.compile(r"overdue|missed|\blate\b|behind|!|streak", re.IGNORECASE)

SAM = Target("person", 1, "Sam", Circle.INNER)
ALEX = Target("person", 2, "Alex", Circle.MIDDLE)
JO = Target("person", 3, "Jo", Circle.OUTER)
CIRCLE = Target("group", 10, "Peer support circle", Circle.OUTER)
TARGETS = {("person", 1): SAM, ("person", 2): ALEX, ("person", 3): JO, ("group", 10): CIRCLE}


def fixed(rec: Recurrence, start: date, *, zone: str = "Europe/London", **kw: object) -> Plan:
    kw.setdefault("person_id", 1)
    kw.setdefault("window_start", time(18, 0))
    kw.setdefault("id", 1)
    return Plan(kind=PlanKind.FIXED, start_date=start, timezone=zone, recurrence=rec, **kw)  # type: ignore[arg-type]


def weekly(*days: int, interval: int = 1, **kw: object) -> Recurrence:
    return Recurrence(frequency=Frequency.WEEKLY, interval=interval, weekdays=set(days), **kw)  # type: ignore[arg-type]


def daily(interval: int = 1, **kw: object) -> Recurrence:
    return Recurrence(frequency=Frequency.DAILY, interval=interval, **kw)  # type: ignore[arg-type]


def flexible(ideal: int = 10, *, start: date = date(2026, 1, 1), **kw: object) -> Plan:
    kw.setdefault("person_id", 1)
    kw.setdefault("window_start", time(18, 0))
    kw.setdefault("id", 1)
    kw.setdefault("timezone", "Europe/London")
    return Plan(
        kind=PlanKind.FLEXIBLE,
        start_date=start,
        cadence=Cadence(ideal_days=ideal, too_long_days=ideal * 3),
        **kw,  # type: ignore[arg-type]
    )


def days_of(plan: Plan, start: date, end: date) -> list[date]:
    return [o.day for o in occurrences(plan, start, end)]


# --- fixed occurrences ----------------------------------------------------------------------


def test_weekly_every_two_weeks_on_monday_and_thursday() -> None:
    # Starts on Wednesday 7 January 2026: that week (from Monday the 5th) is the first; its
    # Monday is before the start and left out, its Thursday counts.
    plan = fixed(weekly(MON, THU, interval=2), date(2026, 1, 7))
    assert days_of(plan, date(2026, 1, 1), date(2026, 2, 8)) == [
        date(2026, 1, 8),
        date(2026, 1, 19),
        date(2026, 1, 22),
        date(2026, 2, 2),
        date(2026, 2, 5),
    ]
    # A range starting in an "off" week, or half-way through an "on" week.
    assert days_of(plan, date(2026, 1, 12), date(2026, 1, 21)) == [date(2026, 1, 19)]
    assert days_of(plan, date(2026, 1, 20), date(2026, 2, 2)) == [
        date(2026, 1, 22),
        date(2026, 2, 2),
    ]


def test_weekly_far_from_the_start_keeps_the_phase() -> None:
    plan = fixed(weekly(SAT, interval=3), date(2020, 1, 4))
    found = days_of(plan, date(2026, 1, 1), date(2026, 3, 31))
    assert found
    assert all(d.weekday() == SAT and (d - date(2020, 1, 4)).days % 21 == 0 for d in found)
    assert [b - a for a, b in itertools.pairwise(found)] == [timedelta(weeks=3)] * (len(found) - 1)


def test_monthly_31st_skips_short_months() -> None:
    rec = Recurrence(frequency=Frequency.MONTHLY, month_day=31)
    plan = fixed(rec, date(2026, 1, 31))
    assert days_of(plan, date(2026, 1, 1), date(2026, 12, 31)) == [
        date(2026, 1, 31),
        date(2026, 3, 31),
        date(2026, 5, 31),
        date(2026, 7, 31),
        date(2026, 8, 31),
        date(2026, 10, 31),
        date(2026, 12, 31),
    ]
    assert skipped_months(plan, date(2026, 1, 1), date(2026, 12, 31)) == [
        date(2026, 2, 1),
        date(2026, 4, 1),
        date(2026, 6, 1),
        date(2026, 9, 1),
        date(2026, 11, 1),
    ]
    assert describe_skipping(plan) == "Months without a 31st are skipped."


def test_monthly_30th_skips_february_only() -> None:
    rec = Recurrence(frequency=Frequency.MONTHLY, month_day=30)
    plan = fixed(rec, date(2026, 1, 1))
    found = days_of(plan, date(2026, 1, 1), date(2026, 12, 31))
    assert len(found) == 11
    assert all(d.day == 30 for d in found)
    assert date(2026, 2, 1) not in [d.replace(day=1) for d in found]
    assert skipped_months(plan, date(2026, 1, 1), date(2026, 12, 31)) == [date(2026, 2, 1)]
    assert describe_skipping(plan) == "Months without a 30th are skipped."


def test_describe_skipping_only_when_a_month_can_lack_the_day() -> None:
    assert describe_skipping(fixed(Recurrence(Frequency.MONTHLY, month_day=28), TODAY)) is None
    # Every 12 months from January: January always has a 31st.
    yearly = Recurrence(Frequency.MONTHLY, interval=12, month_day=31)
    assert describe_skipping(fixed(yearly, date(2026, 1, 31))) is None
    assert describe_skipping(fixed(weekly(MON), TODAY)) is None
    assert describe_skipping(flexible()) is None
    leap = Recurrence(Frequency.MONTHLY, month_day=29)
    assert describe_skipping(fixed(leap, date(2026, 1, 29))) == "Months without a 29th are skipped."


def test_monthly_fifth_monday_is_skipped_not_moved() -> None:
    rec = Recurrence(
        frequency=Frequency.MONTHLY, monthly_mode=MonthlyMode.BY_WEEKDAY, nth=5, nth_weekday=MON
    )
    plan = fixed(rec, date(2026, 1, 1))
    assert days_of(plan, date(2026, 1, 1), date(2026, 12, 31)) == [
        date(2026, 3, 30),
        date(2026, 6, 29),
        date(2026, 8, 31),
        date(2026, 11, 30),
    ]
    skipped = skipped_months(plan, date(2026, 1, 1), date(2026, 12, 31))
    assert len(skipped) == 8
    assert date(2026, 1, 1) in skipped
    assert date(2026, 3, 1) not in skipped
    assert describe_skipping(plan) == "Months without a 5th Monday are skipped."


def test_monthly_last_friday() -> None:
    rec = Recurrence(
        frequency=Frequency.MONTHLY, monthly_mode=MonthlyMode.BY_WEEKDAY, nth=-1, nth_weekday=FRI
    )
    plan = fixed(rec, date(2026, 1, 1))
    assert days_of(plan, date(2026, 1, 1), date(2026, 12, 31)) == [
        date(2026, 1, 30),
        date(2026, 2, 27),
        date(2026, 3, 27),
        date(2026, 4, 24),
        date(2026, 5, 29),
        date(2026, 6, 26),
        date(2026, 7, 31),
        date(2026, 8, 28),
        date(2026, 9, 25),
        date(2026, 10, 30),
        date(2026, 11, 27),
        date(2026, 12, 25),
    ]
    assert skipped_months(plan, date(2026, 1, 1), date(2026, 12, 31)) == []
    assert describe_skipping(plan) is None


def test_third_saturday_every_two_months() -> None:
    rec = Recurrence(
        Frequency.MONTHLY, interval=2, monthly_mode=MonthlyMode.BY_WEEKDAY, nth=3, nth_weekday=SAT
    )
    plan = fixed(rec, date(2026, 2, 1))
    assert days_of(plan, date(2026, 1, 1), date(2026, 8, 31)) == [
        date(2026, 2, 21),
        date(2026, 4, 18),
        date(2026, 6, 20),
        date(2026, 8, 15),
    ]


def test_leap_day_every_twelve_months() -> None:
    rec = Recurrence(frequency=Frequency.MONTHLY, interval=12, month_day=29)
    plan = fixed(rec, date(2024, 2, 29))
    assert days_of(plan, date(2024, 1, 1), date(2028, 12, 31)) == [
        date(2024, 2, 29),
        date(2028, 2, 29),
    ]
    assert skipped_months(plan, date(2024, 1, 1), date(2028, 12, 31)) == [
        date(2025, 2, 1),
        date(2026, 2, 1),
        date(2027, 2, 1),
    ]
    assert describe_skipping(plan) == "Months without a 29th are skipped."


def test_daily_across_leap_day() -> None:
    plan = fixed(daily(), date(2024, 2, 27))
    assert days_of(plan, date(2024, 2, 1), date(2024, 3, 1)) == [
        date(2024, 2, 27),
        date(2024, 2, 28),
        date(2024, 2, 29),
        date(2024, 3, 1),
    ]
    every_other = fixed(daily(2), date(2024, 2, 27))
    assert days_of(every_other, date(2024, 2, 28), date(2024, 3, 3)) == [
        date(2024, 2, 29),
        date(2024, 3, 2),
    ]
    non_leap = fixed(daily(2), date(2023, 2, 28))
    assert days_of(non_leap, date(2023, 2, 1), date(2023, 3, 4)) == [
        date(2023, 2, 28),
        date(2023, 3, 2),
        date(2023, 3, 4),
    ]


def test_until_is_inclusive_and_skips_are_removed() -> None:
    rec = weekly(MON, until=date(2026, 2, 2), skips={date(2026, 1, 19)})
    plan = fixed(rec, date(2026, 1, 5))
    assert days_of(plan, date(2026, 1, 1), date(2026, 3, 1)) == [
        date(2026, 1, 5),
        date(2026, 1, 12),
        date(2026, 1, 26),
        date(2026, 2, 2),
    ]


def test_never_before_the_start_date() -> None:
    plan = fixed(daily(), date(2026, 6, 10))
    assert days_of(plan, date(2026, 6, 1), date(2026, 6, 9)) == []
    assert days_of(plan, date(2026, 6, 1), date(2026, 6, 10)) == [date(2026, 6, 10)]
    assert days_of(plan, date(2026, 6, 12), date(2026, 6, 11)) == []


def test_one_off_and_flexible_occurrences() -> None:
    once = Plan(
        kind=PlanKind.ONE_OFF, start_date=date(2026, 5, 4), person_id=1, id=7, window_start=None
    )
    assert occurrences(once, date(2026, 5, 1), date(2026, 5, 31)) == [
        Occurrence(7, date(2026, 5, 4), None, None)
    ]
    assert occurrences(once, date(2026, 5, 5), date(2026, 5, 31)) == []
    assert occurrences(flexible(), date(2026, 1, 1), date(2026, 12, 31)) == []


def test_paused_plans_still_have_occurrences() -> None:
    plan = fixed(daily(), date(2026, 1, 1), paused=True)
    assert days_of(plan, date(2026, 1, 1), date(2026, 1, 3)) == [
        date(2026, 1, 1),
        date(2026, 1, 2),
        date(2026, 1, 3),
    ]


def test_invalid_recurrences_give_nothing_rather_than_crash() -> None:
    assert days_of(fixed(daily(0), TODAY), TODAY, TODAY + timedelta(days=9)) == []
    assert days_of(fixed(weekly(), TODAY), TODAY, TODAY + timedelta(days=9)) == []
    broken = fixed(Recurrence(Frequency.MONTHLY, month_day=None), TODAY)
    assert days_of(broken, TODAY, TODAY + timedelta(days=90)) == []


def test_end_is_start_plus_duration() -> None:
    plan = fixed(daily(), date(2026, 3, 1), duration_minutes=45, window_end=time(19, 0))
    (occ,) = occurrences(plan, date(2026, 3, 2), date(2026, 3, 2))
    assert occ.start == datetime(2026, 3, 2, 18, 0, tzinfo=LONDON)
    assert occ.end == datetime(2026, 3, 2, 18, 45, tzinfo=LONDON)


# --- daylight saving --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "before", "after", "offsets"),
    [
        # Spring forward, then fall back, for each zone in 2026 (Sydney is the other way round).
        ("Europe/London", date(2026, 3, 28), date(2026, 3, 30), (0, 1)),
        ("Europe/London", date(2026, 10, 24), date(2026, 10, 26), (1, 0)),
        ("America/New_York", date(2026, 3, 7), date(2026, 3, 9), (-5, -4)),
        ("America/New_York", date(2026, 10, 31), date(2026, 11, 2), (-4, -5)),
        ("Australia/Sydney", date(2026, 4, 4), date(2026, 4, 6), (11, 10)),
        ("Australia/Sydney", date(2026, 10, 3), date(2026, 10, 5), (10, 11)),
    ],
)
def test_local_time_stays_put_across_dst(
    zone: str, before: date, after: date, offsets: tuple[int, int]
) -> None:
    plan = fixed(daily(), date(2026, 1, 1), zone=zone)
    found = occurrences(plan, before, after)
    assert [o.day for o in found] == [before, before + timedelta(days=1), after]
    for occ in found:
        assert occ.start is not None
        assert (occ.start.hour, occ.start.minute) == (18, 0)
        assert occ.start.tzinfo == ZoneInfo(zone)
    first, last = found[0].start, found[-1].start
    assert first is not None
    assert last is not None
    assert first.utcoffset() == timedelta(hours=offsets[0])
    assert last.utcoffset() == timedelta(hours=offsets[1])
    # A day apart on the wall clock; 23 or 25 hours apart in real time.
    hours = (last.astimezone(UTC) - first.astimezone(UTC)) / HOUR
    assert hours == 48 - (offsets[1] - offsets[0])


@pytest.mark.parametrize(
    ("zone", "day", "at", "expected"),
    [
        ("Europe/London", date(2026, 3, 29), time(1, 30), time(2, 30)),
        ("America/New_York", date(2026, 3, 8), time(2, 30), time(3, 30)),
        ("Australia/Sydney", date(2026, 10, 4), time(2, 30), time(3, 30)),
        ("America/New_York", date(2026, 3, 8), time(2, 0), time(3, 0)),
    ],
)
def test_a_time_in_the_spring_gap_moves_forward(
    zone: str, day: date, at: time, expected: time
) -> None:
    plan = fixed(daily(), date(2026, 1, 1), zone=zone, window_start=at)
    (occ,) = occurrences(plan, day, day)
    assert occ.start is not None
    assert occ.start.date() == day
    assert occ.start.time() == expected
    # It is a real instant: converting through UTC gives the same wall time back.
    assert occ.start.astimezone(UTC).astimezone(ZoneInfo(zone)).time() == expected


@pytest.mark.parametrize(
    ("zone", "day", "at", "first_offset"),
    [
        ("Europe/London", date(2026, 10, 25), time(1, 30), 1),
        ("America/New_York", date(2026, 11, 1), time(1, 30), -4),
        ("Australia/Sydney", date(2026, 4, 5), time(2, 30), 11),
    ],
)
def test_an_ambiguous_time_is_the_first(zone: str, day: date, at: time, first_offset: int) -> None:
    plan = fixed(daily(), date(2026, 1, 1), zone=zone, window_start=at, duration_minutes=30)
    (occ,) = occurrences(plan, day, day)
    assert occ.start is not None
    assert occ.end is not None
    assert occ.start.time() == at
    assert occ.start.utcoffset() == timedelta(hours=first_offset)
    # The end is thirty real minutes later, even across the repeated hour.
    assert (occ.end.astimezone(UTC) - occ.start.astimezone(UTC)) == timedelta(minutes=30)


def test_local_datetime_ordinary_times_are_unchanged() -> None:
    moment = local_datetime(date(2026, 7, 1), time(9, 15), NEW_YORK)
    assert moment == datetime(2026, 7, 1, 9, 15, tzinfo=NEW_YORK)
    assert moment.utcoffset() == timedelta(hours=-4)


# --- agenda across zones ----------------------------------------------------------------------


def _new_york_call(**kw: object) -> Plan:
    return fixed(daily(), date(2026, 1, 1), zone="America/New_York", window_start=time(13, 0), **kw)


def _agenda_times(now: datetime, plan: Plan, days: int = 28) -> dict[date, time]:
    items = agenda([plan], TARGETS, {}, [], now, "Europe/London", days=days)
    out = {}
    for item in items:
        assert item.start is not None
        assert item.start.tzinfo == LONDON
        out[item.day] = item.start.time()
    return out


def test_agenda_converts_new_york_to_london_through_march() -> None:
    # New York springs forward on 8 March, London on 29 March: three weeks at 17:00.
    times = _agenda_times(datetime(2026, 3, 1, 9, 0, tzinfo=LONDON), _new_york_call(), days=35)
    assert times[date(2026, 3, 1)] == time(18, 0)
    assert times[date(2026, 3, 7)] == time(18, 0)
    assert times[date(2026, 3, 8)] == time(17, 0)
    assert times[date(2026, 3, 20)] == time(17, 0)
    assert times[date(2026, 3, 28)] == time(17, 0)
    assert times[date(2026, 3, 29)] == time(18, 0)
    assert times[date(2026, 4, 4)] == time(18, 0)


def test_agenda_converts_new_york_to_london_through_the_autumn() -> None:
    # London falls back on 25 October, New York on 1 November: one week at 17:00.
    times = _agenda_times(datetime(2026, 10, 20, 9, 0, tzinfo=LONDON), _new_york_call())
    assert times[date(2026, 10, 24)] == time(18, 0)
    assert times[date(2026, 10, 25)] == time(17, 0)
    assert times[date(2026, 10, 31)] == time(17, 0)
    assert times[date(2026, 11, 1)] == time(18, 0)
    assert times[date(2026, 11, 16)] == time(18, 0)


def test_agenda_moves_a_late_evening_abroad_to_the_next_london_day() -> None:
    # Saturdays 20:00 in New York are Sundays 01:00 in London (in January).
    plan = fixed(weekly(SAT), date(2026, 1, 3), zone="America/New_York", window_start=time(20, 0))
    items = agenda([plan], TARGETS, {}, [], datetime(2026, 1, 5, 9, tzinfo=LONDON), "Europe/London")
    assert [(i.day, i.start and i.start.time()) for i in items][:2] == [
        (date(2026, 1, 11), time(1, 0)),
        (date(2026, 1, 18), time(1, 0)),
    ]
    assert all(i.day.weekday() == SUN for i in items)


def test_agenda_flexible_paused_postponed_and_sorting() -> None:
    now = NOW
    sunday = fixed(weekly(SUN), date(2026, 1, 4), id=1, person_id=1)
    paused = fixed(daily(), date(2026, 1, 1), id=2, person_id=2, paused=True)
    # Jo: every 10 days, last contact 14 days ago: already due, so shown today.
    jo = flexible(10, id=3, person_id=3)
    # The circle on Thursdays at 19:00, this week's meeting moved to Friday.
    circle = fixed(
        weekly(THU), date(2026, 1, 1), id=4, person_id=None, group_id=10, window_start=time(19, 0)
    )
    # Alex, every 7 days, last contact yesterday: due in six days; "Not today" does nothing.
    alex = flexible(7, id=5, person_id=2)
    card = Plan(kind=PlanKind.ONE_OFF, start_date=TODAY + timedelta(days=2), person_id=1, id=6)
    last = {
        ("person", 3): NOW - timedelta(days=14),
        ("person", 2): NOW - timedelta(days=1),
    }
    posts = [
        Postponement(4, to_date=TODAY + timedelta(days=1), from_date=TODAY),
        Postponement(5, to_date=TODAY + timedelta(days=1)),
    ]
    items = agenda(
        [sunday, paused, jo, circle, alex, card], TARGETS, last, posts, now, "Europe/London", days=7
    )
    seen = [(i.day, i.plan.id, i.flexible, i.start and i.start.time()) for i in items]
    assert seen == [
        (TODAY, 3, True, None),
        (TODAY + timedelta(days=1), 4, False, time(19, 0)),
        (TODAY + timedelta(days=2), 6, False, None),
        (TODAY + timedelta(days=3), 1, False, time(18, 0)),
        (TODAY + timedelta(days=6), 5, True, None),
    ]


def test_agenda_flexible_postponed_shows_on_its_new_day() -> None:
    plan = flexible(10, id=3, person_id=3)
    last = {("person", 3): NOW - timedelta(days=14)}
    posts = [Postponement(3, to_date=TODAY + timedelta(days=2))]
    items = agenda([plan], TARGETS, last, posts, NOW, "Europe/London", days=7)
    assert [(i.day, i.flexible) for i in items] == [(TODAY + timedelta(days=2), True)]


def test_agenda_orders_timed_before_all_day_then_by_name() -> None:
    a = fixed(daily(), TODAY, id=1, person_id=3, window_start=None)  # Jo, all day
    b = fixed(daily(), TODAY, id=2, person_id=1, window_start=None)  # Sam, all day
    c = fixed(daily(), TODAY, id=3, person_id=2, window_start=time(9, 0))  # Alex 09:00
    items = agenda([a, b, c], TARGETS, {}, [], NOW, "Europe/London", days=1)
    assert [i.target.name for i in items] == ["Alex", "Jo", "Sam"]
    assert agenda([a], TARGETS, {}, [], NOW, "Europe/London", days=0) == []


# --- flexible due dates -----------------------------------------------------------------------


def test_flexible_due_is_last_contact_plus_ideal_at_the_window() -> None:
    plan = flexible(10)
    last = datetime(2026, 11, 1, 21, 30, tzinfo=LONDON)
    assert flexible_due(plan, last, NOW) == datetime(2026, 11, 11, 18, 0, tzinfo=LONDON)
    all_day = flexible(10, window_start=None)
    assert flexible_due(all_day, last, NOW) == datetime(2026, 11, 11, 0, 0, tzinfo=LONDON)


def test_flexible_never_contacted_is_due_on_its_start_date() -> None:
    plan = flexible(10, start=date(2026, 11, 20))
    assert flexible_due(plan, None, NOW) == datetime(2026, 11, 20, 18, 0, tzinfo=LONDON)


def test_flexible_is_never_due_before_it_starts() -> None:
    plan = flexible(7, start=date(2026, 12, 20))
    assert flexible_due(plan, NOW - timedelta(days=1), NOW).date() == date(2026, 12, 20)


def test_any_contact_resets_a_flexible_plan_whoever_reached_out() -> None:
    from supportnet.model.checkins import CheckIn, Initiator
    from supportnet.scheduling.rhythm import contact_stats

    plan = flexible(10)
    mine = CheckIn(at=datetime(2026, 11, 1, 19, 0, tzinfo=LONDON), person_id=1)
    due_before = flexible_due(plan, mine.at, NOW)
    # Then they reached out to me, a week later: the latest contact moves the due date on.
    theirs = CheckIn(
        at=datetime(2026, 11, 8, 10, 0, tzinfo=LONDON), person_id=1, initiator=Initiator.THEM
    )
    latest = contact_stats([mine.at, theirs.at]).last_contact
    due_after = flexible_due(plan, latest, NOW)
    assert due_before.date() == date(2026, 11, 11)
    assert due_after.date() == date(2026, 11, 18)
    assert due_after > due_before


def test_flexible_due_counts_days_in_the_plans_zone() -> None:
    # 23:30 UTC on 1 November is already 2 November in Sydney.
    plan = flexible(3, timezone="Australia/Sydney")
    last = datetime(2026, 11, 1, 23, 30, tzinfo=UTC)
    due = flexible_due(plan, last, NOW)
    assert due == datetime(2026, 11, 5, 18, 0, tzinfo=SYDNEY)


def test_a_contact_logged_in_the_future_counts_as_now() -> None:
    plan = flexible(10)
    assert flexible_due(plan, NOW + timedelta(days=30), NOW) == flexible_due(plan, NOW, NOW)


def test_rhythm_days() -> None:
    assert rhythm_days(flexible(10)) == 10.0
    assert rhythm_days(fixed(weekly(SUN), TODAY)) == 7.0
    assert rhythm_days(fixed(weekly(MON, THU, interval=2), TODAY)) == 7.0
    assert rhythm_days(fixed(weekly(MON, WED, FRI), TODAY)) == pytest.approx(7 / 3)
    assert rhythm_days(fixed(daily(3), TODAY)) == 3.0
    monthly = fixed(Recurrence(Frequency.MONTHLY, interval=2, month_day=5), TODAY)
    assert rhythm_days(monthly) == pytest.approx(60.87, abs=0.01)
    once = Plan(kind=PlanKind.ONE_OFF, start_date=TODAY, person_id=1)
    assert rhythm_days(once) == 7.0


def test_dueness_is_relative_to_the_rhythm() -> None:
    due = NOW - timedelta(days=5)
    assert dueness(due, 10.0, NOW) == pytest.approx(0.5)
    assert dueness(due, 5.0, NOW) == pytest.approx(1.0)
    assert dueness(NOW + timedelta(hours=3), 10.0, NOW) == 0.0
    assert dueness(NOW, 10.0, NOW) == 0.0
    # Measured in real time, across zones.
    assert dueness(datetime(2026, 11, 26, 7, 0, tzinfo=NEW_YORK), 1.0, NOW) == 0.0


# --- suggestions ------------------------------------------------------------------------------


def _suggest(
    plans: list[Plan],
    last: dict[tuple[str, int], datetime] | None = None,
    posts: list[Postponement] | None = None,
    now: datetime = NOW,
    **kw: object,
) -> list[Suggestion]:
    return suggestions(plans, TARGETS, last or {}, posts or [], now, "Europe/London", **kw)  # type: ignore[arg-type]


def _three_equal_flexibles() -> tuple[list[Plan], dict[tuple[str, int], datetime]]:
    plans = [
        flexible(10, id=3, person_id=3),
        flexible(10, id=2, person_id=2),
        flexible(10, id=1, person_id=1),
    ]
    last = {("person", p): NOW - timedelta(days=14) for p in (1, 2, 3)}
    return plans, last


def test_flexible_suggestion_reason_and_dueness() -> None:
    plans, last = _three_equal_flexibles()
    (first, *_) = _suggest(plans, last)
    # Last contact 12 Nov noon; due 22 Nov 18:00; 3.75 days later of a 10-day rhythm.
    assert first.due_at == datetime(2026, 11, 22, 18, 0, tzinfo=LONDON)
    assert first.dueness == pytest.approx(0.375)
    assert first.target is SAM
    assert first.reason == "A while since you and Sam talked. A short hello is plenty."
    assert first.time_today is None


def test_suggestions_are_capped() -> None:
    plans, last = _three_equal_flexibles()
    plans.append(flexible(10, id=4, person_id=None, group_id=10))
    last[("group", 10)] = NOW - timedelta(days=30)
    assert len(_suggest(plans, last)) == 3
    assert len(_suggest(plans, last, cap=1)) == 1
    assert _suggest(plans, last, cap=0) == []
    assert len(_suggest(plans, last, cap=10)) == 4


def test_inner_circle_first_among_equals() -> None:
    plans, last = _three_equal_flexibles()
    assert [s.target.name for s in _suggest(plans, last)] == ["Sam", "Alex", "Jo"]
    # Within 0.05 still counts as equal: Sam's plan comes due two hours later in the day
    # (0.008 less due), and Sam still comes first.
    plans[2].window_start = time(20, 0)
    found = _suggest(plans, last)
    assert [s.target.name for s in found] == ["Sam", "Alex", "Jo"]
    assert found[0].dueness == pytest.approx(found[1].dueness - 2 / 24 / 10)
    # Clearly less due (two days) and Sam moves down.
    last[("person", 1)] = NOW - timedelta(days=12)
    assert [s.target.name for s in _suggest(plans, last)] == ["Alex", "Jo", "Sam"]


def test_paused_missing_and_not_due_plans_are_left_out() -> None:
    plans, last = _three_equal_flexibles()
    plans[0].paused = True  # Jo
    plans.append(flexible(10, id=9, person_id=99))  # nobody we know
    last[("person", 2)] = NOW - timedelta(days=3)  # Alex: not due for a week
    assert [s.target.name for s in _suggest(plans, last)] == ["Sam"]


def test_postponed_plans_are_left_out_until_their_day() -> None:
    plans, last = _three_equal_flexibles()
    posts = [Postponement(1, to_date=TODAY + timedelta(days=1))]
    assert [s.target.name for s in _suggest(plans, last, posts)] == ["Alex", "Jo"]
    # On the day itself (or after) the postponement no longer holds.
    tomorrow = NOW + timedelta(days=1)
    assert [s.target.name for s in _suggest(plans, last, posts, now=tomorrow)] == [
        "Sam",
        "Alex",
        "Jo",
    ]


def test_low_energy_keeps_to_the_inner_circle() -> None:
    plans, last = _three_equal_flexibles()
    assert [s.target.name for s in _suggest(plans, last, low_energy_until=TODAY)] == ["Sam"]
    later = TODAY + timedelta(days=3)
    assert [s.target.name for s in _suggest(plans, last, low_energy_until=later)] == ["Sam"]
    yesterday = TODAY - timedelta(days=1)
    assert len(_suggest(plans, last, low_energy_until=yesterday)) == 3


def test_fixed_today_later_is_suggested_with_its_time_and_no_dueness() -> None:
    circle = fixed(
        weekly(THU),
        date(2026, 1, 1),
        id=4,
        person_id=None,
        group_id=10,
        window_start=time(19, 0),
        title="Thursday peer support circle",
    )
    (only,) = _suggest([circle])
    assert only.dueness == 0.0
    assert only.time_today == time(19, 0)
    assert only.due_at == datetime(2026, 11, 26, 19, 0, tzinfo=LONDON)
    assert only.reason == "Thursday peer support circle meets at 19:00 today."


def test_time_today_is_in_the_users_zone() -> None:
    # Jo's call is 13:00 in New York: 18:00 in London.
    plan = fixed(
        weekly(THU),
        date(2026, 1, 1),
        zone="America/New_York",
        window_start=time(13, 0),
        person_id=3,
        title="Call with Jo",
    )
    (only,) = _suggest([plan])
    assert only.time_today == time(18, 0)
    assert only.reason == "Call with Jo is at 18:00 today."


def test_fixed_today_counts_as_done_after_any_contact_today() -> None:
    plan = fixed(weekly(THU), date(2026, 1, 1), window_start=time(19, 0))
    assert len(_suggest([plan], {("person", 1): NOW - timedelta(days=1)})) == 1
    assert _suggest([plan], {("person", 1): datetime(2026, 11, 26, 8, 0, tzinfo=LONDON)}) == []
    # They rang after the planned time: done too.
    evening = datetime(2026, 11, 26, 21, 0, tzinfo=LONDON)
    assert _suggest([plan], {("person", 1): evening - HOUR}, now=evening) == []


def test_all_day_and_passed_times_today() -> None:
    card = Plan(kind=PlanKind.ONE_OFF, start_date=TODAY, person_id=1, id=6)
    (only,) = _suggest([card])
    assert only.reason == "You planned to reach out today."
    assert only.time_today is None
    assert only.due_at == datetime(2026, 11, 26, 0, 0, tzinfo=LONDON)
    morning = fixed(weekly(THU), date(2026, 1, 1), window_start=time(9, 0), title="Walk")
    (walk,) = _suggest([morning])
    assert walk.time_today == time(9, 0)
    assert walk.dueness > 0
    assert walk.reason == "Walk: planned for 09:00 today — later is fine too."


def test_due_items_come_before_later_today_and_the_cap_covers_both() -> None:
    plans, last = _three_equal_flexibles()
    plans = plans[:2]  # Jo and Alex, both due
    evening = fixed(weekly(THU), date(2026, 1, 1), id=1, person_id=1, window_start=time(19, 0))
    found = _suggest([*plans, evening], last)
    assert [s.target.name for s in found] == ["Alex", "Jo", "Sam"]
    assert found[-1].time_today == time(19, 0)
    assert [s.target.name for s in _suggest([*plans, evening], last, cap=2)] == ["Alex", "Jo"]


def test_one_entry_per_target_the_most_due_wins() -> None:
    rhythm = flexible(10, id=1, person_id=1)
    evening = fixed(weekly(THU), date(2026, 1, 1), id=2, person_id=1, window_start=time(19, 0))
    (only,) = _suggest([evening, rhythm], {("person", 1): NOW - timedelta(days=14)})
    assert only.plan.id == 1


def test_a_recent_occurrence_is_gathered_once() -> None:
    # Sunday at 18:00, nobody in touch since: suggested on Monday, Tuesday and Wednesday, each
    # time once; gone on Thursday (more than three days).
    plan = fixed(weekly(SUN), date(2026, 1, 4), title="Sunday call")
    for days_after in (1, 2, 3):
        now = datetime(2026, 11, 22, 12, 0, tzinfo=LONDON) + timedelta(days=days_after)
        (only,) = _suggest([plan], now=now)
        assert only.time_today is None
        assert only.due_at == datetime(2026, 11, 22, 18, 0, tzinfo=LONDON)
        assert only.dueness == pytest.approx((days_after - 0.25) / 7)
    tuesday = datetime(2026, 11, 24, 12, 0, tzinfo=LONDON)
    assert _suggest([plan], now=tuesday)[0].reason == (
        "Sunday call: carried over from Sunday, for whenever suits you."
    )
    assert _suggest([plan], now=datetime(2026, 11, 26, 12, 0, tzinfo=LONDON)) == []
    # Any contact since the start of Sunday: nothing to gather.
    sunday_morning = datetime(2026, 11, 22, 10, 0, tzinfo=LONDON)
    assert _suggest([plan], {("person", 1): sunday_morning}, now=tuesday) == []


def test_a_daily_plan_with_quiet_days_shows_once_not_three_times() -> None:
    # Every day at 18:00, ended yesterday; nothing for three days: one gentle entry, the latest.
    plan = fixed(daily(until=TODAY - timedelta(days=1)), date(2026, 11, 1), title="Text Sam")
    (only,) = _suggest([plan])
    assert only.due_at == datetime(2026, 11, 25, 18, 0, tzinfo=LONDON)
    assert only.reason == "Text Sam: carried over from yesterday, for whenever suits you."
    assert only.dueness == pytest.approx(0.75)
    # Still running: today's occurrence supersedes the earlier ones.
    running = fixed(daily(), date(2026, 11, 1), title="Text Sam")
    (today,) = _suggest([running])
    assert today.time_today == time(18, 0)
    assert today.dueness == 0.0


def test_not_today_moves_one_occurrence() -> None:
    plan = fixed(weekly(THU), date(2026, 1, 1), id=4, window_start=time(19, 0))
    posts = [Postponement(4, to_date=TODAY + timedelta(days=1), from_date=TODAY)]
    assert _suggest([plan], posts=posts) == []
    # Tomorrow, if the caller still passes the postponement, it is there at the same time.
    tomorrow = NOW + timedelta(days=1)
    (moved,) = _suggest([plan], posts=posts, now=tomorrow)
    assert moved.time_today == time(19, 0)
    assert moved.reason == "You moved this to today, at 19:00."
    # Without it (the store keeps only postponements still ahead), yesterday's occurrence
    # is gathered as any other.
    (gathered,) = _suggest([plan], now=tomorrow)
    assert gathered.time_today is None
    assert gathered.reason == (
        "Reaching out to Sam: carried over from yesterday, for whenever suits you."
    )


def test_postponement_by_user_local_day_of_an_occurrence_abroad() -> None:
    # Saturday 20:00 in New York is Sunday 01:00 in London: "Not today" on Sunday (the
    # user's day) moves it just as "Not today" on Saturday (the plan's day) would.
    plan = fixed(
        weekly(SAT), date(2026, 1, 3), zone="America/New_York", window_start=time(20, 0), id=8
    )
    sunday = datetime(2026, 11, 29, 0, 30, tzinfo=LONDON)
    assert len(_suggest([plan], now=sunday)) == 1
    for from_date in (date(2026, 11, 28), date(2026, 11, 29)):
        post = Postponement(8, to_date=date(2026, 11, 30), from_date=from_date)
        assert _suggest([plan], posts=[post], now=sunday) == []


def test_a_whole_fixed_plan_held_until_a_day() -> None:
    plan = fixed(weekly(THU), date(2026, 1, 1), id=4, window_start=time(19, 0))
    posts = [Postponement(4, to_date=TODAY + timedelta(days=3))]
    assert _suggest([plan], posts=posts) == []
    items = agenda([plan], TARGETS, {}, posts, NOW, "Europe/London", days=14)
    assert [i.day for i in items] == [date(2026, 12, 3)]


def test_reasons_never_use_harsh_words() -> None:
    plans = [
        flexible(10, id=1, person_id=1, title="Check in with Sam"),
        flexible(7, id=2, person_id=2, window_start=None),
        fixed(weekly(SUN), date(2026, 1, 4), id=3, person_id=3),
        fixed(weekly(THU), date(2026, 1, 1), id=4, person_id=None, group_id=10, title="Circle"),
    ]
    last = {("person", 1): NOW - timedelta(days=40), ("person", 2): NOW - timedelta(days=1)}
    found: list[Suggestion] = []
    for offset in range(14):
        found += _suggest(plans, last, now=NOW + timedelta(days=offset, hours=offset), cap=5)
    assert found
    for suggestion in found:
        assert not FORBIDDEN.search(suggestion.reason), suggestion.reason


def test_suggestions_need_an_aware_now() -> None:
    with pytest.raises(ValueError, match="aware"):
        _suggest([flexible()], now=datetime(2026, 11, 26, 12, 0))


# --- reminders --------------------------------------------------------------------------------


QUIET = {"quiet_start": time(22, 0), "quiet_end": time(7, 0)}


def _remind(
    plans: list[Plan],
    now: datetime,
    since: datetime,
    *,
    already: set[tuple[int, date]] | None = None,
    posts: list[Postponement] | None = None,
) -> list[tuple[Occurrence, Target]]:
    return reminders_due(
        plans,
        TARGETS,
        posts or [],
        now,
        since,
        "Europe/London",
        already=already or set(),
        **QUIET,
    )


def test_reminder_once_per_occurrence() -> None:
    plan = fixed(daily(), date(2026, 1, 1), id=5)
    at = datetime(2026, 11, 26, 18, 5, tzinfo=LONDON)
    (hit,) = _remind([plan], at, at - timedelta(minutes=10))
    occ, target = hit
    assert (occ.plan_id, occ.day, target) == (5, TODAY, SAM)
    assert _remind([plan], at, at - timedelta(minutes=10), already={(5, TODAY)}) == []
    # (since, now]: the start itself is the boundary.
    start = datetime(2026, 11, 26, 18, 0, tzinfo=LONDON)
    assert len(_remind([plan], start, start - HOUR)) == 1
    assert _remind([plan], start + HOUR, start) == []


def test_reminders_at_start_with_since_now_do_not_flood() -> None:
    plan = fixed(daily(), date(2026, 1, 1), id=5)
    at = datetime(2026, 11, 26, 20, 0, tzinfo=LONDON)
    assert _remind([plan], at, at) == []


def test_reminders_leave_out_paused_postponed_all_day_and_missing() -> None:
    at = datetime(2026, 11, 26, 18, 5, tzinfo=LONDON)
    since = at - HOUR
    plans = [
        fixed(daily(), date(2026, 1, 1), id=1, paused=True),
        fixed(daily(), date(2026, 1, 1), id=2, window_start=None),
        fixed(daily(), date(2026, 1, 1), id=3, person_id=99),
        fixed(daily(), date(2026, 1, 1), id=4),
        fixed(daily(), date(2026, 1, 1), id=5, person_id=2),
    ]
    posts = [Postponement(4, to_date=TODAY + timedelta(days=1), from_date=TODAY)]
    assert [o.plan_id for o, _ in _remind(plans, at, since, posts=posts)] == [5]


def test_reminders_convert_zones() -> None:
    plan = fixed(weekly(THU), date(2026, 1, 1), zone="America/New_York", window_start=time(13, 0))
    at = datetime(2026, 11, 26, 18, 0, tzinfo=LONDON)
    (hit,) = _remind([plan], at, at - timedelta(minutes=1))
    assert hit[0].start == datetime(2026, 11, 26, 13, 0, tzinfo=NEW_YORK)


def test_reminders_wait_out_quiet_hours() -> None:
    plan = fixed(daily(), date(2026, 1, 1), id=5, window_start=time(23, 0))
    night = datetime(2026, 11, 26, 23, 5, tzinfo=LONDON)
    assert _remind([plan], night, night - HOUR) == []
    # The caller tries again after quiet hours with the same `since`.
    morning = datetime(2026, 11, 27, 7, 5, tzinfo=LONDON)
    (hit,) = _remind([plan], morning, night - HOUR)
    assert hit[0].day == TODAY


@pytest.mark.parametrize(
    ("wall", "quiet"),
    [
        (time(21, 59), False),
        (time(22, 0), True),
        (time(23, 30), True),
        (time(0, 0), True),
        (time(6, 59), True),
        (time(7, 0), False),
        (time(12, 0), False),
    ],
)
def test_quiet_hours_wrap_midnight(wall: time, quiet: bool) -> None:
    now = datetime.combine(TODAY, wall, tzinfo=LONDON)
    assert in_quiet_hours(now, "Europe/London", time(22, 0), time(7, 0)) is quiet


def test_quiet_hours_within_a_day_and_in_the_users_zone() -> None:
    at = datetime(2026, 7, 1, 13, 30, tzinfo=UTC)  # 14:30 in London (BST)
    assert in_quiet_hours(at, "Europe/London", time(14, 0), time(15, 0))
    assert not in_quiet_hours(at, "UTC", time(14, 0), time(15, 0))
    assert not in_quiet_hours(at, "Europe/London", time(9, 0), time(9, 0))


# --- validation -------------------------------------------------------------------------------


def _field(plan: Plan) -> str:
    with pytest.raises(ValidationError) as caught:
        plan.validate()
    return caught.value.field


def test_validate_rejects_until_before_start() -> None:
    plan = fixed(weekly(MON, until=date(2026, 1, 4)), date(2026, 1, 5))
    assert _field(plan) == "until"


@pytest.mark.parametrize("interval", [0, -1])
def test_validate_rejects_interval_below_one(interval: int) -> None:
    assert _field(fixed(weekly(MON, interval=interval), date(2026, 1, 5))) == "interval"


@pytest.mark.parametrize("ideal", [0, -3])
def test_validate_rejects_ideal_days_below_one(ideal: int) -> None:
    plan = flexible(10)
    plan.cadence = Cadence(ideal_days=ideal, too_long_days=30)
    assert _field(plan) == "ideal_days"


def test_valid_plans_pass() -> None:
    fixed(weekly(MON, interval=2, until=date(2026, 1, 5)), date(2026, 1, 5)).validate()
    flexible(10).validate()


def test_an_end_date_reads_as_a_date_not_a_code() -> None:
    rec = Recurrence(Frequency.WEEKLY, weekdays={2}, until=date(2027, 3, 3))
    assert rec.describe() == "Wednesdays, until Wed 3 Mar 2027"


def test_moved_occurrences_are_where_the_agenda_shows_them() -> None:
    # Thursday 26 November, 19:00: "Not today" moves it to Friday, same time.
    plan = fixed(weekly(THU), date(2026, 1, 1), id=4, window_start=time(19, 0))
    posts = [
        Postponement(4, to_date=TODAY + timedelta(days=1), from_date=TODAY),
        Postponement(99, to_date=TODAY + timedelta(days=1), from_date=TODAY),  # another plan
    ]
    (moved,) = moved_occurrences(plan, posts, TODAY, "Europe/London")
    assert moved.original.day == TODAY
    assert moved.day == TODAY + timedelta(days=1)
    assert moved.start == datetime(2026, 11, 27, 19, 0, tzinfo=LONDON)
    agenda_days = {
        item.day
        for item in agenda([plan], TARGETS, {}, posts, NOW, "Europe/London", days=14)
        if item.plan.id == 4
    }
    assert moved.day in agenda_days
    assert TODAY not in agenda_days
    # Once both days have passed it is history, not a move to show.
    assert moved_occurrences(plan, posts, TODAY + timedelta(days=2), "Europe/London") == []
    assert moved_occurrences(plan, [], TODAY, "Europe/London") == []


def test_a_move_abroad_keeps_the_users_wall_time() -> None:
    # Saturday 20:00 in New York is Sunday 01:00 in London; moved to Monday, it is at
    # 01:00 on Monday in London (the time the person saw), whatever New York says.
    plan = fixed(
        weekly(SAT), date(2026, 1, 3), zone="America/New_York", window_start=time(20, 0), id=8
    )
    sunday = date(2026, 11, 29)
    posts = [Postponement(8, to_date=date(2026, 11, 30), from_date=sunday)]
    (moved,) = moved_occurrences(plan, posts, sunday, "Europe/London")
    assert moved.original.day == date(2026, 11, 28)  # the plan's own (New York) day
    assert moved.start == datetime(2026, 11, 30, 1, 0, tzinfo=LONDON)


def test_a_flexible_reason_uses_a_first_name_and_a_group_whole() -> None:
    farid = Target("person", 4, "Dr Farid Rahimi", Circle.MIDDLE)
    targets = {**TARGETS, ("person", 4): farid}
    old = NOW - timedelta(days=40)
    found = suggestions(
        [flexible(10, id=1, person_id=4), flexible(10, id=2, person_id=None, group_id=10)],
        targets,
        {("person", 4): old, ("group", 10): old},
        [],
        NOW,
        "Europe/London",
    )
    assert {s.reason for s in found} == {
        "A while since you and Farid talked. A short hello is plenty.",
        f"A while since you were in touch with {CIRCLE.name}. Looking in briefly is plenty.",
    }
    # Never in touch yet, and in touch only yesterday (a short rhythm): no count either way.
    (first,) = suggestions([flexible(10, id=1, person_id=4)], targets, {}, [], NOW, "Europe/London")
    assert first.reason == (
        "You could say hello to Farid whenever it suits you. A few words are plenty."
    )
    (daily,) = suggestions(
        [flexible(1, id=1, person_id=4)],
        targets,
        {("person", 4): NOW - timedelta(days=1, hours=1)},
        [],
        NOW,
        "Europe/London",
    )
    assert daily.reason == "Another hello to Farid could be nice today, if you feel like it."
