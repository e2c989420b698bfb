"""Naming the plan from the network: today's names, ways to reach them, those who left."""

from __future__ import annotations

from dataclasses import replace

import pytest

from supportnet.model.network import ChannelKind, ContactChannel, Group, Person
from supportnet.model.safety_plan import PlanEntry, SafetyPlan, Step
from supportnet.model.targets import GROUP, PERSON
from supportnet.safety.resolve import (
    LineParts,
    channel_text,
    group_reach,
    line_parts,
    person_reach,
    resolve,
)
from supportnet.safety.wording import NOT_IN_NETWORK

SAM = Person(
    "Sam Rivera",
    id=3,
    channels=[
        ContactChannel(ChannelKind.EMAIL, "sam@example.org"),
        ContactChannel(ChannelKind.CALL, "07700 900123", preferred=True),
    ],
)
WALKERS = Group("Riverside walkers", id=1, place="Park café", link="https://example.org/w")


def _plan(*entries: tuple[Step, PlanEntry]) -> SafetyPlan:
    plan = SafetyPlan()
    for step, entry in entries:
        plan = plan.added(step, entry)
    return plan


def test_a_linked_person_shows_with_their_preferred_way_to_reach_them() -> None:
    plan = _plan((Step.HELPERS, PlanEntry.link(PERSON, SAM.uid, "Sam Rivera", they_know=True)))
    (line,) = resolve(plan, [SAM], []).entries(Step.HELPERS)
    assert (line.name, line.in_network, line.kind, line.target_id) == (
        "Sam Rivera",
        True,
        PERSON,
        3,
    )
    assert line.reach == "Phone call: 07700 900123"
    assert line.entry.they_know


def test_a_renamed_person_shows_their_new_name() -> None:
    plan = _plan((Step.HELPERS, PlanEntry.link(PERSON, SAM.uid, "Sam Rivera")))
    renamed = replace(SAM, name="Samantha Rivera", nickname="Sammy")
    (line,) = resolve(plan, [renamed], []).entries(Step.HELPERS)
    assert line.name == "Sammy"
    assert line.in_network


def test_a_removed_person_keeps_their_name_marked_as_not_in_the_network() -> None:
    plan = _plan((Step.HELPERS, PlanEntry.link(PERSON, SAM.uid, "Sam Rivera")))
    (line,) = resolve(plan, [], []).entries(Step.HELPERS)
    assert (line.name, line.in_network, line.target_id, line.reach) == (
        "Sam Rivera",
        False,
        None,
        "",
    )
    assert line.kind == PERSON


def test_a_uid_is_looked_up_among_its_own_kind_only() -> None:
    # A group that happened to share a person's uid is not that person.
    twin = replace(WALKERS, uid=SAM.uid)
    plan = _plan((Step.HELPERS, PlanEntry.link(PERSON, SAM.uid, "Sam Rivera")))
    (line,) = resolve(plan, [], [twin]).entries(Step.HELPERS)
    assert not line.in_network


def test_a_group_shows_where_it_meets_and_its_link() -> None:
    plan = _plan((Step.DISTRACTIONS, PlanEntry.link(GROUP, WALKERS.uid, "Walkers")))
    (line,) = resolve(plan, [SAM], [WALKERS]).entries(Step.DISTRACTIONS)
    assert (line.name, line.kind, line.target_id) == ("Riverside walkers", GROUP, 1)
    assert line.reach == "Park café, https://example.org/w"


def test_typed_lines_are_shown_as_typed_in_order() -> None:
    plan = _plan(
        (Step.LIVING_FOR, PlanEntry.typed("My niece")),
        (Step.LIVING_FOR, PlanEntry.typed("The sea")),
    )
    view = resolve(plan, [], [])
    assert [(e.name, e.in_network, e.kind, e.reach) for e in view.entries(Step.LIVING_FOR)] == [
        ("My niece", True, None, ""),
        ("The sea", True, None, ""),
    ]
    assert set(view.steps) == set(Step)
    assert view.entries(Step.WARNING_SIGNS) == ()


def test_ways_to_reach_someone_read_as_the_app_words_them() -> None:
    assert channel_text(ContactChannel(ChannelKind.TEXT, "07700 900123")) == (
        "Text message: 07700 900123"
    )
    assert channel_text(ContactChannel(ChannelKind.IN_PERSON)) == "In person"
    # No preferred channel: the first one.
    first = Person("Ada", channels=[ContactChannel(ChannelKind.EMAIL, "ada@example.org")])
    assert person_reach(first) == "Email: ada@example.org"
    assert person_reach(Person("Bo")) == ""
    assert group_reach(Group("Forum", link="https://example.org")) == "https://example.org"
    assert group_reach(Group("Quiet group")) == ""


RUTH = Person(
    "Ruth Adeyemi",
    id=7,
    channels=[
        ContactChannel(ChannelKind.IN_PERSON, "Riverside Wellbeing Centre", preferred=True),
        ContactChannel(ChannelKind.EMAIL, "ruth@example.org"),
        ContactChannel(ChannelKind.CALL, "01632 960442"),
        ContactChannel(ChannelKind.TEXT, "01632 960442"),
        ContactChannel(ChannelKind.TEXT, "07700 900456"),
    ],
)


@pytest.mark.parametrize("step", [Step.HELPERS, Step.PROFESSIONALS])
def test_helpers_and_professionals_show_their_numbers_after_the_preferred_way(
    step: Step,
) -> None:
    """Met "in person", a counsellor still needs a number to ring on a hard day: each
    phone or text number follows, once each."""
    view = resolve(_plan((step, PlanEntry.link(PERSON, RUTH.uid, "Ruth"))), [RUTH], [])
    (line,) = view.entries(step)
    assert line.reach == (
        "In person: Riverside Wellbeing Centre · Phone call: 01632 960442"
        " · Text message: 07700 900456"
    )
    assert line_parts(step, line) == LineParts("Ruth Adeyemi", "", line.reach)


def test_a_preferred_number_is_not_shown_twice() -> None:
    sam = replace(SAM, channels=[*SAM.channels, ContactChannel(ChannelKind.TEXT, "07700 900123")])
    view = resolve(_plan((Step.HELPERS, PlanEntry.link(PERSON, sam.uid, "Sam"))), [sam], [])
    assert view.entries(Step.HELPERS)[0].reach == "Phone call: 07700 900123"


def test_places_to_go_show_only_the_preferred_way() -> None:
    view = resolve(_plan((Step.DISTRACTIONS, PlanEntry.link(PERSON, RUTH.uid, "Ruth"))), [RUTH], [])
    assert view.entries(Step.DISTRACTIONS)[0].reach == "In person: Riverside Wellbeing Centre"


def test_line_parts_mark_those_gone_and_show_no_reach_for_them() -> None:
    plan = _plan(
        (Step.HELPERS, PlanEntry.link(PERSON, "gone", "Bo")),
        (Step.LIVING_FOR, PlanEntry.typed("The sea")),
    )
    view = resolve(plan, [], [])
    gone = line_parts(Step.HELPERS, view.entries(Step.HELPERS)[0])
    assert gone == LineParts("Bo", NOT_IN_NETWORK, "")
    assert gone.title == f"Bo ({NOT_IN_NETWORK})"
    typed = line_parts(Step.LIVING_FOR, view.entries(Step.LIVING_FOR)[0])
    assert (typed.title, typed.reach) == ("The sea", "")
