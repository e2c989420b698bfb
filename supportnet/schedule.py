"""When plans happen, who is due a gentle reach-out today, the agenda and reminders.

Pure logic: every function takes ``now`` (and the person's zone) as arguments and never reads
the clock. Times are handled with :mod:`zoneinfo`, comparisons of instants in UTC (Python
compares two datetimes sharing one ``tzinfo`` by wall time, which is wrong in the hour a
clock goes back).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from supportnet.network import Circle
from supportnet.phrasing import since_phrase
from supportnet.plans import (
    WEEKDAY_NAMES,
    Cadence,
    Frequency,
    MonthlyMode,
    Plan,
    PlanKind,
    Recurrence,
)

__all__ = [
    "GATHER_DAYS",
    "ONE_OFF_RHYTHM_DAYS",
    "AgendaItem",
    "Moved",
    "Occurrence",
    "Postponement",
    "Suggestion",
    "Target",
    "agenda",
    "describe_skipping",
    "dueness",
    "first_occurrence",
    "flexible_days",
    "flexible_due",
    "in_quiet_hours",
    "local_datetime",
    "moved_occurrences",
    "next_occurrence",
    "occurrence_on",
    "occurrences",
    "plan_zone",
    "reminders_due",
    "rhythm_days",
    "skipped_months",
    "skipped_occurrences",
    "suggestions",
]

#: A fixed or one-off occurrence from this many days back, not followed by any contact,
#: is still suggested (once, not once a day).
GATHER_DAYS = 3

#: The rhythm a one-off plan is measured against.
ONE_OFF_RHYTHM_DAYS = 7.0

#: The average month (a Gregorian year over twelve), for a monthly plan's rhythm.
_DAYS_PER_MONTH = 365.2425 / 12

#: Suggestions whose due-ness differs by no more than this count as equally due; among them
#: the inner circle comes first.
_EQUAL_DUENESS = 0.05

_SECONDS_PER_DAY = 86_400.0
_CIRCLE_RANK = {Circle.INNER: 0, Circle.MIDDLE: 1, Circle.OUTER: 2}
# Shortest length of each month: a 29th in February exists only in leap years.
_PLACED_CACHE: dict[tuple[object, ...], tuple[_Placed, ...]] = {}
_PLACED_CACHE_SIZE = 50_000
_MIN_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_MAX_ORDINAL = date.max.toordinal()

TargetKey = tuple[str, int]


# -- types -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Postponement:
    """A plan, or one occurrence of it, moved to another day ("Not today", "Reschedule").

    ``to_date`` is the user-local day on which it shows again ("Not today" is tomorrow).
    ``from_date`` is the day of the fixed or one-off occurrence being moved — the plan's
    local date or the user-local date of that occurrence, either is recognised — or
    ``None`` for a flexible plan (or to hold back a whole fixed plan until ``to_date``).
    """

    plan_id: int
    to_date: date
    from_date: date | None = None


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One happening of a fixed or one-off plan.

    ``day`` is the local date in the plan's zone. ``start`` is aware, in the plan's zone,
    ``None`` for an all-day plan; ``end`` is ``start`` plus the plan's duration.
    """

    plan_id: int
    day: date
    start: datetime | None
    end: datetime | None


@dataclass(frozen=True, slots=True)
class Moved:
    """A fixed or one-off occurrence that a postponement moved to another day.

    ``original`` is the occurrence as the plan has it; ``day`` is the user-local day it is
    on now and ``start`` its new start (aware, in the user's zone; ``None`` all-day).
    """

    original: Occurrence
    day: date
    start: datetime | None


@dataclass(frozen=True, slots=True)
class Target:
    """Who a plan is for, as the caller knows them."""

    kind: str  # "person" | "group"
    id: int
    name: str
    circle: Circle


@dataclass(frozen=True, slots=True)
class Suggestion:
    """Someone it could be good to reach out to today, and a gentle word on why."""

    plan: Plan
    target: Target
    due_at: datetime
    """Aware, in the user's zone."""
    dueness: float
    reason: str
    time_today: time | None = None
    """For a fixed or one-off plan happening today at a time: that time in the user's zone."""


@dataclass(frozen=True, slots=True)
class AgendaItem:
    """One entry of the agenda, on a user-local day."""

    day: date
    start: datetime | None
    """Aware, in the user's zone; ``None`` for all-day and flexible plans."""
    plan: Plan
    target: Target
    flexible: bool
    """A flexible plan's expected day, to be shown softly ("around")."""


# -- occurrences -------------------------------------------------------------------------------


