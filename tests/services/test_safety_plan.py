"""SafetyPlanService: save and undo, the plan named from the network, who to call in a crisis."""

from __future__ import annotations

from typing import Any

import pytest

from supportnet.model.errors import ValidationError
from supportnet.model.network import (
    ChannelKind,
    Circle,
    ContactChannel,
    Group,
    Person,
    SupportType,
)
from supportnet.model.safety_plan import PlanEntry, SafetyPlan, Step
from supportnet.model.targets import GROUP, PERSON
from supportnet.services import Services
from supportnet.services.safety_plan import CrisisContact

CRISIS = {SupportType.CRISIS}


@pytest.fixture
def services(store: Any) -> Services:
    return Services.of(store)


def _texts(plan: SafetyPlan, step: Step) -> list[str]:
    return [e.text for e in plan.entries(step)]


def test_save_returns_the_plan_before_so_saving_that_undoes_it(services: Services) -> None:
    plans = services.safety_plan
    assert plans.read().is_empty
    first = SafetyPlan().added(Step.ON_MY_OWN, PlanEntry.typed("A walk"))
    assert plans.save(first).is_empty
    second = first.added(Step.ON_MY_OWN, PlanEntry.typed("Music")).moved(Step.ON_MY_OWN, 1, 0)
    previous = plans.save(second)
    assert _texts(previous, Step.ON_MY_OWN) == ["A walk"]
    assert _texts(plans.read(), Step.ON_MY_OWN) == ["Music", "A walk"]
    # Undo, then redo.
    undone_from = plans.save(previous)
    assert _texts(plans.read(), Step.ON_MY_OWN) == ["A walk"]
    plans.save(undone_from)
    assert _texts(plans.read(), Step.ON_MY_OWN) == ["Music", "A walk"]


def test_a_plan_that_does_not_fit_is_refused_and_nothing_changes(services: Services) -> None:
    plans = services.safety_plan
    plans.save(SafetyPlan().added(Step.ON_MY_OWN, PlanEntry.typed("A walk")))
    with pytest.raises(ValidationError):
        plans.save(SafetyPlan().added(Step.ON_MY_OWN, PlanEntry.typed(" ")))
    assert _texts(plans.read(), Step.ON_MY_OWN) == ["A walk"]


def test_the_view_names_links_as_the_network_is_now(services: Services) -> None:
    sam = services.people.add(
        Person("Sam Rivera", channels=[ContactChannel(ChannelKind.CALL, "07700 900123")])
    )
    walkers = services.groups.add(Group("Riverside walkers", place="Park café"))
    services.safety_plan.save(
        SafetyPlan()
        .added(Step.HELPERS, PlanEntry.link(PERSON, sam.uid, "Sam Rivera", they_know=True))
        .added(Step.DISTRACTIONS, PlanEntry.link(GROUP, walkers.uid, "Walkers"))
        .added(Step.DISTRACTIONS, PlanEntry.typed("The library"))
    )
    sam.name = "Samantha Rivera"
    services.people.update(sam)
    view = services.safety_plan.view()
    (helper,) = view.entries(Step.HELPERS)
    assert (helper.name, helper.target_id, helper.reach) == (
        "Samantha Rivera",
        sam.id,
        "Phone call: 07700 900123",
    )
    assert helper.entry.they_know
    assert [(e.name, e.kind, e.reach) for e in view.entries(Step.DISTRACTIONS)] == [
        ("Riverside walkers", GROUP, "Park café"),
        ("The library", None, ""),
    ]


def test_saving_brings_the_stored_names_up_to_date(services: Services) -> None:
    sam = services.people.add(Person("Sam Rivera"))
    plan = SafetyPlan().added(Step.HELPERS, PlanEntry.link(PERSON, sam.uid, "Sam Rivera"))
    services.safety_plan.save(plan)
    sam.name = "Samantha Rivera"
    services.people.update(sam)
    services.safety_plan.save(services.safety_plan.read())
    assert _texts(services.safety_plan.read(), Step.HELPERS) == ["Samantha Rivera"]


def test_someone_taken_out_stays_named_and_links_again_when_brought_back(
    services: Services,
) -> None:
    sam = services.people.add(Person("Sam Rivera"))
    assert sam.id is not None
    services.safety_plan.save(
        SafetyPlan().added(Step.HELPERS, PlanEntry.link(PERSON, sam.uid, "Sam Rivera"))
    )
    removed = services.people.remove(sam.id)
    (gone,) = services.safety_plan.view().entries(Step.HELPERS)
    assert (gone.name, gone.in_network, gone.target_id) == ("Sam Rivera", False, None)
    # Saving meanwhile keeps the line and its name as they were.
    services.safety_plan.save(services.safety_plan.read())
    back = services.people.restore(removed)
    (line,) = services.safety_plan.view().entries(Step.HELPERS)
    assert (line.name, line.in_network, line.target_id) == ("Sam Rivera", True, back.id)


