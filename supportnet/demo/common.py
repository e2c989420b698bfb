"""The example network's shared types and date helpers."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from supportnet.model.care import CareTeam
from supportnet.model.checkins import CheckIn
from supportnet.model.network import ChannelKind, Group, Person
from supportnet.model.plans import Plan
from supportnet.model.safety_plan import SafetyPlan

#: How far back the check-in history reaches.
HISTORY_DAYS = 182


@dataclass(slots=True)
class DemoNetwork:
    """The example network. Plans and check-ins name their target by its ``uid``."""

    people: list[Person]
    groups: list[Group]
    plans: list[tuple[str, Plan]]
    checkins: list[tuple[str, CheckIn]]
    #: The example plan for hard days; its lines link to the people and groups above.
    safety_plan: SafetyPlan = field(default_factory=SafetyPlan)
    #: The example care teams; they name their people by uid.
    care_teams: list[CareTeam] = field(default_factory=list)


@dataclass(slots=True)
class _Rhythm:
    """How often, when and how the user and one person are usually in touch."""

    every: float | None  # days between contacts; None: only the plans they follow
    hours: tuple[int, int]  # local minutes, inclusive
    them_share: float
    quiet_days: int  # a gentle gap: no contact in the last this-many days
    note_share: float
    mood_share: float
    channels: dict[ChannelKind, int] = field(default_factory=dict)  # weights; default: theirs
    notes: tuple[str, ...] = ()


# -- date helpers ----------------------------------------------------------------------------


def _on_or_before(day: date, weekday: int) -> date:
    return day - timedelta(days=(day.weekday() - weekday) % 7)


def _on_or_after(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def _add_months(day: date, months: int) -> date:
    """The first of the month ``months`` away from ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _nth_weekday_of(month: date, nth: int, weekday: int) -> date:
    """The ``nth`` (1–4) ``weekday`` in ``month``'s month."""
    return _on_or_after(month.replace(day=1), weekday) + timedelta(weeks=nth - 1)


def _local_minutes(moment: datetime, tz: ZoneInfo) -> int:
    local = moment.astimezone(tz)
    return local.hour * 60 + local.minute


def _minutes(rng: random.Random, earliest: int, latest: int) -> int:
    """A time of day between ``earliest`` and ``latest`` (inclusive) on a five-minute step."""
    return earliest + 5 * rng.randrange((latest - earliest) // 5 + 1)


def _mood(rng: random.Random, lift: int = 0) -> tuple[int | None, int | None]:
    """Mood before and after: usually the same or a little better afterwards."""
    before = rng.choice((1, 2, 2, 3, 3, 3, 4, 4))
    change = rng.choices((-1, 0, 1, 2), weights=(1, 4, 5 + 2 * lift, 2 + lift))[0]
    return before, max(1, min(5, before + change))
