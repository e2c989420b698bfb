"""The care team's rota: check-ins on local days, swaps, supporters gone, coverage, weeks."""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime, time, timedelta

import pytest

from supportnet.model.care import ME, CareTeam, RotaSlot, SlotSwap
from supportnet.model.network import ChannelKind
from supportnet.model.plans import Cadence, Frequency, MonthlyMode, Plan, PlanKind, Recurrence
from supportnet.scheduling.rota import (
    Coverage,
    Gap,
    RotaCheckIn,
    coverage,
    expand,
    open_stretches,
    week_of,
)

LONDON = "Europe/London"
NEW_YORK = "America/New_York"
WED = 2


def weekly(
    weekdays: set[int],
    at: time | None = time(19),
    zone: str = LONDON,
    start: date = date(2026, 1, 5),
    interval: int = 1,
    channel: ChannelKind | None = ChannelKind.CALL,
) -> Plan:
    return Plan(
        kind=PlanKind.FIXED,
        start_date=start,
        timezone=zone,
        window_start=at,
        channel=channel,
        recurrence=Recurrence(Frequency.WEEKLY, interval=interval, weekdays=weekdays),
    )


def flexible(ideal: int, at: time | None = time(10), zone: str = LONDON) -> Plan:
    return Plan(
        kind=PlanKind.FLEXIBLE,
        start_date=date(2026, 1, 1),
        timezone=zone,
        window_start=at,
        cadence=Cadence(ideal_days=ideal, too_long_days=ideal * 2),
    )


def team(*slots: RotaSlot, swaps: list[SlotSwap] | None = None) -> CareTeam:
    supporters = sorted({s.supporter for s in slots if s.supporter is not None} | {"ana", "bo"})
    return CareTeam(
        name="Dan's team",
        focus="dan",
        supporters=supporters,
        slots=list(slots),
        swaps=swaps or [],
    )


def days_of(checkins: list[RotaCheckIn]) -> list[date]:
    return [c.day for c in checkins]


# -- time zones and clock changes -----------------------------------------------------------


def test_weekly_london_slot_stays_at_19_local_across_both_clock_changes() -> None:
    slot = RotaSlot(weekly({WED}), "ana")
    for first in (date(2026, 3, 16), date(2026, 10, 19)):  # clocks change 29 Mar, 25 Oct
        checkins = expand(team(slot), first, 21, LONDON)
        assert days_of(checkins) == [first + timedelta(days=2 + 7 * n) for n in range(3)]
        local = [c.start.astimezone(slot.plan.zone) for c in checkins]
        assert all(t.time() == time(19) for t in local)
        assert all(c.start.tzinfo is UTC for c in checkins)
    spring = expand(team(slot), date(2026, 3, 23), 14, LONDON)
    assert [c.start.hour for c in spring] == [19, 18]  # GMT, then BST
    autumn = expand(team(slot), date(2026, 10, 19), 14, LONDON)
    assert [c.start.hour for c in autumn] == [18, 19]  # BST, then GMT


def test_a_new_york_evening_slot_shows_on_the_next_day_in_london() -> None:
    slot = RotaSlot(weekly({WED}, at=time(22), zone=NEW_YORK), "bo")
    checkins = expand(team(slot), date(2026, 4, 6), 7, LONDON)
    assert len(checkins) == 1
    assert checkins[0].day == date(2026, 4, 9)  # Thursday 03:00 in London
    assert checkins[0].start == datetime(2026, 4, 9, 2, tzinfo=UTC)
    in_new_york = expand(team(slot), date(2026, 4, 6), 7, NEW_YORK)
    assert days_of(in_new_york) == [date(2026, 4, 8)]


def test_a_slot_moves_across_the_windows_edges_by_the_asked_zones_day() -> None:
    slot = RotaSlot(weekly({6}, at=time(22), zone=NEW_YORK), "bo")  # Sundays
    # Sunday 5 April 22:00 New York is Monday 6 April in London: inside the window; Sunday
    # 12 April is Monday 13 April there: outside 6-12 April, inside 6-13 April.
    assert days_of(expand(team(slot), date(2026, 4, 6), 7, LONDON)) == [date(2026, 4, 6)]
    assert days_of(expand(team(slot), date(2026, 4, 6), 8, LONDON)) == [
        date(2026, 4, 6),
        date(2026, 4, 13),
    ]
    assert days_of(expand(team(slot), date(2026, 4, 6), 7, NEW_YORK)) == [date(2026, 4, 12)]


