"""Each person's own rhythm of contact, and how quiet things have gone relative to it."""

from __future__ import annotations

import bisect
import operator
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from supportnet.model.plans import Plan, PlanKind

#: Check-ins closer together than this count as one contact when finding someone's rhythm
#: (a text and then a call the same evening are one conversation, not a rhythm of hours).
SAME_CONTACT_SECONDS = 12 * 3600

#: How many of the most recent check-ins the typical interval looks at: rhythms change, and
#: the last few contacts say more than the last few years.
RECENT_CHECKINS = 8

#: Gaps needed before there is a typical interval at all: two points make a gap, not a rhythm.
MIN_GAPS_FOR_RHYTHM = 2

#: The rhythm assumed when neither a plan nor the history gives one: about every two months.
#: With it, a silence reaches full quietness at 180 days, as a known rhythm does at three times.
ASSUMED_RHYTHM_DAYS = 60.0

#: A rhythm shorter than a day says nothing about silences; quietness measures at least this.
_MIN_RHYTHM_DAYS = 1.0

#: Silence (as a multiple of the rhythm, beyond the rhythm itself) at which quietness is 1.0:
#: ``(now - last - rhythm) / rhythm == 2`` is three rhythms since the last contact.
_FULL_QUIET_DUENESS = 2.0

#: Quietness for someone never contacted: not quiet, not close, simply not known yet.
UNKNOWN_QUIETNESS = 0.5

_SECONDS_PER_DAY = 86_400.0


@dataclass(frozen=True, slots=True)
class ContactStats:
    """What the check-in log says about one person's or group's contact.

    ``typical_interval_days`` is what :func:`typical_interval` makes of the check-in
    times: the median gap between the most recent check-ins, or ``None`` while there are
    fewer than three separate contacts.
    """

    count: int
    """Check-ins, either way round (whoever reached out)."""
    last_contact: datetime | None
    """The latest check-in, aware UTC; ``None`` if there is none."""
    typical_interval_days: float | None


#: The stats of someone with no check-ins at all.
NO_CONTACT = ContactStats(count=0, last_contact=None, typical_interval_days=None)


def typical_interval(seconds: Iterable[float]) -> float | None:
    """The typical gap, in days, between contacts at ``seconds`` (since the epoch, any order).

    The median of the gaps between consecutive check-ins among the most recent
    :data:`RECENT_CHECKINS`, leaving out gaps under :data:`SAME_CONTACT_SECONDS` (those
    check-ins are one contact). The median, not the mean, so one long quiet spell or a burst
    of messages doesn't redefine someone's rhythm. ``None`` with fewer than
    :data:`MIN_GAPS_FOR_RHYTHM` gaps left (fewer than three separate contacts).
    """
    recent = sorted(seconds, reverse=True)
    del recent[RECENT_CHECKINS:]
    # Sorted gaps, then those under SAME_CONTACT_SECONDS cut from the front: all of it in C,
    # as the store calls this for each of up to thousands of people on every refresh.
    gaps: list[float] = sorted(map(operator.sub, recent, recent[1:]))
    del gaps[: bisect.bisect_left(gaps, SAME_CONTACT_SECONDS)]
    n = len(gaps)
    if n < MIN_GAPS_FOR_RHYTHM:
        return None
    middle = n // 2
    median = gaps[middle] if n % 2 else (gaps[middle - 1] + gaps[middle]) / 2
    return median / _SECONDS_PER_DAY


def contact_stats(times: Sequence[datetime]) -> ContactStats:
    """The stats of one person's (or group's) check-ins at ``times`` (aware, any order).

    The definition the store's queries follow; it reads every time, so it is for small lists
    and tests. Times are taken to the nearest whole second, as the store counts them.
    """
    if not times:
        return NO_CONTACT
    return ContactStats(
        count=len(times),
        last_contact=max(times).astimezone(UTC),
        typical_interval_days=typical_interval(round(t.timestamp()) for t in times),
    )


