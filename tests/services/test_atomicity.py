"""Every undo step, and every forward step that writes more than one row, is one transaction.

A real trigger makes the step's last write fail inside SQLite; the whole store must then be
exactly as it was before the step (every row of every table). Were a step split into two
transactions again, the first would stay committed and the dumps would differ.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time
from typing import Any

import pytest

from supportnet.model.care import ME, CareTeam, RotaSlot, SlotSwap
from supportnet.model.checkins import CheckIn
from supportnet.model.errors import ValidationError
from supportnet.model.network import Circle, LifeDomain, Person
from supportnet.model.plans import Cadence, Frequency, Plan, PlanKind, Recurrence
from supportnet.model.safety_plan import PlanEntry, SafetyPlan, Step
from supportnet.model.settings import Settings
from supportnet.model.targets import PERSON
from supportnet.scheduling import Postponement
from supportnet.services import Services
from tests.services.atomic import INJECTED, dump, failing, meanwhile, split_writes

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


def _fails_and_changes_nothing(store: Any, when: str, table: str, step: Any, row: str = "") -> None:
    before = dump(store)
    with failing(store, when, table, row), pytest.raises(Exception, match=INJECTED):
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


def test_taking_someone_out_is_all_or_nothing(world: World) -> None:
    network = world.services.network
    world.services.checkins.add_back(world.check_in())
    # Deleting the person takes their plans and check-ins with them (ON DELETE CASCADE).
    _fails_and_changes_nothing(
        world.store, "DELETE", "checkins", lambda: network.remove(PERSON, world.sam.id)
    )


def test_taking_someone_out_reads_what_it_deletes_in_the_same_transaction(
    world: World,
) -> None:
    network = world.services.network
    with meanwhile(world.store, lambda: _retitle(world, "Monday call")):
        removed = network.remove(PERSON, world.sam.id)
    back = network.restore(removed)
    # The undo brings back the plan as it was deleted, not as it was a moment before.
    assert [p.title for p in world.services.plans.for_person(back.id)] == ["", "Monday call"]


def test_changing_someone_and_back_are_each_all_or_nothing(world: World) -> None:
    """An edit writes the person's row, then their tags: the tags' insert fails last."""
    network = world.services.network
    before = world.services.people.get(world.sam.id)
    after = replace(before, name="Sam R.", tags=["walks", "cooking"], notes="Moved house")
    _fails_and_changes_nothing(world.store, "INSERT", "person_tags", lambda: network.update(after))
    saved = network.update(after)
    assert (saved.name, sorted(saved.tags)) == ("Sam R.", ["cooking", "walks"])
    _fails_and_changes_nothing(world.store, "INSERT", "person_tags", lambda: network.update(before))
    with split_writes(world.store):
        # Committed statement by statement, the same failure leaves half a change behind.
        state = dump(world.store)
        with (
            failing(world.store, "INSERT", "person_tags"),
            pytest.raises(Exception, match=INJECTED),
        ):
            network.update(before)
        assert dump(world.store) != state


def test_a_rename_and_the_plan_s_name_for_them_are_one_transaction(world: World) -> None:
    """The person's row and the plan's links to them change together, or neither does."""
    plans = world.services.safety_plan
    plans.save(
        SafetyPlan().added(Step.HELPERS, PlanEntry.link(PERSON, world.sam.uid, "Sam Rivera"))
    )
    renamed = replace(world.services.people.get(world.sam.id), name="Samantha Rivera")
    update = lambda: world.services.people.update(renamed)  # noqa: E731
    # The plan's line is written last: its failure must undo the person's new name too.
    _fails_and_changes_nothing(world.store, "UPDATE", "safety_plan_entries", update)
    assert world.services.people.get(world.sam.id).name == "Sam Rivera"
    update()
    assert [e.text for e in plans.read().entries(Step.HELPERS)] == ["Samantha Rivera"]


def test_moving_someone_and_back_are_each_all_or_nothing(world: World) -> None:
    network = world.services.network
    _fails_and_changes_nothing(
        world.store,
        "UPDATE",
        "people",
        lambda: network.move(PERSON, world.sam.id, Circle.INNER, LifeDomain.FAMILY),
    )
    moved = network.move(PERSON, world.sam.id, Circle.INNER, LifeDomain.FAMILY)
    assert moved is not None
    _fails_and_changes_nothing(
        world.store,
        "UPDATE",
        "people",
        lambda: network.place(PERSON, world.sam.id, moved.before),
    )


def test_moving_someone_changes_their_place_and_nothing_else(world: World) -> None:
    network = world.services.network
    with meanwhile(world.store, lambda: _elsewhere(world, Circle.OUTER, "Likes calls")):
        moved = network.move(PERSON, world.sam.id, Circle.INNER, LifeDomain.FAMILY)
    assert moved is not None
    # What the undo puts back is the place the move replaced, read in the same transaction.
    assert moved.before == (Circle.OUTER, world.sam.domain)
    sam = world.services.people.get(world.sam.id)
    assert (sam.circle, sam.domain, sam.notes) == (Circle.INNER, LifeDomain.FAMILY, "Likes calls")
    assert network.move(PERSON, world.sam.id, Circle.INNER, LifeDomain.FAMILY) is None


# --- settings -------------------------------------------------------------------------------


def test_changing_settings_is_all_or_nothing(world: World) -> None:
    settings = world.services.settings
    settings.save(Settings())  # every setting stored, so a change is an UPDATE of its row
    # The settings are written in their own order: keep_in_tray comes last.
    _fails_and_changes_nothing(
        world.store,
        "UPDATE",
        "settings",
        lambda: settings.update(suggestions_per_day=5, keep_in_tray=True),
        row="NEW.key = 'keep_in_tray'",
    )
    after = settings.update(suggestions_per_day=5, keep_in_tray=True)
    assert (after.suggestions_per_day, after.keep_in_tray) == (5, True)
    assert settings.load() == after


def test_changing_a_setting_keeps_what_changed_meanwhile(world: World) -> None:
    settings = world.services.settings
    settings.save(Settings())
    with meanwhile(world.store, lambda: _reminders_off(world)):
        after = settings.update(low_energy_until=date(2026, 12, 2))
    assert (after.low_energy_until, after.reminders_enabled) == (date(2026, 12, 2), False)
    assert settings.load() == after


def test_a_setting_that_does_not_fit_changes_nothing(world: World) -> None:
    settings = world.services.settings
    before = dump(world.store)
    with pytest.raises(ValidationError):
        settings.update(low_energy_until=date(2026, 12, 2), suggestions_per_day=0)
    with pytest.raises(TypeError):
        settings.update(low_energy=date(2026, 12, 2))
    assert dump(world.store) == before


# --- the plan for hard days -------------------------------------------------------------------


def _hard_day_plan(world: World) -> SafetyPlan:
    return (
        SafetyPlan()
        .added(Step.WARNING_SIGNS, PlanEntry.typed("Not answering messages"))
        .added(Step.HELPERS, PlanEntry.link(PERSON, world.sam.uid, "Sam", they_know=True))
        .added(Step.LIVING_FOR, PlanEntry.typed("My niece"))
        .added(Step.LIVING_FOR, PlanEntry.typed("The sea"))
    )


#: The last line a save writes: lines are written step by step, in order.
_LAST_LINE = "NEW.step = 'living_for' AND NEW.position = 2"


def test_saving_the_plan_and_undoing_it_are_each_all_or_nothing(world: World) -> None:
    plans = world.services.safety_plan
    first = _hard_day_plan(world)
    plans.save(first)
    changed = first.moved(Step.LIVING_FOR, 1, 0).added(Step.LIVING_FOR, PlanEntry.typed("Tea"))
    _fails_and_changes_nothing(
        world.store, "INSERT", "safety_plan_entries", lambda: plans.save(changed), row=_LAST_LINE
    )
    previous = plans.save(changed)
    assert [e.text for e in previous.entries(Step.LIVING_FOR)] == ["My niece", "The sea"]
    # Undo is saving the plan as it was; it too is one transaction.
    undo_row = "NEW.step = 'living_for' AND NEW.position = 1"
    _fails_and_changes_nothing(
        world.store, "INSERT", "safety_plan_entries", lambda: plans.save(previous), row=undo_row
    )
    plans.save(previous)
    assert [e.text for e in plans.read().entries(Step.LIVING_FOR)] == ["My niece", "The sea"]


def test_these_checks_catch_a_plan_saved_in_several_transactions(world: World) -> None:
    plans = world.services.safety_plan
    plans.save(_hard_day_plan(world))
    changed = _hard_day_plan(world).added(Step.LIVING_FOR, PlanEntry.typed("Tea"))
    before = dump(world.store)
    with (
        split_writes(world.store),
        failing(world.store, "INSERT", "safety_plan_entries", _LAST_LINE),
        pytest.raises(Exception, match=INJECTED),
    ):
        plans.save(changed)
    assert dump(world.store) != before  # the old lines were deleted and stayed deleted


def _retitle(world: World, title: str) -> None:
    """Another window renames Sam's weekly plan."""
    world.store.db.execute("UPDATE plans SET title = ? WHERE id = ?", (title, world.weekly.id))