def test_an_all_day_slot_is_on_its_own_date_at_local_midnight() -> None:
    slot = RotaSlot(weekly({WED}, at=None, zone=NEW_YORK), "ana")
    checkins = expand(team(slot), date(2026, 4, 6), 7, "Australia/Sydney")
    assert len(checkins) == 1
    c = checkins[0]
    assert (c.day, c.all_day) == (date(2026, 4, 8), True)
    assert c.start == datetime(2026, 4, 7, 14, tzinfo=UTC)  # 00:00 in Sydney (AEST)


# -- kinds of timing ------------------------------------------------------------------------


def test_monthly_one_off_and_paused_slots() -> None:
    by_date = Plan(
        kind=PlanKind.FIXED,
        start_date=date(2026, 1, 1),
        timezone=LONDON,
        window_start=time(9),
        recurrence=Recurrence(Frequency.MONTHLY, month_day=15),
    )
    by_weekday = Plan(
        kind=PlanKind.FIXED,
        start_date=date(2026, 1, 1),
        timezone=LONDON,
        window_start=time(9),
        recurrence=Recurrence(
            Frequency.MONTHLY, monthly_mode=MonthlyMode.BY_WEEKDAY, nth=-1, nth_weekday=4
        ),
    )
    one_off = Plan(kind=PlanKind.ONE_OFF, start_date=date(2026, 5, 2), timezone=LONDON)
    later = Plan(kind=PlanKind.ONE_OFF, start_date=date(2026, 7, 2), timezone=LONDON)
    paused = weekly({0, 1, 2, 3, 4, 5, 6})
    paused.paused = True
    t = team(
        RotaSlot(by_date, "ana"),
        RotaSlot(by_weekday, "bo"),
        RotaSlot(one_off, None),
        RotaSlot(later, "ana"),
        RotaSlot(paused, "ana"),
    )
    checkins = expand(t, date(2026, 4, 20), 28, LONDON)
    assert [(c.slot_uid, c.day) for c in checkins] == [
        (by_weekday.uid, date(2026, 4, 24)),  # the last Friday of April
        (one_off.uid, date(2026, 5, 2)),
        (by_date.uid, date(2026, 5, 15)),
    ]
    assert checkins[1].supporter is None
    assert checkins[1].all_day


def test_flexible_slot_runs_from_the_last_contact_every_ideal_interval() -> None:
    slot = RotaSlot(flexible(3), "ana")
    checkins = expand(team(slot), date(2026, 6, 1), 14, LONDON, last_contact=date(2026, 5, 31))
    assert days_of(checkins) == [date(2026, 6, d) for d in (3, 6, 9, 12)]
    assert all(c.start.astimezone(slot.plan.zone).time() == time(10) for c in checkins)


def test_flexible_slot_without_contact_or_overdue_starts_at_the_window() -> None:
    slot = RotaSlot(flexible(4), "ana")
    expected = [date(2026, 6, d) for d in (1, 5, 9, 13)]
    assert days_of(expand(team(slot), date(2026, 6, 1), 14, LONDON)) == expected
    overdue = expand(team(slot), date(2026, 6, 1), 14, LONDON, last_contact=date(2026, 5, 1))
    assert days_of(overdue) == expected


def test_an_all_day_flexible_slot_starts_on_the_windows_first_day() -> None:
    slot = RotaSlot(flexible(3, at=None, zone="Pacific/Auckland"), "ana")
    checkins = expand(team(slot), date(2026, 6, 1), 7, NEW_YORK)
    assert days_of(checkins) == [date(2026, 6, 1), date(2026, 6, 4), date(2026, 6, 7)]
    assert all(c.all_day for c in checkins)


def test_an_overdue_flexible_slot_behind_the_asked_zone_shows_first() -> None:
    # 10:00 in New York is 15:00 in London: the New York day before the window would show
    # before it, so the first check-in is the window's first day.
    slot = RotaSlot(flexible(3, zone=NEW_YORK), "ana")
    (first, *_) = expand(team(slot), date(2026, 6, 1), 7, LONDON)
    assert first.day == date(2026, 6, 1)
    assert first.start == datetime(2026, 6, 1, 14, tzinfo=UTC)


def test_flexible_slot_after_a_contact_inside_the_window() -> None:
    slot = RotaSlot(flexible(5), "ana")
    checkins = expand(team(slot), date(2026, 6, 1), 14, LONDON, last_contact=date(2026, 6, 3))
    assert days_of(checkins) == [date(2026, 6, 8), date(2026, 6, 13)]


