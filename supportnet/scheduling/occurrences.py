"""When a plan happens: its occurrences, skipped months and the wording of skipping."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

from supportnet.i18n import N_, _
from supportnet.model.days import weekday_name
from supportnet.model.plans import (
    Frequency,
    MonthlyMode,
    Plan,
    PlanKind,
    Recurrence,
)
from supportnet.scheduling.model import _MIN_MONTH_DAYS, Occurrence, _shift, plan_zone

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
        if any(True for _day in _fixed_days(rule, plan.start_date, day, day))
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
            return _("Months without a 5th {weekday} are skipped.").format(
                weekday=weekday_name(rec.nth_weekday)
            )
        return None
    day = rec.month_day
    if day is None or not 29 <= day <= 31 or rec.interval < 1:
        return None
    months = {(plan.start_date.month - 1 + k * rec.interval) % 12 for k in range(12)}
    if all(_MIN_MONTH_DAYS[m] >= day for m in months):
        return None
    return _(_SKIPPED[day])


#: What a monthly plan on the 29th, 30th or 31st says of the months it skips.
_SKIPPED = {
    29: N_("Months without a 29th are skipped."),
    30: N_("Months without a 30th are skipped."),
    31: N_("Months without a 31st are skipped."),
}
