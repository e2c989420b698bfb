"""Naming the plan from the network: today's names, ways to reach them, those who left."""

from __future__ import annotations

from dataclasses import replace

from supportnet.model.network import ChannelKind, ContactChannel, Group, Person
from supportnet.model.safety_plan import PlanEntry, SafetyPlan, Step
from supportnet.model.targets import GROUP, PERSON
from supportnet.safety.resolve import channel_text, group_reach, person_reach, resolve

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