def _elsewhere(world: World, circle: Circle, notes: str) -> None:
    """Another window moves Sam and changes their notes."""
    world.store.db.execute(
        "UPDATE people SET circle = ?, notes = ? WHERE id = ?",
        (circle.value, notes, world.sam.id),
    )


def _reminders_off(world: World) -> None:
    """Another window (or the tray) turns reminders off."""
    world.store.db.execute("UPDATE settings SET value = 'false' WHERE key = 'reminders_enabled'")


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


def test_these_checks_catch_settings_changed_in_several_transactions(world: World) -> None:
    settings = world.services.settings
    settings.save(Settings())
    before = dump(world.store)
    with (
        split_writes(world.store),
        failing(world.store, "UPDATE", "settings", "NEW.key = 'keep_in_tray'"),
        pytest.raises(Exception, match=INJECTED),
    ):
        settings.update(suggestions_per_day=5, keep_in_tray=True)
    assert dump(world.store) != before  # suggestions_per_day stayed changed


def test_these_checks_catch_a_read_before_the_write_transaction(world: World) -> None:
    """The steps as they were: read first, then write in a transaction of their own."""
    store, people, settings = world.store, world.store.people, world.services.settings
    with meanwhile(store, lambda: _retitle(world, "Monday call")):
        bundle = people.bundle(world.sam.id)
        people.delete(world.sam.id)
    back = people.restore(bundle)
    assert "Monday call" not in [p.title for p in world.services.plans.for_person(back.id)]

    with meanwhile(store, lambda: _elsewhere(world, Circle.OUTER, "Likes calls")):
        sam = people.get(back.id)
        sam.circle, sam.domain = Circle.INNER, LifeDomain.FAMILY
        people.update(sam)
    assert people.get(back.id).notes == ""  # the other window's notes were written over

    settings.save(Settings())
    with meanwhile(store, lambda: _reminders_off(world)):
        loaded = settings.load()
        loaded.low_energy_until = date(2026, 12, 2)
        settings.save(loaded)
    assert settings.load().reminders_enabled  # the other window's change was written over


