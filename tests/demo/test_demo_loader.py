"""Loading the example network into a real store, and clearing it again."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from supportnet.data.repositories.checkins import CheckInsRepository
from supportnet.data.store import Counts, Store
from supportnet.demo.common import HISTORY_DAYS
from supportnet.demo.loader import clear_network, load_demo
from supportnet.model.errors import SupportNetError
from supportnet.model.settings import Settings

TODAY = date(2026, 11, 25)
ZONE = "Europe/London"


@pytest.fixture
def demo_store(store: Store) -> tuple[Store, Counts]:
    return store, load_demo(store, TODAY, ZONE)


def test_the_example_network_fills_an_empty_store(demo_store: tuple[Store, Counts]) -> None:
    store, counts = demo_store
    assert counts == store.counts()
    assert 24 <= counts.people <= 26
    assert counts.groups == 3
    assert 11 <= counts.plans <= 14
    assert 150 <= counts.checkins <= 900
    assert store.integrity_problems() == []


def test_every_plan_and_check_in_points_at_a_saved_target(
    demo_store: tuple[Store, Counts],
) -> None:
    store, _counts = demo_store
    people = {p.id for p in store.people.list_all()}
    groups = {g.id for g in store.groups.list_all()}
    for plan in store.plans.list_all():
        assert (plan.person_id in people) != (plan.group_id in groups), plan.title
    total = 0
    for person_id in people:
        total += len(store.checkins.for_person(person_id))  # type: ignore[arg-type]
    for group_id in groups:
        total += len(store.checkins.for_group(group_id))  # type: ignore[arg-type]
    assert total == store.checkins.count()


def test_the_history_lies_in_the_past_half_year(demo_store: tuple[Store, Counts]) -> None:
    store, _counts = demo_store
    midnight = datetime.combine(TODAY, time(0), tzinfo=ZoneInfo(ZONE))
    last = store.checkins.last_contact_by_person() | store.checkins.last_contact_by_group()
    assert last
    for moment in last.values():
        assert moment.tzinfo is UTC
        assert moment < midnight
        assert (midnight - moment).days <= HISTORY_DAYS


def test_the_example_network_goes_only_into_an_empty_store(
    demo_store: tuple[Store, Counts],
) -> None:
    store, counts = demo_store
    with pytest.raises(SupportNetError, match="empty"):
        load_demo(store, TODAY, ZONE)
    assert store.counts() == counts


def test_a_load_that_fails_halfway_leaves_the_store_empty(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(_self: object, _checkins: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(CheckInsRepository, "add_many", disk_full)
    with pytest.raises(OSError, match="No space"):
        load_demo(store, TODAY, ZONE)
    assert store.counts() == Counts(0, 0, 0, 0)


def test_clear_network_empties_it_but_keeps_settings(demo_store: tuple[Store, Counts]) -> None:
    store, _counts = demo_store
    settings = Settings(suggestions_per_day=4, onboarded=True)
    store.settings.save(settings)
    clear_network(store)
    assert store.counts() == Counts(0, 0, 0, 0)
    assert store.is_empty()
    assert store.settings.load() == settings
    # Their child rows went too, through the database's ON DELETE CASCADE.
    with store.engine.connect() as conn:
        for table in ("person_channels", "person_tags", "person_support", "plan_skips"):
            assert conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar() == 0, table


def test_a_replace_that_fails_inside_the_move_keeps_the_old_network(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from supportnet.demo import loader
    from supportnet.model.network import Person

    store.people.add(Person(name="Ada"))
    copy_table = loader._copy_table

    def fail_after_people(conn: object, table: str) -> None:
        copy_table(conn, table)
        if table == "people":
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(loader, "_copy_table", fail_after_people)
    with pytest.raises(OSError, match="No space"):
        load_demo(store, TODAY, ZONE, replace=True)
    assert [p.name for p in store.people.list_all()] == ["Ada"]
    assert store.counts() == Counts(1, 0, 0, 0)
    assert not (store.data_dir / loader.SCRATCH_DIR_NAME).exists()


def test_the_example_plan_for_hard_days_uses_the_network(
    demo_store: tuple[Store, Counts],
) -> None:
    from supportnet.model.safety_plan import Step
    from supportnet.services.safety_plan import SafetyPlanService

    store, _counts = demo_store
    view = SafetyPlanService(store).view()
    # Every step has something in it, and every link finds its person or group.
    for step in Step:
        assert view.entries(step), step
    links = [line for step in Step for line in view.entries(step) if line.is_link]
    assert links
    assert all(line.in_network and line.target_id is not None for line in links)
    assert {line.kind for line in links} == {"person", "group"}
    helpers = view.entries(Step.HELPERS)
    assert [(h.name, h.entry.they_know) for h in helpers] == [("Dan", True), ("Pri", False)]
    assert all(h.reach for h in helpers)
    # Clearing the network clears the plan with it.
    clear_network(store)
    assert store.safety_plan.read().is_empty


def test_replacing_a_network_replaces_its_plan_for_hard_days(store: Store) -> None:
    from supportnet.model.network import Person
    from supportnet.model.safety_plan import PlanEntry, SafetyPlan, Step

    ada = store.people.add(Person(name="Ada"))
    store.safety_plan.replace(
        SafetyPlan().added(Step.HELPERS, PlanEntry.link("person", ada.uid, "Ada"))
    )
    load_demo(store, TODAY, ZONE, replace=True)
    helpers = store.safety_plan.read().entries(Step.HELPERS)
    assert [h.text for h in helpers] == ["Dan", "Pri"]
    assert store.integrity_problems() == []


def test_the_example_care_team_has_a_real_rota(demo_store: tuple[Store, Counts]) -> None:
    from supportnet.model.care import ME
    from supportnet.services.care_teams import YOU, CareTeamService

    store, _counts = demo_store
    teams = CareTeamService(store)
    (team,) = teams.list()
    mum = store.people.find("Margaret Hughes")[0]
    assert (team.name, team.focus) == ("Mum's knee", mum.uid)
    assert mum.circle.value == "inner"
    assert len(team.supporters) == 4
    assert ME in team.supporters
    kinds = {slot.plan.kind.value for slot in team.slots}
    assert {"fixed", "flexible"} <= kinds
    assert any(slot.is_open for slot in team.slots)
    assert len(team.swaps) == 1
    view = teams.rota(team.uid, TODAY, 28, ZONE)
    assert view.focus_name == "Mum"
    # Every supporter is in the network, named; the user is "You".
    assert all(s.in_network for s in view.supporters)
    assert YOU in [s.name for s in view.supporters]
    lines = [line for day in view.days for line in day.check_ins]
    assert any(line.swapped for line in lines)
    assert any(line.supporter_name is None for line in lines)  # the open visit
    # Someone on most days, and at least one day with nobody planned yet.
    assert 10 <= view.coverage.covered_days < 28
    assert view.coverage.longest_gap is not None
    # Clearing the network clears the teams with it.
    clear_network(store)
    assert teams.list() == []
    assert store.db.execute("SELECT count(*) FROM rota_slots") == [(0,)]


def test_replacing_a_network_replaces_its_care_teams(store: Store) -> None:
    from supportnet.model.care import ME, CareTeam

    store.care_teams.save(CareTeam(name="After hospital", focus=ME))
    load_demo(store, TODAY, ZONE, replace=True)
    assert [t.name for t in store.care_teams.list()] == ["Mum's knee"]
    assert store.integrity_problems() == []
