"""Support coverage: for each kind of support, who gives it and how many of them the user
was in touch with lately (the same gaps the Network page finds, counted)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from supportnet.model.network import Group, Person, SupportType
from supportnet.model.targets import GROUP, PERSON, TargetKey

#: "Lately": the days looked back over for "in touch".
RECENT_DAYS = 30


@dataclass(frozen=True, slots=True)
class Coverage:
    """One kind of support: how many people and groups give it, and how many of those the
    user was in touch with in the last :data:`RECENT_DAYS` days."""

    support: SupportType
    givers: int
    in_touch: int

    @property
    def not_lately(self) -> int:
        """Givers not in touch lately: the part of the bar drawn lighter, never marked."""
        return self.givers - self.in_touch


@dataclass(frozen=True, slots=True)
class SupportCoverage:
    """Every kind of support (:class:`Coverage`, in the model's order), and the people and
    groups who give any of it: how many, and how many the user was in touch with lately."""

    kinds: tuple[Coverage, ...]
    supporters: int
    in_touch: int


def support_coverage(
    support: Mapping[TargetKey, Collection[SupportType]],
    last_contact: Mapping[TargetKey, datetime],
    *,
    now: datetime,
    days: int = RECENT_DAYS,
) -> SupportCoverage:
    """One :class:`Coverage` per kind of support, in the model's order, none left out.

    ``support`` is what each person or group gives; ``last_contact`` the user's own latest
    contact with each (aware).
    """
    since = now - timedelta(days=days)
    givers: dict[SupportType, int] = dict.fromkeys(SupportType, 0)
    recent: dict[SupportType, int] = dict.fromkeys(SupportType, 0)
    supporters = in_touch = 0
    for key, kinds in support.items():
        if not kinds:
            continue
        last = last_contact.get(key)
        lately = last is not None and since <= last <= now
        supporters += 1
        in_touch += lately
        for kind in kinds:
            givers[kind] += 1
            recent[kind] += lately
    rows = tuple(Coverage(kind, givers[kind], recent[kind]) for kind in SupportType)
    return SupportCoverage(rows, supporters, in_touch)


def support_of(
    people: Iterable[Person], groups: Sequence[Group] = ()
) -> dict[TargetKey, set[SupportType]]:
    """What each of these people and groups gives, by key (for :func:`support_coverage`)."""
    support: dict[TargetKey, set[SupportType]] = {
        (PERSON, p.id): p.support_types for p in people if p.id is not None
    }
    support.update({(GROUP, g.id): g.support_types for g in groups if g.id is not None})
    return support