def test_crisis_people_inner_circle_first_then_by_name(services: Services) -> None:
    add = services.people.add
    add(Person("Zoe", circle=Circle.INNER, support_types=CRISIS))
    add(Person("Ada", circle=Circle.OUTER, support_types=CRISIS))
    add(Person("bo", circle=Circle.MIDDLE, support_types=CRISIS))
    add(Person("Cy", circle=Circle.INNER, support_types=CRISIS, nickname="Ace"))
    add(Person("Dee", circle=Circle.INNER, support_types={SupportType.EMOTIONAL}))
    people = services.safety_plan.crisis_people()
    assert [(c.name, c.circle) for c in people] == [
        ("Ace", Circle.INNER),
        ("Zoe", Circle.INNER),
        ("bo", Circle.MIDDLE),
        ("Ada", Circle.OUTER),
    ]
    assert all(isinstance(c, CrisisContact) for c in people)


def test_crisis_people_are_reached_their_preferred_way_else_their_first(
    services: Services,
) -> None:
    ada = services.people.add(
        Person(
            "Ada",
            support_types=CRISIS,
            channels=[
                ContactChannel(ChannelKind.EMAIL, "ada@example.org"),
                ContactChannel(ChannelKind.TEXT, "07700 900001", preferred=True),
            ],
        )
    )
    services.people.add(
        Person(
            "Bo",
            support_types=CRISIS,
            channels=[
                ContactChannel(ChannelKind.CALL, "0123"),
                ContactChannel(ChannelKind.EMAIL, "bo@example.org"),
            ],
        )
    )
    services.people.add(Person("Cy", support_types=CRISIS))
    by_name = {c.name: c for c in services.safety_plan.crisis_people()}
    assert by_name["Ada"] == CrisisContact(
        ada.id or 0, ada.uid, "Ada", Circle.MIDDLE, "Text message: 07700 900001"
    )
    assert by_name["Bo"].reach == "Phone call: 0123"
    assert by_name["Cy"].reach == ""


def test_crisis_people_read_the_store_once_whatever_the_size(
    services: Services, store: Any
) -> None:
    # Many people, few of them okay in a crisis: one query, not a read of everyone.
    for n in range(60):
        services.people.add(
            Person(
                f"Person {n:02}",
                support_types=CRISIS if n % 20 == 0 else set(),
                channels=[ContactChannel(ChannelKind.CALL, f"0{n}")],
            )
        )
    calls: list[str] = []
    execute = store.db.execute

    def counting(sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        calls.append(sql)
        return execute(sql, params)

    store.db.execute = counting
    try:
        people = services.safety_plan.crisis_people()
    finally:
        del store.db.execute
    assert [c.name for c in people] == ["Person 00", "Person 20", "Person 40"]
    assert len(calls) == 1


def test_someone_renamed_then_taken_out_keeps_their_new_name(services: Services) -> None:
    """Renamed without the plan being saved again, then removed: the plan keeps the name
    they had last, not the one from the plan's last save."""
    sam = services.people.add(Person("Sam Rivera"))
    walkers = services.groups.add(Group("Walkers"))
    assert sam.id is not None
    assert walkers.id is not None
    services.safety_plan.save(
        SafetyPlan()
        .added(Step.HELPERS, PlanEntry.link(PERSON, sam.uid, "Sam Rivera"))
        .added(Step.DISTRACTIONS, PlanEntry.link(GROUP, walkers.uid, "Walkers"))
    )
    sam.name = "Samantha Rivera"
    services.people.update(sam)
    walkers.name = "River walkers"
    services.groups.update(walkers)
    services.people.remove(sam.id)
    services.groups.remove(walkers.id)
    view = services.safety_plan.view()
    (helper,) = view.entries(Step.HELPERS)
    (group,) = view.entries(Step.DISTRACTIONS)
    assert (helper.name, helper.in_network) == ("Samantha Rivera", False)
    assert (group.name, group.in_network) == ("River walkers", False)


def test_a_rename_writes_the_name_the_plan_shows(services: Services) -> None:
    """A nickname is what the plan calls them; other lines are left as they were."""
    sam = services.people.add(Person("Sam Rivera"))
    ana = services.people.add(Person("Ana"))
    services.safety_plan.save(
        SafetyPlan()
        .added(Step.HELPERS, PlanEntry.link(PERSON, sam.uid, "Sam Rivera"))
        .added(Step.HELPERS, PlanEntry.link(PERSON, ana.uid, "Ana"))
        .added(Step.LIVING_FOR, PlanEntry.typed("Sam Rivera"))
    )
    sam.nickname = "Sammy"
    services.people.update(sam)
    plan = services.safety_plan.read()
    assert _texts(plan, Step.HELPERS) == ["Sammy", "Ana"]
    assert _texts(plan, Step.LIVING_FOR) == ["Sam Rivera"]
