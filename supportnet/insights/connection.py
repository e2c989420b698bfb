"""Connection over time: check-ins per week, stacked by circle or by who reached out.

A week is Monday to Sunday in the user's time zone, read from each check-in's local date,
so a week is a week across a clock change and in any zone. Weeks with no check-ins are
simply zero: nothing marks them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta, tzinfo
from enum import StrEnum

from supportnet.model.checkins import CheckIn, Initiator
from supportnet.model.network import Circle
from supportnet.model.targets import TargetKey, target_key_of


class Split(StrEnum):
    """How a week's check-ins are stacked."""

    CIRCLE = "circle"
    WHO = "who"

    @property
    def label(self) -> str:
        return "By circle" if self is Split.CIRCLE else "By who reached out"


#: Who reached out, as the chart's legend says it.
WHO_LABELS = {Initiator.ME: "I reached out", Initiator.THEM: "They reached out"}


@dataclass(frozen=True, slots=True)
class Series:
    """One stacked layer: a stable ``key`` (for its colour and pattern), its words, and a
    count per week in the order of :attr:`WeeklyConnection.weeks`."""

    key: str
    label: str
    counts: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class WeeklyConnection:
    """Check-ins per week: ``weeks`` are each week's Monday, oldest first."""

    weeks: tuple[date, ...]
    series: tuple[Series, ...]
    split: Split

    @property
    def totals(self) -> tuple[int, ...]:
        """Each week's check-ins, all layers together."""
        return tuple(map(sum, zip(*(s.counts for s in self.series), strict=True)))

    @property
    def total(self) -> int:
        return sum(sum(s.counts) for s in self.series)


def week_of(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


def weeks_ending(today: date, count: int) -> tuple[date, ...]:
    """The Mondays of the ``count`` weeks up to and including ``today``'s, oldest first."""
    last = week_of(today)
    return tuple(last - timedelta(weeks=back) for back in range(count - 1, -1, -1))


def is_own(checkin: CheckIn) -> bool:
    """The user's own contact: not a check-in a supporter did on a care team's rota."""
    return checkin.by is None


def connection_over_time(
    checkins: Iterable[CheckIn],
    circles: Mapping[TargetKey, Circle],
    *,
    zone: tzinfo,
    today: date,
    weeks: int,
    split: Split = Split.CIRCLE,
) -> WeeklyConnection:
    """The user's own check-ins in the ``weeks`` weeks up to ``today``'s, counted per week.

    ``circles`` says whose circle each person or group is in; by circle, a check-in with
    someone no longer in the network isn't counted (there is no circle to put it in).
    """
    starts = weeks_ending(today, weeks)
    index = {monday: i for i, monday in enumerate(starts)}
    keys: list[str]
    if split is Split.CIRCLE:
        keys = [circle.value for circle in Circle]
        labels = [circle.label for circle in Circle]
    else:
        keys = [who.value for who in Initiator]
        labels = [WHO_LABELS[who] for who in Initiator]
    counts = {key: [0] * weeks for key in keys}
    for checkin in checkins:
        if not is_own(checkin):
            continue
        day = checkin.at.astimezone(zone).date()
        slot = index.get(week_of(day))
        if slot is None or day > today:
            continue
        if split is Split.CIRCLE:
            target = target_key_of(checkin.person_id, checkin.group_id)
            circle = circles.get(target) if target is not None else None
            if circle is None:
                continue
            counts[circle.value][slot] += 1
        else:
            counts[checkin.initiator.value][slot] += 1
    series = tuple(
        Series(key, label, tuple(counts[key])) for key, label in zip(keys, labels, strict=True)
    )
    return WeeklyConnection(starts, series, split)
