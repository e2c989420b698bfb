"""How due a plan is: a flexible plan's due moment, its rhythm and the due-ness ratio."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from supportnet.model.plans import (
    Cadence,
    Frequency,
    Plan,
    PlanKind,
)
from supportnet.scheduling.model import (
    _DAYS_PER_MONTH,
    _SECONDS_PER_DAY,
    ONE_OFF_RHYTHM_DAYS,
    Postponement,
    _require_aware,
    _ts,
    plan_zone,
)
from supportnet.scheduling.occurrences import local_datetime

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


def _postponed_flexible(plan: Plan, postponements: Sequence[Postponement], today: date) -> date:
    """The latest ``to_date`` still ahead among the plan's postponements, or ``today``."""
    later = [p.to_date for p in postponements if p.plan_id == plan.id and p.to_date > today]
    return max(later) if later else today
