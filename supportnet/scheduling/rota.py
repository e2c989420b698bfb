"""A care team's rota: its check-ins on local days, and how well the days are covered.

Pure logic over :mod:`supportnet.model.care`. Slots are timed as plans, so their
occurrences come from the same helpers plans use (:func:`occurrences` through placing,
:func:`flexible_days`): a weekly 19:00 London slot stays at 19:00 London time across the
clock changes, and shows on whatever local day that is in the zone asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from supportnet.model.care import ME, CareTeam, RotaSlot, SupporterRef
from supportnet.model.network import ChannelKind
from supportnet.model.plans import Plan, PlanKind
from supportnet.scheduling.dueness import flexible_days
from supportnet.scheduling.model import Occurrence, _shift, plan_zone
from supportnet.scheduling.occurrences import local_datetime, occurrence_on
from supportnet.scheduling.placing import _placed

# A flexible slot's last contact is a day; noon on it is that day in the slot's zone and
# clear of any clock change (which happen at night).
_LAST_CONTACT_TIME = time(12)


@dataclass(frozen=True, slots=True)
class RotaCheckIn:
    """One check-in of the rota, on a local day in the zone it was expanded for.

    ``supporter`` is who takes it (a person's uid or :data:`ME`), ``None`` when it is open:
    nobody yet, or someone no longer in the network. ``start`` is aware, in UTC (local
    midnight of ``day`` for an all-day check-in). ``swapped`` says a swap gave this date to
    someone else than the slot's own supporter (or left it open). ``on`` is the date in
    the slot's own zone (a swap's key), which may differ from ``day``.
    """

    slot_uid: str
    supporter: SupporterRef
    start: datetime
    day: date
    all_day: bool
    channel: ChannelKind | None
    swapped: bool
    #: The occurrence's date in the slot's own zone: what a swap of it is keyed by.
    on: date

    @property
    def is_open(self) -> bool:
        return self.supporter is None


@dataclass(frozen=True, slots=True)
class Gap:
    """A stretch of local days, ``first`` to ``last`` inclusive, with nobody planned."""

    first: date
    last: date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


@dataclass(frozen=True, slots=True)
class Coverage:
    """How the days ``start`` .. ``start + days - 1`` are covered.

    ``covered_days`` have at least one check-in with a supporter; ``longest_gap`` is the
    longest stretch without (the earliest of equals), ``None`` when every day is covered;
    ``gaps_over_comfort`` are the stretches longer than the team is comfortable with, in
    order. Stretches are cut at the window's edges: what lies outside isn't known here.
    """

    start: date
    days: int
    covered_days: int
    longest_gap: Gap | None
    gaps_over_comfort: tuple[Gap, ...]


def expand(
    team: CareTeam,
    start: date,
    days: int,
    zone: str,
    *,
    last_contact: date | datetime | None = None,
    known: Callable[[str], bool] = lambda ref: True,
) -> list[RotaCheckIn]:
    """The team's check-ins on the local days ``start`` .. ``start + days - 1`` in ``zone``.

    Fixed and one-off slots give their occurrences (in their own zone, shown on the local
    day in ``zone``); a flexible slot is expected ``cadence.ideal_days`` after
    ``last_contact`` (the focus person's last check-in), or at ``start`` if that has
    passed or there is none, then every ideal interval. Paused slots give nothing. A swap
    applies to the occurrence on its date in the slot's own zone. A supporter for whom
    ``known(ref)`` is False (no longer in the network) counts as open; the user
    (:data:`ME`) is always known. Sorted by start, then by the slot's place on the rota.

    ``zone`` is a zone name this machine knows (the user's); ``last_contact`` is the moment
    of that check-in (aware), or a day read in each slot's own zone.
    """
    if days < 0:
        raise ValueError("days must not be negative")
    if days == 0:
        return []
    tz = ZoneInfo(zone)
    last_day = _shift(start, days - 1)
    swaps = {(s.slot_uid, s.on): s.supporter for s in team.swaps}
    out: list[tuple[datetime, int, RotaCheckIn]] = []
    for index, slot in enumerate(team.slots):
        if slot.plan.paused:
            continue
        for occ, day in _slot_days(slot, start, last_day, tz, last_contact):
            key = (slot.uid, occ.day)
            swapped = key in swaps
            supporter = swaps[key] if swapped else slot.supporter
            if supporter is not None and supporter != ME and not known(supporter):
                supporter = None
            begin = occ.start if occ.start is not None else local_datetime(day, time(0), tz)
            checkin = RotaCheckIn(
                slot_uid=slot.uid,
                supporter=supporter,
                start=begin.astimezone(UTC),
                day=day,
                all_day=occ.start is None,
                channel=slot.plan.channel,
                swapped=swapped,
                on=occ.day,
            )
            out.append((checkin.start, index, checkin))
    out.sort(key=lambda item: (item[0], item[1]))
    return [checkin for _, _, checkin in out]


def _slot_days(
    slot: RotaSlot, lo: date, hi: date, tz: ZoneInfo, last_contact: date | datetime | None
) -> list[tuple[Occurrence, date]]:
    """The slot's occurrences shown on ``tz``-local days ``lo`` .. ``hi``, with those days."""
    plan = slot.plan
    if plan.kind is not PlanKind.FLEXIBLE:
        # Placing converts each occurrence to the local day; no postponements on a rota.
        return [(p.occurrence, p.day) for p in _placed(plan, lo, hi, (), lo, tz)]
    pz = plan_zone(plan)
    # "Now" is the first plan-local day whose check-in shows on or after ``lo`` here, or the
    # last contact if later: an overdue check-in shows at the start of the window, and a
    # recent contact pushes the next one on.
    now = local_datetime(_first_plan_day(plan, lo, tz), time(0), pz)
    last = None
    if isinstance(last_contact, datetime):
        # The moment itself: its day is the slot's own, wherever the user is.
        last = last_contact.astimezone(pz)
    elif last_contact is not None:
        last = local_datetime(last_contact, _LAST_CONTACT_TIME, pz)
    if last is not None:
        now = max(now, last, key=datetime.timestamp)
    # Two plan-local days past the end: zones can be up to 26 hours apart.
    found: list[tuple[Occurrence, date]] = []
    for plan_day in flexible_days(plan, last, (), now, _shift(hi, 2)):
        occ = occurrence_on(plan, plan_day)
        day = plan_day if occ.start is None else occ.start.astimezone(tz).date()
        if lo <= day <= hi:
            found.append((occ, day))
    return found


def _first_plan_day(plan: Plan, lo: date, tz: ZoneInfo) -> date:
    """The first day, in the plan's zone, whose occurrence falls on ``lo`` or later in ``tz``."""
    if plan.window_start is None:
        return lo  # an all-day check-in is on its own date wherever it is seen
    day = local_datetime(lo, time(0), tz).astimezone(plan_zone(plan)).date()
    occ = occurrence_on(plan, day)
    if occ.start is not None and occ.start.astimezone(tz).date() < lo:
        day = _shift(day, 1)
    return day


def open_stretches(checkins: Iterable[RotaCheckIn], start: date, days: int) -> list[Gap]:
    """Every stretch of the days ``start`` .. ``start + days - 1`` with nobody planned.

    A day is covered when a check-in with a supporter (not open) falls on it.
    """
    if days < 0:
        raise ValueError("days must not be negative")
    first, end = start.toordinal(), start.toordinal() + days
    covered = {c.day.toordinal() for c in checkins if c.supporter is not None}
    gaps: list[Gap] = []
    run_start: int | None = None
    for ordinal in range(first, end + 1):
        if ordinal < end and ordinal not in covered:
            if run_start is None:
                run_start = ordinal
        elif run_start is not None:
            gaps.append(Gap(date.fromordinal(run_start), date.fromordinal(ordinal - 1)))
            run_start = None
    return gaps


def coverage(
    checkins: Iterable[RotaCheckIn], start: date, days: int, comfortable_gap_days: int
) -> Coverage:
    """How many of the days from ``start`` have someone checking in, and the stretches
    without: the longest, and those longer than ``comfortable_gap_days``."""
    gaps = open_stretches(checkins, start, days)
    longest = max(gaps, key=lambda g: g.days, default=None)
    return Coverage(
        start=start,
        days=days,
        covered_days=days - sum(g.days for g in gaps),
        longest_gap=longest,
        gaps_over_comfort=tuple(g for g in gaps if g.days > comfortable_gap_days),
    )


def week_of(day: date, first_weekday: int = 0) -> list[date]:
    """The seven days of ``day``'s week, the week starting on ``first_weekday`` (0 Monday
    to 6 Sunday, as :meth:`date.weekday`)."""
    if not 0 <= first_weekday <= 6:
        raise ValueError("first_weekday runs from 0 (Monday) to 6 (Sunday)")
    first = day - timedelta(days=(day.weekday() - first_weekday) % 7)
    return [first + timedelta(days=n) for n in range(7)]
