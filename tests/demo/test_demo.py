"""The example network: its size, its shape, its plans and its six months of history."""

from __future__ import annotations

import dataclasses
import statistics
import unicodedata
from collections import Counter, defaultdict
from datetime import date, datetime, time, timedelta
from functools import cache
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supportnet.demo.builder import build_demo_network, friend_zone_for
from supportnet.demo.common import HISTORY_DAYS, DemoNetwork
from supportnet.model.checkins import CheckIn, Initiator
from supportnet.model.errors import ValidationError
from supportnet.model.network import Circle, GroupKind, HelpDirection, LifeDomain, SupportType
from supportnet.model.plans import Frequency, MonthlyMode, Plan, PlanKind, Recurrence

TODAY = date(2026, 11, 25)
ZONES = ("Europe/London", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC")


@cache
def _demo(today: date = TODAY, zone: str = "Europe/London", seed: int = 2024) -> DemoNetwork:
    # Cached: tests must not mutate what they get (only _attach copies do).
    return build_demo_network(today, zone, seed=seed)


def _midnight(day: date, zone: str) -> datetime:
    return datetime.combine(day, time(0), tzinfo=ZoneInfo(zone))


def _targets(net: DemoNetwork) -> tuple[set[str], set[str]]:
    return {p.uid for p in net.people}, {g.uid for g in net.groups}


def _attach(obj: Plan | CheckIn, target: str, net: DemoNetwork) -> Plan | CheckIn:
    """A copy of ``obj`` with a dummy database id for its target, as the loader would set."""
    people, groups = _targets(net)
    if target in people:
        return dataclasses.replace(obj, person_id=1)
    assert target in groups
    return dataclasses.replace(obj, group_id=1)


def _validate_all(net: DemoNetwork) -> None:
    for person in net.people:
        person.validate()
    for group in net.groups:
        group.validate()
    for target, plan in net.plans:
        _attach(plan, target, net).validate()
    for target, checkin in net.checkins:
        _attach(checkin, target, net).validate()


def _check_history_window(net: DemoNetwork, today: date, zone: str) -> None:
    start = _midnight(today - timedelta(days=HISTORY_DAYS + 1), zone)
    end = _midnight(today, zone)
    for _, checkin in net.checkins:
        assert checkin.at.tzinfo is not None
        assert start <= checkin.at < end
        local = checkin.at.astimezone(ZoneInfo(zone)).time()
        assert time(9, 0) <= local <= time(21, 30)


def _plans_for(net: DemoNetwork, uid: str) -> list[Plan]:
    return [plan for target, plan in net.plans if target == uid]


def _weekly_occurrences(plan: Plan, until: date) -> list[date]:
    """Occurrence dates of a weekly plan, counting weeks from the week it starts."""
    rec = plan.recurrence
    assert rec is not None
    assert rec.frequency is Frequency.WEEKLY
    week_zero = plan.start_date - timedelta(days=plan.start_date.weekday())
    out = []
    day = plan.start_date
    while day <= until:
        weeks = (day - week_zero).days // 7
        if day.weekday() in rec.weekdays and weeks % rec.interval == 0:
            out.append(day)
        day += timedelta(days=1)
    return out


def _nth_weekday(year: int, month: int, nth: int, weekday: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7, weeks=nth - 1)


# -- the network -------------------------------------------------------------------------------


def test_counts_are_in_range() -> None:
    net = _demo()
    assert 24 <= len(net.people) <= 26
    assert len(net.groups) == 3
    assert 11 <= len(net.plans) <= 14
    assert 250 <= len(net.checkins) <= 500


def test_all_circles_and_domains_are_present() -> None:
    net = _demo()
    circles = Counter(p.circle for p in net.people)
    assert set(circles) == set(Circle)
    assert 4 <= circles[Circle.INNER] <= 6
    assert 8 <= circles[Circle.MIDDLE] <= 10
    assert circles[Circle.OUTER] > circles[Circle.MIDDLE]
    assert {p.domain for p in net.people} == set(LifeDomain)
    assert {p.direction for p in net.people} == set(HelpDirection)
    assert set().union(*(p.support_types for p in net.people)) == set(SupportType)


def test_people_are_varied_and_sensible() -> None:
    net = _demo()
    domains = Counter(p.domain for p in net.people)
    assert domains[LifeDomain.HOUSEHOLD] >= 2
    assert domains[LifeDomain.PROFESSIONALS] >= 2
    assert domains[LifeDomain.NEIGHBOURS] >= 1
    assert domains[LifeDomain.WORK_SCHOOL] >= 1
    assert len({p.name for p in net.people}) == len(net.people)
    assert sum(bool(p.nickname) for p in net.people) >= 3
    assert sum(bool(p.pronouns) for p in net.people) >= 3
    assert any(p.knows_situation for p in net.people)
    assert not all(p.knows_situation for p in net.people)
    right_to_left = [
        p for p in net.people if any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in p.name)
    ]
    assert right_to_left
    crisis = [p for p in net.people if p.crisis_ok]
    assert 2 <= len(crisis) <= 3
    for person in crisis:
        assert person.circle is Circle.INNER or person.domain is LifeDomain.PROFESSIONALS
    for person in net.people:
        assert person.support_types
        assert person.channels
        assert sum(c.preferred for c in person.channels) == 1
        assert person.best_times
        assert person.notes
        assert person.tags
        assert person.id is None