def test_flexible_slot_never_before_its_start_date() -> None:
    plan = flexible(2)
    plan.start_date = date(2026, 6, 10)
    assert days_of(expand(team(RotaSlot(plan, "ana")), date(2026, 6, 1), 14, LONDON)) == [
        date(2026, 6, 10),
        date(2026, 6, 12),
        date(2026, 6, 14),
    ]


def test_an_overdue_flexible_slot_ahead_of_the_asked_zone_still_shows_first() -> None:
    # 08:00 in Auckland is the evening before in London: the first check-in that lands in
    # the window is the next Auckland morning, which is still the window's first day.
    slot = RotaSlot(flexible(3, at=time(8), zone="Pacific/Auckland"), "ana")
    checkins = expand(team(slot), date(2026, 6, 1), 7, LONDON)
    assert days_of(checkins) == [date(2026, 6, 1), date(2026, 6, 4), date(2026, 6, 7)]


# -- swaps ----------------------------------------------------------------------------------


def test_a_swap_hands_one_date_to_another_supporter_and_leaves_the_series() -> None:
    plan = weekly({WED})
    swapped = [SlotSwap(plan.uid, date(2026, 4, 15), "bo")]
    before = expand(team(RotaSlot(plan, "ana")), date(2026, 4, 6), 21, LONDON)
    after = expand(team(RotaSlot(plan, "ana"), swaps=swapped), date(2026, 4, 6), 21, LONDON)
    assert [(c.day, c.supporter, c.swapped) for c in after] == [
        (date(2026, 4, 8), "ana", False),
        (date(2026, 4, 15), "bo", True),
        (date(2026, 4, 22), "ana", False),
    ]
    assert [c.start for c in after] == [c.start for c in before]


def test_a_swap_can_leave_a_date_open() -> None:
    plan = weekly({WED})
    t = team(RotaSlot(plan, "ana"), swaps=[SlotSwap(plan.uid, date(2026, 4, 8), None)])
    (checkin,) = expand(t, date(2026, 4, 6), 7, LONDON)
    assert checkin.supporter is None
    assert checkin.is_open
    assert checkin.swapped


def test_a_swap_on_a_date_the_slot_does_not_fall_on_changes_nothing() -> None:
    plan = weekly({WED})
    plain = team(RotaSlot(plan, "ana"))
    odd = team(RotaSlot(plan, "ana"), swaps=[SlotSwap(plan.uid, date(2026, 4, 9), "bo")])
    assert expand(odd, date(2026, 4, 6), 21, LONDON) == expand(plain, date(2026, 4, 6), 21, LONDON)


def test_a_swap_is_keyed_by_the_date_in_the_slots_own_zone() -> None:
    plan = weekly({WED}, at=time(22), zone=NEW_YORK)
    # Wednesday 8 April in New York, shown on Thursday 9 April in London.
    by_own = team(RotaSlot(plan, "ana"), swaps=[SlotSwap(plan.uid, date(2026, 4, 8), "bo")])
    (checkin,) = expand(by_own, date(2026, 4, 6), 7, LONDON)
    assert (checkin.day, checkin.supporter, checkin.swapped) == (date(2026, 4, 9), "bo", True)
    by_shown = team(RotaSlot(plan, "ana"), swaps=[SlotSwap(plan.uid, date(2026, 4, 9), "bo")])
    (checkin,) = expand(by_shown, date(2026, 4, 6), 7, LONDON)
    assert (checkin.supporter, checkin.swapped) == ("ana", False)


def test_a_swap_applies_to_a_flexible_slots_expected_day() -> None:
    plan = flexible(7)
    t = team(RotaSlot(plan, "ana"), swaps=[SlotSwap(plan.uid, date(2026, 6, 8), ME)])
    checkins = expand(t, date(2026, 6, 1), 14, LONDON)
    assert [(c.day, c.supporter) for c in checkins] == [
        (date(2026, 6, 1), "ana"),
        (date(2026, 6, 8), ME),
    ]


# -- supporters no longer in the network ----------------------------------------------------


def test_a_supporter_no_longer_known_counts_as_open_and_me_is_always_known() -> None:
    ana, bo, mine = weekly({0}), weekly({1}), weekly({2})
    t = team(
        RotaSlot(ana, "ana"),
        RotaSlot(bo, "bo"),
        RotaSlot(mine, ME),
        swaps=[SlotSwap(bo.uid, date(2026, 4, 14), "ana")],
    )
    checkins = expand(t, date(2026, 4, 6), 14, LONDON, known=lambda ref: ref == "bo")
    assert [(c.day, c.supporter, c.swapped) for c in checkins] == [
        (date(2026, 4, 6), None, False),
        (date(2026, 4, 7), "bo", False),
        (date(2026, 4, 8), ME, False),
        (date(2026, 4, 13), None, False),
        (date(2026, 4, 14), None, True),  # swapped to ana, who is gone
        (date(2026, 4, 15), ME, False),
    ]