# --- care teams -------------------------------------------------------------------------------


def _care_team(world: World) -> CareTeam:
    """Sam's team: the user weekly with one date left open, and a second slot open."""
    weekly = Plan(
        kind=PlanKind.FIXED,
        start_date=date(2026, 11, 2),
        timezone="Europe/London",
        window_start=time(19),
        recurrence=Recurrence(Frequency.WEEKLY, weekdays={0}, skips={date(2026, 11, 9)}),
    )
    flexible = Plan(kind=PlanKind.FLEXIBLE, start_date=date(2026, 11, 2), cadence=Cadence(3, 5))
    return CareTeam(
        name="Around Sam",
        focus=world.sam.uid,
        supporters=[ME],
        slots=[RotaSlot(weekly, ME), RotaSlot(flexible)],
        swaps=[SlotSwap(weekly.uid, date(2026, 11, 16), None)],
    )


def test_saving_a_care_team_and_undoing_it_are_each_all_or_nothing(world: World) -> None:
    teams = world.services.care_teams
    team = _care_team(world)
    # The swap is the last row a save writes.
    _fails_and_changes_nothing(world.store, "INSERT", "rota_swaps", lambda: teams.save(team))
    assert teams.save(team) is None
    changed = teams.get(team.uid)
    changed.name = "Sam's people"
    changed.slots.reverse()
    _fails_and_changes_nothing(world.store, "INSERT", "rota_swaps", lambda: teams.save(changed))
    previous = teams.save(changed)
    assert previous is not None
    # Undo is saving the team as it was; it too is one transaction.
    _fails_and_changes_nothing(world.store, "INSERT", "rota_swaps", lambda: teams.save(previous))
    teams.save(previous)
    back = teams.get(team.uid)
    assert (back.name, [s.uid for s in back.slots]) == ("Around Sam", [s.uid for s in team.slots])


def test_removing_a_care_team_and_bringing_it_back_are_each_all_or_nothing(world: World) -> None:
    teams = world.services.care_teams
    teams.save(_care_team(world))
    (team,) = teams.list()
    _fails_and_changes_nothing(world.store, "DELETE", "rota_swaps", lambda: teams.remove(team.uid))
    removed = teams.remove(team.uid)
    _fails_and_changes_nothing(world.store, "INSERT", "rota_swaps", lambda: teams.restore(removed))
    assert teams.restore(removed) == team


def test_these_checks_catch_a_care_team_saved_in_several_transactions(world: World) -> None:
    teams = world.services.care_teams
    team = _care_team(world)
    teams.save(team)
    changed = teams.get(team.uid)
    changed.name = "Sam's people"
    before = dump(world.store)
    with (
        split_writes(world.store),
        failing(world.store, "INSERT", "rota_swaps"),
        pytest.raises(Exception, match=INJECTED),
    ):
        teams.save(changed)
    assert dump(world.store) != before  # the old team was deleted and stayed deleted