def test_three_groups_of_the_three_kinds() -> None:
    net = _demo()
    by_kind = {g.kind: g for g in net.groups}
    assert set(by_kind) == {GroupKind.SUPPORT_GROUP, GroupKind.CLUB, GroupKind.ONLINE_COMMUNITY}
    support = by_kind[GroupKind.SUPPORT_GROUP]
    assert "Thursday" in support.meeting_schedule
    assert support.place
    assert "3rd Saturday" in by_kind[GroupKind.CLUB].meeting_schedule
    assert by_kind[GroupKind.ONLINE_COMMUNITY].link.startswith("https://")
    assert by_kind[GroupKind.ONLINE_COMMUNITY].domain is LifeDomain.ONLINE


def test_uids_are_unique_and_targets_exist() -> None:
    net = _demo()
    uids = [p.uid for p in net.people] + [g.uid for g in net.groups]
    uids += [p.uid for _, p in net.plans] + [c.uid for _, c in net.checkins]
    assert len(uids) == len(set(uids))
    people, groups = _targets(net)
    for target, obj in [*net.plans, *net.checkins]:
        assert target in people | groups
        assert obj.person_id is None
        assert obj.group_id is None
        assert obj.id is None


@pytest.mark.parametrize("zone", ZONES)
def test_every_object_validates(zone: str) -> None:
    _validate_all(_demo(TODAY, zone))


def test_unknown_zone_is_a_validation_error() -> None:
    with pytest.raises(ValidationError):
        build_demo_network(TODAY, "Mars/Olympus_Mons")


# -- plans -------------------------------------------------------------------------------------


@pytest.mark.parametrize("zone", ZONES)
def test_plans_are_of_every_kind_and_sensible(zone: str) -> None:
    net = _demo(TODAY, zone)
    kinds = Counter(p.kind for _, p in net.plans)
    assert set(kinds) == set(PlanKind)
    assert kinds[PlanKind.FLEXIBLE] >= 3
    assert 1 <= kinds[PlanKind.ONE_OFF] <= 2
    foreign = [p for _, p in net.plans if p.timezone != zone]
    assert len(foreign) == 1
    assert foreign[0].timezone == friend_zone_for(zone)
    for _, plan in net.plans:
        assert not plan.paused
        if plan.kind is PlanKind.ONE_OFF:
            assert TODAY + timedelta(days=2) <= plan.start_date <= TODAY + timedelta(days=14)
        else:
            assert TODAY - timedelta(days=120) <= plan.start_date < TODAY
        if plan.kind is PlanKind.FLEXIBLE:
            assert plan.cadence is not None
            assert 7 <= plan.cadence.ideal_days <= 21
            assert plan.cadence.too_long_days >= 2 * plan.cadence.ideal_days
    assert any(p.all_day for _, p in net.plans)
    assert sum(bool(p.message_idea) for _, p in net.plans) > len(net.plans) / 2


def test_weekly_plan_in_the_users_zone() -> None:
    net = _demo()
    people, _ = _targets(net)
    weekly = [
        plan
        for target, plan in net.plans
        if target in people
        and plan.kind is PlanKind.FIXED
        and plan.timezone == "Europe/London"
        and plan.recurrence is not None
        and plan.recurrence.frequency is Frequency.WEEKLY
        and plan.recurrence.interval == 1
        and plan.recurrence.until is None
        and plan.window_start is not None
    ]
    assert weekly
    assert any(p.recurrence and p.recurrence.weekdays == {6} for p in weekly)


def test_support_group_meets_weekly() -> None:
    net = _demo()
    group = next(g for g in net.groups if g.kind is GroupKind.SUPPORT_GROUP)
    (plan,) = _plans_for(net, group.uid)
    assert plan.kind is PlanKind.FIXED
    assert plan.recurrence == Recurrence(frequency=Frequency.WEEKLY, weekdays={3})
    assert plan.window_start == time(19, 0)


