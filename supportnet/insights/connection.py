"""Connection over time: check-ins per week, stacked by circle or by who reached out.

A week is Monday to Sunday in the user's time zone, read from each check-in's local date,
so a week is a week across a clock change and in any zone. Weeks with no check-ins are
simply zero: nothing marks them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from typing import Protocol

from supportnet.i18n import N_, _
from supportnet.model.checkins import Initiator
from supportnet.model.network import Circle
from supportnet.model.targets import TargetKey, target_key_of


class Contacted(Protocol):
    """What Insights reads of a check-in (a :class:`CheckIn` has it all)."""

    @property
    def at(self) -> datetime: ...
    @property
    def person_id(self) -> int | None: ...
    @property
    def group_id(self) -> int | None: ...
    @property
    def initiator(self) -> Initiator: ...
    @property
    def mood_before(self) -> int | None: ...
    @property
    def mood_after(self) -> int | None: ...
    @property
    def by(self) -> str | None: ...


class Split(StrEnum):
    """How a week's check-ins are stacked."""

    CIRCLE = "circle"
    WHO = "who"

    @property
    def label(self) -> str:
        return _("By circle") if self is Split.CIRCLE else _("By who reached out")


#: Who reached out, as the chart's legend says it (marked: shown through ``_()``).
WHO_LABELS = {Initiator.ME: N_("I reached out"), Initiator.THEM: N_("They reached out")}


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


def is_own(checkin: Contacted) -> bool:
    """The user's own contact: not a check-in a supporter did on a care team's rota."""
    return checkin.by is None


def week_bounds(today: date, weeks: int, zone: tzinfo) -> list[datetime]:
    """The UTC instants the ``weeks`` weeks up to ``today``'s start at, then the end of today:
    week ``i`` is from ``bounds[i]`` up to (not including) ``bounds[i + 1]``.

    Each week runs from its Monday's midnight on the user's clock, the last to the end of
    today: the local date of every check-in decides its week, across clock changes, with no
    conversion per check-in (and the store can compare its UTC times with these).
    """
    bounds = [datetime.combine(monday, time(), zone) for monday in weeks_ending(today, weeks)]
    bounds.append(datetime.combine(today + timedelta(days=1), time(), zone))
    return [bound.astimezone(UTC) for bound in bounds]


#: A count of one week's check-ins: the week's index, the circle they were in or who reached
#: out, and how many.
WeekCount = tuple[int, Circle | Initiator, int]


def connection_over_time(
    checkins: Iterable[Contacted],
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
    bounds = week_bounds(today, weeks, zone)
    counts: dict[tuple[int, Circle | Initiator], int] = {}
    for checkin in checkins:
        if checkin.by is not None:
            continue
        slot = bisect_right(bounds, checkin.at) - 1
        if not 0 <= slot < weeks:
            continue
        if split is Split.CIRCLE:
            target = target_key_of(checkin.person_id, checkin.group_id)
            layer: Circle | Initiator | None = circles.get(target) if target is not None else None
        else:
            layer = checkin.initiator
        if layer is not None:
            counts[slot, layer] = counts.get((slot, layer), 0) + 1
    tally = [(slot, layer, count) for (slot, layer), count in counts.items()]
    return connection_of_counts(tally, today=today, weeks=weeks, split=split)


def connection_of_counts(
    counts: Iterable[WeekCount], *, today: date, weeks: int, split: Split
) -> WeeklyConnection:
    """The chart's layers from check-ins already counted per week, by circle or by who
    reached out (as :func:`connection_over_time` counts them, or the store does); counts
    of the other split's layers are left out."""
    layers: list[Circle | Initiator]
    if split is Split.CIRCLE:
        layers = list(Circle)
        labels = [circle.label for circle in Circle]
    else:
        layers = list(Initiator)
        labels = [_(WHO_LABELS[who]) for who in Initiator]
    stacked: dict[Circle | Initiator, list[int]] = {layer: [0] * weeks for layer in layers}
    for slot, layer, count in counts:
        if layer in stacked and 0 <= slot < weeks:
            stacked[layer][slot] += count
    series = tuple(
        Series(layer.value, label, tuple(stacked[layer]))
        for layer, label in zip(layers, labels, strict=True)
    )
    return WeeklyConnection(weeks_ending(today, weeks), series, split)