def occurrences(plan: Plan, start: date, end: date) -> list[Occurrence]:
    """The occurrences of ``plan`` on the plan-local days ``start`` to ``end`` inclusive.

    Fixed plans repeat from ``start_date`` (never before it) until ``until`` (inclusive),
    leaving out ``skips``:

    - daily: every ``interval`` days from ``start_date``;
    - weekly: every ``interval`` weeks on the chosen weekdays, weeks counted from the Monday
      of ``start_date``'s week (as iCalendar does with WKST=MO);
    - monthly: every ``interval`` months from ``start_date``'s month, on ``month_day`` or on
      the ``nth`` weekday (1–5, or -1 for the last). A month without that day (a 31st in
      April, a 30th in February, a 5th Monday) is skipped, not moved, as in RFC 5545.

    A one-off plan happens on ``start_date``; a flexible plan has no occurrences (see
    :func:`flexible_due`). Paused plans still have occurrences: callers filter. An invalid
    recurrence yields nothing rather than an error.

    Times are ``window_start`` in the plan's zone. A wall time that does not exist (the
    hour the clocks go forward) moves forward by the gap, as RFC 5545 and Google Calendar
    do: 02:30 on the day London springs forward is 03:30 BST. A wall time that happens
    twice (clocks going back) is the first of the two.
    """
    if plan.kind is PlanKind.FLEXIBLE:
        return []
    if plan.kind is PlanKind.ONE_OFF:
        days = [plan.start_date] if start <= plan.start_date <= end else []
    else:
        rec = plan.recurrence
        if rec is None:
            return []
        days = list(_fixed_days(rec, plan.start_date, start, end))
    zone = plan_zone(plan)
    return [_occurrence(plan, day, zone) for day in days]


def next_occurrence(plan: Plan, day: date) -> Occurrence | None:
    """The first occurrence on or after the plan-local ``day``, however far ahead; ``None``
    if there is none (an ended plan). Skipped days are left out, as in :func:`occurrences`.
    """
    if plan.kind is PlanKind.ONE_OFF:
        return (
            _occurrence(plan, plan.start_date, plan_zone(plan)) if plan.start_date >= day else None
        )
    rec = plan.recurrence
    if plan.kind is not PlanKind.FIXED or rec is None:
        return None
    found = next(iter(_fixed_days(rec, plan.start_date, day, _shift(day, 366 * 30))), None)
    return None if found is None else _occurrence(plan, found, plan_zone(plan))


def first_occurrence(plan: Plan) -> Occurrence | None:
    """The first occurrence of a fixed or one-off plan, however far ahead; ``None`` if none.

    A calendar series starts here (RFC 5545 counts DTSTART as an occurrence even when the
    rule would not produce it, so it must be a real one). Skipped days count: a skipped
    first day is still where the series starts, and is excluded from it.
    """
    if plan.kind is PlanKind.ONE_OFF:
        return _occurrence(plan, plan.start_date, plan_zone(plan))
    rec = plan.recurrence
    if plan.kind is not PlanKind.FIXED or rec is None:
        return None
    # Lazily: a monthly "5th Saturday" every 12 months may be years away, a daily one is not.
    horizon = _shift(plan.start_date, 366 * 30)
    days = _fixed_days(_unskipped(rec), plan.start_date, plan.start_date, horizon)
    day = next(iter(days), None)
    return None if day is None else _occurrence(plan, day, plan_zone(plan))


def skipped_occurrences(plan: Plan) -> list[Occurrence]:
    """The occurrences a fixed plan's skipped days take out (a calendar's EXDATEs).

    A skipped day the pattern never falls on is not one.
    """
    rec = plan.recurrence
    if plan.kind is not PlanKind.FIXED or rec is None or not rec.skips:
        return []
    rule = _unskipped(rec)
    zone = plan_zone(plan)
    return [
        _occurrence(plan, day, zone)
        for day in sorted(rec.skips)
        if any(True for _ in _fixed_days(rule, plan.start_date, day, day))
    ]


def _unskipped(rec: Recurrence) -> Recurrence:
    return Recurrence(
        frequency=rec.frequency,
        interval=rec.interval,
        weekdays=rec.weekdays,
        monthly_mode=rec.monthly_mode,
        month_day=rec.month_day,
        nth=rec.nth,
        nth_weekday=rec.nth_weekday,
        until=rec.until,
    )