def test_without_supporter_opens_their_slots_and_keeps_everything_else() -> None:
    ana, bo, flex = weekly({0}), weekly({1}, at=time(8)), flexible(5)
    t = team(
        RotaSlot(ana, "ana"),
        RotaSlot(bo, "bo"),
        RotaSlot(flex, "ana"),
        swaps=[
            SlotSwap(ana.uid, date(2026, 4, 13), "bo"),
            SlotSwap(bo.uid, date(2026, 4, 7), "ana"),
            SlotSwap(bo.uid, date(2026, 4, 14), None),
        ],
    )
    original = copy.deepcopy(t)
    gone = expand(t, date(2026, 4, 6), 14, LONDON, known=lambda ref: ref != "ana")
    t.without_supporter("ana")
    assert expand(t, date(2026, 4, 6), 14, LONDON) == gone
    assert t.supporters == ["bo"]
    assert [s.uid for s in t.slots] == [s.uid for s in original.slots]
    assert [s.plan for s in t.slots] == [s.plan for s in original.slots]
    assert [s.supporter for s in t.slots] == [None, "bo", None]
    assert t.swaps == [
        SlotSwap(ana.uid, date(2026, 4, 13), "bo"),
        SlotSwap(bo.uid, date(2026, 4, 7), None),
        SlotSwap(bo.uid, date(2026, 4, 14), None),
    ]
    before = expand(original, date(2026, 4, 6), 14, LONDON)
    after = expand(t, date(2026, 4, 6), 14, LONDON)
    assert [(c.slot_uid, c.start, c.day, c.swapped) for c in after] == [
        (c.slot_uid, c.start, c.day, c.swapped) for c in before
    ]
    assert [c.supporter for c in after] == [
        None if c.supporter == "ana" else c.supporter for c in before
    ]
    assert t.problems() == []


# -- order and fields -----------------------------------------------------------------------


def test_sorted_by_start_then_by_place_on_the_rota_with_channel_kept() -> None:
    late = weekly({WED}, at=time(20), channel=ChannelKind.TEXT)
    early = weekly({WED}, at=time(8), channel=None)
    twin = weekly({WED}, at=time(8), channel=ChannelKind.VIDEO)
    t = team(RotaSlot(late, "ana"), RotaSlot(twin, "bo"), RotaSlot(early, "ana"))
    checkins = expand(t, date(2026, 4, 6), 7, LONDON)
    assert [c.slot_uid for c in checkins] == [twin.uid, early.uid, late.uid]
    assert [c.channel for c in checkins] == [ChannelKind.VIDEO, None, ChannelKind.TEXT]


def test_expand_of_no_days_is_empty_and_negative_days_are_refused() -> None:
    t = team(RotaSlot(weekly({0, 1, 2, 3, 4, 5, 6}), "ana"))
    assert expand(t, date(2026, 4, 6), 0, LONDON) == []
    with pytest.raises(ValueError, match="negative"):
        expand(t, date(2026, 4, 6), -1, LONDON)


# -- coverage -------------------------------------------------------------------------------


def checkin(day: date, supporter: str | None = "ana") -> RotaCheckIn:
    start = datetime.combine(day, time(12), UTC)
    return RotaCheckIn("slot", supporter, start, day, False, None, False, day)


def test_coverage_counts_days_with_a_supporter_and_points_out_long_stretches() -> None:
    start = date(2026, 4, 6)
    d = [start + timedelta(days=n) for n in range(14)]
    checkins = [checkin(d[0]), checkin(d[0], "bo"), checkin(d[3]), checkin(d[4], None)]
    checkins += [checkin(d[10]), checkin(start - timedelta(days=1)), checkin(d[13] + timedelta(1))]
    result = coverage(checkins, start, 14, comfortable_gap_days=2)
    assert result == Coverage(
        start=start,
        days=14,
        covered_days=3,
        longest_gap=Gap(d[4], d[9]),
        gaps_over_comfort=(Gap(d[4], d[9]), Gap(d[11], d[13])),
    )
    assert result.longest_gap is not None
    assert result.longest_gap.days == 6
    assert open_stretches(checkins, start, 14) == [
        Gap(d[1], d[2]),
        Gap(d[4], d[9]),
        Gap(d[11], d[13]),
    ]


