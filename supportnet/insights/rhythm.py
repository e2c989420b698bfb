"""Each flexible plan's rhythm as it has been: the gaps between separate contacts, beside
the rhythm the user chose. Any contact counts, whoever reached out."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from statistics import median

from supportnet.model.plans import Plan, PlanKind
from supportnet.model.targets import TargetKey, plan_target_key
from supportnet.scheduling.rhythm import SAME_CONTACT_SECONDS

_DAY = 86_400.0

#: Gaps needed before there is a rhythm to speak of (as the Network page's notes need).
MIN_GAPS = 2


@dataclass(frozen=True, slots=True)
class RhythmStrip:
    """One flexible plan: the days between its person's or group's separate contacts since
    the chart's start, oldest first, and the rhythm chosen (``ideal_days``)."""

    plan_uid: str
    target: TargetKey
    name: str
    ideal_days: int
    gaps: tuple[float, ...]

    @property
    def typical(self) -> float | None:
        """The median gap in days, once there are :data:`MIN_GAPS` gaps; else None."""
        return median(self.gaps) if len(self.gaps) >= MIN_GAPS else None


def contact_gaps(times: Iterable[datetime], since: datetime) -> tuple[float, ...]:
    """Days between consecutive separate contacts at or after ``since``, oldest first.

    Check-ins closer than :data:`SAME_CONTACT_SECONDS` to the contact before are part of it
    (a text, then a call that evening)."""
    gaps: list[float] = []
    last: datetime | None = None
    for moment in sorted(t for t in times if t >= since):
        if last is not None:
            seconds = (moment - last).total_seconds()
            if seconds < SAME_CONTACT_SECONDS:
                continue
            gaps.append(seconds / _DAY)
        last = moment
    return tuple(gaps)


def rhythm_strips(
    plans: Iterable[Plan],
    contacts: Mapping[TargetKey, Sequence[datetime]],
    names: Mapping[TargetKey, str],
    *,
    since: datetime,
) -> tuple[RhythmStrip, ...]:
    """A strip for each flexible plan that isn't paused, by name: ``contacts`` are the times
    of the user's own check-ins with each person or group (aware)."""
    strips = []
    for plan in plans:
        key = plan_target_key(plan)
        if plan.kind is not PlanKind.FLEXIBLE or plan.paused or plan.cadence is None:
            continue
        if key is None or key not in names:
            continue
        gaps = contact_gaps(contacts.get(key, ()), since)
        strips.append(RhythmStrip(plan.uid, key, names[key], plan.cadence.ideal_days, gaps))
    strips.sort(key=lambda strip: (strip.name.casefold(), strip.plan_uid))
    return tuple(strips)
