"""Property tests for the rota: random teams across real zones and clock changes."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from supportnet.model.care import ME, CareTeam, RotaSlot, SlotSwap
from supportnet.model.plans import Cadence, Frequency, MonthlyMode, Plan, PlanKind, Recurrence
from supportnet.scheduling import occurrence_on
from supportnet.scheduling.rota import coverage, expand, open_stretches

# Both hemispheres, half- and three-quarter-hour offsets, zones without clock changes, and
# the two furthest apart (26 hours: a slot's day and the day shown can differ by two).
ZONES = (
    "Europe/London",
    "America/New_York",
    "America/St_Johns",
    "Australia/Sydney",
    "Australia/Adelaide",
    "Pacific/Auckland",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "America/Sao_Paulo",
    "UTC",
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
)
# Clock changes in 2025-2027 in the zones above (both hemispheres, both directions).
CHANGES = [
    date(y, m, d)
    for y, m, d in (
        (2025, 3, 9),
        (2025, 3, 30),
        (2025, 4, 6),
        (2025, 9, 28),
        (2025, 10, 5),
        (2025, 10, 26),
        (2025, 11, 2),
        (2026, 3, 8),
        (2026, 3, 29),
        (2026, 4, 5),
        (2026, 9, 27),
        (2026, 10, 4),
        (2026, 10, 25),
        (2026, 11, 1),
        (2027, 3, 14),
        (2027, 3, 28),
        (2027, 4, 4),
    )
]
SUPPORTERS = ("ana", "bo", "cy", ME)

starts = st.builds(
    lambda change, offset: change + timedelta(days=offset),
    st.sampled_from(CHANGES),
    st.integers(-35, 7),
)
window_times = st.one_of(
    st.none(),
    st.sampled_from([time(0), time(0, 30), time(1, 30), time(2), time(2, 30), time(23, 30)]),
    st.builds(time, st.integers(0, 23), st.sampled_from([0, 15, 30, 45])),
)


@st.composite
def plans(draw: st.DrawFn, near: date) -> Plan:
    kind = draw(st.sampled_from(list(PlanKind)))
    plan = Plan(
        kind=kind,
        start_date=near + timedelta(days=draw(st.integers(-60, 20))),
        timezone=draw(st.sampled_from(ZONES)),
        window_start=draw(window_times),
        paused=draw(st.integers(0, 9)) == 0,
    )
    if kind is PlanKind.FLEXIBLE:
        plan.cadence = Cadence(ideal_days=draw(st.integers(1, 10)), too_long_days=30)
    elif kind is PlanKind.FIXED:
        frequency = draw(st.sampled_from(list(Frequency)))
        rec = Recurrence(frequency=frequency, interval=draw(st.integers(1, 3)))
        if frequency is Frequency.WEEKLY:
            rec.weekdays = draw(st.sets(st.integers(0, 6), min_size=1))
        elif frequency is Frequency.MONTHLY:
            if draw(st.booleans()):
                rec.month_day = draw(st.integers(1, 31))
            else:
                rec.monthly_mode = MonthlyMode.BY_WEEKDAY
                rec.nth = draw(st.sampled_from([1, 2, 3, 4, 5, -1]))
                rec.nth_weekday = draw(st.integers(0, 6))
        plan.recurrence = rec
    return plan


@st.composite
def teams(draw: st.DrawFn, near: date, flexible: bool = True) -> CareTeam:
    slots = [
        RotaSlot(draw(plans(near)), draw(st.sampled_from((*SUPPORTERS, None))))
        for _ in range(draw(st.integers(0, 8)))
    ]
    if not flexible:
        slots = [s for s in slots if s.plan.kind is not PlanKind.FLEXIBLE]
    swaps: dict[tuple[str, date], SlotSwap] = {}
    if slots:
        for _ in range(draw(st.integers(0, 6))):
            slot = draw(st.sampled_from(slots))
            on = near + timedelta(days=draw(st.integers(-2, 40)))
            swaps[(slot.uid, on)] = SlotSwap(
                slot.uid, on, draw(st.sampled_from((*SUPPORTERS, None)))
            )
    return CareTeam(
        name="Team",
        focus="dan",
        supporters=["ana", "bo", "cy"],
        slots=slots,
        swaps=list(swaps.values()),
    )


@st.composite
def cases(draw: st.DrawFn, flexible: bool = True) -> tuple[CareTeam, date, int, str]:
    start = draw(starts)
    return (
        draw(teams(start, flexible)),
        start,
        draw(st.integers(0, 42)),
        draw(st.sampled_from(ZONES)),
    )


def _nonexistent(day: date, at: time, zone: ZoneInfo) -> bool:
    """Whether ``at`` on ``day`` never happens in ``zone`` (the clocks jump over it)."""
    naive = datetime.combine(day, at)
    return naive.replace(tzinfo=zone).astimezone(UTC).astimezone(zone).replace(tzinfo=None) != naive


@settings(max_examples=200, deadline=None)
@given(
    case=cases(),
    last_offset=st.one_of(st.none(), st.integers(-20, 20)),
    gone=st.sets(st.sampled_from(SUPPORTERS[:3])),
)
def test_expand_stays_in_the_window_sorted_at_each_slots_own_time(
    case: tuple[CareTeam, date, int, str], last_offset: int | None, gone: set[str]
) -> None:
    team, start, days, zone = case
    last = None if last_offset is None else start + timedelta(days=last_offset)
    checkins = expand(team, start, days, zone, last_contact=last, known=lambda r: r not in gone)
    end = start + timedelta(days=days)
    tz = ZoneInfo(zone)
    assert all(start <= c.day < end for c in checkins)
    assert [c.start for c in checkins] == sorted(c.start for c in checkins)
    slots = {slot.uid: slot for slot in team.slots}
    for c in checkins:
        slot = slots[c.slot_uid]
        assert not slot.plan.paused
        assert c.start.tzinfo is UTC
        assert c.start.astimezone(tz).date() == c.day
        assert c.all_day is (slot.plan.window_start is None)
        assert c.supporter is None or c.supporter not in gone
        assert c.channel == slot.plan.channel
        at = slot.plan.window_start
        if at is not None:
            local = c.start.astimezone(slot.plan.zone)
            # The slot's own wall time, whatever the clocks did; a time the clocks jump
            # over moves on past the jump.
            assert local.time() == at or _nonexistent(local.date(), at, slot.plan.zone)
            swap = team.swap_on(c.slot_uid, local.date())
            assert c.swapped is (swap is not None)
            if swap is None:
                assert c.supporter == (None if slot.supporter in gone else slot.supporter)
            else:
                assert c.supporter == (None if swap.supporter in gone else swap.supporter)


@settings(max_examples=150, deadline=None)
@given(case=cases(), ideal=st.integers(1, 10))
def test_an_overdue_flexible_slot_shows_at_the_start_then_every_ideal_interval(
    case: tuple[CareTeam, date, int, str], ideal: int
) -> None:
    team, start, days, zone = case
    plan = Plan(
        kind=PlanKind.FLEXIBLE,
        start_date=start - timedelta(days=3),
        timezone=team.slots[0].plan.timezone if team.slots else "UTC",
        window_start=team.slots[0].plan.window_start if team.slots else None,
        cadence=Cadence(ideal_days=ideal, too_long_days=30),
    )
    only = CareTeam(name="Team", focus="dan", slots=[RotaSlot(plan, ME)])
    checkins = expand(only, start, max(days, 2), zone)
    # The first is on the window's first day, or the next when the slot's time on it shows
    # before the window here; then every ideal interval in the slot's own days.
    assert checkins[0].day <= start + timedelta(days=1)
    own_days = [c.start.astimezone(plan.zone).date() for c in checkins]
    if plan.window_start is None:
        own_days = [c.day for c in checkins]
    assert all((b - a).days == ideal for a, b in pairwise(own_days))
    # and the one an interval before it would show before the window.
    earlier = occurrence_on(plan, own_days[0] - timedelta(days=ideal))
    if earlier.start is None:
        assert earlier.day < start
    else:
        assert earlier.start.astimezone(ZoneInfo(zone)).date() < start


@settings(max_examples=150, deadline=None)
@given(case=cases(flexible=False), more=st.integers(1, 20))
def test_fixed_check_ins_do_not_depend_on_the_window(
    case: tuple[CareTeam, date, int, str], more: int
) -> None:
    team, start, days, zone = case
    longer = expand(team, start, days + more, zone)
    end = start + timedelta(days=days)
    assert expand(team, start, days, zone) == [c for c in longer if c.day < end]
    later = start + timedelta(days=more)
    assert expand(team, later, days, zone) == [c for c in longer if later <= c.day]


@settings(max_examples=200, deadline=None)
@given(case=cases(), comfort=st.integers(0, 10))
def test_coverage_adds_up(case: tuple[CareTeam, date, int, str], comfort: int) -> None:
    team, start, days, zone = case
    checkins = expand(team, start, days, zone)
    result = coverage(checkins, start, days, comfort)
    gaps = open_stretches(checkins, start, days)
    covered = {c.day for c in checkins if c.supporter is not None}
    window = [start + timedelta(days=n) for n in range(days)]
    assert (result.start, result.days) == (start, days)
    assert result.covered_days == len(covered) == sum(d in covered for d in window)
    assert result.covered_days + sum(g.days for g in gaps) == days
    assert all(g.days > 0 for g in gaps)
    # Gaps in order, apart, inside the window, each day in one exactly when uncovered.
    in_gaps = [g.first + timedelta(days=n) for g in gaps for n in range(g.days)]
    assert in_gaps == [d for d in window if d not in covered]
    assert all(a.last + timedelta(days=1) < b.first for a, b in pairwise(gaps))
    if gaps:
        assert result.longest_gap is not None
        assert result.longest_gap in gaps
        assert result.longest_gap.days == max(g.days for g in gaps)
    else:
        assert result.longest_gap is None
    assert list(result.gaps_over_comfort) == [g for g in gaps if g.days > comfort]


@settings(max_examples=100, deadline=None)
@given(case=cases())
def test_removing_a_supporter_opens_exactly_their_check_ins(
    case: tuple[CareTeam, date, int, str],
) -> None:
    team, start, days, zone = case
    before = expand(team, start, days, zone)
    gone = expand(team, start, days, zone, known=lambda ref: ref != "ana")
    assert gone == [replace(c, supporter=None) if c.supporter == "ana" else c for c in before]
    assert expand(team.without_supporter("ana"), start, days, zone) == gone