def test_coverage_longest_gap_is_the_earliest_of_equals() -> None:
    start = date(2026, 4, 6)
    checkins = [checkin(start + timedelta(days=n)) for n in (2, 5)]
    result = coverage(checkins, start, 8, comfortable_gap_days=2)
    assert result.longest_gap == Gap(start, start + timedelta(days=1))
    assert result.gaps_over_comfort == ()


def test_coverage_of_every_day_and_of_none() -> None:
    start = date(2026, 4, 6)
    full = coverage([checkin(start + timedelta(days=n)) for n in range(7)], start, 7, 0)
    assert (full.covered_days, full.longest_gap, full.gaps_over_comfort) == (7, None, ())
    empty = coverage([], start, 7, 0)
    assert (empty.covered_days, empty.longest_gap) == (0, Gap(start, start + timedelta(days=6)))
    assert empty.gaps_over_comfort == (Gap(start, start + timedelta(days=6)),)
    nothing = coverage([], start, 0, 2)
    assert (nothing.covered_days, nothing.longest_gap, nothing.gaps_over_comfort) == (0, None, ())
    with pytest.raises(ValueError, match="negative"):
        coverage([], start, -1, 2)


def test_coverage_of_an_expanded_rota_in_another_zone() -> None:
    # A New York 22:00 Sunday slot covers Monday in London, not Sunday.
    slot = RotaSlot(weekly({6}, at=time(22), zone=NEW_YORK), "bo")
    start = date(2026, 4, 6)
    result = coverage(expand(team(slot), start, 14, LONDON), start, 14, 5)
    assert result.covered_days == 2
    assert result.gaps_over_comfort == (
        Gap(date(2026, 4, 7), date(2026, 4, 12)),
        Gap(date(2026, 4, 14), date(2026, 4, 19)),
    )


# -- weeks ----------------------------------------------------------------------------------


def test_week_of_starts_on_the_chosen_first_weekday() -> None:
    thursday = date(2026, 12, 3)
    assert week_of(thursday) == [date(2026, 11, 30) + timedelta(days=n) for n in range(7)]
    assert week_of(thursday, 6)[0] == date(2026, 11, 29)  # Sunday first
    assert week_of(thursday, 3)[0] == thursday
    assert week_of(thursday, 4)[0] == date(2026, 11, 27)
    for first in range(7):
        week = week_of(thursday, first)
        assert thursday in week
        assert week[0].weekday() == first
        assert week == [week[0] + timedelta(days=n) for n in range(7)]
    with pytest.raises(ValueError, match="first_weekday"):
        week_of(thursday, 7)


def test_a_slot_in_the_zone_furthest_ahead_shows_two_days_earlier_by_the_date() -> None:
    # 00:30 on 8 April in Kiritimati (UTC+14) is 23:30 on 6 April in Pago Pago (UTC-11).
    daily = Plan(
        kind=PlanKind.FIXED,
        start_date=date(2026, 1, 1),
        timezone="Pacific/Kiritimati",
        window_start=time(0, 30),
        recurrence=Recurrence(Frequency.DAILY),
    )
    checkins = expand(team(RotaSlot(daily, "ana")), date(2026, 4, 6), 1, "Pacific/Pago_Pago")
    assert len(checkins) == 1
    assert checkins[0].start.astimezone(daily.zone).date() == date(2026, 4, 8)
    week = expand(team(RotaSlot(daily, "ana")), date(2026, 4, 6), 7, "Pacific/Pago_Pago")
    assert days_of(week) == [date(2026, 4, 6) + timedelta(days=n) for n in range(7)]


def test_a_flexible_slot_counts_from_the_contact_s_own_day_in_the_slot_s_zone() -> None:
    # 17:00 in London on 1 June is 02:00 on 2 June in Sydney: the slot, kept in Sydney,
    # counts three days from the 2nd, wherever the user looks from.
    slot = RotaSlot(flexible(3, at=None, zone="Australia/Sydney"), "ana")
    moment = datetime(2026, 6, 1, 16, tzinfo=UTC)
    checkins = expand(team(slot), date(2026, 6, 3), 7, LONDON, last_contact=moment)
    assert days_of(checkins) == [date(2026, 6, 5), date(2026, 6, 8)]
    # The day as London saw it would have counted from the 1st.
    as_day = expand(team(slot), date(2026, 6, 3), 7, LONDON, last_contact=date(2026, 6, 1))
    assert days_of(as_day) == [date(2026, 6, 4), date(2026, 6, 7)]
