"""One answer to "when is it?": a plan's next occurrence, and today's if it has already begun.

Today, the Agenda, the Plans table and editor, and the calendar export's preview all ask
:func:`when` and say its one answer, each in its own way. At 17:30, for a weekly 12:30
lunch walk on a Wednesday that is today:

- ``earlier_today`` is today's walk (12:30, already begun). It stays today's: the Agenda
  keeps it under Today, marked "earlier · 12:30"; Plans and the export preview say
  "Earlier today, 12:30" before the next one; Today shows its card, "planned for 12:30
  today — later is fine too". Nothing calls it missed, and it doesn't vanish from the day
  it belongs to.
- ``next`` is the first occurrence that has not begun yet: next Wednesday's walk.

On the rare day with two timed occurrences (a 23:30 UTC plan on the London day clocks go
back comes at 00:30 and at 23:30), ``earlier_today`` is the last of them that has begun.
Today's card is that one (or, before any has begun, today's ``next``); the Agenda marks
every one of today's that has begun "earlier".

Days are the user's: an occurrence is "today" when it falls on today's date on the user's
clock (a 08:00 Tokyo call is on the London evening before), and a postponement that moved
it is followed, as the Agenda places it. An all-day occurrence today has not "begun": it is
``next`` (today, any time). A flexible plan has no times: ``next`` is the day it comes
round, "around" that day (today once it is due, or the day a postponement moves it to),
and ``earlier_today`` is always ``None``.

Two choices, kept here so every page keeps them:

- **In touch today.** ``in_touch`` says a contact was logged since the start of today's
  occurrence's day (:func:`supportnet.scheduling.placing.in_touch`, which Today asks of
  its cards too). Today then leaves the card off (it is done); the other pages still
  show today's walk as earlier today (it was), without "later is fine too".
- **Today's gentle cap.** Today shows at most a handful of cards (the person's
  "suggestions a day"). The day's own planned occurrences come first among what is
  already due, so a walk planned for today is never pushed off Today by an "every so
  often" plan; only a day holding more planned occurrences than the cap leaves one to
  the Agenda. A flexible plan "around today" may likewise wait off Today behind them.
  That is the cap choosing how much to ask, not a different answer to "when".

Paused plans have answers too; callers leave them out, as they do occurrences.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from supportnet.model.plans import Plan, PlanKind
from supportnet.scheduling.dueness import _postponed_flexible, flexible_due
from supportnet.scheduling.model import (
    Occurrence,
    Postponement,
    _require_aware,
    _shift,
    _ts,
)
from supportnet.scheduling.placing import _placed, in_touch

# How far ahead :func:`when` looks for the next occurrence, widening only when needed:
# a fortnight covers nearly every plan cheaply; thirty years covers "every 12 months on
# a 5th Saturday".
_HORIZONS = (14, 400, 366 * 30)


@dataclass(frozen=True, slots=True)
class Happening:
    """An occurrence as the user meets it.

    ``occurrence`` is the plan's own (its day and times in the plan's zone). ``day`` is
    the user-local day it is on, after any move; ``start`` is aware, in the user's zone
    (``None`` for an all-day or flexible plan). ``moved`` says a postponement put it there.
    """

    occurrence: Occurrence
    day: date
    start: datetime | None
    moved: bool = False


@dataclass(frozen=True, slots=True)
class When:
    """A plan's answer to "when is it?" at one moment (see the module's docstring)."""

    next: Happening | None
    """The first occurrence not begun yet (today's all-day one counts); ``None`` if the
    plan has ended or never happens again."""
    earlier_today: Happening | None
    """Today's (user-local) timed occurrence that has already begun, else ``None``."""
    flexible: bool = False
    """``next`` is a flexible plan's day: "around" it, with no time."""
    in_touch: bool = False
    """A contact was logged since the start of ``earlier_today``'s day: Today leaves it off."""


def when(
    plan: Plan,
    now: datetime,
    user_zone: str,
    *,
    last_contact: datetime | None = None,
    postponements: Sequence[Postponement] = (),
) -> When:
    """The next occurrence of ``plan`` after ``now``, and today's if it has already begun.

    ``last_contact`` is the latest check-in with the plan's person or group (it sets a
    flexible plan's day, and ``in_touch``); ``postponements`` are the active ones, as the
    Agenda is given them.
    """
    _require_aware(now)
    user_tz = ZoneInfo(user_zone)
    today = now.astimezone(user_tz).date()
    if plan.kind is PlanKind.FLEXIBLE:
        return _flexible(plan, now, today, user_tz, last_contact, postponements)
    earlier: Happening | None = None
    touched = False
    lo = today
    for days in _HORIZONS:
        hi = _shift(today, days - 1)
        for item in _placed(plan, lo, hi, postponements, today, user_tz):
            begun = item.day < today if item.start is None else _ts(item.start) < _ts(now)
            if not begun:
                found = Happening(item.occurrence, item.day, item.start, item.moved)
                return When(found, earlier, in_touch=touched)
            if item.day == today and item.start is not None:
                earlier = Happening(item.occurrence, item.day, item.start, item.moved)
                touched = in_touch(item, last_contact, user_tz)
        lo = _shift(hi, 1)
    return When(None, earlier, in_touch=touched)


def _flexible(
    plan: Plan,
    now: datetime,
    today: date,
    user_tz: ZoneInfo,
    last_contact: datetime | None,
    postponements: Sequence[Postponement],
) -> When:
    # As the Agenda places it: the due day on the user's clock, never before today, or the
    # day a postponement moves it to.
    due = flexible_due(plan, last_contact, now).astimezone(user_tz).date()
    day = max(due, _postponed_flexible(plan, postponements, today))
    occ = Occurrence(plan.id if plan.id is not None else 0, day, None, None)
    return When(Happening(occ, day, None), None, flexible=True)
