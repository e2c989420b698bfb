"""Check-ins per week: Monday-to-Sunday weeks in the user's zone, across clock changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from supportnet.insights.connection import (
    Split,
    connection_over_time,
    week_of,
    weeks_ending,
)
from supportnet.model.checkins import CheckIn, Initiator
from supportnet.model.network import Circle
from supportnet.model.targets import GROUP, PERSON

LONDON = ZoneInfo("Europe/London")
AUCKLAND = ZoneInfo("Pacific/Auckland")
CIRCLES = {(PERSON, 1): Circle.INNER, (PERSON, 2): Circle.OUTER, (GROUP, 1): Circle.MIDDLE}


def _at(moment: datetime, person: int = 1, **kwargs: object) -> CheckIn:
    return CheckIn(at=moment, person_id=person, **kwargs)  # type: ignore[arg-type]


def test_weeks_are_mondays_ending_with_this_one() -> None:
    weeks = weeks_ending(date(2026, 12, 3), 3)  # a Thursday
    assert weeks == (date(2026, 11, 16), date(2026, 11, 23), date(2026, 11, 30))
    assert all(monday.weekday() == 0 for monday in weeks)
    assert week_of(date(2026, 11, 30)) == date(2026, 11, 30)
    assert week_of(date(2026, 12, 6)) == date(2026, 11, 30)  # Sunday ends the week


def test_an_empty_history_is_all_zero_weeks() -> None:
    chart = connection_over_time([], CIRCLES, zone=LONDON, today=date(2026, 12, 3), weeks=26)
    assert len(chart.weeks) == 26
    assert chart.total == 0
    assert chart.totals == (0,) * 26
    assert [s.key for s in chart.series] == ["inner", "middle", "outer"]


def test_a_week_is_read_on_the_local_clock_across_the_clock_change() -> None:
    # London's clocks went back at 02:00 on Sun 25 Oct 2026. Sunday 23:30 local (after
    # the change, 23:30 UTC) is still that week; Monday 00:30 local is the next.
    sunday_late = datetime(2026, 10, 25, 23, 30, tzinfo=UTC)
    monday_early = datetime(2026, 10, 26, 0, 30, tzinfo=LONDON)
    # Before the change: Sunday 29 Mar 2026 00:30 local is 00:30 UTC (GMT), and Monday
    # 30 Mar 00:30 BST is Sunday 23:30 UTC — a UTC reading would put it a week early.
    bst_monday = datetime(2026, 3, 30, 0, 30, tzinfo=LONDON)
    chart = connection_over_time(
        [_at(sunday_late), _at(monday_early), _at(bst_monday)],
        CIRCLES,
        zone=LONDON,
        today=date(2026, 11, 1),
        weeks=40,
    )
    counts = dict(zip(chart.weeks, chart.totals, strict=True))
    assert counts[date(2026, 10, 19)] == 1
    assert counts[date(2026, 10, 26)] == 1
    assert counts[date(2026, 3, 30)] == 1
    assert counts[date(2026, 3, 23)] == 0
    assert chart.total == 3


def test_the_week_follows_the_users_zone() -> None:
    # Sunday 22:00 UTC is already Monday morning in Auckland.
    moment = datetime(2026, 11, 29, 22, 0, tzinfo=UTC)
    today = date(2026, 12, 3)
    london = connection_over_time([_at(moment)], CIRCLES, zone=LONDON, today=today, weeks=2)
    auckland = connection_over_time([_at(moment)], CIRCLES, zone=AUCKLAND, today=today, weeks=2)
    assert london.totals == (1, 0)
    assert auckland.totals == (0, 1)


def test_split_by_circle_and_by_who() -> None:
    now = datetime(2026, 12, 2, 12, tzinfo=UTC)
    checkins = [
        _at(now, 1),
        _at(now, 1, initiator=Initiator.THEM),
        _at(now, 2),
        CheckIn(at=now, group_id=1),
        _at(now, 99),  # no longer in the network: no circle to put it in
    ]
    today = date(2026, 12, 3)
    by_circle = connection_over_time(checkins, CIRCLES, zone=LONDON, today=today, weeks=1)
    assert {s.key: s.counts for s in by_circle.series} == {
        "inner": (2,),
        "middle": (1,),
        "outer": (1,),
    }
    by_who = connection_over_time(
        checkins, CIRCLES, zone=LONDON, today=today, weeks=1, split=Split.WHO
    )
    assert {s.label: s.counts for s in by_who.series} == {
        "I reached out": (4,),
        "They reached out": (1,),
    }


def test_a_supporters_checkins_and_future_ones_are_not_the_users_own() -> None:
    now = datetime(2026, 12, 2, 12, tzinfo=UTC)
    rota = CheckIn(at=now, person_id=1, by="sam-uid", rota_slot="slot-uid")
    later = _at(datetime(2026, 12, 5, 12, tzinfo=UTC))  # Saturday, after "today"
    chart = connection_over_time(
        [rota, later, _at(now)], CIRCLES, zone=LONDON, today=date(2026, 12, 3), weeks=1
    )
    assert chart.total == 1


@given(
    offsets=st.lists(st.integers(min_value=0, max_value=400 * 24 * 60), max_size=60),
    people=st.lists(st.sampled_from([1, 2, 99]), min_size=60, max_size=60),
    weeks=st.integers(min_value=1, max_value=60),
)
def test_every_check_in_in_the_span_is_counted_once(
    offsets: list[int], people: list[int], weeks: int
) -> None:
    today = date(2026, 12, 3)
    end = datetime(2026, 12, 4, tzinfo=LONDON)
    checkins = [
        _at(end - timedelta(minutes=minutes + 1), person)
        for minutes, person in zip(offsets, people, strict=False)
    ]
    first = weeks_ending(today, weeks)[0]
    in_span = [c for c in checkins if c.at.astimezone(LONDON).date() >= first]
    by_who = connection_over_time(
        checkins, CIRCLES, zone=LONDON, today=today, weeks=weeks, split=Split.WHO
    )
    by_circle = connection_over_time(checkins, CIRCLES, zone=LONDON, today=today, weeks=weeks)
    assert by_who.total == len(in_span)
    assert by_circle.total == sum(1 for c in in_span if c.person_id != 99)
    assert sum(by_who.totals) == by_who.total
