"""Every undo step, and every forward step that writes more than one row, is one transaction.

A real trigger makes the step's last write fail inside SQLite; the whole store must then be
exactly as it was before the step (every row of every table). Were a step split into two
transactions again, the first would stay committed and the dumps would differ.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

import pytest

from supportnet.model.checkins import CheckIn
from supportnet.model.network import Circle, LifeDomain, Person
from supportnet.model.plans import Cadence, Frequency, Plan, PlanKind, Recurrence
from supportnet.model.targets import PERSON
from supportnet.scheduling import Postponement
from supportnet.services import Services
from tests.services.atomic import INJECTED, dump, failing, split_writes

AT = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


class World:
    """Sam, with tags, a flexible plan that is postponed and a weekly plan with a skip."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self.services = services = Services.of(store)
        self.sam = services.people.add(Person("Sam Rivera", tags=["walks", "garden"]))
        assert self.sam.id is not None
        self.flexible = services.plans.add(
            Plan(
                kind=PlanKind.FLEXIBLE,
                start_date=date(2026, 11, 1),
                person_id=self.sam.id,
                cadence=Cadence(7, 21),
            )
        )
        self.weekly = services.plans.add(
            Plan(
                kind=PlanKind.FIXED,
                start_date=date(2026, 11, 2),
                person_id=self.sam.id,
                timezone="Europe/London",
                window_start=time(18, 0),
                window_end=time(18, 30),
                recurrence=Recurrence(
                    Frequency.WEEKLY, weekdays={0}, skips={date(2026, 11, 9), date(2026, 11, 16)}
                ),
            )
        )
        assert self.flexible.id is not None
        self.postponed = Postponement(self.flexible.id, date(2026, 11, 30))
        services.postponements.postpone(self.postponed)

    def check_in(self) -> CheckIn:
        return CheckIn(at=AT, person_id=self.sam.id, plan_id=self.flexible.id, note="A walk")


@pytest.fixture
def world(store: Any) -> World:
    return World(store)


def _fails_and_changes_nothing(store: Any, when: str, table: str, step: Any) -> None:
    before = dump(store)
    with failing(store, when, table), pytest.raises(Exception, match=INJECTED):
        step()
    assert dump(store) == before


# --- plans ----------------------------------------------------------------------------------


def test_bringing_a_deleted_plan_back_is_all_or_nothing(world: World) -> None:
    plans = world.services.plans
    world.services.checkins.add_back(world.check_in())  # linked to the plan, no clearing
    bundle = plans.remove(world.flexible)
    assert bundle.linked
    assert bundle.postponements
    # Its postponements go back last (after the plan row and its check-in links).
    _fails_and_changes_nothing(
        world.store, "INSERT", "plan_postponements", lambda: plans.restore(bundle)
    )
    back = plans.restore(bundle)  # and with nothing in the way, all of it comes back
    assert back.uid == world.flexible.uid
    assert world.services.checkins.for_person(world.sam.id)[0].plan_id == back.id
    assert world.services.postponements.list_active(date(2026, 11, 25)) == [
        Postponement(back.id, date(2026, 11, 30))
    ]


def test_deleting_a_plan_is_all_or_nothing(world: World) -> None:
    plans = world.services.plans
    world.services.checkins.add_back(world.check_in())
    # The delete unlinks the plan's check-ins (ON DELETE SET NULL) after dropping the row.
    _fails_and_changes_nothing(
        world.store, "UPDATE", "checkins", lambda: plans.remove(world.flexible)
    )


def test_changing_a_plan_and_its_skips_is_all_or_nothing(world: World) -> None:
    after = world.services.plans.get(world.weekly.id)
    assert after.recurrence is not None
    after.recurrence.skips = {date(2026, 11, 23)}
    after.title = "Monday call"
    # The new skips are written after the plan row (and its SEQUENCE) changed.
    _fails_and_changes_nothing(
        world.store, "INSERT", "plan_skips", lambda: world.services.plans.update(after)
    )
    saved = world.services.plans.update(after)
    assert saved.sequence == world.weekly.sequence + 1


def test_a_plan_is_changed_by_uid_after_an_undo_gave_it_a_new_id(world: World) -> None:
    plans = world.services.plans
    bundle = plans.remove(world.weekly)
    # Added in the meantime, it takes the deleted plan's id; the plan comes back with another.
    blocker = plans.add(
        Plan(kind=PlanKind.ONE_OFF, start_date=date(2026, 12, 1), person_id=world.sam.id)
    )
    back = plans.restore(bundle)
    assert blocker.id == world.weekly.id != back.id
    stale = world.weekly  # what an older command still holds
    stale.title = "Monday call"
    assert plans.update(stale).id == back.id
    assert plans.get(back.id).title == "Monday call"
    assert plans.get(blocker.id).title == ""