def _fixed_days(rec: Recurrence, anchor: date, start: date, end: date) -> Iterable[date]:
    interval = rec.interval
    if not isinstance(interval, int) or interval < 1:
        return
    lo = max(start, anchor)
    hi = end if rec.until is None else min(end, rec.until)
    if lo > hi:
        return
    skips = rec.skips
    if rec.frequency is Frequency.DAILY:
        offset = (lo - anchor).days
        first = lo.toordinal() + (-offset) % interval
        for ordinal in range(first, hi.toordinal() + 1, interval):
            day = date.fromordinal(ordinal)
            if day not in skips:
                yield day
    elif rec.frequency is Frequency.WEEKLY:
        weekdays = sorted(d for d in rec.weekdays if 0 <= d <= 6)
        if not weekdays:
            return
        anchor_monday = anchor.toordinal() - anchor.weekday()
        lo_monday = lo.toordinal() - lo.weekday()
        weeks = (lo_monday - anchor_monday) // 7
        monday = lo_monday + 7 * ((-weeks) % interval)
        lo_ord, hi_ord = lo.toordinal(), hi.toordinal()
        while monday <= hi_ord:
            for weekday in weekdays:
                ordinal = monday + weekday
                if lo_ord <= ordinal <= hi_ord:
                    day = date.fromordinal(ordinal)
                    if day not in skips:
                        yield day
            monday += 7 * interval
    elif rec.frequency is Frequency.MONTHLY:
        for year, month in _plan_months(rec, anchor, lo, hi):
            found = _month_day(rec, year, month)
            if found is not None and lo <= found <= hi and found not in skips:
                yield found


def _plan_months(rec: Recurrence, anchor: date, lo: date, hi: date) -> Iterable[tuple[int, int]]:
    """The (year, month) pairs on the plan's interval that overlap ``lo``..``hi``."""
    interval = rec.interval
    if not isinstance(interval, int) or interval < 1:
        return
    anchor_index = anchor.year * 12 + anchor.month - 1
    lo_index = lo.year * 12 + lo.month - 1
    hi_index = hi.year * 12 + hi.month - 1
    index = lo_index + (anchor_index - lo_index) % interval
    while index <= hi_index:
        yield index // 12, index % 12 + 1
        index += interval


def _month_day(rec: Recurrence, year: int, month: int) -> date | None:
    """The plan's day in that month, or ``None`` if the month has no such day."""
    length = _month_length(year, month)
    if rec.monthly_mode is MonthlyMode.BY_WEEKDAY:
        nth, weekday = rec.nth, rec.nth_weekday
        if weekday is None or not 0 <= weekday <= 6 or nth not in (1, 2, 3, 4, 5, -1):
            return None
        if nth == -1:
            last = date(year, month, length)
            return last - timedelta(days=(last.weekday() - weekday) % 7)
        first = date(year, month, 1)
        day_number = 1 + (weekday - first.weekday()) % 7 + 7 * (nth - 1)
        return date(year, month, day_number) if day_number <= length else None
    if rec.month_day is None or not 1 <= rec.month_day <= length:
        return None
    return date(year, month, rec.month_day)


def _month_length(year: int, month: int) -> int:
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - date(year, month, 1)).days


def occurrence_on(plan: Plan, day: date) -> Occurrence:
    """The plan as if it happened on ``day`` (plan-local): its window's start and length."""
    return _occurrence(plan, day, plan_zone(plan))


def _occurrence(plan: Plan, day: date, zone: ZoneInfo) -> Occurrence:
    plan_id = plan.id if plan.id is not None else 0
    if plan.window_start is None:
        return Occurrence(plan_id, day, None, None)
    begin = local_datetime(day, plan.window_start, zone)
    finish = (begin.astimezone(UTC) + timedelta(minutes=plan.duration_minutes)).astimezone(zone)
    return Occurrence(plan_id, day, begin, finish)


def local_datetime(day: date, at: time, zone: tzinfo) -> datetime:
    """``at`` on ``day`` in ``zone``, aware; a time in a spring-forward gap moves forward.

    A nonexistent time is read with the offset from before the gap (PEP 495 ``fold=0``),
    which lands the same distance past the gap's end: 02:30 becomes 03:30 when the clocks
    jump from 02:00 to 03:00. An ambiguous time takes its first happening.
    """
    naive = datetime.combine(day, at.replace(tzinfo=None, fold=0))
    return naive.replace(tzinfo=zone).astimezone(UTC).astimezone(zone)


def skipped_months(plan: Plan, start: date, end: date) -> list[date]:
    """First-of-month dates of months where a monthly plan has no day to fall on.

    Only months on the plan's interval, from ``start_date``'s month to ``until``'s, that
    overlap ``start``..``end`` count; a day left out by ``skips`` is not "skipped" here.
    For the note "Months without a 31st are skipped".
    """
    rec = plan.recurrence
    if plan.kind is not PlanKind.FIXED or rec is None or rec.frequency is not Frequency.MONTHLY:
        return []
    lo = max(start, plan.start_date)
    hi = end if rec.until is None else min(end, rec.until)
    if lo > hi:
        return []
    return [
        date(year, month, 1)
        for year, month in _plan_months(rec, plan.start_date, lo, hi)
        if _month_day(rec, year, month) is None
    ]