def test_club_meets_on_the_third_saturday() -> None:
    net = _demo()
    club = next(g for g in net.groups if g.kind is GroupKind.CLUB)
    (plan,) = _plans_for(net, club.uid)
    rec = plan.recurrence
    assert plan.kind is PlanKind.FIXED
    assert rec is not None
    assert rec.frequency is Frequency.MONTHLY
    assert rec.monthly_mode is MonthlyMode.BY_WEEKDAY
    assert (rec.nth, rec.nth_weekday) == (3, 5)
    start = plan.start_date
    assert start == _nth_weekday(start.year, start.month, 3, 5)


def test_a_plan_ends_and_skips_a_real_occurrence() -> None:
    net = _demo()
    with_end = [p for _, p in net.plans if p.recurrence and p.recurrence.until]
    assert len(with_end) == 1
    plan = with_end[0]
    rec = plan.recurrence
    assert rec is not None
    assert rec.until is not None
    assert TODAY + timedelta(days=30) <= rec.until <= TODAY + timedelta(days=200)
    assert len(rec.skips) == 1
    occurrences = _weekly_occurrences(plan, rec.until)
    (skip,) = rec.skips
    assert skip in occurrences
    assert skip > TODAY
    assert rec.until in occurrences


@pytest.mark.parametrize(
    ("zone", "friend"),
    [
        ("Europe/London", "America/New_York"),
        ("Europe/Berlin", "America/New_York"),
        ("America/New_York", "Europe/London"),
        ("Asia/Tokyo", "Europe/London"),
        ("UTC", "Europe/London"),
    ],
)
def test_video_call_with_a_friend_abroad(zone: str, friend: str) -> None:
    net = _demo(TODAY, zone)
    (plan,) = [p for _, p in net.plans if p.channel == "video"]
    assert plan.kind is PlanKind.FIXED
    assert plan.timezone == friend
    assert plan.window_start is not None
    # The gap between the two clocks changes during the year: DST rules differ.
    user, there = ZoneInfo(zone), ZoneInfo(friend)

    def gap(day: date) -> timedelta:
        moment = datetime.combine(day, time(12), tzinfo=there)
        offset_there = moment.utcoffset()
        offset_here = moment.astimezone(user).utcoffset()
        assert offset_there is not None
        assert offset_here is not None
        return offset_there - offset_here

    assert there.utcoffset(datetime(2026, 1, 15)) != there.utcoffset(datetime(2026, 7, 15))
    assert len({gap(date(2026, 1, 15)), gap(date(2026, 3, 20)), gap(date(2026, 7, 15))}) > 1
    assert len({gap(date(2026, 1, 1) + timedelta(days=d)) for d in range(365)}) > 1
    # The call falls at a reasonable hour for both, on the next occurrence.
    day = _weekly_occurrences(plan, TODAY + timedelta(days=14))[-1]
    local = datetime.combine(day, plan.window_start, tzinfo=there).astimezone(user)
    assert time(9) <= local.time() <= time(21)


def test_friend_zone_avoids_the_users_own_rules() -> None:
    assert friend_zone_for("Europe/Paris") == "America/New_York"
    assert friend_zone_for("GB") == "America/New_York"
    assert friend_zone_for("US/Eastern") == "Europe/London"
    assert friend_zone_for("Australia/Sydney") == "Europe/London"


# -- history -----------------------------------------------------------------------------------


@pytest.mark.parametrize("zone", ZONES)
def test_history_is_the_last_six_months_before_today(zone: str) -> None:
    net = _demo(TODAY, zone)
    _check_history_window(net, TODAY, zone)
    ats = [c.at for _, c in net.checkins]
    assert ats == sorted(ats)
    assert min(ats) < _midnight(TODAY - timedelta(days=HISTORY_DAYS - 14), zone)
    assert max(ats) > _midnight(TODAY - timedelta(days=3), zone)


def test_history_is_plausible() -> None:
    net = _demo()
    checkins = [c for _, c in net.checkins]
    them = sum(c.initiator is Initiator.THEM for c in checkins) / len(checkins)
    assert 0.15 <= them <= 0.35
    moods = [c for c in checkins if c.mood_before is not None]
    assert len(moods) >= 20
    assert all(c.mood_after is not None for c in moods)
    better_or_same = sum(c.mood_after >= c.mood_before for c in moods)  # type: ignore[operator]
    assert better_or_same >= 0.8 * len(moods)
    assert 0.05 * len(checkins) <= sum(bool(c.note) for c in checkins) <= 0.4 * len(checkins)
    channels = {p.uid: {c.kind for c in p.channels} for p in net.people}
    for target, checkin in net.checkins:
        if target in channels:
            assert checkin.channel in channels[target]


