"""The one answer to "when is it?": the next occurrence, and today's if it has begun."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from supportnet.model.plans import Plan, PlanKind
from supportnet.scheduling import Postponement, agenda, suggestions
from supportnet.scheduling.when import when
from tests.scheduling.test_schedule import (
    SAM,
    TARGETS,
    THU,
    TUE,
    WED,
    daily,
    fixed,
    flexible,
    weekly,
)

LONDON = ZoneInfo("Europe/London")
ZONE = "Europe/London"
# Wednesday 25 November 2026, 17:30 in London (GMT): the demo network's clock.
NOW = datetime(2026, 11, 25, 17, 30, tzinfo=LONDON)
TODAY = NOW.date()


def lunch_walk() -> Plan:
    return fixed(weekly(WED), date(2026, 10, 14), window_start=time(12, 30))


def test_a_walk_at_1230_is_earlier_today_at_1730_and_next_week_is_next() -> None:
    answer = when(lunch_walk(), NOW, ZONE)
    assert answer.earlier_today is not None
    assert answer.earlier_today.day == TODAY
    assert answer.earlier_today.start == datetime(2026, 11, 25, 12, 30, tzinfo=LONDON)
    assert answer.next is not None
    assert answer.next.day == date(2026, 12, 2)
    assert answer.next.start == datetime(2026, 12, 2, 12, 30, tzinfo=LONDON)
    assert not answer.flexible
    assert not answer.in_touch


def test_before_its_time_today_is_next_and_nothing_is_earlier() -> None:
    for moment in (time(12, 0), time(12, 30)):  # at 12:30 sharp it hasn't begun yet
        now = datetime.combine(TODAY, moment, LONDON)
        answer = when(lunch_walk(), now, ZONE)
        assert answer.earlier_today is None
        assert answer.next is not None
        assert answer.next.day == TODAY


def test_in_touch_since_the_start_of_the_day() -> None:
    this_afternoon = datetime(2026, 11, 25, 13, 45, tzinfo=LONDON)
    assert when(lunch_walk(), NOW, ZONE, last_contact=this_afternoon).in_touch
    yesterday = datetime(2026, 11, 24, 20, 0, tzinfo=LONDON)
    assert not when(lunch_walk(), NOW, ZONE, last_contact=yesterday).in_touch


def test_daily() -> None:
    plan = fixed(daily(), date(2026, 1, 1), window_start=time(9, 0))
    answer = when(plan, NOW, ZONE)
    assert answer.earlier_today is not None
    assert answer.earlier_today.start == datetime(2026, 11, 25, 9, 0, tzinfo=LONDON)
    assert answer.next is not None
    assert answer.next.start == datetime(2026, 11, 26, 9, 0, tzinfo=LONDON)


def test_one_off() -> None:
    today_at_ten = Plan(
        kind=PlanKind.ONE_OFF, start_date=TODAY, person_id=1, id=2, window_start=time(10, 0)
    )
    answer = when(today_at_ten, NOW, ZONE)
    assert answer.earlier_today is not None
    assert answer.next is None
    # All day today: not "earlier", it is today's, any time.
    all_day = Plan(kind=PlanKind.ONE_OFF, start_date=TODAY, person_id=1, id=3)
    answer = when(all_day, NOW, ZONE)
    assert answer.earlier_today is None
    assert answer.next is not None
    assert answer.next.day == TODAY
    assert answer.next.start is None
    later = Plan(kind=PlanKind.ONE_OFF, start_date=date(2026, 12, 6), person_id=1, id=4)
    found = when(later, NOW, ZONE).next
    assert found is not None
    assert found.day == date(2026, 12, 6)
    yesterday = Plan(kind=PlanKind.ONE_OFF, start_date=TODAY - timedelta(days=1), id=5)
    assert when(yesterday, NOW, ZONE).next is None
    assert when(yesterday, NOW, ZONE).earlier_today is None


def test_flexible_is_around_a_day_with_nothing_earlier() -> None:
    plan = flexible(10)
    due = when(plan, NOW, ZONE, last_contact=NOW - timedelta(days=14))
    assert due.flexible
    assert due.earlier_today is None
    assert due.next is not None
    assert due.next.day == TODAY
    assert due.next.start is None
    ahead = when(plan, NOW, ZONE, last_contact=datetime(2026, 11, 23, 9, 0, tzinfo=LONDON))
    assert ahead.next is not None
    assert ahead.next.day == date(2026, 12, 3)
    # "Not today": tomorrow.
    held = [Postponement(1, TODAY + timedelta(days=1))]
    moved = when(plan, NOW, ZONE, last_contact=NOW - timedelta(days=14), postponements=held)
    assert moved.next is not None
    assert moved.next.day == TODAY + timedelta(days=1)


def test_another_zone_across_midnight() -> None:
    # Thursday 08:00 in Tokyo is Wednesday 23:00 in London: on the user's Wednesday.
    plan = fixed(weekly(THU), date(2026, 1, 1), zone="Asia/Tokyo", window_start=time(8, 0))
    before = when(plan, datetime(2026, 11, 25, 22, 0, tzinfo=LONDON), ZONE)
    assert before.earlier_today is None
    assert before.next is not None
    assert before.next.day == TODAY  # the user's day
    assert before.next.occurrence.day == date(2026, 11, 26)  # Tokyo's day
    assert before.next.start == datetime(2026, 11, 25, 23, 0, tzinfo=LONDON)
    after = when(plan, datetime(2026, 11, 25, 23, 30, tzinfo=LONDON), ZONE)
    assert after.earlier_today is not None
    assert after.earlier_today.day == TODAY
    assert after.next is not None
    assert after.next.day == date(2026, 12, 2)
    # Seen from Tokyo, the same instant is Thursday morning, and it's Thursday's.
    there = when(plan, datetime(2026, 11, 25, 23, 30, tzinfo=LONDON), "Asia/Tokyo")
    assert there.earlier_today is not None
    assert there.earlier_today.day == date(2026, 11, 26)


def test_dst_change_day() -> None:
    # London springs forward at 01:00 on Sunday 29 March 2026: 01:30 is 02:30 BST that day.
    plan = fixed(daily(), date(2026, 1, 1), window_start=time(1, 30))
    answer = when(plan, datetime(2026, 3, 29, 3, 0, tzinfo=LONDON), ZONE)
    assert answer.earlier_today is not None
    assert answer.earlier_today.start == datetime(2026, 3, 29, 2, 30, tzinfo=LONDON)
    assert answer.next is not None
    assert answer.next.start == datetime(2026, 3, 30, 1, 30, tzinfo=LONDON)
    # New York changed its clocks on 8 March, London not yet: 13:00 there is 17:00 here.
    call = fixed(weekly(TUE), date(2026, 1, 1), zone="America/New_York", window_start=time(13))
    answer = when(call, datetime(2026, 3, 10, 17, 30, tzinfo=LONDON), ZONE)
    assert answer.earlier_today is not None
    assert answer.earlier_today.start == datetime(2026, 3, 10, 17, 0, tzinfo=LONDON)


def test_a_postponed_occurrence_is_where_it_was_moved() -> None:
    # "Another day…": today's walk moved to Friday. It is not earlier today any more.
    moved = [Postponement(1, date(2026, 11, 27), from_date=TODAY)]
    answer = when(lunch_walk(), NOW, ZONE, postponements=moved)
    assert answer.earlier_today is None
    assert answer.next is not None
    assert answer.next.moved
    assert answer.next.day == date(2026, 11, 27)
    assert answer.next.start == datetime(2026, 11, 27, 12, 30, tzinfo=LONDON)
    assert answer.next.occurrence.day == TODAY
    # The whole plan held back until Saturday 5 December: the next is Wednesday 9th.
    held = [Postponement(1, date(2026, 12, 5))]
    answer = when(lunch_walk(), NOW, ZONE, postponements=held)
    assert answer.next is not None
    assert answer.next.day == date(2026, 12, 9)


def test_an_ended_plan_and_a_far_one() -> None:
    ended = lunch_walk()
    assert ended.recurrence is not None
    ended.recurrence.until = TODAY
    answer = when(ended, NOW, ZONE)
    assert answer.next is None
    assert answer.earlier_today is not None
    # Every two years: found beyond the first look ahead.
    rare = fixed(weekly(WED, interval=104), date(2026, 12, 2), window_start=time(9, 0))
    found = when(rare, NOW, ZONE).next
    assert found is not None
    assert found.day == date(2026, 12, 2)
    later = when(rare, datetime(2026, 12, 3, 9, 0, tzinfo=LONDON), ZONE).next
    assert later is not None
    assert later.day == date(2028, 11, 29)


@pytest.mark.parametrize("zone", ["Europe/London", "America/New_York", "Asia/Tokyo"])
def test_the_agenda_marks_what_when_calls_earlier(zone: str) -> None:
    plan = lunch_walk()
    items = agenda([plan], TARGETS, {}, [], NOW, zone, days=14)
    answer = when(plan, NOW, zone)
    earlier = [i for i in items if i.earlier]
    if answer.earlier_today is None:
        assert earlier == []
    else:
        assert [(i.day, i.start) for i in earlier] == [
            (answer.earlier_today.day, answer.earlier_today.start)
        ]
    later = [i for i in items if not i.earlier]
    assert answer.next is not None
    assert (later[0].day, later[0].start) == (answer.next.day, answer.next.start)


def test_today_puts_the_days_own_plan_before_every_so_often_ones() -> None:
    # Three "every so often" plans long due fill a cap of three; today's walk still shows.
    plans = [flexible(10, id=10 + n, person_id=n) for n in (2, 3)]
    plans.append(flexible(10, id=20, person_id=None, group_id=10))
    last = {("person", 2): NOW - timedelta(days=40), ("person", 3): NOW - timedelta(days=40)}
    last[("group", 10)] = NOW - timedelta(days=40)
    found = suggestions([lunch_walk(), *plans], TARGETS, last, [], NOW, ZONE, cap=3)
    assert found[0].target is SAM
    assert found[0].time_today == time(12, 30)
    assert found[0].reason.endswith("planned for 12:30 today — later is fine too.")
    assert len(found) == 3


def test_a_day_with_two_occurrences_has_one_answer_on_every_page() -> None:
    # London falls back on Sunday 25 October 2026: a daily 23:30 UTC plan comes at 00:30
    # BST and again at 23:30 GMT that day. At 23:45 both have begun; the last is "earlier".
    plan = fixed(daily(), date(2026, 10, 1), window_start=time(23, 30), zone="UTC")
    late = datetime(2026, 10, 25, 23, 45, tzinfo=LONDON)
    answer = when(plan, late, ZONE)
    assert answer.earlier_today is not None
    assert answer.earlier_today.start == datetime(2026, 10, 25, 23, 30, tzinfo=LONDON)
    (today,) = suggestions([plan], TARGETS, {}, [], late, ZONE, cap=3)
    assert today.time_today == time(23, 30)
    assert "planned for 23:30 today" in today.reason
    # The Agenda marks every occurrence of today that has begun.
    items = agenda([plan], TARGETS, {}, [], late, ZONE, days=2)
    assert [(i.start, i.earlier) for i in items if i.day == late.date()] == [
        (datetime(2026, 10, 25, 0, 30, tzinfo=LONDON), True),
        (datetime(2026, 10, 25, 23, 30, tzinfo=LONDON), True),
    ]
    # Before the second, the first is earlier today and the second is next: Today says it.
    evening = late.replace(hour=20)
    answer = when(plan, evening, ZONE)
    assert answer.earlier_today is not None
    assert answer.earlier_today.start == datetime(2026, 10, 25, 0, 30, tzinfo=LONDON)
    (today,) = suggestions([plan], TARGETS, {}, [], evening, ZONE, cap=3)
    assert today.time_today == time(0, 30)