def describe_skipping(plan: Plan) -> str | None:
    """A note such as "Months without a 31st are skipped.", or ``None`` if none ever are."""
    rec = plan.recurrence
    if plan.kind is not PlanKind.FIXED or rec is None or rec.frequency is not Frequency.MONTHLY:
        return None
    if rec.monthly_mode is MonthlyMode.BY_WEEKDAY:
        if rec.nth == 5 and rec.nth_weekday is not None and 0 <= rec.nth_weekday <= 6:
            return f"Months without a 5th {WEEKDAY_NAMES[rec.nth_weekday]} are skipped."
        return None
    day = rec.month_day
    if day is None or not 29 <= day <= 31 or rec.interval < 1:
        return None
    months = {(plan.start_date.month - 1 + k * rec.interval) % 12 for k in range(12)}
    if all(_MIN_MONTH_DAYS[m] >= day for m in months):
        return None
    return f"Months without a {_ordinal(day)} are skipped."


def _ordinal(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# -- due-ness ----------------------------------------------------------------------------------


def flexible_due(plan: Plan, last_contact: datetime | None, now: datetime) -> datetime:
    """When a flexible plan next comes due: the last contact plus the ideal interval.

    Any logged contact counts, whoever reached out: the caller passes the latest check-in
    either way. Days are counted on the calendar in the plan's zone, and the result is
    aware, at ``window_start`` (00:00 for an all-day plan) in the plan's zone. Never
    contacted: the plan's ``start_date``. A plan is never due before its ``start_date``
    (our choice: a rhythm starting next month begins next month). A last contact after
    ``now`` (a clock that drifted) counts as ``now``.
    """
    zone = plan_zone(plan)
    if last_contact is None:
        day = plan.start_date
    else:
        last = min(last_contact, now, key=_ts)
        day = last.astimezone(zone).date() + timedelta(days=_ideal_days(plan))
        day = max(day, plan.start_date)
    return local_datetime(day, plan.window_start or time(0), zone)


def flexible_days(
    plan: Plan,
    last_contact: datetime | None,
    postponements: Sequence[Postponement],
    now: datetime,
    last_day: date,
) -> list[date]:
    """The plan-local days a flexible plan is expected on, from now to ``last_day``.

    The first is the day it comes due (:func:`flexible_due`), or today if that has passed,
    or the day a postponement moves it to, as the agenda shows it; then one every ideal
    interval after that, as if each reach-out happened on its day. For calendar export.
    """
    _require_aware(now)
    if plan.kind is not PlanKind.FLEXIBLE:
        return []
    zone = plan_zone(plan)
    today = now.astimezone(zone).date()
    due = flexible_due(plan, last_contact, now).astimezone(zone).date()
    first = max(due, _postponed_flexible(plan, postponements, today))
    step = _ideal_days(plan)
    if first > last_day:
        return []
    return [
        date.fromordinal(ordinal)
        for ordinal in range(first.toordinal(), last_day.toordinal() + 1, step)
    ]


def rhythm_days(plan: Plan) -> float:
    """The plan's usual gap between reach-outs, in days.

    Flexible: the ideal interval. Fixed: the average gap between occurrences — ``interval``
    days daily, ``interval * 7 / len(weekdays)`` weekly, about 30.4 days a month monthly.
    One-off: a week.
    """
    if plan.kind is PlanKind.FLEXIBLE:
        return float(_ideal_days(plan))
    rec = plan.recurrence
    if plan.kind is PlanKind.ONE_OFF or rec is None:
        return ONE_OFF_RHYTHM_DAYS
    interval = max(rec.interval, 1)
    if rec.frequency is Frequency.DAILY:
        return float(interval)
    if rec.frequency is Frequency.WEEKLY:
        return interval * 7 / max(len(rec.weekdays), 1)
    return interval * _DAYS_PER_MONTH


def dueness(due_at: datetime, rhythm: float, now: datetime) -> float:
    """How far past due, relative to the rhythm: ``max(now - due_at, 0) / rhythm`` in days.

    0 when not yet due; 1 when a whole rhythm has passed since it came due. A rhythm under
    a day counts as a day.
    """
    days = max((_ts(now) - _ts(due_at)) / _SECONDS_PER_DAY, 0.0)
    return days / max(rhythm, 1.0)


def _ideal_days(plan: Plan) -> int:
    cadence = plan.cadence or Cadence()
    return max(cadence.ideal_days, 1)


# -- placing occurrences on the user's calendar ------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Placed:
    """An occurrence as the user sees it: on a user-local day, perhaps moved there."""

    occurrence: Occurrence
    day: date  # user-local
    start: datetime | None  # aware, user zone
    origin_day: date  # user-local day it originally fell on (before any move)
    moved: bool


def _placed(
    plan: Plan,
    lo: date,
    hi: date,
    postponements: Sequence[Postponement],
    today: date,
    user_tz: ZoneInfo,
) -> list[_Placed]:
    """Occurrences of ``plan`` on user-local days ``lo``..``hi``, with postponements applied.

    A postponement with a ``from_date`` moves that occurrence to ``to_date`` (the same wall
    time there, in the user's zone), whether or not ``to_date`` has come: a moved
    occurrence is simply on its new day. One without a ``from_date`` holds back every
    occurrence before ``to_date`` while ``to_date`` is after ``today``.
    """
    own: list[Postponement] = []
    if plan.kind is not PlanKind.FLEXIBLE and plan.id is not None:
        own = sorted((p for p in postponements if p.plan_id == plan.id), key=lambda p: p.to_date)
    # Today's page is worked out again and again with the same plans; what a plan's
    # occurrences are on given days depends only on its timing and these arguments.
    key = (plan.id, plan.uid, plan.timing_key(), lo, hi, tuple(own), today, str(user_tz))
    cached = _PLACED_CACHE.get(key)
    if cached is None:
        if len(_PLACED_CACHE) >= _PLACED_CACHE_SIZE:
            _PLACED_CACHE.clear()
        cached = _PLACED_CACHE[key] = tuple(_place(plan, lo, hi, own, today, user_tz))
    return list(cached)


def _place(
    plan: Plan,
    lo: date,
    hi: date,
    own: list[Postponement],
    today: date,
    user_tz: ZoneInfo,
) -> list[_Placed]:
    # Plan-local days near the range, and near every day a postponement moves from.
    wanted: dict[date, Occurrence] = {}
    spans = [(lo, hi)] + [(p.from_date, p.from_date) for p in own if p.from_date is not None]
    for span_lo, span_hi in spans:
        for occ in occurrences(plan, _shift(span_lo, -1), _shift(span_hi, 1)):
            wanted.setdefault(occ.day, occ)
    items: list[_Placed] = []
    for occ in sorted(wanted.values(), key=lambda o: o.day):
        start = None if occ.start is None else occ.start.astimezone(user_tz)
        day = occ.day if start is None else start.date()
        items.append(_Placed(occ, day, start, day, moved=False))
    for post in own:
        if post.from_date is None:
            continue
        for index, item in enumerate(items):
            if post.from_date in (item.occurrence.day, item.day):
                start = item.start
                if start is not None:
                    start = local_datetime(post.to_date, start.time(), user_tz)
                items[index] = _Placed(
                    item.occurrence, post.to_date, start, item.origin_day, moved=True
                )
                break
    holds = [p.to_date for p in own if p.from_date is None and p.to_date > today]
    hold_until = max(holds) if holds else None
    kept = [
        item
        for item in items
        if lo <= item.day <= hi and (hold_until is None or item.day >= hold_until)
    ]
    kept.sort(key=lambda i: (i.day, i.start is None, 0.0 if i.start is None else _ts(i.start)))
    return kept


def moved_occurrences(
    plan: Plan, postponements: Sequence[Postponement], today: date, user_zone: str
) -> list[Moved]:
    """The occurrences of a fixed or one-off ``plan`` that postponements moved, as the
    agenda shows them, leaving out those that were and are now both before ``today``
    (user-local). Sorted by the original occurrence's day."""
    own = [
        p
        for p in postponements
        if p.plan_id == plan.id and p.from_date is not None and plan.kind is not PlanKind.FLEXIBLE
    ]
    if not own:
        return []
    days = [d for p in own for d in (p.from_date, p.to_date) if d is not None]
    user_tz = ZoneInfo(user_zone)
    placed = _placed(plan, min(days), max(days), postponements, today, user_tz)
    moved = [
        Moved(item.occurrence, item.day, item.start)
        for item in placed
        if item.moved and max(item.origin_day, item.day) >= today
    ]
    return sorted(moved, key=lambda m: m.original.day)


def _shift(day: date, days: int) -> date:
    ordinal = min(max(day.toordinal() + days, 1), _MAX_ORDINAL)
    return date.fromordinal(ordinal)


def _postponed_flexible(plan: Plan, postponements: Sequence[Postponement], today: date) -> date:
    """The latest ``to_date`` still ahead among the plan's postponements, or ``today``."""
    later = [p.to_date for p in postponements if p.plan_id == plan.id and p.to_date > today]
    return max(later) if later else today


# -- suggestions -------------------------------------------------------------------------------


@dataclass(slots=True)
class _Candidate:
    plan: Plan
    target: Target
    due_at: datetime  # user zone
    dueness: float
    reason: str
    time_today: time | None
    due_now: bool


def suggestions(
    plans: Sequence[Plan],
    targets: Mapping[TargetKey, Target],
    last_contact: Mapping[TargetKey, datetime],
    postponements: Sequence[Postponement],
    now: datetime,
    user_zone: str,
    *,
    cap: int = 3,
    low_energy_until: date | None = None,
) -> list[Suggestion]:
    """A gentle handful of people (or groups) to reach out to today, most due first.

    What counts, with "today" the user-local date of ``now``:

    - Paused plans, plans whose target is missing from ``targets``, and plans postponed
      past today are left out. While ``low_energy_until`` is today or later, only plans
      for the inner circle count.
    - A fixed or one-off occurrence on today's user-local date, with its ``time_today``
      (in the user's zone). If the target has any check-in since the start of today it
      counts as done and is not suggested. One that has not started yet is included with
      a due-ness of 0 ("meets at 19:00 today").
    - Otherwise the most recent fixed or one-off occurrence of the last ``GATHER_DAYS``
      days not followed by any contact (since the start of its day), once per plan —
      never one item per day. Its due-ness grows with the days since. (One-off plans are
      gathered too: a card not sent on the day can still be sent.) Today's occurrence of
      a plan supersedes the earlier ones.
    - A flexible plan whose :func:`flexible_due` is before the end of today.

    A moved occurrence (a postponement with ``from_date``) is on its ``to_date``, at the
    same wall time in the user's zone, when the caller still passes that postponement.

    Each target appears once: their most due plan wins (already due before not yet due,
    then higher due-ness). The cap applies to everything: items already due come first,
    by due-ness (descending; within ``0.05`` of each other counts as equal, and among
    equals the inner circle comes before the middle and the middle before the outer),
    then by due time and name; items later today come after all of them, by circle, time
    and name. At most ``cap`` are returned. Reasons never say "overdue", "missed",
    "late" or "behind" (a plan's own title is quoted as the person wrote it).
    """
    if cap <= 0:
        return []
    _require_aware(now)
    user_tz = ZoneInfo(user_zone)
    today = now.astimezone(user_tz).date()
    end_of_today = local_datetime(_shift(today, 1), time(0), user_tz)
    low_energy = low_energy_until is not None and today <= low_energy_until

    best: dict[TargetKey, _Candidate] = {}
    for plan in plans:
        key = _target_key(plan)
        if plan.paused or key is None or key not in targets:
            continue
        target = targets[key]
        if low_energy and target.circle is not Circle.INNER:
            continue
        last = last_contact.get(key)
        if plan.kind is PlanKind.FLEXIBLE:
            candidate = _flexible_candidate(
                plan, target, last, postponements, now, today, end_of_today, user_tz
            )
        else:
            candidate = _fixed_candidate(plan, target, last, postponements, now, today, user_tz)
        if candidate is None:
            continue
        held = best.get(key)
        if held is None or _strength(candidate) > _strength(held):
            best[key] = candidate

    ranked = _rank([c for c in best.values() if c.due_now]) + _rank(
        [c for c in best.values() if not c.due_now]
    )
    return [
        Suggestion(c.plan, c.target, c.due_at, c.dueness, c.reason, c.time_today)
        for c in ranked[:cap]
    ]


def _strength(c: _Candidate) -> tuple[bool, float, float, int]:
    return (c.due_now, c.dueness, -_ts(c.due_at), -(c.plan.id or 0))


def _rank(candidates: list[_Candidate]) -> list[_Candidate]:
    """By due-ness descending; among near-equals (within 0.05 of the first of a run) by
    circle, due time and name."""
    ordered = sorted(candidates, key=lambda c: -c.dueness)
    out: list[_Candidate] = []
    index = 0
    while index < len(ordered):
        head = ordered[index].dueness
        run_end = index
        while run_end < len(ordered) and head - ordered[run_end].dueness <= _EQUAL_DUENESS:
            run_end += 1
        out.extend(sorted(ordered[index:run_end], key=_tie_key))
        index = run_end
    return out


def _tie_key(c: _Candidate) -> tuple[int, float, str, str, int]:
    return (
        _CIRCLE_RANK.get(c.target.circle, 3),
        _ts(c.due_at),
        c.target.name.casefold(),
        c.plan.title.casefold(),
        c.plan.id or 0,
    )


def _done(item: _Placed, last: datetime | None, user_tz: ZoneInfo) -> bool:
    """Any contact since the start of the occurrence's day (its first day, if moved)."""
    if last is None:
        return False
    since = local_datetime(min(item.origin_day, item.day), time(0), user_tz)
    return _ts(last) >= _ts(since)


def _flexible_candidate(
    plan: Plan,
    target: Target,
    last: datetime | None,
    postponements: Sequence[Postponement],
    now: datetime,
    today: date,
    end_of_today: datetime,
    user_tz: ZoneInfo,
) -> _Candidate | None:
    if _postponed_flexible(plan, postponements, today) > today:
        return None
    due = flexible_due(plan, last, now)
    if _ts(due) >= _ts(end_of_today):
        return None
    return _Candidate(
        plan,
        target,
        due.astimezone(user_tz),
        dueness(due, rhythm_days(plan), now),
        _flexible_reason(plan, target, last, now.astimezone(user_tz)),
        None,
        due_now=_ts(due) <= _ts(now),
    )


def _fixed_candidate(
    plan: Plan,
    target: Target,
    last: datetime | None,
    postponements: Sequence[Postponement],
    now: datetime,
    today: date,
    user_tz: ZoneInfo,
) -> _Candidate | None:
    items = _placed(plan, _shift(today, -GATHER_DAYS), today, postponements, today, user_tz)
    todays = [i for i in items if i.day == today]
    chosen: _Placed | None = None
    if todays:
        # Today's happening supersedes earlier ones (a contact today is after them all).
        chosen = todays[0]
        if _done(chosen, last, user_tz):
            return None
    else:
        for item in reversed(items):
            if not _done(item, last, user_tz):
                chosen = item
                break
    if chosen is None:
        return None
    due_at = chosen.start or local_datetime(chosen.day, time(0), user_tz)
    on_today = chosen.day == today
    return _Candidate(
        plan,
        target,
        due_at,
        dueness(due_at, rhythm_days(plan), now),
        _fixed_reason(plan, target, chosen, today, now),
        chosen.start.time() if on_today and chosen.start is not None else None,
        due_now=_ts(due_at) <= _ts(now),
    )


# -- wording -----------------------------------------------------------------------------------


def _every(days: int) -> str:
    if days == 1:
        return "every day"
    if days == 7:
        return "every week"
    return f"every {days} days"


def _flexible_reason(plan: Plan, target: Target, last: datetime | None, now: datetime) -> str:
    every = _every(_ideal_days(plan))
    verb = "check in" if target.kind == "group" else "talk"
    if last is None:
        return f"You planned to be in touch about {every} — today could be a good day to start."
    ago = since_phrase(min(last, now, key=_ts), now)
    if ago in ("today", "yesterday"):
        return f"You usually {verb} {every} — today could be a good day for a hello."
    return f"It's been {ago.removesuffix(' ago')} — you usually {verb} {every}."


def _fixed_reason(plan: Plan, target: Target, item: _Placed, today: date, now: datetime) -> str:
    title = plan.title.strip()
    if item.day == today:
        if item.moved:
            if item.start is not None:
                return f"You moved this to today, at {item.start:%H:%M}."
            return "You moved this to today."
        if item.start is None:
            return "You planned to reach out today."
        at = f"{item.start:%H:%M}"
        if _ts(item.start) > _ts(now):
            if not title:
                return f"You planned to reach out to {target.name} at {at} today."
            verb = "meets" if target.kind == "group" else "is"
            return f"{title} {verb} at {at} today."
        if not title:
            return f"You planned to reach out to {target.name} at {at} today."
        return f"{title} was at {at} today. You could still get in touch if it feels right."
    when = "yesterday" if (today - item.day).days == 1 else WEEKDAY_NAMES[item.day.weekday()]
    what = title or f"Reaching out to {target.name}"
    return f"{what} was planned for {when}. You could still get in touch if it feels right."


# -- agenda ------------------------------------------------------------------------------------


def agenda(
    plans: Sequence[Plan],
    targets: Mapping[TargetKey, Target],
    last_contact: Mapping[TargetKey, datetime],
    postponements: Sequence[Postponement],
    now: datetime,
    user_zone: str,
    *,
    days: int = 28,
) -> list[AgendaItem]:
    """The next ``days`` user-local days, today included, as the user would see them.

    Fixed and one-off occurrences appear on their user-local day at their time in the
    user's zone (a friend's 13:00 New York call is at 18:00 in London, or 17:00 in the
    weeks when only one of the two has changed its clocks); all-day ones on their own
    date. A moved occurrence appears on its ``to_date``, at the same wall time in the
    user's zone. A flexible plan appears once, softly, on its due day — today if already
    due, or the day a postponement moves it to. Paused plans and plans whose target is
    missing are left out. Sorted by day, then time (all-day and flexible plans at the end
    of the day), then name.
    """
    _require_aware(now)
    if days <= 0:
        return []
    user_tz = ZoneInfo(user_zone)
    today = now.astimezone(user_tz).date()
    last_day = _shift(today, days - 1)
    out: list[AgendaItem] = []
    for plan in plans:
        key = _target_key(plan)
        if plan.paused or key is None or key not in targets:
            continue
        target = targets[key]
        if plan.kind is PlanKind.FLEXIBLE:
            due = flexible_due(plan, last_contact.get(key), now).astimezone(user_tz).date()
            day = max(due, _postponed_flexible(plan, postponements, today))
            if day <= last_day:
                out.append(AgendaItem(day, None, plan, target, flexible=True))
            continue
        for item in _placed(plan, today, last_day, postponements, today, user_tz):
            out.append(AgendaItem(item.day, item.start, plan, target, flexible=False))
    out.sort(
        key=lambda a: (
            a.day,
            a.start is None,
            0.0 if a.start is None else _ts(a.start),
            a.target.name.casefold(),
            a.plan.title.casefold(),
            a.plan.id or 0,
        )
    )
    return out


# -- reminders ---------------------------------------------------------------------------------


def reminders_due(
    plans: Sequence[Plan],
    targets: Mapping[TargetKey, Target],
    postponements: Sequence[Postponement],
    now: datetime,
    since: datetime,
    user_zone: str,
    *,
    quiet_start: time,
    quiet_end: time,
    already: set[tuple[int, date]],
) -> list[tuple[Occurrence, Target]]:
    """Timed fixed and one-off occurrences that began in ``(since, now]``, to remind of.

    Leaves out paused plans, missing targets, postponed occurrences and every
    ``(plan_id, day)`` in ``already``. Inside quiet hours returns nothing: the caller
    tries again later with the same ``since``. The caller keeps ``already`` (adding what
    it showed) and, at app start, calls with ``since=now`` so nothing from before the
    start arrives in a flood. A moved occurrence is not reminded of again on its new day
    (it shows on the Today page and in the agenda). Ordered by start time.
    """
    _require_aware(now)
    _require_aware(since)
    if in_quiet_hours(now, user_zone, quiet_start, quiet_end):
        return []
    if _ts(since) >= _ts(now):
        return []
    user_tz = ZoneInfo(user_zone)
    today = now.astimezone(user_tz).date()
    lo = _shift(since.astimezone(user_tz).date(), -1)
    hi = _shift(today, 1)
    found: list[tuple[Occurrence, Target]] = []
    for plan in plans:
        key = _target_key(plan)
        if (
            plan.paused
            or plan.window_start is None
            or plan.kind is PlanKind.FLEXIBLE
            or key is None
            or key not in targets
        ):
            continue
        for item in _placed(plan, lo, hi, postponements, today, user_tz):
            occ = item.occurrence
            if item.moved or occ.start is None or (occ.plan_id, occ.day) in already:
                continue
            if _ts(since) < _ts(occ.start) <= _ts(now):
                found.append((occ, targets[key]))
    found.sort(key=lambda pair: (_ts(pair[0].start) if pair[0].start else 0.0, pair[1].name))
    return found


def in_quiet_hours(now: datetime, user_zone: str, quiet_start: time, quiet_end: time) -> bool:
    """Whether ``now`` (on the user's wall clock) is in ``[quiet_start, quiet_end)``.

    The span may wrap midnight (22:00–07:00). Equal start and end mean no quiet hours.
    """
    _require_aware(now)
    wall = now.astimezone(ZoneInfo(user_zone)).time().replace(tzinfo=None)
    start = quiet_start.replace(tzinfo=None)
    end = quiet_end.replace(tzinfo=None)
    if start == end:
        return False
    if start < end:
        return start <= wall < end
    return wall >= start or wall < end


# -- helpers -----------------------------------------------------------------------------------


def _target_key(plan: Plan) -> TargetKey | None:
    if plan.person_id is not None:
        return ("person", plan.person_id)
    if plan.group_id is not None:
        return ("group", plan.group_id)
    return None


def plan_zone(plan: Plan) -> ZoneInfo:
    """The plan's zone; UTC for a name no longer known (the Today page must still open)."""
    try:
        return ZoneInfo(plan.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _ts(moment: datetime) -> float:
    return moment.timestamp()


def _require_aware(moment: datetime) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("scheduling needs an aware datetime (with a time zone)")
