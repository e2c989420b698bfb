"""Schedule types and constants: occurrences, postponements, targets, suggestions, agenda items."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from supportnet.model.network import Circle
from supportnet.model.plans import Plan
from supportnet.model.zones import zone_or_utc

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
_MIN_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_MAX_ORDINAL = date.max.toordinal()


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
    earlier: bool = False
    """Today's occurrence that has already begun (:func:`scheduling.when.when`'s
    ``earlier_today``): still today's, marked "earlier"."""


# -- helpers -----------------------------------------------------------------------------------


def plan_zone(plan: Plan) -> ZoneInfo:
    """The plan's zone; UTC for a name no longer known (the Today page must still open)."""
    return zone_or_utc(plan.timezone)


def _ts(moment: datetime) -> float:
    return moment.timestamp()


def _require_aware(moment: datetime) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("scheduling needs an aware datetime (with a time zone)")


def _shift(day: date, days: int) -> date:
    ordinal = min(max(day.toordinal() + days, 1), _MAX_ORDINAL)
    return date.fromordinal(ordinal)
