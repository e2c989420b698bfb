"""The agenda of coming occurrences and the reminders due."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from supportnet.model.plans import (
    Plan,
    PlanKind,
)
from supportnet.model.targets import TargetKey, plan_target_key
from supportnet.scheduling.model import (
    AgendaItem,
    Occurrence,
    Postponement,
    Target,
    _require_aware,
    _shift,
    _ts,
)
from supportnet.scheduling.placing import _placed
from supportnet.scheduling.when import when

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
    missing are left out. Today's timed occurrences that have already begun stay under
    today, marked ``earlier``; the last of them is the one
    :func:`~supportnet.scheduling.when.when` gives Today, Plans and the export (a day has
    two only when clocks change). Sorted by day, then time (all-day and flexible plans at
    the end of the day), then name.
    """
    _require_aware(now)
    if days <= 0:
        return []
    user_tz = ZoneInfo(user_zone)
    today = now.astimezone(user_tz).date()
    last_day = _shift(today, days - 1)
    out: list[AgendaItem] = []
    for plan in plans:
        key = plan_target_key(plan)
        if plan.paused or key is None or key not in targets:
            continue
        target = targets[key]
        answer = when(
            plan, now, user_zone, last_contact=last_contact.get(key), postponements=postponements
        )
        if answer.flexible:
            if answer.next is not None and answer.next.day <= last_day:
                out.append(AgendaItem(answer.next.day, None, plan, target, flexible=True))
            continue
        for item in _placed(plan, today, last_day, postponements, today, user_tz):
            # Every one of today's that has begun (a clock change can bring two).
            start = item.start
            earlier = item.day == today and start is not None and _ts(start) < _ts(now)
            out.append(AgendaItem(item.day, item.start, plan, target, False, earlier))
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
        key = plan_target_key(plan)
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
