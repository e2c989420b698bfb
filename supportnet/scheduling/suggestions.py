"""Who is due a gentle reach-out today, and the reason given."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from supportnet.i18n import _
from supportnet.model.days import clock_time, weekday_name
from supportnet.model.network import Circle, first_name_of
from supportnet.model.plans import (
    Plan,
    PlanKind,
)
from supportnet.model.targets import TargetKey, plan_target_key
from supportnet.scheduling.dueness import (
    _postponed_flexible,
    dueness,
    flexible_due,
    rhythm_days,
)
from supportnet.scheduling.model import (
    _CIRCLE_RANK,
    _EQUAL_DUENESS,
    GATHER_DAYS,
    Postponement,
    Suggestion,
    Target,
    _require_aware,
    _shift,
    _ts,
)
from supportnet.scheduling.occurrences import local_datetime
from supportnet.scheduling.placing import _Placed, _placed, in_touch
from supportnet.scheduling.when import when

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
    planned_today: bool = False  # a fixed or one-off occurrence on today's date


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
      a plan supersedes the earlier ones; on a day with two it is the one
      :func:`~supportnet.scheduling.when.when` answers (the last begun, else the next).
    - A flexible plan whose :func:`flexible_due` is before the end of today.

    A moved occurrence (a postponement with ``from_date``) is on its ``to_date``, at the
    same wall time in the user's zone, when the caller still passes that postponement.

    Each target appears once: their most due plan wins (already due before not yet due,
    then higher due-ness). The cap applies to everything: items already due come first,
    by due-ness (descending; within ``0.05`` of each other counts as equal, and among
    equals the inner circle comes before the middle and the middle before the outer),
    then by due time and name — except that the day's own planned occurrences (fixed or
    one-off, on today's date, begun) come before every other item already due, so a walk
    planned for 12:30 is still on Today at 17:30 (see :mod:`supportnet.scheduling.when`);
    items later today come after all of them, by circle, time and name. At most ``cap``
    are returned. Reasons never say "overdue", "missed", "late" or "behind" (a plan's own
    title is quoted as the person wrote it).
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
        key = plan_target_key(plan)
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

    kept = list(best.values())
    ranked = (
        _rank([c for c in kept if c.due_now and c.planned_today])
        + _rank([c for c in kept if c.due_now and not c.planned_today])
        + _rank([c for c in kept if not c.due_now])
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
        _flexible_reason(target, last, now.astimezone(user_tz)),
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
        # It is the one :func:`when` answers: the last begun today, else the next today,
        # so a day with two (a clock change) says the same time as the other pages.
        answer = when(plan, now, user_tz.key, last_contact=last, postponements=postponements)
        pick = answer.earlier_today or answer.next
        same = [
            i for i in todays if pick is not None and (i.day, i.start) == (pick.day, pick.start)
        ]
        chosen = same[0] if same else todays[0]
        if in_touch(chosen, last, user_tz):
            return None
    else:
        for item in reversed(items):
            if not in_touch(item, last, user_tz):
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
        planned_today=on_today,
    )


# -- wording -----------------------------------------------------------------------------------


def _flexible_reason(target: Target, last: datetime | None, now: datetime) -> str:
    """Warm words with no count and no norm: the rhythm is the person's wish, not a rule.

    A person goes by their first name (the card's heading gives the whole one)."""
    name = target.name if target.kind == "group" else first_name_of(target.name) or target.name
    if last is None:
        return _(
            "You could say hello to {name} whenever it suits you. A few words are plenty."
        ).format(name=name)
    # Calendar days in ``now``'s zone: 23:00 yesterday was yesterday.
    if (now.date() - last.astimezone(now.tzinfo).date()).days <= 1:
        return _("Another hello to {name} could be nice today, if you feel like it.").format(
            name=name
        )
    if target.kind == "group":
        return _(
            "A while since you were in touch with {name}. Looking in briefly is plenty."
        ).format(name=name)
    return _("A while since you and {name} talked. A short hello is plenty.").format(name=name)


def _fixed_reason(plan: Plan, target: Target, item: _Placed, today: date, now: datetime) -> str:
    """What the plan was for, never what didn't happen: a past time is "later is fine too"."""
    title = plan.title.strip()
    if item.day == today:
        if item.moved:
            if item.start is not None:
                return _("You moved this to today, at {time}.").format(time=clock_time(item.start))
            return _("You moved this to today.")
        if item.start is None:
            return _("You planned to reach out today.")
        at = clock_time(item.start)
        if _ts(item.start) > _ts(now):
            if not title:
                return _("You planned to reach out to {name} at {time} today.").format(
                    name=target.name, time=at
                )
            if target.kind == "group":
                # Translators: {title} is the plan's own title, "Choir practice".
                return _("{title} meets at {time} today.").format(title=title, time=at)
            # Translators: {title} is the plan's own title, "Lunch walk with Tom".
            return _("{title} is at {time} today.").format(title=title, time=at)
        what = title or _("Reaching out to {name}").format(name=target.name)
        # Translators: {what} is the plan's title, or "Reaching out to Sam".
        return _("{what}: planned for {time} today — later is fine too.").format(what=what, time=at)
    what = title or _("Reaching out to {name}").format(name=target.name)
    if (today - item.day).days == 1:
        return _("{what}: carried over from yesterday, for whenever suits you.").format(what=what)
    # Translators: {weekday} is a day of this week, "Sunday".
    return _("{what}: carried over from {weekday}, for whenever suits you.").format(
        what=what, weekday=weekday_name(item.day.weekday())
    )
