"""Gaps in the network worth a gentle look, each phrased as an invitation."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from supportnet.i18n import N_, _
from supportnet.model.network import Circle, Group, Person, SupportType
from supportnet.model.targets import GROUP, PERSON, TargetKey
from supportnet.scheduling.phrasing import span_phrase
from supportnet.scheduling.rhythm import NO_CONTACT, ContactStats, long_silence, relative_dueness


class GapKind(StrEnum):
    """The kinds of gap, in the order they are shown."""

    EMPTY_INNER_CIRCLE = "empty_inner_circle"
    UNCOVERED_SUPPORT = "uncovered_support"
    SINGLE_SUPPORTER = "single_supporter"
    LONG_SILENCE = "long_silence"


@dataclass(frozen=True, slots=True)
class Gap:
    """One gentle note about the network."""

    kind: GapKind
    message: str
    """An invitation, never a reproach: a full sentence or two, ready to show."""
    support_type: SupportType | None = None
    people: tuple[int, ...] = ()
    """The people it is about: the one supporter, the person not heard from for a while."""
    groups: tuple[int, ...] = ()


#: Crisis first: of all the gaps in support it matters most on a bad day.
_SUPPORT_ORDER = (SupportType.CRISIS, *(t for t in SupportType if t is not SupportType.CRISIS))

_EMPTY_INNER = N_(
    "Your inner circle has room for whoever feels close, whenever that happens. A person, a "
    "group or a service that helps you all count."
)

# Open doors: what would fit, and that a group or a service counts as much as a person.
_UNCOVERED = {
    SupportType.CRISIS: N_(
        "For a very hard day, it can help to know who to call. A person, a crisis line or a "
        "service you trust all count."
    ),
    SupportType.EMOTIONAL: N_(
        "If someone listens well — a friend, a support group or a counsellor — you could "
        "mark them for emotional support."
    ),
    SupportType.PRACTICAL: N_(
        "If someone could help with everyday things — a neighbour, a group or a local "
        "service — you could mark them for practical help."
    ),
    SupportType.INFORMATIONAL: N_(
        "If there is someone whose advice you trust — a person, a group or a service — you "
        "could mark them for advice."
    ),
    SupportType.COMPANIONSHIP: N_(
        "If there is someone you enjoy spending time with — a friend, a club or a group — "
        "you could mark them for company."
    ),
}

# {name} is the one supporter; the note welcomes more, it never asks them to carry less.
_SINGLE = {
    SupportType.CRISIS: N_(
        "{name} is there for you on a very hard day. A crisis line or a service can be there too."
    ),
    SupportType.EMOTIONAL: N_(
        "{name} is there to listen. A friend, a support group or a counsellor can be too."
    ),
    SupportType.PRACTICAL: N_(
        "{name} helps with everyday things. A neighbour, a group or a local service can too."
    ),
    SupportType.INFORMATIONAL: N_(
        "{name} is there for advice. Another person, a group or a service can be too."
    ),
    SupportType.COMPANIONSHIP: N_("{name} keeps you company. A friend, a club or a group can too."),
}

# Two of each: with how long it has been ("— about 3 months"), or without (a day or so).
_QUIET_PERSON = N_(
    "It's been a while since you and {name} were in touch. A short message could be enough."
)
_QUIET_PERSON_SPAN = N_(
    "It's been a while since you and {name} were in touch — {span}. A short message could "
    "be enough."
)
_QUIET_GROUP = N_(
    "It's been a while since you were in touch with {name}. Dropping in once could be enough."
)
_QUIET_GROUP_SPAN = N_(
    "It's been a while since you were in touch with {name} — {span}. Dropping in once could "
    "be enough."
)

# Translators: stands for a name in a gap's sentence when the person has none.
_SOMEONE = N_("someone in your network")
# Translators: stands for a group's name in a gap's sentence when it has none.
_A_GROUP = N_("one of your groups")


def find_gaps(
    people: Sequence[Person],
    groups: Sequence[Group],
    stats_by_person: Mapping[int, ContactStats],
    stats_by_group: Mapping[int, ContactStats],
    now: datetime,
    cadence_by_person: Mapping[int, int] | None = None,
    max_quiet: int = 3,
    cadence_by_group: Mapping[int, int] | None = None,
    on_today: Collection[TargetKey] = (),
) -> list[Gap]:
    """The gaps in a network, gentlest framing first, few of them.

    In order: an empty inner circle (nobody, person or group, in it); each kind of support
    nobody gives (crisis first); each kind only one person gives, with no group giving it
    too; then at most ``max_quiet`` people or groups not in touch for much longer than
    their own rhythm (:func:`supportnet.scheduling.rhythm.long_silence`), the longest
    relative to that rhythm first. A flexible plan's ideal interval (``cadence_by_*``) sets
    the rhythm where there is one. ``now`` is aware.

    Whoever Today suggests (``on_today``, ``(kind, id)`` keys: ask
    :func:`supportnet.services.today_cards.on_today`) is not raised here too: no long
    silence is said of them (the next quiet one takes the place), nor that only they give a
    kind of support (a note always shows whoever it is about on the map).
    """
    gaps: list[Gap] = []
    if not any(p.circle == Circle.INNER for p in people) and not any(
        g.circle == Circle.INNER for g in groups
    ):
        gaps.append(Gap(GapKind.EMPTY_INNER_CIRCLE, _(_EMPTY_INNER)))

    today = set(on_today)
    names = _ShortNames(people)
    singles: list[Gap] = []
    for support in _SUPPORT_ORDER:
        givers = [p for p in people if support in p.support_types]
        group_gives = any(support in g.support_types for g in groups)
        if not givers and not group_gives:
            gaps.append(Gap(GapKind.UNCOVERED_SUPPORT, _(_UNCOVERED[support]), support))
        elif len(givers) == 1 and not group_gives and (PERSON, givers[0].id) not in today:
            person = givers[0]
            singles.append(
                Gap(
                    GapKind.SINGLE_SUPPORTER,
                    _opening(_(_SINGLE[support]).format(name=names.of(person))),
                    support,
                    people=_ids(person.id),
                )
            )
    gaps += singles
    gaps += _long_silences(
        people,
        groups,
        names,
        stats_by_person,
        stats_by_group,
        now,
        cadence_by_person or {},
        cadence_by_group or {},
        max(max_quiet, 0),
        today,
    )
    return gaps


def _opening(text: str) -> str:
    """A sentence that opens with a name opens with a capital, "Someone in …" included."""
    return text[:1].upper() + text[1:]


def _long_silences(
    people: Sequence[Person],
    groups: Sequence[Group],
    names: _ShortNames,
    stats_by_person: Mapping[int, ContactStats],
    stats_by_group: Mapping[int, ContactStats],
    now: datetime,
    cadence_by_person: Mapping[int, int],
    cadence_by_group: Mapping[int, int],
    limit: int,
    on_today: Collection[TargetKey],
) -> list[Gap]:
    # (relative due-ness, name, person or group id, its last contact, whether a person)
    quiet: list[tuple[float, str, int, datetime, bool]] = []
    for person in people:
        if person.id is None or (PERSON, person.id) in on_today:
            continue
        found = _silence(stats_by_person, person.id, cadence_by_person, now)
        if found is not None:
            quiet.append((found[0], names.of(person), person.id, found[1], True))
    for group in groups:
        if group.id is None or (GROUP, group.id) in on_today:
            continue
        found = _silence(stats_by_group, group.id, cadence_by_group, now)
        if found is not None:
            name = " ".join(group.name.split()) or _(_A_GROUP)
            quiet.append((found[0], name, group.id, found[1], False))
    quiet.sort(key=lambda item: (-item[0], item[1].casefold(), item[2]))
    gaps = []
    for _dueness, name, item_id, last, is_person in quiet[:limit]:
        span = span_phrase(last, now)
        if span:
            template = _QUIET_PERSON_SPAN if is_person else _QUIET_GROUP_SPAN
        else:
            template = _QUIET_PERSON if is_person else _QUIET_GROUP
        message = _(template).format(name=name, span=span)
        if is_person:
            gaps.append(Gap(GapKind.LONG_SILENCE, message, people=(item_id,)))
        else:
            gaps.append(Gap(GapKind.LONG_SILENCE, message, groups=(item_id,)))
    return gaps


def _silence(
    stats_by: Mapping[int, ContactStats],
    item_id: int,
    cadence_by: Mapping[int, int],
    now: datetime,
) -> tuple[float, datetime] | None:
    """A long silence's relative due-ness and last contact; None if it isn't one."""
    stats = stats_by.get(item_id, NO_CONTACT)
    cadence = cadence_by.get(item_id)
    if stats.last_contact is None or not long_silence(stats, now, cadence):
        return None
    return relative_dueness(stats, now, cadence), stats.last_contact


class _ShortNames:
    """Each person's first name (:attr:`Person.first_name`), or their whole name where two
    share a first name."""

    def __init__(self, people: Sequence[Person]) -> None:
        self._counts = Counter(p.first_name.casefold() for p in people if p.first_name)

    def of(self, person: Person) -> str:
        first = person.first_name
        if first and self._counts[first.casefold()] == 1:
            return first
        return " ".join((person.nickname or person.name).split()) or _(_SOMEONE)


def _ids(item_id: int | None) -> tuple[int, ...]:
    return () if item_id is None else (item_id,)
