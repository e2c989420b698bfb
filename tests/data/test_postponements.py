"""Postponements: "Not today" and "Another day" are kept, replaced, listed and cleared."""

from __future__ import annotations

from datetime import date

import pytest

from supportnet.data.store import Store
from supportnet.model.errors import NotFoundError
from supportnet.model.network import Person
from supportnet.model.plans import Cadence, Plan, PlanKind
from supportnet.scheduling import GATHER_DAYS, Postponement

TODAY = date(2026, 11, 25)


@pytest.fixture
def plan_id(store: Store) -> int:
    person = store.people.add(Person(name="Sam"))
    plan = store.plans.add(
        Plan(kind=PlanKind.FLEXIBLE, start_date=TODAY, person_id=person.id, cadence=Cadence(7, 21))
    )
    assert plan.id is not None
    return plan.id


def test_a_postponement_is_listed_while_it_matters(store: Store, plan_id: int) -> None:
    store.postponements.postpone(Postponement(plan_id, date(2026, 11, 26)))
    assert store.postponements.list_active(TODAY) == [Postponement(plan_id, date(2026, 11, 26))]
    later = date(2026, 11, 26 + GATHER_DAYS)
    assert store.postponements.list_active(later) == [Postponement(plan_id, date(2026, 11, 26))]
    assert store.postponements.list_active(date(2026, 12, 25)) == []


def test_moving_again_replaces_the_earlier_move(store: Store, plan_id: int) -> None:
    store.postponements.postpone(Postponement(plan_id, date(2026, 11, 26)))
    store.postponements.postpone(Postponement(plan_id, date(2026, 11, 30)))
    assert store.postponements.list_active(TODAY) == [Postponement(plan_id, date(2026, 11, 30))]
    occurrence = Postponement(plan_id, date(2026, 12, 2), from_date=date(2026, 11, 29))
    store.postponements.postpone(occurrence)
    assert len(store.postponements.list_active(TODAY)) == 2


def test_clear_and_cascade(store: Store, plan_id: int) -> None:
    store.postponements.postpone(Postponement(plan_id, date(2026, 11, 26)))
    store.postponements.clear(plan_id)
    assert store.postponements.list_active(TODAY) == []
    store.postponements.postpone(Postponement(plan_id, date(2026, 11, 26)))
    store.plans.delete(plan_id)
    assert store.postponements.count() == 0


def test_postponing_a_plan_that_is_gone_is_a_clear_error(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.postponements.postpone(Postponement(4242, date(2026, 11, 26)))