def usual_rhythm_days(stats: ContactStats, cadence_days: int | None = None) -> float | None:
    """How often, in days, contact usually happens; ``None`` if nothing says.

    A flexible plan's ideal interval wins when given (it is what the person chose);
    otherwise the typical interval from the check-in history.
    """
    if cadence_days is not None and cadence_days > 0:
        return float(cadence_days)
    return stats.typical_interval_days


def days_since_contact(stats: ContactStats, now: datetime) -> float | None:
    """Days from the last contact to ``now`` (never negative), or ``None`` if never."""
    if stats.last_contact is None:
        return None
    return max((now - stats.last_contact).total_seconds() / _SECONDS_PER_DAY, 0.0)


def relative_dueness(stats: ContactStats, now: datetime, cadence_days: int | None = None) -> float:
    """Due-ness relative to the person's own rhythm: ``max(now - last - rhythm, 0) / rhythm``.

    After naiba/bonds#149: 0 within one rhythm, 1 at two rhythms, and so on without limit.
    The rhythm is :data:`ASSUMED_RHYTHM_DAYS` when none is known; someone never contacted
    is 0 (there is no silence to measure).
    """
    elapsed = days_since_contact(stats, now)
    if elapsed is None:
        return 0.0
    rhythm = _effective_rhythm(stats, cadence_days)
    return max(elapsed - rhythm, 0.0) / rhythm


def quietness(stats: ContactStats, now: datetime, cadence_days: int | None = None) -> float:
    """How quiet contact has gone relative to this person's own rhythm, from 0.0 to 1.0.

    0.0 while the last contact is within one rhythm; rising evenly to 1.0 at three rhythms
    since the last contact (180 days when no rhythm is known, see
    :data:`ASSUMED_RHYTHM_DAYS`). Never decreases as ``now`` moves on. Someone never
    contacted is :data:`UNKNOWN_QUIETNESS` (0.5): nothing says whether that is quiet.
    """
    if stats.last_contact is None:
        return UNKNOWN_QUIETNESS
    return min(relative_dueness(stats, now, cadence_days) / _FULL_QUIET_DUENESS, 1.0)


def long_silence(
    stats: ContactStats,
    now: datetime,
    cadence_days: int | None = None,
    factor: float = 2.5,
    min_days: float = 21,
) -> bool:
    """Whether it has been much longer than usual since the last contact.

    True once the time since the last contact reaches ``factor`` times the usual rhythm and
    also ``min_days`` (so a daily rhythm doesn't turn a quiet weekend into a "silence").
    Without a known rhythm, :data:`ASSUMED_RHYTHM_DAYS` stands in. Someone never contacted is
    not in a silence: they may simply be new to the network.
    """
    elapsed = days_since_contact(stats, now)
    if elapsed is None:
        return False
    return elapsed >= max(factor * _effective_rhythm(stats, cadence_days), min_days)


def cadence_by_person(plans: Iterable[Plan]) -> dict[int, int]:
    """Each person's flexible-plan ideal interval in days, from their plans that aren't paused.

    A person with more than one such plan gets the shortest interval: the closest rhythm
    they have asked for.
    """
    return _cadences(plans, lambda plan: plan.person_id)


def cadence_by_group(plans: Iterable[Plan]) -> dict[int, int]:
    """Like :func:`cadence_by_person`, for groups."""
    return _cadences(plans, lambda plan: plan.group_id)


def _cadences(plans: Iterable[Plan], target: Callable[[Plan], int | None]) -> dict[int, int]:
    out: dict[int, int] = {}
    for plan in plans:
        target_id = target(plan)
        if (
            target_id is None
            or plan.paused
            or plan.kind is not PlanKind.FLEXIBLE
            or plan.cadence is None
            or plan.cadence.ideal_days < 1
        ):
            continue
        ideal = plan.cadence.ideal_days
        out[target_id] = min(ideal, out.get(target_id, ideal))
    return out


def _effective_rhythm(stats: ContactStats, cadence_days: int | None) -> float:
    rhythm = usual_rhythm_days(stats, cadence_days)
    if rhythm is None:
        return ASSUMED_RHYTHM_DAYS
    return max(rhythm, _MIN_RHYTHM_DAYS)
