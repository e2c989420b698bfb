"""Who lifts the mood: the average change (after minus before) over check-ins where both
moods were noted, per person or group, shown only where enough check-ins say something."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from supportnet.insights.connection import Contacted, is_own
from supportnet.model.targets import TargetKey, target_key_of

#: Check-ins with both moods needed before a person's or group's average is shown: one or
#: two say more about the day than about the company.
MIN_MOOD_PAIRS = 3


@dataclass(frozen=True, slots=True)
class Lift:
    """The mood change with one person or group: ``change`` is the average of after minus
    before (−4 to +4) over ``pairs`` check-ins."""

    target: TargetKey
    name: str
    change: float
    pairs: int


@dataclass(frozen=True, slots=True)
class MoodLifts:
    """Those with enough check-ins (by name, never ranked), and how many people and groups
    have some moods noted but not yet enough to say anything."""

    shown: tuple[Lift, ...]
    too_few: int

    @property
    def pairs(self) -> int:
        """Check-ins the shown averages rest on."""
        return sum(lift.pairs for lift in self.shown)


def mood_lifts(
    checkins: Iterable[Contacted],
    names: Mapping[TargetKey, str],
    *,
    min_pairs: int = MIN_MOOD_PAIRS,
) -> MoodLifts:
    """Average mood change per person or group named in ``names`` (others are no longer in
    the network), over the user's own check-ins with both moods."""
    sums: dict[TargetKey, list[int]] = {}
    for checkin in checkins:
        before, after = checkin.mood_before, checkin.mood_after
        if before is None or after is None or not is_own(checkin):
            continue
        key = target_key_of(checkin.person_id, checkin.group_id)
        if key is None or key not in names:
            continue
        total = sums.setdefault(key, [0, 0])
        total[0] += after - before
        total[1] += 1
    added = {key: (change, count) for key, (change, count) in sums.items()}
    return lifts_of_sums(added, names, min_pairs=min_pairs)


def lifts_of_sums(
    sums: Mapping[TargetKey, tuple[int, int]],
    names: Mapping[TargetKey, str],
    *,
    min_pairs: int = MIN_MOOD_PAIRS,
) -> MoodLifts:
    """The lifts from each person's or group's mood changes already added up: the sum of
    after minus before and how many check-ins it is over (as :func:`mood_lifts` adds them,
    or the store does). Those not in ``names`` are no longer in the network."""
    kept = {key: total for key, total in sums.items() if key in names and total[1]}
    shown = [
        Lift(key, names[key], change / count, count)
        for key, (change, count) in kept.items()
        if count >= min_pairs
    ]
    shown.sort(key=lambda lift: (lift.name.casefold(), lift.target))
    too_few = sum(1 for _change, count in kept.values() if count < min_pairs)
    return MoodLifts(tuple(shown), too_few)