def test_everyone_has_a_rhythm_and_two_have_gone_quiet() -> None:
    net = _demo()
    times: dict[str, list[datetime]] = defaultdict(list)
    for target, checkin in net.checkins:
        times[target].append(checkin.at)
    end = _midnight(TODAY, "Europe/London")
    median_gap = {}
    for person in net.people:
        ats = times[person.uid]
        assert ats, person.name
        if len(ats) >= 3:
            median_gap[person.uid] = statistics.median((b - a).days for a, b in pairwise(ats))
    by_circle: dict[Circle, list[float]] = defaultdict(list)
    for person in net.people:
        if person.uid in median_gap:
            by_circle[person.circle].append(median_gap[person.uid])
    assert max(by_circle[Circle.INNER]) <= 8
    assert statistics.median(by_circle[Circle.MIDDLE]) <= 21
    assert statistics.median(by_circle[Circle.OUTER]) >= 20
    quiet = [
        uid for uid, gap in median_gap.items() if (end - times[uid][-1]).days >= 3 * max(gap, 7)
    ]
    assert len(quiet) >= 2


def test_support_group_attended_most_weeks_on_thursdays() -> None:
    net = _demo()
    group = next(g for g in net.groups if g.kind is GroupKind.SUPPORT_GROUP)
    visits = [c.at for target, c in net.checkins if target == group.uid]
    assert len(visits) >= 0.6 * HISTORY_DAYS / 7
    assert all(at.weekday() == 3 and at.hour == 19 for at in visits)


def test_club_visits_fall_on_third_saturdays() -> None:
    net = _demo()
    club = next(g for g in net.groups if g.kind is GroupKind.CLUB)
    visits = [c.at.date() for target, c in net.checkins if target == club.uid]
    assert visits
    assert all(d == _nth_weekday(d.year, d.month, 3, 5) for d in visits)


# -- determinism -------------------------------------------------------------------------------


def _without_uids(net: DemoNetwork) -> tuple[object, ...]:
    """Everything but the fresh uids, with targets named instead."""
    names = {p.uid: p.name for p in net.people} | {g.uid: g.name for g in net.groups}
    return (
        [dataclasses.replace(p, uid="") for p in net.people],
        [dataclasses.replace(g, uid="") for g in net.groups],
        [(names[t], dataclasses.replace(p, uid="")) for t, p in net.plans],
        [(names[t], dataclasses.replace(c, uid="")) for t, c in net.checkins],
    )


def test_same_seed_and_day_give_the_same_network() -> None:
    first = build_demo_network(TODAY, "Europe/London")
    second = build_demo_network(TODAY, "Europe/London")
    assert _without_uids(first) == _without_uids(second)
    assert [c.at for _, c in first.checkins] == [c.at for _, c in second.checkins]


def test_another_seed_gives_another_history() -> None:
    first = _demo(TODAY, "Europe/London", 2024)
    other = _demo(TODAY, "Europe/London", 7)
    assert [p.name for p in first.people] == [p.name for p in other.people]
    assert [c.at for _, c in first.checkins] != [c.at for _, c in other.checkins]


def test_another_day_shifts_the_history() -> None:
    shift = timedelta(weeks=5)
    first = _demo(TODAY, "Europe/London")
    later = _demo(TODAY + shift, "Europe/London")
    _check_history_window(later, TODAY + shift, "Europe/London")
    assert max(c.at for _, c in later.checkins) > max(c.at for _, c in first.checkins) + shift / 2
    # Someone with a free rhythm keeps the same pattern, a whole shift later on the clock.
    name = "Priya Sharma"

    def wall_clock(net: DemoNetwork) -> list[datetime]:
        (uid,) = [p.uid for p in net.people if p.name == name]
        return [c.at.replace(tzinfo=None) for t, c in net.checkins if t == uid]

    assert [at + shift for at in wall_clock(first)] == wall_clock(later)
    # Plans move along too (the monthly one snaps to its own 3rd Saturday).
    for (_, before), (_, after) in zip(first.plans, later.plans, strict=True):
        if before.recurrence is None or before.recurrence.frequency is not Frequency.MONTHLY:
            assert before.start_date + shift == after.start_date


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    today=st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
    zone=st.sampled_from(
        [*ZONES, "Australia/Sydney", "America/Sao_Paulo", "Asia/Kolkata", "Pacific/Auckland"]
    ),
    seed=st.integers(min_value=0, max_value=2**32),
)
def test_any_day_and_zone_gives_a_valid_network(today: date, zone: str, seed: int) -> None:
    net = build_demo_network(today, zone, seed=seed)
    _validate_all(net)
    _check_history_window(net, today, zone)
    assert 250 <= len(net.checkins) <= 500