# --- check-ins ------------------------------------------------------------------------------


def test_logging_a_check_in_is_all_or_nothing(world: World) -> None:
    checkins = world.services.checkins
    # Logging clears the plan's postponements after adding the check-in.
    _fails_and_changes_nothing(
        world.store, "DELETE", "plan_postponements", lambda: checkins.log(world.check_in())
    )


def test_unlogging_a_check_in_is_all_or_nothing(world: World) -> None:
    checkins = world.services.checkins
    logged = checkins.log(world.check_in())
    assert logged.cleared == (world.postponed,)
    # The cleared postponements go back after the check-in is taken out.
    _fails_and_changes_nothing(
        world.store, "INSERT", "plan_postponements", lambda: checkins.unlog(logged)
    )


def test_changing_a_check_in_back_is_all_or_nothing(world: World) -> None:
    checkins = world.services.checkins
    before = checkins.add_back(world.check_in())
    after = checkins.update(CheckIn(**{**_fields(before), "note": "A long walk"}))
    assert after.note == "A long walk"
    _fails_and_changes_nothing(world.store, "UPDATE", "checkins", lambda: checkins.update(before))


def test_a_check_in_changed_back_after_its_plan_went_comes_back_unlinked(world: World) -> None:
    checkins = world.services.checkins
    before = checkins.add_back(world.check_in())
    world.services.plans.remove(world.flexible)
    again = checkins.update(before)  # the old values name the plan that has gone
    assert again.plan_id is None
    assert again.uid == before.uid


def test_deleting_a_check_in_and_adding_it_back_are_each_all_or_nothing(world: World) -> None:
    checkins = world.services.checkins
    logged = checkins.add_back(world.check_in())
    _fails_and_changes_nothing(world.store, "DELETE", "checkins", lambda: checkins.delete(logged))
    gone = checkins.delete(logged)
    _fails_and_changes_nothing(world.store, "INSERT", "checkins", lambda: checkins.add_back(gone))
    back = checkins.add_back(gone)
    assert (back.uid, back.note, back.plan_id) == (logged.uid, "A walk", world.flexible.id)


# --- postponements --------------------------------------------------------------------------


def test_postponing_and_putting_back_are_each_all_or_nothing(world: World) -> None:
    postponements = world.services.postponements
    later = Postponement(world.flexible.id, date(2026, 12, 3))
    # Postponing again replaces the earlier move: a delete, then the insert.
    _fails_and_changes_nothing(
        world.store, "INSERT", "plan_postponements", lambda: postponements.postpone(later)
    )
    before = postponements.postpone(later)
    assert before == (world.postponed,)
    _fails_and_changes_nothing(
        world.store,
        "INSERT",
        "plan_postponements",
        lambda: postponements.put_back(world.flexible.id, before),
    )


# --- people and groups ----------------------------------------------------------------------


def test_bringing_someone_back_is_all_or_nothing(world: World) -> None:
    network = world.services.network
    world.services.checkins.add_back(world.check_in())
    removed = network.remove(PERSON, world.sam.id)
    # Their check-ins go back after them and their plans.
    _fails_and_changes_nothing(world.store, "INSERT", "checkins", lambda: network.restore(removed))
    back = network.restore(removed)
    assert back.uid == world.sam.uid
    assert len(world.services.plans.for_person(back.id)) == 2


def test_moving_someone_back_is_all_or_nothing(world: World) -> None:
    network = world.services.network
    moved = network.move(PERSON, world.sam.id, Circle.INNER, LifeDomain.FAMILY)
    assert moved is not None
    # Storing a person writes their tags again after their own row.
    _fails_and_changes_nothing(
        world.store,
        "UPDATE",
        "person_tags",
        lambda: network.place(PERSON, world.sam.id, moved.before),
    )


def _fields(checkin: CheckIn) -> dict[str, Any]:
    return {name: getattr(checkin, name) for name in CheckIn.__dataclass_fields__}


def test_these_checks_catch_a_step_split_into_several_transactions(world: World) -> None:
    checkins = world.services.checkins
    logged = checkins.log(world.check_in())
    before = dump(world.store)
    with (
        split_writes(world.store),
        failing(world.store, "INSERT", "plan_postponements"),
        pytest.raises(Exception, match=INJECTED),
    ):
        checkins.unlog(logged)
    assert dump(world.store) != before  # the check-in went; its postponements did not return
