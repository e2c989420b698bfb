"""Gaps: which are found, in what order, and that every one of them reads as an invitation."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supportnet.model.network import Circle, Group, GroupKind, Person, SupportType
from supportnet.scheduling.gaps import Gap, GapKind, find_gaps
from supportnet.scheduling.rhythm import ContactStats

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
ALL = set(SupportType)
FORBIDDEN = re.compile(
    r"overdue|missed|miss\b|failed|fail\b|neglect|should|must|behind|late\b|!", re.IGNORECASE
)
KIND_ORDER = list(GapKind)

CRISIS_UNCOVERED = (
    "For a very hard day, it can help to know who to call. A person, a crisis line or a "
    "service you trust all count."
)


def _person(pid: int, name: str, *support: SupportType, circle: Circle = Circle.MIDDLE) -> Person:
    return Person(name=name, id=pid, support_types=set(support), circle=circle)


def _group(gid: int, name: str, *support: SupportType, circle: Circle = Circle.OUTER) -> Group:
    return Group(name=name, id=gid, kind=GroupKind.CLUB, support_types=set(support), circle=circle)


def _seen(days_ago: float, typical: float | None = 7.0) -> ContactStats:
    return ContactStats(
        count=10, last_contact=NOW - timedelta(days=days_ago), typical_interval_days=typical
    )


def _gaps(
    people: list[Person],
    groups: list[Group] | None = None,
    stats: Mapping[int, ContactStats] | None = None,
    group_stats: Mapping[int, ContactStats] | None = None,
    **kwargs: object,
) -> list[Gap]:
    return find_gaps(people, groups or [], stats or {}, group_stats or {}, NOW, **kwargs)  # type: ignore[arg-type]


def _kinds(gaps: list[Gap]) -> list[GapKind]:
    return [g.kind for g in gaps]


# --- the empty network and the inner circle --------------------------------------------------


def test_an_empty_network_has_an_empty_inner_circle_and_no_support_yet() -> None:
    gaps = _gaps([])
    assert _kinds(gaps) == [GapKind.EMPTY_INNER_CIRCLE] + [GapKind.UNCOVERED_SUPPORT] * 5
    assert gaps[0].message == (
        "Your inner circle has room for whoever feels close, whenever that happens. A person, "
        "a group or a service that helps you all count."
    )
    assert [g.support_type for g in gaps[1:]] == [
        SupportType.CRISIS,
        SupportType.EMOTIONAL,
        SupportType.PRACTICAL,
        SupportType.INFORMATIONAL,
        SupportType.COMPANIONSHIP,
    ]
    assert gaps[1].message == CRISIS_UNCOVERED
    assert gaps[3].message == (
        "If someone could help with everyday things — a neighbour, a group or a local "
        "service — you could mark them for practical help."
    )
    assert "advice" in gaps[4].message
    assert "company" in gaps[5].message
    assert "emotional support" in gaps[2].message
    assert all(g.people == () and g.groups == () for g in gaps)


def test_anyone_in_the_inner_circle_fills_it() -> None:
    assert GapKind.EMPTY_INNER_CIRCLE not in _kinds(
        _gaps([_person(1, "Sam", *ALL, circle=Circle.INNER)])
    )
    # A group can be that close too (a support group that holds someone up).
    inner_group = _gaps([], [_group(1, "Tuesday group", circle=Circle.INNER)])
    assert GapKind.EMPTY_INNER_CIRCLE not in _kinds(inner_group)
    outer_only = _gaps([_person(1, "Sam", *ALL, circle=Circle.OUTER)], [_group(1, "Club")])
    assert GapKind.EMPTY_INNER_CIRCLE in _kinds(outer_only)


# --- uncovered support and single supporters -------------------------------------------------


def test_one_supporter_of_a_kind_is_named_by_first_name() -> None:
    people = [
        _person(1, "Sam Okafor", SupportType.PRACTICAL, circle=Circle.INNER),
        _person(2, "Ana", SupportType.EMOTIONAL),
        _person(3, "Bo", SupportType.EMOTIONAL),
    ]
    gaps = _gaps(people)
    singles = [g for g in gaps if g.kind is GapKind.SINGLE_SUPPORTER]
    assert singles == [
        Gap(
            GapKind.SINGLE_SUPPORTER,
            "Sam helps with everyday things. A neighbour, a group or a local service can too.",
            SupportType.PRACTICAL,
            people=(1,),
        )
    ]
    uncovered = [g.support_type for g in gaps if g.kind is GapKind.UNCOVERED_SUPPORT]
    assert uncovered == [SupportType.CRISIS, SupportType.INFORMATIONAL, SupportType.COMPANIONSHIP]


def test_a_nickname_is_used_and_shared_first_names_are_told_apart() -> None:
    people = [
        _person(1, "Samuel Reyes", SupportType.CRISIS),
        _person(2, "Sam Lee", SupportType.PRACTICAL),
        _person(3, "Sam Ortiz", SupportType.COMPANIONSHIP),
    ]
    people[0].nickname = "Manny"
    messages = [g.message for g in _gaps(people) if g.kind is GapKind.SINGLE_SUPPORTER]
    assert messages == [
        "Manny is there for you on a very hard day. A crisis line or a service can be there too.",
        "Sam Lee helps with everyday things. A neighbour, a group or a local service can too.",
        "Sam Ortiz keeps you company. A friend, a club or a group can too.",
    ]


def test_a_title_is_not_a_first_name_and_a_nickname_is_kept_whole() -> None:
    people = [
        _person(1, "Dr Farid Rahimi", SupportType.PRACTICAL),
        _person(2, "Siobhan Kelly", SupportType.COMPANIONSHIP),
    ]
    people[1].nickname = "Auntie Shiv"
    messages = [g.message for g in _gaps(people) if g.kind is GapKind.SINGLE_SUPPORTER]
    assert messages == [
        "Farid helps with everyday things. A neighbour, a group or a local service can too.",
        "Auntie Shiv keeps you company. A friend, a club or a group can too.",
    ]


def test_groups_count_as_providers() -> None:
    # The group alone covers practical help; with Sam, Sam isn't the only one.
    gaps = _gaps(
        [_person(1, "Sam", SupportType.PRACTICAL, circle=Circle.INNER)],
        [_group(1, "Food bank", SupportType.PRACTICAL, SupportType.INFORMATIONAL)],
    )
    assert all(g.support_type is not SupportType.PRACTICAL for g in gaps)
    assert all(g.support_type is not SupportType.INFORMATIONAL for g in gaps)
    assert GapKind.SINGLE_SUPPORTER not in _kinds(gaps)
    # One group and nobody else is not a "single supporter": groups aren't named that way.
    only_group = _gaps([], [_group(1, "Crisis line", SupportType.CRISIS)])
    assert SupportType.CRISIS not in {g.support_type for g in only_group}


def test_two_supporters_are_enough() -> None:
    people = [_person(1, "Ana", *ALL, circle=Circle.INNER), _person(2, "Bo", *ALL)]
    assert _gaps(people) == []


# --- long silences ---------------------------------------------------------------------------


def test_a_long_silence_is_named_gently_with_how_long() -> None:
    people = [
        _person(1, "Lucía Fernández", *ALL, circle=Circle.INNER),
        _person(2, "Bo", *ALL),
    ]
    gaps = _gaps(people, stats={1: _seen(100, typical=14), 2: _seen(2)})
    assert gaps == [
        Gap(
            GapKind.LONG_SILENCE,
            "It's been a while since you and Lucía were in touch — about 3 months. A short "
            "message could be enough.",
            people=(1,),
        )
    ]


@pytest.mark.parametrize(
    ("days_ago", "typical", "cadence", "quiet"),
    [
        (20, 7.0, None, False),  # under three weeks is never a silence
        (21, 7.0, None, True),
        (74, 30.0, None, False),  # 2.5 x their monthly rhythm is 75 days
        (75, 30.0, None, True),
        (149, None, None, False),  # no rhythm known: 2.5 x 60 days
        (150, None, None, True),
        (30, 7.0, 14, False),  # the plan's fortnightly rhythm: 35 days
        (35, 7.0, 14, True),
    ],
)
def test_long_silence_thresholds(
    days_ago: float, typical: float | None, cadence: int | None, quiet: bool
) -> None:
    people = [_person(1, "Ana", *ALL, circle=Circle.INNER), _person(2, "Bo", *ALL)]
    cadences = {1: cadence} if cadence else {}
    gaps = _gaps(people, stats={1: _seen(days_ago, typical)}, cadence_by_person=cadences)
    assert (gaps != []) is quiet
    if quiet:
        assert gaps[0].message.startswith("It's been a while since you and Ana were in touch")


def test_never_contacted_people_are_not_a_silence() -> None:
    people = [_person(1, "Ana", *ALL, circle=Circle.INNER), _person(2, "Bo", *ALL)]
    assert _gaps(people) == []


def test_quiet_people_are_capped_and_the_longest_relative_silence_comes_first() -> None:
    people = [_person(1, "Ana", *ALL, circle=Circle.INNER)] + [
        _person(i, name, *ALL) for i, name in enumerate(["Bo", "Cy", "Di", "Ed", "Flo"], start=2)
    ]
    stats = {
        2: _seen(60, typical=7),  # 60 days on a weekly rhythm: due-ness (60-7)/7 = 7.6
        3: _seen(300, typical=90),  # the longest in days, yet only (300-90)/90 = 2.3
        4: _seen(40, typical=2),  # (40-2)/2 = 19
        5: _seen(200, typical=None),  # (200-60)/60 = 2.3
        6: _seen(25, typical=7),  # (25-7)/7 = 2.6
    }
    gaps = _gaps(people, stats=stats)
    assert [g.people for g in gaps] == [(4,), (2,), (6,)]
    assert [g.people for g in _gaps(people, stats=stats, max_quiet=1)] == [(4,)]
    assert _gaps(people, stats=stats, max_quiet=0) == []
    assert len(_gaps(people, stats=stats, max_quiet=10)) == 5


def test_groups_can_go_quiet_too() -> None:
    people = [_person(1, "Ana", *ALL, circle=Circle.INNER), _person(2, "Bo", *ALL)]
    groups = [_group(7, "Tuesday walking group")]
    gaps = _gaps(people, groups, group_stats={7: _seen(60, typical=7)})
    assert gaps == [
        Gap(
            GapKind.LONG_SILENCE,
            "It's been a while since you were in touch with Tuesday walking group — about 2 "
            "months. Dropping in once could be enough.",
            groups=(7,),
        )
    ]
    # A group's own plan sets its rhythm.
    assert _gaps(people, groups, group_stats={7: _seen(60)}, cadence_by_group={7: 30}) == []


# --- whoever Today suggests is raised there, not here too -----------------------------------


def test_someone_on_today_is_not_said_to_be_quiet_and_the_next_takes_the_place() -> None:
    people = [_person(1, "Ana", *ALL, circle=Circle.INNER)] + [
        _person(i, name, *ALL) for i, name in enumerate(["Bo", "Cy", "Di", "Ed"], start=2)
    ]
    stats = {2: _seen(60), 3: _seen(300, typical=90), 4: _seen(40, typical=2), 5: _seen(25)}
    assert [g.people for g in _gaps(people, stats=stats)] == [(4,), (2,), (5,)]
    gaps = _gaps(people, stats=stats, on_today={("person", 4)})
    assert [g.people for g in gaps] == [(2,), (5,), (3,)]
    assert not any("Di" in g.message for g in gaps)
    # A group on Today likewise; a person and a group may share an id.
    groups = [_group(4, "Choir", *ALL)]
    found = _gaps(people, groups, stats, {4: _seen(60)}, on_today={("group", 4)})
    assert not any(g.groups for g in found)
    assert (4,) in [g.people for g in found]


def test_the_one_supporter_on_today_is_left_out_of_the_notes() -> None:
    """Raised on Today, not here too: no note about the support only they give (a note
    that named nobody but still pointed at them would show them on the map)."""
    people = [
        _person(1, "Sam Okafor", SupportType.PRACTICAL, circle=Circle.INNER),
        _person(2, "Ana", SupportType.EMOTIONAL),
        _person(3, "Bo", SupportType.EMOTIONAL),
    ]
    found = _gaps(people, on_today={("person", 1)})
    assert not any(1 in g.people for g in found)
    assert not any(g.kind is GapKind.SINGLE_SUPPORTER for g in found)
    assert not any("Sam" in g.message or "omeone in your network" in g.message for g in found)
    # Someone else on Today changes nothing here.
    assert "Sam helps" in _gaps(people, on_today={("person", 2), ("group", 1)})[-1].message


def test_the_kinds_come_in_order() -> None:
    people = [_person(1, "Ana", SupportType.PRACTICAL), _person(2, "Bo")]
    gaps = _gaps(people, stats={2: _seen(400)})
    assert _kinds(gaps) == [
        GapKind.EMPTY_INNER_CIRCLE,
        GapKind.UNCOVERED_SUPPORT,
        GapKind.UNCOVERED_SUPPORT,
        GapKind.UNCOVERED_SUPPORT,
        GapKind.UNCOVERED_SUPPORT,
        GapKind.SINGLE_SUPPORTER,
        GapKind.LONG_SILENCE,
    ]
    assert gaps[1].support_type is SupportType.CRISIS
    assert "about a year" in gaps[-1].message


# --- properties ------------------------------------------------------------------------------

NAMES = ["Sam", "Lucía Fernández", "Ana", "Bo", "Zoë", "Ming Li", "Sam Lee", "O'Brien", "  "]
GROUP_NAMES = ["Tuesday walking group", "Crisis line", "Choir", ""]

_support = st.sets(st.sampled_from(list(SupportType)))
_circle = st.sampled_from(list(Circle))
_when = st.none() | st.floats(min_value=-30, max_value=3000, allow_nan=False)
_typical = st.none() | st.floats(min_value=0.01, max_value=1000, allow_nan=False)


Network = tuple[
    list[Person],
    list[Group],
    dict[int, ContactStats],
    dict[int, ContactStats],
    dict[int, int],
    int,
]


@st.composite
def _networks(draw: st.DrawFn) -> Network:
    people = [
        Person(
            name=draw(st.sampled_from(NAMES)),
            nickname=draw(st.sampled_from(["", "", "Jo", "Sunny"])),
            id=draw(st.none() | st.just(i)),
            circle=draw(_circle),
            support_types=draw(_support),
        )
        for i in range(draw(st.integers(0, 8)))
    ]
    groups = [
        Group(
            name=draw(st.sampled_from(GROUP_NAMES)),
            id=i,
            circle=draw(_circle),
            support_types=draw(_support),
        )
        for i in range(draw(st.integers(0, 3)))
    ]

    def stats() -> dict[int, ContactStats]:
        out = {}
        for i in range(10):
            days = draw(_when)
            if days is not None:
                out[i] = ContactStats(
                    draw(st.integers(1, 50)), NOW - timedelta(days=days), draw(_typical)
                )
        return out

    cadences = draw(st.dictionaries(st.integers(0, 9), st.integers(-2, 400), max_size=5))
    return people, groups, stats(), stats(), cadences, draw(st.integers(-1, 5))


@settings(max_examples=300, deadline=None)
@given(_networks())
def test_find_gaps_never_raises_and_always_invites(network: Network) -> None:
    people, groups, person_stats, group_stats, cadences, max_quiet = network
    gaps = find_gaps(
        people,
        groups,
        person_stats,
        group_stats,
        NOW,
        cadence_by_person=cadences,
        max_quiet=max_quiet,
        cadence_by_group=cadences,
    )
    for gap in gaps:
        assert FORBIDDEN.search(gap.message) is None, gap.message
        assert gap.message.strip() == gap.message
        assert gap.message[0].isupper()
        assert gap.message.endswith((".", "?"))
        assert "{" not in gap.message
        assert "  " not in gap.message
    order = [KIND_ORDER.index(g.kind) for g in gaps]
    assert order == sorted(order)
    assert sum(g.kind is GapKind.LONG_SILENCE for g in gaps) <= max(max_quiet, 0)
    assert len({g.support_type for g in gaps if g.support_type}) == sum(
        1 for g in gaps if g.support_type
    ), "one note per kind of support at most"
    known = {p.id for p in people}
    assert all(set(g.people) <= known for g in gaps)


def test_the_forbidden_words_check_would_catch_them() -> None:
    for bad in ("You missed Sam", "Overdue: Ana", "You failed to call", "Don't neglect Bo!"):
        assert FORBIDDEN.search(bad)
